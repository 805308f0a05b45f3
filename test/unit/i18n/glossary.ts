import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseOf } from './latin';

/** One row of the glossary in server/src/core/i18n/README.md. */
export interface GlossaryTerm {
  readonly english: string;
  /** The accepted Chinese spellings (`幂等性 / 幂等`): a text must use one of them. */
  readonly chinese: readonly string[];
  /** Variants no text may use. */
  readonly rejected: readonly string[];
  /** When the English text says the term, the Chinese one must say it too. */
  readonly required: boolean;
}

export const README = join(__dirname, '..', '..', '..', '..', 'server', 'src', 'core', 'i18n', 'README.md');

/** The glossary table between the `glossary:start` and `glossary:end` markers. */
export function readGlossary(): GlossaryTerm[] {
  const text = readFileSync(README, 'utf8');
  const block = /<!-- glossary:start[^>]*-->\n([\s\S]*?)<!-- glossary:end -->/.exec(text)?.[1];
  if (!block) throw new Error('no glossary markers in the i18n README');
  const rows = block.split('\n').filter((l) => l.startsWith('|')).slice(2);
  const list = (cell: string): string[] => (cell === '—' ? [] : cell.split(/\s*[,/]\s*/).filter((s) => s !== ''));
  return rows.map((row) => {
    const [english, chinese, rejected, check] = row.split('|').slice(1, -1).map((c) => c.trim());
    return { english, chinese: list(chinese.replace(/（[^）]*）/g, '')), rejected: list(rejected), required: check === '必须' };
  });
}

/** True when the English prose (code and keys removed) says `term`, in any inflection (`replicas`, `Producer`). */
export function saysTerm(english: string, term: string): boolean {
  const words = proseOf(english).replace(/[A-Za-z0-9_]+(?:[.][A-Za-z0-9_]+)+|\w+\(\)/g, ' ');
  const pattern = term.replace(/\s*\(.*\)$/, '').replace(/[-\s]+/g, '[-\\s]');
  return new RegExp(`\\b${pattern}`, 'i').test(words);
}
