/**
 * kafka-clients config constants → the Kafka keys they hold, as data.
 *
 * Read from apache/kafka: `ProducerConfig`, `ConsumerConfig`, `CommonClientConfigs`, `TopicConfig` (and the
 * few `StreamsConfig`/`AdminClientConfig` keys that matter for durability). The Java scanner uses it to turn
 * `props.put(ProducerConfig.ACKS_CONFIG, "0")` into the entry `acks=0`.
 */

/** Constants every client config class re-exports from `CommonClientConfigs` under the same name. */
const COMMON: Readonly<Record<string, string>> = {
  BOOTSTRAP_SERVERS_CONFIG: 'bootstrap.servers',
  CLIENT_DNS_LOOKUP_CONFIG: 'client.dns.lookup',
  METADATA_MAX_AGE_CONFIG: 'metadata.max.age.ms',
  SEND_BUFFER_CONFIG: 'send.buffer.bytes',
  RECEIVE_BUFFER_CONFIG: 'receive.buffer.bytes',
  CLIENT_ID_CONFIG: 'client.id',
  CLIENT_RACK_CONFIG: 'client.rack',
  RECONNECT_BACKOFF_MS_CONFIG: 'reconnect.backoff.ms',
  RECONNECT_BACKOFF_MAX_MS_CONFIG: 'reconnect.backoff.max.ms',
  RETRY_BACKOFF_MS_CONFIG: 'retry.backoff.ms',
  RETRY_BACKOFF_MAX_MS_CONFIG: 'retry.backoff.max.ms',
  METRICS_SAMPLE_WINDOW_MS_CONFIG: 'metrics.sample.window.ms',
  METRICS_NUM_SAMPLES_CONFIG: 'metrics.num.samples',
  METRICS_RECORDING_LEVEL_CONFIG: 'metrics.recording.level',
  METRIC_REPORTER_CLASSES_CONFIG: 'metric.reporters',
  SECURITY_PROTOCOL_CONFIG: 'security.protocol',
  SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG: 'socket.connection.setup.timeout.ms',
  SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG: 'socket.connection.setup.timeout.max.ms',
  CONNECTIONS_MAX_IDLE_MS_CONFIG: 'connections.max.idle.ms',
  REQUEST_TIMEOUT_MS_CONFIG: 'request.timeout.ms',
  DEFAULT_API_TIMEOUT_MS_CONFIG: 'default.api.timeout.ms',
  ENABLE_METRICS_PUSH_CONFIG: 'enable.metrics.push',
  METADATA_RECOVERY_STRATEGY_CONFIG: 'metadata.recovery.strategy',
  INTERCEPTOR_CLASSES_CONFIG: 'interceptor.classes',
  SECURITY_PROVIDERS_CONFIG: 'security.providers',
};

/** `org.apache.kafka.clients.producer.ProducerConfig`. */
const PRODUCER: Readonly<Record<string, string>> = {
  ...COMMON,
  METADATA_MAX_IDLE_CONFIG: 'metadata.max.idle.ms',
  BATCH_SIZE_CONFIG: 'batch.size',
  PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG: 'partitioner.adaptive.partitioning.enable',
  PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG: 'partitioner.availability.timeout.ms',
  PARTITIONER_IGNORE_KEYS_CONFIG: 'partitioner.ignore.keys',
  ACKS_CONFIG: 'acks',
  LINGER_MS_CONFIG: 'linger.ms',
  DELIVERY_TIMEOUT_MS_CONFIG: 'delivery.timeout.ms',
  MAX_REQUEST_SIZE_CONFIG: 'max.request.size',
  MAX_BLOCK_MS_CONFIG: 'max.block.ms',
  BUFFER_MEMORY_CONFIG: 'buffer.memory',
  COMPRESSION_TYPE_CONFIG: 'compression.type',
  COMPRESSION_GZIP_LEVEL_CONFIG: 'compression.gzip.level',
  COMPRESSION_LZ4_LEVEL_CONFIG: 'compression.lz4.level',
  COMPRESSION_ZSTD_LEVEL_CONFIG: 'compression.zstd.level',
  MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION: 'max.in.flight.requests.per.connection',
  RETRIES_CONFIG: 'retries',
  KEY_SERIALIZER_CLASS_CONFIG: 'key.serializer',
  VALUE_SERIALIZER_CLASS_CONFIG: 'value.serializer',
  PARTITIONER_CLASS_CONFIG: 'partitioner.class',
  ENABLE_IDEMPOTENCE_CONFIG: 'enable.idempotence',
  TRANSACTION_TIMEOUT_CONFIG: 'transaction.timeout.ms',
  TRANSACTIONAL_ID_CONFIG: 'transactional.id',
  TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG: 'transaction.two.phase.commit.enable',
};

