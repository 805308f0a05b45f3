import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { MessagePathResult } from '../../server/src/protocol/constants';
import { Methods } from '../../server/src/protocol/constants';
import { COMPOSE_BASE as BASE, COMPOSE_OVERRIDE as OVERRIDE } from '../support/compose-pair';
import { positionOf, serverFixture, waitFor } from './lsp-test-client';
import type { TestClient } from './lsp-test-client';

/**
 * `docker compose up` merges docker-compose.yml with docker-compose.override.yml: the server judges each open
 * file with the other (open and edited, or on disk), and re-publishes one when the other changes.
 */
describe('LSP: a docker-compose file and its override', function () {
  this.timeout(30000);
  const server = serverFixture('kafka-lint-compose-override-');
  const put = (name: string, content: string): void => {
    const path = join(server.folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const codes = (client: TestClient, uri: string): string[] =>
    (client.diagnostics.get(uri)?.diagnostics ?? []).map((d: Diagnostic) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);

  it('push: the override on disk counts for the base; editing the override, then changing it on disk, re-publishes the base', async () => {
    put('dev/docker-compose.yml', BASE);
    put('dev/docker-compose.override.yml', OVERRIDE);
    const client = await server.start();
    const base = client.uri('dev/docker-compose.yml');
    const override = client.uri('dev/docker-compose.override.yml');
    await client.open(base, 'dockercompose', BASE);
    // Once the workspace is read, the base's min ISR is the override's: no finding left in the base.
    await waitFor(() => client.diagnostics.has(base) && codes(client, base).length === 0, { message: 'override counted' });
    await client.open(override, 'dockercompose', OVERRIDE);
    // The override's min ISR of 2 on the base's single broker can never be met.
    await waitFor(() => codes(client, override).length === 1, { message: 'override published' });
    assert.deepEqual(codes(client, override), ['broker/replication-factor-above-broker-count@4:34']);
    // Unsaved, the override stops setting it: the base's own min ISR of 1 is the broker's again.
    const at = positionOf(OVERRIDE, 'KAFKA_MIN_INSYNC_REPLICAS');
    await client.edit(override, { range: { start: at, end: { line: at.line, character: at.character + 'KAFKA_MIN_INSYNC_REPLICAS'.length } }, newText: 'KAFKA_NUM_PARTITIONS' });
    await waitFor(() => codes(client, base).includes('broker/min-insync-replicas-too-low@8:34'), { message: 'base re-published after the override edit' });
    // Closed, the override is the disk's again; then on disk it only publishes a port.
    await client.close(override);
    await waitFor(() => codes(client, base).length === 0, { message: 'back to the disk text' });
    put('dev/docker-compose.override.yml', 'services:\n  kafka:\n    ports:\n      - "29092:29092"\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: override, type: 2 }] });
    await waitFor(() => codes(client, base).includes('broker/min-insync-replicas-too-low@8:34'), { message: 'base re-published after the change on disk' });
  });

  it('links a producer to the settings the broker runs with: the override raises the base min ISR of 1 to 2', async () => {
    const base = BASE.replace('    environment:', '    ports:\n      - "9092:9092"\n    environment:');
    put('app/docker-compose.yml', base);
    put('app/docker-compose.override.yml', OVERRIDE);
    put('app/producer.properties', 'bootstrap.servers=localhost:9092\nacks=all\n');
    const client = await server.start();
    const producer = client.uri('app/producer.properties');
    const override = client.uri('app/docker-compose.override.yml');
    await client.open(producer, 'properties', 'bootstrap.servers=localhost:9092\nacks=all\n');
    await client.open(override, 'dockercompose', OVERRIDE);
    await waitFor(() => codes(client, override).length === 1, { message: 'override published' });
    // Give the workspace read time to link; the producer must stay clean.
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(codes(client, producer), []);
    // The override sets the heap instead (unsaved; no broker setting): the base's min ISR of 1 makes the
    // producer's acks=all weak.
    const at = positionOf(OVERRIDE, 'KAFKA_MIN_INSYNC_REPLICAS');
    await client.edit(override, { range: { start: at, end: { line: at.line, character: at.character + 'KAFKA_MIN_INSYNC_REPLICAS'.length } }, newText: 'KAFKA_HEAP_OPTS' });
    await waitFor(() => codes(client, producer).some((c) => c.startsWith('producer/acks-all-without-min-isr@')), { message: 'producer re-published with the base min ISR' });
  });

  it('the workspace report judges files not open as their diagnostics would: the base merged with its override', async () => {
    put('dev/docker-compose.yml', BASE);
    put('dev/docker-compose.override.yml', OVERRIDE);
    const client = await server.start({ pull: true });
    const report = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
    const findings = report.report.stages.flatMap((s) => s.findings.map((f) => [f.file, f.rule, f.line]));
    assert.deepEqual(findings, [['dev/docker-compose.override.yml', 'broker/replication-factor-above-broker-count', 4]]);
  });

  it('pull: a change of the override asks for a refresh, and the base pulls its new findings', async () => {
    put('dev/docker-compose.yml', BASE);
    put('dev/docker-compose.override.yml', OVERRIDE);
    const client = await server.start({ pull: true, workDoneProgress: true });
    const base = client.uri('dev/docker-compose.yml');
    await client.open(base, 'dockercompose', BASE);
    await waitFor(() => client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'), { message: 'workspace read' });
    assert.deepEqual((await client.pulledDiagnostics(base)).map((d) => d.code), []);
    const refreshes = client.refreshRequests.length;
    put('dev/docker-compose.override.yml', 'services:\n  kafka:\n    ports:\n      - "29092:29092"\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('dev/docker-compose.override.yml'), type: 2 }] });
    await waitFor(() => client.refreshRequests.length > refreshes, { message: 'refresh asked' });
    assert.ok((await client.pulledDiagnostics(base)).some((d) => d.code === 'broker/min-insync-replicas-too-low'));
  });
});
