import type { AnalyzedDocument, ConfigEntry, ConfigGroup, Finding, LibraryId, Range, Role, Stage } from './model';
import type { LintOptions } from './options';
import type { KeyDoc, VersionedValue } from './catalog/types';
import { compareVersions, findKey, findSpringProperty, libraryDefault, nestedCatalogKey } from './catalog/index';
import { dialectOf } from './catalog/defaults';
import { SPRING_CLOUD_STREAM, SPRING_CLOUD_STREAM_DEFAULTS } from './catalog/spring';
import { ruleDocUrl } from './rule-docs';
import { localizedKeyDoc, localizedNote, localizedSpringSummary } from './catalog/localized';
import { rangeContains } from './text';
import { localize, t } from './i18n/index';
import type { Locale } from './i18n/index';

/**
 * Hover text, computed in core so that the editor, the CLI's `explain` and the tests share it.
 *
 * On a key: what the key does, its type and values, the default for the target Kafka version (or the
 * client library's own default) and when it changed, and the stage of the message path it protects.
 * On a finding: how exactly the message is lost, the safe value, the rule page, and the message path
 * with the failing stage marked.
 */

/** Hover content: markdown plus the span it describes (the editor highlights it). */
export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

const STAGES: readonly { readonly stage: Stage; readonly label: 'hover.stage.producer' | 'hover.stage.broker' | 'hover.stage.consumer' }[] = [
  { stage: 'producer', label: 'hover.stage.producer' },
  { stage: 'broker', label: 'hover.stage.broker' },
  { stage: 'consumer', label: 'hover.stage.consumer' },
];

/** How each library is named in hover text (the Java client in the user's language: {@link libraryName}). */
const LIBRARY_NAMES: Readonly<Record<LibraryId, string>> = {
  java: 'the Java client',
  spring: 'Spring Boot',
  kafkajs: 'KafkaJS',
  'confluent-js': '@confluentinc/kafka-javascript',
  librdkafka: 'librdkafka',
  'kafka-python': 'kafka-python',
  aiokafka: 'aiokafka',
  sarama: 'Sarama',
  'franz-go': 'franz-go',
  'kafka-go': 'segmentio/kafka-go',
  connect: 'Kafka Connect',
  strimzi: 'Strimzi',
  'cp-kafka': 'confluentinc/cp-kafka',
  'bitnami-kafka': 'bitnami/kafka',
};

/**
 * The message path `Producer → Broker → Consumer` with `stage` in bold and, when `failing`, marked `✗`:
 * `**Producer** ✗ → Broker → Consumer`. Undefined for `config` (file hygiene is not a stage of the path).
 * Used by every hover and by the CLI so that the rendering stays the same everywhere.
 */
export function renderStagePath(stage: Stage, failing: boolean, locale: Locale = 'en'): string | undefined {
  if (!STAGES.some((s) => s.stage === stage)) return undefined;
  return STAGES.map((s) => {
    const label = t(locale, s.label);
    return s.stage === stage ? `**${label}**${failing ? ' ✗' : ''}` : label;
  }).join(' → ');
}

function libraryName(library: LibraryId, locale: Locale): string {
  return library === 'java' ? t(locale, 'hover.library.java') : LIBRARY_NAMES[library];
}

function roleNames(roles: readonly Role[], locale: Locale): string {
  return roles.map((r) => t(locale, `hover.role.${r}`)).join(t(locale, 'hover.list.separator'));
}

/** A default history as one line: `` `1` before 3.0 → `all` since 3.0 (why) ``. */
export function renderHistory(history: readonly VersionedValue[], locale: Locale = 'en'): string {
  return history
    .map((h, i) => {
      const next = history[i + 1];
      const value = code(h.value);
      const entry =
        h.since === '0'
          ? next
            ? t(locale, 'hover.history.before', { value, since: next.since })
            : t(locale, 'hover.history.first', { value })
          : t(locale, 'hover.history.since', { value, since: h.since });
      return h.note ? t(locale, 'hover.history.note', { entry, note: localizedNote(h.note, locale) }) : entry;
    })
    .join(' → ');
}

