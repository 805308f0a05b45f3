import type { CodeFix, ConfigEntry, ConfigGroup, Fix, LibraryId, RelatedLocation, Role, Stage } from '../model';
import { hasRole } from '../model';
import type { DefaultValue } from '../catalog/defaults';
import { idempotenceImpliesAcksAll, libraryDefault } from '../catalog/defaults';
import { findKey } from '../catalog/index';
import { EXACTLY_ONCE_GUARANTEES, STREAMS_PRODUCER_PREFIX, streamsProducerDefault } from '../catalog/streams';
import { SPRING_CLOUD_STREAM, SPRING_CLOUD_STREAM_DEFAULTS } from '../catalog/spring';
import type { LintOptions } from '../options';
import type { RuleContext } from './types';
import { t } from '../i18n/index';
import type { Locale } from '../i18n/index';

/**
 * Small helpers the rules share: reading values the way Kafka reads them, naming the stage and the
 * library in messages, and picking the default that applies to a group.
 */

/** The message prefix for a stage, e.g. `Producer stage` (`生产者阶段`). */
export function stageLabel(stage: Stage, locale: Locale = 'en'): string {
  return t(locale, `stage.${stage}`);
}

/** The stage a key's catalog entry names, or `config` when the catalog does not say. */
export function stageOfKey(key: string): Stage {
  return findKey(key)?.stage ?? 'config';
}

const LIBRARY_NAME: Readonly<Record<LibraryId, string>> = {
  java: 'Kafka',
  spring: 'Kafka',
  kafkajs: 'KafkaJS',
  'confluent-js': '@confluentinc/kafka-javascript',
  librdkafka: 'librdkafka',
  'kafka-python': 'kafka-python',
  aiokafka: 'aiokafka',
  sarama: 'Sarama',
  'franz-go': 'franz-go',
  'kafka-go': 'kafka-go',
  // Dialects run Kafka's own code: a default they set themselves names them through DefaultValue.dialect.
  connect: 'Kafka',
  strimzi: 'Kafka',
  'cp-kafka': 'Kafka',
  'bitnami-kafka': 'Kafka',
};

/** A library's display name; Java and Spring groups use Kafka's own defaults, so they say `Kafka`. */
export function libraryName(library: LibraryId): string {
  return LIBRARY_NAME[library];
}

/** Kafka reads values trimmed; booleans and enum words are compared case-insensitively here. */
export function normalizedValue(entry: ConfigEntry): string {
  return entry.value.trim().toLowerCase();
}

