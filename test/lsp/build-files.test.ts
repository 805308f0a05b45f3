import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { pomWith, PRODUCER_JAVA } from '../support/build-files';
import { serverFixture, waitFor } from './lsp-test-client';
import type { TestClient } from './lsp-test-client';

/**
 * An open Java client takes the defaults of the kafka-clients version its project's build file pins, and a
 * change of that file on disk re-publishes (push) or refreshes (pull) it.
 */
describe('LSP: client defaults of the version the build file pins', function () {
  this.timeout(30000);
  const server = serverFixture('kafka-lint-build-files-');
  const put = (name: string, content: string): void => {
    const path = join(server.folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const codes = (client: TestClient, uri: string): string[] =>
    (client.diagnostics.get(uri)?.diagnostics ?? []).map((d: Diagnostic) => `${String(d.code)}@${d.range.start.line + 1}`);
  const JAVA = 'svc/src/main/java/app/Orders.java';

  it('push: acks=1 under kafka-clients 2.8, gone when the pom moves to 3.6', async () => {
    put('svc/pom.xml', pomWith('2.8.1'));
    put(JAVA, PRODUCER_JAVA);
    const client = await server.start();
    const uri = client.uri(JAVA);
    await client.open(uri, 'java', PRODUCER_JAVA);
    await waitFor(() => codes(client, uri).includes('producer/acks-leader-only@8'), { message: 'published with the pom version' });
    const message = String(client.diagnostics.get(uri)!.diagnostics.find((d) => d.code === 'producer/acks-leader-only')!.message);
    assert.match(message, /kafka-clients 2\.8\.1 \(as pom\.xml pins it\) defaults it to 1/);
    put('svc/pom.xml', pomWith('3.6.1'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('svc/pom.xml'), type: 2 }] });
    await waitFor(() => client.diagnostics.has(uri) && !codes(client, uri).includes('producer/acks-leader-only@8'), { message: 're-published after the pom change' });
  });

  it('pull: a change of the pom asks for a refresh, and the file pulls its new findings', async () => {
    put('svc/pom.xml', pomWith('3.6.1'));
    put(JAVA, PRODUCER_JAVA);
    const client = await server.start({ pull: true, workDoneProgress: true });
    const uri = client.uri(JAVA);
    await client.open(uri, 'java', PRODUCER_JAVA);
    await waitFor(() => client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'), { message: 'workspace read' });
    assert.ok(!(await client.pulledDiagnostics(uri)).some((d) => d.code === 'producer/acks-leader-only'));
    const refreshes = client.refreshRequests.length;
    put('svc/pom.xml', pomWith('2.8.1'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('svc/pom.xml'), type: 2 }] });
    await waitFor(() => client.refreshRequests.length > refreshes, { message: 'refresh asked' });
    assert.ok((await client.pulledDiagnostics(uri)).some((d) => d.code === 'producer/acks-leader-only'));
  });
});
