import type { Locale } from '../i18n/index';
import type { SpringProperty } from './spring';
import type { KeyDoc, VersionedValue } from './types';
import { DEFAULT_NOTES_ZH_CN, KEY_DOCS_ZH_CN, SPRING_SUMMARIES_ZH_CN } from './zh-cn';

/**
 * The key catalog in the user's language: hovers and completion read a key's texts through these functions.
 * English is the catalog itself; Simplified Chinese comes from zh-cn.ts, field by field, with the English
 * text wherever a translation is missing (the tests keep that from happening). Pure: no LSP import.
 */

/** Chinese docs made so far, per catalog entry (one entry per key). */
const ZH_CN_DOCS = new WeakMap<KeyDoc, KeyDoc>();

/** The note of a default history entry in `locale` (the English note when it has no translation). */
export function localizedNote(note: string, locale: Locale): string {
  return locale === 'zh-cn' ? (DEFAULT_NOTES_ZH_CN[note] ?? note) : note;
}

/** Value docs with each value's text translated, the English text kept for a value the translation lacks. */
function localizedValueDocs(english: Readonly<Record<string, string>>, translated: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [value, text] of Object.entries(english)) out[value] = translated?.[value] ?? text;
  return out;
}

function localizedHistory(history: readonly VersionedValue[]): readonly VersionedValue[] {
  return history.map((v) => (v.note === undefined ? v : { ...v, note: localizedNote(v.note, 'zh-cn') }));
}

/**
 * `doc` in `locale`: the same object for English; for Chinese a copy with summary, loss, safe value, value docs
 * and the notes of its default history translated (English for any field without a translation), made once
 * per key.
 */
export function localizedKeyDoc(doc: KeyDoc, locale: Locale): KeyDoc {
  if (locale !== 'zh-cn') return doc;
  const cached = ZH_CN_DOCS.get(doc);
  if (cached) return cached;
  const zh = KEY_DOCS_ZH_CN[doc.key];
  const localized: KeyDoc = {
    ...doc,
    summary: zh?.summary ?? doc.summary,
    ...(doc.loss !== undefined && { loss: zh?.loss ?? doc.loss }),
    ...(doc.safe !== undefined && { safe: zh?.safe ?? doc.safe }),
    ...(doc.valueDocs !== undefined && { valueDocs: localizedValueDocs(doc.valueDocs, zh?.valueDocs) }),
    ...(doc.defaults !== undefined && { defaults: localizedHistory(doc.defaults) }),
  };
  ZH_CN_DOCS.set(doc, localized);
  return localized;
}

/** The summary of a Spring-only property in `locale`; undefined when the property has none (it sets a Kafka key). */
export function localizedSpringSummary(p: SpringProperty, locale: Locale): string | undefined {
  if (p.summary === undefined || locale !== 'zh-cn') return p.summary;
  return SPRING_SUMMARIES_ZH_CN[p.name] ?? p.summary;
}
