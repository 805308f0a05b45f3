import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholdersOf } from '../../server/src/core/i18n/placeholders';
import { hasChinese, invariantsOf, strayEnglish } from './i18n/latin';
import { NLS_EN_PATH, NLS_ZH_CN_PATH, readBundle, referencedKeys, ROOT } from './manifest-nls';

/**
 * The two bundles of package.json's texts (package.nls.json, package.nls.zh-cn.json; see manifest-nls.ts)
 * are complete and faithful: every `%key%` of package.json in both, no key unused, the same placeholders and
 * Markdown code in both languages, and Chinese texts written in Chinese.
 */
describe('manifest: package.nls bundles', () => {
  const packageText = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const referenced = referencedKeys(packageText);
  const english = readBundle(NLS_EN_PATH);
  const chinese = readBundle(NLS_ZH_CN_PATH);

  /**
   * The words a text writes as Markdown code: each word right after a run of backticks (`` `error` `` and
   * ```` ```go ```` both give the word), sorted. Either spelling counts the same, so a translation may write
   * a list of fence languages as inline code.
   */
  const codeMarks = (text: string): string[] =>
    [...text.matchAll(/`+([^`\s，。、；：（）,;:()]+)/g)].map((m) => m[1]).filter((w) => /[A-Za-z0-9]/.test(w)).sort();
  /**
   * Texts from the i18n catalogue that differ in their Markdown code, for the catalogue's owner to settle:
   * each must still differ (the test says when an entry can go).
   */
  const CODE_DIFFERENCES_FROM_CATALOGUE: Readonly<Record<string, string>> = {
    'kafkaLint.rules.broker.replication-factor-above-broker-count.markdownDescription': 'the Chinese catalogue text writes `replicas` as code, the English one as a word',
  };
  /** Numbers, keys and code of a text; `e.g.` is an abbreviation, not code. */
  const invariants = (text: string): string[] => invariantsOf(text).filter((t) => t !== 'e.g' && t !== 'i.e');

  it('package.json names its user-facing texts as %key% (the settings UI, the commands and the description)', () => {
    const pkg = JSON.parse(packageText) as {
      description: string;
      contributes: { configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string }> }; commands: { title: string; category: string }[] };
    };
    assert.match(pkg.description, /^%[\w.-]+%$/);
    assert.match(pkg.contributes.configuration.title, /^%[\w.-]+%$/);
    for (const [name, schema] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(schema.markdownDescription ?? schema.description ?? '', /^%[\w.-]+%$/, name);
    }
    for (const c of pkg.contributes.commands) {
      assert.match(c.title, /^%[\w.-]+%$/);
      assert.match(c.category, /^%[\w.-]+%$/);
    }
    assert.ok(referenced.length >= 40, `only ${referenced.length} keys`);
  });

  it('has every %key% of package.json in both bundles', () => {
    assert.deepEqual(referenced.filter((k) => !(k in english)), [], 'missing in package.nls.json');
    assert.deepEqual(referenced.filter((k) => !(k in chinese)), [], 'missing in package.nls.zh-cn.json');
  });

  it('writes no fence marker inside a sentence: ``` in a description opens a code span that swallows the rest of the line in the settings UI', () => {
    for (const [name, bundle] of [['package.nls.json', english], ['package.nls.zh-cn.json', chinese]] as const) {
      assert.deepEqual(Object.keys(bundle).filter((k) => bundle[k].includes('```')), [], name);
    }
  });

  it('has no key that package.json does not use, and the same keys in both bundles', () => {
    const used = new Set(referenced);
    assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)), [], 'unused in package.nls.json');
    assert.deepEqual(Object.keys(chinese).filter((k) => !used.has(k)), [], 'unused in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  });

  it('keeps placeholders, Markdown code, numbers, keys and settings the same in both languages', () => {
    const differ: string[] = [];
    for (const [key, en] of Object.entries(english)) {
      const zh = chinese[key] ?? '';
      if (placeholdersOf(en).sort().join() !== placeholdersOf(zh).sort().join()) differ.push(`${key}: placeholders ${placeholdersOf(en)} ≠ ${placeholdersOf(zh)}`);
      const codeDiffers = codeMarks(en).join(' ') !== codeMarks(zh).join(' ');
      if (key in CODE_DIFFERENCES_FROM_CATALOGUE) {
        if (!codeDiffers) differ.push(`${key}: the same code in both now; remove it from CODE_DIFFERENCES_FROM_CATALOGUE`);
      } else if (codeDiffers) differ.push(`${key}: code ${codeMarks(en).join(' ')} ≠ ${codeMarks(zh).join(' ')}`);
      if (invariants(en).join(' ') !== invariants(zh).join(' ')) differ.push(`${key}: English has [${invariants(en).join(' ')}], Chinese has [${invariants(zh).join(' ')}]`);
    }
    assert.deepEqual(differ, []);
  });

  it('writes the Chinese texts in Chinese: no English words besides keys, values, code and names', () => {
    const stray = Object.entries(chinese)
      .map(([key, zh]) => ({ key, words: strayEnglish(zh) }))
      .filter((s) => s.words.length > 0)
      .map((s) => `${s.key}: ${s.words.join(', ')}`);
    assert.deepEqual(stray, []);
    const untranslated = Object.keys(english).filter((k) => strayEnglish(english[k]).length > 0 && !hasChinese(chinese[k] ?? ''));
    assert.deepEqual(untranslated, []);
  });

  it('the code check itself: sees a lost or changed code span', () => {
    assert.deepEqual(codeMarks('Fences (```go, ```ts). Default: `error`.'), ['error', 'go', 'ts']);
    assert.deepEqual(codeMarks('围栏（`go`、`ts`）。默认级别：`error`。'), codeMarks('Fences (```go, ```ts). Default: `error`.'));
    assert.notDeepEqual(codeMarks('默认级别：error。'), codeMarks('Default: `error`.'));
    assert.notDeepEqual(codeMarks('默认级别：`warning`。'), codeMarks('Default: `error`.'));
  });
});
