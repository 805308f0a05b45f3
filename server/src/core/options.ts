import type { RuleLevel } from './model';
import { NEWEST_KAFKA_VERSION } from './catalog/versions';
import { t } from './i18n/index';
import type { Locale } from './i18n/index';
import { parseLocaleSetting } from './i18n/locale';

/**
 * Everything that changes what the engine reports. The same shape is read from the editor settings
 * (`kafkaLint.*`), from `.kafkalint.json` and from CLI flags.
 */
export interface LintOptions {
  /** Kafka version whose defaults apply to unset keys, `X.Y` or `X.Y.Z`. */
  readonly kafkaVersion: string;
  /** Per-rule level overrides by rule id. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /**
   * The language of every text the engine writes (messages, fix titles, hovers). Rules format their
   * messages with it (`context.t`); rule ids, JSON fields and fix edits never depend on it.
   */
  readonly locale: Locale;
  /**
   * Read the fenced code blocks of Markdown files (`go`, `java`, `python`, `js`/`ts`, `properties`,
   * `yaml`) with the scanner of their language. Off (undefined) by default: READMEs are not linted unless asked.
   */
  readonly markdown?: boolean;
}

export const DEFAULT_OPTIONS: LintOptions = Object.freeze({
  kafkaVersion: NEWEST_KAFKA_VERSION,
  rules: Object.freeze({}),
  locale: 'en',
  markdown: false,
});

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Problems found while normalizing options, for the caller to show; never thrown. */
export interface OptionsProblem {
  readonly message: string;
}

/**
 * Normalizes untrusted option input (settings JSON, `.kafkalint.json`) into {@link LintOptions}.
 * Unknown fields are ignored; bad values fall back to `base` and are reported in `problems`, written in the
 * resulting locale. A `locale` of `auto` (or none) keeps `base.locale`: the caller puts the editor's or
 * the environment's language there.
 */
export function normalizeOptions(input: unknown, base: LintOptions = DEFAULT_OPTIONS): { options: LintOptions; problems: OptionsProblem[] } {
  const problems: OptionsProblem[] = [];
  let kafkaVersion = base.kafkaVersion;
  let locale = base.locale;
  const rules: Record<string, RuleLevel> = { ...base.rules };
  let markdown = base.markdown === true;
  if (input !== null && typeof input === 'object') {
    const o = input as Record<string, unknown>;
    // The locale first: the problems below are written in it.
    let badLocale = false;
    if (o.locale !== undefined && o.locale !== null && o.locale !== '') {
      const setting = parseLocaleSetting(o.locale);
      if (setting === undefined) badLocale = true;
      else if (setting !== 'auto') locale = setting;
    }
    if (badLocale) problems.push({ message: t(locale, 'options.locale', { got: JSON.stringify(o.locale) }) });
    if (o.kafkaVersion !== undefined && o.kafkaVersion !== null && o.kafkaVersion !== '') {
      if (typeof o.kafkaVersion === 'string' && /^\d+(\.\d+){0,2}$/.test(o.kafkaVersion.trim())) {
        kafkaVersion = o.kafkaVersion.trim();
      } else {
        problems.push({ message: t(locale, 'options.kafkaVersion', { got: JSON.stringify(o.kafkaVersion) }) });
      }
    }
    if (o.rules !== undefined && o.rules !== null) {
      if (typeof o.rules === 'object' && !Array.isArray(o.rules)) {
        for (const [id, level] of Object.entries(o.rules as Record<string, unknown>)) {
          if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) {
            rules[id] = level as RuleLevel;
          } else {
            problems.push({ message: t(locale, 'options.ruleLevel', { id, levels: LEVELS.join(', '), got: JSON.stringify(level) }) });
          }
        }
      } else {
        problems.push({ message: t(locale, 'options.rules') });
      }
    }
    if (o.markdown !== undefined && o.markdown !== null) {
      if (typeof o.markdown === 'boolean') markdown = o.markdown;
      else problems.push({ message: t(locale, 'options.markdown', { got: JSON.stringify(o.markdown) }) });
    }
  }
  return { options: { kafkaVersion, rules, locale, markdown }, problems };
}
