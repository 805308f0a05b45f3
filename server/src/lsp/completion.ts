import { CompletionItemKind, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem } from 'vscode-languageserver/node';
import type { CompletionEntry } from '../core/completion';
import type { DocumentKind } from '../core/model';
import type { Locale } from '../core/i18n/index';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspRange } from './convert';

/** The core completion function's contract (`core/completion.ts` `completeAt`). */
export type CompletionProvider = (text: string, offset: number, kind: DocumentKind, locale?: Locale) => readonly CompletionEntry[];

/**
 * Answers `textDocument/completion` without waiting for analysis: keys and values from the catalog, each
 * replacing its core range, documented in `locale`.
 */
export function completionsFor(doc: TextDocument, kind: DocumentKind, offset: number, provider: CompletionProvider, locale: Locale = 'en'): CompletionItem[] {
  return provider(doc.getText(), offset, kind, locale).map((entry, i) => ({
    label: entry.label,
    kind: entry.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    textEdit: { range: toLspRange(doc, entry.range), newText: entry.insertText },
    sortText: String(i).padStart(5, '0'),
  }));
}
