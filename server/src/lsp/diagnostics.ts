import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding, Range } from '../core/model';
import { isSpan } from '../core/model';
import { t } from '../core/i18n/index';
import { DIAGNOSTIC_SOURCE } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { spanToLspRange, toLspRange, toLspSeverity } from './convert';

/**
 * What a Kafka Lint diagnostic carries in `data`: the finding's position in the findings of the analysis it
 * was computed from, never its fixes. It is a hint: the code-action handler finds the finding again in the
 * current analysis by rule and range (see code-actions.ts) and takes the index only when the finding there
 * is the same; it tells apart two findings of one rule on one range (two unset keys placed on one line).
 */
export type DiagnosticData = number;

/**
 * The most diagnostics a file gets: VS Code shows at most 1,000 per file and drops the rest after it has
 * received them, so a file with 50,000 findings would cost a 40 MB message for nothing. Beyond it the file
 * gets the {@link MAX_DIAGNOSTICS_PER_FILE} − 1 most severe findings (in document order) and one information
 * diagnostic that says how many are not shown; the CLI, fix-all and the message path still see every finding.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

const SEVERITY_RANK: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Converts the findings of an analysis into LSP diagnostics (at most {@link MAX_DIAGNOSTICS_PER_FILE}). */
export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  const { findings } = analysis;
  if (findings.length <= MAX_DIAGNOSTICS_PER_FILE) return findings.map((f, i) => toDiagnostic(analysis, f, i));
  const shown = findings
    .map((_f, i) => i)
    .sort((a, b) => SEVERITY_RANK[findings[a].severity] - SEVERITY_RANK[findings[b].severity] || a - b)
    .slice(0, MAX_DIAGNOSTICS_PER_FILE - 1)
    .sort((a, b) => a - b);
  const diagnostics = shown.map((i) => toDiagnostic(analysis, findings[i], i));
  diagnostics.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: t(analysis.options.locale, 'server.truncated', { shown: shown.length, total: findings.length }),
  });
  return diagnostics;
}

/**
 * One finding → one diagnostic with `source`, `code` (the rule id), the message and its index in `data`.
 * No `codeDescription`: the rule page's address is a function of the rule id and the language, so the link
 * is not repeated on the wire for each of a file's findings (113 of a diagnostic's 420 bytes). The hover on
 * a finding links the page in every editor, and the VS Code client turns the rule id into the link itself
 * (client/src/rule-links.ts).
 */
export function toDiagnostic(analysis: Analysis, finding: Finding, index: number): Diagnostic {
  const lines = analysis.index;
  const data: DiagnosticData = index;
  const diagnostic: Diagnostic = {
    range: toLspRange(lines, finding.range),
    severity: toLspSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.message,
    data,
  };
  if (finding.related && finding.related.length > 0) {
    // A location in another file (a cross-file finding) carries its own positions: that file's text is not at hand.
    const at = (r: { readonly file?: string; readonly range: Range }) =>
      r.file !== undefined && analysis.workspace
        ? { uri: analysis.workspace.uriOf(r.file), range: isSpan(r.range) ? spanToLspRange(r.range) : toLspRange(lines, r.range) }
        : { uri: analysis.uri, range: toLspRange(lines, r.range) };
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({ location: at(r), message: r.message }));
  }
  return diagnostic;
}

/**
 * Reads {@link DiagnosticData} back from a diagnostic the client returned: `absent` when the client kept no
 * `data` (the finding is then matched by rule and range alone), `malformed` when it is not ours.
 */
export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | 'absent' | 'malformed' {
  const d: unknown = diagnostic.data;
  if (d === undefined || d === null) return 'absent';
  return typeof d === 'number' && Number.isInteger(d) && d >= 0 ? d : 'malformed';
}
