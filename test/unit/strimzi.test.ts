import * as assert from 'node:assert/strict';
import { analyzeConfig, documentKind } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { applyFix, covered, fixTitled, lintConfig, of } from './rules/helpers';

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

const PATH = 'k8s/kafka.yaml';

const POOLS = lines(
  'apiVersion: kafka.strimzi.io/v1',
  'kind: KafkaNodePool',
  'metadata:',
  '  name: controller',
  '  labels:',
  '    strimzi.io/cluster: my-cluster',
  'spec:',
  '  replicas: 3',
  '  roles:',
  '    - controller',
  '---',
  'apiVersion: kafka.strimzi.io/v1',
  'kind: KafkaNodePool',
  'metadata:',
  '  name: brokers',
  '  labels:',
  '    strimzi.io/cluster: my-cluster',
  'spec:',
  '  replicas: 2',
  '  roles:',
  '    - broker',
);

function kafka(config: string[], extra: string[] = []): string {
  return lines(
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: Kafka',
    'metadata:',
    '  name: my-cluster',
    '  namespace: streaming',
    'spec:',
    '  kafka:',
    '    version: 3.9.0',
    '    listeners:',
    '      - name: plain',
    '        port: 9092',
    '        type: internal',
    '        tls: false',
    '      - name: external',
    '        port: 9094',
    '        type: route',
    '        tls: true',
    '        configuration:',
    '          bootstrap:',
    '            host: kafka.example.com',
    '    config:',
    ...config.map((c) => `      ${c}`),
    ...extra,
  );
}

