import { KEYS } from './keys';

/**
 * Every configuration key name Kafka and its common clients accept, so that `config/unknown-key` can tell a
 * typo from a real key. Names are facts taken from Kafka's config definitions (ProducerConfig, ConsumerConfig,
 * CommonClientConfigs, AdminClientConfig, TopicConfig, the broker config classes, StreamsConfig, the Connect
 * worker and connector configs), librdkafka's CONFIGURATION.md and the old Scala clients.
 *
 * A false "unknown key" annoys more than a missed typo, so whole families whose members depend on a plugin or
 * a name chosen by the user (listener names, config providers, transforms, remote storage) are accepted by
 * prefix instead of being listed.
 */

/** Splits a whitespace-separated list of names. */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

const COMMON_CLIENT = words(`
  bootstrap.servers client.id client.dns.lookup client.rack metadata.max.age.ms metadata.max.idle.ms
  metadata.recovery.strategy metadata.recovery.rebootstrap.trigger.ms send.buffer.bytes receive.buffer.bytes
  reconnect.backoff.ms reconnect.backoff.max.ms retry.backoff.ms retry.backoff.max.ms request.timeout.ms
  socket.connection.setup.timeout.ms socket.connection.setup.timeout.max.ms connections.max.idle.ms
  default.api.timeout.ms metric.reporters metrics.num.samples metrics.sample.window.ms metrics.recording.level
  auto.include.jmx.reporter enable.metrics.push security.protocol security.providers interceptor.classes
`);

const SECURITY = words(`
  ssl.protocol ssl.provider ssl.cipher.suites ssl.enabled.protocols ssl.keystore.type ssl.keystore.location
  ssl.keystore.password ssl.keystore.key ssl.keystore.certificate.chain ssl.key.password ssl.truststore.type
  ssl.truststore.location ssl.truststore.password ssl.truststore.certificates ssl.keymanager.algorithm
  ssl.trustmanager.algorithm ssl.endpoint.identification.algorithm ssl.secure.random.implementation
  ssl.engine.factory.class ssl.client.auth ssl.principal.mapping.rules ssl.allow.dn.changes ssl.allow.san.changes
  sasl.mechanism sasl.jaas.config sasl.kerberos.service.name sasl.kerberos.kinit.cmd
  sasl.kerberos.ticket.renew.window.factor sasl.kerberos.ticket.renew.jitter sasl.kerberos.min.time.before.relogin
  sasl.kerberos.principal.to.local.rules sasl.login.refresh.window.factor sasl.login.refresh.window.jitter
  sasl.login.refresh.min.period.seconds sasl.login.refresh.buffer.seconds sasl.login.callback.handler.class
  sasl.login.class sasl.client.callback.handler.class sasl.login.connect.timeout.ms sasl.login.read.timeout.ms
  sasl.login.retry.backoff.ms sasl.login.retry.backoff.max.ms sasl.enabled.mechanisms
  sasl.mechanism.inter.broker.protocol sasl.mechanism.controller.protocol sasl.server.callback.handler.class
  sasl.server.max.receive.size sasl.oauthbearer.scope.claim.name sasl.oauthbearer.sub.claim.name
  sasl.oauthbearer.token.endpoint.url sasl.oauthbearer.jwks.endpoint.url sasl.oauthbearer.jwks.endpoint.refresh.ms
  sasl.oauthbearer.jwks.endpoint.retry.backoff.ms sasl.oauthbearer.jwks.endpoint.retry.backoff.max.ms
  sasl.oauthbearer.clock.skew.seconds sasl.oauthbearer.expected.audience sasl.oauthbearer.expected.issuer
  sasl.oauthbearer.header.urlencode sasl.oauthbearer.scope sasl.oauthbearer.jwt.retriever.class
  sasl.oauthbearer.jwt.validator.class connections.max.reauth.ms principal.builder.class
`);

const PRODUCER = words(`
  acks retries batch.size linger.ms delivery.timeout.ms buffer.memory max.block.ms max.request.size
  max.in.flight.requests.per.connection compression.type compression.gzip.level compression.lz4.level
  compression.zstd.level key.serializer value.serializer partitioner.class partitioner.ignore.keys
  partitioner.adaptive.partitioning.enable partitioner.availability.timeout.ms enable.idempotence
  transactional.id transaction.timeout.ms transaction.two.phase.commit.enable
`);

