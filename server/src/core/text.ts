import type { AnalyzedDocument, Range } from './model';

/** 0-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * Maps offsets to line/character and back. Line breaks are `\n`, `\r\n` and a lone `\r`
 * (the same set `java.util.Properties` and LSP accept).
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only `\n` breaks (nearly every file): let the native search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset → position; offsets past the end clamp to the end. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Position → offset; clamps to the line's end (before its line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just before the line break of `line` (or the end of the text). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line break used by `line` (`\n`, `\r\n`, `\r`), or the document's first one, or `\n`. */
  eolOf(line: number): string {
    const end = this.lineEnd(line);
    const brk = this.text.slice(end, line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length);
    if (brk) return brk;
    const m = /\r\n|\r|\n/.exec(this.text);
    return m ? m[0] : '\n';
  }
}

const DOCUMENT_INDEXES = new WeakMap<AnalyzedDocument, LineIndex>();

/**
 * The line index of a document's text, built on first use and shared by everything that reads the same
 * analyzed document (lint, rules, the server's conversions): a 50,000-line file should be indexed once.
 */
export function documentLineIndex(document: AnalyzedDocument): LineIndex {
  let index = DOCUMENT_INDEXES.get(document);
  if (!index) {
    index = new LineIndex(document.text);
    DOCUMENT_INDEXES.set(document, index);
  }
  return index;
}

/** True when `offset` lies in `range` (end inclusive, so a caret just after a word still hits it). */
export function rangeContains(range: Range, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

/** The file's line break (its first one), `\n` when it has none. */
export function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}