/**
 * The hover at `offset`: every finding whose range contains it, then the docs of the key under the caret
 * (on a value only when no finding is there). Undefined when there is nothing to say (unknown key without
 * findings, whitespace, comment), and anywhere in a file that is not Kafka configuration: `acks` in a
 * resource bundle is a label, not the producer setting. Never throws on any offset.
 */
export function hoverAt(document: AnalyzedDocument, findings: readonly Finding[], offset: number, options: LintOptions): HoverResult | undefined {
  if (!document.isKafka || !Number.isFinite(offset) || offset < 0 || offset > document.text.length) return undefined;
  const here = findings.filter((f) => rangeContains(f.range, offset));
  const located = entryAt(document, offset);
  const sections: string[] = [];
  for (const finding of here) {
    const target = entryOfFinding(document, finding);
    const markdown = findingMarkdown(finding, target ? docOf(target.entry.key) : keyNamedIn(finding.message), options.locale);
    // A value set in another file (a compose `${VAR}` from `.env`): where to change it, since no fix edits it here.
    const elsewhere = target?.entry.setElsewhere && target.entry.note ? localize(options.locale, target.entry.note) : undefined;
    sections.push(elsewhere ? `${markdown}\n\n${elsewhere}` : markdown);
  }
  let range: Range | undefined = here[0]?.range;
  // On a flagged value the finding already says what matters; the key docs come on the key, or on a clean value.
  if (located && (located.onKey || here.length === 0)) {
    const doc = docOf(located.entry.key);
    const text = doc ? keyMarkdown(doc, located.entry, located.group, options) : springOnlyMarkdown(located.entry, options.locale);
    if (text) {
      sections.push(text);
      range ??= located.onKey ? located.entry.keyRange : located.entry.valueRange;
    }
  }
  if (sections.length === 0 || !range) return undefined;
  return { markdown: sections.join('\n\n---\n\n'), range };
}

/**
 * The docs of one key, as a hover shows them. `entry` and `group` (when the key is written somewhere) pick the
 * library whose default applies and explain a different spelling; without them Kafka's own default is shown.
 */
export function keyMarkdown(catalogDoc: KeyDoc, entry: ConfigEntry | undefined, group: ConfigGroup | undefined, options: LintOptions): string {
  const { locale } = options;
  const doc = localizedKeyDoc(catalogDoc, locale);
  const paragraphs: string[] = [];
  const written = entry?.key ?? doc.key;
  paragraphs.push(`**${doc.key}** · ${roleNames(doc.roles, locale)}${doc.origin ? ` (${doc.origin})` : ''} · ${code(doc.type)}`);
  const spelled: string[] = [];
  const nested = nestedCatalogKey(written);
  if (nested) spelled.push(t(locale, 'hover.key.nested', { written: code(written), key: code(nested), scope: nestingScope(written, locale) }));
  else if (written !== doc.key) spelled.push(t(locale, 'hover.key.alias', { written: code(written), key: code(doc.key) }));
  if (entry && entry.rawKey !== entry.key) spelled.push(t(locale, 'hover.key.writtenAs', { raw: code(entry.rawKey), key: code(entry.key) }));
  if (entry?.note) spelled.push(localize(locale, entry.note));
  if (spelled.length > 0) paragraphs.push(spelled.join(' '));
  paragraphs.push(doc.summary);

  const facts: string[] = [];
  const meaning = entry ? doc.valueDocs?.[entry.value.trim()] : undefined;
  if (entry && meaning) facts.push(t(locale, 'hover.key.setHere', { value: code(entry.value.trim()), meaning }));
  const shown = doc.suggestedValues ?? doc.validValues;
  if (shown) {
    const values = shown
      .map((v) => (doc.valueDocs?.[v] ? t(locale, 'hover.key.valueWithDoc', { value: code(v), doc: doc.valueDocs[v] }) : code(v)))
      .join(t(locale, 'hover.list.separator'));
    facts.push(t(locale, doc.validValues ? 'hover.key.values' : 'hover.key.commonValues', { values }));
  }
  if (doc.min !== undefined && doc.max !== undefined) facts.push(t(locale, 'hover.key.range', { min: doc.min, max: doc.max }));
  else if (doc.min !== undefined) facts.push(t(locale, 'hover.key.rangeMin', { min: doc.min }));
  else if (doc.max !== undefined) facts.push(t(locale, 'hover.key.rangeMax', { max: doc.max }));
  if (doc.since) facts.push(t(locale, 'hover.key.since', { version: doc.since }));
  if (doc.removedIn) {
    const running = group?.kafkaVersion ?? options.kafkaVersion;
    const gone = compareVersions(running, doc.removedIn) >= 0;
    facts.push(gone ? t(locale, 'hover.key.removedGone', { version: doc.removedIn, running }) : t(locale, 'hover.key.removed', { version: doc.removedIn }));
  }
  if (facts.length > 0) paragraphs.push(facts.join('  \n'));

  const defaults = defaultLines(doc, written, group, options);
  if (defaults.length > 0) paragraphs.push(defaults.join('  \n'));

  const risk: string[] = [];
  const path = doc.stage ? renderStagePath(doc.stage, false, locale) : undefined;
  if (path) risk.push(t(locale, 'hover.key.protects', { path }));
  if (doc.loss) risk.push(t(locale, 'hover.key.risk', { text: doc.loss }));
  if (doc.safe) risk.push(t(locale, 'hover.key.safe', { text: doc.safe }));
  if (risk.length > 0) paragraphs.push(risk.join('  \n'));
  return paragraphs.join('\n\n');
}

