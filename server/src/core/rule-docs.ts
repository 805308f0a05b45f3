/**
 * Where each rule's page lives. Diagnostics link here (`codeDescription.href`), hovers and the CLI too.
 * The pages are `docs/rules/<stage>/<name>.md` in the repository.
 */
export const REPOSITORY_URL = 'https://github.com/kafka-lint/kafka-lint';

/** The page for a rule id like `producer/acks-zero`. */
export function ruleDocUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
