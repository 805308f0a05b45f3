import type { Role } from './model';
import { allKeys, findKey, isKnownKafkaKey } from './catalog/index';

/**
 * Role detection for `.properties` files: what a file configures (producer, consumer, broker, topic, …)
 * and whether it is Kafka configuration at all.
 *
 * The key lists below are the keys that *identify* a role, not every key a role accepts: a key shared by
 * several roles (`bootstrap.servers`, `client.id`, `ssl.*`) proves a file is Kafka but says nothing about
 * which client it configures.
 */

/** Keys only a consumer (or a consumer-like client) sets. */
const CONSUMER_KEYS: ReadonlySet<string> = new Set([
  'group.id',
  'group.instance.id',
  'group.protocol',
  'key.deserializer',
  'value.deserializer',
  'enable.auto.commit',
  'auto.commit.interval.ms',
  'auto.offset.reset',
  'isolation.level',
  'max.poll.records',
  'max.poll.interval.ms',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'fetch.min.bytes',
  'fetch.max.bytes',
  'fetch.max.wait.ms',
  'max.partition.fetch.bytes',
  'partition.assignment.strategy',
  'allow.auto.create.topics',
  'check.crcs',
  'exclude.internal.topics',
]);

/** Keys only a producer sets (`compression.type` is not here: topics and brokers have one too). */
const PRODUCER_KEYS: ReadonlySet<string> = new Set([
  'key.serializer',
  'value.serializer',
  'acks',
  'request.required.acks',
  'retries',
  'enable.idempotence',
  'linger.ms',
  'batch.size',
  'buffer.memory',
  'delivery.timeout.ms',
  'max.in.flight.requests.per.connection',
  'max.request.size',
  'max.block.ms',
  'transactional.id',
  'transaction.timeout.ms',
  'partitioner.class',
  'partitioner.ignore.keys',
]);

/** Keys only a broker or KRaft controller sets (server.properties). */
const BROKER_KEYS: ReadonlySet<string> = new Set([
  'process.roles',
  'node.id',
  'broker.id',
  'log.dirs',
  'log.dir',
  'zookeeper.connect',
  'listeners',
  'advertised.listeners',
  'listener.security.protocol.map',
  'inter.broker.listener.name',
  'controller.listener.names',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'num.network.threads',
  'num.io.threads',
  'num.partitions',
  'num.recovery.threads.per.data.dir',
  'default.replication.factor',
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'auto.create.topics.enable',
  'log.retention.hours',
  'log.retention.minutes',
  'log.retention.ms',
  'log.retention.bytes',
  'log.segment.bytes',
  'log.flush.interval.messages',
  'log.flush.interval.ms',
  'log.retention.check.interval.ms',
  'message.max.bytes',
  'replica.lag.time.max.ms',
  'replica.fetch.max.bytes',
  'num.replica.fetchers',
  'metadata.log.dir',
  'socket.send.buffer.bytes',
  'socket.receive.buffer.bytes',
  'socket.request.max.bytes',
  'group.initial.rebalance.delay.ms',
]);

/** Topic-level configs (`kafka-configs --add-config-file`, `kafka-topics --config`). */
const TOPIC_KEYS: ReadonlySet<string> = new Set([
  'cleanup.policy',
  'retention.ms',
  'retention.bytes',
  'segment.bytes',
  'segment.ms',
  'max.message.bytes',
  'min.insync.replicas',
  'unclean.leader.election.enable',
  'flush.messages',
  'flush.ms',
  'min.compaction.lag.ms',
  'max.compaction.lag.ms',
  'delete.retention.ms',
  'min.cleanable.dirty.ratio',
  'message.timestamp.type',
  'message.timestamp.before.max.ms',
  'message.timestamp.after.max.ms',
  'local.retention.ms',
  'local.retention.bytes',
  'remote.storage.enable',
  'replication.factor',
]);

/** Topic keys that a broker file may also set (as cluster-wide defaults): they do not make a broker file a topic file. */
const TOPIC_KEYS_SHARED_WITH_BROKER: ReadonlySet<string> = new Set(['min.insync.replicas', 'unclean.leader.election.enable', 'compression.type']);

/** Kafka Streams. */
const STREAMS_KEYS: ReadonlySet<string> = new Set(['application.id', 'processing.guarantee', 'num.stream.threads', 'default.key.serde', 'default.value.serde', 'state.dir', 'commit.interval.ms', 'replication.factor']);

/** Kafka Connect workers. */
const CONNECT_KEYS: ReadonlySet<string> = new Set([
  'key.converter',
  'value.converter',
  'offset.storage.topic',
  'offset.storage.file.filename',
  'config.storage.topic',
  'status.storage.topic',
  'plugin.path',
  'connector.class',
  'tasks.max',
]);