/**
 * One finding as a hover shows it: the rule and severity, what happens to the message, the path with the
 * failing stage marked, the key's loss mechanism and safe value when the finding sits on a known key, and
 * the rule page.
 */
export function findingMarkdown(finding: Finding, catalogDoc: KeyDoc | undefined, locale: Locale = 'en'): string {
  const doc = catalogDoc ? localizedKeyDoc(catalogDoc, locale) : undefined;
  const paragraphs: string[] = [`**${finding.ruleId}** (${t(locale, `hover.severity.${finding.severity}`)})`, finding.message];
  const path = renderStagePath(finding.stage, true, locale);
  if (path) paragraphs.push(t(locale, 'hover.finding.path', { path }));
  const why: string[] = [];
  if (doc?.loss) why.push(t(locale, 'hover.finding.how', { text: doc.loss }));
  if (doc?.safe) why.push(t(locale, 'hover.finding.safe', { text: doc.safe }));
  if (why.length > 0) paragraphs.push(why.join('  \n'));
  paragraphs.push(`[${t(locale, 'hover.finding.doc', { id: finding.ruleId })}](${ruleDocUrl(finding.ruleId, locale)})`);
  return paragraphs.join('\n\n');
}

/** The catalog entry of a key, of one of its aliases, or of the key nested in it (`producer.override.acks`). */
function docOf(key: string): KeyDoc | undefined {
  const nested = nestedCatalogKey(key);
  return findKey(key) ?? (nested ? findKey(nested) : undefined);
}

/** Who a nested key configures, in words. */
function nestingScope(key: string, locale: Locale): string {
  if (key.startsWith('listener.name.')) return t(locale, 'hover.scope.listener', { name: code(key.split('.')[2]) });
  if (/^(producer|consumer|admin)\.override\./.test(key)) return t(locale, 'hover.scope.override', { client: key.split('.')[0] });
  if (key.startsWith('topic.')) return t(locale, 'hover.scope.streamsTopics');
  return t(locale, 'hover.scope.embedded', { name: key.slice(0, key.lastIndexOf(nestedCatalogKey(key) ?? '') - 1).replace(/\./g, ' ') });
}

/** Docs of a Spring-only setting (listener container, template), which sets no Kafka key. */
function springOnlyMarkdown(entry: ConfigEntry, locale: Locale): string | undefined {
  const property = findSpringProperty(entry.rawKey) ?? findSpringProperty(entry.key);
  if (!property?.summary || property.kafkaKey) return undefined;
  const paragraphs = [`**${property.name}** · Spring for Apache Kafka`, localizedSpringSummary(property, locale) ?? property.summary];
  if (property.values) paragraphs.push(t(locale, 'hover.key.values', { values: property.values.map(code).join(t(locale, 'hover.list.separator')) }));
  return paragraphs.join('\n\n');
}

