import type { VersionedValue } from './types';
import { compareVersions } from './versions';

/**
 * How Kafka Streams builds its producers from an application's config, as data. Read in apache/kafka
 * `streams/src/main/java/org/apache/kafka/streams/StreamsConfig.java` (`getProducerConfigs`,
 * `getClientPropsWithPrefix`, `PRODUCER_DEFAULT_OVERRIDES`, `PRODUCER_EOS_OVERRIDES`,
 * `NON_CONFIGURABLE_PRODUCER_EOS_CONFIGS`) on branches 0.10.1, 0.10.2, 0.11.0, 1.0, 2.0, 2.1, 2.8, 3.0, 3.9
 * and trunk 1eb7644349 (4.0-SNAPSHOT), and `internals/StreamsConfigUtils.java`.
 *
 * - Every key of the application's config that is a producer config (`acks`, `retries`, …) reaches the
 *   producers, and a `producer.`-prefixed key wins over the unprefixed one (`originalsWithPrefix` is applied
 *   after `clientProps`), whatever their order in the file.
 * - Streams' own producer defaults come first and the user's settings win over them.
 * - Under exactly-once Streams puts `enable.idempotence=true` in place of the user's value (the user's is
 *   removed with a warning) and gives each producer a `transactional.id`; it does not touch `acks` or
 *   `retries`, so the Kafka producer refuses `acks` other than all and `retries=0` with a ConfigException
 *   (ProducerConfig / KafkaProducer idempotence checks, every version since 0.11).
 */

/** The prefix of settings that configure only the producers Streams creates (`StreamsConfig.PRODUCER_PREFIX`). */
export const STREAMS_PRODUCER_PREFIX = 'producer.';

/**
 * `processing.guarantee` values that turn exactly-once on (`StreamsConfigUtils.eosEnabled`): `exactly_once` and
 * `exactly_once_beta` through 3.9 (both removed in 4.0), `exactly_once_v2` since 3.0. Kafka compares them
 * exactly (after trimming), so `EXACTLY_ONCE_V2` is not one of them (and is refused).
 */
export const EXACTLY_ONCE_GUARANTEES: readonly string[] = ['exactly_once', 'exactly_once_beta', 'exactly_once_v2'];

/**
 * What Streams gives its producers when the application leaves a key unset, where that differs from the Kafka
 * producer's own default. Kafka's default applies before the first entry and for every key not listed.
 */
const AT_LEAST_ONCE: Readonly<Record<string, readonly VersionedValue[]>> = {
  // Streams overrode the producer default (0 before Kafka 2.1) with 10, and stopped when that became unbounded.
  retries: [
    { since: '0.10.2', value: '10' },
    { since: '2.1', value: '2147483647' },
  ],
  'linger.ms': [{ since: '0.10.1', value: '100' }],
};

/** The same under exactly-once: idempotence on, and with it acks=all and unbounded retries when they are unset. */
const EXACTLY_ONCE: Readonly<Record<string, readonly VersionedValue[]>> = {
  ...AT_LEAST_ONCE,
  // The idempotent producer takes acks=all when acks is unset (KafkaProducer.configureAcks before 2.8, the 3.0 default after).
  acks: [{ since: '0.11.0', value: 'all' }],
  retries: [{ since: '0.11.0', value: '2147483647' }],
  'enable.idempotence': [{ since: '0.11.0', value: 'true' }],
};

/**
 * The value Kafka Streams gives its producers for an unset `key` at `kafkaVersion`, or undefined when Streams
 * leaves it to the Kafka producer's own default.
 */
export function streamsProducerDefault(key: string, kafkaVersion: string, exactlyOnce: boolean): VersionedValue | undefined {
  const history = (exactlyOnce ? EXACTLY_ONCE : AT_LEAST_ONCE)[key];
  let pick: VersionedValue | undefined;
  for (const v of history ?? []) if (compareVersions(kafkaVersion, v.since) >= 0) pick = v;
  return pick;
}
