import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { collectFiles } from '../../server/src/files/walk';
import { jsonFindings, ROOT, runCli } from '../cli/helpers';
import { serverFixture, waitFor } from './lsp-test-client';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** Files added to a copy of examples/: a producer and a topic linked to the compose cluster, a broker file and its producer. */
const EXTRA: Readonly<Record<string, string>> = {
  'linked/topics/payments.properties': 'min.insync.replicas=1\nmax.message.bytes=1048588\n',
  'linked/app/producer.properties': 'bootstrap.servers=kafka:9092\nacks=all\nmax.request.size=5242880\nenable.idempotence=true\n',
  'legacy/server.properties': 'broker.id=1\nlisteners=PLAINTEXT://kafka-legacy:9092\nmin.insync.replicas=1\nlog.dirs=/var/lib/kafka\n',
  'legacy/producer.properties': 'bootstrap.servers=kafka-legacy:9092\nacks=all\n',
  // A Strimzi cluster whose brokers come from node pools in two files (alone, kafka.yaml has one broker).
  'k8s/kafka.yaml': readFileSync(join(ROOT, 'test', 'fixtures', 'strimzi-node-pools', 'kafka.yaml'), 'utf8'),
  'k8s/pools.yaml': readFileSync(join(ROOT, 'test', 'fixtures', 'strimzi-node-pools', 'pools.yaml'), 'utf8'),
};

/**
 * The editor and the command line give the same findings on the same files: every file of a copy of
 * examples/ (and a few linked files) opened in the server over JSON-RPC, and `kafka-lint --format json .` in
 * the same folder. Positions, messages, severities and related locations, per-file and cross-file alike.
 */
describe('LSP and CLI: the same findings on the same workspace', function () {
  this.timeout(60000);
  const server = serverFixture('kafka-lint-parity-');

  it('every file opened in the server has the findings the CLI prints for it', async () => {
    cpSync(join(ROOT, 'examples'), server.folder, { recursive: true });
    for (const [name, text] of Object.entries(EXTRA)) {
      mkdirSync(join(server.folder, name, '..'), { recursive: true });
      writeFileSync(join(server.folder, name), text);
    }
    const expected = jsonFindings(runCli(['--format', 'json', '.'], server.folder).stdout).map((f) => ({
      file: f.file,
      rule: f.rule,
      severity: f.severity as string,
      message: f.message,
      at: [f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1],
      related: (f.related ?? []).map((r) => ({ file: r.file, message: r.message, at: [r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1] })),
    }));
    assert.ok(expected.some((f) => f.related.some((r) => r.file !== f.file)), 'the fixture has cross-file findings');
    // The node pools of k8s/pools.yaml count for the cluster of k8s/kafka.yaml: three brokers, RF 3 is possible.
    assert.ok(!expected.some((f) => f.file === 'k8s/kafka.yaml' && f.rule === 'broker/replication-factor-above-broker-count'), 'pools counted');
    const alone = jsonFindings(runCli(['--format', 'json', 'k8s/kafka.yaml'], server.folder).stdout);
    assert.ok(alone.some((f) => f.rule === 'broker/replication-factor-above-broker-count'), 'alone, one broker');

    const client = await server.start({ pull: true, workDoneProgress: true });
    const files = collectFiles([server.folder]).files.map((f) => f.absolute.slice(server.folder.length + 1).split('\\').join('/'));
    for (const name of files) await client.open(client.uri(name), '', readFileSync(join(server.folder, name), 'utf8'));
    // The first read of the workspace has ended: every file is in the model.
    await waitFor(() => client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'), {
      timeout: 30000,
      message: 'workspace read',
    });
    const byUri = new Map(files.map((name) => [pathToFileURL(join(server.folder, name)).href, name]));
    const actual: typeof expected = [];
    for (const name of files) {
      const diagnostics: Diagnostic[] = await client.pulledDiagnostics(client.uri(name));
      for (const d of diagnostics) {
        actual.push({
          file: name,
          rule: String(d.code),
          severity: SEVERITY[d.severity ?? 0],
          message: String(d.message),
          at: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
          related: (d.relatedInformation ?? []).map((r) => ({
            file: byUri.get(r.location.uri) ?? r.location.uri,
            message: r.message,
            at: [r.location.range.start.line, r.location.range.start.character, r.location.range.end.line, r.location.range.end.character],
          })),
        });
      }
    }
    assert.deepEqual(actual, expected);
  });
});
