import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFindings, onlyRules, ROOT, runCli, workspace } from './helpers';

const ABOVE = 'broker/replication-factor-above-broker-count';
const SINGLE = 'broker/single-broker-cluster';
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'strimzi-node-pools', name), 'utf8');

/**
 * A Strimzi cluster whose brokers come from node pools in two files: the CLI counts every pool of the paths
 * it is given, whatever their order, on worker threads and from the cache alike.
 */
describe('cli: Strimzi node pools in another file', () => {
  const ws = workspace({ '.kafkalint.json': onlyRules([ABOVE, SINGLE]), 'k8s/kafka.yaml': fixture('kafka.yaml'), 'k8s/pools.yaml': fixture('pools.yaml') });
  after(() => ws.cleanup());
  const shown = (stdout: string) => jsonFindings(stdout).map((f) => [f.file, f.rule, f.line, f.column]);
  const ONE_BROKER = [
    ['k8s/kafka.yaml', ABOVE, 18, 35],
    ['k8s/kafka.yaml', ABOVE, 19, 28],
    ['k8s/kafka.yaml', ABOVE, 20, 41],
    ['k8s/kafka.yaml', ABOVE, 21, 49],
    ['k8s/kafka.yaml', ABOVE, 22, 38],
  ];

  it('the Kafka file alone has one broker; with the pool file three, in any order and any way of linting', () => {
    const alone = runCli(['--format', 'json', 'k8s/kafka.yaml'], ws.dir);
    assert.deepEqual(shown(alone.stdout), ONE_BROKER);
    for (const args of [['k8s'], ['k8s/kafka.yaml', 'k8s/pools.yaml'], ['k8s/pools.yaml', 'k8s/kafka.yaml'], ['--concurrency', '2', 'k8s'], ['--cache', 'k8s'], ['--cache', 'k8s']]) {
      const r = runCli(['--format', 'json', ...args], ws.dir);
      assert.equal(r.stderr, '', args.join(' '));
      assert.deepEqual(shown(r.stdout), [], args.join(' '));
      assert.equal(r.code, 0);
    }
  });

  it('kafka-lint report counts the pools of every file as kafka-lint does', () => {
    const rows = (stdout: string) => [...stdout.matchAll(/^\| (\S+):(\d+):(\d+) \| \S+ \w+ \| (\S+) \|/gm)].map((m) => [m[1], m[4], Number(m[2]), Number(m[3])]);
    for (const args of [['k8s/kafka.yaml'], ['k8s'], ['k8s/pools.yaml', 'k8s/kafka.yaml']]) {
      const lint = runCli(['--format', 'json', ...args], ws.dir);
      const report = runCli(['report', '--format', 'markdown', ...args], ws.dir);
      assert.equal(report.stderr, '', args.join(' '));
      assert.deepEqual(rows(report.stdout), shown(lint.stdout), args.join(' '));
      assert.equal(report.code, lint.code);
    }
  });

  it('a changed pool file changes the Kafka file findings, even when the Kafka file comes from the cache', () => {
    writeFileSync(join(ws.dir, 'k8s/pools.yaml'), fixture('pools.yaml').replace('replicas: 2', 'replicas: 1'));
    const r = runCli(['--format', 'json', '--cache', 'k8s'], ws.dir);
    // Two brokers: the replication factors of 3 are impossible, the minimum ISR of 2 is not.
    assert.deepEqual(shown(r.stdout), [ONE_BROKER[0], ONE_BROKER[2], ONE_BROKER[3]]);
    assert.match(jsonFindings(r.stdout)[0].message, /the number of brokers in this cluster is 2/);
    writeFileSync(join(ws.dir, 'k8s/pools.yaml'), fixture('pools.yaml'));
    assert.deepEqual(shown(runCli(['--format', 'json', '--cache', 'k8s'], ws.dir).stdout), []);
  });

  it('each finding the pool file decides points at the pools counted, in json, text and sarif, in any order of the paths', () => {
    writeFileSync(join(ws.dir, 'k8s/pools.yaml'), fixture('pools.yaml').replace('replicas: 2', 'replicas: 1'));
    try {
      const dual = { file: 'k8s/kafka.yaml', message: 'The `KafkaNodePool` `dual` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 1`.', line: 31, column: 13, endLine: 31, endColumn: 14 };
      const brokers = { file: 'k8s/pools.yaml', message: 'The `KafkaNodePool` `brokers` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 1`.', line: 9, column: 13, endLine: 9, endColumn: 14 };
      for (const args of [['k8s'], ['k8s/pools.yaml', 'k8s/kafka.yaml'], ['--concurrency', '2', 'k8s'], ['--cache', 'k8s'], ['--cache', 'k8s']]) {
        const findings = jsonFindings(runCli(['--format', 'json', ...args], ws.dir).stdout);
        assert.deepEqual(findings.map((f) => [f.line, f.related]), [[18, [dual, brokers]], [20, [dual, brokers]], [21, [dual, brokers]]], args.join(' '));
      }
      const text = runCli(['k8s'], ws.dir).stdout;
      assert.equal(text.split('\n').filter((l) => l.includes('related  k8s/pools.yaml:9:13  The `KafkaNodePool` `brokers`')).length, 3, text);
      const zh = runCli(['--locale', 'zh-cn', 'k8s'], ws.dir).stdout;
      assert.equal(zh.split('\n').filter((l) => l.includes('k8s/pools.yaml:9:13  `KafkaNodePool` `brokers` 计入集群 `ledger` 的 Broker 数')).length, 3, zh);
      const sarif = JSON.parse(runCli(['--format', 'sarif', 'k8s'], ws.dir).stdout) as {
        runs: { results: { relatedLocations?: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
      };
      assert.deepEqual(sarif.runs[0].results[0].relatedLocations?.[1], {
        id: 1,
        message: { text: brokers.message },
        physicalLocation: { artifactLocation: { uri: 'k8s/pools.yaml' }, region: { startLine: 9, startColumn: 13, endLine: 9, endColumn: 14 } },
      });
      // The Kafka file alone: its own pool decides, nothing to point at.
      assert.ok(jsonFindings(runCli(['--format', 'json', 'k8s/kafka.yaml'], ws.dir).stdout).every((f) => f.related === undefined));
    } finally {
      writeFileSync(join(ws.dir, 'k8s/pools.yaml'), fixture('pools.yaml'));
    }
  });
});

/**
 * Two `Kafka` resources named `my-cluster` in two folders (Strimzi's examples name every cluster so): each is
 * its own cluster, whether the CLI is given the parent folder, each folder, or the files in any order.
 */
describe('cli: Strimzi clusters of one name in two folders', () => {
  const kafka = fixture('kafka.yaml').split('---')[0].replace(/ledger/g, 'my-cluster').replace('    version: 3.9.0\n', '    version: 3.9.0\n    replicas: REPLICAS\n');
  const topic = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n';
  const ws = workspace({
    '.kafkalint.json': onlyRules([ABOVE]),
    'a/kafka.yaml': kafka.replace('REPLICAS', '1'),
    'b/kafka.yaml': kafka.replace('REPLICAS', '3'),
    'b/topic.yaml': topic,
  });
  after(() => ws.cleanup());

  it('the three-broker cluster of b/ and its topic get no finding from the one-broker cluster of a/', () => {
    const files = (stdout: string) => [...new Set(jsonFindings(stdout).map((f) => f.file))];
    for (const args of [['.'], ['b/topic.yaml', 'b/kafka.yaml', 'a/kafka.yaml'], ['--concurrency', '2', '.'], ['--cache', '.'], ['--cache', '.']]) {
      const r = runCli(['--format', 'json', ...args], ws.dir);
      assert.equal(r.stderr, '', args.join(' '));
      assert.deepEqual(files(r.stdout), ['a/kafka.yaml'], args.join(' '));
    }
    assert.deepEqual(files(runCli(['--format', 'json', 'b'], ws.dir).stdout), []);
    const report = runCli(['report', '--format', 'markdown', '.'], ws.dir);
    assert.doesNotMatch(report.stdout, /b\/(kafka|topic)\.yaml:\d+:\d+ \|/);
    assert.match(report.stdout, /a\/kafka\.yaml:\d+:\d+ \|/);
  });
});
