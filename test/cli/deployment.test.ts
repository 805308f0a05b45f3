import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFindings, onlyRules, runCli, workspace } from './helpers';

const ACKS = 'producer/acks-all-without-min-isr';
const OVERRIDE = 'broker/topic-overrides-safe-broker';
const CROSS = [ACKS, 'producer/record-larger-than-broker-accepts', OVERRIDE, 'consumer/reads-aborted-transactions'];

/** A producer, a topic file and a broker file in different folders: the cross-file pass links them. */
const FILES = {
  '.kafkalint.json': onlyRules(CROSS),
  'config/server.properties': 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=1\nunclean.leader.election.enable=false\ndefault.replication.factor=3\n',
  'config/topic-orders.properties': 'unclean.leader.election.enable=true\nretention.ms=604800000\n',
  'app/producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=all\n',
};

describe('cli: cross-file findings', () => {
  const ws = workspace(FILES);
  after(() => ws.cleanup());

  it('--format json prints the cross-file findings with related locations in the other files', () => {
    const r = runCli(['--format', 'json', '.'], ws.dir);
    assert.equal(r.code, 1, r.stderr);
    const findings = jsonFindings(r.stdout);
    const at = (f: { file: string; line: number; column: number; endLine: number; endColumn: number }) => [f.file, f.line, f.column, f.endLine, f.endColumn];
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, ...at(f)]),
      [
        [ACKS, 'warning', 'app/producer.properties', 2, 6, 2, 9],
        [OVERRIDE, 'error', 'config/topic-orders.properties', 1, 32, 1, 36],
      ],
    );
    const [acks, override] = findings;
    assert.deepEqual(Object.keys(acks), ['file', 'rule', 'stage', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'related']);
    assert.match(acks.message, /topic orders \(config\/topic-orders\.properties\) takes its min\.insync\.replicas from the brokers, and config\/server\.properties sets min\.insync\.replicas=1/);
    assert.match(acks.message, /This producer writes to the cluster at kafka-1:9092 \(config\/server\.properties\)\.$/);
    assert.deepEqual(
      acks.related?.map((x) => [x.message, ...at(x)]),
      [
        ['min.insync.replicas=1 is set here', 'config/server.properties', 3, 21, 3, 22],
        ['the broker answering on kafka-1:9092', 'config/server.properties', 2, 11, 2, 35],
      ],
    );
    assert.deepEqual(
      override.related?.map((x) => [x.message, ...at(x)]),
      [['unclean.leader.election.enable=false is set here for the cluster', 'config/server.properties', 4, 32, 4, 37]],
    );
  });

  it('prints the same findings whatever paths name the files, and only links what it was given', () => {
    const apart = runCli(['--format', 'json', 'app', 'config'], ws.dir);
    assert.deepEqual(
      jsonFindings(apart.stdout).map((f) => [f.file, f.rule]),
      [
        ['app/producer.properties', ACKS],
        ['config/topic-orders.properties', OVERRIDE],
      ],
    );
    // The producer alone: nothing to link it to, so no cross-file finding.
    const alone = runCli(['--format', 'json', 'app/producer.properties'], ws.dir);
    assert.equal(alone.code, 0, alone.stderr);
    assert.deepEqual(jsonFindings(alone.stdout), []);
  });

  it('text output lists the related locations under the finding', () => {
    const r = runCli(['app', 'config'], ws.dir);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => l.includes(ACKS));
    assert.ok(i >= 0, r.stdout);
    assert.equal(lines[i + 1], '    related  config/server.properties:3:21  min.insync.replicas=1 is set here');
    assert.equal(lines[i + 2], '    related  config/server.properties:2:11  the broker answering on kafka-1:9092');
  });

  it('--format sarif carries relatedLocations', () => {
    const r = runCli(['--format', 'sarif', '.'], ws.dir);
    const sarif = JSON.parse(r.stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
    };
    const acks = sarif.runs[0].results.find((x) => x.ruleId === ACKS);
    assert.deepEqual(acks?.relatedLocations?.[0], {
      id: 0,
      message: { text: 'min.insync.replicas=1 is set here' },
      physicalLocation: { artifactLocation: { uri: 'config/server.properties' }, region: { startLine: 3, startColumn: 21, endLine: 3, endColumn: 22 } },
    });
  });

  it('a suppression comment in the file where the finding is shown silences it', () => {
    const quiet = workspace({ ...FILES, 'app/producer.properties': `bootstrap.servers=kafka-1:9092\n# kafka-lint-disable-next-line ${ACKS} -- test\nacks=all\n` });
    try {
      const r = runCli(['--format', 'json', '.'], quiet.dir);
      assert.deepEqual(
        jsonFindings(r.stdout).map((f) => f.rule),
        [OVERRIDE],
      );
    } finally {
      quiet.cleanup();
    }
  });
  it('a suppression of a per-file rule also silences the cross-file finding that supersedes it on that line (text alone and with the broker)', () => {
    const reason = (id: string) => `# kafka-lint-disable-next-line ${id} -- scratch topic`;
    for (const [perFile, key, value, broker] of [
      ['broker/unclean-leader-election', 'unclean.leader.election.enable', 'true', 'unclean.leader.election.enable=false'],
      ['broker/min-insync-replicas-too-low', 'min.insync.replicas', '1', 'min.insync.replicas=2'],
    ] as const) {
      const quiet = workspace({
        '.kafkalint.json': onlyRules([perFile, OVERRIDE]),
        'server.properties': `broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\n${broker}\n`,
        'topic-metrics.properties': `${reason(perFile)}\n${key}=${value}\n`,
      });
      try {
        const alone = runCli(['--format', 'json', 'topic-metrics.properties'], quiet.dir);
        assert.equal(alone.code, 0, alone.stdout);
        const both = runCli(['--format', 'json', 'server.properties', 'topic-metrics.properties'], quiet.dir);
        assert.deepEqual(jsonFindings(both.stdout).map((f) => [f.file, f.rule]), [], perFile);
        assert.equal(both.code, 0, both.stdout);
      } finally {
        quiet.cleanup();
      }
    }
  });
  it('worker threads and --cache give the same cross-file findings, and a changed file re-links the cached ones', () => {
    const dir = workspace(FILES);
    try {
      const one = runCli(['--format', 'json', '--concurrency', 'off', '.'], dir.dir);
      const pooled = runCli(['--format', 'json', '--concurrency', '2', '.'], dir.dir);
      assert.equal(pooled.stdout, one.stdout);
      const cold = runCli(['--format', 'json', '--cache', '.'], dir.dir);
      const warm = runCli(['--format', 'json', '--cache', '.'], dir.dir);
      assert.equal(cold.stdout, one.stdout);
      assert.equal(warm.stdout, one.stdout);
      // Only the broker file changes: the producer's result comes from the cache, its cross-file finding does not.
      writeFileSync(join(dir.dir, 'config/server.properties'), 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=2\nunclean.leader.election.enable=false\ndefault.replication.factor=3\n');
      const changed = runCli(['--format', 'json', '--cache', '.'], dir.dir);
      assert.deepEqual(
        jsonFindings(changed.stdout).map((f) => [f.file, f.rule]),
        [['config/topic-orders.properties', OVERRIDE]],
      );
    } finally {
      dir.cleanup();
    }
  });
});

