import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { CodeDescription, Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding, Range } from '../core/model';
import { isSpan } from '../core/model';
import { ruleDocUrl } from '../core/rule-docs';
import { t } from '../core/i18n/index';
import type { Locale } from '../core/i18n/index';
import { DIAGNOSTIC_SOURCE } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { spanToLspRange, toLspRange, toLspSeverity } from './convert';

/**
 * What a Kafka Lint diagnostic carries in `data`: a short key into the analysis of the document version it
 * was computed from, never its fixes. The code-action handler finds the finding again in the cached
 * analysis and computes the edits on request (see code-actions.ts).
 */
export interface DiagnosticData {
  /** The document version the diagnostic describes; code actions for any other version are refused. */
  readonly version: number;
  /** The finding's position in that version's findings (a hint: the finding is checked by rule and range). */
  readonly index: number;
}

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

/** One `codeDescription` per rule and language (the page in the user's language), shared by all its diagnostics (a file may have thousands). */
const DESCRIPTIONS = new Map<string, CodeDescription>();

function codeDescription(ruleId: string, locale: Locale): CodeDescription {
  const key = `${locale} ${ruleId}`;
  let description = DESCRIPTIONS.get(key);
  if (!description) {
    description = Object.freeze({ href: ruleDocUrl(ruleId, locale) });
    DESCRIPTIONS.set(key, description);
  }
  return description;
}

/** One finding → one diagnostic with `source`, `code`, a link to the rule's page and its key in `data`. */
export function toDiagnostic(analysis: Analysis, finding: Finding, index: number): Diagnostic {
  const lines = analysis.index;
  const data: DiagnosticData = { version: analysis.version, index };
  const diagnostic: Diagnostic = {
    range: toLspRange(lines, finding.range),
    severity: toLspSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: codeDescription(finding.ruleId, analysis.options.locale),
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
  const d = diagnostic.data as Partial<Record<keyof DiagnosticData, unknown>> | null | undefined;
  if (d === undefined || d === null) return 'absent';
  if (typeof d !== 'object' || !Number.isInteger(d.version) || !Number.isInteger(d.index) || (d.index as number) < 0) return 'malformed';
  return { version: d.version as number, index: d.index as number };
}
