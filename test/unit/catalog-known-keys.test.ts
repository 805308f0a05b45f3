import * as assert from 'node:assert/strict';
import { isKnownKafkaKey, knownKeyNames } from '../../server/src/core/catalog/index';

describe('catalog: known keys', () => {
  const known: readonly string[] = [
    // producer, consumer, common, security
    'acks', 'retries', 'linger.ms', 'delivery.timeout.ms', 'enable.idempotence', 'partitioner.ignore.keys',
    'group.id', 'enable.auto.commit', 'auto.offset.reset', 'max.poll.records', 'isolation.level', 'group.protocol',
    'bootstrap.servers', 'client.id', 'security.protocol', 'ssl.truststore.location', 'sasl.jaas.config', 'sasl.mechanism',
    // broker, KRaft, topic
    'process.roles', 'node.id', 'controller.quorum.voters', 'log.dirs', 'num.network.threads', 'log.segment.bytes',
    'zookeeper.connect', 'offsets.topic.replication.factor', 'share.coordinator.state.topic.min.isr',
    'retention.bytes', 'segment.ms', 'cleanup.policy', 'min.insync.replicas', 'replication.factor',
    // streams, connect, librdkafka, legacy
    'application.id', 'processing.guarantee', 'num.standby.replicas', 'offset.storage.topic', 'connector.class',
    'tasks.max', 'errors.tolerance', 'request.required.acks', 'message.send.max.retries', 'queue.buffering.max.ms',
    'enable.auto.offset.store', 'go.delivery.reports', 'metadata.broker.list',
    // shipped sample files: connectors and ZooKeeper
    'file', 'topic', 'dataDir', 'clientPort', 'maxClientCnxns', 'admin.enableServer',
  ];
  for (const key of known) {
    it(`knows ${key}`, () => assert.equal(isKnownKafkaKey(key), true));
  }

  const families: readonly string[] = [
    'listener.name.internal.ssl.keystore.location',
    'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config',
    'listener.name.controller.sasl.enabled.mechanisms',
    'producer.override.acks',
    'consumer.override.auto.offset.reset',
    'admin.override.request.timeout.ms',
    'producer.enable.idempotence',
    'main.consumer.max.poll.records',
    'topic.min.insync.replicas',
    'config.providers',
    'config.providers.vault.class',
    'config.providers.file.param.path',
    'metrics.context.env',
    'confluent.license',
    'transforms.route.type',
    'key.converter.schemas.enable',
    'remote.log.storage.manager.class.name',
    'primary->backup.enabled',
    'internal.key.converter.schemas.enable',
    'listeners.https.ssl.keystore.location',
    'primary.bootstrap.servers',
    'backup.security.protocol',
    'server.1',
  ];
  for (const key of families) {
    it(`accepts the dynamic family member ${key}`, () => assert.equal(isKnownKafkaKey(key), true));
  }

  const typos: readonly string[] = [
    'ack', 'ackss', 'bootstrap.server', 'enable.auto.comit', 'enable.idempotency', 'log.retention.hour',
    'min.isr', 'min.insync.replica', 'auto.offset.rest', 'lingers.ms', 'producer.override.ackss',
    'listener.name.internal.ssl.keystore.locaton', 'Acks', '', 'retries ', 'primary.acks', 'server.x',
    'x.log.retention.hour',
  ];
  for (const key of typos) {
    it(`does not know ${JSON.stringify(key)}`, () => assert.equal(isKnownKafkaKey(key), false));
  }

  it('lists names sorted and without duplicates', () => {
    const names = knownKeyNames();
    assert.deepEqual([...names].sort(), names);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.includes('acks') && names.includes('log.cleaner.threads'));
  });
});
