import type { Document, Node, Scalar } from 'yaml';
import type { Edit, Range } from '../model';
import { msg } from '../i18n/index';
import type { Message } from '../i18n/index';
import { doubleQuoted, isPlainSafe, singleQuoted } from '../yaml/scalars';
import type { AnyMap } from '../yaml/source';
import { afterLine, anchorScope, appendAfter, effectivePairs, indentOf, isScalar, isSeq, keyText, lineStart, mappingOf, pairEnd, renderScalar } from '../yaml/source';
import type { ComposeVariables } from './dotenv';
import { interpolate, isSafeDefault } from './interpolation';
import { splitPath } from './names';

/**
 * A Compose service's `environment:` in either form, as variables with exact source spans:
 *
 *   environment:                       environment:
 *     KAFKA_MIN_INSYNC_REPLICAS: 2       - KAFKA_MIN_INSYNC_REPLICAS=2
 *
 * Values are read as Compose reads them with the project's `.env` file and nothing set in the shell: a
 * variable the file sets takes its value there (and no edit is offered: the setting is changed in the file);
 * else a whole `${VAR:-2}` is its default (and an edit changes only the default), any other variable makes
 * the value unknown (a `${…}` placeholder the rules leave alone), and a variable without a value (`- NAME`,
 * `NAME:`) takes the file's value of that name, else comes from the shell: unknown too.
 */

/** One variable of the block. */
export interface EnvVariable {
  readonly name: string;
  readonly nameRange: Range;
  /** The value as a setting (see the module comment). */
  readonly value: string;
  /** Variables replaced by their defaults, unknown ones by nothing: for host names and ports. */
  readonly resolved: string;
  readonly valueRange: Range;
  /** Source text that sets the value (in the item's own quoting), or undefined when it cannot be written safely. */
  readonly render?: (value: string) => string | undefined;
  /** The line(s) that removing the variable deletes. */
  readonly removeRange?: Range;
  /** Set when the variable sits in a mapping merged from an anchor (`<<: *env`): editing it changes every alias. */
  readonly editScope?: Message;
  /** Set when the value is a variable's default, or the `.env` file's value. */
  readonly note?: Message;
  /** True when the `.env` file gives the value (the note says so): it is changed there. */
  readonly setElsewhere?: boolean;
}

export interface Environment {
  readonly variables: readonly EnvVariable[];
  /** The `environment` key, when the service has one. */
  readonly keyRange?: Range;
  /** An edit adding `NAME=value` in the block's own form, or undefined when that cannot be done safely. */
  insert(name: string, value: string): Edit | undefined;
}

