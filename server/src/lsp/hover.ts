import { MarkupKind } from 'vscode-languageserver/node';
import type { Hover } from 'vscode-languageserver/node';
import type { HoverResult } from '../core/hover';
import type { AnalyzedDocument, Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import type { Analysis } from './analysis-cache';
import { toLspRange } from './convert';

/** The core hover function's contract (`core/hover.ts` `hoverAt`). */
export type HoverProvider = (document: AnalyzedDocument, findings: readonly Finding[], offset: number, options: LintOptions) => HoverResult | undefined;

/** Answers `textDocument/hover` from the cached analysis: core writes the Markdown, we place it. */
export function hoverFor(analysis: Analysis, offset: number, provider: HoverProvider): Hover | null {
  const result = provider(analysis.document, analysis.findings, offset, analysis.options);
  if (!result || result.markdown.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toLspRange(analysis.index, result.range) };
}
