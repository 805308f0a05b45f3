import { findKey } from '../../../server/src/core/catalog/index';
import { ALLOWED_LATIN, ALLOWED_PHRASES, ENGLISH_WORDS } from './allowed-latin';

/**
 * The check behind "a Chinese text contains no English": every run of Latin letters left in a Chinese text
 * must be a Kafka key, a setting as written (`acks=all`), code (an identifier with `.`, `_`, `()` or digits,
 * camelCase, a call with its arguments, a quoted identifier, a rule id, a path), a bare value of a key the
 * text names, or a word of the allow-list (product names, acronyms, literals, the few terms Chinese Kafka
 * writing keeps in English). Placeholders, Markdown code, URLs, link targets and HTML are skipped.
 */

/** What a placeholder becomes: code, so that `rules.{id}` reads as `rules.P0` and `{call}()` as `P0()`. */
const PLACEHOLDER_MARK = 'P0';

/** Markdown and markup that is never translated. */
function withoutMarkup(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/``[^`]+``|`[^`\n]+`/g, ' ')
    .replace(/\]\([^)\s]*\)/g, '] ')
    .replace(/<[a-z][^>]*>|<\/[a-z]+>|<!--[\s\S]*?-->/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, _name, at: number, whole: string) => (/[A-Za-z]/.test(whole[at - 1] ?? '') ? ` ${PLACEHOLDER_MARK}` : PLACEHOLDER_MARK))
    .replace(/\\[A-Za-z]+/g, ' ');
}

/**
 * Spans that are code however they read, in the order they are taken out: arrow functions, calls with their
 * arguments (`Flush(15 * 1000)`, `P0(msg, nil)`), `for...of`, quoted identifiers (`'delivery-report'`),
 * settings as written (`acks=all`).
 */
const CODE_SPANS: readonly RegExp[] = [
  /\([A-Za-z0-9_, ]*\)\s*=>\s*\{[^{}]*\}/g,
  /[A-Za-z0-9_.$]+\([^()（）\u4e00-\u9fff]*\)/g,
  /\bfor\.\.\.of\b/g,
  /'[A-Za-z0-9_.-]+'|"[A-Za-z0-9_.-]+"/g,
  /[A-Za-z0-9_.$\-[\]]+=[^\s，。；：、（）()“”"'`,;]*/g,
];

/** A word, an identifier, a dotted key, a path or a rule id, with `()` when it is a call. */
const TOKEN = /[./]?[A-Za-z][A-Za-z0-9]*(?:[._:-][A-Za-z0-9]+)*(?:\/[a-z][a-z0-9-]*)?(?:\(\))?/g;

/** A rule id (`producer/acks-zero`); other words joined by a slash are prose (`transaction/share`). */
const RULE_ID = /^(producer|broker|consumer|config)\/[a-z0-9]+(-[a-z0-9]+)*$/;

/** True when `token` reads as code rather than as a word. */
export function isCodeLike(token: string): boolean {
  if (token.startsWith('.') || token.startsWith('/')) return true;
  if (token.includes('/')) return RULE_ID.test(token);
  return /[._:(]|\d/.test(token) || /[a-z][A-Z]/.test(token);
}

/**
 * True when `token` is a key of the catalog (`acks`, `retries`). Only the documented keys count: the list of
 * every known key also holds plain words (`file`, `topic`) that must not pass as keys in prose.
 */
function isKafkaKey(token: string): boolean {
  return findKey(token) !== undefined;
}

/** A text split into its code spans and the prose around them (code replaced by spaces). */
function split(text: string): { code: string[]; prose: string } {
  let prose = withoutMarkup(text);
  for (const phrase of ALLOWED_PHRASES) prose = prose.split(phrase).join(' ');
  const code: string[] = [];
  for (const pattern of CODE_SPANS) {
    prose = prose.replace(pattern, (m) => {
      code.push(m);
      return ' ';
    });
  }
  return { code, prose };
}

/** What a text holds once the parts that are never translated (markup, code) are removed. */
export function proseOf(text: string): string {
  return split(text).prose;
}

/** The words of a text's prose, possessives folded (`AsyncProducer's` → `AsyncProducer`). */
function tokensOf(prose: string): string[] {
  return [...prose.matchAll(TOKEN)].map((m) => m[0].replace(/[.:]+$/, ''));
}

/** Values of Kafka Lint's own settings (`locale`, rule levels), by setting name. */
const OWN_SETTING_VALUES: Readonly<Record<string, readonly string[]>> = {
  locale: ['auto', 'en', 'zh-cn'],
  rules: ['off', 'hint', 'info', 'warning', 'error'],
  format: ['text', 'json', 'sarif', 'markdown'],
};

/** The values a key (or one of our own settings) takes: `acks 不为 all` is fine because the text names `acks`. */
function valuesOf(key: string): readonly string[] {
  const own = OWN_SETTING_VALUES[key];
  if (own) return own;
  const doc = findKey(key);
  return doc ? [...(doc.validValues ?? []), ...(doc.suggestedValues ?? [])] : [];
}

/** The Latin words of a text that are not allowed in a Chinese text, in order. */
export function strayEnglish(text: string): string[] {
  const { code, prose } = split(text);
  const tokens = tokensOf(prose);
  const named = new Set([...tokens, ...tokens.map((t) => t.split('.')[0]), ...code.map((c) => c.split('=')[0])]);
  const values = new Set([...named].flatMap(valuesOf));
  return tokens.filter((t) => !(isCodeLike(t) || isKafkaKey(t) || ALLOWED_LATIN.has(t) || values.has(t)));
}

/** The allow-list words a text uses (to find entries no text needs any more). */
export function allowedWordsIn(text: string): string[] {
  const words = tokensOf(split(text).prose).filter((w) => ALLOWED_LATIN.has(w));
  const phrases = ALLOWED_PHRASES.filter((p) => withoutMarkup(text).includes(p));
  return [...words, ...phrases];
}

/** True when the text holds a CJK ideograph or CJK punctuation. */
export function hasChinese(text: string): boolean {
  return /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text);
}

/**
 * What must be the same in a text and its translation: numbers, and code (settings as written, calls, keys,
 * identifiers), each once, sorted. Bare words that happen to be keys (`retries` in "after the retries") are
 * prose, not compared. Placeholders are compared by the placeholder test instead.
 */
export function invariantsOf(text: string): string[] {
  const { code, prose } = split(text);
  const found = new Set<string>();
  const onlyPlaceholders = (t: string) => t.replace(new RegExp(PLACEHOLDER_MARK, 'g'), '').replace(/[=.:,;()\s]/g, '') === '';
  for (const c of code) if (!onlyPlaceholders(c)) found.add(c.replace(/[.:,;]+$/, ''));
  const tokens = tokensOf(prose);
  for (const t of tokens) if (isCodeLike(t) && /[A-Za-z]/.test(t) && !onlyPlaceholders(t)) found.add(t);
  for (const m of prose.replace(TOKEN, ' ').matchAll(/(?<![A-Za-z0-9])\d+(?:\.\d+)*/g)) found.add(m[0]);
  return [...found].sort();
}

export { ENGLISH_WORDS };
