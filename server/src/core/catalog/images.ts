import type { LibraryId } from '../model';

/**
 * Container images that turn environment variables into Kafka configuration, as data: which image names they
 * are published under, which variables they read and how a variable's name becomes a key. Each rule below was
 * read in the image's own start-up code (the sources are named next to each image); nothing here is guessed
 * from examples. An image not listed here maps nothing: its variables are not read as Kafka settings.
 */

/** How an image spells a key as an environment variable name. */
export type EnvNaming =
  /**
   * apache/kafka (KafkaDockerWrapper.scala) and newer Confluent images (the `ub` tool's ConvertKey): the
   * prefix is removed, then `___` stands for `-`, `__` for `_` and `_` for `.`; the name is lower-cased.
   */
  | 'escaped'
  /** Bitnami (libkafka.sh): the prefix is removed, every `_` becomes `.`, lower-cased; no escapes. */
  | 'dots';

/** What runs in the container: a broker (or KRaft controller), or a Kafka Connect worker. */
export type ImageRole = 'broker' | 'connect';

export interface ContainerImage {
  /** Stable id, used in messages and tests. */
  readonly id: 'apache-kafka' | 'cp-kafka' | 'bitnami-kafka' | 'cp-kafka-connect';
  /** How messages name it. */
  readonly display: string;
  /** Repository names (the last two path segments of an image reference), lower case. */
  readonly repositories: readonly string[];
  readonly role: ImageRole;
  /** Whose defaults apply to what the image runs (a dialect of Kafka's own, see catalog/defaults.ts). */
  readonly library: LibraryId;
  /** Only variables starting with this become settings. */
  readonly prefix: string;
  readonly naming: EnvNaming;
  /** Variables with the prefix that are not settings (JVM options, logging, the image's own switches). */
  readonly excluded: ReadonlySet<string>;
  /** Variables whose key does not follow the naming rule. */
  readonly renamed?: Readonly<Record<string, string>>;
  /** Rewrites applied to a key after the naming rule (Bitnami turns `sasl.ssl` back into `sasl_ssl`). */
  readonly rewrites?: readonly (readonly [RegExp, string])[];
  /** Older names the image copies onto a current one before reading (Bitnami's `KAFKA_<X>` → `KAFKA_CFG_<X>`). */
  readonly legacy?: Readonly<Record<string, string>>;
  /**
   * Where a mounted `server.properties` makes the image ignore the variables (Bitnami): the variable naming
   * that folder, and the folder used when it is unset.
   */
  readonly mountedConfig?: { readonly variable: string; readonly folder: string };
  /**
   * Where a mounted `server.properties` is read first and the variables appended to it (apache/kafka's
   * `--mounted-configs-dir`): what the file leaves unset may be set there.
   */
  readonly appendedConfigFolder?: string;
  /**
   * What the image's own start runs (its `CMD`), which turns the variables into the configuration and starts
   * Kafka: a service whose `command` or `entrypoint` does not run it starts something else (a container that
   * only runs `kafka-topics` against the brokers), or Kafka from a file the variables never reach.
   */
  readonly start: string;
  /** True when the image's tags are Kafka versions (`apache/kafka:3.9.0`, `bitnami/kafka:3.7.0-debian-12-r0`). */
  readonly tagIsKafkaVersion?: boolean;
  /** True when the image's tags are Confluent Platform versions (`cp-kafka:7.6.0` runs Kafka 3.6): see {@link CONFLUENT_PLATFORM_KAFKA}. */
  readonly tagIsConfluentPlatform?: boolean;
  /** Where the rule was read. */
  readonly source: string;
}

/** Variables the apache/kafka image keeps for the JVM and logging (KafkaDockerWrapper `ExcludeServerPropsEnv`). */
const APACHE_EXCLUDED = [
  'KAFKA_VERSION',
  'KAFKA_HEAP_OPTS',
  'KAFKA_LOG4J_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JMX_OPTS',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_GC_LOG_OPTS',
  'KAFKA_LOG4J_ROOT_LOGLEVEL',
  'KAFKA_LOG4J_LOGGERS',
  'KAFKA_TOOLS_LOG4J_LOGLEVEL',
  'KAFKA_JMX_HOSTNAME',
];

