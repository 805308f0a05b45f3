import type { LibraryId } from '../model';
import type { VersionedValue } from './types';
import { compareVersions } from './versions';

/**
 * Defaults of the durability keys, per client library, as ../shared/kafka-facts.md records them.
 *
 * For `java` (and `spring`, which passes unset keys through to kafka-clients) the versions are Kafka
 * versions; for the other libraries they are the library's own versions. A library whose default does not
 * depend on its version has a single entry with `since: '0'`.
 */
const JAVA: Readonly<Record<string, readonly VersionedValue[]>> = {
  acks: [
    { since: '0', value: '1' },
    { since: '3.0', value: 'all', note: 'KIP-679 made acks=all the producer default in Kafka 3.0' },
  ],
  retries: [
    { since: '0', value: '0' },
    { since: '2.1', value: '2147483647', note: 'since 2.1 retries are unbounded and delivery.timeout.ms (120 s) bounds the retrying instead (KIP-91)' },
  ],
  'enable.idempotence': [
    { since: '0', value: 'false' },
    { since: '3.0', value: 'true', note: 'not applied in 3.0.0 and 3.1.0 because of KAFKA-13598; effective from 3.0.1, 3.1.1 and 3.2.0' },
  ],
  'max.in.flight.requests.per.connection': [{ since: '0', value: '5' }],
  'delivery.timeout.ms': [{ since: '2.1', value: '120000' }],
  'linger.ms': [
    { since: '0', value: '0' },
    { since: '4.0', value: '5', note: 'KIP-1030 raised the default to 5 ms in 4.0' },
  ],
  'max.request.size': [{ since: '0', value: '1048576' }],
  'enable.auto.commit': [{ since: '0', value: 'true' }],
  'auto.commit.interval.ms': [{ since: '0', value: '5000' }],
  'auto.offset.reset': [{ since: '0', value: 'latest' }],
  'isolation.level': [{ since: '0', value: 'read_uncommitted' }],
  'session.timeout.ms': [
    { since: '0.10.1', value: '10000' },
    { since: '3.0', value: '45000', note: 'KIP-735' },
  ],
  'unclean.leader.election.enable': [
    { since: '0', value: 'true' },
    { since: '0.11.0', value: 'false', note: 'unclean election has been off by default since 0.11.0' },
  ],
  'min.insync.replicas': [{ since: '0', value: '1' }],
  'default.replication.factor': [{ since: '0', value: '1' }],
  'offsets.topic.replication.factor': [{ since: '0', value: '3' }],
  'transaction.state.log.replication.factor': [{ since: '0', value: '3' }],
  'transaction.state.log.min.isr': [{ since: '0', value: '2' }],
  'message.max.bytes': [
    { since: '0', value: '1000012' },
    { since: '2.5', value: '1048588', note: 'KAFKA-4203 aligned it with max.request.size plus the log overhead in 2.5' },
  ],
  'replica.lag.time.max.ms': [
    { since: '0', value: '10000' },
    { since: '2.5', value: '30000' },
  ],
  'offsets.retention.minutes': [
    { since: '0', value: '1440' },
    { since: '2.0', value: '10080', note: 'KIP-186 raised it from 1 day to 7 days in 2.0' },
  ],
  'log.dir': [{ since: '0', value: '/tmp/kafka-logs' }],
  'auto.create.topics.enable': [{ since: '0', value: 'true' }],
  'allow.auto.create.topics': [{ since: '0', value: 'true' }],
  // Producer timing and buffering: they decide how long a record may wait before it fails.
  'request.timeout.ms': [{ since: '0', value: '30000' }],
  'buffer.memory': [{ since: '0', value: '33554432' }],
  'max.block.ms': [{ since: '0', value: '60000' }],
  'batch.size': [{ since: '0', value: '16384' }],
  'transaction.timeout.ms': [{ since: '0', value: '60000' }],
  // Consumer liveness and fetch sizes.
  'max.poll.interval.ms': [{ since: '0', value: '300000' }],
  'max.poll.records': [{ since: '0', value: '500' }],
  'heartbeat.interval.ms': [{ since: '0', value: '3000' }],
  'group.protocol': [{ since: '3.7', value: 'classic' }],
  'default.api.timeout.ms': [{ since: '2.0', value: '60000' }],
  'max.partition.fetch.bytes': [{ since: '0', value: '1048576' }],
  'fetch.max.bytes': [{ since: '0.10.1', value: '52428800' }],
  // Broker and topic storage: how long and how safely the log keeps records.
  'max.message.bytes': [
    { since: '0', value: '1000012' },
    { since: '2.5', value: '1048588', note: 'follows the broker message.max.bytes default, raised in 2.5 (KAFKA-4203)' },
  ],
  'replica.fetch.max.bytes': [{ since: '0', value: '1048576' }],
  'num.replica.fetchers': [{ since: '0', value: '1' }],
  'num.partitions': [{ since: '0', value: '1' }],
  'log.flush.interval.messages': [{ since: '0', value: '9223372036854775807' }],
  'flush.messages': [{ since: '0', value: '9223372036854775807' }],
  'flush.ms': [{ since: '0', value: '9223372036854775807' }],
  'log.flush.scheduler.interval.ms': [{ since: '0', value: '9223372036854775807' }],
  'log.retention.hours': [{ since: '0', value: '168' }],
  'retention.ms': [{ since: '0', value: '604800000' }],
  'log.retention.bytes': [{ since: '0', value: '-1' }],
  'retention.bytes': [{ since: '0', value: '-1' }],
  'log.cleanup.policy': [{ since: '0', value: 'delete' }],
  'cleanup.policy': [{ since: '0', value: 'delete' }],
  'delete.retention.ms': [{ since: '0', value: '86400000' }],
  'log.retention.check.interval.ms': [{ since: '0', value: '300000' }],
  'log.segment.bytes': [{ since: '0', value: '1073741824' }],
  'segment.bytes': [{ since: '0', value: '1073741824' }],
  'segment.ms': [{ since: '0', value: '604800000' }],
  'delete.topic.enable': [
    { since: '0', value: 'false' },
    { since: '1.0', value: 'true', note: 'topic deletion has been enabled by default since 1.0.0' },
  ],
  'message.timestamp.after.max.ms': [
    { since: '3.6', value: '9223372036854775807' },
    { since: '4.0', value: '3600000', note: 'KIP-1030 targets 1 hour in 4.0 (taken from the KIP, not yet confirmed in the released code)' },
  ],
  'log.message.timestamp.after.max.ms': [
    { since: '3.6', value: '9223372036854775807' },
    { since: '4.0', value: '3600000', note: 'KIP-1030 targets 1 hour in 4.0 (taken from the KIP, not yet confirmed in the released code)' },
  ],
  'unclean.leader.election.interval.ms': [{ since: '3.9', value: '300000' }],
  'share.coordinator.state.topic.replication.factor': [{ since: '4.0', value: '3' }],
  'share.coordinator.state.topic.min.isr': [{ since: '4.0', value: '2' }],
  'num.recovery.threads.per.data.dir': [
    { since: '0', value: '1' },
    { since: '4.0', value: '2', note: 'KIP-1030 raised it to 2 in 4.0' },
  ],
};

