import type { Role } from '../model';

/**
 * Spring Boot's typed Kafka properties (`spring.kafka.*`, Boot's KafkaProperties) as data: the Kafka key each
 * one sets, or, for Spring-only settings (listener container, template), its own values and summary.
 * Canonical names are kebab-case; Spring's relaxed binding also accepts camelCase and snake_case, which
 * {@link findSpringProperty} folds.
 */
export interface SpringProperty {
  readonly name: string;
  /** The Kafka key Boot passes the value to; undefined for Spring-only settings. */
  readonly kafkaKey?: string;
  readonly role?: Role;
  /** Values Spring accepts when they differ from Kafka's (enum spellings), safest first. */
  readonly values?: readonly string[];
  /** For Spring-only settings: what it does, in our words. */
  readonly summary?: string;
}

/** Typed properties under `spring.kafka.<scope>`, each setting one Kafka key. */
function scoped(scope: string, role: Role | undefined, rest: readonly [string, string][]): SpringProperty[] {
  return rest.map(([name, kafkaKey]) => ({ name: `spring.kafka.${scope}${name}`, kafkaKey, role }));
}

/** Connection and TLS settings every `spring.kafka` scope accepts. */
const CONNECTION: readonly [string, string][] = [
  ['ssl.key-password', 'ssl.key.password'],
  ['ssl.key-store-location', 'ssl.keystore.location'],
  ['ssl.key-store-password', 'ssl.keystore.password'],
  ['ssl.key-store-type', 'ssl.keystore.type'],
  ['ssl.key-store-key', 'ssl.keystore.key'],
  ['ssl.key-store-certificate-chain', 'ssl.keystore.certificate.chain'],
  ['ssl.trust-store-location', 'ssl.truststore.location'],
  ['ssl.trust-store-password', 'ssl.truststore.password'],
  ['ssl.trust-store-type', 'ssl.truststore.type'],
  ['ssl.trust-store-certificates', 'ssl.truststore.certificates'],
  ['ssl.protocol', 'ssl.protocol'],
  ['security.protocol', 'security.protocol'],
  ['bootstrap-servers', 'bootstrap.servers'],
  ['client-id', 'client.id'],
];

/** Every typed `spring.kafka.*` property we know, in kebab-case. */
export const SPRING_PROPERTIES: readonly SpringProperty[] = [
  ...scoped('', undefined, CONNECTION),
  ...scoped('producer.', 'producer', [
    ['acks', 'acks'],
    ['retries', 'retries'],
    ['batch-size', 'batch.size'],
    ['buffer-memory', 'buffer.memory'],
    ['compression-type', 'compression.type'],
    ['key-serializer', 'key.serializer'],
    ['value-serializer', 'value.serializer'],
    ...CONNECTION,
  ]),
  { name: 'spring.kafka.producer.transaction-id-prefix', kafkaKey: 'transactional.id', role: 'producer' },
  ...scoped('consumer.', 'consumer', [
    ['enable-auto-commit', 'enable.auto.commit'],
    ['auto-commit-interval', 'auto.commit.interval.ms'],
    ['auto-offset-reset', 'auto.offset.reset'],
    ['group-id', 'group.id'],
    ['max-poll-records', 'max.poll.records'],
    ['max-poll-interval', 'max.poll.interval.ms'],
    ['fetch-max-wait', 'fetch.max.wait.ms'],
    ['fetch-min-size', 'fetch.min.bytes'],
    ['heartbeat-interval', 'heartbeat.interval.ms'],
    ['key-deserializer', 'key.deserializer'],
    ['value-deserializer', 'value.deserializer'],
    ...CONNECTION,
  ]),
  { name: 'spring.kafka.consumer.isolation-level', kafkaKey: 'isolation.level', role: 'consumer', values: ['read-committed', 'read-uncommitted'] },
  // Boot's admin client has no bootstrap-servers of its own: it uses the common one.
  ...scoped('admin.', 'admin', CONNECTION.filter(([name]) => name !== 'bootstrap-servers')),
  ...scoped('streams.', 'streams', [['replication-factor', 'replication.factor'], ...CONNECTION]),
  { name: 'spring.kafka.streams.application-id', kafkaKey: 'application.id', role: 'streams' },
  { name: 'spring.kafka.streams.state-dir', kafkaKey: 'state.dir', role: 'streams' },
  {
    name: 'spring.kafka.listener.ack-mode',
    values: ['record', 'batch', 'time', 'count', 'count_time', 'manual', 'manual_immediate'],
    summary: 'When the listener container commits offsets. Unset means batch: after all records of a poll were handled. The manual modes commit what the listener acknowledges.',
  },
  { name: 'spring.kafka.listener.ack-count', summary: 'Records between commits in the count and count_time modes.' },
  { name: 'spring.kafka.listener.ack-time', summary: 'Time between commits in the time and count_time modes.' },
  { name: 'spring.kafka.listener.async-acks', values: ['false', 'true'], summary: 'Manual modes only: accept acknowledgements out of order and commit only when the earlier records are acknowledged too.' },
  { name: 'spring.kafka.listener.concurrency', summary: 'Number of consumer threads per listener container.' },
  { name: 'spring.kafka.listener.type', values: ['single', 'batch'], summary: 'Whether the listener receives one record or a whole poll at a time.' },
  { name: 'spring.kafka.listener.poll-timeout', summary: 'Timeout of each poll() of the container.' },
  { name: 'spring.kafka.listener.missing-topics-fatal', values: ['true', 'false'], summary: 'Whether the container refuses to start when a listened topic does not exist.' },
  { name: 'spring.kafka.listener.immediate-stop', values: ['false', 'true'], summary: 'Stop after the current record instead of after the whole poll.' },
  { name: 'spring.kafka.listener.client-id', summary: 'Prefix of the client.id of the listener consumers.' },
  { name: 'spring.kafka.listener.auto-startup', values: ['true', 'false'], summary: 'Whether the listener containers start with the application.' },
  { name: 'spring.kafka.template.default-topic', summary: 'Topic KafkaTemplate sends to when none is given.' },
  { name: 'spring.kafka.template.transaction-id-prefix', kafkaKey: 'transactional.id', role: 'producer', summary: 'Makes the template transactional, overriding the producer prefix.' },
  { name: 'spring.kafka.template.observation-enabled', values: ['false', 'true'], summary: 'Micrometer observations for sends.' },
];

