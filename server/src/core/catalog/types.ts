import type { Role, Stage } from '../model';

/** The type of a config value, as Kafka's ConfigDef declares it. */
export type ValueType = 'string' | 'boolean' | 'int' | 'short' | 'long' | 'double' | 'list' | 'class' | 'password';

/** A value that holds from a version on. A history is sorted oldest first. */
export interface VersionedValue {
  /** First version (Kafka version, or the library's own version for client libraries) with this value. `0` = always. */
  readonly since: string;
  readonly value: string;
  /** Why or how it changed (KIP, bug), in our words. */
  readonly note?: string;
}

/** What we know about one Kafka key: the hover text and the validation data. */
export interface KeyDoc {
  readonly key: string;
  /** Other spellings with the same meaning (librdkafka's `request.required.acks` for `acks`). */
  readonly aliases?: readonly string[];
  /** Which configurations accept the key. */
  readonly roles: readonly Role[];
  readonly type: ValueType;
  /** Closed set the Java ConfigDef accepts (case-insensitive where Kafka is); validation rejects anything else. Safest first: completion keeps this order. */
  readonly validValues?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** What the key does, one or two sentences in our own words. */
  readonly summary: string;
  /** The stage whose durability the key affects, if any. */
  readonly stage?: Stage;
  /** How a wrong value loses messages, in our own words. */
  readonly loss?: string;
  /** The value we recommend, and why, in a short phrase. */
  readonly safe?: string;
  /** Default history in Apache Kafka's own clients/broker (oldest first). */
  readonly defaults?: readonly VersionedValue[];
  /**
   * Values completion offers and hovers list, safest first, when they differ from `validValues`: common values
   * of an open set (`sasl.mechanism`), or the main spellings of a closed set that also accepts dialect ones.
   */
  readonly suggestedValues?: readonly string[];
  /** One short phrase per value, for completion and hovers. Keys are values from `validValues` or `suggestedValues`. */
  readonly valueDocs?: Readonly<Record<string, string>>;
  /** Apache Kafka version that introduced the key, when it matters (`delivery.timeout.ms`: 2.1). */
  readonly since?: string;
  /** Apache Kafka version that removed the key (`zookeeper.connect`: 4.0). */
  readonly removedIn?: string;
  /** Where the key lives when the role alone does not say it (librdkafka-only keys). */
  readonly origin?: 'librdkafka';
}