/** librdkafka and its bindings (confluent-kafka-python, -go, -dotnet; the non-KafkaJS API of confluent-js). Versions are librdkafka's. */
const LIBRDKAFKA: Readonly<Record<string, readonly VersionedValue[]>> = {
  acks: [
    { since: '0', value: '1' },
    { since: '1.0.0', value: 'all', note: 'librdkafka 1.0.0 changed the default to all (-1)' },
  ],
  retries: [
    { since: '0', value: '2' },
    { since: '1.5.2', value: '2147483647' },
  ],
  'enable.idempotence': [{ since: '0', value: 'false' }],
  'enable.auto.commit': [{ since: '0', value: 'true' }],
  'enable.auto.offset.store': [{ since: '0', value: 'true' }],
  'auto.offset.reset': [{ since: '0', value: 'latest' }],
  'isolation.level': [{ since: '0', value: 'read_committed' }],
  'linger.ms': [
    { since: '0', value: '0' },
    { since: '1.4.0', value: '0.5' },
    { since: '1.5.0', value: '5', note: 'librdkafka 1.5.0 raised the default linger to 5 ms' },
  ],
  'request.timeout.ms': [
    { since: '0', value: '5000' },
    { since: '1.5.2', value: '30000', note: 'librdkafka 1.5.2 aligned it with the Java client' },
  ],
  // librdkafka's message.timeout.ms: 5 minutes where the Java client waits 2.
  'delivery.timeout.ms': [{ since: '0', value: '300000' }],
  'max.in.flight.requests.per.connection': [{ since: '0', value: '1000000' }],
  'queue.buffering.max.messages': [{ since: '0', value: '100000' }],
  'queue.buffering.max.kbytes': [{ since: '0', value: '1048576' }],
  'message.max.bytes': [{ since: '0', value: '1000000' }],
  'auto.commit.interval.ms': [{ since: '0', value: '5000' }],
  'max.poll.interval.ms': [{ since: '0', value: '300000' }],
  'session.timeout.ms': [{ since: '0', value: '45000' }],
  'group.protocol': [{ since: '0', value: 'classic' }],
};

