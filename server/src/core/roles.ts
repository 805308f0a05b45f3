import type { Role } from './model';
import { allKeys, findKey } from './catalog/index';
import { isLoggingKey, isPlatformServiceKey, nameVerdict, valueVerdict } from './file-evidence';

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
 * Keys that prove a file is Kafka configuration when their value has the shape Kafka reads (a `host:port`
 * list, a class name, `broker,controller`): no other software spells these keys that way with such values.
 * They weigh twice as much as other evidence, so that one wrong value (`acks=2`) next to a real
 * `bootstrap.servers` still leaves the file Kafka configuration (and `config/invalid-value` reports it).
 */
const DECISIVE_KEYS: ReadonlySet<string> = new Set([
  'bootstrap.servers',
  'key.serializer',
  'value.serializer',
  'key.deserializer',
  'value.deserializer',
  'process.roles',
  'zookeeper.connect',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'listeners',
  'key.converter',
  'value.converter',
  'connector.class',
]);

/**
 * Keys that identify a role once a file is known to be Kafka configuration, but prove nothing by
 * themselves: ordinary words that application settings use as well (`acks`, `retries`, `timeout`-like
 * keys, `client.id`, `batch.size`, `replication.factor`, `node.id`, `log.dir`). Their values still count
 * against a file when Kafka could never accept them (`acks=Acknowledgements`).
 */
const GENERIC_KEYS: ReadonlySet<string> = new Set([
  'acks',
  'retries',
  'batch.size',
  'buffer.memory',
  'compression.type',
  'client.id',
  'client.dns.lookup',
  'request.timeout.ms',
  'default.api.timeout.ms',
  'retry.backoff.ms',
  'reconnect.backoff.ms',
  'metadata.max.age.ms',
  'connections.max.idle.ms',
  'receive.buffer.bytes',
  'send.buffer.bytes',
  'interceptor.classes',
  'metric.reporters',
  'isolation.level',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'check.crcs',
  'node.id',
  'log.dir',
  'retention.ms',
  'retention.bytes',
  'segment.bytes',
  'segment.ms',
  'flush.messages',
  'flush.ms',
  'replication.factor',
  'application.id',
  'state.dir',
  'commit.interval.ms',
  'plugin.path',
]);

/** Security keys only Kafka clients spell this way; other `ssl.*` keys prove nothing (other tools use them too). */
const SECURITY_KEYS: readonly string[] = ['security.protocol', 'sasl.mechanism', 'sasl.jaas.config'];

const F_PRODUCER = 1;
const F_CONSUMER = 2;
const F_BROKER = 4;
const F_TOPIC = 8;
const F_TOPIC_ONLY = 16;
const F_CONNECT = 32;
const F_STREAMS = 64;
/** The key, with a plausible value, is evidence that the file is Kafka configuration. */
const F_EVIDENCE = 128;
/** … and strong evidence (counts twice). */
const F_DECISIVE = 256;

/** Every key role detection looks at, with what it identifies, as bit flags (one lookup per key in {@link detectRoles}). */
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
  add(CONNECT_KEYS, F_CONNECT);
  add(['application.id', 'processing.guarantee'], F_STREAMS);
  add(COMMON_CLIENT_KEYS, 0);
  add(STREAMS_KEYS, 0);
  add(SECURITY_KEYS, 0);
  add(DECISIVE_KEYS, F_DECISIVE);
  for (const key of m.keys()) if (!GENERIC_KEYS.has(key)) m.set(key, (m.get(key) ?? 0) | F_EVIDENCE);
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

/** The file name without folders, as written. */
function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop() ?? '';
}

/** Roles implied by a `.properties` file name (`producer.properties`, `server.properties`, `connect-distributed.properties`). */
function rolesFromName(name: string): Role[] {
  const roles: Role[] = [];
  const stem = name.replace(/\.properties$/, '');
  if (/producer/.test(stem)) roles.push('producer');
  if (/consumer/.test(stem)) roles.push('consumer');
  if (/^(server|broker|controller)$/.test(stem) || /(^|[-_.])(server|broker|controller)$/.test(stem)) roles.push('broker');
  if (/^connect[-_.]/.test(stem) || stem === 'connect') roles.push('connect');
  if (isStreamsStem(stem)) roles.push('streams');
  if (/admin/.test(stem)) roles.push('admin');
  if (/topic/.test(stem)) roles.push('topic');
  return roles;
}

/** Stems of Kafka Streams config names: `streams`, `orders-streams`, `kafka-stream`. */
function isStreamsStem(stem: string): boolean {
  return /streams?$/.test(stem) && /kafka|streams/.test(stem);
}

/**
 * Names that say "Kafka" by themselves (`producer.properties`, `*.kafka.properties`, `connect-*.properties`).
 * Generic stock names (`server.properties`, `broker.properties`, `controller.properties`) and names that
 * mention a client or a topic are weaker: other software uses them too, so they count only together with a
 * Kafka key (or in an empty file).
 */
function nameStrength(name: string): 'strong' | 'weak' | 'none' {
  if (/kafka/.test(name) || /^(producer|consumer)([-_.].*)?\.properties$/.test(name) || /^connect[-_.].*\.properties$/.test(name)) return 'strong';
  if (/^(server|broker|controller)\.properties$/.test(name) || /(producer|consumer|topic)/.test(name)) return 'weak';
  return 'none';
}

/** What role detection reads of one entry: its (canonical) key and the value as Kafka would receive it. */
export interface RoleInput {
  readonly key: string;
  readonly value: string;
}

/** What a non-Kafka answer looks like. */
const NOT_KAFKA: DetectedRoles = Object.freeze({ roles: [], isKafka: false });

