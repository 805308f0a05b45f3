import type { AnalyzedDocument, ConfigEntry, ConfigGroup, Finding, LibraryId, Range, Stage } from './model';
import type { LintOptions } from './options';
import type { KeyDoc, VersionedValue } from './catalog/types';
import { compareVersions, findKey, findSpringProperty, libraryDefault, nestedCatalogKey } from './catalog/index';
import { dialectOf } from './catalog/defaults';
import { ruleDocUrl } from './rule-docs';
import { rangeContains } from './text';
import { localize, t } from './i18n/index';

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

const STAGES: readonly { readonly stage: Stage; readonly label: string }[] = [
  { stage: 'producer', label: 'Producer' },
  { stage: 'broker', label: 'Broker' },
  { stage: 'consumer', label: 'Consumer' },
];

/** How each library is named in hover text. */
const LIBRARY_NAMES: Readonly<Record<LibraryId, string>> = {
  java: 'the Java client',
  spring: 'Spring Boot',
  kafkajs: 'KafkaJS',
  'confluent-js': '@confluentinc/kafka-javascript',
  librdkafka: 'librdkafka',
  'kafka-python': 'kafka-python',
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
export function renderStagePath(stage: Stage, failing: boolean): string | undefined {
  if (!STAGES.some((s) => s.stage === stage)) return undefined;
  return STAGES.map((s) => (s.stage === stage ? `**${s.label}**${failing ? ' ✗' : ''}` : s.label)).join(' → ');
}

/** A default history as one line: `` `1` before 3.0 → `all` since 3.0 (why) ``. */
export function renderHistory(history: readonly VersionedValue[]): string {
  return history
    .map((h, i) => {
      const next = history[i + 1];
      const when = h.since === '0' ? (next ? ` before ${next.since}` : '') : ` since ${h.since}`;
      return `${code(h.value)}${when}${h.note ? ` (${h.note})` : ''}`;
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
    sections.push(findingMarkdown(finding, target ? docOf(target.entry.key) : keyNamedIn(finding.message)));
  }
  let range: Range | undefined = here[0]?.range;
  // On a flagged value the finding already says what matters; the key docs come on the key, or on a clean value.
  if (located && (located.onKey || here.length === 0)) {
    const doc = docOf(located.entry.key);
    const text = doc ? keyMarkdown(doc, located.entry, located.group, options) : springOnlyMarkdown(located.entry);
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
export function keyMarkdown(doc: KeyDoc, entry: ConfigEntry | undefined, group: ConfigGroup | undefined, options: LintOptions): string {
  const paragraphs: string[] = [];
  const written = entry?.key ?? doc.key;
  const roles = doc.roles.join(', ');
  paragraphs.push(`**${doc.key}** · ${roles}${doc.origin ? ` (${doc.origin})` : ''} · ${code(doc.type)}`);
  const spelled: string[] = [];
  const nested = nestedCatalogKey(written);
  if (nested) spelled.push(`${code(written)} sets ${code(nested)} for ${nestingScope(written)}.`);
  else if (written !== doc.key) spelled.push(`${code(written)} is another name for ${code(doc.key)}.`);
  if (entry && entry.rawKey !== entry.key) spelled.push(`Written here as ${code(entry.rawKey)}; Kafka reads it as ${code(entry.key)}.`);
  if (entry?.note) spelled.push(localize(options.locale, entry.note));
  if (spelled.length > 0) paragraphs.push(spelled.join(' '));
  paragraphs.push(doc.summary);

  const facts: string[] = [];
  const meaning = entry ? doc.valueDocs?.[entry.value.trim()] : undefined;
  if (entry && meaning) facts.push(`Set here to ${code(entry.value.trim())}: ${meaning}.`);
  const shown = doc.suggestedValues ?? doc.validValues;
  if (shown) {
    const label = doc.validValues ? 'Values' : 'Common values';
    facts.push(`${label}: ${shown.map((v) => (doc.valueDocs?.[v] ? `${code(v)} (${doc.valueDocs[v]})` : code(v))).join(', ')}`);
  }
  if (doc.min !== undefined && doc.max !== undefined) facts.push(`Range: ${doc.min} to ${doc.max}`);
  else if (doc.min !== undefined) facts.push(`Range: at least ${doc.min}`);
  else if (doc.max !== undefined) facts.push(`Range: at most ${doc.max}`);
  if (doc.since) facts.push(`Since Kafka ${doc.since}.`);
  if (doc.removedIn) {
    const running = group?.kafkaVersion ?? options.kafkaVersion;
    const gone = compareVersions(running, doc.removedIn) >= 0;
    facts.push(gone ? `**Removed in Kafka ${doc.removedIn}**: Kafka ${running} no longer reads it.` : `Removed in Kafka ${doc.removedIn}.`);
  }
  if (facts.length > 0) paragraphs.push(facts.join('  \n'));

  const defaults = defaultLines(doc, written, group, options);
  if (defaults.length > 0) paragraphs.push(defaults.join('  \n'));

  const risk: string[] = [];
  const path = doc.stage ? renderStagePath(doc.stage, false) : undefined;
  if (path) risk.push(`Protects: ${path}`);
  if (doc.loss) risk.push(`Risk: ${doc.loss}`);
  if (doc.safe) risk.push(`Safe: ${doc.safe}`);
  if (risk.length > 0) paragraphs.push(risk.join('  \n'));
  return paragraphs.join('\n\n');
}

/**
 * One finding as a hover shows it: the rule and severity, what happens to the message, the path with the
 * failing stage marked, the key's loss mechanism and safe value when the finding sits on a known key, and
 * the rule page.
 */
export function findingMarkdown(finding: Finding, doc: KeyDoc | undefined): string {
  const paragraphs: string[] = [`**${finding.ruleId}** (${finding.severity})`, finding.message];
  const path = renderStagePath(finding.stage, true);
  if (path) paragraphs.push(`Path: ${path}`);
  const why: string[] = [];
  if (doc?.loss) why.push(`How it is lost: ${doc.loss}`);
  if (doc?.safe) why.push(`Safe value: ${doc.safe}`);
  if (why.length > 0) paragraphs.push(why.join('  \n'));
  paragraphs.push(`[Rule documentation: ${finding.ruleId}](${ruleDocUrl(finding.ruleId)})`);
  return paragraphs.join('\n\n');
}

/** The catalog entry of a key, of one of its aliases, or of the key nested in it (`producer.override.acks`). */
function docOf(key: string): KeyDoc | undefined {
  const nested = nestedCatalogKey(key);
  return findKey(key) ?? (nested ? findKey(nested) : undefined);
}

/** Who a nested key configures, in words. */
function nestingScope(key: string): string {
  if (key.startsWith('listener.name.')) return `the listener ${code(key.split('.')[2])} only`;
  if (/^(producer|consumer|admin)\.override\./.test(key)) return `this connector's ${key.split('.')[0]} only`;
  if (key.startsWith('topic.')) return 'the internal topics Kafka Streams creates';
  return `the embedded ${key.slice(0, key.lastIndexOf(nestedCatalogKey(key) ?? '') - 1).replace(/\./g, ' ')} client`;
}

/** Docs of a Spring-only setting (listener container, template), which sets no Kafka key. */
function springOnlyMarkdown(entry: ConfigEntry): string | undefined {
  const property = findSpringProperty(entry.rawKey) ?? findSpringProperty(entry.key);
  if (!property?.summary || property.kafkaKey) return undefined;
  const paragraphs = [`**${property.name}** · Spring for Apache Kafka`, property.summary];
  if (property.values) paragraphs.push(`Values: ${property.values.map(code).join(', ')}`);
  return paragraphs.join('\n\n');
}

/** The default lines of a key: the value for the target version or library, then its history. */
function defaultLines(doc: KeyDoc, written: string, group: ConfigGroup | undefined, options: LintOptions): string[] {
  const library: LibraryId = group?.library ?? 'java';
  // The file may say which Kafka runs this configuration (a Strimzi version, an image tag).
  const version = group?.kafkaVersion ?? options.kafkaVersion;
  if (library === 'spring' && group?.springContainer && doc.key === 'enable.auto.commit') {
    return [
      `**Default** (Spring listener container): ${code('false')}: the container turns auto-commit off unless it is set; a consumer created outside a container keeps Kafka's ${code('true')}.`,
    ];
  }
  const dialect = dialectOf(library);
  if (dialect) {
    // A dialect sets some keys itself; the others keep Kafka's own default, shown as for a Java client.
    const own = libraryDefault(doc.key, library, version);
    if (own?.dialect) {
      const kafka = doc.defaults ? pickAt(doc.defaults, version) : undefined;
      const line = t(options.locale, 'formats.hover.dialectDefault', { name: own.dialect, value: code(own.value) + readable(doc.key, own.value) });
      return kafka && kafka.value !== own.value ? [line, t(options.locale, 'formats.hover.kafkaDefault', { version: version, value: code(kafka.value) })] : [line];
    }
  }
  if (library === 'java' || library === 'spring' || dialect) {
    const history = doc.defaults;
    if (!history || history.length === 0) return [];
    // A key newer than the target version has no default there, whatever its history says.
    const missing = doc.since !== undefined && compareVersions(version, doc.since) < 0;
    const pick = missing ? undefined : pickAt(history, version);
    const where = library === 'spring' ? `Kafka ${version}; Spring Boot passes it through` : `Kafka ${version}`;
    const added = missing ? doc.since : history[0].since;
    const lines = [pick ? `**Default** (${where}): ${code(pick.value)}${readable(doc.key, pick.value)}` : `**Default** (${where}): none, the key was added in Kafka ${added}`];
    if (history.length > 1) lines.push(`History: ${renderHistory(history)}`);
    return lines;
  }
  const name = LIBRARY_NAMES[library];
  const found = libraryDefault(written, library, version, group?.libraryVersion) ?? libraryDefault(doc.key, library, version, group?.libraryVersion);
  if (found) {
    if (found.versionDependent) return [`**Default** (${name}): depends on the installed version`, `History: ${renderHistory(found.history)}`];
    const lines = [`**Default** (${name}${group?.libraryVersion ? ` ${group.libraryVersion}` : ''}): ${code(found.value)}${readable(doc.key, found.value)}`];
    if (found.history.length > 1) lines.push(`History: ${renderHistory(found.history)}`);
    return lines;
  }
  const java = doc.defaults ? pickAt(doc.defaults, version) : undefined;
  return java ? [`**Default** (${name}): not recorded; the Java client uses ${code(java.value)} (Kafka ${version})`] : [];
}

const LONG_MAX = '9223372036854775807';
const UNITS: readonly [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/**
 * A human reading of a large default, judged by the key's unit suffix: ` (7 days)` for 604800000 ms,
 * ` (1 MiB)` for 1048576 bytes, ` (Long.MAX_VALUE: no limit)`. Empty when the raw number reads fine.
 */
export function readable(key: string, value: string): string {
  if (value === LONG_MAX) return ' (Long.MAX_VALUE: no limit)';
  if (value === '2147483647') return ' (Integer.MAX_VALUE: no limit)';
  if (!/^\d+$/.test(value)) return '';
  const n = Number(value);
  const ms = /\.ms$/.test(key) ? n : /\.minutes$/.test(key) ? n * 60_000 : /\.hours$/.test(key) ? n * 3_600_000 : undefined;
  if (ms !== undefined) {
    if (ms < 1_000) return '';
    for (const [size, unit] of UNITS) {
      if (ms % size === 0 || (ms >= size && unit === 'second')) {
        const count = ms / size;
        if (count >= 1 && Number.isInteger(count)) return ` (${count} ${unit}${count === 1 ? '' : 's'})`;
      }
    }
    return '';
  }
  if (/(bytes|\.size|memory)$/.test(key) && n >= 1024) {
    for (const [size, unit] of [[1 << 30, 'GiB'], [1 << 20, 'MiB'], [1 << 10, 'KiB']] as const) {
      if (n % size === 0) return ` (${n / size} ${unit})`;
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