/** librdkafka's alternative spellings, which share the canonical key's defaults. */
const LIBRDKAFKA_ALIASES: Readonly<Record<string, string>> = {
  'request.required.acks': 'acks',
  'message.send.max.retries': 'retries',
  'queue.buffering.max.ms': 'linger.ms',
  'message.timeout.ms': 'delivery.timeout.ms',
  'max.in.flight': 'max.in.flight.requests.per.connection',
};

const LIBRARIES: Readonly<Partial<Record<LibraryId, Readonly<Record<string, readonly VersionedValue[]>>>>> = {
  java: JAVA,
  spring: JAVA,
  librdkafka: LIBRDKAFKA,
  // kafkajs, the KafkaJS API of confluent-js and franz-go also auto-commit by default, but they commit only
  // records whose handler has returned (or records from the previous poll), so an unset auto-commit is not
  // the Java hazard and has no entry here; their loss patterns are code facts (un-awaited work, greedy commits).
  'confluent-js': { acks: [{ since: '0', value: 'all' }], retries: [{ since: '0', value: '5' }], 'enable.idempotence': [{ since: '0', value: 'false' }], 'auto.offset.reset': [{ since: '0', value: 'latest' }] },
  kafkajs: { acks: [{ since: '0', value: 'all' }], retries: [{ since: '0', value: '5' }], 'enable.idempotence': [{ since: '0', value: 'false' }], 'auto.offset.reset': [{ since: '0', value: 'latest' }] },
  'kafka-python': {
    acks: [
      { since: '0', value: '1' },
      { since: '3.0.0', value: 'all', note: 'kafka-python 3.0.0 (June 2026) switched to acks=all with idempotence' },
    ],
    retries: [
      { since: '0', value: '0' },
      { since: '2.2.0', value: '2147483647', note: 'kafka-python 2.2.0 made retries unbounded, bounded by delivery_timeout_ms' },
    ],
    'enable.idempotence': [
      { since: '0', value: 'false' },
      { since: '3.0.0', value: 'true' },
    ],
    'enable.auto.commit': [{ since: '0', value: 'true' }],
    'auto.offset.reset': [{ since: '0', value: 'latest' }],
    'auto.commit.interval.ms': [{ since: '0', value: '5000' }],
    'isolation.level': [{ since: '0', value: 'read_uncommitted' }],
    'linger.ms': [{ since: '0', value: '0' }],
    'max.in.flight.requests.per.connection': [{ since: '0', value: '5' }],
    'delivery.timeout.ms': [{ since: '2.2.0', value: '120000' }],
    'session.timeout.ms': [
      { since: '0', value: '10000' },
      { since: '3.0.0', value: '45000' },
    ],
  },
  // aio-libs/aiokafka, read at v0.14.0 (672947af, 2026-04-29) and the tags back to v0.1.0:
  // aiokafka/producer/producer.py, aiokafka/consumer/consumer.py, aiokafka/consumer/group_coordinator.py.
  // Unset acks has meant 1 in every release. Since 0.5.0 an idempotent producer (enable_idempotence=True, which
  // a transactional_id turns on) takes all instead: ACKS_ALL_WHEN_IDEMPOTENT. There is no `retries` option at
  // all: a retriable error is retried every retry_backoff_ms until the batch is request_timeout_ms old (never
  // given up on when idempotent), so `retries` and `delivery.timeout.ms` have no entry.
  aiokafka: {
    acks: [{ since: '0', value: '1' }],
    'enable.idempotence': [{ since: '0.5.0', value: 'false' }],
    'enable.auto.commit': [{ since: '0', value: 'true' }],
    'auto.commit.interval.ms': [{ since: '0', value: '5000' }],
    'auto.offset.reset': [{ since: '0', value: 'latest' }],
    'isolation.level': [{ since: '0.5.0', value: 'read_uncommitted' }],
    'linger.ms': [{ since: '0', value: '0' }],
    'request.timeout.ms': [{ since: '0', value: '40000' }],
    'max.request.size': [{ since: '0', value: '1048576' }],
    'transaction.timeout.ms': [{ since: '0.5.0', value: '60000' }],
  },
  sarama: {
    acks: [{ since: '0', value: '1' }],
    retries: [{ since: '0', value: '3' }],
    'enable.idempotence': [{ since: '0', value: 'false' }],
    'enable.auto.commit': [{ since: '0', value: 'true' }],
    'auto.offset.reset': [{ since: '0', value: 'latest' }],
    'auto.commit.interval.ms': [{ since: '0', value: '1000' }],
    'max.in.flight.requests.per.connection': [{ since: '0', value: '5' }],
    'max.request.size': [{ since: '0', value: '1048576' }],
    'session.timeout.ms': [{ since: '0', value: '10000' }],
  },
  'franz-go': {
    acks: [{ since: '0', value: 'all' }],
    retries: [{ since: '0', value: '2147483647' }],
    'enable.idempotence': [{ since: '0', value: 'true' }],
    'auto.offset.reset': [{ since: '0', value: 'earliest' }],
    'linger.ms': [
      { since: '0', value: '0' },
      { since: '1.20.0', value: '10', note: 'franz-go 1.20.0 started lingering 10 ms by default' },
    ],
  },
  'kafka-go': {
    acks: [{ since: '0', value: '0', note: 'a kafka.Writer built as a struct literal without RequiredAcks sends with RequireNone' }],
    'auto.offset.reset': [{ since: '0', value: 'earliest' }],
  },
};

