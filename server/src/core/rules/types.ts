import type { AnalyzedDocument, ConfigGroup, Finding, Fix, Range, RelatedLocation, Severity, Span, Stage } from '../model';
import type { Deployment } from '../deployment/model';
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

/** A rule that reads one document at a time (most rules). */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** What a cross-file rule reports: the file it is shown in, and a span of that file. */
export interface DeploymentReport extends Report {
  /** Path of the file the finding is shown in (as the deployment model names it). */
  readonly file: string;
  readonly range: Span;
  /** Per-file rules whose finding on the same range this one replaces (see `Finding.supersedes`). */
  readonly supersedes?: readonly string[];
}

/** Everything a cross-file rule may read: the deployment model of every file in the run or workspace. */
export interface DeploymentRuleContext {
  readonly deployment: Deployment;
  readonly options: LintOptions;
  report(report: DeploymentReport): void;
  /** A catalogue text in the user's language (`options.locale`). */
  t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string;
}

/**
 * A rule that reads the deployment model (producers, topics and clusters across files) instead of one
 * document: `acks=all` is only as strong as the min ISR of the topic it writes to, wherever that is set.
 */
export interface DeploymentRule {
  readonly meta: RuleMeta;
  readonly scope: 'deployment';
  check(context: DeploymentRuleContext): void;
}

/** Either kind of rule: what the registry holds and what docs, settings and the rules table are built from. */
export type AnyRule = Rule | DeploymentRule;

/** True for a rule that reads the deployment model. */
export function isDeploymentRule(rule: AnyRule): rule is DeploymentRule {
  return (rule as Partial<DeploymentRule>).scope === 'deployment';
}

/** Convenience for rules that look at one group at a time. */
export function forEachGroup(context: RuleContext, fn: (group: ConfigGroup) => void): void {
  for (const group of context.document.groups) fn(group);
}

export type { Finding };
