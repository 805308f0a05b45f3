import { EN } from './en/index';
import type { Locale } from './locale';
import { PLACEHOLDER } from './placeholders';
import type { ParamValue, Placeholders, ParamsFor } from './placeholders';
import { ZH_CN } from './zh-cn/index';

/**
 * The message catalogue: every text a user reads, by key, in English and Simplified Chinese.
 *
 * `t(locale, key, params)` formats one text; `msg(key, params)` keeps a key and its parameters for later,
 * for code that does not know the locale yet (the scanners, which run before options apply);
 * `localize(locale, message)` formats such a message. Keys, and the parameters each text takes, are
 * checked at compile time against the English catalogue. See README.md in this folder.
 */

export type { Locale, LocaleSetting } from './locale';
export { LOCALES, LOCALE_SETTINGS, languageTag, localeFromEnvironment, parseLocaleSetting, parseLocaleTag } from './locale';

/** The English catalogue's type: the source of every key and of the placeholders of each text. */
export type Catalogue = typeof EN;
export type MessageKey = keyof Catalogue;

/** The parameters of a key's text: one string or number per placeholder. */
export type MessageParams<K extends MessageKey> = ParamsFor<Catalogue[K]>;

/** The rest arguments after a key: none for a text without placeholders, else its parameter object. */
export type MessageArgs<K extends MessageKey> = [Placeholders<Catalogue[K]>] extends [never] ? [] : [params: MessageParams<K>];

/** Every catalogue, by locale. The Chinese one is typed to have exactly the English keys (zh-cn/index.ts). */
export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-cn': ZH_CN };

/** A text compiled once: literal parts around the placeholder names, `parts.length === names.length + 1`. */
interface Compiled {
  readonly parts: readonly string[];
  readonly names: readonly string[];
}

const COMPILED: Record<Locale, Map<string, Compiled>> = { en: new Map(), 'zh-cn': new Map() };

function compile(text: string): Compiled {
  const parts: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(at, m.index));
    names.push(m[1]);
    at = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(at));
  return { parts, names };
}

/** Formats a text with its parameters; a parameter the call did not give stays as `{name}` (types prevent it). */
function render(locale: Locale, key: string, params: Readonly<Record<string, ParamValue>> | undefined): string {
  const cache = COMPILED[locale];
  let compiled = cache.get(key);
  if (!compiled) {
    const text = (CATALOGUES[locale] as Readonly<Record<string, string>>)[key] ?? (CATALOGUES.en as Readonly<Record<string, string>>)[key] ?? key;
    compiled = compile(text);
    cache.set(key, compiled);
  }
  const { parts, names } = compiled;
  if (names.length === 0) return parts[0];
  let out = parts[0];
  for (let i = 0; i < names.length; i++) {
    const value = params?.[names[i]];
    const text = value === undefined ? `{${names[i]}}` : typeof value === 'object' ? render(locale, value.key, value.params) : String(value);
    out += text + parts[i + 1];
  }
  return out;
}

/** The text of `key` in `locale`, with its placeholders filled from `params`. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: MessageArgs<K>): string {
  return render(locale, key, args[0] as Readonly<Record<string, ParamValue>> | undefined);
}

/**
 * A key with its parameters, to be formatted once the locale is known ({@link localize}). A parameter may be
 * another message, which is formatted in the same locale.
 */
export interface Message<K extends MessageKey = MessageKey> {
  readonly key: K;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** Keeps a key and its parameters for {@link localize}; the parameters are checked like {@link t}'s. */
export function msg<K extends MessageKey>(key: K, ...args: MessageArgs<K>): Message<K> {
  const params = args[0] as Readonly<Record<string, ParamValue>> | undefined;
  return params === undefined ? { key } : { key, params };
}

/** Formats a {@link Message} in `locale`. */
export function localize(locale: Locale, message: Message): string {
  return render(locale, message.key, message.params);
}

/** True when `key` is in the catalogue (for keys built at run time, such as `<rule id>.description`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUES.en, key);
}

/** The one-line description of a rule (`<rule id>.description` in the catalogue), or `''` when it has none. */
export function ruleDescription(ruleId: string, locale: Locale): string {
  const key = `${ruleId}.description`;
  return hasMessage(key) ? render(locale, key, undefined) : '';
}