const INT_MAX = '2147483647';
const LONG_MAX = '9223372036854775807';

/**
 * A runtime that runs Kafka's own code but sets some settings itself when the user leaves them unset: Kafka
 * Connect for the clients it creates, container images and Strimzi for the brokers they start. Every other key
 * keeps Kafka's own default (the `java` table) at the configured Kafka version.
 */
export interface Dialect {
  /** How messages name the runtime (a product or image name, not translated). */
  readonly name: string;
  readonly defaults: Readonly<Record<string, readonly VersionedValue[]>>;
}

const DIALECTS: Readonly<Partial<Record<LibraryId, Dialect>>> = {
  // apache/kafka connect/runtime Worker.java (baseProducerConfigs / baseConsumerConfigs, 2.x and 3.x): set
  // before the worker's `producer.` / `consumer.` settings and the connector's overrides, which win over them.
  connect: {
    name: 'Kafka Connect',
    defaults: {
      acks: [{ since: '0', value: 'all' }],
      'max.in.flight.requests.per.connection': [{ since: '0', value: '1' }],
      // Before 2.1 the worker set retries=Integer.MAX_VALUE itself (removed with KIP-91's delivery timeout,
      // apache/kafka c3e7c0bcb25, when the producer's own default became Integer.MAX_VALUE).
      retries: [{ since: '0', value: INT_MAX }],
      'delivery.timeout.ms': [{ since: '2.1', value: INT_MAX }],
      'max.block.ms': [{ since: '0', value: LONG_MAX }],
      // 2.x left it to Kafka's default (false); 3.x sets false explicitly for compatibility with older brokers.
      'enable.idempotence': [{ since: '0', value: 'false' }],
      'enable.auto.commit': [{ since: '0', value: 'false' }],
      'auto.offset.reset': [{ since: '0', value: 'earliest' }],
    },
  },
  // confluentinc/kafka-images kafka/include/etc/confluent/docker/configure: KAFKA_LOG_DIRS defaults to /var/lib/kafka/data.
  'cp-kafka': { name: 'confluentinc/cp-kafka', defaults: { 'log.dir': [{ since: '0', value: '/var/lib/kafka/data' }] } },
  // bitnami/containers libkafka.sh kafka_initialize: the broker starts from the stock sample server.properties
  // (server.properties.original, ZooKeeper and listener lines commented out), log.dirs set to KAFKA_DATA_DIR,
  // then KAFKA_CFG_* applied. The sample's single-broker values stay unless a variable overrides them.
  'bitnami-kafka': {
    name: 'bitnami/kafka',
    defaults: {
      'log.dir': [{ since: '0', value: '/bitnami/kafka/data' }],
      'offsets.topic.replication.factor': [{ since: '0', value: '1' }],
      'transaction.state.log.replication.factor': [{ since: '0', value: '1' }],
      'transaction.state.log.min.isr': [{ since: '0', value: '1' }],
      'share.coordinator.state.topic.replication.factor': [{ since: '4.0', value: '1' }],
      'share.coordinator.state.topic.min.isr': [{ since: '4.0', value: '1' }],
    },
  },
  // Strimzi manages the brokers' log directories from spec.kafka.storage (log.dir is a forbidden option of
  // spec.kafka.config): they are never Kafka's /tmp default.
  strimzi: { name: 'Strimzi', defaults: { 'log.dir': [{ since: '0', value: '/var/lib/kafka/data' }] } },
};