const CONSUMER = words(`
  group.id group.instance.id group.protocol group.remote.assignor max.poll.records max.poll.interval.ms
  session.timeout.ms heartbeat.interval.ms enable.auto.commit auto.commit.interval.ms
  partition.assignment.strategy auto.offset.reset fetch.min.bytes fetch.max.bytes fetch.max.wait.ms
  max.partition.fetch.bytes check.crcs key.deserializer value.deserializer exclude.internal.topics
  isolation.level allow.auto.create.topics internal.leave.group.on.close
  internal.throw.on.fetch.stable.offset.unsupported share.acknowledgement.mode
`);

const ADMIN = words(`bootstrap.controllers`);

const BROKER = words(`
  broker.id node.id process.roles broker.rack broker.id.generation.enable reserved.broker.max.id
  listeners advertised.listeners listener.security.protocol.map inter.broker.listener.name
  security.inter.broker.protocol control.plane.listener.name controller.listener.names early.start.listeners
  num.network.threads num.io.threads background.threads queued.max.requests queued.max.request.bytes
  socket.send.buffer.bytes socket.receive.buffer.bytes socket.request.max.bytes socket.listen.backlog.size
  max.connections max.connections.per.ip max.connections.per.ip.overrides max.connection.creation.rate
  connection.failed.authentication.delay.ms broker.heartbeat.interval.ms broker.session.timeout.ms
  auto.create.topics.enable auto.leader.rebalance.enable leader.imbalance.check.interval.seconds
  leader.imbalance.per.broker.percentage delete.topic.enable message.max.bytes num.partitions
  default.replication.factor min.insync.replicas unclean.leader.election.enable unclean.leader.election.interval.ms
  log.dir log.dirs log.segment.bytes log.roll.hours log.roll.ms log.roll.jitter.hours log.roll.jitter.ms
  log.retention.hours log.retention.minutes log.retention.ms log.retention.bytes log.retention.check.interval.ms
  log.cleanup.policy log.cleaner.enable log.cleaner.threads log.cleaner.io.max.bytes.per.second
  log.cleaner.dedupe.buffer.size log.cleaner.io.buffer.size log.cleaner.io.buffer.load.factor
  log.cleaner.backoff.ms log.cleaner.min.cleanable.ratio log.cleaner.delete.retention.ms
  log.cleaner.min.compaction.lag.ms log.cleaner.max.compaction.lag.ms log.index.size.max.bytes
  log.index.interval.bytes log.flush.interval.messages log.flush.interval.ms log.flush.scheduler.interval.ms
  log.flush.offset.checkpoint.interval.ms log.flush.start.offset.checkpoint.interval.ms
  log.segment.delete.delay.ms log.preallocate log.message.format.version log.message.timestamp.type
  log.message.timestamp.difference.max.ms log.message.timestamp.before.max.ms log.message.timestamp.after.max.ms
  log.message.downconversion.enable log.local.retention.ms log.local.retention.bytes log.initial.task.delay.ms
  log.dir.failure.timeout.ms num.recovery.threads.per.data.dir replica.lag.time.max.ms replica.socket.timeout.ms
  replica.socket.receive.buffer.bytes replica.fetch.max.bytes replica.fetch.wait.max.ms replica.fetch.min.bytes
  replica.fetch.response.max.bytes replica.fetch.backoff.ms num.replica.fetchers num.replica.alter.log.dirs.threads
  replica.high.watermark.checkpoint.interval.ms replica.selector.class fetch.purgatory.purge.interval.requests
  producer.purgatory.purge.interval.requests delete.records.purgatory.purge.interval.requests
  share.fetch.purgatory.purge.interval.requests controlled.shutdown.enable controlled.shutdown.max.retries
  controlled.shutdown.retry.backoff.ms controller.socket.timeout.ms group.min.session.timeout.ms
  group.max.session.timeout.ms group.initial.rebalance.delay.ms group.max.size group.coordinator.rebalance.protocols
  group.coordinator.new.enable group.coordinator.threads group.coordinator.append.linger.ms
  offsets.topic.replication.factor offsets.topic.num.partitions offsets.topic.segment.bytes
  offsets.topic.compression.codec offsets.load.buffer.size offsets.retention.minutes
  offsets.retention.check.interval.ms offsets.commit.timeout.ms offsets.commit.required.acks
  offset.metadata.max.bytes transaction.state.log.replication.factor transaction.state.log.num.partitions
  transaction.state.log.segment.bytes transaction.state.log.min.isr transaction.state.log.load.buffer.size
  transaction.max.timeout.ms transactional.id.expiration.ms transaction.abort.timed.out.transaction.cleanup.interval.ms
  transaction.remove.expired.transaction.cleanup.interval.ms transaction.partition.verification.enable
  producer.id.expiration.ms producer.id.expiration.check.interval.ms zookeeper.connect
  zookeeper.connection.timeout.ms zookeeper.session.timeout.ms zookeeper.max.in.flight.requests zookeeper.set.acl
  zookeeper.clientCnxnSocket zookeeper.metadata.migration.enable zookeeper.metadata.migration.min.batch.size
  inter.broker.protocol.version metadata.log.dir controller.quorum.voters controller.quorum.bootstrap.servers
  initial.broker.registration.timeout.ms controller.performance.sample.period.ms
  controller.performance.always.log.threshold.ms server.max.startup.time.ms eligible.leader.replicas.enable
  quota.window.num quota.window.size.seconds replication.quota.window.num replication.quota.window.size.seconds
  alter.log.dirs.replication.quota.window.num alter.log.dirs.replication.quota.window.size.seconds
  controller.quota.window.num controller.quota.window.size.seconds client.quota.callback.class
  leader.replication.throttled.rate follower.replication.throttled.rate replica.alter.log.dirs.io.max.bytes.per.second
  authorizer.class.name super.users allow.everyone.if.no.acl.found delegation.token.master.key
  delegation.token.secret.key delegation.token.max.lifetime.ms delegation.token.expiry.time.ms
  delegation.token.expiry.check.interval.ms password.encoder.secret password.encoder.old.secret
  password.encoder.keyfactory.algorithm password.encoder.cipher.algorithm password.encoder.key.length
  password.encoder.iterations create.topic.policy.class.name alter.config.policy.class.name
  kafka.metrics.reporters kafka.metrics.polling.interval.secs telemetry.max.bytes
  max.incremental.fetch.session.cache.slots fetch.max.bytes max.request.partition.size.limit
  unstable.api.versions.enable unstable.feature.versions.enable unstable.metadata.versions.enable
  replication.factor quota.producer.default quota.consumer.default
`);

