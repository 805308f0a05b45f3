/**
 * What the Strimzi operator does with `spec.kafka.config` of a `Kafka` resource, as data (read in
 * strimzi/strimzi-kafka-operator `api/.../kafka/KafkaClusterSpec.java`, FORBIDDEN_PREFIXES and
 * FORBIDDEN_PREFIX_EXCEPTIONS of a recent release; the lists change between releases). Options under a
 * forbidden prefix are managed by the operator itself (listeners, storage, security, node identity) and
 * ignored when written there, so they are not read as the broker's settings.
 */

/** Prefixes of the options Strimzi manages itself. */
export const STRIMZI_FORBIDDEN_PREFIXES: readonly string[] = [
  'listeners',
  'advertised.',
  'broker.',
  'listener.',
  'host.name',
  'port',
  'inter.broker.listener.name',
  'sasl.',
  'ssl.',
  'security.',
  'password.',
  'log.dir',
  'zookeeper.connect',
  'zookeeper.set.acl',
  'zookeeper.ssl',
  'zookeeper.clientCnxnSocket',
  'authorizer.',
  'super.user',
  'cruise.control.metrics.topic',
  'cruise.control.metrics.reporter.bootstrap.servers',
  'node.id',
  'process.roles',
  'controller.',
  'metadata.log.dir',
  'zookeeper.metadata.migration.enable',
];

/** Options allowed although a forbidden prefix matches them. */
export const STRIMZI_FORBIDDEN_EXCEPTIONS: ReadonlySet<string> = new Set([
  'zookeeper.connection.timeout.ms',
  'sasl.server.max.receive.size',
  'ssl.cipher.suites',
  'ssl.protocol',
  'ssl.enabled.protocols',
  'ssl.secure.random.implementation',
  'cruise.control.metrics.topic.num.partitions',
  'cruise.control.metrics.topic.replication.factor',
  'cruise.control.metrics.topic.retention.ms',
  'cruise.control.metrics.topic.auto.create.retries',
  'cruise.control.metrics.topic.auto.create.timeout.ms',
  'cruise.control.metrics.topic.min.insync.replicas',
  'controller.quorum.election.backoff.max.ms',
  'controller.quorum.election.timeout.ms',
  'controller.quorum.fetch.timeout.ms',
]);

/** True when Strimzi manages `key` itself and ignores it in `spec.kafka.config`. */
export function isStrimziManaged(key: string): boolean {
  if (STRIMZI_FORBIDDEN_EXCEPTIONS.has(key)) return false;
  return STRIMZI_FORBIDDEN_PREFIXES.some((p) => key === p || key.startsWith(p));
}

/** The group of the custom resources read here (`apiVersion: kafka.strimzi.io/v1beta2`, `…/v1`). */
export const STRIMZI_API_GROUP = 'kafka.strimzi.io/';

/** The label that ties a KafkaTopic, KafkaNodePool or KafkaConnector to its cluster. */
export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';