/** `org.apache.kafka.clients.consumer.ConsumerConfig`. */
const CONSUMER: Readonly<Record<string, string>> = {
  ...COMMON,
  GROUP_ID_CONFIG: 'group.id',
  GROUP_INSTANCE_ID_CONFIG: 'group.instance.id',
  GROUP_PROTOCOL_CONFIG: 'group.protocol',
  GROUP_REMOTE_ASSIGNOR_CONFIG: 'group.remote.assignor',
  MAX_POLL_RECORDS_CONFIG: 'max.poll.records',
  MAX_POLL_INTERVAL_MS_CONFIG: 'max.poll.interval.ms',
  SESSION_TIMEOUT_MS_CONFIG: 'session.timeout.ms',
  HEARTBEAT_INTERVAL_MS_CONFIG: 'heartbeat.interval.ms',
  ENABLE_AUTO_COMMIT_CONFIG: 'enable.auto.commit',
  AUTO_COMMIT_INTERVAL_MS_CONFIG: 'auto.commit.interval.ms',
  PARTITION_ASSIGNMENT_STRATEGY_CONFIG: 'partition.assignment.strategy',
  AUTO_OFFSET_RESET_CONFIG: 'auto.offset.reset',
  FETCH_MIN_BYTES_CONFIG: 'fetch.min.bytes',
  FETCH_MAX_BYTES_CONFIG: 'fetch.max.bytes',
  FETCH_MAX_WAIT_MS_CONFIG: 'fetch.max.wait.ms',
  MAX_PARTITION_FETCH_BYTES_CONFIG: 'max.partition.fetch.bytes',
  CHECK_CRCS_CONFIG: 'check.crcs',
  KEY_DESERIALIZER_CLASS_CONFIG: 'key.deserializer',
  VALUE_DESERIALIZER_CLASS_CONFIG: 'value.deserializer',
  EXCLUDE_INTERNAL_TOPICS_CONFIG: 'exclude.internal.topics',
  ISOLATION_LEVEL_CONFIG: 'isolation.level',
  ALLOW_AUTO_CREATE_TOPICS_CONFIG: 'allow.auto.create.topics',
};

/** `org.apache.kafka.clients.CommonClientConfigs`: the shared keys plus the group keys it also defines. */
const COMMON_CLIENT: Readonly<Record<string, string>> = {
  ...COMMON,
  RETRIES_CONFIG: 'retries',
  GROUP_ID_CONFIG: 'group.id',
  GROUP_INSTANCE_ID_CONFIG: 'group.instance.id',
  GROUP_PROTOCOL_CONFIG: 'group.protocol',
  MAX_POLL_INTERVAL_MS_CONFIG: 'max.poll.interval.ms',
  REBALANCE_TIMEOUT_MS_CONFIG: 'rebalance.timeout.ms',
  SESSION_TIMEOUT_MS_CONFIG: 'session.timeout.ms',
  HEARTBEAT_INTERVAL_MS_CONFIG: 'heartbeat.interval.ms',
};

/** `org.apache.kafka.common.config.TopicConfig`. */
const TOPIC: Readonly<Record<string, string>> = {
  SEGMENT_BYTES_CONFIG: 'segment.bytes',
  SEGMENT_MS_CONFIG: 'segment.ms',
  SEGMENT_JITTER_MS_CONFIG: 'segment.jitter.ms',
  SEGMENT_INDEX_BYTES_CONFIG: 'segment.index.bytes',
  FLUSH_MESSAGES_INTERVAL_CONFIG: 'flush.messages',
  FLUSH_MS_CONFIG: 'flush.ms',
  RETENTION_BYTES_CONFIG: 'retention.bytes',
  RETENTION_MS_CONFIG: 'retention.ms',
  REMOTE_LOG_STORAGE_ENABLE_CONFIG: 'remote.storage.enable',
  LOCAL_LOG_RETENTION_MS_CONFIG: 'local.retention.ms',
  LOCAL_LOG_RETENTION_BYTES_CONFIG: 'local.retention.bytes',
  MAX_MESSAGE_BYTES_CONFIG: 'max.message.bytes',
  INDEX_INTERVAL_BYTES_CONFIG: 'index.interval.bytes',
  FILE_DELETE_DELAY_MS_CONFIG: 'file.delete.delay.ms',
  DELETE_RETENTION_MS_CONFIG: 'delete.retention.ms',
  MIN_COMPACTION_LAG_MS_CONFIG: 'min.compaction.lag.ms',
  MAX_COMPACTION_LAG_MS_CONFIG: 'max.compaction.lag.ms',
  MIN_CLEANABLE_DIRTY_RATIO_CONFIG: 'min.cleanable.dirty.ratio',
  CLEANUP_POLICY_CONFIG: 'cleanup.policy',
  UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG: 'unclean.leader.election.enable',
  MIN_IN_SYNC_REPLICAS_CONFIG: 'min.insync.replicas',
  COMPRESSION_TYPE_CONFIG: 'compression.type',
  PREALLOCATE_CONFIG: 'preallocate',
  MESSAGE_TIMESTAMP_TYPE_CONFIG: 'message.timestamp.type',
  MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS_CONFIG: 'message.timestamp.difference.max.ms',
  MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG: 'message.timestamp.before.max.ms',
  MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG: 'message.timestamp.after.max.ms',
  MESSAGE_DOWNCONVERSION_ENABLE_CONFIG: 'message.downconversion.enable',
};

