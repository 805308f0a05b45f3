import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INPUT_FILES_GLOB } from '../../server/src/protocol/constants';
import { WATCHED_FILES_GLOB } from '../../server/src/files/walk';
import type { ConfigurationParams, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, waitFor, serverFixture } from './lsp-test-client';

const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';

describe('LSP: settings and .kafkalint.json', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  const pulled = (uri: string): Promise<Diagnostic[]> => client!.pulledDiagnostics(uri);

  const severityOf = (diagnostics: readonly Diagnostic[], code: string): number | undefined => diagnostics.find((d) => d.code === code)?.severity;

  it('pulls kafkaLint settings per scopeUri, and re-grades a rule after didChangeConfiguration + refresh', async () => {
    let settings: unknown = null;
    client = await server.start({ pull: true, configuration: (p: ConfigurationParams) => p.items.map(() => settings) });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 1);
    assert.deepEqual(client.configurationRequests.at(-1)?.items, [{ scopeUri: uri, section: 'kafkaLint' }]);

    // Cached: a second pull of the same version does not ask again. (The workspace model asks for the folder's
    // settings on its own, in the background.)
    const forDocument = (): number => client!.configurationRequests.filter((r) => r.items.some((i) => i.scopeUri === uri)).length;
    const asked = forDocument();
    await pulled(uri);
    assert.equal(forDocument(), asked);

    settings = { kafkaVersion: '4.1', rules: { 'producer/acks-zero': 'warning' }, trace: { server: 'off' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client!.refreshRequests.length > 0, { message: 'workspace/diagnostic/refresh' });
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 2);

    settings = { rules: { 'producer/acks-zero': 'off' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client!.refreshRequests.length > 1);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), undefined);
  });

  it('takes settings from the didChangeConfiguration payload when the client cannot be asked, and re-publishes', async () => {
    client = await server.start();
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    await waitFor(() => severityOf(client!.diagnostics.get(uri)?.diagnostics ?? [], 'producer/acks-zero') === 1);
    const before = client.publishCount.get(uri) ?? 0;
    await client.notify('workspace/didChangeConfiguration', { settings: { kafkaLint: { rules: { 'producer/acks-zero': 'hint' } } } });
    await waitFor(() => (client!.publishCount.get(uri) ?? 0) > before, { message: 're-publish' });
    assert.equal(severityOf(client.diagnostics.get(uri)!.diagnostics, 'producer/acks-zero'), 4);
    assert.equal(client.configurationRequests.length, 0);
  });

  it('reads .kafkalint.json at the workspace root; editor settings override it', async () => {
    writeFileSync(join(server.folder, '.kafkalint.json'), JSON.stringify({ kafkaVersion: '2.8', rules: { 'producer/acks-zero': 'info' } }));
    let settings: unknown = { kafkaVersion: '4.1', rules: {} };
    client = await server.start({ pull: true, configuration: (p) => p.items.map(() => settings) });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 3);

    // Kafka 2.8 defaults acks to 1: a producer without acks is flagged under the file's version…
    const bare = client.uri('bare/producer.properties');
    await client.open(bare, 'properties', 'bootstrap.servers=localhost:9092\n');
    assert.deepEqual(
      (await pulled(bare)).map((d) => d.code),
      ['producer/acks-leader-only'],
    );
    // …and not once the editor explicitly chooses 3.0 (acks=all by default) and re-grades the rule.
    settings = { kafkaVersion: '3.0', rules: { 'producer/acks-zero': 'error' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client!.refreshRequests.length > 0);
    assert.deepEqual(await pulled(bare), []);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 1);
  });

  it('re-reads .kafkalint.json on didChangeWatchedFiles; invalid JSON is reported, not fatal', async () => {
    const file = join(server.folder, '.kafkalint.json');
    writeFileSync(file, JSON.stringify({ rules: { 'producer/acks-zero': 'warning' } }));
    client = await server.start({ pull: true, configuration: (p) => p.items.map(() => null) });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 2);

    writeFileSync(file, '{ "rules": { "producer/acks-zero": ');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await waitFor(() => client!.refreshRequests.length > 0);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 1, 'an unreadable file falls back to the defaults');
    const shown = await waitFor(() => client!.shownMessages.find((m) => /not valid JSON/.test(m.message)), { message: 'a warning about the JSON' });
    assert.equal(shown.type, 2);
    assert.ok(shown.message.includes('.kafkalint.json'));

    writeFileSync(file, JSON.stringify({ rules: { 'producer/acks-zero': 'loud' } }));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await waitFor(() => client!.refreshRequests.length > 1);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 1);
    await waitFor(() => client!.shownMessages.find((m) => /rules\.producer\/acks-zero must be one of/.test(m.message)), { message: 'a warning about the bad level' });
    const status = client.notifications.filter((n) => n.method === 'kafkaLint/status').map((n) => (n.params as { state: string }).state);
    assert.ok(status.includes('warning'), JSON.stringify(status));
    assert.equal(client.hasExited, false);
  });

  it('registers a .kafkalint.json watcher unless the client says it watches the file itself', async () => {
    const watchers = (c: TestClient): unknown[] => c.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').map((r) => r.registerOptions);
    client = await server.start();
    await waitFor(() => watchers(client!).length > 0, { message: 'watcher registration' });
    // The project file, and the files of the workspace model (workspace.test.ts).
    await waitFor(() => watchers(client!).length > 1, { message: 'workspace files watcher registration' });
    // The files' glob, and folders created or deleted (kind 5: Create | Delete).
    const files = { watchers: [{ globPattern: WATCHED_FILES_GLOB }, { globPattern: INPUT_FILES_GLOB }, { globPattern: '**/*', kind: 5 }] };
    assert.deepEqual(watchers(client), [{ watchers: [{ globPattern: '**/.kafkalint.json' }] }, files]);
    await client.stop();
    client = await server.start({ initializationOptions: { clientWatchesProjectFile: true } });
    await waitFor(() => client!.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'), { message: 'configuration registration' });
    // A round trip: anything the server sent after `initialized` has arrived before this answer.
    await client.request('textDocument/hover', { textDocument: { uri: client.uri('none.properties') }, position: { line: 0, character: 0 } });
    assert.deepEqual(watchers(client), [files]);
  });

  it('reads the .kafkalint.json of a workspace folder added later', async () => {
    writeFileSync(join(server.folder, '.kafkalint.json'), JSON.stringify({ rules: { 'producer/acks-zero': 'off' } }));
    client = await server.start({ withoutWorkspace: true, pull: true, configuration: (p) => p.items.map(() => null) });
    const uri = pathToFileURL(join(server.folder, 'producer.properties')).href;
    await client.open(uri, 'properties', PRODUCER);
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), 1);
    const added = { uri: pathToFileURL(server.folder).href, name: 'added' };
    client.workspaceFolders = [added];
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [added], removed: [] } });
    await waitFor(() => client!.refreshRequests.length > 0, { message: 'refresh after the folder change' });
    assert.equal(severityOf(await pulled(uri), 'producer/acks-zero'), undefined);
  });
});
