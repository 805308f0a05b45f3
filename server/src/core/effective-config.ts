/**
 * What a file configures, as Kafka sees it: every key it sets (last wins) and the defaults of the unset
 * durability keys for its roles. Pure, so that `kafka-lint config`, the message-path report and the server
 * compute it the same way.
 */
import { findKey, libraryDefault } from './catalog/index';
import { SPRING_CLOUD_STREAM_DEFAULTS } from './catalog/spring';
import type { AnalyzedDocument, ConfigEntry, ConfigGroup, LibraryId, Role } from './model';
import { documentLineIndex } from './text';

/** One line of `kafka-lint config`: a key set in the file, or a default that applies because it is unset. */
export interface EffectiveEntry {
  readonly key: string;
  readonly value: string;
  readonly source: 'file' | 'default';
  /** 1-based line of the effective (last) occurrence; null for defaults. */
  readonly line: number | null;
}

/** The effective configuration of one file: the JSON contract of `kafka-lint config --format json`. */
export interface EffectiveConfig {
  readonly file: string;
  readonly roles: Role[];
  readonly entries: EffectiveEntry[];
}

/**
 * Where a default comes from, as data, so that each front end can say it in the user's language: Kafka's own
 * default at a version, a client library's (at its known version, or its newest when the default changed
 * between versions), or a Spring listener container. `idempotenceOff`: Kafka's default idempotence, dropped
 * because acks, retries or in-flight requests rule it out.
 */
export type DefaultOrigin =
  | { readonly kind: 'kafka'; readonly version: string; readonly idempotenceOff?: true }
  | { readonly kind: 'library'; readonly library: LibraryId; readonly version?: string; readonly variesByVersion?: true }
  | { readonly kind: 'spring-container' };

/** A file's effective configuration plus, for the text table, where each default comes from. */
export interface ExplainedConfig {
  readonly config: EffectiveConfig;
  /** Key → `default (Kafka 4.1)`, `default (kafkajs)`, … for the entries whose source is `default`. */
  readonly defaultLabels: ReadonlyMap<string, string>;
  /** Key → where the default comes from, for the entries whose source is `default`. */
  readonly defaultOrigins: ReadonlyMap<string, DefaultOrigin>;
}

/**
 * The durability keys whose defaults `config` shows when the file leaves them unset, by role.
 * Only keys that decide whether messages survive; the catalog supplies the values per version and library.
 */
export const DURABILITY_KEYS: Readonly<Partial<Record<Role, readonly string[]>>> = {
  producer: ['acks', 'retries', 'enable.idempotence', 'max.in.flight.requests.per.connection', 'delivery.timeout.ms', 'linger.ms'],
  consumer: ['enable.auto.commit', 'auto.commit.interval.ms', 'auto.offset.reset', 'isolation.level'],
  broker: [
    'min.insync.replicas',
    'default.replication.factor',
    'unclean.leader.election.enable',
    'offsets.topic.replication.factor',
    'transaction.state.log.replication.factor',
    'transaction.state.log.min.isr',
    'auto.create.topics.enable',
    'log.dir',
  ],
  topic: ['min.insync.replicas', 'unclean.leader.election.enable'],
};

const ROLE_ORDER: readonly Role[] = ['producer', 'consumer', 'broker', 'topic', 'admin', 'streams', 'connect'];

/**
 * Computes what a file configures: every key the reader found with the value Kafka would use (last wins),
 * whatever the file is, then, for Kafka configuration, the defaults of the unset durability keys for the
 * file's roles, taken from the catalog for the group's library at its own Kafka version (an image tag, the
 * `kafka-clients` version its project pins), else at `kafkaVersion`. A file that is not Kafka
 * configuration has no roles and no defaults, but still shows its keys.
 */
