import { Pair, stringify } from 'dot-properties';
import type { ParseProblem, Range } from '../model';
import { msg } from '../i18n/index';

/**
 * A `.properties` reader that gives exactly the key/value map `java.util.Properties.load(Reader)` gives,
 * plus the source offsets of every key, value and logical line.
 *
 * Why not `dot-properties`' `parseLines` for reading: it diverges from Java where line breaks meet
 * backslashes — a value continued over a `\r`-only line break keeps the next line's indentation, a key
 * continued over `\r` or `\r\n` is cut in two, a line holding only `\` does not join the next line, and a
 * malformed `\u` escape is silently kept as text where Java rejects it. Those divergences are pinned in
 * test/unit/properties-reader.test.ts. This reader follows Java's `LineReader` and `loadConvert` step by
 * step instead; `dot-properties` is still used to *write* values and keys (its escaping matches what
 * `Properties.load` reads back).
 *
 * A leading byte-order mark is skipped (editors hide it, and a user who writes `acks=0` means `acks`, not
 * `\uFEFFacks`; Java's own reader would keep it in the first key).
 */

/** One `key=value` logical line (possibly continued over several physical lines). */
export interface PropertiesPair {
  /** Decoded key, as Java reads it. */
  readonly key: string;
  /** Decoded value, as Java reads it. */
  readonly value: string;
  /** The key's source text. */
  readonly rawKey: string;
  readonly keyRange: Range;
  /** The value's source span, separator and leading whitespace excluded; empty at the line's end for `key=`. */
  readonly valueRange: Range;
  /** True when a `=`, `:` or whitespace separates key and value in the source (false for a bare `key`). */
  readonly hasSeparator: boolean;
  /** From the start of the first physical line to after the last one's line break (or the end of the text). */
  readonly lineRange: Range;
  /** True when the value (or key) spans more than one physical line. */
  readonly continued: boolean;
  /** Set when the line has a malformed `\u` escape (Java refuses to load the whole file); `key`/`value` are then partial. */
  readonly problem?: ParseProblem;
}

/** Makes the pair objects; a caller may make a subclass of {@link ReadPair} that also serves as its model entry. */
export type PairMaker<P extends ReadPair> = (
  key: string,
  value: string,
  rawKey: string,
  hasSeparator: boolean,
  continued: boolean,
  problem: ParseProblem | undefined,
  keyStart: number,
  keyEnd: number,
  valueStart: number,
  valueEnd: number,
  lineStart: number,
  lineEnd: number,
) => P;

/**
 * A pair as the reader makes it: the offsets are kept as numbers and the ranges made on first use, since a
 * 50,000-line file has 50,000 pairs and most of their ranges are never asked for.
 */
export class ReadPair implements PropertiesPair {
  private keyRangeMemo: Range | undefined = undefined;

  constructor(
    readonly key: string,
    readonly value: string,
    readonly rawKey: string,
    readonly hasSeparator: boolean,
    readonly continued: boolean,
    readonly problem: ParseProblem | undefined,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    private readonly valueStart: number,
    private readonly valueEnd: number,
    private readonly lineStart: number,
    private readonly lineEnd: number,
  ) {}

  get keyRange(): Range {
    return (this.keyRangeMemo ??= { start: this.keyStart, end: this.keyEnd });
  }

  // Asked for rarely (fixes, a few rules): made anew each time.
  get valueRange(): Range {
    return { start: this.valueStart, end: this.valueEnd };
  }

  get lineRange(): Range {
    return { start: this.lineStart, end: this.lineEnd };
  }
}

/** The result of {@link readProperties}. */
export interface PropertiesFile<P extends PropertiesPair = PropertiesPair> {
  /** Every logical `key=value` line in source order, duplicates included (last wins when read into a map). */
  readonly pairs: readonly P[];
  readonly problems: readonly ParseProblem[];
  /** Offset where content starts (1 after a byte-order mark, else 0). */
  readonly contentStart: number;
  /** True when the text ends inside a continued line (a trailing backslash before the end of the text). */
  readonly endsInContinuation: boolean;
}

const SPACE = 32;
const TAB = 9;
const FF = 12;
const CR = 13;
const LF = 10;
const BACKSLASH = 92;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === FF;
}

/** Offset just past the line break at `i` (`\r\n` counts as one), or `i` at the end of the text. */
function skipBreak(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (c === LF) return i + 1;
  return i;
}

/** The first malformed escape of the line being read (a module variable: no allocation per line). */
let lastProblem: ParseProblem | undefined;

