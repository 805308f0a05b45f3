import type { Edit, Range } from '../../model';
import { eolOf } from '../../text';
import type { Node } from '../common/tree-sitter';

/**
 * A Go file's text, for the edits fixes make: where lines start and end, their indentation, and the edits
 * that add a statement on a line of its own, add an element to a composite literal, or remove a list
 * element or whole lines without leaving the file half-edited.
 */
export class GoSource {
  constructor(readonly text: string) {}

  /** Offset of the first character of the line containing `offset`. */
  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') i--;
    return i;
  }

  /** Offset of the line break that ends the line containing `offset` (or the end of the text). */
  lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    return i;
  }

  /** The whitespace that starts the line containing `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    let i = start;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.text.slice(start, i);
  }

  /** True when only spaces and tabs precede `offset` on its line. */
  startsLine(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** True when only spaces, tabs or a `//` comment follow `offset` on its line. */
  endsLine(offset: number): boolean {
    return /^[ \t]*(\/\/.*)?$/.test(this.text.slice(offset, this.lineEnd(offset)));
  }

  /**
   * The range that deletes the line(s) holding `node` (indentation and line break included), when nothing
   * else shares those lines; otherwise undefined.
   */
  wholeLines(node: Node, extraEnd = node.endIndex): Range | undefined {
    if (!this.startsLine(node.startIndex) || !this.endsLine(extraEnd)) return undefined;
    let end = this.lineEnd(extraEnd);
    if (this.text[end] === '\r' && this.text[end + 1] === '\n') end += 2;
    else if (end < this.text.length) end += 1;
    return { start: this.lineStart(node.startIndex), end };
  }

  /** The line break the file uses (the first one found), for inserted lines. */
  get eol(): string {
    return eolOf(this.text);
  }

  /**
   * A function that adds a line (without indentation) as a new statement after `statement`, at the same
   * indentation; undefined when something else shares the statement's lines. The returned function holds
   * only offsets and text, never syntax nodes, so it stays valid after the tree is re-parsed or freed.
   */
  lineAfter(statement: Node): ((line: string) => Edit) | undefined {
    if (!this.endsLine(statement.endIndex) || !this.startsLine(statement.startIndex)) return undefined;
    const at = this.lineEnd(statement.endIndex);
    const prefix = `${this.eol}${this.indentAt(statement.startIndex)}`;
    return (line) => ({ range: { start: at, end: at }, newText: `${prefix}${line}` });
  }

  /** Like {@link lineAfter}, applied at once. */
  insertLineAfter(statement: Node, line: string): Edit | undefined {
    return this.lineAfter(statement)?.(line);
  }

  /**
   * An edit that adds `line` as a new statement before `statement`, at the same indentation; undefined when
   * the statement does not start its line.
   */
  insertLineBefore(statement: Node, line: string): Edit | undefined {
    if (!this.startsLine(statement.startIndex)) return undefined;
    const at = this.lineStart(statement.startIndex);
    return { range: { start: at, end: at }, newText: `${this.indentAt(statement.startIndex)}${line}${this.eol}` };
  }

  /**
   * A function that adds an element (e.g. `RequiredAcks: kafka.RequireAll`) to a composite literal's body:
   * on a line of its own before the closing brace when the literal spans lines, else inline before the
   * brace. Like {@link lineAfter}, the function keeps only offsets and text.
   */
  elementInserter(body: Node): ((element: string) => Edit) | undefined {
    if (body.type !== 'literal_value' || body.hasError) return undefined;
    const close = body.lastChild;
    if (!close || close.type !== '}') return undefined;
    const elements = body.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
    const at = close.startIndex;
    const multiLine = this.text.slice(body.startIndex, at).includes('\n');
    if (multiLine) {
      if (!this.startsLine(at)) return undefined;
      const indent = elements.length > 0 ? this.indentAt(elements[elements.length - 1].startIndex) : `${this.indentAt(at)}\t`;
      const lineStart = this.lineStart(at);
      const eol = this.eol;
      return (element) => ({ range: { start: lineStart, end: lineStart }, newText: `${indent}${element},${eol}` });
    }
    const separator = elements.length === 0 ? '' : close.previousSibling?.type === ',' ? ' ' : ', ';
    return (element) => ({ range: { start: at, end: at }, newText: `${separator}${element}` });
  }

  /**
   * The range that removes one element of a comma-separated list (a call argument, a literal element):
   * its whole line when it stands alone on one, else the element and one adjacent comma.
   */
  listElementRemoval(element: Node): Range | undefined {
    const next = element.nextSibling;
    const afterComma = next?.type === ',' ? next.endIndex : element.endIndex;
    const lines = this.wholeLines(element, afterComma);
    if (lines) return lines;
    if (next?.type === ',') {
      let end = next.endIndex;
      while (this.text[end] === ' ' || this.text[end] === '\t') end++;
      return { start: element.startIndex, end };
    }
    const prev = element.previousSibling;
    if (prev?.type === ',') return { start: prev.startIndex, end: element.endIndex };
    return { start: element.startIndex, end: element.endIndex };
  }
}