/** How a new value is written in a plain scalar: compose reads `$` as a variable, so it is doubled. */
function composeText(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

/** The whole source line(s) of a block item, when nothing else shares them. */
function ownLines(text: string, start: number, end: number | undefined, lead: RegExp): Range | undefined {
  if (end === undefined) return undefined;
  const s = lineStart(text, start);
  if (!lead.test(text.slice(s, start))) return undefined;
  const stop = afterLine(text, end);
  return stop === undefined ? undefined : { start: s, end: stop };
}

/** A value read through Compose interpolation at `start` in the text (the value's own characters map 1:1). */
function valueParts(
  raw: string,
  start: number,
  writeWhole: ((v: string) => string | undefined) | undefined,
  variables: ComposeVariables | undefined,
): Pick<EnvVariable, 'value' | 'resolved' | 'valueRange' | 'render' | 'note' | 'setElsewhere'> {
  const read = interpolate(raw, variables);
  const whole: Range = { start, end: start + raw.length };
  if (read.fromFile) return { value: read.value, resolved: read.resolved, valueRange: whole, note: fromFileNote(read.fromFile.variable, read.value, read.fromFile.path), setElsewhere: true };
  if (read.wholeDefault) {
    const { variable } = read.wholeDefault;
    return {
      value: read.value,
      resolved: read.resolved,
      valueRange: { start: start + read.wholeDefault.start, end: start + read.wholeDefault.end },
      render: writeWhole ? (v) => (isSafeDefault(v) ? v : undefined) : undefined,
      note: msg('formats.compose.default', { variable, value: read.value }),
    };
  }
  if (read.hasVariables) return { value: read.value, resolved: read.resolved, valueRange: whole };
  return { value: read.value, resolved: read.resolved, valueRange: whole, render: writeWhole };
}

/** The note of a value the `.env` file gives: where to change it. */
function fromFileNote(variable: string, value: string, path: string): Message {
  return msg('formats.compose.fromEnvFile', { variable, value, file: splitPath(path).name });
}

/**
 * A variable written without a value (`- NAME`, `NAME:`): the `.env` file's value of that name when it sets
 * one (`at`: where the value would be written), else unknown (the shell's).
 */
function unvalued(name: string, at: number, variables: ComposeVariables | undefined): Pick<EnvVariable, 'value' | 'resolved' | 'valueRange' | 'note' | 'setElsewhere'> {
  const given = variables && !variables.broken ? variables.values.get(name) : undefined;
  const valueRange = { start: at, end: at };
  if (typeof given === 'string' && variables) return { value: given, resolved: given, valueRange, note: fromFileNote(name, given, variables.path), setElsewhere: true };
  return { value: `\${${name}}`, resolved: '', valueRange };
}

/** Reads `environment:` in map form (merge keys applied). */
function fromMap(map: AnyMap, anchor: string | undefined, doc: Document, text: string, editable: boolean, variables: ComposeVariables | undefined): EnvVariable[] {
  const out: EnvVariable[] = [];
  for (const { pair, merged, anchor: own } of effectivePairs(map, doc, text)) {
    const name = keyText(pair.key, text);
    const keyNode = pair.key as Node | null;
    if (name === undefined || !keyNode?.range) continue;
    const nameRange = { start: keyNode.range[0], end: keyNode.range[1] };
    const shared = own ?? anchor;
    const editScope = shared !== undefined ? anchorScope(shared) : undefined;
    const removeRange = editable && !merged && shared === undefined && !map.flow ? ownLines(text, keyNode.range[0], pairEnd(pair), /^[ \t]*$/) : undefined;
    const node = pair.value;
    if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined) && node.range?.[0] === node.range?.[1])) {
      // `NAME:` alone takes the value from the shell running compose.
      const at = text[nameRange.end] === ':' ? nameRange.end + 1 : nameRange.end;
      out.push({ name, nameRange, removeRange, editScope, ...unvalued(name, at, variables) });
      continue;
    }
    if (!isScalar(node) || !node.range) continue;
    const scalar = node as Scalar;
    const source = text.slice(scalar.range![0], scalar.range![1]);
    const flow = map.flow === true;
    const emptyAt = scalar.range![0];
    const writeWhole = editable ? (v: string) => renderScalar(scalar, composeText(v), text, flow, emptyAt) : undefined;
    if (scalar.type === 'PLAIN') {
      out.push({ name, nameRange, removeRange, editScope, ...valueParts(source, scalar.range![0], writeWhole, variables) });
      continue;
    }
    const decoded = String(scalar.value ?? '');
    const inner = source.slice(1, -1);
    // Offsets inside a quoted scalar are exact only when it holds no escapes.
    if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && inner === decoded) {
      // The span is inside the quotes, which stay: only the inner text is written.
      const type = scalar.type;
      const parts = valueParts(decoded, scalar.range![0] + 1, editable ? (v) => itemText(type, v) : undefined, variables);
      out.push({ name, nameRange, removeRange, editScope, ...parts });
      continue;
    }
    const read = interpolate(decoded, variables);
    const note = read.fromFile ? fromFileNote(read.fromFile.variable, read.value, read.fromFile.path) : undefined;
    out.push({ name, nameRange, removeRange, editScope, value: read.hasVariables ? read.value : decoded, resolved: read.resolved, valueRange: { start: scalar.range![0], end: scalar.range![1] }, ...(note ? { note, setElsewhere: true } : {}) });
  }
  return out;
}

/** Writes `value` inside a list item of the given quoting, or undefined when it cannot be written there. */
function itemText(type: Scalar['type'], value: string): string | undefined {
  const v = composeText(value);
  if (type === 'QUOTE_DOUBLE') return doubleQuoted(v).slice(1, -1);
  if (type === 'QUOTE_SINGLE') return singleQuoted(v)?.slice(1, -1);
  // Inside `- NAME=value` the value must keep the whole item one plain scalar.
  return /^[A-Za-z0-9_.,/@+=-]*$/.test(v) || /^[A-Za-z0-9_.,/@+=-][A-Za-z0-9_.,/@+=:-]*[A-Za-z0-9_.,/@+=-]$/.test(v) ? v : undefined;
}

