import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeConfig } from '../../server/src/core/analyze';
import { extractDeployment } from '../../server/src/core/deployment/extract';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import type { LintOptions } from '../../server/src/core/options';
import { ClusterSizeIndex, countsAcross, sizesOf, withClusterSizes } from '../../server/src/core/strimzi/cluster-size';

/** Two files of one Strimzi cluster: the Kafka resource with a pool of one broker, and a pool of two more. */
const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'strimzi-node-pools');
const KAFKA = 'k8s/kafka.yaml';
const POOLS = 'k8s/pools.yaml';
const kafkaText = readFileSync(join(DIR, 'kafka.yaml'), 'utf8');
const poolsText = readFileSync(join(DIR, 'pools.yaml'), 'utf8');
const ABOVE = 'broker/replication-factor-above-broker-count';

function sizesFor(...docs: AnalyzedDocument[]) {
  return sizesOf(docs.map((d) => extractDeployment(d)));
}

function above(doc: AnalyzedDocument): string[] {
  return lint(doc, DEFAULT_OPTIONS)
    .filter((f) => f.ruleId === ABOVE)
    .map((f) => `${doc.text.slice(f.range.start, f.range.end)}@${f.range.start}`);
}

describe('Strimzi: node pools in other files count toward the cluster', () => {
  const kafka = analyzeConfig(KAFKA, kafkaText);
  const pools = analyzeConfig(POOLS, poolsText);
  const at = (needle: string, value = '3') => `${value}@${kafkaText.indexOf(needle) + needle.length}`;

  it('the Kafka file alone counts its own pool: one broker, so replication factors of 3 are impossible', () => {
    assert.equal(kafka.groups[0].links?.brokerCount, 1);
    assert.deepEqual(above(kafka), [
      at('default.replication.factor: '),
      at('min.insync.replicas: ', '2'),
      at('offsets.topic.replication.factor: '),
      at('transaction.state.log.replication.factor: '),
      at('transaction.state.log.min.isr: ', '2'),
    ]);
  });

  it('with the pool file, the cluster has three brokers and the findings go; in either file order', () => {
    for (const sizes of [sizesFor(kafka, pools), sizesFor(pools, kafka)]) {
      assert.deepEqual(
        countsAcross(extractDeployment(kafka).groups, KAFKA, sizes)?.map((c) => [c.brokers, c.pools?.map((p) => [p.file, p.name, p.replicas])]),
        [
          [3, [[undefined, 'dual', 1], [POOLS, 'brokers', 2]]],
          [undefined, undefined],
        ],
      );
      const counted = withClusterSizes(kafka, KAFKA, sizes);
      assert.equal(counted.groups[0].links?.brokerCount, 3);
      assert.deepEqual(above(counted), []);
    }
    // The pool file itself has nothing to recount, and a file of another cluster is left as it is.
    assert.equal(withClusterSizes(pools, POOLS, sizesFor(kafka, pools)), pools);
    assert.equal(countsAcross(extractDeployment(pools).groups, POOLS, sizesFor(kafka, pools)), undefined);
  });

  it('a change of the pool file changes the Kafka file finding: a controller-only pool adds no broker', () => {
    const controllers = analyzeConfig(POOLS, poolsText.replace('    - broker', '    - controller'));
    const counted = withClusterSizes(kafka, KAFKA, sizesFor(kafka, controllers));
    assert.equal(counted, kafka, 'nothing to change: one broker, as the file says');
    const more = analyzeConfig(POOLS, poolsText.replace('replicas: 2', 'replicas: 1'));
    const two = withClusterSizes(kafka, KAFKA, sizesFor(kafka, more));
    assert.equal(two.groups[0].links?.brokerCount, 2);
    assert.deepEqual(above(two), [at('default.replication.factor: '), at('offsets.topic.replication.factor: '), at('transaction.state.log.replication.factor: ')]);
  });

  it('a pool of another namespace does not count; one without a namespace counts for any', () => {
    const namespaced = analyzeConfig(KAFKA, kafkaText.replace('  name: ledger\n', '  name: ledger\n  namespace: prod\n'));
    const elsewhere = analyzeConfig(POOLS, poolsText.replace('  name: brokers\n', '  name: brokers\n  namespace: staging\n'));
    assert.equal(withClusterSizes(namespaced, KAFKA, sizesFor(namespaced, elsewhere)).groups[0].links?.brokerCount, 1);
    assert.equal(withClusterSizes(namespaced, KAFKA, sizesFor(namespaced, pools)).groups[0].links?.brokerCount, 3);
  });

  it('spec.kafka.replicas counts only when no broker pool of the cluster exists anywhere; a topic file takes its cluster count', () => {
    const plain = analyzeConfig(KAFKA, kafkaText.split('---')[0].replace('    version: 3.9.0\n', '    version: 3.9.0\n    replicas: 1\n'));
    assert.equal(plain.groups[0].links?.brokerCount, 1);
    assert.equal(withClusterSizes(plain, KAFKA, sizesFor(plain, pools)).groups[0].links?.brokerCount, 2);
    const topicText = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: payments\n  labels:\n    strimzi.io/cluster: ledger\nspec:\n  replicas: 3\n';
    const topic = analyzeConfig('k8s/topics.yaml', topicText);
    assert.equal(topic.groups[0].links?.brokerCount, undefined);
    const counted = withClusterSizes(topic, 'k8s/topics.yaml', sizesFor(kafka, topic));
    assert.equal(counted.groups[0].links?.brokerCount, 1);
    assert.deepEqual(
      lint(counted, DEFAULT_OPTIONS).filter((f) => f.ruleId === ABOVE).map((f) => topicText.slice(f.range.start, f.range.end)),
      ['3'],
    );
    assert.equal(withClusterSizes(topic, 'k8s/topics.yaml', sizesFor(kafka, pools, topic)).groups[0].links?.brokerCount, 3);
    // Pools without their Kafka resource in any file: no size.
    assert.equal(withClusterSizes(topic, 'k8s/topics.yaml', sizesFor(pools, topic)), topic);
  });

  describe('findings that depend on the count point at the node pools that decide it', () => {
    const SINGLE = 'broker/single-broker-cluster';
    const related = (doc: AnalyzedDocument, rule: string, options: LintOptions = DEFAULT_OPTIONS) =>
      lint(doc, options)
        .filter((f) => f.ruleId === rule)
        .map((f) => (f.related ?? []).map((r) => ({ file: r.file, range: { ...r.range }, message: r.message })));
    const poolAt = (text: string, needle: string) => text.indexOf(needle) + needle.length;
    const span = (text: string, offset: number, length = 1) => {
      const before = text.slice(0, offset).split('\n');
      const line = before.length - 1;
      const character = before[line].length;
      return { start: offset, end: offset + length, line, character, endLine: line, endCharacter: character + length };
    };

    it('each finding of replication-factor-above-broker-count names every counted pool: its own file first, then the others in path order', () => {
      const one = poolsText.replace('replicas: 2', 'replicas: 1');
      const more = analyzeConfig(POOLS, one);
      const own = poolAt(kafkaText, '  replicas: ');
      const expected = [
        { file: undefined, range: { start: own, end: own + 1 }, message: 'The `KafkaNodePool` `dual` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 1`.' },
        { file: POOLS, range: span(one, poolAt(one, '  replicas: ')), message: 'The `KafkaNodePool` `brokers` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 1`.' },
      ];
      for (const sizes of [sizesFor(kafka, more), sizesFor(more, kafka)]) {
        assert.deepEqual(related(withClusterSizes(kafka, KAFKA, sizes), ABOVE), [expected, expected, expected]);
      }
      // In Chinese, through the catalogue.
      const zh = related(withClusterSizes(kafka, KAFKA, sizesFor(kafka, more)), ABOVE, { ...DEFAULT_OPTIONS, locale: 'zh-cn' });
      assert.deepEqual(zh[0].map((r) => r.message), ['`KafkaNodePool` `dual` 计入集群 `ledger` 的 Broker 数：`spec.replicas: 1`。', '`KafkaNodePool` `brokers` 计入集群 `ledger` 的 Broker 数：`spec.replicas: 1`。']);
      // The file alone decides its count: no related location.
      assert.deepEqual(related(kafka, ABOVE), [[], [], [], [], []]);
    });

    it('a count equal to what the file says alone still names the pool of another file that decides it', () => {
      const plain = analyzeConfig(KAFKA, kafkaText.split('---')[0].replace('    version: 3.9.0\n', '    version: 3.9.0\n    replicas: 1\n'));
      const single = analyzeConfig(POOLS, poolsText.replace('replicas: 2', 'replicas: 1'));
      const counted = withClusterSizes(plain, KAFKA, sizesFor(plain, single));
      assert.notEqual(counted, plain);
      assert.equal(counted.groups[0].links?.brokerCount, 1);
      assert.deepEqual(
        related(counted, ABOVE).map((r) => r.map((x) => x.file)),
        [[POOLS], [POOLS], [POOLS], [POOLS], [POOLS]],
      );
    });

    it('a single-broker summary decided by a pool of another file names it after the settings', () => {
      const text = [
        'apiVersion: kafka.strimzi.io/v1beta2',
        'kind: Kafka',
        'metadata:',
        '  name: ledger',
        'spec:',
        '  kafka:',
        '    config:',
        '      offsets.topic.replication.factor: 1',
        '      transaction.state.log.replication.factor: 1',
        '',
      ].join('\n');
      const plain = analyzeConfig(KAFKA, text);
      const poolA = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: a\n  labels:\n    strimzi.io/cluster: ledger\nspec:\n  replicas: 1\n  roles: [broker]\n';
      const poolB = poolA.replace('name: a', 'name: b').replace('replicas: 1', 'replicas: 0');
      const a = analyzeConfig('k8s/pool-a.yaml', poolA);
      const b = analyzeConfig('k8s/pool-b.yaml', poolB);
      for (const sizes of [sizesFor(plain, a, b), sizesFor(b, a, plain)]) {
        const [summary] = related(withClusterSizes(plain, KAFKA, sizes), SINGLE);
        assert.deepEqual(summary.slice(-2).map((r) => [r.file, (r.range as { line?: number }).line, r.message]), [
          ['k8s/pool-a.yaml', 7, 'The `KafkaNodePool` `a` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 1`.'],
          ['k8s/pool-b.yaml', 7, 'The `KafkaNodePool` `b` is counted toward the brokers of the cluster `ledger`: `spec.replicas: 0`.'],
        ]);
        assert.ok(summary.slice(0, -2).every((r) => r.file === undefined));
      }
      // Without the pools, no count: no summary from the count (two factors of 1 still make one, without pools).
      assert.ok(related(plain, SINGLE).every((r) => r.every((x) => x.file === undefined)));
    });
  });

  it('ClusterSizeIndex (the server, each relink): marks the files of a cluster whose size facts changed, and nothing when none did', () => {
    const producer = extractDeployment(analyzeConfig('app/producer.properties', 'bootstrap.servers=ledger-kafka-bootstrap:9092\nacks=all\n'));
    const topicText = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: payments\n  labels:\n    strimzi.io/cluster: ledger\nspec:\n  replicas: 3\n';
    const topic = extractDeployment(analyzeConfig('k8s/topics.yaml', topicText));
    const other = extractDeployment(analyzeConfig('other/kafka.yaml', kafkaText.replace(/ledger/g, 'audit')));
    const kafkaX = extractDeployment(kafka);
    const poolsX = extractDeployment(pools);
    const index = new ClusterSizeIndex();
    assert.deepEqual(index.update([producer, kafkaX, poolsX, topic, other]), [KAFKA, 'k8s/topics.yaml', POOLS, 'other/kafka.yaml'].sort());
    assert.equal(index.sizes.get('ledger')?.length, 3);
    // The same facts in another order, or another file edited: nothing to re-publish, the sizes kept.
    const sizes = index.sizes;
    const edited = extractDeployment(analyzeConfig('app/producer.properties', 'bootstrap.servers=ledger-kafka-bootstrap:9092\nacks=1\n'));
    assert.deepEqual(index.update([other, topic, poolsX, kafkaX, edited]), []);
    assert.equal(index.sizes, sizes);
    // A pool edited (its replicas, or only moved by a line): the cluster's Kafka and topic files and the pool file; not the other cluster.
    for (const text of [poolsText.replace('replicas: 2', 'replicas: 1'), `# moved\n${poolsText}`]) {
      const moved = extractDeployment(analyzeConfig(POOLS, text));
      assert.deepEqual(index.update([producer, kafkaX, moved, topic, other]), [KAFKA, POOLS, 'k8s/topics.yaml'].sort());
    }
    // The pool file deleted: the same files again.
    assert.deepEqual(index.update([producer, kafkaX, topic, other]), [KAFKA, POOLS, 'k8s/topics.yaml'].sort());
    assert.equal(index.sizes.get('ledger')?.length, 2);
  });
});