/** A folder with a compose cluster, a topic file, two producers and a broker file of another cluster. */
const COMPOSE = [
  'services:',
  '  kafka:',
  '    image: apache/kafka:3.9.0',
  '    environment:',
  '      KAFKA_NODE_ID: 1',
  '      KAFKA_PROCESS_ROLES: broker,controller',
  '      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093',
  '      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092',
  '      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER',
  '      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093',
  '      KAFKA_MIN_INSYNC_REPLICAS: 2',
  '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"',
  '',
].join('\n');

const FOLDER = {
  '.kafkalint.json': onlyRules(CROSS),
  'docker-compose.yml': COMPOSE,
  'config/topic-orders.properties': 'min.insync.replicas=1\nmax.message.bytes=1048588\n',
  'app/producer.properties': 'bootstrap.servers=kafka:9092\nacks=all\nmax.request.size=5242880\n',
  'legacy/server.properties': 'broker.id=1\nlisteners=PLAINTEXT://kafka-legacy:9092\nmin.insync.replicas=1\n',
  'legacy/producer.properties': 'bootstrap.servers=kafka-legacy:9092\n',
};

describe('cli: a folder with a compose file, a topic file, a broker file and producers', () => {
  const ws = workspace(FOLDER);
  after(() => ws.cleanup());
  const at = (f: { file: string; line: number; column: number; endLine: number; endColumn: number }) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

  it('links each producer to its cluster (compose listeners, broker file listeners) and the topic to the nearest cluster', () => {
    const r = runCli(['--format', 'json', '.'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    const findings = jsonFindings(r.stdout);
    assert.deepEqual(
      findings.map((f) => [f.rule, at(f), (f.related ?? []).map((x) => `${at(x)} ${x.message}`)]),
      [
        [
          ACKS,
          'app/producer.properties:2:6-2:9',
          ['config/topic-orders.properties:1:21-1:22 min.insync.replicas=1 is set here', 'docker-compose.yml:8:35-8:57 the broker answering on kafka:9092'],
        ],
        ['producer/record-larger-than-broker-accepts', 'app/producer.properties:3:18-3:25', ['config/topic-orders.properties:2:19-2:26 max.message.bytes=1048588 is set here']],
        [OVERRIDE, 'config/topic-orders.properties:1:21-1:22', ['docker-compose.yml:11:34-11:35 min.insync.replicas=2 is set here for the cluster']],
        [
          ACKS,
          'legacy/producer.properties:1:1-1:1',
          ['legacy/server.properties:3:21-3:22 min.insync.replicas=1 is set here', 'legacy/server.properties:2:11-2:40 the broker answering on kafka-legacy:9092'],
        ],
      ],
    );
    const [, larger, override] = findings;
    assert.match(larger.message, /This producer writes to the cluster at kafka:9092 \(docker-compose\.yml\)\.$/);
    assert.match(override.message, /below the min\.insync\.replicas=2 that docker-compose\.yml sets for the cluster/);
  });

  it('prints the related locations under each finding in the text output, and as SARIF relatedLocations', () => {
    const text = runCli(['.'], ws.dir).stdout.split('\n');
    const i = text.findIndex((l) => l.startsWith('  config/topic-orders.properties:1:21') && l.includes(OVERRIDE));
    assert.ok(i >= 0, text.join('\n'));
    assert.equal(text[i + 1], '    related  docker-compose.yml:11:34  min.insync.replicas=2 is set here for the cluster');
    const sarif = JSON.parse(runCli(['--format', 'sarif', '.'], ws.dir).stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    assert.deepEqual(
      sarif.runs[0].results.map((x) => [x.ruleId, (x.relatedLocations ?? []).map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`)]),
      [
        [ACKS, ['config/topic-orders.properties:1', 'docker-compose.yml:8']],
        ['producer/record-larger-than-broker-accepts', ['config/topic-orders.properties:2']],
        [OVERRIDE, ['docker-compose.yml:11']],
        [ACKS, ['legacy/server.properties:3', 'legacy/server.properties:2']],
      ],
    );
  });
});
