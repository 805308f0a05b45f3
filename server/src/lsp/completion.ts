import { CompletionItemKind, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem } from 'vscode-languageserver/node';
import type { CompletionEntry } from '../core/completion';
import type { DocumentKind } from '../core/model';
import { LineIndex } from '../core/text';
import { toLspRange } from './convert';

/** The core completion function's contract (`core/completion.ts` `completeAt`). */
export type CompletionProvider = (text: string, offset: number, kind: DocumentKind) => readonly CompletionEntry[];

/**
 * Answers `textDocument/completion` without waiting for analysis: keys and values from the catalog, each
 * replacing its core range.
 */
export function completionsFor(text: string, kind: DocumentKind, offset: number, provider: CompletionProvider): CompletionItem[] {
  const index = new LineIndex(text);
  return provider(text, offset, kind).map((entry, i) => ({
    label: entry.label,
    kind: entry.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    textEdit: { range: toLspRange(index, entry.range), newText: entry.insertText },
    sortText: String(i).padStart(5, '0'),
  }));
}
