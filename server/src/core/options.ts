import type { RuleLevel } from './model';
import { NEWEST_KAFKA_VERSION } from './catalog/versions';

/**
 * Everything that changes what the engine reports. The same shape is read from the editor settings
 * (`kafkaLint.*`), from `.kafkalint.json` and from CLI flags.
 */
export interface LintOptions {
  /** Kafka version whose defaults apply to unset keys, `X.Y` or `X.Y.Z`. */
  readonly kafkaVersion: string;
  /** Per-rule level overrides by rule id. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
}

export const DEFAULT_OPTIONS: LintOptions = Object.freeze({
  kafkaVersion: NEWEST_KAFKA_VERSION,
  rules: Object.freeze({}),
});

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Problems found while normalizing options, for the caller to show; never thrown. */
export interface OptionsProblem {
  readonly message: string;
}

/**
 * Normalizes untrusted option input (settings JSON, `.kafkalint.json`) into {@link LintOptions}.
 * Unknown fields are ignored; bad values fall back to defaults and are reported in `problems`.
 */
export function normalizeOptions(input: unknown, base: LintOptions = DEFAULT_OPTIONS): { options: LintOptions; problems: OptionsProblem[] } {
  const problems: OptionsProblem[] = [];
  let kafkaVersion = base.kafkaVersion;
  const rules: Record<string, RuleLevel> = { ...base.rules };
  if (input !== null && typeof input === 'object') {
    const o = input as Record<string, unknown>;
    if (o.kafkaVersion !== undefined && o.kafkaVersion !== null && o.kafkaVersion !== '') {
      if (typeof o.kafkaVersion === 'string' && /^\d+(\.\d+){0,2}$/.test(o.kafkaVersion.trim())) {
        kafkaVersion = o.kafkaVersion.trim();
      } else {
        problems.push({ message: `kafkaVersion must look like "3.9" or "2.8.1"; got ${JSON.stringify(o.kafkaVersion)}` });
      }
    }
    if (o.rules !== undefined && o.rules !== null) {
      if (typeof o.rules === 'object' && !Array.isArray(o.rules)) {
        for (const [id, level] of Object.entries(o.rules as Record<string, unknown>)) {
          if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) {
            rules[id] = level as RuleLevel;
          } else {
            problems.push({ message: `rules.${id} must be one of ${LEVELS.join(', ')}; got ${JSON.stringify(level)}` });
          }
        }
      } else {
        problems.push({ message: 'rules must be an object of rule id to level' });
      }
    }
  }
  return { options: { kafkaVersion, rules }, problems };
}