/** Roles whose Kafka keys go under `spring.kafka.<scope>.properties.`; the empty scope is common to all clients. */
export const SPRING_PROPERTY_MAPS: readonly { readonly prefix: string; readonly role?: Role }[] = [
  { prefix: 'spring.kafka.properties.' },
  { prefix: 'spring.kafka.producer.properties.', role: 'producer' },
  { prefix: 'spring.kafka.consumer.properties.', role: 'consumer' },
  { prefix: 'spring.kafka.admin.properties.', role: 'admin' },
  { prefix: 'spring.kafka.streams.properties.', role: 'streams' },
];

/** Relaxed-binding form for comparison: lower case, dashes and underscores dropped. */
function relaxed(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

const BY_RELAXED: ReadonlyMap<string, SpringProperty> = new Map(SPRING_PROPERTIES.map((p) => [relaxed(p.name), p]));

/**
 * The typed Spring property for `name` in any relaxed spelling (`enableAutoCommit`, `enable_auto_commit`), or
 * for a pass-through map entry (`spring.kafka.producer.properties.linger.ms`, `...properties[linger.ms]`) a
 * property whose `kafkaKey` is the key written after `properties`.
 */
export function findSpringProperty(name: string): SpringProperty | undefined {
  const map = /^(spring\.kafka\.(?:(producer|consumer|admin|streams)\.)?properties)(?:\.(.+)|\[(.+)\])$/i.exec(name);
  if (map) {
    const kafkaKey = map[3] ?? map[4];
    const role = map[2]?.toLowerCase() as Role | undefined;
    return { name, kafkaKey, role };
  }
  return BY_RELAXED.get(relaxed(name));
}

/**
 * Spring Cloud Stream's Kafka binder (`spring.cloud.stream.kafka.*`): what it sets itself on the clients it
 * creates, as read in spring-cloud/spring-cloud-stream (binders/kafka-binder/spring-cloud-stream-binder-kafka-core,
 * `utils/BindingUtils.java` `createProducerConfigs` / `createConsumerConfigs`, and
 * `properties/KafkaBinderConfigurationProperties.java`).
 */
export const SPRING_CLOUD_STREAM = 'Spring Cloud Stream';

/**
 * The binder's own producer defaults, by binder version. `createProducerConfigs` puts
 * `acks = requiredAcks` before anything else (so every other layer overrides it), and
 * KafkaBinderConfigurationProperties declares `requiredAcks = "1"` in every release up to v5.0.1 and v4.3.3;
 * commit 1adb5178 "GH-3170: Change default requiredAcks to all" (first in v5.0.2) made it `"all"`
 * (docs/modules/ROOT/pages/kafka/kafka-binder/config-options.adoc, `requiredAcks` "Default: `all`").
 * The binder does not set retries or enable.idempotence: Kafka's defaults apply to them. Consumer side,
 * `createConsumerConfigs` puts enable.auto.commit=false (its listener container commits) and
 * auto.offset.reset earliest for a consumer group, latest for an anonymous consumer; the container keeps the
 * binder's group, so those are not client defaults a rule reads here.
 */
export const SPRING_CLOUD_STREAM_DEFAULTS: Readonly<Record<string, readonly { since: string; value: string }[]>> = {
  acks: [
    { since: '0', value: '1' },
    // GH-3170 changed the binder's requiredAcks default from 1 to all in 5.0.2.
    { since: '5.0.2', value: 'all' },
  ],
};
