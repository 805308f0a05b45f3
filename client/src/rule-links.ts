import { parseLocaleSetting, parseLocaleTag } from '../../server/src/core/i18n/locale';
import type { Locale } from '../../server/src/core/i18n/locale';
import { ruleDocUrl } from '../../server/src/core/rule-docs';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol/constants';

/**
 * The server sends a diagnostic's rule id as its `code` and no `codeDescription`: the page's address is a
 * function of the rule id and the language, and repeating it on every diagnostic made a third of the
 * bytes on the wire. The VS Code client puts the link back, so the rule id in the Problems panel and in
 * the diagnostic's hover opens the rule's page. Pure (no `vscode` import) so that it is tested directly.
 */

/**
 * The language of the pages linked: `kafkaLint.locale` when it names one, else VS Code's display language
 * (what VS Code sends as `initialize.locale`), as the server resolves the language of its messages; the
 * server ignores a `.kafkalint.json` `"locale"` (the language is the user's), so this is the same choice.
 */
export function linkLocale(setting: unknown, displayLanguage: string): Locale {
  const chosen = parseLocaleSetting(setting);
  if (chosen !== undefined && chosen !== 'auto') return chosen;
  return parseLocaleTag(displayLanguage) ?? 'en';
}

/** The rule page of a Kafka Lint diagnostic (by its `source` and string `code`), or undefined for any other diagnostic. */
export function ruleLink(source: string | undefined, code: unknown, locale: Locale): string | undefined {
  if (source !== DIAGNOSTIC_SOURCE || typeof code !== 'string' || !/^[a-z]+\/[a-z0-9-]+$/.test(code)) return undefined;
  return ruleDocUrl(code, locale);
}
