import type * as YamlLibrary from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Edit, ParseProblem } from '../model';
import { msg } from '../i18n/index';
import type { Message } from '../i18n/index';
import { eolOf } from '../text';
import { doubleQuoted, isPlainSafe, singleQuoted } from './scalars';

/**
 * What every YAML reader shares (Spring `application.yml`, docker-compose files, Strimzi resources): the
 * parser loaded on first use, the source text around nodes (line starts, the end of a pair's line), how a
 * scalar is re-written in its own quoting style, appending lines to a block mapping, and mappings as YAML 1.1
 * merge keys (`<<: *anchor`) make them.
 *
 * Offsets are those of the `yaml` package's nodes, which point into the text as given (a lone `\r` is parsed as
 * `\n`, same length).
 */

let yamlLibrary: typeof YamlLibrary | undefined;

/**
 * The yaml library, loaded with the first YAML file rather than with the server: a session that only opens
 * `.properties` files never runs its start-up.
 */
export function yaml(): typeof YamlLibrary {
  return (yamlLibrary ??= require('yaml') as typeof YamlLibrary);
}

export type AnyPair = Pair<unknown, unknown>;
export type AnyMap = YAMLMap<unknown, unknown>;

export const isAlias = (node: unknown): node is Alias => yaml().isAlias(node);
export const isMap = (node: unknown): node is AnyMap => yaml().isMap(node);
export const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node);
export const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node);

/** The documents of a YAML text (`---` separated), with the syntax errors as problems. */
export interface ParsedYaml {
  readonly documents: readonly Document[];
  readonly problems: readonly ParseProblem[];
}

/**
 * Parses every document of `text`. The yaml package does not take a lone `\r` as a line break (SnakeYAML and
 * Go's yaml do): a copy with `\n` in its place is parsed, so every offset still points into `text`. Duplicate
 * keys are kept (a rule reports them), errors become problems.
 */
export function parseYaml(text: string): ParsedYaml {
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const docs = yaml().parseAllDocuments(source, { uniqueKeys: false, prettyErrors: false });
  const documents: Document[] = Array.isArray(docs) ? docs : [];
  const problems: ParseProblem[] = [];
  for (const doc of documents) {
    for (const e of doc.errors) {
      const start = Math.max(0, Math.min(e.pos[0], text.length));
      const end = Math.max(start, Math.min(e.pos[1], text.length));
      problems.push({ range: { start, end }, message: msg('parse.yaml', { detail: e.message.split('\n')[0] }) });
    }
  }
  return { documents, problems };
}

/** A key as written: plain keys from their source (YAML 1.2 would read `on:` as a string anyway, `1:` as a number). */
export function keyText(key: unknown, text: string): string | undefined {
  if (!isScalar(key)) return undefined;
  if (key.type === 'PLAIN' && key.range) return text.slice(key.range[0], key.range[1]);
  return key.value === null || key.value === undefined ? '' : String(key.value);
}

/** The value of a key in a block or flow mapping, as a string when it is a scalar (aliases resolved). */
export function scalarAt(map: unknown, key: string, doc: Document, text: string): string | undefined {
  if (!isMap(map)) return undefined;
  for (const { pair } of effectivePairs(map, doc, text)) {
    if (keyText(pair.key, text) !== key) continue;
    let value = pair.value;
    if (isAlias(value)) value = value.resolve(doc);
    return isScalar(value) && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
  }
  return undefined;
}

/** The node at `key` of a mapping (merge keys applied, aliases resolved), or undefined. */
export function nodeAt(map: unknown, key: string, doc: Document, text: string): unknown {
  if (!isMap(map)) return undefined;
  for (const { pair } of effectivePairs(map, doc, text)) {
    if (keyText(pair.key, text) !== key) continue;
    return isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
  }
  return undefined;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}

/**
 * The offset just after the line holding `offset - 1` (after its line break), when only blanks or a comment
 * follow `offset` on that line; undefined when other content follows.
 */