/** The value of the four hex digits at `buf[at]`, or -1 when they are not four hex digits. */
function hexValue(buf: string, at: number): number {
  let v = 0;
  for (let k = at; k < at + 4; k++) {
    const c = buf.charCodeAt(k);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Decodes escapes in `buf[from, to)` as Java's `loadConvert` does. A malformed `\uXXXX` escape gives a
 * problem (with its source range, kept in `lastProblem`) instead of an exception.
 */
function convert(buf: string, map: SegmentMap | undefined, off: number, from: number, to: number): string {
  // indexOf would scan past `to` (to the end of the whole text): look only inside the span.
  let first = from;
  while (first < to && buf.charCodeAt(first) !== BACKSLASH) first++;
  if (first === to) return buf.slice(from, to);
  // Copy the plain runs between escapes in one piece each.
  let out = buf.slice(from, first);
  let i = first;
  while (i < to) {
    let run = i;
    while (run < to && buf.charCodeAt(run) !== BACKSLASH) run++;
    if (run > i) out += buf.slice(i, run);
    if (run >= to) break;
    i = run + 1;
    const e = buf[i++];
    if (e === 'u') {
      const code = i + 4 <= to ? hexValue(buf, i) : -1;
      if (code < 0) {
        const start = sourceOffset(map, off, i - 2 - off);
        const last = Math.min(to, i + 4) - 1;
        const end = sourceOffset(map, off, Math.max(last, i - 1) - off) + 1;
        lastProblem ??= { range: { start, end }, message: msg('parse.unicodeEscape') };
        return out;
      }
      out += String.fromCharCode(code);
      i += 4;
    } else if (e === 't') out += '\t';
    else if (e === 'r') out += '\r';
    else if (e === 'n') out += '\n';
    else if (e === 'f') out += '\f';
    else if (e !== undefined) out += e;
  }
  return out;
}

/**
 * Reads `.properties` text into logical lines with exact ranges. Never throws: a malformed escape becomes a
 * problem (also set on its pair), and the rest of the file is still read.
 */
export function readProperties(text: string): PropertiesFile<ReadPair>;
export function readProperties<P extends ReadPair>(text: string, make: PairMaker<P>): PropertiesFile<P>;
export function readProperties(text: string, make: PairMaker<ReadPair> = makeReadPair): PropertiesFile<ReadPair> {
  const pairs: ReadPair[] = [];
  const problems: ParseProblem[] = [];
  const n = text.length;
  const contentStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let endsInContinuation = false;
  let i = contentStart;
  while (i < n) {
    // A new physical line: skip indentation; blank lines and comments hold nothing.
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let c = text.charCodeAt(i);
    if (c === CR || c === LF) {
      i = skipBreak(text, i);
      continue;
    }
    if (c === 35 /* # */ || c === 33 /* ! */) {
      while (i < n && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) i++;
      i = skipBreak(text, i);
      continue;
    }
    // A logical line: its physical segments (source spans without line breaks and without the backslash
    // that continues them), joined as Java's LineReader joins them. Most lines have one segment; only
    // continued lines pay for the segment list.
    let segs: number[] | undefined;
    let segStart = i;
    let segEnd: number;
    let restart = false;
    let eofContinuation = false;
    // Whether any backslash occurs: most lines have none, and then nothing needs decoding.
    let escaped = false;
    while (true) {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === CR || d === LF) break;
        if (d === BACKSLASH) escaped = true;
        i++;
      }
      let backslashes = 0;
      while (i - backslashes > segStart && text.charCodeAt(i - backslashes - 1) === BACKSLASH) backslashes++;
      const continues = backslashes % 2 === 1;
      segEnd = continues ? i - 1 : i;
      i = skipBreak(text, i);
      if (!continues) break;
      // A backslash before the line break (or the end) joins the next line, minus its leading whitespace.
      if (i >= n) {
        endsInContinuation = eofContinuation = true;
        break;
      }
      if (segs === undefined && segEnd === segStart) {
        // Java: a line holding only `\` continues into the next, which then starts the logical line afresh
        // (it may be blank or a comment).
        restart = true;
        break;
      }
      (segs ??= []).push(segStart, segEnd);
      while (i < n && isBlank(text.charCodeAt(i))) i++;
      segStart = i;
    }
    if (restart) continue;
    // `src[off + k]` is character k of the logical line: the text itself for a one-line pair (no copy),
    // the joined segments for a continued one.
    let src = text;
    let off = segStart;
    let len = segEnd - segStart;
    let starts: number[] | undefined;
    if (segs !== undefined) {
      segs.push(segStart, segEnd);
      src = '';
      starts = [];
      for (let s = 0; s < segs.length; s += 2) {
        starts.push(src.length);
        src += text.slice(segs[s], segs[s + 1]);
      }
      off = 0;
      len = src.length;
    }
    // Java still returns a line that held only a backslash when the text ends right after it (or after
    // its line break): an empty key with an empty value.
    if (len === 0 && !eofContinuation) continue;
    const map = segs === undefined || starts === undefined ? undefined : { segs, starts };
    const lineEnd = i;
    // Split key and value as Java's load0 does.
    let keyLen = 0;
    let valueStart = len;
    let hasSep = false;
    let bs = false;
    while (keyLen < len) {
      const k = src.charCodeAt(off + keyLen);
      if ((k === 61 /* = */ || k === 58) /* : */ && !bs) {
        valueStart = keyLen + 1;
        hasSep = true;
        break;
      } else if (isBlank(k) && !bs) {
        valueStart = keyLen + 1;
        break;
      }
      bs = k === BACKSLASH ? !bs : false;
      keyLen++;
    }
    const separated = keyLen < len;
    while (valueStart < len) {
      const v = src.charCodeAt(off + valueStart);
      if (!isBlank(v)) {
        if (!hasSep && (v === 61 || v === 58)) hasSep = true;
        else break;
      }
      valueStart++;
    }
    const first = len > 0 ? sourceOffset(map, off, 0) : segStart;
    const keyEnd = keyLen > 0 ? sourceOffset(map, off, keyLen - 1) + 1 : first;
    const valueEnd = len > 0 ? sourceOffset(map, off, len - 1) + 1 : first;
    const valueBegin = valueStart < len ? sourceOffset(map, off, valueStart) : valueEnd;
    lastProblem = undefined;
    const key = escaped ? convert(src, map, off, off, off + keyLen) : src.slice(off, off + keyLen);
    const value = escaped ? convert(src, map, off, off + valueStart, off + len) : src.slice(off + valueStart, off + len);
    const problem = lastProblem;
    if (problem) problems.push(problem);
    // Most keys have no escapes: then the written key is the key itself, no second string.
    const rawKey = map === undefined && key.length === keyLen ? key : text.slice(first, keyEnd);
    pairs.push(make(key, value, rawKey, separated, segs !== undefined, problem, first, keyEnd, valueBegin, valueEnd, lineStartOf(text, first, contentStart), lineEnd));
  }
  return { pairs, problems, contentStart, endsInContinuation };
}

