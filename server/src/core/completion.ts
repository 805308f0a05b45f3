import type { DocumentKind, Range, Role } from './model';
import type { KeyDoc } from './catalog/types';
import { allKeys, findKey, findSpringProperty, kafkaKeyNames, nestedCatalogKey, NEWEST_KAFKA_VERSION, SPRING_PROPERTIES, SPRING_PROPERTY_MAPS } from './catalog/index';
import type { SpringProperty } from './catalog/index';
import { keyMarkdown } from './hover';
import type { ContainerImage } from './catalog/images';
import { imageOfReference, variableForKey } from './catalog/images';
import { interpolate } from './compose/interpolation';
import { nodeAt, parseYaml, scalarAt } from './yaml/source';
import { isStrimziManaged } from './catalog/strimzi';
import type * as JsoncLibrary from 'jsonc-parser';
import { DEFAULT_OPTIONS } from './options';
import { t } from './i18n/index';
import type { Locale } from './i18n/index';
import { localizedKeyDoc, localizedSpringSummary } from './catalog/localized';

/**
 * Completion of keys and values in Kafka `.properties` files and Spring Boot `application.properties` /
 * `application.yml`. Works on the raw text (the caret is usually in an unfinished line no reader would
 * accept), so it finds its own context: which key is being typed, or which key's value.
 */

/** One completion item; the LSP adapter turns it into a CompletionItem with a text edit over `range`. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'key' | 'value';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** The span the insert replaces. */
  readonly range: Range;
}

/**
 * The completions at `offset`: keys at the start of a logical line, values after `key=` / `key:` / `key `.
 * Values come safest first (acks: all, -1, 1, 0). In a docker-compose file, the variable names of a Kafka
 * service's image (`KAFKA_MIN_INSYNC_REPLICAS`, `KAFKA_CFG_…`) and their values; in a Strimzi resource, the keys
 * of `spec.kafka.config` (broker), a KafkaTopic's `spec.config` (topic) and the Connect resources' `spec.config`;
 * in a Connect JSON configuration, the client override keys. Empty inside comments,
 * continuation lines and any other kind of file; never throws.
 */
export function completeAt(text: string, offset: number, kind: DocumentKind, locale: Locale = 'en'): CompletionEntry[] {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return [];
  // Completion is synchronous: the language of this one call is set here and read by the item builders below.
  activeLocale = locale;
  try {
    if (kind === 'properties' || kind === 'spring-properties') return completeProperties(text, offset, kind === 'spring-properties');
    if (kind === 'spring-yaml') return completeYaml(text, offset);
    if (kind === 'compose') return completeCompose(text, offset);
    if (kind === 'strimzi') return completeStrimzi(text, offset);
    if (kind === 'connect-json') return completeConnectJson(text, offset);
  } catch {
    // Completion is a convenience: an unexpected input gives no items rather than an error in the editor.
  } finally {
    activeLocale = 'en';
  }
  return [];
}

/** The language of the completion being computed ({@link completeAt} sets it for the length of one call). */
let activeLocale: Locale = 'en';

/** Item lists built once per language. */
function perLocale<T>(cache: Map<Locale, T>, build: () => T): T {
  let found = cache.get(activeLocale);
  if (found === undefined) {
    found = build();
    cache.set(activeLocale, found);
  }
  return found;
}

type Context =
  | { readonly at: 'key'; readonly range: Range; readonly hasSeparator: boolean }
  | { readonly at: 'value'; readonly key: string; readonly range: Range; readonly prefix: string };

/** Start and end (before the line break) of the physical line holding `offset`, and where the next line starts. */
function lineAround(text: string, from: number): { start: number; end: number; next: number } {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  return { start: from, end, next };
}

