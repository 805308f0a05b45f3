import { CodeActionKind, TextDocumentEdit } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { toTextEdit } from './convert';
import { readDiagnosticData } from './diagnostics';
import { fixAllEdits } from '../core/fixes';

/** Builds workspace edits in the shape the client accepts (versioned `documentChanges` when it can). */
export interface EditFactory {
  (uri: string, version: number, edits: readonly TextEdit[]): WorkspaceEdit;
}

/** Returns an {@link EditFactory} for a client that does or does not support `documentChanges`. */
export function editFactory(documentChanges: boolean): EditFactory {
  return (uri, version, edits) =>
    documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, [...edits])] } : { changes: { [uri]: [...edits] } };
}

/** True when a code action of `kind` is wanted by a request's `only` filter (absent = everything). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * Quick fixes for the Kafka Lint diagnostics in the request: the fixes computed in core and carried in
 * `diagnostic.data`, then "Disable <rule> for this line/file". Matched on `source` and `code`, never on the
 * message; diagnostics from another version of the document are skipped (their edits would land wrongly).
 */
export function quickFixes(params: CodeActionParams, currentVersion: number, makeEdit: EditFactory): CodeAction[] {
  const uri = params.textDocument.uri;
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (!isOurs(diagnostic)) continue;
    const data = readDiagnosticData(diagnostic);
    if (!data || data.version !== currentVersion) continue;
    for (const fix of data.fixes) {
      fixes.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred || undefined,
        edit: makeEdit(uri, data.version, fix.edits),
      });
    }
    for (const fix of data.suppressions) {
      // One "disable for this file" per rule, one "disable for this line" per rule and line.
      const key = `${fix.title}@${fix.edits.map((e) => `${e.range.start.line}:${e.range.start.character}`).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      suppressions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: makeEdit(uri, data.version, fix.edits) });
    }
  }
  return [...fixes, ...suppressions];
}

/** The `source.fixAll.kafkaLint` action for a document, or undefined when nothing is fixable. */
export function fixAllAction(analysis: Analysis, makeEdit: EditFactory): CodeAction | undefined {
  const edits = fixAllEdits(analysis.findings);
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all auto-fixable Kafka Lint problems',
    kind: FIX_ALL_KIND,
    edit: makeEdit(analysis.uri, analysis.version, edits.map((e) => toTextEdit(analysis.index, e))),
  };
}

function isOurs(diagnostic: Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === 'string';
}