const makeReadPair: PairMaker<ReadPair> = (key, value, rawKey, hasSeparator, continued, problem, keyStart, keyEnd, valueStart, valueEnd, lineStart, lineEnd) =>
  new ReadPair(key, value, rawKey, hasSeparator, continued, problem, keyStart, keyEnd, valueStart, valueEnd, lineStart, lineEnd);

/** Where the pieces of a continued line come from: source segments `[start, end)` and their starts in the joined line. */
interface SegmentMap {
  readonly segs: readonly number[];
  readonly starts: readonly number[];
}

/** The source offset of character `k` of a logical line (`off + k` for a one-line pair). */
function sourceOffset(map: SegmentMap | undefined, off: number, k: number): number {
  if (map === undefined) return off + k;
  const { segs, starts } = map;
  let s = starts.length - 1;
  while (s > 0 && starts[s] > k) s--;
  return segs[2 * s] + (k - starts[s]);
}

/** The start of the physical line holding `offset` (never before `floor`). */
function lineStartOf(text: string, offset: number, floor: number): number {
  let s = offset;
  while (s > floor) {
    const c = text.charCodeAt(s - 1);
    if (c === CR || c === LF) break;
    s--;
  }
  return s;
}

/**
 * Escapes a value so that `Properties.load` reads back exactly `value`: backslashes, line breaks, tabs,
 * form feeds and control characters are escaped, and so is a leading space. Other characters (also
 * non-Latin-1 ones) are written as they are, since editors and Spring read these files as UTF-8.
 */
export function escapePropertiesValue(value: string): string {
  return stringify([new Pair('', value)], { keySep: '', lineWidth: null, latin1: false });
}

/** Escapes a key for a new `key=value` line (separators, leading `#`/`!`, whitespace, backslashes). */
export function escapePropertiesKey(key: string): string {
  return stringify([new Pair(key, '')], { keySep: '', lineWidth: null, latin1: false });
}
