import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { extractDeployment } from '../../server/src/core/deployment/extract';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { sizesOf, withClusterSizes } from '../../server/src/core/strimzi/cluster-size';
import { findingsOf, lintWorkspace } from './deployment/helpers';

/**
 * Strimzi's own examples, and projects with a folder per environment, give every cluster one name
 * (`my-cluster`): each `Kafka` resource is a cluster of its own, and a pool or a topic belongs to the
 * nearest `Kafka` of its label's name (own file, own folder, then walking up).
 */

const ABOVE = 'broker/replication-factor-above-broker-count';

function kafka(extra = '', replicas?: number): string {
  return [
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: Kafka',
    'metadata:',
    '  name: my-cluster',
    ...(extra ? [extra] : []),
    'spec:',
    '  kafka:',
    ...(replicas !== undefined ? [`    replicas: ${replicas}`] : []),
    '    listeners:',
    '      - name: plain',
    '        port: 9092',
    '        type: internal',
    '        tls: false',
    '    config:',
    '      default.replication.factor: 3',
    '      min.insync.replicas: 2',
    '',
  ].join('\n');
}

function pool(name: string, replicas: number, extra = ''): string {
  return [
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: KafkaNodePool',
    'metadata:',
    `  name: ${name}`,
    ...(extra ? [extra] : []),
    '  labels:',
    '    strimzi.io/cluster: my-cluster',
    'spec:',
    `  replicas: ${replicas}`,
    '  roles: [broker]',
    '',
  ].join('\n');
}

const TOPIC = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n';

/** Each file's broker count per group (Kafka and KafkaTopic groups; undefined when unknown), over all the files, in both orders. */
function counts(files: Readonly<Record<string, string>>): Record<string, (number | undefined)[]> {
  const docs = Object.entries(files).map(([path, text]) => [path, analyzeConfig(path, text)] as const);
  const once = (order: (readonly [string, AnalyzedDocument])[]) => {
    const sizes = sizesOf(order.map(([path, d]) => extractDeployment(d, path)));
    const out: Record<string, (number | undefined)[]> = {};
    for (const [path, d] of docs) {
      out[path] = withClusterSizes(d, path, sizes)
        .groups.filter((g) => g.links?.strimzi && g.links.strimzi.resource !== 'KafkaNodePool')
        .map((g) => g.links?.brokerCount);
    }
    return out;
  };
  const forward = once([...docs]);
  assert.deepEqual(once([...docs].reverse()), forward, 'the order of the files changes nothing');
  return forward;
}