/** The Confluent template's `excluded_props`, plus the variables its start-up scripts read for themselves. */
const CONFLUENT_EXCLUDED = [
  'KAFKA_VERSION',
  'KAFKA_HEAP_OPTS',
  'KAFKA_LOG4J_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JMX_OPTS',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_GC_LOG_OPTS',
  'KAFKA_LOG4J_ROOT_LOGLEVEL',
  'KAFKA_LOG4J_LOGGERS',
  'KAFKA_TOOLS_LOG4J_LOGLEVEL',
  'KAFKA_ZOOKEEPER_CLIENT_CNXN_SOCKET',
  'KAFKA_SSL_KEYSTORE_FILENAME',
  'KAFKA_SSL_KEY_CREDENTIALS',
  'KAFKA_SSL_KEYSTORE_CREDENTIALS',
  'KAFKA_SSL_TRUSTSTORE_FILENAME',
  'KAFKA_SSL_TRUSTSTORE_CREDENTIALS',
];

/** Suffixes Bitnami copies from `KAFKA_<S>` to `KAFKA_CFG_<S>` (libkafka.sh `kafka_create_alias_environment_variables`). */
const BITNAMI_LEGACY_SUFFIXES = [
  'ADVERTISED_LISTENERS',
  'BROKER_ID',
  'NODE_ID',
  'CONTROLLER_QUORUM_VOTERS',
  'PROCESS_ROLES',
  'DEFAULT_REPLICATION_FACTOR',
  'DELETE_TOPIC_ENABLE',
  'INTER_BROKER_LISTENER_NAME',
  'LISTENERS',
  'LISTENER_SECURITY_PROTOCOL_MAP',
  'LOG_DIRS',
  'LOG_FLUSH_INTERVAL_MESSAGES',
  'LOG_FLUSH_INTERVAL_MS',
  'LOG_MESSAGE_FORMAT_VERSION',
  'LOG_RETENTION_BYTES',
  'LOG_RETENTION_CHECK_INTERVALS_MS',
  'LOG_RETENTION_HOURS',
  'LOG_SEGMENT_BYTES',
  'MESSAGE_MAX_BYTES',
  'NUM_IO_THREADS',
  'NUM_NETWORK_THREADS',
  'NUM_PARTITIONS',
  'NUM_RECOVERY_THREADS_PER_DATA_DIR',
  'OFFSETS_TOPIC_REPLICATION_FACTOR',
  'SOCKET_RECEIVE_BUFFER_BYTES',
  'SOCKET_REQUEST_MAX_BYTES',
  'SOCKET_SEND_BUFFER_BYTES',
  'SSL_ENDPOINT_IDENTIFICATION_ALGORITHM',
  'TRANSACTION_STATE_LOG_MIN_ISR',
  'TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
  'ZOOKEEPER_CONNECT',
  'ZOOKEEPER_CONNECTION_TIMEOUT_MS',
];

const BITNAMI_LEGACY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(BITNAMI_LEGACY_SUFFIXES.map((s) => [`KAFKA_${s}`, `KAFKA_CFG_${s}`])),
  KAFKA_LOGS_DIRS: 'KAFKA_CFG_LOG_DIRS',
  KAFKA_SEGMENT_BYTES: 'KAFKA_CFG_LOG_SEGMENT_BYTES',
  KAFKA_MAX_MESSAGE_BYTES: 'KAFKA_CFG_MESSAGE_MAX_BYTES',
  KAFKA_ZOOKEEPER_CONNECT_TIMEOUT_MS: 'KAFKA_CFG_ZOOKEEPER_CONNECTION_TIMEOUT_MS',
  KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE',
};