/** True when a properties line ends in an odd number of backslashes, so the logical line continues. */
function continues(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** The caret's context in a `.properties` file, following Java's rules for comments, separators and continuations. */
function propertiesContext(text: string, offset: number): Context | undefined {
  let line = lineAround(text, 0);
  let continuation = false;
  while (offset > line.end) {
    const content = text.slice(line.start, line.end);
    const comment: boolean = !continuation && /^[ \t\f]*[#!]/.test(content);
    continuation = !comment && continues(content);
    if (line.next > text.length) return undefined;
    line = lineAround(text, line.next);
  }
  if (continuation) return undefined;
  let keyStart = line.start;
  while (keyStart < line.end && ' \t\f'.includes(text[keyStart])) keyStart++;
  if (text[keyStart] === '#' || text[keyStart] === '!') return undefined;
  let keyEnd = keyStart;
  while (keyEnd < line.end && !'=: \t\f'.includes(text[keyEnd])) keyEnd += text[keyEnd] === '\\' ? 2 : 1;
  keyEnd = Math.min(keyEnd, line.end);
  if (offset <= keyEnd) {
    if (offset < keyStart) return keyStart === keyEnd ? { at: 'key', range: { start: offset, end: offset }, hasSeparator: false } : undefined;
    return { at: 'key', range: { start: keyStart, end: keyEnd }, hasSeparator: text.slice(keyEnd, line.end).trim().length > 0 };
  }
  let valueStart = keyEnd;
  while (valueStart < line.end && ' \t\f'.includes(text[valueStart])) valueStart++;
  if (text[valueStart] === '=' || text[valueStart] === ':') valueStart++;
  while (valueStart < line.end && ' \t\f'.includes(text[valueStart])) valueStart++;
  if (offset < valueStart) return undefined;
  let valueEnd = line.end;
  while (valueEnd > valueStart && ' \t\f'.includes(text[valueEnd - 1])) valueEnd--;
  const key = text.slice(keyStart, keyEnd).replace(/\\(.)/g, '$1');
  return { at: 'value', key, range: { start: valueStart, end: Math.max(valueEnd, offset) }, prefix: '' };
}

/** Keys or values in a `.properties` file; Spring files get `spring.kafka.*` names and Spring value spellings. */
function completeProperties(text: string, offset: number, spring: boolean): CompletionEntry[] {
  const context = propertiesContext(text, offset);
  if (!context) return [];
  if (context.at === 'value') {
    const values = spring ? springValues(context.key) : kafkaValues(context.key);
    return values.map((v) => ({ ...v, insertText: context.prefix + v.insertText, range: context.range }));
  }
  const suffix = context.hasSeparator ? '' : '=';
  const keys = spring ? springKeyItems() : byRole(kafkaKeyItems(), dominantRole(text));
  return keys.map((k) => ({ ...k, insertText: k.label + suffix, range: context.range }));
}

/**
 * The role most keys already in a `.properties` file belong to (a producer file, a topic file), judged by
 * each key's first role; keys every client reads carry no signal. Undefined on a tie or with no signal.
 */
function dominantRole(text: string): Role | undefined {
  const counts = new Map<Role, number>();
  for (const m of text.matchAll(/^[ \t\f]*([^\s=:#!][^\s=:]*)/gm)) {
    const doc = findKey(m[1]);
    if (!doc || doc.roles.length >= 5) continue;
    counts.set(doc.roles[0], (counts.get(doc.roles[0]) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : undefined;
}

/**
 * Documented keys mainly for `role` first, then those `role` also accepts, then the other documented keys, then
 * undocumented names; catalog order within each.
 */
function byRole(items: readonly Item[], role: Role | undefined): readonly Item[] {
  if (!role) return items;
  const fits = (item: Item): number => {
    const doc = item.documentation ? findKey(item.label) : undefined;
    if (!doc) return 3;
    return doc.roles[0] === role ? 0 : doc.roles.includes(role) ? 1 : 2;
  };
  return items.map((item, i) => ({ item, i, rank: fits(item) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.item);
}

type Item = Omit<CompletionEntry, 'range'>;

/** A catalog key as a completion item (label `prefix + key`): type and default as detail, the hover text as docs. */
function keyItem(doc: KeyDoc, prefix = ''): Item {
  const newest = doc.defaults?.[doc.defaults.length - 1]?.value;
  return {
    label: prefix + doc.key,
    kind: 'key',
    detail: newest !== undefined ? t(activeLocale, 'completion.detail.default', { type: doc.type, value: newest === '' ? '""' : newest }) : doc.type,
    documentation: keyMarkdown(doc, undefined, undefined, { ...DEFAULT_OPTIONS, locale: activeLocale }),
    insertText: prefix + doc.key,
  };
}

const kafkaKeysCache = new Map<Locale, readonly Item[]>();

/** Keys a Java client or broker reads: librdkafka-only keys have no place in a Kafka `.properties` file. */
function javaKeys(role?: Role): readonly KeyDoc[] {
  return allKeys(role).filter((d) => d.origin !== 'librdkafka');
}

/** Documented catalog keys first, then the other names Kafka defines (no docs). */
function kafkaKeyItems(): readonly Item[] {
  return perLocale(kafkaKeysCache, () => {
    const documented = javaKeys().map((d) => keyItem(d));
    const seen = new Set(documented.map((d) => d.label));
    const detail = t(activeLocale, 'completion.detail.kafkaKey');
    const rest: Item[] = kafkaKeyNames()
      .filter((n) => !seen.has(n))
      .map((n) => ({ label: n, kind: 'key', detail, insertText: n }));
    return [...documented, ...rest];
  });
}

const springKeysCache = new Map<Locale, readonly Item[]>();

/** Typed `spring.kafka.*` properties, then `spring.kafka[.<scope>].properties.<kafka key>` for the scope's keys. */
function springKeyItems(): readonly Item[] {
  return perLocale(springKeysCache, () => {
    const typed: Item[] = SPRING_PROPERTIES.map((p) => springItem(p));
    const mapped: Item[] = SPRING_PROPERTY_MAPS.flatMap((m) => keysForScope(m.role).map((d) => keyItem(d, m.prefix)));
    return [...typed, ...mapped];
  });
}

/** Catalog keys a Spring scope passes through; the common scope gets the keys every client reads. */
function keysForScope(role: Role | undefined): readonly KeyDoc[] {
  if (role) return javaKeys(role);
  return javaKeys().filter((d) => d.roles.includes('producer') && d.roles.includes('consumer'));
}

/** A typed Spring property as an item, documented by the Kafka key it sets or by its own summary. */
function springItem(p: SpringProperty): Item {
  const doc = p.kafkaKey ? findKey(p.kafkaKey) : undefined;
  const intro = p.kafkaKey ? t(activeLocale, 'completion.spring.property', { key: `\`${p.kafkaKey}\`` }) : t(activeLocale, 'completion.spring.setting');
  const summary = localizedSpringSummary(p, activeLocale);
  const body = doc ? keyMarkdown(doc, undefined, undefined, { ...DEFAULT_OPTIONS, locale: activeLocale }) : summary;
  return {
    label: p.name,
    kind: 'key',
    detail: p.kafkaKey ? `→ ${p.kafkaKey}` : 'Spring Kafka',
    documentation: [intro, p.kafkaKey && summary ? summary : undefined, body].filter((s) => s).join('\n\n'),
    insertText: p.name,
  };
}

/** The values of a Kafka key (or of the key nested in `producer.override.acks`): valid values safest first, else the default. */
function kafkaValues(key: string): Item[] {
  const nested = nestedCatalogKey(key);
  const found = findKey(key) ?? (nested ? findKey(nested) : undefined);
  if (!found) return [];
  const doc = localizedKeyDoc(found, activeLocale);
  const newest = doc.defaults?.[doc.defaults.length - 1];
  const defaultHere = t(activeLocale, 'completion.value.default', { version: NEWEST_KAFKA_VERSION });
  const values = doc.suggestedValues ?? doc.validValues ?? (doc.type === 'boolean' ? ['true', 'false'] : undefined);
  if (!values) {
    return newest ? [{ label: newest.value, kind: 'value', detail: defaultHere, insertText: newest.value }] : [];
  }
  return values
    .filter((v) => v !== '')
    .map((v) => {
      const parts = [doc.valueDocs?.[v], newest?.value === v ? defaultHere : undefined].filter((s) => s);
      return { label: v, kind: 'value', detail: parts.length > 0 ? parts.join(' · ') : undefined, insertText: v };
    });
}

/** The values of a Spring property: its own enum spellings, else those of the Kafka key it sets. */
function springValues(name: string): Item[] {
  const p = findSpringProperty(name);
  if (!p) return [];
  if (p.values) {
    const found = p.kafkaKey ? findKey(p.kafkaKey) : undefined;
    const doc = found ? localizedKeyDoc(found, activeLocale) : undefined;
    return p.values.map((v) => ({ label: v, kind: 'value', detail: doc?.valueDocs?.[v.replace(/-/g, '_')], insertText: v }));
  }
  if (p.kafkaKey === 'enable.auto.commit') {
    // Spring's listener container, not Kafka, decides the default here.
    const found = findKey(p.kafkaKey);
    const doc = found ? localizedKeyDoc(found, activeLocale) : undefined;
    return ['false', 'true'].map((v) => ({
      label: v,
      kind: 'value' as const,
      detail: [doc?.valueDocs?.[v], v === 'false' ? t(activeLocale, 'completion.value.springUnset') : undefined].filter((s) => s).join(' · '),
      insertText: v,
    }));
  }
  return p.kafkaKey ? kafkaValues(p.kafkaKey) : [];
}

/** A YAML line split into indentation, key and what follows the colon. */
interface YamlLine {
  readonly indent: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly key: string;
  /** Offset just after the `:`, or -1 when the line has no `key:` yet. */
  readonly colon: number;
}

/** Reads one YAML line in a single pass; undefined for a comment line. */
function readYamlLine(text: string, start: number, end: number): YamlLine | undefined {
  let at = start;
  while (at < end && text[at] === ' ') at++;
  // A block sequence entry (`- key: value`) indents its mapping past the dash.
  while (at < end && text[at] === '-' && (text[at + 1] === ' ' || at + 1 === end)) {
    at++;
    while (at < end && text[at] === ' ') at++;
  }
  const indent = at - start;
  if (text[at] === '#') return undefined;
  // One linear scan for the `:` that ends the key (followed by a blank or the line end), skipping quoted keys.
  let i = at;
  const quote = text[at] === '"' || text[at] === "'" ? text[at] : undefined;
  if (quote) {
    const close = text.indexOf(quote, at + 1);
    i = close < 0 || close >= end ? end : close + 1;
  }
  let colon = -1;
  for (; i < end; i++) {
    const c = text[i];
    if (c === '#' && (i === at || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
    if (c === ':' && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      colon = i;
      break;
    }
  }
  if (colon >= 0) {
    let keyEnd = colon;
    while (keyEnd > at && (text[keyEnd - 1] === ' ' || text[keyEnd - 1] === '\t')) keyEnd--;
    const key = text.slice(at, keyEnd).replace(/^["']|["']$/g, '');
    return { indent, keyStart: at, keyEnd, key, colon: colon + 1 };
  }
  let wordEnd = at;
  while (wordEnd < end && !' \t:#'.includes(text[wordEnd])) wordEnd++;
  return { indent, keyStart: at, keyEnd: wordEnd, key: text.slice(at, wordEnd), colon: -1 };
}

/** The dotted path of the mappings that enclose a line indented by `indent`, read upward from `lineStart`. */
function yamlParents(text: string, lineStart: number, indent: number): string[] {
  const parents: string[] = [];
  let limit = indent;
  let end = lineStart;
  while (end > 0 && limit > 0) {
    end--;
    if (text[end] === '\n' && text[end - 1] === '\r') end--;
    let start = end;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const content = text.slice(start, end);
    if (/^(---|\.\.\.)\s*$/.test(content)) break;
    if (content.trim() !== '' && !content.trim().startsWith('#')) {
      const line = readYamlLine(text, start, end);
      if (line && line.colon >= 0 && line.indent < limit) {
        parents.unshift(line.key);
        limit = line.indent;
      }
    }
    end = start;
  }
  return parents;
}

/** Keys or values in a Spring `application.yml`: the enclosing mappings give the dotted Spring name. */
function completeYaml(text: string, offset: number): CompletionEntry[] {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const { end } = lineAround(text, start);
  const line = readYamlLine(text, start, end);
  if (!line) return [];
  const commentAt = text.slice(start, end).search(/\s#/);
  if (commentAt >= 0 && offset > start + commentAt) return [];
  const parents = yamlParents(text, start, line.indent);
  if (line.colon >= 0 && offset >= line.colon) {
    const path = [...parents, line.key].join('.');
    let valueStart = line.colon;
    while (valueStart < end && text[valueStart] === ' ') valueStart++;
    let valueEnd = commentAt >= 0 ? start + commentAt : end;
    while (valueEnd > valueStart && ' \t'.includes(text[valueEnd - 1])) valueEnd--;
    const prefix = valueStart === line.colon ? ' ' : '';
    if (offset < valueStart) return [];
    return springValues(path).map((v) => ({ ...v, insertText: prefix + v.insertText, range: { start: valueStart, end: Math.max(valueEnd, offset) } }));
  }
  if (offset < line.keyStart || offset > line.keyEnd) return [];
  const parent = parents.join('.');
  const range = { start: line.keyStart, end: line.keyEnd };
  const suffix = line.colon >= 0 ? '' : ': ';
  return yamlChildren(parent).map((c) => ({ ...c, insertText: c.label + suffix, range }));
}

/** The keys that can be written directly under the YAML mapping at dotted `parent`. */
function yamlChildren(parent: string): Item[] {
  const map = SPRING_PROPERTY_MAPS.find((m) => m.prefix === `${parent}.`);
  if (map) return keysForScope(map.role).map((d) => keyItem(d));
  const out = new Map<string, Item>();
  const names = [...SPRING_PROPERTIES.map((p) => p.name), ...SPRING_PROPERTY_MAPS.map((m) => m.prefix.slice(0, -1))];
  for (const name of names) {
    if (parent !== '' && !name.startsWith(`${parent}.`)) continue;
    const rest = parent === '' ? name : name.slice(parent.length + 1);
    const child = rest.split('.')[0];
    if (out.has(child)) continue;
    const leaf = child === rest ? SPRING_PROPERTIES.find((p) => p.name === name) : undefined;
    out.set(child, leaf ? { ...springItem(leaf), label: child, insertText: child } : { label: child, kind: 'key', detail: `${parent ? `${parent}.` : ''}${child}.*`, insertText: child });
  }
  return [...out.values()];
}

/** The image a compose service runs, read from the (possibly half-typed) text. */
function composeImage(text: string, service: string): ContainerImage | undefined {
  const { documents } = parseYaml(text);
  for (const doc of documents) {
    const services = nodeAt(doc.contents, 'services', doc, text);
    const reference = scalarAt(nodeAt(services, service, doc, text), 'image', doc, text);
    const found = reference ? imageOfReference(interpolate(reference).resolved) : undefined;
    if (found) return found.image;
  }
  return undefined;
}

const variableItemsCache = new Map<string, readonly (Item & { readonly key: string })[]>();

/** An image's variables for the keys its process reads, documented by the key each one sets. */
function variableItems(image: ContainerImage): readonly (Item & { readonly key: string })[] {
  let items = variableItemsCache.get(image.id);
  if (!items) {
    const keys: [KeyDoc, string][] =
      image.role === 'connect'
        ? [...javaKeys('producer').map((d): [KeyDoc, string] => [d, 'producer.']), ...javaKeys('consumer').map((d): [KeyDoc, string] => [d, 'consumer.']), ...javaKeys('connect').map((d): [KeyDoc, string] => [d, ''])]
        : javaKeys('broker').map((d): [KeyDoc, string] => [d, '']);
    const out: (Item & { key: string })[] = [];
    for (const [doc, prefix] of keys) {
      const name = variableForKey(image, prefix + doc.key);
      if (!name || out.some((i) => i.label === name)) continue;
      const base = keyItem(doc, prefix);
      out.push({ ...base, label: name, insertText: name, detail: `→ ${prefix}${doc.key}${base.detail ? ` · ${base.detail}` : ''}`, key: prefix + doc.key });
    }
    items = out;
    variableItemsCache.set(image.id, items);
  }
  return items;
}

/**
 * Variable names and values in a Kafka service's `environment:` of a docker-compose file, in map form
 * (`KAFKA_X: value`) and list form (`- KAFKA_X=value`), spelled by the service's image.
 */
function completeCompose(text: string, offset: number): CompletionEntry[] {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const { end } = lineAround(text, start);
  const line = readYamlLine(text, start, end);
  if (!line) return [];
  const commentAt = text.slice(start, end).search(/\s#/);
  if (commentAt >= 0 && offset > start + commentAt) return [];
  const parents = yamlParents(text, start, line.indent);
  if (parents.length !== 3 || parents[0] !== 'services' || parents[2] !== 'environment') return [];
  const image = composeImage(text, parents[1]);
  if (!image) return [];
  const list = /-[ \t]/.test(text.slice(start, line.keyStart));
  const contentEnd = commentAt >= 0 ? start + commentAt : end;
  const written = text.slice(line.keyStart, list ? contentEnd : line.keyEnd).trimEnd();
  const eq = list ? written.indexOf('=') : -1;
  const nameEnd = list ? line.keyStart + (eq >= 0 ? eq : written.length) : line.keyEnd;
  const valueStart = list ? (eq >= 0 ? line.keyStart + eq + 1 : -1) : line.colon;
  if (valueStart >= 0 && offset >= valueStart && (list || offset > line.keyEnd)) {
    const name = text.slice(line.keyStart, nameEnd);
    const key = variableItems(image).find((i) => i.label === name)?.key;
    if (!key) return [];
    let from = valueStart;
    while (!list && from < contentEnd && text[from] === ' ') from++;
    if (offset < from) return [];
    const prefix = !list && from === line.colon ? ' ' : '';
    let to = contentEnd;
    while (to > from && ' \t'.includes(text[to - 1])) to--;
    const nested = image.role === 'connect' ? key.replace(/^(producer|consumer)\./, '') : key;
    return kafkaValues(nested).map((v) => ({ ...v, insertText: prefix + v.insertText, range: { start: from, end: Math.max(to, offset) } }));
  }
  if (offset < line.keyStart || offset > nameEnd) return [];
  const range = { start: line.keyStart, end: nameEnd };
  const suffix = list ? (eq >= 0 ? '' : '=') : line.colon >= 0 ? '' : ': ';
  return variableItems(image).map(({ key: _key, ...item }) => ({ ...item, insertText: item.label + suffix, range }));
}

/** Catalog keys as items, each under a prefix (`producer.override.`), without the keys `skip` leaves out. */
function prefixedItems(sets: readonly (readonly [Role, string])[], skip: (key: string) => boolean = () => false): Item[] {
  const out: Item[] = [];
  const seen = new Set<string>();
  for (const [role, prefix] of sets) {
    for (const doc of javaKeys(role)) {
      const label = prefix + doc.key;
      if (seen.has(label) || skip(label)) continue;
      seen.add(label);
      out.push(keyItem(doc, prefix));
    }
  }
  return out;
}

/** The keys a Strimzi resource's `config` mapping takes, by the resource kind and where the mapping is. */
function strimziKeys(kind: string | undefined, parents: readonly string[]): Item[] | undefined {
  const path = parents.join('.');
  if (kind === 'Kafka' && path === 'spec.kafka.config') return prefixedItems([['broker', '']], isStrimziManaged);
  if (kind === 'KafkaTopic' && path === 'spec.config') return prefixedItems([['topic', '']]);
  if (kind === 'KafkaConnect' && path === 'spec.config') return prefixedItems([['connect', ''], ['producer', 'producer.'], ['consumer', 'consumer.']]);
  if (kind === 'KafkaConnector' && path === 'spec.config') return prefixedItems([['producer', 'producer.override.'], ['consumer', 'consumer.override.']]);
  return undefined;
}

/** The `kind:` of the YAML document (between `---` lines) holding `offset`. */
function yamlDocumentKind(text: string, offset: number): string | undefined {
  const starts = [...text.matchAll(/^---[ \t]*$/gm)].map((m) => m.index ?? 0);
  const from = starts.filter((i) => i <= offset).pop() ?? 0;
  const to = starts.find((i) => i > offset) ?? text.length;
  return /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text.slice(from, to))?.[1];
}

/** Keys and values in the config mappings of Strimzi resources. */
function completeStrimzi(text: string, offset: number): CompletionEntry[] {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const { end } = lineAround(text, start);
  const line = readYamlLine(text, start, end);
  if (!line) return [];
  const commentAt = text.slice(start, end).search(/\s#/);
  if (commentAt >= 0 && offset > start + commentAt) return [];
  const parents = yamlParents(text, start, line.indent);
  const keys = strimziKeys(yamlDocumentKind(text, offset), parents);
  if (!keys) return [];
  if (line.colon >= 0 && offset >= line.colon) {
    let valueStart = line.colon;
    while (valueStart < end && text[valueStart] === ' ') valueStart++;
    if (offset < valueStart) return [];
    let valueEnd = commentAt >= 0 ? start + commentAt : end;
    while (valueEnd > valueStart && ' \t'.includes(text[valueEnd - 1])) valueEnd--;
    const prefix = valueStart === line.colon ? ' ' : '';
    return kafkaValues(line.key).map((v) => ({ ...v, insertText: prefix + v.insertText, range: { start: valueStart, end: Math.max(valueEnd, offset) } }));
  }
  if (offset < line.keyStart || offset > line.keyEnd) return [];
  const suffix = line.colon >= 0 ? '' : ': ';
  return keys.map((k) => ({ ...k, insertText: k.label + suffix, range: { start: line.keyStart, end: line.keyEnd } }));
}

let jsoncForCompletion: typeof JsoncLibrary | undefined;

/** Override keys (and their values) in a Kafka Connect JSON connector configuration. */
function completeConnectJson(text: string, offset: number): CompletionEntry[] {
  const jsonc = (jsoncForCompletion ??= require('jsonc-parser') as typeof JsoncLibrary);
  const location = jsonc.getLocation(text, offset);
  const path = location.path;
  const inConfig = (path.length === 1 || (path.length === 2 && path[0] === 'config')) && /"connector\.class"|\.override\./.test(text);
  if (!inConfig) return [];
  const node = location.previousNode;
  const range = node && (node.type === 'string' || node.type === 'property') ? { start: node.offset, end: node.offset + node.length } : { start: offset, end: offset };
  if (location.isAtPropertyKey) {
    return prefixedItems([['producer', 'producer.override.'], ['consumer', 'consumer.override.']]).map((k) => ({ ...k, insertText: JSON.stringify(k.label), range }));
  }
  const key = path[path.length - 1];
  if (typeof key !== 'string' || node?.type !== 'string') return [];
  return kafkaValues(key).map((v) => ({ ...v, insertText: JSON.stringify(v.insertText), range }));
}
