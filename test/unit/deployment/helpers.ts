import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { extractDeployment } from '../../../server/src/core/deployment/extract';
import type { DeploymentFile } from '../../../server/src/core/deployment/extract';
import { combineFindings, lintDeployment } from '../../../server/src/core/deployment/lint';
import { buildDeployment } from '../../../server/src/core/deployment/model';
import type { Deployment } from '../../../server/src/core/deployment/model';
import { applyEdits } from '../../../server/src/core/fixes';
import { lint } from '../../../server/src/core/lint';
import type { Finding, Fix, Range } from '../../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../../server/src/core/options';
import type { LintOptions } from '../../../server/src/core/options';
import { unmark } from '../rules/helpers';

/**
 * Multi-file fixtures for the cross-file rules: each file's text may mark ranges with `[|` and `|]`
 * (removed before analysis), and the result holds every file's findings as the CLI and the editor show
 * them (per-file findings combined with the cross-file ones).
 */

export interface LintedWorkspace {
  readonly texts: ReadonlyMap<string, string>;
  /** Marked ranges per file, in order of their opening marker. */
  readonly ranges: ReadonlyMap<string, readonly Range[]>;
  readonly extracts: readonly DeploymentFile[];
  readonly deployment: Deployment;
  /** Cross-file findings per file. */
  readonly cross: ReadonlyMap<string, readonly Finding[]>;
  /** Per-file and cross-file findings of each file, combined. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** Analyzes the files (paths → marked text), builds the deployment model and lints it. */
export async function lintWorkspace(files: Readonly<Record<string, string>>, opts: LintOptions = DEFAULT_OPTIONS, order?: readonly string[]): Promise<LintedWorkspace> {
  const texts = new Map<string, string>();
  const ranges = new Map<string, Range[]>();
  const own = new Map<string, Finding[]>();
  const extracts: DeploymentFile[] = [];
  for (const path of order ?? Object.keys(files)) {
    const { text, ranges: marked } = unmark(files[path]);
    texts.set(path, text);
    ranges.set(path, marked);
    const document = await analyze(path, text);
    own.set(path, lint(document, opts));
    extracts.push(extractDeployment(document, path));
  }
  const deployment = buildDeployment(extracts);
  const result = lintDeployment(deployment, opts);
  assert.deepEqual(result.failures, []);
  const findings = new Map<string, Finding[]>();
  for (const [path, list] of own) findings.set(path, combineFindings(list, result.byFile.get(path)));
  return { texts, ranges, extracts, deployment, cross: result.byFile, findings };
}

/** The findings of one rule in one file. */
export function findingsOf(ws: LintedWorkspace, path: string, ruleId: string): Finding[] {
  return (ws.findings.get(path) ?? []).filter((f) => f.ruleId === ruleId);
}

/** Every finding of a rule, as `path` → ranges (offsets only). */
export function placesOf(ws: LintedWorkspace, ruleId: string): Record<string, { start: number; end: number }[]> {
  const out: Record<string, { start: number; end: number }[]> = {};
  for (const [path, list] of ws.findings) {
    const mine = list.filter((f) => f.ruleId === ruleId).map((f) => ({ start: f.range.start, end: f.range.end }));
    if (mine.length > 0) out[path] = mine;
  }
  return out;
}

/** The marked range `n` of a file, offsets only. */
export function marked(ws: LintedWorkspace, path: string, n = 0): { start: number; end: number } {
  const r = ws.ranges.get(path)?.[n];
  assert.ok(r, `no marked range ${n} in ${path}`);
  return { start: r.start, end: r.end };
}

/** A finding's related locations as `[file, text covered, message]`, with the file the finding is in for same-file ones. */
export function relatedOf(ws: LintedWorkspace, path: string, finding: Finding): [string, string, string][] {
  return (finding.related ?? []).map((r) => {
    const file = r.file ?? path;
    return [file, (ws.texts.get(file) ?? '').slice(r.range.start, r.range.end), r.message];
  });
}

/** Applies a fix to the file it edits and returns that file's new text. */
export function applyFixTo(ws: LintedWorkspace, shownIn: string, fix: Fix): { file: string; text: string } {
  const file = fix.file ?? shownIn;
  return { file, text: applyEdits(ws.texts.get(file) ?? '', fix.edits) };
}

/** The same files in a different order (a fixed permutation, so a failure can be reproduced). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A finding without what differs between runs by design: nothing; for comparing runs as plain data. */
export function plain(ws: LintedWorkspace): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const path of [...ws.findings.keys()].sort()) out[path] = JSON.parse(JSON.stringify(ws.findings.get(path)));
  return out;
}