export function afterLine(text: string, offset: number): number | undefined {
  if (offset > 0 && (text[offset - 1] === '\n' || text[offset - 1] === '\r')) return offset;
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (!/^[ \t]*(#.*)?$/.test(text.slice(offset, i))) return undefined;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

/** End offset of a pair's content (value, or key when the value is empty), trailing comment included. */
export function pairEnd(pair: AnyPair): number | undefined {
  const v = pair.value as Node | null;
  const k = pair.key as Node | null;
  return v?.range?.[2] ?? k?.range?.[2];
}

/**
 * Source text that sets a scalar to `value`, in the scalar's own quoting style; undefined for block scalars,
 * multi-line plain scalars and anchored/tagged nodes. `emptyAt` is where an empty value sits (just after the
 * key's colon), so that `acks:` becomes `acks: all`.
 */
export function renderScalar(node: Scalar | null, value: string, text: string, inFlow: boolean, emptyAt: number): string | undefined {
  if (node && (node.anchor || node.tag)) return undefined;
  const type = node?.type;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') return undefined;
  if (type === 'PLAIN' && node?.range && /[\r\n]/.test(text.slice(node.range[0], node.range[1]))) return undefined;
  let out: string | undefined;
  if (type === 'QUOTE_DOUBLE') out = doubleQuoted(value);
  else if (type === 'QUOTE_SINGLE') out = singleQuoted(value) ?? doubleQuoted(value);
  else out = isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
  // An empty value (`acks:`) sits right after the colon: keep YAML's `key: value` spacing.
  const empty = !node || !node.range || node.range[0] === node.range[1];
  if (empty && text[emptyAt - 1] === ':') out = ` ${out}`;
  return out;
}

/** Indentation (spaces) of a block map's keys, or undefined when it is not plain spaces. */
export function indentOf(map: AnyMap, text: string): string | undefined {
  const first = map.items[0]?.key as Node | undefined;
  const at = first?.range?.[0];
  if (at === undefined) return undefined;
  const ws = text.slice(lineStart(text, at), at);
  return /^ *$/.test(ws) ? ws : undefined;
}

/** An edit adding `lines` (already indented, without line breaks) after the line that ends at `end`. */
export function appendAfter(end: number | undefined, lines: readonly string[], text: string): Edit | undefined {
  if (end === undefined) return undefined;
  const at = afterLine(text, end);
  if (at === undefined) return undefined;
  const eol = eolOf(text);
  const atEnd = at === text.length && text.length > 0 && text[text.length - 1] !== '\n' && text[text.length - 1] !== '\r';
  return { range: { start: at, end: at }, newText: `${atEnd ? eol : ''}${lines.join(eol)}${eol}` };
}

/** An edit adding `lines` (already indented, without line breaks) after the last item of a block map. */
export function appendToMap(map: AnyMap, lines: readonly string[], text: string): Edit | undefined {
  const last = map.items[map.items.length - 1];
  return appendAfter(last ? pairEnd(last) : undefined, lines, text);
}

/** One pair of a mapping as the mapping means it once merge keys are applied. */
export interface EffectivePair {
  readonly pair: AnyPair;
  /** The mapping that holds the pair in the source (the anchored one, for a merged pair). */
  readonly map: AnyMap;
  /** True when the pair comes from a mapping merged in with `<<`. */
  readonly merged: boolean;
  /**
   * The anchor whose mapping holds the pair, when another place in the text refers to it: editing the pair's
   * value changes every alias of that anchor as well.
   */
  readonly anchor?: string;
}

/** True for the YAML 1.1 merge key: a plain `<<` (a quoted `"<<"` is an ordinary key). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.value === '<<';
}

/** True when the text refers to `anchor` somewhere (`*anchor`). */
function isReferenced(anchor: string, text: string): boolean {
  const re = new RegExp(`\\*${anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![^\\s,\\]\\}])`);
  return re.test(text);
}

/**
 * The pairs of `map` with YAML 1.1 merge keys applied (`<<: *base`, `<<: [*a, *b]`, `<<: {inline: map}`), as
 * SnakeYAML and Go's yaml build them: keys written in the mapping itself win over merged ones, and of several
 * merged mappings the earlier one wins. Merged mappings may merge others in turn; a cycle is followed once.
 * The merge pairs themselves are left out. Merged pairs come first, then the mapping's own pairs in order.
 */
export function effectivePairs(map: AnyMap, doc: Document, text: string, seen: Set<AnyMap> = new Set()): EffectivePair[] {
  seen.add(map);
  const ownAnchor = map.anchor && isReferenced(map.anchor, text) ? map.anchor : undefined;
  const own: EffectivePair[] = [];
  const sources: { map: AnyMap; anchor?: string }[] = [];
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      own.push({ pair, map, merged: false, anchor: ownAnchor });
      continue;
    }
    const values = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const v of values) {
      const target = isAlias(v) ? v.resolve(doc) : v;
      if (isMap(target) && !seen.has(target)) sources.push({ map: target, anchor: isAlias(v) ? v.source : undefined });
    }
  }
  if (sources.length === 0) return own;
  const taken = new Set<string>();
  for (const p of own) {
    const k = keyText(p.pair.key, text);
    if (k !== undefined) taken.add(k);
  }
  const merged: EffectivePair[] = [];
  for (const source of sources) {
    for (const p of effectivePairs(source.map, doc, text, new Set(seen))) {
      const k = keyText(p.pair.key, text);
      if (k === undefined || taken.has(k)) continue;
      taken.add(k);
      merged.push({ ...p, merged: true, anchor: p.anchor ?? (p.map === source.map ? source.anchor : undefined) });
    }
  }
  return [...merged, ...own];
}

/** The mapping a value node stands for: the node itself, or the mapping an alias refers to (with its anchor). */
export function mappingOf(node: unknown, doc: Document): { readonly map: AnyMap; readonly anchor?: string } | undefined {
  if (isMap(node)) return { map: node };
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (isMap(target)) return { map: target, anchor: node.source };
  }
  return undefined;
}

/** How a fix title says that an edit changes a shared anchor. */
export function anchorScope(anchor: string): Message {
  return msg('formats.yaml.anchorScope', { anchor });
}
