import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeConfig } from '../../server/src/core/analyze';
import { extractDeployment } from '../../server/src/core/deployment/extract';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { countsAcross, sizesOf, withClusterSizes } from '../../server/src/core/strimzi/cluster-size';

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
      assert.deepEqual(countsAcross(extractDeployment(kafka).groups, KAFKA, sizes), [3, undefined]);
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
});
