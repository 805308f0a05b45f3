/**
 * The languages Kafka Lint speaks, and how a language tag or a POSIX locale picks one. Pure: the caller
 * hands in the tag (the LSP client's `initialize.locale`, a setting, `--locale`) or the environment.
 */

/** A language with a complete catalogue. Simplified Chinese is `zh-cn`, as VS Code names it. */
export type Locale = 'en' | 'zh-cn';

/** Every supported locale; English first (the fallback). */
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** What a user may choose in `kafkaLint.locale` and `.kafkalint.json` `"locale"`: `auto` follows the editor or the environment. */
export type LocaleSetting = 'auto' | Locale;

export const LOCALE_SETTINGS: readonly LocaleSetting[] = ['auto', 'en', 'zh-cn'];

/** The BCP 47 tag of a locale, for `lang` attributes and SARIF's `language`. */
export function languageTag(locale: Locale): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en';
}

/** Traditional Chinese regions and scripts: not Simplified, so they stay English until a catalogue exists. */
const TRADITIONAL = /^zh[-_](?:hant|tw|hk|mo)(?:$|[-_.@])/i;
const SIMPLIFIED = /^zh(?:$|[-_.@])/i;

/**
 * The locale a language tag asks for, or undefined when the tag names none we know.
 *
 * Accepts BCP 47 (`zh-CN`, `zh-Hans`, `zh-Hans-SG`, `en-US`) and POSIX spellings (`zh_CN.UTF-8`,
 * `zh_SG.GB2312@stroke`). Any Chinese tag that is not Traditional (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…`)
 * is Simplified; `C` and `POSIX` are English.
 */
export function parseLocaleTag(tag: string | undefined | null): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const t = tag.trim();
  if (t === '') return undefined;
  if (t === 'C' || t === 'POSIX' || /^C\./.test(t)) return 'en';
  if (TRADITIONAL.test(t)) return 'en';
  if (SIMPLIFIED.test(t)) return 'zh-cn';
  if (/^en(?:$|[-_.@])/i.test(t)) return 'en';
  return undefined;
}

/**
 * The locale of a POSIX environment as `setlocale(LC_MESSAGES, "")` picks it: the first non-empty of
 * `LC_ALL`, `LC_MESSAGES`, `LANG`. A language we have no catalogue for, `C`, `POSIX` or nothing set is English.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return parseLocaleTag(value) ?? 'en';
  }
  return 'en';
}

/** Reads a `locale` setting value: `auto`, `en` or `zh-cn` (case and `_` folded, so `zh_CN` works); undefined when it is none of them. */
export function parseLocaleSetting(value: unknown): LocaleSetting | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  return (LOCALE_SETTINGS as readonly string[]).includes(v) ? (v as LocaleSetting) : undefined;
}