/**
 * Libraries whose producer takes acks=all instead of its acks default when it is idempotent and acks is
 * unset (and refuses an explicit acks other than all): aiokafka's AIOKafkaProducer since 0.5.0, where
 * `enable_idempotence=True` or any `transactional_id` makes it idempotent.
 */
const ACKS_ALL_WHEN_IDEMPOTENT: ReadonlySet<LibraryId> = new Set<LibraryId>(['aiokafka']);

/** True when an idempotent producer of `library` defaults acks to all whatever its acks default is. */
export function idempotenceImpliesAcksAll(library: LibraryId): boolean {
  return ACKS_ALL_WHEN_IDEMPOTENT.has(library);
}

/** The runtime a library id stands for, when it is a dialect of Kafka's own defaults. */
export function dialectOf(library: LibraryId): Dialect | undefined {
  return DIALECTS[library];
}

/**
 * Libraries whose unknown version is taken to be a current one rather than "it depends". librdkafka reaches
 * users bundled inside its bindings (confluent-kafka-python, -go, -dotnet, @confluentinc/kafka-javascript),
 * whose releases have all shipped librdkafka 1.0 or later since 2019.
 */
const UNKNOWN_VERSION_IS_CURRENT: ReadonlySet<LibraryId> = new Set<LibraryId>(['librdkafka']);

/** The default that applies, with the history it came from. */
export interface DefaultValue {
  readonly value: string;
  /** The version the value took effect in (`0` = always). */
  readonly since: string;
  readonly note?: string;
  /** The whole history, oldest first (for hovers: "1 before 3.0, all since"). */
  readonly history: readonly VersionedValue[];
  /** Whether `version` was the library's own version (true) or a Kafka version. */
  readonly byLibraryVersion: boolean;
  /** True when the library version is unknown and the value depends on it. */
  readonly versionDependent: boolean;
  /** The runtime that sets this value instead of Kafka's default (a dialect's name: `bitnami/kafka`, `Kafka Connect`). */
  readonly dialect?: string;
  /**
   * The framework whose own version decides this default, named in messages instead of the group's library
   * (`Spring Cloud Stream`, whose Kafka binder sets acks itself).
   */
  readonly owner?: string;
}

/**
 * The default of `key` for `library`. For `java`/`spring` the Kafka version picks the entry, and for a
 * dialect (Connect, an image, Strimzi) the dialect's own value at that version or else Kafka's; for other
 * libraries `libraryVersion` does, and when it is unknown the newest entry is returned with
 * `versionDependent` set so that messages can say "depends on the installed version".
 */
export function libraryDefault(key: string, library: LibraryId, kafkaVersion: string, libraryVersion?: string): DefaultValue | undefined {
  const dialect = DIALECTS[library];
  if (dialect) {
    const own = dialect.defaults[key];
    if (!own) return libraryDefault(key, 'java', kafkaVersion);
    let pick: VersionedValue | undefined;
    for (const v of own) if (compareVersions(kafkaVersion, v.since) >= 0) pick = v;
    return pick && { value: pick.value, since: pick.since, note: pick.note, history: own, byLibraryVersion: false, versionDependent: false, dialect: dialect.name };
  }
  const table = LIBRARIES[library];
  const alias = library === 'librdkafka' ? LIBRDKAFKA_ALIASES[key] : undefined;
  const history = table?.[key] ?? (alias ? table?.[alias] : undefined);
  if (!history || history.length === 0) return undefined;
  const byLibraryVersion = library !== 'java' && library !== 'spring';
  const assumeCurrent = libraryVersion === undefined && UNKNOWN_VERSION_IS_CURRENT.has(library);
  const version = byLibraryVersion ? libraryVersion : kafkaVersion;
  let pick: VersionedValue | undefined;
  if (version === undefined) {
    pick = history[history.length - 1];
  } else {
    for (const v of history) if (compareVersions(version, v.since) >= 0) pick = v;
  }
  if (!pick) return undefined; // key did not exist yet in that version
  return {
    value: pick.value,
    since: pick.since,
    note: pick.note,
    history,
    byLibraryVersion,
    versionDependent: byLibraryVersion && !assumeCurrent && version === undefined && history.length > 1,
  };
}

/** Kafka's own (java) default for `key` at `kafkaVersion`. */
export function kafkaDefault(key: string, kafkaVersion: string): DefaultValue | undefined {
  return libraryDefault(key, 'java', kafkaVersion);
}
