import type { AnalyzedDocument, Finding, Severity } from './model';
import type { LintOptions } from './options';
import { DEFAULT_OPTIONS } from './options';
import { DOCUMENT_RULES } from './rules/index';
import type { AnyRule } from './rules/types';
import { isDeploymentRule } from './rules/types';
import { directiveLineOf, mayHaveSuppressions, readSuppressions } from './suppressions';
import { documentLineIndex } from './text';
import { branchSeverity, branchVariants, onBranch } from './branches';
import { localize, t } from './i18n/index';
import type { Message, MessageArgs, MessageKey } from './i18n/index';

/**
 * Runs every enabled rule on an analyzed document and returns its findings, sorted by position, with
 * severity overrides and suppression comments applied. Pure: the server, the CLI and the tests all call it.
 *
 * A document that is not Kafka configuration (`isKafka: false`) gets no finding at all. Cross-file rules
 * are not run here: `lintDeployment` (core/deployment/lint.ts) runs them on the model of several files.
 */
export function lint(document: AnalyzedDocument, options: LintOptions = DEFAULT_OPTIONS, rules: readonly AnyRule[] = DOCUMENT_RULES): Finding[] {
  if (!document.isKafka) return [];
  // Markdown: only when the user opts in, and each fenced block on its own (core/markdown/analyze-markdown.ts).
  if (document.parts) {
    if (!options.markdown) return [];
    return document.parts
      .flatMap((part) => lint(part, options, rules))
      .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  }
  const findings = runRules(document, options, rules);
  // Conditional values: each literal branch judged on its own (core/branches.ts).
  for (const { document: variant, branch } of branchVariants(document)) {
    const when = t(options.locale, branch.when ? 'lint.branch.true' : 'lint.branch.false');
    for (const f of runRules(variant, options, rules)) {
      if (!onBranch(f, branch)) continue;
      const level = options.rules[f.ruleId];
      findings.push({
        ...f,
        severity: level && level !== 'off' ? level : branchSeverity(f.severity),
        message: t(options.locale, 'lint.branch', { condition: branch.condition, when, message: f.message }),
        fixes: f.fixes?.map((fix) => ({ ...fix, preferred: false })),
      });
    }
  }
  let kept = document.groups.length > 1 ? distinct(findings) : findings;
  if (mayHaveSuppressions(document.text)) {
    const index = documentLineIndex(document);
    const suppressions = readSuppressions(document.text, index);
    const lineOf = directiveLineOf(document, index);
    kept = findings.filter((f) => !suppressions.isSuppressed(f.ruleId, lineOf(f.range.start)));
  }
  return kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}

/**
 * The findings without repeats: one entry read into two groups (a Java map that two clients are built from,
 * scanners/java/config.ts `perClient`) gives the same finding twice, on the same range with the same
 * message, related locations and fixes. Findings that differ in any of these are all kept (two compose
 * services sharing one anchored value each point at their own service).
 */
function distinct(findings: readonly Finding[]): Finding[] {
  // By rule, range and message first; the rest is compared only where those meet (rarely: this runs on each keystroke).
  const byPlace = new Map<string, Finding[]>();
  const rest = (f: Finding): string => JSON.stringify([f.severity, f.related ?? null, f.fixes ?? null]);
  return findings.filter((f) => {
    const place = `${f.ruleId}\u0000${f.range.start}\u0000${f.range.end}\u0000${f.message}`;
    const same = byPlace.get(place);
    if (!same) {
      byPlace.set(place, [f]);
      return true;
    }
    if (same.some((o) => rest(o) === rest(f))) return false;
    same.push(f);
    return true;
  });
}

/** Every enabled document rule on one document, with the user's severity overrides. */
function runRules(document: AnalyzedDocument, options: LintOptions, rules: readonly AnyRule[]): Finding[] {
  const findings: Finding[] = [];
  const { locale } = options;
  const texts = {
    t: <K extends MessageKey>(key: K, ...args: MessageArgs<K>): string => t(locale, key, ...args),
    localize: (message: Message): string => localize(locale, message),
  };
  for (const rule of rules) {
    // Cross-file rules read the deployment model: `lintDeployment` runs them.
    if (isDeploymentRule(rule)) continue;
    const level = options.rules[rule.meta.id];
    if (level === 'off') continue;
    try {
      rule.check({
        document,
        options,
        ...texts,
        report(r) {
          const severity: Severity = level ?? r.severity ?? rule.meta.defaultSeverity;
          findings.push({
            ruleId: rule.meta.id,
            stage: rule.meta.stage,
            severity,
            message: r.message,
            range: r.range,
            related: r.related,
            fixes: r.fixes?.map((f) => (f.scope ? { title: t(locale, 'formats.fix.scoped', { title: f.title, scope: localize(locale, f.scope) }), edits: f.edits, preferred: f.preferred } : f)),
          });
        },
      });
    } catch (err) {
      // A rule bug must never take the whole file down: report it where the user can see it.
      findings.push({
        ruleId: rule.meta.id,
        stage: rule.meta.stage,
        severity: 'hint',
        message: t(locale, 'lint.ruleFailed', { id: rule.meta.id, error: err instanceof Error ? err.message : String(err) }),
        range: { start: 0, end: 0 },
      });
    }
  }
  return findings;
}