/**
 * Decides what a `.properties` file configures and whether it is Kafka configuration at all, from its file
 * name and its entries. A file is Kafka configuration only on positive evidence:
 *
 * - its name says so (`producer.properties`, `consumer-*.properties`, `*kafka*.properties`,
 *   `connect-*.properties`), or
 * - its keys do: a `bootstrap.servers` list of `host:port`, a serializer class, `group.id`, broker keys
 *   (`process.roles`, `log.dirs`, `zookeeper.connect`, …), topic keys (`min.insync.replicas`,
 *   `cleanup.policy`), each counted only when its value is one Kafka takes. Ordinary words (`acks`,
 *   `retries`, `client.id`, `batch.size`) are no evidence, and a known key whose value Kafka could never
 *   accept (`acks=Acknowledgements`, `retries=Retries`) counts against the file. The evidence must outweigh
 *   what counts against it.
 *
 * A generic Kafka name (`server.properties`, `orders-topic.properties`) adds to the evidence when the file
 * holds a Kafka key; a Kafka Streams name (`streams.properties`) only when the file sets `application.id`, the
 * key every Streams config needs (by itself an ordinary word, as in a Spring app's settings). Names of other
 * tools' files (log4j, Gradle, Maven wrapper, Hibernate, Flyway, Liquibase, …) are never Kafka configuration,
 * and Java resource bundles (`messages.properties`, `labels_de.properties`, any `<base>_<locale>.properties`)
 * lose their name's strength and count against. Nor is a file whose keys are mostly a logging configuration's
 * (`log4j.appender.*`, `appender.console.type`, `rootLogger.level`, `logger.kafka.name`), even one named
 * `KafkaCluster.properties`. Nor is the own configuration of a service that is no broker (ksqlDB's `ksql.*`, Schema
 * Registry's `kafkastore.*`, Control Center's `confluent.controlcenter.*` keys, Debezium's Cassandra agent), though
 * it holds Kafka client keys.
 *
 * Roles (only for Kafka files) come from the name, from the INI sections named for a client (`sections`:
 * `[producer]`, `[consumer]`, `[admin]`) and from identifying keys; a file can hold several.
 * Connect and Streams keys take precedence over consumer keys they share (`group.id` in a Connect worker is
 * not a consumer's). Topic keys count as a topic role only when no broker key is present (a broker file
 * sets them as cluster-wide defaults).
 */
export function detectRoles(path: string, entries: readonly RoleInput[], sections: readonly Role[] = []): DetectedRoles {
  const written = baseName(path);
  const verdict = nameVerdict(written);
  if (verdict === 'other-tool') return NOT_KAFKA;
  const name = written.toLowerCase();
  const strength = verdict === 'bundle' ? 'none' : nameStrength(name);
  // One pass, one map lookup per key: big files (50,000 lines) must stay cheap. Values are judged per
  // distinct flagged key, the last occurrence winning as in Kafka.
  let any = 0;
  let count = 0;
  let logging = 0;
  let service = false;
  const flagged = new Map<string, string>();
  for (const { key, value } of entries) {
    count++;
    const f = FLAGS.get(key);
    if (f === undefined) {
      if (isLoggingKey(key)) logging++;
      else if (isPlatformServiceKey(key)) service = true;
      continue;
    }
    any |= f;
    flagged.set(key, value);
  }
  // A logging configuration (log4j, log4j2) is not Kafka's, whatever its name says (`KafkaCluster.properties`).
  if (logging >= 2 && logging * 2 > count) return NOT_KAFKA;
  // Nor is a ksqlDB, Schema Registry, Control Center or Debezium Cassandra agent configuration, whatever its name
  // (`ksql-server.properties` reads like a broker's), `listeners` or converters: its own keys are not Kafka's.
  if (service) return NOT_KAFKA;
  if (strength !== 'strong') {
    let evidence = 0;
    let against = verdict === 'bundle' ? 2 : 0;
    let kafkaKey = false;
    for (const [key, value] of flagged) {
      const judged = valueVerdict(key, value);
      if (judged === 'impossible') {
        against++;
        continue;
      }
      if (judged !== 'plausible') continue;
      kafkaKey = true;
      const f = FLAGS.get(key) ?? 0;
      if (f & F_EVIDENCE) evidence += f & F_DECISIVE ? 2 : 1;
    }
    // A generic Kafka name needs a Kafka key with a value Kafka takes to count (or an empty file).
    if (strength === 'weak' && (count === 0 || kafkaKey)) evidence++;
    // A Streams name (`streams.properties`) is a word other software uses too: it counts only together with
    // the application.id every Kafka Streams config must set (StreamsConfig has no default for it).
    const applicationId = flagged.get('application.id');
    const streamsName = strength === 'none' && verdict !== 'bundle' && isStreamsStem(name.replace(/\.properties$/, ''));
    if (streamsName && applicationId !== undefined && valueVerdict('application.id', applicationId) === 'plausible') evidence++;
    if (evidence === 0 || evidence <= against) return NOT_KAFKA;
  }
  const found = new Set<Role>([...rolesFromName(name), ...sections]);
  if (any & F_CONNECT) found.add('connect');
  if (any & F_STREAMS) found.add('streams');
  const isWorker = found.has('connect') || found.has('streams');
  if (any & F_PRODUCER) found.add('producer');
  if (any & F_CONSUMER && !isWorker) found.add('consumer');
  if (any & F_BROKER) found.add('broker');
  const topicCandidate = (any & F_TOPIC_ONLY) !== 0 || ((any & F_TOPIC) !== 0 && !found.has('producer') && !found.has('consumer'));
  if (!found.has('broker') && !isWorker && topicCandidate) found.add('topic');
  return { roles: ROLE_ORDER.filter((r) => found.has(r)), isKafka: true };
}