/** The default lines of a key: the value for the target version or library, then its history. */
function defaultLines(doc: KeyDoc, written: string, group: ConfigGroup | undefined, options: LintOptions): string[] {
  const { locale } = options;
  const library: LibraryId = group?.library ?? 'java';
  // The file may say which Kafka runs this configuration (a Strimzi version, an image tag).
  const version = group?.kafkaVersion ?? options.kafkaVersion;
  if (library === 'spring' && group?.springContainer && doc.key === 'enable.auto.commit') {
    return [t(locale, 'hover.default.springContainer', { off: code('false'), on: code('true') })];
  }
  // Spring Cloud Stream's Kafka binder sets acks itself, by its own version (catalog/spring.ts).
  const binder = library === 'spring' && group?.springBinder ? SPRING_CLOUD_STREAM_DEFAULTS[doc.key] : undefined;
  if (binder && binder.length === 2) {
    return [t(locale, 'hover.default.springBinder', { name: SPRING_CLOUD_STREAM, old: code(binder[0].value), since: binder[1].since, new: code(binder[1].value) })];
  }
  const dialect = dialectOf(library);
  if (dialect) {
    // A dialect sets some keys itself; the others keep Kafka's own default, shown as for a Java client.
    const own = libraryDefault(doc.key, library, version);
    if (own?.dialect) {
      const kafka = doc.defaults ? pickAt(doc.defaults, version) : undefined;
      const line = t(options.locale, 'formats.hover.dialectDefault', { name: own.dialect, value: code(own.value) + readable(doc.key, own.value, locale) });
      return kafka && kafka.value !== own.value ? [line, t(options.locale, 'formats.hover.kafkaDefault', { version: version, value: code(kafka.value) })] : [line];
    }
  }
  if (library === 'java' || library === 'spring' || dialect) {
    const history = doc.defaults;
    if (!history || history.length === 0) return [];
    // A key newer than the target version has no default there, whatever its history says.
    const missing = doc.since !== undefined && compareVersions(version, doc.since) < 0;
    const pick = missing ? undefined : pickAt(history, version);
    const where = t(locale, library === 'spring' ? 'hover.default.whereSpring' : 'hover.default.whereKafka', { version });
    const added = missing ? doc.since : history[0].since;
    const lines = [
      pick
        ? t(locale, 'hover.default.value', { where, value: code(pick.value) + readable(doc.key, pick.value, locale) })
        : t(locale, 'hover.default.none', { where, since: added ?? '' }),
    ];
    if (history.length > 1) lines.push(t(locale, 'hover.history', { history: renderHistory(history, locale) }));
    return lines;
  }
  const name = libraryName(library, locale);
  const found = libraryDefault(written, library, version, group?.libraryVersion) ?? libraryDefault(doc.key, library, version, group?.libraryVersion);
  if (found) {
    if (found.versionDependent) {
      return [t(locale, 'hover.default.versionDependent', { name }), t(locale, 'hover.history', { history: renderHistory(found.history, locale) })];
    }
    const where = `${name}${group?.libraryVersion ? ` ${group.libraryVersion}` : ''}`;
    const lines = [t(locale, 'hover.default.value', { where, value: code(found.value) + readable(doc.key, found.value, locale) })];
    if (found.history.length > 1) lines.push(t(locale, 'hover.history', { history: renderHistory(found.history, locale) }));
    return lines;
  }
  const java = doc.defaults ? pickAt(doc.defaults, version) : undefined;
  return java ? [t(locale, 'hover.default.notRecorded', { name, value: code(java.value), version })] : [];
}

