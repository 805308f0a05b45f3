import type { Edit, Range } from '../../model';
import { eolOf } from '../../text';

/**
 * Text edits on comma-separated lists (object literals, dicts, argument lists) shared by the JS/TS and
 * Python scanners: both languages allow a trailing comma and use the same bracket layout, so one way of
 * removing an element and one way of adding one serve both.
 */

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/**
 * The span that deletes one list element cleanly: its whole line(s) when it sits alone on them, otherwise
 * the element with its following comma (or the preceding comma for the last element).
 */
export function listElementRemoval(text: string, element: Range): Range {
  let after = element.end;
  while (after < text.length && isBlank(text[after])) after++;
  const hasComma = text[after] === ',';
  if (hasComma) {
    after++;
    while (after < text.length && isBlank(text[after])) after++;
  }
  let lineStart = element.start;
  while (lineStart > 0 && isBlank(text[lineStart - 1])) lineStart--;
  const aloneBefore = lineStart === 0 || text[lineStart - 1] === '\n';
  const aloneAfter = after >= text.length || text[after] === '\n' || text[after] === '\r';
  if (aloneBefore && aloneAfter) {
    let end = after;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { start: lineStart, end };
  }
  if (hasComma) return { start: element.start, end: after };
  // Last element without a trailing comma: take the comma before it, if any.
  let before = element.start;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  if (text[before - 1] === ',') return { start: before - 1, end: element.end };
  return element;
}

/**
 * The edit that appends `item` to a list whose elements are `elements` and whose opening bracket ends at
 * `openEnd`. A multi-line list gets the new element on its own line with the last element's indentation.
 */
export function listAppend(text: string, openEnd: number, elements: readonly Range[], item: string): Edit {
  if (elements.length === 0) return { range: { start: openEnd, end: openEnd }, newText: item };
  const last = elements[elements.length - 1];
  const lineStart = text.lastIndexOf('\n', last.start - 1) + 1;
  const multiLine = text.lastIndexOf('\n', last.start - 1) >= openEnd;
  if (!multiLine) return { range: { start: last.end, end: last.end }, newText: `, ${item}` };
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.start))?.[0] ?? '';
  const eol = eolOf(text);
  return { range: { start: last.end, end: last.end }, newText: `,${eol}${indent}${item}` };
}