/** Keys any Kafka client accepts. */
const COMMON_CLIENT_KEYS: ReadonlySet<string> = new Set([
  'bootstrap.servers',
  'client.id',
  'client.dns.lookup',
  'request.timeout.ms',
  'default.api.timeout.ms',
  'retry.backoff.ms',
  'reconnect.backoff.ms',
  'metadata.max.age.ms',
  'security.protocol',
  'connections.max.idle.ms',
  'receive.buffer.bytes',
  'send.buffer.bytes',
  'interceptor.classes',
  'metric.reporters',
]);

/**
 * Keys that alone prove a file is Kafka configuration: generic-sounding keys such as `acks` or `retries`
 * are not here, because a UI strings file may well contain them.
 */
const STRONG_KEYS: ReadonlySet<string> = new Set([
  'bootstrap.servers',
  'group.id',
  'key.serializer',
  'value.serializer',
  'key.deserializer',
  'value.deserializer',
  'process.roles',
  'broker.id',
  'node.id',
  'log.dirs',
  'zookeeper.connect',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'listeners',
  'advertised.listeners',
  'cleanup.policy',
  'min.insync.replicas',
  'replication.factor',
  'default.replication.factor',
  'offsets.topic.replication.factor',
  'unclean.leader.election.enable',
  'enable.auto.commit',
  'auto.offset.reset',
  'enable.idempotence',
  'max.in.flight.requests.per.connection',
  'delivery.timeout.ms',
  'transactional.id',
  'isolation.level',
  'max.poll.records',
  'max.poll.interval.ms',
  'application.id',
  'key.converter',
  'value.converter',
  'offset.storage.topic',
  'request.required.acks',
]);

/** Prefixes that only Kafka clients use (SASL/SSL settings, Connect's per-client overrides). */
const KAFKA_PREFIXES: readonly string[] = ['sasl.', 'ssl.', 'producer.', 'consumer.', 'admin.', 'confluent.', 'schema.registry.'];

const F_PRODUCER = 1;
const F_CONSUMER = 2;
const F_BROKER = 4;
const F_TOPIC = 8;
const F_TOPIC_ONLY = 16;
const F_STRONG = 32;
const F_CONNECT = 64;
const F_STREAMS = 128;

/** Every identifying key with what it identifies, as bit flags (one lookup per key in {@link detectRoles}). */
const FLAGS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (keys: Iterable<string>, flag: number) => {
    for (const k of keys) m.set(k, (m.get(k) ?? 0) | flag);
  };
  add(PRODUCER_KEYS, F_PRODUCER);
  add(CONSUMER_KEYS, F_CONSUMER);
  add(BROKER_KEYS, F_BROKER);
  add(TOPIC_KEYS, F_TOPIC);
  add([...TOPIC_KEYS].filter((k) => !TOPIC_KEYS_SHARED_WITH_BROKER.has(k)), F_TOPIC_ONLY);
  add(STRONG_KEYS, F_STRONG);
  add(CONNECT_KEYS, F_CONNECT);
  add(['application.id', 'processing.guarantee'], F_STREAMS);
  return m;
})();

/** The roles that identify themselves through a key; a key can identify at most one role here. */
function roleOfKey(key: string): Role | undefined {
  if (PRODUCER_KEYS.has(key)) return 'producer';
  if (CONSUMER_KEYS.has(key)) return 'consumer';
  if (BROKER_KEYS.has(key)) return 'broker';
  if (TOPIC_KEYS.has(key)) return 'topic';
  return undefined;
}

/**
 * True when `key` is a Kafka key: one of the lists here, a Kafka-only prefix, or a name the catalog knows
 * (Kafka's full config definitions).
 */
function isKafkaKey(key: string): boolean {
  return (
    isKnownKafkaKey(key) ||
    STRONG_KEYS.has(key) ||
    roleOfKey(key) !== undefined ||
    COMMON_CLIENT_KEYS.has(key) ||
    STREAMS_KEYS.has(key) ||
    CONNECT_KEYS.has(key) ||
    findKey(key) !== undefined ||
    KAFKA_PREFIXES.some((p) => key.startsWith(p))
  );
}

/**
 * The role a single key belongs to when it belongs to exactly one of producer, consumer, broker or topic
 * (`acks` → producer, `group.id` → consumer, `log.dirs` → broker), else undefined. Used to tag entries and
 * to route Spring's shared `spring.kafka.properties.*` entries to the right group.
 */
export function keyRole(key: string): Role | undefined {
  KEY_ROLES ??= keyRoleTable();
  return KEY_ROLES.get(key);
}

/** {@link keyRole} for every key that has one: one lookup per entry instead of five (built on first use). */
let KEY_ROLES: ReadonlyMap<string, Role> | undefined;

function keyRoleTable(): ReadonlyMap<string, Role> {
  const table = new Map<string, Role>();
  const candidates = [...PRODUCER_KEYS, ...CONSUMER_KEYS, ...BROKER_KEYS, ...TOPIC_KEYS];
  for (const doc of allKeys()) candidates.push(doc.key, ...(doc.aliases ?? []));
  for (const key of candidates) {
    const role = computeKeyRole(key);
    if (role) table.set(key, role);
  }
  return table;
}