const TOPIC = words(`
  cleanup.policy delete.retention.ms file.delete.delay.ms flush.messages flush.ms
  follower.replication.throttled.replicas leader.replication.throttled.replicas index.interval.bytes
  local.retention.bytes local.retention.ms max.compaction.lag.ms min.compaction.lag.ms max.message.bytes
  message.downconversion.enable message.format.version message.timestamp.after.max.ms
  message.timestamp.before.max.ms message.timestamp.difference.max.ms message.timestamp.type
  min.cleanable.dirty.ratio preallocate remote.storage.enable retention.bytes retention.ms segment.bytes
  segment.index.bytes segment.jitter.ms segment.ms
`);

const STREAMS = words(`
  application.id application.server num.stream.threads processing.guarantee state.dir default.key.serde
  default.value.serde default.deserialization.exception.handler deserialization.exception.handler
  default.production.exception.handler production.exception.handler processing.exception.handler
  default.timestamp.extractor default.dsl.store dsl.store.suppliers.class cache.max.bytes.buffering
  statestore.cache.max.bytes commit.interval.ms num.standby.replicas acceptable.recovery.lag max.warmup.replicas
  probing.rebalance.interval.ms buffered.records.per.partition max.task.idle.ms poll.ms topology.optimization
  upgrade.from rocksdb.config.setter state.cleanup.delay.ms windowstore.changelog.additional.retention.ms
  window.size.ms windowed.inner.class.serde task.timeout.ms built.in.metrics.version rack.aware.assignment.strategy
  rack.aware.assignment.tags rack.aware.assignment.non_overlap_cost rack.aware.assignment.traffic_cost
  repartition.purge.interval.ms log.summary.interval.ms default.client.supplier task.assignor.class
  ensure.explicit.internal.resource.naming default.windowed.key.serde.inner default.windowed.value.serde.inner
  default.list.key.serde.inner default.list.key.serde.type default.list.value.serde.inner default.list.value.serde.type
  processor.wrapper.class errors.dead.letter.queue.topic.name
`);