/** The images whose variables are read, in the order they are matched. */
export const CONTAINER_IMAGES: readonly ContainerImage[] = [
  {
    id: 'apache-kafka',
    display: 'apache/kafka',
    repositories: ['apache/kafka', 'apache/kafka-native'],
    role: 'broker',
    library: 'java',
    prefix: 'KAFKA_',
    naming: 'escaped',
    excluded: new Set(APACHE_EXCLUDED),
    appendedConfigFolder: '/mnt/shared/config',
    start: '/etc/kafka/docker/run',
    tagIsKafkaVersion: true,
    source: 'apache/kafka core/src/main/scala/kafka/docker/KafkaDockerWrapper.scala (getServerConfigsFromEnv, ExcludeServerPropsEnv, prepareServerConfigs) and docker/jvm/launch (--mounted-configs-dir)',
  },
  {
    id: 'cp-kafka',
    display: 'confluentinc/cp-kafka',
    // cp-enterprise-kafka is Confluent Platform 5.x's commercial broker: its Dockerfile
    // is `FROM confluentinc/cp-kafka` with the same kafka.properties.template and CMD.
    repositories: ['confluentinc/cp-kafka', 'confluentinc/cp-server', 'confluentinc/cp-enterprise-kafka'],
    role: 'broker',
    library: 'cp-kafka',
    prefix: 'KAFKA_',
    naming: 'escaped',
    excluded: new Set(CONFLUENT_EXCLUDED),
    start: '/etc/confluent/docker/run',
    tagIsConfluentPlatform: true,
    source: 'confluentinc/kafka-images kafka/include/etc/confluent/docker/{kafka.properties.template,configure}; confluentinc/common-docker base-java/ub/ub.go (ConvertKey); confluentinc/cp-docker-images debian/enterprise-kafka/{Dockerfile,include/etc/confluent/docker/kafka.properties.template}',
  },
  {
    id: 'bitnami-kafka',
    display: 'bitnami/kafka',
    repositories: ['bitnami/kafka', 'bitnamilegacy/kafka', 'bitnamisecure/kafka'],
    role: 'broker',
    library: 'bitnami-kafka',
    prefix: 'KAFKA_CFG_',
    naming: 'dots',
    excluded: new Set(),
    renamed: { KAFKA_CFG_ZOOKEEPER_CLIENTCNXNSOCKET: 'zookeeper.clientCnxnSocket' },
    rewrites: [
      [/sasl\.ssl/g, 'sasl_ssl'],
      [/sasl\.plaintext/g, 'sasl_plaintext'],
    ],
    legacy: BITNAMI_LEGACY,
    mountedConfig: { variable: 'KAFKA_MOUNTED_CONF_DIR', folder: '/bitnami/kafka/config' },
    // Its entrypoint runs the setup (variables → server.properties) only for a command naming `/run.sh`.
    start: '/run.sh',
    tagIsKafkaVersion: true,
    source: 'bitnami/containers bitnami/kafka/*/debian-12/rootfs/opt/bitnami/scripts/libkafka.sh (kafka_configure_from_environment_variables, kafka_create_alias_environment_variables, kafka_initialize) and kafka-env.sh',
  },
  {
    id: 'cp-kafka-connect',
    display: 'confluentinc/cp-kafka-connect',
    repositories: ['confluentinc/cp-kafka-connect', 'confluentinc/cp-kafka-connect-base', 'confluentinc/cp-server-connect', 'confluentinc/cp-server-connect-base'],
    role: 'connect',
    library: 'connect',
    prefix: 'CONNECT_',
    naming: 'escaped',
    excluded: new Set(),
    start: '/etc/confluent/docker/run',
    tagIsConfluentPlatform: true,
    source: 'confluentinc/kafka-images kafka-connect-base/include/etc/confluent/docker/kafka-connect.properties.template (env_to_props CONNECT_)',
  },
];

/**
 * The Apache Kafka release each Confluent Platform minor version ships, as Confluent's "Supported Versions and
 * Interoperability" table (to 5.5) and the broker columns of its Kafka Streams upgrade guide (6.0 to 7.9) give
 * them. Later minors are left out until read: their images get the configured Kafka version, as before.
 */
const CONFLUENT_PLATFORM_KAFKA: Readonly<Record<string, string>> = {
  '3.0': '0.10.0',
  '3.1': '0.10.1',
  '3.2': '0.10.2',
  '3.3': '0.11.0',
  '4.0': '1.0',
  '4.1': '1.1',
  '5.0': '2.0',
  '5.1': '2.1',
  '5.2': '2.2',
  '5.3': '2.3',
  '5.4': '2.4',
  '5.5': '2.5',
  '6.0': '2.6',
  '6.1': '2.7',
  '6.2': '2.8',
  '7.0': '3.0',
  '7.1': '3.1',
  '7.2': '3.2',
  '7.3': '3.3',
  '7.4': '3.4',
  '7.5': '3.5',
  '7.6': '3.6',
  '7.7': '3.7',
  '7.8': '3.8',
  '7.9': '3.9',
};

