import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SPRING_PROPERTIES, allKeys } from '../../../server/src/core/catalog/index';
import { DEFAULT_NOTES_ZH_CN, KEY_DOCS_ZH_CN, SPRING_SUMMARIES_ZH_CN } from '../../../server/src/core/catalog/zh-cn';
import type { KeyDocTranslation } from '../../../server/src/core/catalog/zh-cn';

/** The texts of the key catalog (catalog/keys, defaults.ts, spring.ts) with their Chinese translations (catalog/zh-cn.ts). */

const CATALOG_DIR = join(__dirname, '..', '..', '..', '..', 'server', 'src', 'core', 'catalog');

/** Every `note: '…'` literal of the catalog sources (defaults.ts and keys/*.ts), so that no history is missed. */
function notesInSources(): string[] {
  const files = [...readdirSync(CATALOG_DIR).map((f) => join(CATALOG_DIR, f)), ...readdirSync(join(CATALOG_DIR, 'keys')).map((f) => join(CATALOG_DIR, 'keys', f))];
  const notes = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('zh-cn.ts'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bnote: '((?:[^'\\]|\\.)*)'/g)) notes.add(m[1].replace(/\\(.)/g, '$1'));
  }
  return [...notes].sort();
}

/** Every note the hovers can show: the key docs' histories, and the literals of the sources. */
export function allNotes(): string[] {
  const fromDocs = allKeys().flatMap((k) => (k.defaults ?? []).flatMap((v) => (v.note === undefined ? [] : [v.note])));
  return [...new Set([...fromDocs, ...notesInSources()])].sort();
}

/** One English text with its translation, and the key whose values it may name as written. */
export interface KeyDocPair {
  readonly where: string;
  readonly english: string;
  readonly chinese: string | undefined;
  readonly key?: string;
}

export function keyDocPairs(): KeyDocPair[] {
  const out: KeyDocPair[] = [];
  for (const doc of allKeys()) {
    const zh: KeyDocTranslation | undefined = KEY_DOCS_ZH_CN[doc.key];
    for (const field of ['summary', 'loss', 'safe'] as const) {
      const english = doc[field];
      if (english !== undefined) out.push({ where: `${doc.key} ${field}`, english, chinese: zh?.[field], key: doc.key });
    }
    for (const [value, english] of Object.entries(doc.valueDocs ?? {})) out.push({ where: `${doc.key} valueDocs[${value}]`, english, chinese: zh?.valueDocs?.[value], key: doc.key });
  }
  for (const note of allNotes()) out.push({ where: `note "${note}"`, english: note, chinese: DEFAULT_NOTES_ZH_CN[note] });
  for (const p of SPRING_PROPERTIES) if (p.summary !== undefined) out.push({ where: `${p.name} summary`, english: p.summary, chinese: SPRING_SUMMARIES_ZH_CN[p.name] });
  return out;
}