const CONNECT = words(`
  config.storage.topic offset.storage.topic status.storage.topic config.storage.replication.factor
  offset.storage.replication.factor status.storage.replication.factor offset.storage.partitions
  status.storage.partitions key.converter value.converter header.converter internal.key.converter
  internal.value.converter offset.flush.interval.ms
  offset.flush.timeout.ms offset.storage.file.filename plugin.path plugin.discovery rest.advertised.host.name
  rest.advertised.port rest.advertised.listener rest.extension.classes rest.host.name rest.port
  access.control.allow.origin access.control.allow.methods admin.listeners
  connector.client.config.override.policy task.shutdown.graceful.timeout.ms scheduled.rebalance.max.delay.ms
  connect.protocol worker.sync.timeout.ms worker.unsync.backoff.ms rebalance.timeout.ms
  exactly.once.source.support inter.worker.key.generation.algorithm inter.worker.key.size inter.worker.key.ttl.ms
  inter.worker.signature.algorithm inter.worker.verification.algorithms response.http.headers.config
  topic.creation.enable topic.tracking.enable topic.tracking.allow.reset config.providers
  name connector.class tasks.max tasks.max.enforce transforms predicates errors.retry.timeout
  errors.retry.delay.max.ms errors.tolerance errors.log.enable errors.log.include.messages
  errors.deadletterqueue.topic.name errors.deadletterqueue.topic.replication.factor
  errors.deadletterqueue.context.headers.enable topics topics.regex config.action.reload topic.creation.groups
  exactly.once.support transaction.boundary transaction.boundary.interval.ms offsets.storage.topic
  clusters replication.policy.class replication.policy.separator sync.topic.configs.enabled
  sync.topic.acls.enabled emit.heartbeats.enabled emit.checkpoints.enabled refresh.topics.interval.seconds
  refresh.groups.interval.seconds checkpoints.topic.replication.factor heartbeats.topic.replication.factor
  offset-syncs.topic.replication.factor offset-syncs.topic.location sync.group.offsets.enabled
  sync.group.offsets.interval.seconds topics.exclude groups groups.exclude file topic
`);

/** ZooKeeper's own server settings (`config/zookeeper.properties` ships with Kafka up to 3.9). */
const ZOOKEEPER = words(`
  dataDir dataLogDir clientPort clientPortAddress secureClientPort maxClientCnxns tickTime initLimit syncLimit
  admin.enableServer admin.serverPort autopurge.snapRetainCount autopurge.purgeInterval 4lw.commands.whitelist
  authProvider.1 requireClientAuthScheme
`);

