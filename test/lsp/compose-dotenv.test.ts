import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { COMPOSE_WITH_VARIABLES as COMPOSE, LOCAL_PRODUCER as PRODUCER } from '../support/compose-dotenv';
import { positionOf, serverFixture, waitFor } from './lsp-test-client';
import type { TestClient } from './lsp-test-client';


/**
 * Docker Compose replaces `${VAR}` from the `.env` file beside the compose file: the server reads it for open
 * compose files and for the workspace model, and a change of it on disk re-publishes (push) or refreshes
 * (pull) what depends on it.
 */
describe('LSP: a docker-compose file read with its .env file', function () {
  this.timeout(30000);
  const server = serverFixture('kafka-lint-compose-dotenv-');
  const put = (name: string, content: string): void => {
    const path = join(server.folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const codes = (client: TestClient, uri: string): string[] =>
    (client.diagnostics.get(uri)?.diagnostics ?? []).map((d: Diagnostic) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
  const changedOnDisk = (client: TestClient, name: string, content: string) => {
    put(name, content);
    return client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(name), type: 2 }] });
  };

  it("push: judges the .env file's value, says so in the hover, and follows a change of the file on disk", async () => {
    put('app/docker-compose.yml', COMPOSE);
    put('app/.env', 'MIN_ISR=2\nRF=1\n');
    const client = await server.start();
    const uri = client.uri('app/docker-compose.yml');
    await client.open(uri, 'dockercompose', COMPOSE);
    await waitFor(() => codes(client, uri).includes('broker/replication-factor-not-above-min-insync@9:41'), { message: 'published with .env' });
    assert.ok(!codes(client, uri).some((c) => c.startsWith('broker/min-insync-replicas-too-low')), codes(client, uri).join(' '));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(COMPOSE, '${RF:-3}', 2) });
    assert.match((hover.contents as MarkupContent).value, /Docker Compose takes this value from `RF=1` in the `\.env` file beside this one/);
    // No fix edits a value the .env file gives.
    const diagnostic = client.diagnostics.get(uri)!.diagnostics.find((d) => d.code === 'broker/replication-factor-not-above-min-insync')!;
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Set ')), []);
    await changedOnDisk(client, 'app/.env', 'MIN_ISR=1\n');
    await waitFor(() => codes(client, uri).includes('broker/min-insync-replicas-too-low@8:34'), { message: 're-published after the .env change' });
    assert.ok(!codes(client, uri).some((c) => c.startsWith('broker/replication-factor-not-above-min-insync')), codes(client, uri).join(' '));
  });

  it("links a producer to the broker's min ISR from .env, and follows the file", async () => {
    put('app/docker-compose.yml', COMPOSE);
    put('app/.env', 'MIN_ISR=2\n');
    put('app/producer.properties', PRODUCER);
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    await client.open(producer, 'properties', PRODUCER);
    await waitFor(() => client.diagnostics.has(producer), { message: 'producer published' });
    // Give the workspace read time to link; the producer must stay clean.
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(codes(client, producer), []);
    await changedOnDisk(client, 'app/.env', 'MIN_ISR=1\n');
    await waitFor(() => codes(client, producer).some((c) => c.startsWith('producer/acks-all-without-min-isr@')), { message: 'producer re-published with min ISR 1' });
  });

  it('pull: a change of the .env file asks for a refresh, and the compose file pulls its new findings', async () => {
    put('app/docker-compose.yml', COMPOSE);
    put('app/.env', 'MIN_ISR=2\n');
    const client = await server.start({ pull: true, workDoneProgress: true });
    const uri = client.uri('app/docker-compose.yml');
    await client.open(uri, 'dockercompose', COMPOSE);
    await waitFor(() => client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'), { message: 'workspace read' });
    const first = await client.request<{ resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(!first.items.some((d) => d.code === 'broker/min-insync-replicas-too-low'));
    const refreshes = client.refreshRequests.length;
    await changedOnDisk(client, 'app/.env', 'MIN_ISR=1\n');
    await waitFor(() => client.refreshRequests.length > refreshes, { message: 'refresh asked' });
    const again = await client.request<{ kind: string; resultId: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'full');
    assert.ok(again.items!.some((d) => d.code === 'broker/min-insync-replicas-too-low'));
  });
});
