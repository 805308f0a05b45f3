import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { editsFor, positionOf, serverFixture, waitFor } from './lsp-test-client';
import type { TestClient } from './lsp-test-client';

const ACKS = 'producer/acks-all-without-min-isr';
const BROKER = 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=1\nlog.dirs=/var/lib/kafka\ndefault.replication.factor=3\n';
const PRODUCER = 'bootstrap.servers=kafka-1:9092\nacks=all\n';

/**
 * The server's workspace model: a producer in one file, the broker that decides its min ISR in another. The
 * broker file is read from disk in the background; opening it, editing it, or changing it on disk re-publishes
 * (push) or refreshes (pull) the producer's diagnostics.
 */
describe('LSP: cross-file findings from the workspace model', function () {
  const server = serverFixture('kafka-lint-workspace-');

  const put = (name: string, content: string): void => {
    const path = join(server.folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const cross = (diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] => (diagnostics ?? []).filter((d) => d.code === ACKS);
  const pushed = (client: TestClient, uri: string): Diagnostic[] => cross(client.diagnostics.get(uri)?.diagnostics);

  it('push: a finding from the broker file on disk, with relatedInformation pointing at that file', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    const broker = client.uri('config/server.properties');
    await client.open(producer, 'properties', PRODUCER);
    const [finding] = await waitFor(() => (pushed(client, producer).length > 0 ? pushed(client, producer) : undefined), { message: 'cross-file finding pushed' });
    assert.deepEqual(finding.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } });
    assert.match(String(finding.message), /config\/server\.properties sets min\.insync\.replicas=1/);
    assert.deepEqual(
      finding.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.location.range.end.character, r.message]),
      [
        [broker, 2, 20, 21, 'min.insync.replicas=1 is set here'],
        [broker, 1, 10, 34, 'the broker answering on kafka-1:9092'],
      ],
    );
    // The quick fix edits the broker file: a WorkspaceEdit on that URI, not on the producer's.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: producer },
      range: finding.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title.includes('min.insync.replicas=2'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(editsFor(fix.edit, producer), []);
    assert.deepEqual(editsFor(fix.edit, broker), [{ range: { start: { line: 2, character: 20 }, end: { line: 2, character: 21 } }, newText: '2' }]);
  });

  it('a link by folder does not reach into another project: sample-01`s producer gets nothing from sample-05`s test broker, sample-05`s own does', async () => {
    const lone = 'acks=all\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n';
    put('samples/sample-01/pom.xml', '<project/>\n');
    put('samples/sample-01/src/main/resources/producer.properties', lone);
    put('samples/sample-05/pom.xml', '<project/>\n');
    put('samples/sample-05/src/main/resources/producer.properties', lone);
    put('samples/sample-05/src/test/resources/kafka-broker.properties', 'broker.id=0\nlog.dirs=/var/lib/kafka\n');
    const client = await server.start();
    const one = client.uri('samples/sample-01/src/main/resources/producer.properties');
    const five = client.uri('samples/sample-05/src/main/resources/producer.properties');
    await client.open(one, 'properties', lone);
    await client.open(five, 'properties', lone);
    await waitFor(() => pushed(client, five).length === 1, { message: 'sample-05 producer linked to its own test broker' });
    assert.match(String(pushed(client, five)[0].message), /samples\/sample-05\/src\/test\/resources\/kafka-broker\.properties leaves min\.insync\.replicas unset/);
    assert.deepEqual(pushed(client, one), []);
  });

  it('a fix in a file changed on disk without a watched-file event is not offered on stale positions; it comes back on the new text', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    const broker = client.uri('config/server.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(client, producer).length > 0, { message: 'cross-file finding pushed' });
    // A line added at the top on disk; the client sends no didChangeWatchedFiles.
    const changed = `# edited\n${BROKER}`;
    put('config/server.properties', changed);
    const fixes = async (): Promise<CodeAction[]> => {
      const [finding] = pushed(client, producer);
      if (!finding) return [];
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: producer }, range: finding.range, context: { diagnostics: [finding], only: ['quickfix'] } });
      return actions.filter((a) => editsFor(a.edit, broker).length > 0);
    };
    const atLine = (line: number) => [{ range: { start: { line, character: 20 }, end: { line, character: 21 } }, newText: '2' }];
    // Never the edit of the old text (line 2 would turn listeners=PLAINTEXT://… into PLAINTEXT:2/…).
    for (const a of await fixes()) assert.deepEqual(editsFor(a.edit, broker), atLine(3));
    // The server reads the file again and offers the fix on the current text.
    const [fix] = await waitFor(
      async () => {
        const found = await fixes();
        return found.length > 0 ? found : undefined;
      },
      { message: 'fix on the new text' },
    );
    assert.deepEqual(editsFor(fix.edit, broker), atLine(3));
    assert.equal(changed.split('\n')[3], 'min.insync.replicas=1');
  });

  it('a file reached through a linked folder and directly is one file of the model (real path)', async () => {
    put('real/server.properties', BROKER);
    symlinkSync('real', join(server.folder, 'cfg'), 'dir');
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    const broker = client.uri('real/server.properties');
    await client.open(broker, 'properties', BROKER);
    await client.open(producer, 'properties', PRODUCER);
    const [finding] = await waitFor(() => (pushed(client, producer).length > 0 ? pushed(client, producer) : undefined), { message: 'cross-file finding pushed' });
    // One broker: one related setting, in the file as opened, and the fix is offered (not "several weak brokers").
    assert.deepEqual(
      finding.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [
        [broker, 2],
        [broker, 1],
      ],
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: producer }, range: finding.range, context: { diagnostics: [finding], only: ['quickfix'] } });
    const fix = actions.find((a) => a.title.includes('min.insync.replicas=2'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(editsFor(fix.edit, broker), [{ range: { start: { line: 2, character: 20 }, end: { line: 2, character: 21 } }, newText: '2' }]);
  });

  it('a deleted folder (one Deleted event for the folder) takes its files out of the model', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(client, producer).length > 0, { message: 'cross-file finding pushed' });
    rmSync(join(server.folder, 'config'), { recursive: true, force: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('config'), type: 3 }] });
    await waitFor(() => pushed(client, producer).length === 0, { message: 'finding gone with the deleted folder' });
  });

  it('multi-root: the cross-file findings of each folder take the rule levels of its own .kafkalint.json', async () => {
    for (const [name, level, host] of [['a', 'error', 'kafka-1'], ['b', 'hint', 'kafka-2']]) {
      put(`${name}/.kafkalint.json`, JSON.stringify({ rules: { [ACKS]: level } }));
      put(`${name}/config/server.properties`, BROKER.replace('kafka-1', host));
      put(`${name}/app/producer.properties`, PRODUCER.replace('kafka-1', host));
    }
    const client = await server.start({ withoutWorkspace: true, configuration: (p) => p.items.map(() => null) });
    const uri = (name: string): string => pathToFileURL(join(server.folder, name)).href;
    const folders = ['a', 'b'].map((name) => ({ uri: uri(name), name }));
    client.workspaceFolders = folders;
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: folders, removed: [] } });
    const a = uri('a/app/producer.properties');
    const b = uri('b/app/producer.properties');
    await client.open(a, 'properties', PRODUCER);
    await client.open(b, 'properties', PRODUCER.replace('kafka-1', 'kafka-2'));
    await waitFor(() => pushed(client, a)[0]?.severity === 1, { message: 'folder a: error' });
    await waitFor(() => pushed(client, b)[0]?.severity === 4, { message: 'folder b: hint (its own .kafkalint.json, not that of the first folder)' });
  });

  it('hover on the flagged value explains the cross-file finding', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(client, producer).length > 0, { message: 'cross-file finding pushed' });
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: producer }, position: { line: 1, character: 6 } });
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /producer\/acks-all-without-min-isr/);
    assert.match(text, /config\/server\.properties sets min\.insync\.replicas=1/);
  });

  it('the rule levels of the settings apply to cross-file findings, and a settings change re-grades them', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    let level = 'error';
    const client = await server.start({ configuration: (p) => p.items.map(() => ({ rules: { [ACKS]: level } })) });
    const producer = client.uri('app/producer.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(client, producer)[0]?.severity === 1, { message: 'the cross-file finding as an error' });
    level = 'off';
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client.diagnostics.has(producer) && pushed(client, producer).length === 0, { message: 'the rule turned off' });
  });

  it('push: editing the other open file (didChange) re-publishes the producer', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    const broker = client.uri('config/server.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(client, producer).length > 0, { message: 'cross-file finding pushed' });
    await client.open(broker, 'properties', BROKER);
    // The broker's own diagnostics do not carry the producer's finding.
    await waitFor(() => client.diagnostics.has(broker), { message: 'broker diagnostics' });
    const at = positionOf(BROKER, 'min.insync.replicas=1', 'min.insync.replicas='.length);
    await client.edit(broker, { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '2' });
    await waitFor(() => pushed(client, producer).length === 0, { message: 'producer re-published without the finding' });
    // And back: the unsaved editor text decides, not the disk.
    await client.edit(broker, { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '1' });
    await waitFor(() => pushed(client, producer).length === 1, { message: 'producer re-published with the finding' });
  });

  it('push: a watched-file change on disk re-publishes the producer', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(client, producer).length > 0, { message: 'cross-file finding pushed' });
    put('config/server.properties', BROKER.replace('min.insync.replicas=1', 'min.insync.replicas=2'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('config/server.properties'), type: 2 }] });
    await waitFor(() => pushed(client, producer).length === 0, { message: 'producer re-published without the finding' });
    // A broker file created later links too.
    put('legacy/server.properties', BROKER.replace('kafka-1', 'kafka-2'));
    put('legacy/producer.properties', PRODUCER.replace('kafka-1', 'kafka-2'));
    const other = client.uri('legacy/producer.properties');
    await client.open(other, 'properties', PRODUCER.replace('kafka-1', 'kafka-2'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('legacy/server.properties'), type: 1 }] });
    await waitFor(() => pushed(client, other).length === 1, { message: 'finding from a created file' });
    put('legacy/server.properties', '');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('legacy/server.properties'), type: 3 }] });
    await waitFor(() => pushed(client, other).length === 0, { message: 'finding gone with the deleted file' });
  });

  it('pull: declares interFileDependencies and asks for a refresh when the other file changes', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start({ pull: true });
    const producer = client.uri('app/producer.properties');
    await client.open(producer, 'properties', PRODUCER);
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider && (client.initializeResult.capabilities.diagnosticProvider as { interFileDependencies: boolean }).interFileDependencies, true);
    // The first pull need not wait for the workspace read; the refresh after it brings the finding.
    await waitFor(async () => cross(await client.pulledDiagnostics(producer)).length === 1, { message: 'pulled cross-file finding' });
    const refreshes = client.refreshRequests.length;
    put('config/server.properties', BROKER.replace('min.insync.replicas=1', 'min.insync.replicas=2'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('config/server.properties'), type: 2 }] });
    await waitFor(() => client.refreshRequests.length > refreshes, { message: 'diagnostic refresh' });
    assert.deepEqual(cross(await client.pulledDiagnostics(producer)), []);
  });

  it('reports the first read of the workspace as work-done progress when the client shows progress', async () => {
    put('config/server.properties', BROKER);
    put('app/producer.properties', PRODUCER);
    const client = await server.start({ workDoneProgress: true });
    const kinds = (): string[] => client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
    await waitFor(() => kinds().includes('end'), { message: 'progress end' });
    assert.equal(kinds()[0], 'begin');
    const begin = client.notifications.find((n) => n.method === '$/progress')!.params as { value: { title: string; message: string } };
    assert.deepEqual([begin.value.title, begin.value.message], ['Kafka Lint', 'reading 2 workspace files']);
    // In the language of the settings.
    const zh = await server.start({ workDoneProgress: true, configuration: (p) => p.items.map(() => ({ locale: 'zh-CN' })) });
    const zhBegin = await waitFor(
      () => zh.notifications.find((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'begin')?.params as { value: { message: string } } | undefined,
      { message: 'progress begin (zh-CN)' },
    );
    assert.equal(zhBegin.value.message, '正在读取工作区的 2 个文件');
    // Without the capability: no progress at all.
    const quiet = await server.start();
    const producer = quiet.uri('app/producer.properties');
    await quiet.open(producer, 'properties', PRODUCER);
    await waitFor(() => pushed(quiet, producer).length > 0, { message: 'cross-file finding pushed' });
    assert.equal(quiet.notifications.filter((n) => n.method === '$/progress').length, 0);
  });

  it('registers a watcher for the workspace files', async () => {
    const client = await server.start();
    await waitFor(() => client.registrations.some((r) => JSON.stringify(r.registerOptions).includes('properties,yml')), { message: 'files watcher' });
    // Folders created or deleted: their one event does not match the files' glob.
    const watchers = client.registrations.flatMap((r) => (r.registerOptions as { watchers?: { globPattern: unknown; kind?: number }[] } | undefined)?.watchers ?? []);
    assert.ok(watchers.some((w) => w.globPattern === '**/*' && w.kind === 5), JSON.stringify(watchers));
  });
});