/** librdkafka (and its bindings) names that Kafka's Java clients do not have. */
const LIBRDKAFKA = words(`
  builtin.features metadata.broker.list message.copy.max.bytes receive.message.max.bytes max.in.flight
  topic.metadata.refresh.interval.ms topic.metadata.refresh.fast.interval.ms topic.metadata.refresh.fast.cnt
  topic.metadata.refresh.sparse topic.metadata.propagation.max.ms topic.blacklist debug socket.timeout.ms
  socket.blocking.max.ms socket.keepalive.enable socket.nagle.disable socket.max.fails broker.address.ttl
  broker.address.family reconnect.backoff.jitter.ms statistics.interval.ms enabled_events error_cb throttle_cb
  stats_cb log_cb log_level log.queue log.thread.name enable.random.seed log.connection.close
  background_event_cb socket_cb connect_cb closesocket_cb open_cb resolve_cb opaque default_topic_conf
  internal.termination.signal api.version.request api.version.request.timeout.ms api.version.fallback.ms
  broker.version.fallback ssl.curves.list ssl.sigalgs.list ssl.key.location ssl.key.pem ssl_key
  ssl.certificate.location ssl.certificate.pem ssl_certificate ssl.ca.location ssl.ca.pem ssl_ca
  ssl.ca.certificate.stores ssl.crl.location ssl.providers ssl.engine.location ssl.engine.id
  ssl_engine_callback_data enable.ssl.certificate.verification ssl.certificate.verify_cb sasl.mechanisms
  sasl.kerberos.principal sasl.kerberos.keytab sasl.username sasl.password sasl.oauthbearer.config
  enable.sasl.oauthbearer.unsecure.jwt oauthbearer_token_refresh_cb sasl.oauthbearer.method
  sasl.oauthbearer.client.id sasl.oauthbearer.client.secret sasl.oauthbearer.extensions plugin.library.paths
  interceptors group.protocol.type coordinator.query.interval.ms enable.auto.offset.store queued.min.messages
  queued.max.messages.kbytes fetch.wait.max.ms fetch.queue.backoff.ms fetch.message.max.bytes
  fetch.error.backoff.ms offset.store.method consume_cb rebalance_cb offset_commit_cb enable.partition.eof
  enable.gapless.guarantee queue.buffering.max.messages queue.buffering.max.kbytes queue.buffering.max.ms
  message.send.max.retries queue.buffering.backpressure.threshold compression.codec batch.num.messages
  delivery.report.only.error dr_cb dr_msg_cb sticky.partitioning.linger.ms request.required.acks
  message.timeout.ms queuing.strategy produce.offset.report partitioner partitioner_cb msg_order_cmp
  compression.level auto.commit.enable offset.store.path offset.store.sync.interval.ms
  consume.callback.max.messages on_delivery logger oauth_cb on_commit go.application.rebalance.enable
  go.events.channel.enable go.events.channel.size go.delivery.reports go.delivery.report.fields
  go.produce.channel.size go.logs.channel.enable go.logs.channel
`);

/** The old Scala producer and consumer (0.8), still found in legacy files. */
const LEGACY = words(`
  producer.type serializer.class key.serializer.class compressed.topics queue.enqueue.timeout.ms consumer.id
  num.consumer.fetchers queued.max.message.chunks rebalance.max.retries rebalance.backoff.ms
  refresh.leader.backoff.ms consumer.timeout.ms zookeeper.sync.time.ms offsets.storage dual.commit.enabled
  port host.name advertised.host.name advertised.port
`);

/** Serializer settings of Confluent's Schema Registry clients, passed through producer and consumer configs. */
const SERIALIZERS = words(`
  auto.register.schemas use.latest.version specific.avro.reader key.subject.name.strategy
  value.subject.name.strategy basic.auth.credentials.source basic.auth.user.info bearer.auth.credentials.source
  bearer.auth.token latest.compatibility.strict normalize.schemas use.schema.id json.fail.invalid.schema
  json.value.type json.key.type
`);

const NAMES: ReadonlySet<string> = new Set([
  ...COMMON_CLIENT,
  ...SECURITY,
  ...PRODUCER,
  ...CONSUMER,
  ...ADMIN,
  ...BROKER,
  ...TOPIC,
  ...STREAMS,
  ...CONNECT,
  ...LIBRDKAFKA,
  ...LEGACY,
  ...SERIALIZERS,
  ...ZOOKEEPER,
]);

/**
 * Families accepted by prefix: their members are defined by plugins or by names the user chooses, or they
 * are large, fast-moving groups of broker internals where listing misses more than it catches.
 */