function computeKeyRole(key: string): Role | undefined {
  const fromCatalog = findKey(key)?.roles;
  if (fromCatalog && fromCatalog.length === 1) return fromCatalog[0];
  return roleOfKey(key);
}

/** Result of {@link detectRoles}. */
export interface DetectedRoles {
  /** What the file configures, in a stable order (producer, consumer, admin, streams, connect, broker, topic). Empty when unknown. */
  readonly roles: Role[];
  /** False when nothing shows the file is Kafka configuration: no finding is reported on it. */
  readonly isKafka: boolean;
}

const ROLE_ORDER: readonly Role[] = ['producer', 'consumer', 'admin', 'streams', 'connect', 'broker', 'topic'];

/** The file name without folders, lower-cased. */
function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
}

/** Roles implied by a `.properties` file name (`producer.properties`, `server.properties`, `connect-distributed.properties`). */
function rolesFromName(name: string): Role[] {
  const roles: Role[] = [];
  const stem = name.replace(/\.properties$/, '');
  if (/producer/.test(stem)) roles.push('producer');
  if (/consumer/.test(stem)) roles.push('consumer');
  if (/^(server|broker|controller)$/.test(stem) || /(^|[-_.])(server|broker|controller)$/.test(stem)) roles.push('broker');
  if (/^connect[-_.]/.test(stem) || stem === 'connect') roles.push('connect');
  if (/streams?$/.test(stem) && /kafka|streams/.test(stem)) roles.push('streams');
  if (/admin/.test(stem)) roles.push('admin');
  if (/topic/.test(stem)) roles.push('topic');
  return roles;
}

/**
 * Names that say "Kafka" by themselves (`producer.properties`, `*.kafka.properties`, `connect-*.properties`).
 * Generic stock names (`server.properties`, `broker.properties`, `controller.properties`) are weaker: other
 * software uses them too, so they count only together with at least one Kafka key (or an empty file).
 */
function nameStrength(name: string): 'strong' | 'weak' | 'none' {
  if (/kafka/.test(name) || /^(producer|consumer)([-_.].*)?\.properties$/.test(name) || /^connect[-_.].*\.properties$/.test(name)) return 'strong';
  if (/^(server|broker|controller)\.properties$/.test(name) || /(producer|consumer|topic)/.test(name)) return 'weak';
  return 'none';
}

/**
 * Decides what a `.properties` file configures and whether it is Kafka configuration at all, from its file
 * name and the (canonical) keys it sets.
 *
 * A file is Kafka configuration when its name says so (`producer.properties`, `*kafka*.properties`,
 * `connect-*.properties`), or it sets at least one strongly identifying key (`bootstrap.servers`,
 * `group.id`, `log.dirs`, `min.insync.replicas`, …), or most of its keys are Kafka keys, or it has a
 * generic Kafka name (`server.properties`) and at least one Kafka key. A UI strings file that happens to
 * contain `retries=0` among ordinary keys is not.
 *
 * Roles come from the name and from identifying keys; a file can hold several. Connect and Streams keys
 * take precedence over consumer keys they share (`group.id` in a Connect worker is not a consumer's).
 * Topic keys count as a topic role only when no broker key is present (a broker file sets them as
 * cluster-wide defaults).
 */
export function detectRoles(path: string, keys: Iterable<string>): DetectedRoles {
  const name = baseName(path);
  const found = new Set<Role>(rolesFromName(name));
  // One pass, one map lookup per key: big files (50,000 lines) must stay cheap.
  let any = 0;
  let count = 0;
  for (const key of keys) {
    count++;
    any |= FLAGS.get(key) ?? 0;
  }
  if (any & F_CONNECT) found.add('connect');
  if (any & F_STREAMS) found.add('streams');
  const isWorker = found.has('connect') || found.has('streams');
  if (any & F_PRODUCER) found.add('producer');
  if (any & F_CONSUMER && !isWorker) found.add('consumer');
  if (any & F_BROKER) found.add('broker');
  const topicCandidate = (any & F_TOPIC_ONLY) !== 0 || ((any & F_TOPIC) !== 0 && !found.has('producer') && !found.has('consumer'));
  if (!found.has('broker') && !isWorker && topicCandidate) found.add('topic');
  const strength = nameStrength(name);
  let isKafka = strength === 'strong' || (any & F_STRONG) !== 0;
  if (!isKafka && count > 0) {
    // Only now count distinct keys: most of them Kafka keys, or a generic Kafka name with one of them.
    const distinct = new Set(keys);
    let known = 0;
    for (const key of distinct) if (isKafkaKey(key)) known++;
    isKafka = (known > 0 && known * 2 > distinct.size) || (strength === 'weak' && known > 0);
  } else if (!isKafka) {
    isKafka = strength === 'weak';
  }
  return { roles: ROLE_ORDER.filter((r) => found.has(r)), isKafka };
}
