import { t } from '../core/i18n/index';
import { CodeActionKind, TextDocumentEdit } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic, Range as LspRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { fixAllEdits } from '../core/fixes';
import type { Finding, Fix } from '../core/model';
import { isSpan } from '../core/model';
import { disableForFileFix, disableForLineFix } from '../core/suppressions';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { spanToLspRange, toLspRange, toTextEdit } from './convert';
import { readDiagnosticData } from './diagnostics';

/**
 * Code actions, computed on request from the cached analysis of the document version: diagnostics carry
 * only their index in that analysis ({@link DiagnosticData}), never edits. Clients that resolve code actions
 * (`codeAction/resolve` with `edit`) get the list first and the edit of the one chosen later; others get
 * every edit at once.
 */

/** Builds workspace edits in the shape the client accepts (versioned `documentChanges` when it can). */
export interface EditFactory {
  (uri: string, version: number | null, edits: readonly TextEdit[]): WorkspaceEdit;
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

/** Which fix of a finding an action applies: one of its core fixes (by position), or a suppression comment. */
export type FixChoice = number | 'line' | 'file';

/**
 * What a quick fix waiting for `codeAction/resolve` carries in `data`: the finding (by version, position,
 * rule and range, so that a different finding is never taken for it) and which of its fixes to compute.
 */
export interface QuickFixData {
  readonly uri: string;
  readonly version: number;
  readonly index: number;
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly fix: FixChoice;
}

/** A finding of the analysis with its position in the findings. */
interface Located {
  readonly finding: Finding;
  readonly index: number;
}

/**
 * The finding a diagnostic the client returned stands for, in the current analysis. Matched on `source` and
 * `code` and the exact range, so that a fix is only ever offered for a finding the document has now. One rule
 * may have several findings on one range (two unset keys placed on one line): among those, the one with the
 * diagnostic's message, else the one at the index in `data`, else the first. The index is only a hint, and
 * the common case (the finding at the index, with that message) is found without a search.
 */
export function findingOf(analysis: Analysis, diagnostic: Diagnostic): Located | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || !isRange(diagnostic.range)) return undefined;
  const hint = readDiagnosticData(diagnostic);
  if (hint === 'malformed') return undefined;
  const rule = diagnostic.code;
  const range = diagnostic.range;
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : undefined;
  const same = (f: Finding): boolean => f.ruleId === rule && sameRange(toLspRange(analysis.index, f.range), range);
  const hinted = hint === 'absent' ? undefined : analysis.findings[hint];
  if (hinted && hinted.message === message && same(hinted)) return { finding: hinted, index: hint as number };
  const start = analysis.index.offsetAt(range.start);
  const end = analysis.index.offsetAt(range.end);
  let first: Located | undefined;
  let atHint: Located | undefined;
  let withMessage: Located | undefined;
  analysis.findings.forEach((finding, index) => {
    // offsetAt clamps a position past a line's end: the range must also convert back to the same positions.
    if (finding.ruleId !== rule || finding.range.start !== start || finding.range.end !== end || !same(finding)) return;
    first ??= { finding, index };
    if (index === hint) atHint = { finding, index };
    if (finding.message === message) withMessage ??= { finding, index };
  });
  return withMessage ?? atHint ?? first;
}

/** The core fix a choice stands for: the finding's own fix, or the suppression comment for its line or file. */
function coreFix(analysis: Analysis, finding: Finding, fix: FixChoice): Fix | undefined {
  if (fix === 'line') return disableForLineFix(analysis.document, finding.ruleId, finding.range, analysis.index);
  if (fix === 'file') return disableForFileFix(analysis.document, finding.ruleId, analysis.index);
  return finding.fixes?.[fix];
}

/**
 * Quick fixes for the Kafka Lint diagnostics in the request: the fixes computed in core, then "Disable
 * <rule> for this line/file" (one per rule and line, one per rule). With `lazy`, an action carries
 * {@link QuickFixData} instead of its edit, for `codeAction/resolve`.
 */
