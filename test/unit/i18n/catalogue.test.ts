import * as assert from 'node:assert/strict';
import { AREAS_EN, EN } from '../../../server/src/core/i18n/en/index';
import { AREAS_ZH_CN, ZH_CN } from '../../../server/src/core/i18n/zh-cn/index';
import { CATALOGUES, LOCALES } from '../../../server/src/core/i18n/index';
import { placeholdersOf } from '../../../server/src/core/i18n/placeholders';
import { ALLOWED_LATIN, ENGLISH_WORDS } from './allowed-latin';
import { allowedWordsIn, hasChinese, invariantsOf, strayEnglish } from './latin';
import { chineseTexts } from './texts';

/**
 * The catalogue is complete and faithful: the same keys in every language and area, the same placeholders,
 * the same numbers, keys and code in a text and its translation, and no English left in a Chinese text.
 * (The compiler checks keys and placeholders too; these tests say which text is wrong in words.)
 */
describe('i18n catalogue', () => {
  const en = EN as Readonly<Record<string, string>>;
  const zh = ZH_CN as Readonly<Record<string, string>>;

  it('has the same areas, and the same keys per area, in English and Chinese', () => {
    assert.deepEqual(Object.keys(AREAS_ZH_CN).sort(), Object.keys(AREAS_EN).sort());
    for (const [area, texts] of Object.entries(AREAS_EN)) {
      const translated = (AREAS_ZH_CN as Record<string, Record<string, string>>)[area];
      const missing = Object.keys(texts).filter((k) => !(k in translated));
      const extra = Object.keys(translated).filter((k) => !(k in texts));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, area);
    }
  });

  it('puts every key in one area only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, texts] of Object.entries(AREAS_EN)) {
      for (const key of Object.keys(texts)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${area})`);
        seen.set(key, area);
      }
    }
    assert.deepEqual(twice, []);
    assert.equal(Object.keys(EN).length, seen.size);
  });

  it('has a catalogue for every locale with exactly the English keys', () => {
    for (const locale of LOCALES) assert.deepEqual(Object.keys(CATALOGUES[locale]).sort(), Object.keys(EN).sort(), locale);
  });

  it('gives every Chinese text the placeholders of its English text', () => {
    const differ = Object.keys(en).filter((k) => placeholdersOf(en[k]).sort().join() !== placeholdersOf(zh[k] ?? '').sort().join());
    assert.deepEqual(
      differ.map((k) => `${k}: ${placeholdersOf(en[k]).join(',')} ≠ ${placeholdersOf(zh[k] ?? '').join(',')}`),
      [],
    );
  });

  it('keeps numbers, keys, settings and code the same in both languages', () => {
    const differ = Object.keys(en)
      .map((k) => ({ k, en: invariantsOf(en[k]), zh: invariantsOf(zh[k]) }))
      .filter((d) => d.en.join('\u0000') !== d.zh.join('\u0000'));
    assert.deepEqual(
      differ.map((d) => `${d.k}: English has [${d.en.join(' ')}], Chinese has [${d.zh.join(' ')}]`),
      [],
    );
  });

  it('writes every Chinese text in Chinese: no English words besides keys, values, code and the allow-list', () => {
    const stray = Object.keys(zh)
      .map((k) => ({ k, words: strayEnglish(zh[k]) }))
      .filter((s) => s.words.length > 0);
    assert.deepEqual(
      stray.map((s) => `${s.k}: ${s.words.join(', ')}`),
      [],
    );
  });

  it('translates every English sentence: a text with English words has Chinese characters in Chinese', () => {
    const untranslated = Object.keys(en).filter((k) => strayEnglish(en[k]).length > 0 && !hasChinese(zh[k]));
    assert.deepEqual(untranslated, []);
  });

  it('keeps the allow-list strict: no ordinary English word, and every entry used by some Chinese text', () => {
    const words = [...ALLOWED_LATIN].filter((w) => ENGLISH_WORDS.has(w.toLowerCase()) && w !== 'Broker');
    assert.deepEqual(words, [], 'ordinary English words in the allow-list');
    const used = new Set(chineseTexts().flatMap((t) => allowedWordsIn(t.text)));
    assert.deepEqual([...ALLOWED_LATIN].filter((w) => !used.has(w)), [], 'allow-list entries no Chinese text uses');
  });

  it('the checker itself: finds English, accepts keys, settings, code, names and placeholders', () => {
    assert.deepEqual(strayEnglish('生产者阶段：acks=0 时{loss}；请改用 acks=all。'), []);
    assert.deepEqual(strayEnglish('调用 producer.flush() 或 Flush()，见 KIP-679 与 `retries`，由 Kafka 的 ConfigException 报告'), []);
    assert.deepEqual(strayEnglish('Kafka 2.8 在未设置 retries 时 defaults to 0'), ['defaults', 'to']);
    assert.deepEqual(strayEnglish('the producer 会丢失消息'), ['the', 'producer']);
    assert.deepEqual(strayEnglish('请看 [文档](https://example.com/docs/rules) 与 <!-- note -->'), []);
    assert.deepEqual(invariantsOf('with acks=1 wait 30 s for enable.idempotence and send()'), ['30', 'acks=1', 'enable.idempotence', 'send()']);
  });
});