describe('Strimzi: Kafka resources of one name in different files are different clusters', () => {
  it('one folder per environment: each Kafka counts the pools of its own folder, a topic takes its folder`s Kafka', () => {
    assert.deepEqual(
      counts({
        'dev/kafka.yaml': kafka(),
        'dev/pool.yaml': pool('brokers', 1),
        'prod/kafka.yaml': kafka(),
        'prod/pool.yaml': pool('brokers', 3),
        'prod/topic.yaml': TOPIC,
      }),
      { 'dev/kafka.yaml': [1], 'dev/pool.yaml': [], 'prod/kafka.yaml': [3], 'prod/pool.yaml': [], 'prod/topic.yaml': [3] },
    );
  });

  it('the repro: a one-broker cluster in a/ gives no finding on b/`s three-broker cluster and its topic', () => {
    const files = { 'a/kafka.yaml': kafka('', 1), 'b/kafka.yaml': kafka('', 3), 'b/topic.yaml': TOPIC };
    const docs = Object.entries(files).map(([path, text]) => [path, analyzeConfig(path, text)] as const);
    const sizes = sizesOf(docs.map(([path, d]) => extractDeployment(d, path)));
    const above = Object.fromEntries(docs.map(([path, d]) => [path, lint(withClusterSizes(d, path, sizes), DEFAULT_OPTIONS).filter((f) => f.ruleId === ABOVE).map((f) => d.text.slice(f.range.start, f.range.end))]));
    // a/: the five internal topics' defaults (on `config:`) and the two settings, each above one broker.
    assert.deepEqual(above, { 'a/kafka.yaml': [...Array(5).fill('config'), '3', '2'], 'b/kafka.yaml': [], 'b/topic.yaml': [] });
  });

  it('in one folder, a pool counts for the Kafka of its own file; a topic whose nearest clusters disagree is not judged', () => {
    const single = `${kafka()}---\n${pool('dual', 1)}`;
    const persistent = `${kafka()}---\n${pool('brokers', 3)}`;
    assert.deepEqual(counts({ 'examples/kafka/kafka-single.yaml': single, 'examples/kafka/kafka-persistent.yaml': persistent, 'examples/topic/topic.yaml': TOPIC }), {
      'examples/kafka/kafka-single.yaml': [1],
      'examples/kafka/kafka-persistent.yaml': [3],
      'examples/topic/topic.yaml': [undefined],
    });
    // When they agree, the topic takes their count; a pool file of the folder counts for both.
    assert.deepEqual(
      counts({ 'examples/kafka/a.yaml': kafka(), 'examples/kafka/b.yaml': kafka(), 'examples/kafka/pool.yaml': pool('brokers', 3), 'examples/topic/topic.yaml': TOPIC }),
      { 'examples/kafka/a.yaml': [3], 'examples/kafka/b.yaml': [3], 'examples/kafka/pool.yaml': [], 'examples/topic/topic.yaml': [3] },
    );
  });

  it('a pool in a subfolder counts for the Kafka above it, not for one in another folder', () => {
    assert.deepEqual(
      counts({ 'k8s/kafka.yaml': kafka(), 'k8s/pools/brokers.yaml': pool('brokers', 3), 'other/kafka.yaml': kafka('', 1), 'other/topics/topic.yaml': TOPIC }),
      { 'k8s/kafka.yaml': [3], 'k8s/pools/brokers.yaml': [], 'other/kafka.yaml': [1], 'other/topics/topic.yaml': [1] },
    );
  });

  it('namespaces first: a pool of namespace prod counts for the prod Kafka, even in the dev Kafka`s folder', () => {
    assert.deepEqual(
      counts({ 'k8s/dev.yaml': kafka('  namespace: dev', 1), 'k8s/pool.yaml': pool('brokers', 3, '  namespace: prod'), 'prod/kafka.yaml': kafka('  namespace: prod', 1) }),
      { 'k8s/dev.yaml': [1], 'k8s/pool.yaml': [], 'prod/kafka.yaml': [3] },
    );
  });

  it('one file with a Kafka per namespace counts each one`s pools alone', () => {
    const text = [kafka('  namespace: dev'), pool('dev-brokers', 1, '  namespace: dev'), kafka('  namespace: prod'), pool('prod-brokers', 3, '  namespace: prod')].join('---\n');
    assert.deepEqual(analyzeConfig('k8s/all.yaml', text).groups.filter((g) => g.links?.strimzi?.resource === 'Kafka').map((g) => g.links?.brokerCount), [1, 3]);
  });

  it('the deployment model: two clusters; a client and a topic of b/ link to b/`s Kafka only', async () => {
    const ws = await lintWorkspace({
      'a/kafka.yaml': kafka('', 1).replace('min.insync.replicas: 2', 'min.insync.replicas: 1'),
      'b/kafka.yaml': kafka('', 3),
      'b/topic.yaml': TOPIC,
      'b/app/producer.properties': 'bootstrap.servers=my-cluster-kafka-bootstrap:9092\nacks=all\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n',
    });
    const files = (clusters: readonly { brokers: readonly { file: { file: string } }[] }[]) => clusters.map((c) => [...new Set(c.brokers.map((b) => b.file.file))]);
    assert.deepEqual(files(ws.deployment.clusters), [['a/kafka.yaml'], ['b/kafka.yaml']]);
    const [producer] = ws.deployment.clients;
    assert.deepEqual([files(producer.link.clusters), producer.link.via], [[['b/kafka.yaml']], 'bootstrap']);
    const [topic] = ws.deployment.topics;
    assert.deepEqual([files(topic.link.clusters), topic.link.via], [[['b/kafka.yaml']], 'cluster']);
    // a/'s min.insync.replicas=1 is not b/'s: the producer's acks=all is protected.
    assert.deepEqual(findingsOf(ws, 'b/app/producer.properties', 'producer/acks-all-without-min-isr'), []);
  });

  it('a client that could use either names each cluster by its file, not by the name they share', async () => {
    const ws = await lintWorkspace({
      'a/kafka.yaml': kafka('', 1).replace('min.insync.replicas: 2', 'min.insync.replicas: 1'),
      'b/kafka.yaml': kafka('', 3),
      'c/producer.properties': 'bootstrap.servers=my-cluster-kafka-bootstrap:9092\nacks=all\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n',
    });
    const [finding] = findingsOf(ws, 'c/producer.properties', 'producer/acks-all-without-min-isr');
    assert.match(finding.message, / This producer writes to the cluster at my-cluster-kafka-bootstrap:9092 \(a\/kafka\.yaml\)\. It may also use the cluster of b\/kafka\.yaml: nothing in the files says which\.$/);
  });
});