/** The durability-relevant keys of `org.apache.kafka.streams.StreamsConfig`. */
const STREAMS: Readonly<Record<string, string>> = {
  ...COMMON,
  APPLICATION_ID_CONFIG: 'application.id',
  PROCESSING_GUARANTEE_CONFIG: 'processing.guarantee',
  // StreamsConfig's own copy of CommonClientConfigs.RETRIES_CONFIG (1.1 to 3.9): it reaches the producers too.
  RETRIES_CONFIG: 'retries',
  REPLICATION_FACTOR_CONFIG: 'replication.factor',
  NUM_STANDBY_REPLICAS_CONFIG: 'num.standby.replicas',
  COMMIT_INTERVAL_MS_CONFIG: 'commit.interval.ms',
  STATE_DIR_CONFIG: 'state.dir',
};

/** Config class (simple name) → its key constants. */
export const KEY_CONSTANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ProducerConfig: PRODUCER,
  ConsumerConfig: CONSUMER,
  CommonClientConfigs: COMMON_CLIENT,
  AdminClientConfig: COMMON,
  TopicConfig: TOPIC,
  StreamsConfig: STREAMS,
};

/** Value constants that stand for a config value (`TopicConfig.CLEANUP_POLICY_COMPACT` → `compact`). */
export const VALUE_CONSTANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  TopicConfig: { CLEANUP_POLICY_COMPACT: 'compact', CLEANUP_POLICY_DELETE: 'delete' },
  StreamsConfig: { EXACTLY_ONCE_V2: 'exactly_once_v2', EXACTLY_ONCE_BETA: 'exactly_once_beta', EXACTLY_ONCE: 'exactly_once', AT_LEAST_ONCE: 'at_least_once' },
  Boolean: { TRUE: 'true', FALSE: 'false' },
  Integer: { MAX_VALUE: '2147483647', MIN_VALUE: '-2147483648' },
  Long: { MAX_VALUE: '9223372036854775807' },
  Short: { MAX_VALUE: '32767' },
};

/**
 * The prefixes `StreamsConfig` declares for the settings of one of the clients Kafka Streams creates
 * (`StreamsConfig.PRODUCER_PREFIX + ProducerConfig.ACKS_CONFIG` is the key `producer.acks`).
 */
export const PREFIX_CONSTANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  StreamsConfig: {
    PRODUCER_PREFIX: 'producer.',
    CONSUMER_PREFIX: 'consumer.',
    MAIN_CONSUMER_PREFIX: 'main.consumer.',
    RESTORE_CONSUMER_PREFIX: 'restore.consumer.',
    GLOBAL_CONSUMER_PREFIX: 'global.consumer.',
    ADMIN_CLIENT_PREFIX: 'admin.',
    TOPIC_PREFIX: 'topic.',
  },
};

/** The static methods of `StreamsConfig` that put one of those prefixes before a key (`producerPrefix(ACKS_CONFIG)`). */
export const PREFIX_METHODS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  StreamsConfig: {
    producerPrefix: 'producer.',
    consumerPrefix: 'consumer.',
    mainConsumerPrefix: 'main.consumer.',
    restoreConsumerPrefix: 'restore.consumer.',
    globalConsumerPrefix: 'global.consumer.',
    adminClientPrefix: 'admin.',
    topicPrefix: 'topic.',
  },
};

/** The Java package each config class lives in, for static imports (`import static …ProducerConfig.*`). */
export const CONFIG_CLASS_PACKAGES: Readonly<Record<string, string>> = {
  ProducerConfig: 'org.apache.kafka.clients.producer',
  ConsumerConfig: 'org.apache.kafka.clients.consumer',
  CommonClientConfigs: 'org.apache.kafka.clients',
  AdminClientConfig: 'org.apache.kafka.clients.admin',
  TopicConfig: 'org.apache.kafka.common.config',
  StreamsConfig: 'org.apache.kafka.streams',
};
