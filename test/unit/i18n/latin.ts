import { findKey } from '../../../server/src/core/catalog/index';
import { ALLOWED_LATIN, ENGLISH_WORDS } from './allowed-latin';

/**
 * The check behind "a Chinese text contains no English": every run of Latin letters left in a Chinese text
 * must be a Kafka key, a `key=value`, code (an identifier with `.`, `_`, `/`, `()`, `::` or digits, or in
 * camelCase), or a word of the allow-list (product names, acronyms, the few terms Chinese Kafka writing
 * keeps in English). Placeholders, inline code, fenced code blocks, URLs and link targets are skipped.
 */

/** What a placeholder becomes in prose: code, so that `rules.{id}` reads as `rules.P0`. */
const PLACEHOLDER_MARK = 'P0';

/** What a text holds once the parts that are never translated are removed. */
export function proseOf(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/``[^`]+``|`[^`\n]+`/g, ' ')
    .replace(/\]\([^)\s]*\)/g, '] ')
    .replace(/<[a-z][^>]*>|<\/[a-z]+>|<!--[\s\S]*?-->/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, PLACEHOLDER_MARK)
    .replace(/\\[A-Za-z]+/g, ' ');
}

/** `acks=all`, `enable.auto.commit=false`, `retries=0`: a setting as written, never translated. */
const ASSIGNMENT = /[A-Za-z0-9_.$\-[\]]+=[^\s，。；：、（）()“”"'`,;]*/g;
const TOKEN = /[./]?[A-Za-z][A-Za-z0-9]*(?:[._:'-][A-Za-z0-9]+)*(?:\/[a-z][a-z0-9-]*)?(?:\(\))?/g;

/** True when `token` reads as code rather than as a word. */
export function isCodeLike(token: string): boolean {
  if (token.startsWith('.') || token.startsWith('/')) return true;
  if (token.includes('/')) return RULE_ID.test(token);
  return /[._:(]|\d/.test(token) || /[a-z][A-Z]/.test(token);
}

/** A rule id (`producer/acks-zero`); other words joined by a slash are prose (`transaction/share`). */
const RULE_ID = /^(producer|broker|consumer|config)\/[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * True when `token` is a key of the catalog (`acks`, `retries`). Only the documented keys count: the list of
 * every known key also holds plain words (`file`, `topic`) that must not pass as keys in prose.
 */
function isKafkaKey(token: string): boolean {
  return findKey(token) !== undefined;
}

/**
 * The values a key (or one of our own settings) takes, for the bare values a text may name next to its key:
 * `acks 不为 all` is fine because `all` is a value of `acks`, and the text names `acks`.
 */
function valuesOf(key: string): readonly string[] {
  const own = OWN_SETTING_VALUES[key];
  if (own) return own;
  const doc = findKey(key);
  return doc ? [...(doc.validValues ?? []), ...(doc.suggestedValues ?? []), ...(doc.type === 'boolean' ? ['true', 'false'] : [])] : [];
}

/** Values of Kafka Lint's own settings (`locale`, rule levels), by setting name. */
const OWN_SETTING_VALUES: Readonly<Record<string, readonly string[]>> = {
  locale: ['auto', 'en', 'zh-cn'],
  rules: ['off', 'hint', 'info', 'warning', 'error'],
  format: ['text', 'json', 'sarif', 'markdown'],
};

/** The Latin words of a text that are not allowed in a Chinese text, in order. */
export function strayEnglish(text: string): string[] {
  const assignments = [...proseOf(text).matchAll(ASSIGNMENT)].map((m) => m[0].split('=')[0]);
  const prose = proseOf(text).replace(ASSIGNMENT, ' ');
  const tokens = [...prose.matchAll(TOKEN)].map((m) => m[0]);
  // Bare values are fine when the text names their key; keys are read as written (`acks`, `rules.P0` → `rules`).
  const named = new Set([...tokens, ...assignments, ...tokens.map((t) => t.split('.')[0])]);
  const values = new Set([...named].flatMap(valuesOf));
  const stray: string[] = [];
  for (const token of tokens) {
    if (isCodeLike(token) || isKafkaKey(token) || ALLOWED_LATIN.has(token) || values.has(token)) continue;
    stray.push(token);
  }
  return stray;
}

/** The allow-list words a text uses (to find entries no text needs any more). */
export function allowedWordsIn(text: string): string[] {
  const prose = proseOf(text).replace(ASSIGNMENT, ' ');
  return [...prose.matchAll(TOKEN)].map((m) => m[0]).filter((w) => ALLOWED_LATIN.has(w));
}

/** True when the text holds a CJK ideograph. */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/**
 * What must be the same in a text and its translation: numbers, settings as written (`acks=all`), and code
 * (keys, identifiers, calls), each once, sorted. Units and counts must survive translation unchanged.
 */
export function invariantsOf(text: string): string[] {
  const prose = proseOf(text);
  const found = new Set<string>();
  for (const m of prose.matchAll(ASSIGNMENT)) found.add(m[0].replace(/[.:,;]+$/, ''));
  const rest = prose.replace(ASSIGNMENT, ' ');
  for (const m of rest.matchAll(TOKEN)) {
    const token = m[0].replace(/[.]+$/, '');
    if (isCodeLike(token) && /[A-Za-z]/.test(token)) found.add(token);
    else if (isKafkaKey(token) && token === token.toLowerCase()) found.add(token);
  }
  for (const m of rest.replace(TOKEN, ' ').matchAll(/(?<![A-Za-z0-9])\d+(?:\.\d+)*/g)) found.add(m[0]);
  // Placeholders are compared by the placeholder test; `{key}={value}` and `{key} to {value}` say the same.
  return [...found].filter((t) => t.replace(new RegExp(PLACEHOLDER_MARK, 'g'), '').replace(/[=.:,;]/g, '') !== '').sort();
}

export { ENGLISH_WORDS };
