import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../cli/helpers';
import type { MessagePathResult } from '../../server/src/protocol/constants';
import { Methods } from '../../server/src/protocol/constants';
import { positionOf, serverFixture, waitFor } from './lsp-test-client';
import type { TestClient } from './lsp-test-client';

const ABOVE = 'broker/replication-factor-above-broker-count';
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'strimzi-node-pools', name), 'utf8');
const KAFKA = fixture('kafka.yaml');
const POOLS = fixture('pools.yaml');

/**
 * A Strimzi cluster whose brokers come from node pools in two files: the server counts the pools of every
 * file of the workspace for the Kafka resource's own findings, and re-publishes them when a pool file changes
 * (edited unsaved, or on disk).
 */
describe('LSP: Strimzi node pools in another file', function () {
  this.timeout(30000);
  const server = serverFixture('kafka-lint-node-pools-');
  const put = (name: string, content: string): void => {
    const path = join(server.folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const above = (client: TestClient, uri: string): string[] =>
    (client.diagnostics.get(uri)?.diagnostics ?? []).filter((d: Diagnostic) => d.code === ABOVE).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`);

  it('push: the pool file on disk counts; editing it, then changing it on disk, re-publishes the Kafka file', async () => {
    put('k8s/kafka.yaml', KAFKA);
    put('k8s/pools.yaml', POOLS);
    const client = await server.start();
    const kafka = client.uri('k8s/kafka.yaml');
    const pools = client.uri('k8s/pools.yaml');
    await client.open(kafka, 'yaml', KAFKA);
    // Once the workspace is read, three brokers: no replication factor of 3 is impossible.
    await waitFor(() => client.diagnostics.has(kafka) && above(client, kafka).length === 0, { message: 'pools of pools.yaml counted' });
    await client.open(pools, 'yaml', POOLS);
    await waitFor(() => client.diagnostics.has(pools), { message: 'pool file published' });
    const at = positionOf(POOLS, 'replicas: 2', 'replicas: '.length);
    const before = client.diagnostics.get(pools);
    await client.edit(pools, { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '1' });
    // Two brokers, in the unsaved text: the factors of 3 are impossible, the minimum ISR of 2 is not.
    await waitFor(() => above(client, kafka).length === 3, { message: 'Kafka file re-published after the pool edit' });
    assert.deepEqual(above(client, kafka), ['18:35', '20:41', '21:49']);
    // Each points at the pools counted: the Kafka file's own, then the pool file's spec.replicas.
    const relatedOf = () =>
      (client.diagnostics.get(kafka)?.diagnostics ?? [])
        .filter((d: Diagnostic) => d.code === ABOVE)
        .map((d) => (d.relatedInformation ?? []).map((r) => `${r.location.uri === pools ? 'pools' : r.location.uri === kafka ? 'kafka' : r.location.uri}@${r.location.range.start.line}:${r.location.range.start.character}-${r.location.range.end.line}:${r.location.range.end.character} ${r.message}`));
    const dual = 'kafka@30:12-30:13 The `KafkaNodePool` `dual` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 1`.';
    const brokers = (line: number) => `pools@${line}:12-${line}:13 The \`KafkaNodePool\` \`brokers\` is counted toward the brokers of the cluster \`ledger\`: \`spec.replicas: 1\`.`;
    assert.deepEqual(relatedOf(), [[dual, brokers(8)], [dual, brokers(8)], [dual, brokers(8)]]);
    await waitFor(() => client.diagnostics.get(pools) !== before, { message: 'pool file re-published' });
    // A line added above the pool's replicas moves it: the Kafka file is re-published with the new range.
    await client.edit(pools, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# one more line\n' });
    await waitFor(() => relatedOf()[0]?.[1] === brokers(9), { message: 'related range moved with the pool edit' });
    assert.deepEqual(relatedOf(), [[dual, brokers(9)], [dual, brokers(9)], [dual, brokers(9)]]);
    // Closed, the pool file is the disk's again (two brokers); then it changes on disk to a controller-only pool.
    await client.close(pools);
    await waitFor(() => above(client, kafka).length === 0, { message: 'back to the disk text' });
    put('k8s/pools.yaml', POOLS.replace('    - broker', '    - controller'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pools, type: 2 }] });
    await waitFor(() => above(client, kafka).length === 5, { message: 'one broker after the change on disk' });
  });

  it('pull: a change of the pool file asks for a refresh, and the Kafka file pulls its new findings', async () => {
    put('k8s/kafka.yaml', KAFKA);
    put('k8s/pools.yaml', POOLS);
    const client = await server.start({ pull: true, workDoneProgress: true });
    const kafka = client.uri('k8s/kafka.yaml');
    await client.open(kafka, 'yaml', KAFKA);
    await waitFor(() => client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'), { message: 'workspace read' });
    const count = async () => (await client.pulledDiagnostics(kafka)).filter((d) => d.code === ABOVE).length;
    assert.equal(await count(), 0);
    const refreshes = client.refreshRequests.length;
    put('k8s/pools.yaml', POOLS.replace('replicas: 2', 'replicas: 1'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('k8s/pools.yaml'), type: 2 }] });
    await waitFor(() => client.refreshRequests.length > refreshes, { message: 'refresh asked' });
    assert.equal(await count(), 3);
    const pulled = (await client.pulledDiagnostics(kafka)).filter((d) => d.code === ABOVE);
    assert.deepEqual(
      pulled.map((d) => d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])),
      [0, 1, 2].map(() => [[kafka, 30], [client.uri('k8s/pools.yaml'), 8]]),
    );
  });

  it('the workspace report counts the pools of every file for files that are not open, as their diagnostics do', async () => {
    put('k8s/kafka.yaml', KAFKA);
    put('k8s/pools.yaml', POOLS);
    const client = await server.start({ pull: true });
    const report = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
    assert.deepEqual(report.report.stages.flatMap((s) => s.findings.filter((f) => f.rule === ABOVE).map((f) => [f.file, f.line])), []);
    // The pool file changed to one broker: the Kafka file's report follows.
    put('k8s/pools.yaml', POOLS.replace('replicas: 2', 'replicas: 1'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('k8s/pools.yaml'), type: 2 }] });
    const later = await waitFor(async () => {
      const r = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
      const lines = r.report.stages.flatMap((s) => s.findings.filter((f) => f.rule === ABOVE).map((f) => f.line));
      return lines.length > 0 ? lines : undefined;
    }, { message: 'report follows the pool change' });
    assert.deepEqual(later, [18, 20, 21]);
  });

  it('two Kafka resources named ledger in two folders are two clusters: each counts the pools of its own folder', async () => {
    put('a/kafka.yaml', KAFKA);
    put('b/kafka.yaml', KAFKA);
    put('b/pools.yaml', POOLS);
    const client = await server.start();
    const a = client.uri('a/kafka.yaml');
    const b = client.uri('b/kafka.yaml');
    await client.open(b, 'yaml', KAFKA);
    await client.open(a, 'yaml', KAFKA);
    // a/: its own pool of one broker; b/: its own and b/pools.yaml's, three (b/ has 5 findings until the workspace is read).
    await waitFor(() => above(client, a).length === 5 && above(client, b).length === 0, { message: 'a/ one broker, b/ three' });
    assert.deepEqual(above(client, a), ['18:35', '19:28', '20:41', '21:49', '22:38']);
  });
});
