import * as assert from 'node:assert/strict';
import { allKeys, findKey, isKnownKafkaKey, kafkaDefault, libraryDefault } from '../../server/src/core/catalog/index';

describe('catalog: keys', () => {
  /** Every key kafka-facts.md names, by section. */
  const FACT_KEYS: readonly string[] = [
    'acks', 'retries', 'delivery.timeout.ms', 'request.timeout.ms', 'linger.ms', 'enable.idempotence',
    'max.in.flight.requests.per.connection', 'max.request.size', 'buffer.memory', 'max.block.ms', 'batch.size',
    'compression.type', 'transactional.id', 'transaction.timeout.ms', 'message.max.bytes', 'max.message.bytes',
    'replica.fetch.max.bytes', 'max.partition.fetch.bytes', 'fetch.max.bytes', 'unclean.leader.election.enable',
    'min.insync.replicas', 'default.replication.factor', 'num.partitions', 'auto.create.topics.enable',
    'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr',
    'log.flush.interval.messages', 'flush.messages', 'log.flush.interval.ms', 'flush.ms', 'replica.lag.time.max.ms',
    'num.replica.fetchers', 'log.retention.hours', 'log.retention.minutes', 'log.retention.ms', 'retention.ms',
    'log.retention.bytes', 'retention.bytes', 'log.cleanup.policy', 'cleanup.policy', 'log.retention.check.interval.ms',
    'log.dirs', 'log.dir', 'metadata.log.dir', 'offsets.retention.minutes', 'delete.topic.enable',
    'message.timestamp.after.max.ms', 'log.message.timestamp.after.max.ms', 'enable.auto.commit',
    'auto.commit.interval.ms', 'auto.offset.reset', 'isolation.level', 'max.poll.interval.ms', 'session.timeout.ms',
    'heartbeat.interval.ms', 'group.protocol', 'default.api.timeout.ms', 'allow.auto.create.topics', 'process.roles',
    'controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'unclean.leader.election.interval.ms',
    'share.coordinator.state.topic.replication.factor', 'share.coordinator.state.topic.min.isr', 'replication.factor',
    'enable.auto.offset.store', 'queue.buffering.max.messages', 'queue.buffering.max.kbytes', 'enable.gapless.guarantee',
    // common keys
    'bootstrap.servers', 'client.id', 'key.serializer', 'value.serializer', 'key.deserializer', 'value.deserializer',
    'group.id', 'security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'ssl.truststore.location', 'listeners',
    'advertised.listeners', 'node.id', 'broker.id', 'zookeeper.connect', 'num.network.threads', 'log.segment.bytes',
    'segment.ms', 'max.poll.records', 'fetch.min.bytes',
    // streams, connect, KIP-848 broker settings, confluent-kafka-go
    'processing.guarantee', 'errors.tolerance', 'group.consumer.session.timeout.ms', 'go.delivery.reports',
  ];
  for (const key of FACT_KEYS) {
    it(`documents ${key}`, () => {
      const doc = findKey(key);
      assert.ok(doc, `missing ${key}`);
      assert.equal(doc.key, key);
      assert.ok(doc.summary.length > 10 && doc.summary.length < 300, 'summary is a sentence or two');
      assert.ok(isKnownKafkaKey(key));
    });
  }

  it('finds librdkafka aliases under the canonical key', () => {
    assert.equal(findKey('request.required.acks')?.key, 'acks');
    assert.equal(findKey('message.send.max.retries')?.key, 'retries');
    assert.equal(findKey('queue.buffering.max.ms')?.key, 'linger.ms');
    assert.equal(findKey('message.timeout.ms')?.key, 'delivery.timeout.ms');
    assert.equal(findKey('max.in.flight')?.key, 'max.in.flight.requests.per.connection');
    assert.equal(findKey('no.such.key'), undefined);
  });

  it('states every key once', () => {
    const names = allKeys().flatMap((k) => [k.key, ...(k.aliases ?? [])]);
    assert.equal(new Set(names).size, names.length);
  });

  it('takes durability defaults from defaults.ts, so a key never restates one', () => {
    for (const doc of allKeys()) {
      const fromTable = kafkaDefault(doc.key, '99.0')?.history;
      if (fromTable) assert.deepEqual(doc.defaults, fromTable, doc.key);
    }
  });

  it('keeps values unique, suggests only valid values, documents only listed values', () => {
    for (const doc of allKeys()) {
      if (doc.validValues) assert.equal(new Set(doc.validValues).size, doc.validValues.length, doc.key);
      for (const v of doc.suggestedValues ?? []) assert.ok(!doc.validValues || doc.validValues.includes(v), `${doc.key}: ${v}`);
      for (const v of Object.keys(doc.valueDocs ?? {})) assert.ok(doc.validValues?.includes(v) || doc.suggestedValues?.includes(v), `${doc.key}: ${v}`);
    }
  });

  it('leaves open sets open: mechanisms from login modules and host-name checks are not closed lists', () => {
    assert.equal(findKey('sasl.mechanism')?.validValues, undefined);
    assert.deepEqual(findKey('sasl.mechanism')?.suggestedValues, ['SCRAM-SHA-512', 'SCRAM-SHA-256', 'OAUTHBEARER', 'PLAIN', 'GSSAPI']);
    assert.equal(findKey('ssl.endpoint.identification.algorithm')?.validValues, undefined);
  });

  it('describes loss and a safe value for every key with a durability stage and loss text', () => {
    for (const doc of allKeys()) {
      if (doc.loss) assert.ok(doc.safe, `${doc.key} has loss text but no safe value`);
    }
  });

  it('orders acks safest first', () => {
    assert.deepEqual(findKey('acks')?.validValues, ['all', '-1', '1', '0']);
  });

  it('gives the acks default by Kafka version', () => {
    assert.equal(kafkaDefault('acks', '2.8')?.value, '1');
    assert.equal(kafkaDefault('acks', '3.9')?.value, 'all');
    assert.equal(kafkaDefault('linger.ms', '3.9')?.value, '0');
    assert.equal(kafkaDefault('linger.ms', '4.0')?.value, '5');
    assert.equal(kafkaDefault('delivery.timeout.ms', '2.0'), undefined);
    assert.equal(kafkaDefault('message.max.bytes', '2.4')?.value, '1000012');
    assert.equal(kafkaDefault('message.max.bytes', '2.5')?.value, '1048588');
  });

  it('gives library defaults, with librdkafka aliases sharing the canonical history', () => {
    assert.equal(libraryDefault('request.required.acks', 'librdkafka', '3.9', '0.11.6')?.value, '1');
    assert.equal(libraryDefault('acks', 'librdkafka', '3.9', '2.15.0')?.value, 'all');
    assert.equal(libraryDefault('queue.buffering.max.ms', 'librdkafka', '3.9', '1.5.0')?.value, '5');
    assert.equal(libraryDefault('message.timeout.ms', 'librdkafka', '3.9', '2.0.0')?.value, '300000');
    const unknownVersion = libraryDefault('linger.ms', 'franz-go', '3.9');
    assert.equal(unknownVersion?.value, '10');
    assert.equal(unknownVersion?.versionDependent, true);
    assert.equal(libraryDefault('session.timeout.ms', 'kafka-python', '3.9', '2.0.2')?.value, '10000');
  });
});