describe('strimzi: document kind', () => {
  it('is told from Spring YAML by its apiVersion, whatever the file name', () => {
    assert.equal(documentKind('k8s/kafka.yaml'), 'spring-yaml');
    assert.equal(documentKind('k8s/kafka.yaml', undefined, 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\n'), 'strimzi');
    assert.equal(documentKind('application.yml', 'yaml', 'spring:\n  kafka:\n    producer:\n      acks: 0\n'), 'spring-yaml');
    assert.equal(documentKind('docker-compose.yml', undefined, 'apiVersion: kafka.strimzi.io/v1\n'), 'compose');
    assert.equal(analyzeConfig(PATH, kafka(['min.insync.replicas: 2'])).kind, 'strimzi');
  });
});

describe('strimzi: Kafka', () => {
  const text = `${POOLS}---\n${kafka(['min.insync.replicas: 1', 'default.replication.factor: 3', 'log.dirs: /tmp/kafka', 'listeners: PLAINTEXT://:9092', 'unclean.leader.election.enable: yes'])}`;
  const doc = analyzeConfig(PATH, text);
  const broker = doc.groups.find((g) => g.roles.includes('broker'))!;

  it('reads spec.kafka.config as the brokers’ configuration, leaving out what Strimzi manages itself', () => {
    assert.deepEqual(broker.entries.map((e) => [e.key, e.value]), [
      ['min.insync.replicas', '1'],
      ['default.replication.factor', '3'],
      // YAML 1.1, as Kubernetes reads it.
      ['unclean.leader.election.enable', 'true'],
    ]);
    assert.equal(broker.library, 'strimzi');
    assert.equal(broker.kafkaVersion, '3.9.0');
  });

  it('counts the broker node pools of the cluster, and gives its bootstrap addresses', () => {
    assert.deepEqual(broker.links, {
      cluster: 'my-cluster',
      brokerCount: 2,
      addresses: ['my-cluster-kafka-bootstrap:9092', 'my-cluster-kafka-bootstrap.streaming.svc:9092', 'my-cluster-kafka-bootstrap.streaming.svc.cluster.local:9092', 'kafka.example.com:443'],
      strimzi: { resource: 'Kafka', namespace: 'streaming' },
    });
    assert.deepEqual(
      doc.groups.filter((g) => g.roles.length === 0).map((g) => g.links?.cluster),
      ['my-cluster', 'my-cluster'],
    );
  });

  it('falls back to spec.kafka.replicas without node pools', () => {
    const single = analyzeConfig(PATH, kafka(['min.insync.replicas: 2'], ['    replicas: 3']));
    assert.equal(single.groups[0].links?.brokerCount, 3);
  });

  it('reports on the config values, fixes in place, and knows the cluster size', () => {
    const r = lintConfig(PATH, text.replace('min.insync.replicas: 1', 'min.insync.replicas: [|1|]').replace('unclean.leader.election.enable: yes', 'unclean.leader.election.enable: [|yes|]').replace('default.replication.factor: 3', 'default.replication.factor: [|3|]'));
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low').map((f) => f.range), [r.ranges[0]]);
    const [unclean] = of(r.findings, 'broker/unclean-leader-election');
    assert.deepEqual(unclean.range, r.ranges[2]);
    assert.equal(applyFix(r.text, fixTitled(unclean, 'Set unclean.leader.election.enable=false')), r.text.replace('enable: yes', 'enable: false'));
    const above = of(r.findings, 'broker/replication-factor-above-broker-count').filter((f) => f.severity === 'error');
    assert.deepEqual(above.map((f) => f.range), [r.ranges[1]]);
    assert.deepEqual(of(r.findings, 'broker/log-dirs-in-tmp'), [], 'log.dirs is managed by Strimzi, and its own directories are not under /tmp');
  });

  it('adds a missing broker setting to spec.kafka.config, or creates it', () => {
    const r = lintConfig(PATH, kafka(['default.replication.factor: 3'], ['    replicas: 3']));
    const [f] = of(r.findings, 'broker/min-insync-replicas-too-low');
    assert.equal(covered(r.text, f), 'config');
    assert.equal(applyFix(r.text, fixTitled(f, 'Add min.insync.replicas=2')), r.text.replace('      default.replication.factor: 3\n', '      default.replication.factor: 3\n      min.insync.replicas: 2\n'));
    const bare = lines('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: c', 'spec:', '  kafka:', '    replicas: 3', '    version: 3.9.0');
    const [g] = of(lint(analyzeConfig(PATH, bare), DEFAULT_OPTIONS), 'broker/min-insync-replicas-too-low');
    assert.equal(applyFix(bare, fixTitled(g, 'Add min.insync.replicas=2')), `${bare}    config:\n      min.insync.replicas: 2\n`);
  });

  it('is silenced by a suppression comment above the key', () => {
    const r = lintConfig(PATH, kafka(['# kafka-lint-disable-next-line broker/unclean-leader-election -- chaos test cluster', 'unclean.leader.election.enable: true'], ['    replicas: 3']));
    assert.deepEqual(of(r.findings, 'broker/unclean-leader-election'), []);
  });

  it('takes defaults at spec.kafka.version and says so in the hover', () => {
    const t = kafka(['min.insync.replicas: 2'], ['    replicas: 3']);
    const d = analyzeConfig(PATH, t);
    const hover = hoverAt(d, [], t.indexOf('min.insync.replicas') + 2, DEFAULT_OPTIONS);
    assert.ok(hover?.markdown.includes('**Default** (Kafka 3.9.0): `1`'), hover?.markdown);
  });
});

describe('strimzi: KafkaTopic', () => {
  const topic = lines(
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: KafkaTopic',
    'metadata:',
    '  name: orders-topic',
    '  labels:',
    '    strimzi.io/cluster: my-cluster',
    'spec:',
    '  topicName: orders',
    '  partitions: 6',
    '  replicas: [|1|]',
    '  config:',
    '    min.insync.replicas: [|1|]',
    '    retention.ms: 604800000',
  );

  it('reads spec.replicas as replication.factor and spec.config, with the cluster and the topic it defines', () => {
    const r = lintConfig(PATH, topic);
    const [g] = r.document.groups;
    assert.deepEqual([g.roles, g.entries.map((e) => [e.rawKey, e.key, e.value])], [
      ['topic'],
      [
        ['spec.replicas', 'replication.factor', '1'],
        ['min.insync.replicas', 'min.insync.replicas', '1'],
        ['retention.ms', 'retention.ms', '604800000'],
      ],
    ]);
    assert.deepEqual(g.links?.topics?.map((t) => [t.name, t.use, covered(r.text, { range: t.range } as never)]), [['orders', 'defines', 'orders']]);
    assert.equal(g.links?.cluster, 'my-cluster');
    const [rf] = of(r.findings, 'broker/replication-factor-too-low');
    assert.deepEqual(rf.range, r.ranges[0]);
    assert.equal(applyFix(r.text, fixTitled(rf, 'Set replication.factor=3')), r.text.replace('replicas: 1', 'replicas: 3'));
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low').map((f) => f.range), [r.ranges[1]]);
  });

  it('explains spec.replicas in the hover', () => {
    const t = topic.replace(/\[\||\|\]/g, '');
    const d = analyzeConfig(PATH, t);
    const hover = hoverAt(d, [], t.indexOf('replicas:') + 2, DEFAULT_OPTIONS);
    assert.ok(hover?.markdown.includes("Strimzi creates the topic with `spec.replicas` replicas, its `replication.factor`; when it is absent, the brokers' `default.replication.factor` applies."), hover?.markdown);
  });

  it('knows the size of its cluster when the Kafka is in the same file', () => {
    const t = `${POOLS}---\n${topic.replace(/\[\||\|\]/g, '').replace('replicas: 1', 'replicas: 3')}`;
    const r = lintConfig(PATH, t);
    const [f] = of(r.findings, 'broker/replication-factor-above-broker-count');
    assert.equal(f, undefined, 'node pools alone do not make a Kafka: no size');
    const withKafka = `${POOLS}---\n${kafka(['min.insync.replicas: 2'])}---\n${topic.replace(/\[\||\|\]/g, '').replace('replicas: 1', 'replicas: 3')}`;
    const found = of(lint(analyzeConfig(PATH, withKafka), DEFAULT_OPTIONS), 'broker/replication-factor-above-broker-count').filter((x) => x.severity === 'error');
    assert.deepEqual(found.map((x) => x.message.split(':')[1].trim()), ['replication.factor=3, but the number of brokers in this cluster is 2']);
  });

  it('keeps two topics of one file apart (no duplicate keys across documents)', () => {
    const two = `${topic.replace(/\[\||\|\]/g, '')}---\n${topic.replace(/\[\||\|\]/g, '').replace('orders', 'payments')}`;
    assert.deepEqual(of(lint(analyzeConfig(PATH, two), DEFAULT_OPTIONS), 'config/duplicate-key'), []);
  });
});

describe('strimzi: KafkaConnect and KafkaConnector', () => {
  it('reads a KafkaConnect spec.config as a worker and a KafkaConnector spec.config as a connector', () => {
    const r = lintConfig(
      PATH,
      lines(
        'apiVersion: kafka.strimzi.io/v1beta2',
        'kind: KafkaConnect',
        'metadata:',
        '  name: connect',
        'spec:',
        '  bootstrapServers: my-cluster-kafka-bootstrap:9093',
        '  config:',
        '    group.id: connect-cluster',
        '    producer.acks: [|1|]',
        '---',
        'apiVersion: kafka.strimzi.io/v1beta2',
        'kind: KafkaConnector',
        'metadata:',
        '  name: sink',
        '  labels:',
        '    strimzi.io/cluster: connect',
        'spec:',
        '  class: io.example.Sink',
        '  config:',
        '    topics: orders',
        '    consumer.override.enable.auto.commit: [|true|]',
      ),
    );
    assert.deepEqual(r.document.groups.map((g) => [g.roles, g.library, g.links?.bootstrap, g.links?.cluster]), [
      [['connect'], 'strimzi', ['my-cluster-kafka-bootstrap:9093'], 'connect'],
      [['producer'], 'connect', ['my-cluster-kafka-bootstrap:9093'], 'connect'],
      [['consumer'], 'connect', ['my-cluster-kafka-bootstrap:9093'], 'connect'],
      [['connect'], 'strimzi', undefined, 'connect'],
      [['consumer'], 'connect', undefined, 'connect'],
    ]);
    assert.deepEqual(of(r.findings, 'producer/acks-leader-only').map((f) => f.range), [r.ranges[0]]);
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled').map((f) => f.range), [r.ranges[1]]);
  });
});

describe('strimzi: completion', () => {
  function at(marked: string) {
    const offset = marked.indexOf('|');
    return completeAt(marked.replace('|', ''), offset, 'strimzi');
  }

  it('offers broker keys in spec.kafka.config, without the ones Strimzi manages', () => {
    const items = at(kafka(['min.ins|']));
    const item = items.find((i) => i.label === 'min.insync.replicas');
    assert.equal(item?.insertText, 'min.insync.replicas: ');
    assert.ok(!items.some((i) => i.label === 'log.dirs' || i.label === 'listeners' || i.label === 'node.id'));
    assert.ok(items.some((i) => i.label === 'ssl.cipher.suites'), 'an exception to a managed prefix stays');
  });

  it('offers topic keys and values in a KafkaTopic spec.config', () => {
    const t = lines('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'metadata:', '  name: t', 'spec:', '  config:', '    unclean.leader.election.enable: |');
    assert.deepEqual(at(t).map((i) => i.label), ['false', 'true']);
    const keys = at(lines('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaTopic', 'spec:', '  config:', '    retention|'));
    assert.ok(keys.some((i) => i.label === 'retention.ms'));
    assert.ok(!keys.some((i) => i.label === 'process.roles'));
  });

  it('offers nothing elsewhere in a resource', () => {
    assert.deepEqual(at(kafka(['min.insync.replicas: 2']).replace('    version: 3.9.0', '    vers|ion: 3.9.0')), []);
  });
});

describe('strimzi: Kubernetes YAML that is not Strimzi', () => {
  const files: [string, string][] = [
    [
      'a Deployment with KAFKA_ variables',
      lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: app', 'spec:', '  template:', '    spec:', '      containers:', '        - name: app', '          env:', '            - name: KAFKA_ACKS', '              value: "0"'),
    ],
    ['a ConfigMap holding server.properties', lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: kafka', 'data:', '  server.properties: |', '    min.insync.replicas=1')],
    ['a Helm values file', lines('kafka:', '  replicaCount: 1', '  config:', '    min.insync.replicas: 1')],
    ['a CRD of another group', lines('apiVersion: kafka.example.com/v1', 'kind: Kafka', 'spec:', '  kafka:', '    config:', '      min.insync.replicas: 1')],
    ['a Strimzi user', lines('apiVersion: kafka.strimzi.io/v1beta2', 'kind: KafkaUser', 'metadata:', '  name: u')],
  ];
  for (const [name, text] of files) {
    it(`${name}: no finding`, () => {
      assert.deepEqual(lint(analyzeConfig('k8s/resources.yaml', text), DEFAULT_OPTIONS), []);
    });
  }
});
