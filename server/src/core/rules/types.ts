import type { AnalyzedDocument, ConfigGroup, Finding, Fix, Range, RelatedLocation, Severity, Stage } from '../model';
import type { LintOptions } from '../options';
import type { Message, MessageArgs, MessageKey } from '../i18n/index';

/**
 * What a rule is, as data: drives docs pages, the settings schema, the rules table and meta-tests. Its
 * one-line description is the catalogue text `<id>.description` (`ruleDescription(id, locale)` in core/i18n).
 */
export interface RuleMeta {
  /** Stable id `stage/name`: a contract that other tools read. */
  readonly id: string;
  readonly stage: Stage;
  readonly defaultSeverity: Severity;
  /** True when the rule offers a quick fix for at least some findings. */
  readonly fixable: boolean;
}

/** What a rule reports; `stage` and the id come from the rule's meta. */
export interface Report {
  readonly range: Range;
  readonly message: string;
  /** Overrides the default severity for this finding (e.g. RF below min ISR is an error). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}

/** Everything a rule may read. Rules are pure: no I/O, no connection. */
export interface RuleContext {
  readonly document: AnalyzedDocument;
  readonly options: LintOptions;
  report(report: Report): void;
  /** A catalogue text in the user's language (`options.locale`): every message and fix title goes through it. */
  t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string;
  /** A message a scanner or reader kept as key and parameters, in the user's language. */
  localize(message: Message): string;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Convenience for rules that look at one group at a time. */
export function forEachGroup(context: RuleContext, fn: (group: ConfigGroup) => void): void {
  for (const group of context.document.groups) fn(group);
}

export type { Finding };
