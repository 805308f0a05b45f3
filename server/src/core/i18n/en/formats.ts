/**
 * English texts of the deployment-format readers (YAML merge keys, docker-compose, Strimzi, Kafka Connect):
 * what hovers say about how an entry is written, and how fix titles name an edit that reaches further.
 * The Simplified Chinese twin is ../zh-cn/formats.ts.
 */
export const FORMATS = {
  /** A fix title with what else the edit changes. */
  /** `bitnami/kafka on Kafka 4.1`: a runtime that sets a default itself, and the Kafka version it runs. */
  'formats.default.dialect': '{name} on Kafka {version}',
  'formats.hover.dialectDefault': '**Default** (set by {name} when unset): {value}',
  'formats.hover.kafkaDefault': "Kafka's own default (Kafka {version}): {value}",
  'formats.compose.default': '`{variable}` is not set in this file: its default {value} applies unless the shell or an `.env` file sets `{variable}`.',
  'formats.compose.fromEnvFile': 'Docker Compose takes this value from `{variable}={value}` in the `{file}` file beside this one (unless the shell running it exports `{variable}`): change it there.',
  'formats.compose.variable.escaped': 'The {image} image sets `{key}` from `{name}`: it removes `{prefix}`, reads `___` as `-`, `__` as `_` and `_` as `.`, and lower-cases the rest.',
  'formats.compose.variable.dots': 'The {image} image sets `{key}` from `{name}`: it removes `{prefix}`, reads every `_` as `.`, and lower-cases the rest.',
  'formats.compose.variable.renamed': 'The {image} image sets `{key}` from `{name}`.',
  'formats.compose.legacy': 'The {image} image copies the older name `{name}` onto `{current}`, which sets `{key}`; the older name wins when both are set.',
  'formats.connect.worker.producer': "Kafka Connect sets `{key}` from `{rawKey}` on the producer of every source task this worker runs (and on the dead letter queue producers of sink tasks); a connector's `producer.override.{key}` wins over it.",
  'formats.connect.worker.consumer': "Kafka Connect sets `{key}` from `{rawKey}` on the consumer of every sink task this worker runs; a connector's `consumer.override.{key}` wins over it.",
  'formats.connect.worker.admin': "Kafka Connect sets `{key}` from `{rawKey}` on the admin client of every task this worker runs; a connector's `admin.override.{key}` wins over it.",
  'formats.connect.override.producer': "Kafka Connect sets `{key}` from `{rawKey}` on this connector's producer only, if the worker's `connector.client.config.override.policy` allows it: `All`, the default since Kafka 3.0, does; with `None`, the default before, the connector fails to start.",
  'formats.connect.override.consumer': "Kafka Connect sets `{key}` from `{rawKey}` on this connector's consumer only, if the worker's `connector.client.config.override.policy` allows it: `All`, the default since Kafka 3.0, does; with `None`, the default before, the connector fails to start.",
  'formats.connect.override.admin': "Kafka Connect sets `{key}` from `{rawKey}` on this connector's admin client only, if the worker's `connector.client.config.override.policy` allows it: `All`, the default since Kafka 3.0, does; with `None`, the default before, the connector fails to start.",
  'formats.strimzi.topicReplicas': "Strimzi creates the topic with `spec.replicas` replicas, its `replication.factor`; when it is absent, the brokers' `default.replication.factor` applies.",
  'formats.strimzi.poolCounted': 'The `KafkaNodePool` `{name}` is counted toward the brokers of the cluster `{cluster}`: `spec.replicas: {replicas}`.',
  'formats.strimzi.poolCountedUnnamed': 'A `KafkaNodePool` without a name is counted toward the brokers of the cluster `{cluster}`: `spec.replicas: {replicas}`.',
  'formats.fix.scoped': '{title} ({scope})',
  'formats.yaml.anchorScope': 'in &{anchor}: changes every alias of it',
  'formats.yaml.merged': 'Merged into {path} from the anchor &{anchor} (`<<`); keys written in place win over merged ones.',
  'formats.yaml.mergedInline': 'Merged into {path} from a mapping (`<<`); keys written in place win over merged ones.',
} as const;
