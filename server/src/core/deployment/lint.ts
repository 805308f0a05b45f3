import type { Finding, Severity } from '../model';
import { t } from '../i18n/index';
import type { MessageArgs, MessageKey } from '../i18n/index';
import type { LintOptions } from '../options';
import { DEFAULT_OPTIONS } from '../options';
import { DEPLOYMENT_RULES } from '../rules/index';
import type { DeploymentRule } from '../rules/types';
import { suppressionsOf } from '../suppressions';
import type { DeploymentFile } from './extract';
import type { Deployment } from './model';
import { compare } from './model';

/** The cross-file findings of a deployment, by the path of the file each is shown in. */
export interface DeploymentFindings {
  readonly byFile: ReadonlyMap<string, readonly Finding[]>;
  /** Rules that failed (a bug), in words for the log. Their findings are left out. */
  readonly failures: readonly string[];
}

/**
 * Runs the cross-file rules on a deployment model, then applies what per-file lint applies: rule levels
 * from the options, and the suppression comments of the file each finding is shown in (a comment for a rule
 * the finding supersedes suppresses it as well). Rule levels stay each rule's own. Findings of one
 * file come sorted by position; the same finding (rule and range) is reported once. Pure.
 */
export function lintDeployment(deployment: Deployment, options: LintOptions = DEFAULT_OPTIONS, rules: readonly DeploymentRule[] = DEPLOYMENT_RULES): DeploymentFindings {
  const files = new Map<string, DeploymentFile>(deployment.files.map((f) => [f.file, f]));
  const byFile = new Map<string, Finding[]>();
  const failures: string[] = [];
  for (const rule of rules) {
    const level = options.rules[rule.meta.id];
    if (level === 'off') continue;
    const found: { file: string; finding: Finding }[] = [];
    try {
      rule.check({
        deployment,
        options,
        t: <K extends MessageKey>(key: K, ...args: MessageArgs<K>): string => t(options.locale, key, ...args),
        report(r) {
          const severity: Severity = level ?? r.severity ?? rule.meta.defaultSeverity;
          const finding: Finding = {
            ruleId: rule.meta.id,
            stage: rule.meta.stage,
            severity,
            message: r.message,
            range: r.range,
            ...(r.related && r.related.length > 0 ? { related: r.related } : {}),
            ...(r.fixes && r.fixes.length > 0 ? { fixes: r.fixes } : {}),
            ...(r.supersedes && r.supersedes.length > 0 ? { supersedes: r.supersedes } : {}),
          };
          found.push({ file: r.file, finding });
        },
      });
    } catch (err) {
      failures.push(t(options.locale, 'deployment.ruleFailed', { id: rule.meta.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
      continue;
    }
    for (const { file, finding } of found) {
      const list = byFile.get(file) ?? [];
      list.push(finding);
      byFile.set(file, list);
    }
  }
  for (const [file, list] of byFile) {
    const info = files.get(file);
    const suppressions = suppressionsOf(info?.suppressions);
    const aliases = new Map(info?.directiveLines ?? []);
    const seen = new Set<string>();
    const kept = list.filter((f) => {
      const key = `${f.ruleId}\u0000${f.range.start}\u0000${f.range.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      const line = 'line' in f.range ? (f.range as { line: number }).line : 0;
      const at = aliases.get(line) ?? line;
      // A directive for a rule this finding supersedes covers it too: the finding stands in for that rule's
      // finding on the same line, and the comment already says the setting is meant.
      return !suppressions.isSuppressed(f.ruleId, at) && !(f.supersedes ?? []).some((id) => suppressions.isSuppressed(id, at));
    });
    byFile.set(file, sortFindings(kept));
  }
  return { byFile, failures };
}

/**
 * The cross-file findings of one model when its files are graded with different options (a multi-root
 * workspace, CLI folders with their own `.kafkalint.json`): one {@link lintDeployment} pass per options object
 * of `sets` (run once for an object given twice), and each file takes the findings of the pass of its own
 * options (`optionsOf`, by the file's name in the model: one of `sets`, asked only of files some pass found
 * something in). Failures are those of the passes, each once. Pure.
 */
export function lintDeploymentPerFile(deployment: Deployment, sets: readonly LintOptions[], optionsOf: (file: string) => LintOptions): DeploymentFindings {
  const passes = new Map<LintOptions, ReadonlyMap<string, readonly Finding[]>>();
  const failures = new Set<string>();
  for (const options of sets) {
    if (passes.has(options)) continue;
    const result = lintDeployment(deployment, options);
    for (const failure of result.failures) failures.add(failure);
    passes.set(options, result.byFile);
  }
  const byFile = new Map<string, readonly Finding[]>();
  for (const file of new Set([...passes.values()].flatMap((pass) => [...pass.keys()]))) {
    const found = passes.get(optionsOf(file))?.get(file);
    if (found && found.length > 0) byFile.set(file, found);
  }
  return { byFile, failures: [...failures] };
}

/**
 * One file's findings: its own (per-file lint) and the cross-file ones shown in it. A cross-file finding
 * that supersedes a per-file rule replaces that rule's finding on the same range (it says the same and
 * names the file that makes it matter).
 */
export function combineFindings(own: readonly Finding[], cross: readonly Finding[] | undefined): Finding[] {
  if (!cross || cross.length === 0) return [...own];
  const replaced = new Set<string>();
  for (const f of cross) for (const id of f.supersedes ?? []) replaced.add(`${id}\u0000${f.range.start}\u0000${f.range.end}`);
  const kept = replaced.size === 0 ? own : own.filter((f) => !replaced.has(`${f.ruleId}\u0000${f.range.start}\u0000${f.range.end}`));
  return sortFindings([...kept, ...cross]);
}

/** Position order, then rule id (as per-file lint orders them), then message: the order every front end shows. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId) || compare(a.message, b.message));
}