/** The integer an entry holds as Java's `Integer.parseInt` would read it (after trimming), or undefined. */
export function intValue(entry: ConfigEntry): number | undefined {
  const v = entry.value.trim();
  if (!/^[+-]?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A replacement field of a template another program fills in before Kafka reads the file: Python's
 * `str.format` (`broker.id={broker_id}`, the broker configs of kafka-python's test servers). No Kafka
 * value has the shape, a name in braces.
 */
const TEMPLATE_FIELD = /\{[A-Za-z_][A-Za-z0-9_]*\}/;

/**
 * A format specifier of a template that `String.format`, `printf` or Python's `%` fills in (`"tasks.max": "%d"`,
 * `"topics": "%s"`: the connector configurations of ClickHouse's Kafka connector tests). No value of a setting a
 * rule judges holds one.
 */
const FORMAT_SPECIFIER = /%(?:\d+\$)?[-+ 0#]*\d*[sd]/;

/** True when a key is a whole template field (`{sasl_config}` on a line of its own): a block filled in later. */
export function isTemplateField(text: string): boolean {
  return /^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(text);
}

/**
 * True when the value cannot be judged as a setting here: a placeholder resolved later (`${ENV:default}`, a
 * Kafka config provider, a template field such as `{broker_id}`, a Helm, Jinja or Mustache value
 * `{{ .Values.acks }}`, a format specifier such as `%d`), or a value Kafka refuses for its type
 * ({@link refusedClass}: the client never starts, which is config/invalid-value's finding, not a loss).
 */
export function unjudgeable(entry: ConfigEntry): boolean {
  return entry.value.includes('${') || entry.value.includes('{{') || TEMPLATE_FIELD.test(entry.value) || FORMAT_SPECIFIER.test(entry.value) || refusedClass(entry) !== undefined;
}

/**
 * The Java class of an entry's value when Kafka's ConfigDef refuses it for the key: a String setting (`acks`,
 * `auto.offset.reset`) given an Integer, Long, Short or Boolean fails with "Expected value to be a string, but
 * it was a java.lang.Integer" (ConfigDef.parseType). Undefined for a String, and for other types of setting.
 */
export function refusedClass(entry: ConfigEntry): string | undefined {
  if (entry.valueClass === undefined) return undefined;
  const type = findKey(entry.key)?.type;
  return type === 'string' || type === 'password' ? entry.valueClass : undefined;
}

/**
 * Per group, where each key occurs: the index of the last entry of each key, and for every entry the index
 * of the previous entry with the same key (-1 for none). Built once per group (and entries array): rules ask
 * for the effective entry of many keys, and a file may hold 50,000 entries. An open-addressing table of
 * entry indexes in typed arrays, so that indexing a large file allocates two arrays rather than a map entry
 * per key.
 */
export class KeyIndex {
  /** Slot → index of the last entry of the key that occupies the slot, or -1 for a free slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Entry index → index of the previous entry with the same key, or -1. */
  readonly previous: Int32Array;
  /** True when some key is set more than once. */
  readonly repeats: boolean;
  /** True when every entry's identity is its key (plain `.properties` files): the index then groups identities too. */
  readonly identityIsKey: boolean;

  constructor(readonly entries: readonly ConfigEntry[]) {
    let size = 16;
    while (size < entries.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.previous = new Int32Array(entries.length);
    let repeats = false;
    let identityIsKey = true;
    for (let i = 0; i < entries.length; i++) {
      const { key, identity } = entries[i];
      const slot = this.slotOf(key);
      const before = this.slots[slot];
      this.previous[i] = before;
      if (before >= 0) repeats = true;
      this.slots[slot] = i;
      if (identity !== key) identityIsKey = false;
    }
    this.repeats = repeats;
    this.identityIsKey = identityIsKey;
  }

  /** Index of the last entry for `key`, or -1. */
  last(key: string): number {
    return this.slots[this.slotOf(key)];
  }

  /** The slot that holds `key`, or the empty slot where it would go (linear probing from its hash). */
  private slotOf(key: string): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
    let slot = (h >>> 0) & this.mask;
    for (;;) {
      const at = this.slots[slot];
      if (at < 0 || this.entries[at].key === key) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

const KEY_INDEXES = new WeakMap<ConfigGroup, KeyIndex>();

/** The group's {@link KeyIndex}, shared by every rule that looks keys up in the group. */
export function keyIndex(group: ConfigGroup): KeyIndex {
  const { entries } = group;
  const cached = KEY_INDEXES.get(group);
  if (cached && cached.entries === entries && cached.previous.length === entries.length) return cached;
  const index = new KeyIndex(entries);
  KEY_INDEXES.set(group, index);
  return index;
}

/**
 * The entry that wins for `keys` in a group (last one, as Kafka reads it), ignoring entries written for
 * another role (Spring's `spring.kafka.consumer.*` does not configure the producer).
 */
export function effectiveEntry(group: ConfigGroup, keys: readonly string[], role?: Role | readonly Role[]): ConfigEntry | undefined {
  // Readers order a group's entries as the client applies them (Spring groups in Boot's merge order), so the
  // winner is simply the latest matching entry.
  const index = keyIndex(group);
  const { entries, previous } = index;
  let bestIndex = -1;
  for (const key of keys) {
    for (let i = index.last(key); i > bestIndex; i = previous[i]) {
      const e = entries[i];
      if (role && e.role && (typeof role === 'string' ? e.role !== role : !role.includes(e.role))) continue;
      bestIndex = i;
      break;
    }
  }
  return bestIndex < 0 ? undefined : entries[bestIndex];
}

/**
 * The settings of the internal topics a broker's group, transaction and share coordinators create: only a
 * broker reads them (it asks the controller for the topic with these factors), so on a KRaft controller-only
 * node they do nothing. Kafka's own `config/kraft/controller.properties` and apache/kafka's docker/examples
 * still write them there.
 */
const COORDINATOR_TOPIC_KEYS: ReadonlySet<string> = new Set([
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'share.coordinator.state.topic.replication.factor',
  'share.coordinator.state.topic.min.isr',
]);

/** True when `key` is a coordinator's internal-topic setting and the group is a KRaft controller-only node (`process.roles=controller`). */
export function unreadOnController(group: ConfigGroup, key: string): boolean {
  if (!COORDINATOR_TOPIC_KEYS.has(key)) return false;
  const roles = effectiveEntry(group, ['process.roles']);
  return roles !== undefined && !unjudgeable(roles) && roles.value.trim().toLowerCase() === 'controller';
}

/** Entries that can configure the producers of a Kafka Streams app: written for Streams, for a producer, or for any client. */
const STREAMS_PRODUCER_ROLES: readonly Role[] = ['streams', 'producer'];

/**
 * The entry that decides a producer setting of a group: {@link effectiveEntry} for a producer, and for a Kafka
 * Streams app's config the setting of the producers Streams creates from it, where a `producer.`-prefixed key
 * (`producer.acks`) wins over the unprefixed one (`acks`) wherever each is written (catalog/streams.ts).
 */
export function producerEntry(group: ConfigGroup, keys: readonly string[]): ConfigEntry | undefined {
  if (!hasRole(group, 'streams')) return effectiveEntry(group, keys, 'producer');
  return effectiveEntry(group, keys.map((k) => STREAMS_PRODUCER_PREFIX + k), STREAMS_PRODUCER_ROLES) ?? effectiveEntry(group, keys, STREAMS_PRODUCER_ROLES);
}

/**
 * The entry that would decide the setting if `entry` were removed: in a Kafka Streams config the unprefixed key
 * a `producer.`-prefixed one hides; undefined otherwise. A fix that removes `entry` must not uncover it.
 */
export function hiddenProducerEntry(group: ConfigGroup, entry: ConfigEntry, keys: readonly string[]): ConfigEntry | undefined {
  if (!hasRole(group, 'streams') || !entry.key.startsWith(STREAMS_PRODUCER_PREFIX)) return undefined;
  return effectiveEntry(group, keys, STREAMS_PRODUCER_ROLES);
}

/**
 * The exactly-once `processing.guarantee` a Kafka Streams config sets (`exactly_once_v2`, or `exactly_once` /
 * `exactly_once_beta` before 4.0), as written; undefined for at-least-once, a placeholder, or a group that is
 * not a Streams app's.
 */
export function streamsExactlyOnce(group: ConfigGroup): string | undefined {
  if (!hasRole(group, 'streams')) return undefined;
  const entry = effectiveEntry(group, ['processing.guarantee'], STREAMS_PRODUCER_ROLES);
  if (!entry || unjudgeable(entry)) return undefined;
  const value = entry.value.trim();
  return EXACTLY_ONCE_GUARANTEES.includes(value) ? value : undefined;
}

/**
 * The default of a producer `key` that applies to `group`: for a Kafka Streams app's config what Streams gives
 * its producers when Streams sets one (catalog/streams.ts), else the client's ({@link groupDefault}).
 */
export function producerDefault(key: string, group: ConfigGroup, options: LintOptions): { readonly value: string } | undefined {
  if (hasRole(group, 'streams')) {
    const own = streamsProducerDefault(key, kafkaVersionOf(group, options), streamsExactlyOnce(group) !== undefined);
    if (own) return own;
  }
  return groupDefault(key, group, options);
}

/**
 * {@link unsafeDefault} for a producer key: a Kafka Streams app's config is judged by what Streams gives its
 * producers when it sets the key itself (retries=10 before Kafka 2.1, acks=all under exactly-once), and by the
 * client's default otherwise.
 */
export function unsafeProducerDefault(
  key: string,
  group: ConfigGroup,
  options: LintOptions,
  isBad: (value: string) => boolean,
): ReturnType<typeof unsafeDefault> {
  if (hasRole(group, 'streams')) {
    const own = streamsProducerDefault(key, kafkaVersionOf(group, options), streamsExactlyOnce(group) !== undefined);
    if (own && !isBad(own.value.toLowerCase())) return undefined;
  }
  return unsafeDefault(key, group, options, isBad);
}

/**
 * True unless the options turn the rule off. Rules that stay silent where a more specific rule already
 * reports the same setting ask this, so that turning that rule off brings their own finding back.
 */
export function ruleEnabled(options: LintOptions, ruleId: string): boolean {
  return options.rules[ruleId] !== 'off';
}

/**
 * False when the file says the group's cluster has fewer than `replicas` brokers (`links.brokerCount`): a fix
 * raising a replication factor or minimum ISR to `replicas` would make topics impossible or stop writes.
 */
export function fitsCluster(group: ConfigGroup, replicas: number): boolean {
  const brokers = group.links?.brokerCount;
  return brokers === undefined || brokers >= replicas;
}

/**
 * Related locations at the Strimzi node pools whose brokers make up the group's cluster size when one of them
 * is in another file (`links.brokerPools`, strimzi/cluster-size.ts), for findings whose verdict depends on
 * `links.brokerCount`: the file that decides the count is named. Empty when the file decides it alone.
 */
export function brokerPoolsRelated(context: RuleContext, group: ConfigGroup): RelatedLocation[] {
  const cluster = group.links?.cluster ?? '';
  return (group.links?.brokerPools ?? []).map((pool) => {
    const message =
      pool.name !== undefined
        ? context.t('formats.strimzi.poolCounted', { name: pool.name, replicas: pool.replicas, cluster })
        : context.t('formats.strimzi.poolCountedUnnamed', { replicas: pool.replicas, cluster });
    return pool.file !== undefined ? { range: pool.at, message, file: pool.file } : { range: pool.at, message };
  });
}

/** The Kafka version a group runs: the one its file states, else the configured one. */
export function kafkaVersionOf(group: Pick<ConfigGroup, 'kafkaVersion'> | undefined, options: LintOptions): string {
  return group?.kafkaVersion ?? options.kafkaVersion;
}

/** The default of `key` that applies to `group` under its Kafka version (the file's, else the configured one). */
export function groupDefault(key: string, group: ConfigGroup, options: LintOptions): DefaultValue | undefined {
  if (group.springBinder && group.library === 'spring') {
    const own = binderDefault(key);
    if (own) return own;
  }
  return libraryDefault(key, group.library, kafkaVersionOf(group, options), group.libraryVersion);
}

/**
 * A default Spring Cloud Stream's Kafka binder sets itself (catalog/spring.ts), keyed on the binder's version,
 * which a file does not say: the newest value, with `versionDependent` so that messages name the older one.
 */
function binderDefault(key: string): DefaultValue | undefined {
  const history = SPRING_CLOUD_STREAM_DEFAULTS[key];
  if (!history || history.length === 0) return undefined;
  const pick = history[history.length - 1];
  return { value: pick.value, since: pick.since, history, byLibraryVersion: true, versionDependent: history.length > 1, owner: SPRING_CLOUD_STREAM };
}

/**
 * How a message names where a default comes from: `Kafka 2.8`, `Sarama`, `kafka-python 2.1.0`, or, when the
 * library version is unknown and matters, the versions the default holds for: `kafka-python 3.0.0 and later`.
 */
export function defaultSource(group: Pick<ConfigGroup, 'library' | 'libraryVersion' | 'kafkaVersion' | 'versionSource' | 'versionVia'>, options: LintOptions, def: DefaultValue): string {
  const name = def.owner ?? libraryName(group.library);
  const { locale } = options;
  if (def.dialect) return t(locale, 'formats.default.dialect', { name: def.dialect, version: kafkaVersionOf(group, options) });
  // A version a build file pins says which file: the user may expect the configured one.
  const pinned = group.library === 'java' || group.library === 'spring' ? 'kafka-clients' : name;
  const source = (version: string) => {
    if (!group.versionSource) return t(locale, 'default.source.version', { name, version });
    if (group.versionVia) return t(locale, 'default.source.spring', { name: pinned, version, via: group.versionVia, file: group.versionSource });
    return t(locale, 'default.source.file', { name: pinned, version, file: group.versionSource });
  };
  if (!def.byLibraryVersion) return source(kafkaVersionOf(group, options));
  if (group.libraryVersion) return source(group.libraryVersion);
  if (def.versionDependent) return t(locale, 'default.source.since', { name, since: def.since });
  return name;
}

/**
 * Decides whether an unset key's default is the unsafe `bad` value for this group. When the library version
 * is unknown and only some versions default to `bad`, the finding is still due, flagged as version-dependent.
 */
export function unsafeDefault(
  key: string,
  group: ConfigGroup,
  options: LintOptions,
  isBad: (value: string) => boolean,
): { readonly def: DefaultValue; readonly value: string; readonly dependsOnVersion: boolean } | undefined {
  const def = groupDefault(key, group, options);
  if (!def) return undefined;
  if (isBad(def.value.toLowerCase())) return { def, value: def.value, dependsOnVersion: false };
  if (def.versionDependent) {
    const older = def.history.find((h) => isBad(h.value.toLowerCase()));
    if (older) return { def, value: older.value, dependsOnVersion: true };
  }
  return undefined;
}

/**
 * Opening of a message about an unset key, in the options' locale: `acks is unset, and Kafka 2.8 defaults it
 * to 1`, or, when the library version is unknown, `acks is unset, and kafka-python before 3.0.0 defaults it to
 * 1 (the installed version is not known)`.
 */
export function defaultPhrase(key: string, group: ConfigGroup, options: LintOptions, found: { def: DefaultValue; value: string; dependsOnVersion: boolean }): string {
  const { locale } = options;
  const value = found.value;
  if (!found.dependsOnVersion) return t(locale, 'default.phrase', { source: defaultSource(group, options, found.def), key, value });
  const next = found.def.history.find((_h, i) => i > 0 && found.def.history[i - 1].value === found.value);
  const library = found.def.owner ?? libraryName(group.library);
  return next
    ? t(locale, 'default.phrase.before', { library, since: next.since, key, value })
    : t(locale, 'default.phrase.someVersions', { library, key, value });
}

/**
 * True when the group's producer may be idempotent and its library then takes acks=all for an unset acks
 * (aiokafka: `enable_idempotence=True`, or any `transactional_id`, which turns idempotence on). A value this
 * file cannot read counts as idempotent, so that an unset acks is not blamed on a default that may not apply.
 */
export function mayTakeIdempotentAcks(group: ConfigGroup): boolean {
  if (!idempotenceImpliesAcksAll(group.library)) return false;
  const idempotence = effectiveEntry(group, ['enable.idempotence'], 'producer');
  if (idempotence && (unjudgeable(idempotence) || normalizedValue(idempotence) === 'true')) return true;
  const id = effectiveEntry(group, ['transactional.id'], 'producer');
  return id !== undefined && id.value !== '${None}';
}

/** A scanner's fixes with their titles in the user's language. */
export function localizedFixes(context: RuleContext, fixes: readonly CodeFix[] | undefined): Fix[] | undefined {
  return fixes?.map((f) => ({ ...f, title: context.localize(f.title) }));
}
