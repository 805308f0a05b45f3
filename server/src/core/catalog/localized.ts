import type { Locale } from '../i18n/index';
import type { SpringProperty } from './spring';
import type { KeyDoc } from './types';

/**
 * The key docs of the catalog in the user's language. The catalog is written in English; until its Simplified
 * Chinese translation (catalog/zh-cn.ts) is in, every language reads the English docs, while the labels around
 * them (hover.ts, the `hover.*` catalogue texts) are already translated.
 */
export function localizedKeyDoc(doc: KeyDoc, _locale: Locale): KeyDoc {
  return doc;
}

/** A default's history note in `locale` (English until the translation is in). */
export function localizedNote(note: string, _locale: Locale): string {
  return note;
}

/** A Spring property's summary in `locale` (English until the translation is in). */
export function localizedSpringSummary(p: SpringProperty, _locale: Locale): string | undefined {
  return p.summary;
}
