import * as assert from 'node:assert/strict';
import { EN } from '../../../server/src/core/i18n/en/index';
import { ZH_CN } from '../../../server/src/core/i18n/zh-cn/index';
import { readGlossary, saysTerm } from './glossary';
import { chineseTexts, translatedPairs } from './texts';

/** Every Chinese text uses the glossary's terms (server/src/core/i18n/README.md), never a second translation of one. */
describe('i18n glossary', () => {
  const glossary = readGlossary();

  it('is read from the i18n README', () => {
    assert.ok(glossary.length >= 20, `only ${glossary.length} terms`);
    assert.deepEqual(glossary.find((g) => g.english === 'offset'), { english: 'offset', chinese: ['位移'], rejected: ['偏移量', '偏移'], required: true });
  });

  it('no Chinese text uses a rejected variant of a term', () => {
    const found: string[] = [];
    for (const { where, text } of chineseTexts()) {
      for (const term of glossary) {
        for (const variant of term.rejected) if (text.includes(variant)) found.push(`${where}: "${variant}" (write ${term.chinese.join(' / ')})`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('a Chinese text says the glossary term wherever its English text says the term', () => {
    const missing: string[] = [];
    for (const { where, english, chinese } of translatedPairs()) {
      for (const term of glossary.filter((g) => g.required)) {
        if (saysTerm(english, term.english) && !term.chinese.some((c) => chinese.includes(c))) missing.push(`${where}: "${term.english}" → ${term.chinese.join(' / ')}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the term matcher ignores keys and code, and sees inflections', () => {
    assert.equal(saysTerm('enable.auto.commit=true and offsets.topic.replication.factor', 'offset'), false);
    assert.equal(saysTerm('commits the offsets', 'offset'), true);
    assert.equal(saysTerm('Auto-commit is on', 'auto-commit'), true);
    assert.equal(saysTerm('the leader (replica)', 'leader (replica)'), true);
    assert.ok(Object.keys(EN).length === Object.keys(ZH_CN).length);
  });
});
