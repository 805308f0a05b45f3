import type { Locale } from './i18n/index';

/**
 * Where each rule's page lives. Hovers, the VS Code client (the rule id of a diagnostic), SARIF and the reports link here.
 * The pages are `docs/rules/<stage>/<name>.md` in the repository, and `<name>.zh-CN.md` in Simplified Chinese.
 */
export const REPOSITORY_URL = 'https://github.com/kafka-lint/kafka-lint';

/** The repository path of a rule's page in `locale`: `docs/rules/producer/acks-zero.md`, `….zh-CN.md`. */
export function ruleDocPath(ruleId: string, locale: Locale = 'en'): string {
  return `docs/rules/${ruleId}${locale === 'zh-cn' ? '.zh-CN' : ''}.md`;
}

/** The page for a rule id like `producer/acks-zero`, in the language of `locale`. */
export function ruleDocUrl(ruleId: string, locale: Locale = 'en'): string {
  return `${REPOSITORY_URL}/blob/main/${ruleDocPath(ruleId, locale)}`;
}