export function effectiveConfig(file: string, document: AnalyzedDocument, kafkaVersion: string): ExplainedConfig {
  const groups = document.groups;
  const roleSet = new Set<Role>(document.isKafka ? groups.flatMap((g) => g.roles) : []);
  const roles = ROLE_ORDER.filter((r) => roleSet.has(r));
  const index = documentLineIndex(document);

  // Last wins, shown where the key first appears so the table reads in file order.
  const all: ConfigEntry[] = groups.flatMap((g) => g.entries).sort((a, b) => a.keyRange.start - b.keyRange.start);
  const byKey = new Map<string, ConfigEntry>();
  for (const e of all) {
    if (byKey.has(e.key)) byKey.delete(e.key);
    byKey.set(e.key, e);
  }
  const firstSeen = new Map<string, number>();
  all.forEach((e, i) => {
    if (!firstSeen.has(e.key)) firstSeen.set(e.key, i);
  });
  const set = [...byKey.values()].sort((a, b) => (firstSeen.get(a.key) ?? 0) - (firstSeen.get(b.key) ?? 0));
  const entries: EffectiveEntry[] = set.map((e) => ({
    key: e.key,
    value: e.value,
    source: 'file',
    line: index.positionAt(e.keyRange.start).line + 1,
  }));

  // A key counts as set when it or one of its aliases is (librdkafka's request.required.acks sets acks).
  const setCanonical = new Set([...byKey.keys()].map((k) => findKey(k)?.key ?? k));
  const shown = new Set<string>();
  const defaultLabels = new Map<string, string>();
  const defaultOrigins = new Map<string, DefaultOrigin>();
  for (const role of roles) {
    const group = groups.find((g) => g.roles.includes(role));
    if (!group) continue;
    for (const key of DURABILITY_KEYS[role] ?? []) {
      if (setCanonical.has(key) || shown.has(key)) continue;
      if (key === 'log.dir' && setCanonical.has('log.dirs')) continue;
      const found = defaultValue(key, group, kafkaVersion, byKey);
      if (found === undefined) continue;
      shown.add(key);
      defaultLabels.set(key, defaultLabel(found.origin));
      defaultOrigins.set(key, found.origin);
      entries.push({ key, value: found.value, source: 'default', line: null });
    }
  }
  return { config: { file, roles, entries }, defaultLabels, defaultOrigins };
}

function defaultValue(key: string, group: ConfigGroup, configured: string, set: ReadonlyMap<string, ConfigEntry>): { value: string; origin: DefaultOrigin } | undefined {
  // The version the file or its project says (an image tag, a pinned kafka-clients), as lint takes it.
  const kafkaVersion = group.kafkaVersion ?? configured;
  // A Spring listener container commits itself and turns the client's auto-commit off unless it is set.
  if (key === 'enable.auto.commit' && group.springContainer) return { value: 'false', origin: { kind: 'spring-container' } };
  // Spring Cloud Stream's Kafka binder sets acks itself, by its own version (catalog/spring.ts): the newest value.
  const binder = group.springBinder ? SPRING_CLOUD_STREAM_DEFAULTS[key] : undefined;
  if (binder && binder.length > 0) return { value: binder[binder.length - 1].value, origin: { kind: 'library', library: group.library, variesByVersion: true } };
  const found = libraryDefault(key, group.library, kafkaVersion, group.libraryVersion);
  if (!found) return undefined;
  if (!found.byLibraryVersion) {
    // The Java client drops its default idempotence, without a word, when the settings it needs are not met.
    if (key === 'enable.idempotence' && found.value === 'true' && conflictsWithIdempotence(set)) {
      return { value: 'false', origin: { kind: 'kafka', version: kafkaVersion, idempotenceOff: true } };
    }
    return { value: found.value, origin: { kind: 'kafka', version: kafkaVersion } };
  }
  const origin: DefaultOrigin = group.libraryVersion
    ? { kind: 'library', library: group.library, version: group.libraryVersion }
    : found.versionDependent
      ? { kind: 'library', library: group.library, variesByVersion: true }
      : { kind: 'library', library: group.library };
  return { value: found.value, origin };
}

/** The English label of a default's origin, as `kafka-lint config` prints it: `default (Kafka 4.1)`. */
export function defaultLabel(origin: DefaultOrigin): string {
  switch (origin.kind) {
    case 'spring-container':
      return 'default (Spring listener container)';
    case 'kafka':
      return origin.idempotenceOff ? `default (Kafka ${origin.version}, off because of acks/retries/in-flight)` : `default (Kafka ${origin.version})`;
    case 'library':
      return origin.version
        ? `default (${origin.library} ${origin.version})`
        : origin.variesByVersion
          ? `default (${origin.library}, newest; varies by version)`
          : `default (${origin.library})`;
  }
}

/** True when acks, retries or in-flight requests rule idempotence out (Kafka then disables its default). */
function conflictsWithIdempotence(set: ReadonlyMap<string, ConfigEntry>): boolean {
  const acks = set.get('acks')?.value.trim().toLowerCase();
  const retries = set.get('retries')?.value.trim();
  const inFlight = Number(set.get('max.in.flight.requests.per.connection')?.value.trim());
  return (acks !== undefined && acks !== 'all' && acks !== '-1') || retries === '0' || inFlight > 5;
}