/** The Apache Kafka release a Confluent Platform version (`7.6.0`, `7.6`) ships, when {@link CONFLUENT_PLATFORM_KAFKA} knows it. */
export function kafkaOfConfluentPlatform(version: string): string | undefined {
  const minor = /^(\d+\.\d+)(?:\.\d+)?(?![\d.])/.exec(version)?.[1];
  return minor !== undefined && Object.hasOwn(CONFLUENT_PLATFORM_KAFKA, minor) ? CONFLUENT_PLATFORM_KAFKA[minor] : undefined;
}

/**
 * The Kafka version an image reference runs, when its tag says (`3.9.0`, `3.7-debian-12`; a Confluent
 * Platform tag `7.6.0` by {@link CONFLUENT_PLATFORM_KAFKA}, giving `3.6`), else undefined.
 */
export function kafkaVersionOfImage(reference: ImageReference): string | undefined {
  if (!reference.tag) return undefined;
  if (reference.image.tagIsConfluentPlatform) return kafkaOfConfluentPlatform(reference.tag);
  if (!reference.image.tagIsKafkaVersion) return undefined;
  return /^(\d+\.\d+(?:\.\d+)?)(?![\d.])/.exec(reference.tag)?.[1];
}

/** An image reference split into the parts that matter here. */
export interface ImageReference {
  readonly image: ContainerImage;
  /** The tag, when the reference has one (`7.6.0`, `latest`). */
  readonly tag?: string;
}

/**
 * The image an `image:` reference names, whatever the registry and tag: `apache/kafka:3.9.0`,
 * `docker.io/bitnami/kafka`, `registry.example.com/mirror/confluentinc/cp-kafka:7.6.0@sha256:…`.
 */
export function imageOfReference(reference: string): ImageReference | undefined {
  const ref = reference.trim().toLowerCase();
  const noDigest = ref.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const name = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const tag = colon > slash ? noDigest.slice(colon + 1) : undefined;
  const parts = name.split('/');
  if (parts.length < 2) return undefined;
  const repository = parts.slice(-2).join('/');
  const image = CONTAINER_IMAGES.find((i) => i.repositories.includes(repository));
  return image ? { image, tag } : undefined;
}

/**
 * The key a variable sets in `image`, or undefined when the image does not read it as a setting. A legacy
 * Bitnami name is read as the current name it is copied to (`legacy` says which).
 */
export function keyOfVariable(image: ContainerImage, name: string): { readonly key: string; readonly legacy?: string } | undefined {
  const current = image.legacy?.[name];
  const variable = current ?? name;
  if (!variable.startsWith(image.prefix) || variable.length === image.prefix.length || image.excluded.has(variable)) return undefined;
  const renamed = image.renamed?.[variable];
  if (renamed) return { key: renamed, legacy: current ? name : undefined };
  const rest = variable.slice(image.prefix.length);
  let key = image.naming === 'escaped' ? unescapeName(rest, image.id === 'apache-kafka') : rest.replace(/_/g, '.').toLowerCase();
  for (const [pattern, replacement] of image.rewrites ?? []) key = key.replace(pattern, replacement);
  return { key, legacy: current ? name : undefined };
}

/**
 * The `escaped` rule. KafkaDockerWrapper replaces every `_` with `.`, then `...` with `-` and `..` with `_`;
 * Confluent's ConvertKey replaces a `_` between two other characters with `.` first, then `___` and `__`. Both
 * agree on every Kafka key (their segments are longer than one letter).
 */
function unescapeName(rest: string, apache: boolean): string {
  if (apache) return rest.toLowerCase().replace(/_/g, '.').replace(/\.\.\./g, '-').replace(/\.\./g, '_');
  const single = rest.replace(/[^_]_[^_]/g, (m) => `${m[0]}.${m[2]}`);
  return single.split('___').join('-').split('__').join('_').toLowerCase();
}

/** The variable that sets `key` in `image` (for a quick fix that adds it), or undefined when the image cannot spell it. */
export function variableForKey(image: ContainerImage, key: string): string | undefined {
  for (const [variable, renamed] of Object.entries(image.renamed ?? {})) if (renamed === key) return variable;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(key) || key.includes('..')) return undefined;
  let name: string;
  if (image.naming === 'escaped') {
    name = key
      .split('')
      .map((c) => (c === '-' ? '___' : c === '_' ? '__' : c === '.' ? '_' : c))
      .join('');
  } else {
    if (/[-_]/.test(key)) return undefined;
    name = key.replace(/\./g, '_');
  }
  const variable = image.prefix + name.toUpperCase();
  const back = keyOfVariable(image, variable);
  return back?.key === key ? variable : undefined;
}