/** Reads `environment:` in list form (`- NAME=value`). */
function fromList(items: readonly unknown[], anchor: string | undefined, text: string, editable: boolean, flow: boolean, variables: ComposeVariables | undefined): EnvVariable[] {
  const out: EnvVariable[] = [];
  const editScope = anchor !== undefined ? anchorScope(anchor) : undefined;
  for (const item of items) {
    if (!isScalar(item) || !item.range || item.value === null || item.value === undefined) continue;
    const decoded = String(item.value);
    const source = text.slice(item.range[0], item.range[1]);
    const exact = item.type === 'PLAIN' ? source === decoded : (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE') && source.slice(1, -1) === decoded;
    const base = item.type === 'PLAIN' ? item.range[0] : item.range[0] + 1;
    const removeRange = editable && anchor === undefined && !flow ? ownLines(text, item.range[0], item.range[2], /^[ \t]*-[ \t]+$/) : undefined;
    const eq = decoded.indexOf('=');
    const name = eq < 0 ? decoded : decoded.slice(0, eq);
    if (name === '') continue;
    const whole: Range = { start: item.range[0], end: item.range[1] };
    if (eq < 0) {
      const at = exact ? base + name.length : whole.end;
      out.push({ name, nameRange: exact ? { start: base, end: base + name.length } : whole, removeRange, editScope, ...unvalued(name, at, variables) });
      continue;
    }
    if (!exact) {
      const read = interpolate(decoded.slice(eq + 1), variables);
      const note = read.fromFile ? fromFileNote(read.fromFile.variable, read.value, read.fromFile.path) : undefined;
      out.push({ name, nameRange: whole, value: read.value, resolved: read.resolved, valueRange: whole, removeRange, editScope, ...(note ? { note, setElsewhere: true } : {}) });
      continue;
    }
    const type = item.type;
    const writeWhole = editable && !flow ? (v: string) => itemText(type, v) : undefined;
    out.push({ name, nameRange: { start: base, end: base + name.length }, removeRange, editScope, ...valueParts(decoded.slice(eq + 1), base + eq + 1, writeWhole, variables) });
  }
  return out;
}

/** The indentation (spaces) before the `-` of a block sequence's first item. */
function seqIndent(items: readonly unknown[], text: string): string | undefined {
  const first = items[0] as Node | undefined;
  const at = first?.range?.[0];
  if (at === undefined) return undefined;
  const before = text.slice(lineStart(text, at), at);
  const m = /^( *)-[ ]+$/.exec(before);
  return m ? m[1] : undefined;
}

/** How new values are quoted: like the last value already in the block. */
function quoteLike(last: unknown): 'plain' | 'double' | 'single' {
  if (isScalar(last)) {
    if (last.type === 'QUOTE_DOUBLE') return 'double';
    if (last.type === 'QUOTE_SINGLE') return 'single';
  }
  return 'plain';
}

/**
 * Reads the `environment` of a service mapping. `editable` is false for a document with syntax errors (its
 * offsets cannot be trusted to give valid YAML). `step` is the file's indentation step, for a new
 * `environment:` block when the service has none.
 */
export function readEnvironment(service: AnyMap, doc: Document, text: string, editable: boolean, step: string, variables?: ComposeVariables): Environment {
  let node: unknown;
  let keyRange: Range | undefined;
  let sharedEnv: string | undefined;
  for (const { pair, anchor } of effectivePairs(service, doc, text)) {
    if (keyText(pair.key, text) !== 'environment') continue;
    node = pair.value;
    const k = pair.key as Node;
    if (k.range) keyRange = { start: k.range[0], end: k.range[1] };
    sharedEnv = anchor;
  }
  const mapping = mappingOf(node, doc);
  const seq = isSeq(node) ? node : undefined;
  const anchor = sharedEnv ?? mapping?.anchor ?? (mapping?.map.anchor && text.includes(`*${mapping.map.anchor}`) ? mapping.map.anchor : undefined) ?? (seq?.anchor && text.includes(`*${seq.anchor}`) ? seq.anchor : undefined);
  const read = mapping ? fromMap(mapping.map, anchor, doc, text, editable, variables) : seq ? fromList(seq.items, anchor, text, editable, seq.flow === true, variables) : [];
  const insert = (name: string, value: string): Edit | undefined => {
    // A shared block (an anchor) or a flow collection is not edited by an insert: it would change other services.
    if (!editable || anchor !== undefined) return undefined;
    if (mapping && !mapping.map.flow && mapping.map.items.length > 0) {
      const indent = indentOf(mapping.map, text);
      if (indent === undefined) return undefined;
      const style = quoteLike(mapping.map.items[mapping.map.items.length - 1].value);
      const v = composeText(value);
      const written = style === 'double' ? doubleQuoted(v) : style === 'single' ? (singleQuoted(v) ?? doubleQuoted(v)) : isPlainSafe(v, false) ? v : doubleQuoted(v);
      return appendAfter(pairEnd(mapping.map.items[mapping.map.items.length - 1]), [`${indent}${name}: ${written}`], text);
    }
    if (seq && !seq.flow && seq.items.length > 0) {
      const indent = seqIndent(seq.items, text);
      const last = seq.items[seq.items.length - 1] as Node;
      if (indent === undefined || !last.range) return undefined;
      const style = quoteLike(last);
      const item = `${name}=${composeText(value)}`;
      const written = style === 'double' ? doubleQuoted(item) : style === 'single' ? (singleQuoted(item) ?? doubleQuoted(item)) : isPlainSafe(item, false) ? item : doubleQuoted(item);
      return appendAfter(last.range[2], [`${indent}- ${written}`], text);
    }
    if (node !== undefined || service.flow || service.items.length === 0) return undefined;
    // No environment yet: a new block after the service's last key, indented like its keys.
    const indent = indentOf(service, text);
    if (indent === undefined) return undefined;
    const v = composeText(value);
    return appendAfter(pairEnd(service.items[service.items.length - 1]), [`${indent}environment:`, `${indent}${step}${name}: ${isPlainSafe(v, false) ? v : doubleQuoted(v)}`], text);
  };
  return { variables: read, keyRange, insert };
}