const PREFIXES: readonly string[] = [
  'config.providers.', // config.providers.<name>.class / .param.<x>
  'metrics.context.', // KIP-606 metric context labels
  'confluent.', // Confluent Platform and Confluent Cloud extensions
  'schema.registry.', // Schema Registry client settings
  'key.converter.', // converter settings in Connect
  'value.converter.',
  'header.converter.',
  'internal.key.converter.', // Connect before 2.0
  'internal.value.converter.',
  'listeners.https.', // Connect REST TLS settings
  'admin.listeners.https.',
  'transforms.', // Single Message Transforms: transforms.<alias>.<setting>
  'predicates.',
  'topic.creation.', // Connect: topic.creation.<group>.<topic setting>
  'client.tag.', // Streams rack-aware assignment tags
  'remote.log.', // tiered storage (KIP-405): managers, plugins and their own settings
  'rlmm.config.',
  'rsm.config.',
  'group.consumer.', // broker-side settings of the KIP-848 consumer groups
  'group.share.', // share groups (KIP-932)
  'group.streams.', // streams groups (KIP-1071)
  'share.coordinator.',
  'group.coordinator.', // group coordinator threads, protocols and batching
  'transaction.state.log.',
  'controller.quorum.', // KRaft quorum tuning
  'metadata.log.', // KRaft metadata log
  'metadata.max.',
  'metadata.snapshot.',
  'zookeeper.ssl.',
  'sasl.oauthbearer.assertion.', // KIP-1139 client assertions
  'sasl.oauthbearer.client.credentials.',
  'replication.policy.', // MirrorMaker 2
  'emit.',
  'sync.',
  'kafka.metrics.',
  'listener.name.', // checked further in isKnownKafkaKey
];

/**
 * Prefixes under which a whole client or topic configuration can be nested: Streams (`producer.`, `main.consumer.`,
 * `topic.`), Connect workers (`producer.`, `consumer.`, `admin.`), connectors (`producer.override.`),
 * MirrorMaker 2 (`source.cluster.`, `target.admin.`).
 */
const NESTING: readonly string[] = [
  'producer.override.',
  'consumer.override.',
  'admin.override.',
  'main.consumer.',
  'restore.consumer.',
  'global.consumer.',
  'source.cluster.',
  'target.cluster.',
  'source.producer.',
  'target.producer.',
  'source.consumer.',
  'target.consumer.',
  'source.admin.',
  'target.admin.',
  'producer.',
  'consumer.',
  'admin.',
  'topic.',
];

let catalogNames: ReadonlySet<string> | undefined;

/** Catalog keys and aliases, computed on first use (the catalog imports nothing from here). */
function catalogKeyNames(): ReadonlySet<string> {
  if (!catalogNames) {
    const s = new Set<string>();
    for (const k of KEYS) {
      s.add(k.key);
      for (const a of k.aliases ?? []) s.add(a);
    }
    catalogNames = s;
  }
  return catalogNames;
}

/** Exact names only: the catalog plus the names list. */
function isListed(key: string): boolean {
  return NAMES.has(key) || catalogKeyNames().has(key);
}

/**
 * True when `key` is a configuration key Kafka or one of its common clients accepts: a catalog key, a name from
 * Kafka's config definitions, or a member of a legitimate dynamic family (`listener.name.<l>.<key>`,
 * `producer.override.<key>`, `config.providers.<name>.class`, `confluent.*`, …). The `config/unknown-key` rule
 * uses it, so it errs on the side of accepting.
 */
export function isKnownKafkaKey(key: string): boolean {
  // Runs for every key of a file (50,000 in a large one): prefixes are compared by first character, and the
  // alias form is checked by hand, so that an unknown key costs a few comparisons and no new string.
  if (typeof key !== 'string' || key.length === 0 || key.length > 500) return false;
  if (isListed(key)) return true;
  // Listener overrides: listener.name.<listener>.<key> or listener.name.<listener>.<sasl mechanism>.<key>.
  const listener = key.startsWith('listener.name.') ? /^listener\.name\.[^.]+\.(.+)$/.exec(key) : null;
  if (listener) {
    const rest = listener[1];
    if (isListed(rest)) return true;
    const dot = rest.indexOf('.');
    return dot > 0 && isListed(rest.slice(dot + 1));
  }
  if (hasPrefixAt(key, 0)) return true;
  // MirrorMaker 2 flows such as `primary->backup.enabled`, and ZooKeeper ensemble members `server.1`.
  if (key.includes('->') || (key.startsWith('server.') && /^server\.\d+$/.test(key))) return true;
  for (const p of startingWith(NESTING_BY_CHAR, key.charCodeAt(0))) {
    if (key.startsWith(p) && key.length > p.length) {
      if (isListedAt(key, p.length) || hasPrefixAt(key, p.length)) return true;
    }
  }
  // MirrorMaker 2 cluster aliases: `<alias>.bootstrap.servers`, `<alias>.security.protocol`. Only a dotted
  // listed key counts, so that a typo of a one-word key (`acks`) is never excused by a prefix. (By hand, for
  // speed, what /^[A-Za-z0-9_-]+\.(.+)$/ matches, with a dot in the captured rest.)
  const dot = key.indexOf('.');
  if (dot < 1 || key.indexOf('.', dot + 1) < 0) return false;
  for (let i = 0; i < dot; i++) if (!isAliasChar(key.charCodeAt(i))) return false;
  for (let i = dot + 1; i < key.length; i++) if (isLineTerminator(key.charCodeAt(i))) return false;
  return isListedAt(key, dot + 1);
}