export function quickFixes(params: CodeActionParams, analysis: Analysis, makeEdit: EditFactory, lazy: boolean): CodeAction[] {
  const uri = params.textDocument.uri;
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seen = new Set<string>();
  const action = (diagnostic: Diagnostic, { finding, index }: Located, choice: FixChoice, fix: Fix): CodeAction | undefined => {
    const base: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred || undefined };
    // A fix in another file (a cross-file finding fixed where the setting is decided) is an edit of that URI,
    // from the positions core computed there; it is cheap, so it comes with the list even for resolving clients.
    if (fix.file !== undefined) {
      const other = otherFileEdit(analysis, fix, makeEdit);
      return other && { ...base, edit: other };
    }
    if (!lazy) return { ...base, edit: makeEdit(uri, analysis.version, fix.edits.map((e) => toTextEdit(analysis.index, e))) };
    const data: QuickFixData = { uri, version: analysis.version, index, rule: finding.ruleId, start: finding.range.start, end: finding.range.end, fix: choice };
    return { ...base, data };
  };
  for (const diagnostic of params.context.diagnostics) {
    const located = findingOf(analysis, diagnostic);
    if (!located) continue;
    const { finding } = located;
    (finding.fixes ?? []).forEach((fix, i) => {
      const a = action(diagnostic, located, i, fix);
      if (a) fixes.push(a);
    });
    // A syntax without comments (JSON) gets no suppression comment: it would break the file.
    if (analysis.document.commentPrefix === '') continue;
    const line = analysis.index.positionAt(finding.range.start).line;
    for (const [choice, key] of [
      ['line', `${finding.ruleId}@${line}`],
      ['file', finding.ruleId],
    ] as const) {
      if (seen.has(`${choice}:${key}`)) continue;
      seen.add(`${choice}:${key}`);
      // A finding about the whole file has no line to put a directive above.
      const fix = coreFix(analysis, finding, choice);
      if (fix) suppressions.push(action(diagnostic, located, choice, fix)!);
    }
  }
  return [...fixes, ...suppressions];
}

/**
 * The workspace edit of a fix that edits another file than the analysed one; undefined for a fix of this
 * file, and when that file's text is no longer the one its positions were computed on (changed on disk
 * since the workspace model read it: the edit would land on the wrong characters).
 */
function otherFileEdit(analysis: Analysis, fix: Fix, makeEdit: EditFactory): WorkspaceEdit | undefined {
  if (fix.file === undefined || !analysis.workspace || !analysis.workspace.isCurrent(fix.file)) return undefined;
  const edits = fix.edits.map((e): TextEdit => ({ range: isSpan(e.range) ? spanToLspRange(e.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: e.newText }));
  return makeEdit(analysis.workspace.uriOf(fix.file), analysis.workspace.versionOf(fix.file), edits);
}

/** Reads {@link QuickFixData} back from an action the client asks to resolve; undefined when it is not ours. */
export function readQuickFixData(data: unknown): QuickFixData | undefined {
  const d = data as Partial<Record<keyof QuickFixData, unknown>> | null | undefined;
  if (typeof d !== 'object' || d === null) return undefined;
  const fixOk = d.fix === 'line' || d.fix === 'file' || (Number.isInteger(d.fix) && (d.fix as number) >= 0);
  const ints = [d.version, d.index, d.start, d.end].every((n) => Number.isInteger(n));
  if (typeof d.uri !== 'string' || typeof d.rule !== 'string' || !ints || !fixOk) return undefined;
  return d as QuickFixData;
}

/**
 * The edits of a quick fix being resolved, from the analysis of the version it was offered for; undefined
 * when that finding or fix is not in the analysis any more (the caller refuses the action then).
 */
export function quickFixEdits(analysis: Analysis, data: QuickFixData): TextEdit[] | undefined {
  if (analysis.version !== data.version) return undefined;
  const same = (f: Finding | undefined): f is Finding => f !== undefined && f.ruleId === data.rule && f.range.start === data.start && f.range.end === data.end;
  const hinted = analysis.findings[data.index];
  const finding = same(hinted) ? hinted : analysis.findings.find(same);
  if (!finding) return undefined;
  return coreFix(analysis, finding, data.fix)?.edits.map((e) => toTextEdit(analysis.index, e));
}

/** The `source.fixAll.kafkaLint` action for a document, or undefined when nothing is fixable. */
export function fixAllAction(analysis: Analysis, makeEdit: EditFactory): CodeAction | undefined {
  const edits = fixAllEdits(analysis.findings);
  if (edits.length === 0) return undefined;
  return {
    title: t(analysis.options.locale, 'server.fixAll'),
    kind: FIX_ALL_KIND,
    edit: makeEdit(analysis.uri, analysis.version, edits.map((e) => toTextEdit(analysis.index, e))),
  };
}

function isRange(value: unknown): value is LspRange {
  const r = value as Partial<LspRange> | null | undefined;
  const isPosition = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
