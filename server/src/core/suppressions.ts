import type { AnalyzedDocument, Edit, Fix, Range } from './model';
import { LineIndex } from './text';

/**
 * Suppression comments, in the file's own comment syntax:
 *
 *   # kafka-lint-disable-next-line producer/acks-zero -- the test cluster has one broker
 *   // kafka-lint-disable producer/unhandled-send            (whole file)
 *
 * Several ids may be given, separated by spaces or commas; none means every rule. Everything after `--`
 * is the reason, which we keep for the reader and ignore.
 */
const DIRECTIVE = /(?:#|!|\/\/)\s*kafka-lint-(disable-next-line|disable)(?=\s|$)([^\r\n]*)/g;

export interface Suppressions {
  /** True when findings of `ruleId` starting on 0-based `line` are silenced. */
  isSuppressed(ruleId: string, line: number): boolean;
}

/** The answer for a text without any directive. */
const NONE: Suppressions = { isSuppressed: () => false };

/** True when the text may hold a directive: every directive contains this word, and most files have none. */
export function mayHaveSuppressions(text: string): boolean {
  return text.includes('kafka-lint-disable');
}

/**
 * The directives of a text as plain data (it survives JSON, so the CLI's workers and cache can hand it on):
 * rule ids silenced for the whole file (`'all'` for every rule), and per 0-based line the ids silenced for
 * findings starting on that line.
 */
export interface SuppressionTable {
  readonly file?: 'all' | readonly string[];
  readonly lines: readonly (readonly [line: number, ids: 'all' | readonly string[]])[];
}

/** Reads every directive in the text once, as data; undefined when the text has none. */
export function readSuppressionTable(text: string, index?: LineIndex): SuppressionTable | undefined {
  if (!mayHaveSuppressions(text)) return undefined;
  index ??= new LineIndex(text);
  const byLine = new Map<number, string[] | 'all'>();
  let file: Set<string> | 'all' | undefined;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const spec = m[2].split('--')[0];
    const ids = spec.split(/[\s,]+/).filter((s) => s.length > 0);
    const line = index.positionAt(m.index).line;
    if (m[1] === 'disable-next-line') {
      byLine.set(line + 1, ids.length === 0 ? 'all' : ids);
    } else if (ids.length === 0 || file === 'all') {
      file = 'all';
    } else {
      file ??= new Set();
      ids.forEach((id) => (file as Set<string>).add(id));
    }
  }
  if (file === undefined && byLine.size === 0) return undefined;
  return { file: file === 'all' ? 'all' : file ? [...file] : undefined, lines: [...byLine] };
}

/** The {@link Suppressions} a table describes. */
export function suppressionsOf(table: SuppressionTable | undefined): Suppressions {
  if (!table) return NONE;
  const { file } = table;
  const byLine = new Map(table.lines);
  return {
    isSuppressed(ruleId: string, line: number): boolean {
      if (file === 'all' || (file && file.includes(ruleId))) return true;
      const entry = byLine.get(line);
      return entry === 'all' || (entry !== undefined && entry.includes(ruleId));
    },
  };
}

/** Reads every directive in the text once. */
export function readSuppressions(text: string, index?: LineIndex): Suppressions {
  return suppressionsOf(readSuppressionTable(text, index));
}

/**
 * The line a directive must precede to silence a finding starting at an offset: the offset's line, except
 * in `.properties` files, where a value may continue over several lines (`key=\`) and a directive above
 * the key covers a finding on the continued value, so the first line of the logical line counts.
 */
export function directiveLineOf(document: AnalyzedDocument, index: LineIndex): (offset: number) => number {
  const continues = document.kind === 'properties' || document.kind === 'spring-properties';
  return (offset: number): number => {
    let line = index.positionAt(offset).line;
    while (continues && line > 0 && endsWithContinuation(document.text, index.lineStart(line - 1), index.lineEnd(line - 1))) line--;
    return line;
  };
}

/** True when the physical line `[start, end)` ends with an odd number of backslashes: it continues below. */
function endsWithContinuation(text: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = end - 1; i >= start && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/**
 * True for a finding about the file as a whole: a zero-width range at the start of its content (after a
 * byte-order mark), where a plain `.properties` file reports a key it does not set. No line comes before
 * it, so only the whole-file directive can silence it.
 */
export function isFileLevel(document: AnalyzedDocument, range: Range): boolean {
  const start = document.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return range.start === start && range.end === start;
}

/**
 * The quick fix that inserts `kafka-lint-disable-next-line <ruleId>` above the finding's line, indented like
 * it; undefined for a {@link isFileLevel file-level} finding, which a line directive cannot precede.
 */
export function disableForLineFix(document: AnalyzedDocument, ruleId: string, range: Range, index: LineIndex = new LineIndex(document.text)): Fix | undefined {
  if (isFileLevel(document, range)) return undefined;
  const line = index.positionAt(range.start).line;
  const start = index.lineStart(line);
  const indent = /^[ \t\f]*/.exec(document.text.slice(start, index.lineEnd(line)))?.[0] ?? '';
  const edit: Edit = {
    range: { start, end: start },
    newText: `${indent}${document.commentPrefix} kafka-lint-disable-next-line ${ruleId} -- reason${index.eolOf(line)}`,
  };
  return { title: `Disable ${ruleId} for this line`, edits: [edit] };
}

/** The quick fix that inserts `kafka-lint-disable <ruleId>` at the top of the file (after a BOM or shebang). */
export function disableForFileFix(document: AnalyzedDocument, ruleId: string, index: LineIndex = new LineIndex(document.text)): Fix {
  const text = document.text;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', at)) at = index.lineStart(1) === 0 ? text.length : index.lineStart(1);
  const needsBreakBefore = at === text.length && at > 0 && !/[\r\n]$/.test(text);
  const eol = index.eolOf(0);
  return {
    title: `Disable ${ruleId} for this file`,
    edits: [{ range: { start: at, end: at }, newText: `${needsBreakBefore ? eol : ''}${document.commentPrefix} kafka-lint-disable ${ruleId} -- reason${eol}` }],
  };
}