/** Prefix lists by their first character, so that a key is compared only with prefixes that can match it. */
function byFirstChar(prefixes: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const m = new Map<number, string[]>();
  for (const p of prefixes) {
    const list = m.get(p.charCodeAt(0));
    if (list) list.push(p);
    else m.set(p.charCodeAt(0), [p]);
  }
  return m;
}

const PREFIXES_BY_CHAR = byFirstChar(PREFIXES);
const NESTING_BY_CHAR = byFirstChar(NESTING);
const NONE: readonly string[] = [];

function startingWith(lists: ReadonlyMap<number, readonly string[]>, c: number): readonly string[] {
  return lists.get(c) ?? NONE;
}

/** True when `key` from `from` on starts with one of {@link PREFIXES} and goes on after it. */
function hasPrefixAt(key: string, from: number): boolean {
  for (const p of startingWith(PREFIXES_BY_CHAR, key.charCodeAt(from))) {
    if (key.startsWith(p, from) && key.length - from > p.length) return true;
  }
  return false;
}

/** {@link isListed} for `key.slice(from)`, without the slice when no listed name has that first character and length. */
function isListedAt(key: string, from: number): boolean {
  if (!listedShapes().has(shapeOf(key.charCodeAt(from), key.length - from))) return false;
  return isListed(key.slice(from));
}

/** First character and length of a name, as one number. */
function shapeOf(firstChar: number, length: number): number {
  return firstChar * 1024 + Math.min(length, 1023);
}

let shapes: ReadonlySet<number> | undefined;

/** The shapes of every listed name (a necessary condition for being listed, checked without a new string). */
function listedShapes(): ReadonlySet<number> {
  if (!shapes) {
    const s = new Set<number>();
    for (const n of [...NAMES, ...catalogKeyNames()]) s.add(shapeOf(n.charCodeAt(0), n.length));
    shapes = s;
  }
  return shapes;
}

function isAliasChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** The characters `.` in a regular expression does not match. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * The catalog key a prefixed key sets: `producer.override.acks` → `acks`,
 * `listener.name.internal.ssl.keystore.location` → `ssl.keystore.location`, `main.consumer.max.poll.records` →
 * `max.poll.records`. Undefined when `key` is itself in the catalog or nothing inside it is.
 */
export function nestedCatalogKey(key: string): string | undefined {
  if (typeof key !== 'string' || catalogKeyNames().has(key)) return undefined;
  const listener = /^listener\.name\.[^.]+\.(.+)$/.exec(key);
  if (listener) {
    const rest = listener[1];
    if (catalogKeyNames().has(rest)) return rest;
    const dot = rest.indexOf('.');
    return dot > 0 && catalogKeyNames().has(rest.slice(dot + 1)) ? rest.slice(dot + 1) : undefined;
  }
  for (const p of NESTING) {
    if (key.startsWith(p) && catalogKeyNames().has(key.slice(p.length))) return key.slice(p.length);
  }
  return undefined;
}

/** The names Apache Kafka's own Java configs define (no librdkafka or legacy spellings), sorted. */
export function kafkaKeyNames(): readonly string[] {
  return [...new Set([...COMMON_CLIENT, ...SECURITY, ...PRODUCER, ...CONSUMER, ...ADMIN, ...BROKER, ...TOPIC, ...STREAMS, ...CONNECT])].sort();
}

/** Every listed name (catalog keys included), sorted: for completion of keys the catalog does not document. */
export function knownKeyNames(): readonly string[] {
  return [...new Set([...NAMES, ...catalogKeyNames()])].sort();
}
