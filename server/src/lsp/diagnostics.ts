import type { Diagnostic, DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver/node';
import type { Finding } from '../core/model';
import { ruleDocUrl } from '../core/rule-docs';
import { disableForFileFix, disableForLineFix } from '../core/suppressions';
import { DIAGNOSTIC_SOURCE } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { toLspRange, toLspSeverity, toTextEdit } from './convert';

/** A core fix with its edits already converted to LSP ranges of the diagnostic's document version. */
export interface LspFix {
  readonly title: string;
  readonly preferred: boolean;
  readonly edits: readonly TextEdit[];
}

/**
 * What every Kafka Lint diagnostic carries in `data`, so that the code-action handler is a stateless
 * conversion: the fixes computed in core, the suppression fixes, and the version they apply to.
 */
export interface DiagnosticData {
  readonly version: number;
  readonly fixes: readonly LspFix[];
  /** "Disable <rule> for this line", then "… for this file". */
  readonly suppressions: readonly LspFix[];
}

/** Converts every finding of an analysis into an LSP diagnostic. */
export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  return analysis.findings.map((f) => toDiagnostic(analysis, f));
}

/** One finding → one diagnostic with `source`, `code`, a link to the rule's page and the fixes in `data`. */
export function toDiagnostic(analysis: Analysis, finding: Finding): Diagnostic {
  const { index, document, uri } = analysis;
  const convert = (fix: { title: string; preferred?: boolean; edits: readonly { range: { start: number; end: number }; newText: string }[] }): LspFix => ({
    title: fix.title,
    preferred: fix.preferred === true,
    edits: fix.edits.map((e) => toTextEdit(index, e)),
  });
  const data: DiagnosticData = {
    version: analysis.version,
    fixes: (finding.fixes ?? []).map(convert),
    suppressions: [convert(disableForLineFix(document, finding.ruleId, finding.range, index)), convert(disableForFileFix(document, finding.ruleId, index))],
  };
  const related: DiagnosticRelatedInformation[] | undefined = finding.related?.map((r) => ({
    location: { uri, range: toLspRange(index, r.range) },
    message: r.message,
  }));
  const diagnostic: Diagnostic = {
    range: toLspRange(index, finding.range),
    severity: toLspSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
  if (related && related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/**
 * Reads {@link DiagnosticData} back from a diagnostic the client returned. The client may hand back anything,
 * so the shape is checked and malformed fixes are dropped.
 */
export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const d = diagnostic.data as Partial<Record<keyof DiagnosticData, unknown>> | undefined;
  if (!d || typeof d !== 'object' || typeof d.version !== 'number' || !Array.isArray(d.fixes) || !Array.isArray(d.suppressions)) return undefined;
  return { version: d.version, fixes: d.fixes.filter(isLspFix), suppressions: d.suppressions.filter(isLspFix) };
}

function isLspFix(value: unknown): value is LspFix {
  const f = value as Partial<LspFix> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.title === 'string' &&
    Array.isArray(f.edits) &&
    f.edits.every((e) => typeof e === 'object' && e !== null && typeof e.newText === 'string' && typeof e.range === 'object' && e.range !== null)
  );
}
