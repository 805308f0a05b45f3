import type { AnalyzedDocument, Finding, Severity } from './model';
import type { LintOptions } from './options';
import { DEFAULT_OPTIONS } from './options';
import { RULES } from './rules/index';
import type { Rule } from './rules/types';
import { mayHaveSuppressions, readSuppressions } from './suppressions';
import { documentLineIndex } from './text';

/** The rule that reports text the reader could not make sense of (malformed escapes, YAML syntax). */
export const SYNTAX_RULE_ID = 'config/syntax-error';

/**
 * Runs every enabled rule on an analyzed document and returns its findings, sorted by position, with
 * severity overrides and suppression comments applied. Pure: the server, the CLI and the tests all call it.
 *
 * A document that is not Kafka configuration (`isKafka: false`) gets no finding at all.
 */
export function lint(document: AnalyzedDocument, options: LintOptions = DEFAULT_OPTIONS, rules: readonly Rule[] = RULES): Finding[] {
  if (!document.isKafka) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = options.rules[rule.meta.id];
    if (level === 'off') continue;
    try {
      rule.check({
        document,
        options,
        report(r) {
          const severity: Severity = level ?? r.severity ?? rule.meta.defaultSeverity;
          findings.push({
            ruleId: rule.meta.id,
            stage: rule.meta.stage,
            severity,
            message: r.message,
            range: r.range,
            related: r.related,
            fixes: r.fixes,
          });
        },
      });
    } catch (err) {
      // A rule bug must never take the whole file down: report it where the user can see it.
      findings.push({
        ruleId: rule.meta.id,
        stage: rule.meta.stage,
        severity: 'hint',
        message: `Kafka Lint: rule ${rule.meta.id} failed on this file (${err instanceof Error ? err.message : String(err)}). Please report this.`,
        range: { start: 0, end: 0 },
      });
    }
  }
  let kept = findings;
  if (mayHaveSuppressions(document.text)) {
    const index = documentLineIndex(document);
    const suppressions = readSuppressions(document.text, index);
    kept = findings.filter((f) => !suppressions.isSuppressed(f.ruleId, index.positionAt(f.range.start).line));
  }
  return kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}