const LONG_MAX = '9223372036854775807';
const UNITS: readonly [number, 'day' | 'hour' | 'minute' | 'second'][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/**
 * A human reading of a large default, judged by the key's unit suffix: ` (7 days)` for 604800000 ms,
 * ` (1 MiB)` for 1048576 bytes, ` (Long.MAX_VALUE: no limit)`. Empty when the raw number reads fine.
 */
export function readable(key: string, value: string, locale: Locale = 'en'): string {
  const paren = (text: string): string => t(locale, 'hover.readable.paren', { text });
  if (value === LONG_MAX) return paren(t(locale, 'hover.readable.longMax', { name: 'Long.MAX_VALUE' }));
  if (value === '2147483647') return paren(t(locale, 'hover.readable.longMax', { name: 'Integer.MAX_VALUE' }));
  if (!/^\d+$/.test(value)) return '';
  const n = Number(value);
  const ms = /\.ms$/.test(key) ? n : /\.minutes$/.test(key) ? n * 60_000 : /\.hours$/.test(key) ? n * 3_600_000 : undefined;
  if (ms !== undefined) {
    if (ms < 1_000) return '';
    for (const [size, unit] of UNITS) {
      if (ms % size === 0 || (ms >= size && unit === 'second')) {
        const count = ms / size;
        if (count >= 1 && Number.isInteger(count)) return paren(count === 1 ? t(locale, `hover.unit.${unit}.one`) : t(locale, `hover.unit.${unit}.many`, { count }));
      }
    }
    return '';
  }
  if (/(bytes|\.size|memory)$/.test(key) && n >= 1024) {
    for (const [size, unit] of [[1 << 30, 'GiB'], [1 << 20, 'MiB'], [1 << 10, 'KiB']] as const) {
      if (n % size === 0) return paren(`${n / size} ${unit}`);
    }
  }
  return '';
}

/** The history entry in force at `version`, or undefined when the key did not exist yet. */
function pickAt(history: readonly VersionedValue[], version: string): VersionedValue | undefined {
  let pick: VersionedValue | undefined;
  for (const h of history) if (compareVersions(version, h.since) >= 0) pick = h;
  return pick;
}

/** The entry whose key or value is under `offset`; the key wins where they touch. */
function entryAt(document: AnalyzedDocument, offset: number): { entry: ConfigEntry; group: ConfigGroup; onKey: boolean } | undefined {
  for (const group of document.groups) {
    for (const entry of group.entries) if (rangeContains(entry.keyRange, offset)) return { entry, group, onKey: true };
  }
  for (const group of document.groups) {
    for (const entry of group.entries) if (rangeContains(entry.valueRange, offset)) return { entry, group, onKey: false };
  }
  return undefined;
}

/**
 * The entry a finding was reported on: its value, its key, or the span between (a whole-line finding).
 * A finding on a group's anchor is about a key that is *missing*, even when the anchor is the first key.
 */
function entryOfFinding(document: AnalyzedDocument, finding: Finding): { entry: ConfigEntry; group: ConfigGroup } | undefined {
  let fallback: { entry: ConfigEntry; group: ConfigGroup } | undefined;
  for (const group of document.groups) {
    const onAnchor = finding.range.start === group.anchor.start && finding.range.end === group.anchor.end;
    for (const entry of group.entries) {
      if (onAnchor) continue;
      if (within(finding.range, entry.valueRange)) return { entry, group };
      const start = Math.min(entry.keyRange.start, entry.valueRange.start);
      const end = Math.max(entry.keyRange.end, entry.valueRange.end);
      if (!fallback && within(finding.range, { start, end })) fallback = { entry, group };
    }
  }
  return fallback;
}

/**
 * For a finding not sitting on an entry (a missing key, a code fact): the first catalog key with a loss
 * mechanism that its message names, so that the hover can still say how the message is lost.
 */
function keyNamedIn(message: string): KeyDoc | undefined {
  for (const m of message.matchAll(/(?<![A-Za-z0-9_.-])[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*/g)) {
    const doc = findKey(m[0]);
    if (doc?.loss) return doc;
  }
  return undefined;
}

/** True when `inner` lies inside `outer`. */
function within(inner: Range, outer: Range): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Inline code that survives backticks in the value. */
function code(text: string): string {
  if (text === '') return '`""`';
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
