import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Range as LspRange, TextEdit } from 'vscode-languageserver/node';
import type { Edit, Range, Severity, Span } from '../core/model';
import type { LineIndex } from '../core/text';

/**
 * The edge where core offsets become LSP positions. Core speaks `[start, end)` UTF-16 offsets; LSP speaks
 * line/character in UTF-16 code units, so a {@link LineIndex} over the same text converts both ways.
 */

/** What converts an offset to a position: a core {@link LineIndex}, or the server's own `TextDocument`. */
export type PositionMapper = Pick<LineIndex, 'positionAt'>;

/** Core range → LSP range. */
export function toLspRange(index: PositionMapper, range: Range): LspRange {
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

/** A span of another file (its line and character already known) → LSP range. */
export function spanToLspRange(span: Span): LspRange {
  return { start: { line: span.line, character: span.character }, end: { line: span.endLine, character: span.endCharacter } };
}

/** Core edit → LSP text edit. */
export function toTextEdit(index: PositionMapper, edit: Edit): TextEdit {
  return { range: toLspRange(index, edit.range), newText: edit.newText };
}

/** Core severity → LSP severity. */
export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

/**
 * The path core sees for a document: the file system path for `file:` URIs (rules read the file name, e.g.
 * `producer.properties`), the URI itself otherwise (`untitled:`, virtual file systems).
 */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}
