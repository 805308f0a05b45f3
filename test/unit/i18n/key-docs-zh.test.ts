import * as assert from 'node:assert/strict';
import { SPRING_PROPERTIES, allKeys, findKey } from '../../../server/src/core/catalog/index';
import type { KeyDoc } from '../../../server/src/core/catalog/index';
import { localizedKeyDoc, localizedNote, localizedSpringSummary } from '../../../server/src/core/catalog/localized';
import { DEFAULT_NOTES_ZH_CN, KEY_DOCS_ZH_CN, SPRING_SUMMARIES_ZH_CN } from '../../../server/src/core/catalog/zh-cn';
import { allNotes, keyDocPairs } from './key-docs-texts';
import type { KeyDocPair as Pair } from './key-docs-texts';
import { hasChinese, invariantsOf, strayEnglish } from './latin';

/**
 * The key catalog in Simplified Chinese (server/src/core/catalog/zh-cn.ts) is complete and faithful: every key,
 * every default note and every Spring summary translated, the same fields and value docs as the English, the
 * same code spans, numbers and code, and no English left (the check of catalogue.test.ts, see latin.ts).
 */

/** Values of keys and Spring properties as written (`none`, `count_time`): kept in a Chinese text that names them in English too. */
const VALUES: ReadonlySet<string> = new Set([
  ...allKeys().flatMap((k) => [...(k.validValues ?? []), ...(k.suggestedValues ?? [])]),
  ...SPRING_PROPERTIES.flatMap((p) => p.values ?? []),
]);

/** Addresses as written (`NAME://host:port`, `id@host:port`): code in both languages. */
const ADDRESS = /[A-Za-z][A-Za-z0-9_.-]*(?::\/\/|@)[A-Za-z0-9_.:-]+/g;

/** Backtick code spans, in order. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`[^`\n]+`/g)].map((m) => m[0]);
}

/**
 * English prose that latin.ts reads as code: scare quotes (`"duplicates"`), words joined by a slash
 * (`broker/topic`, `I/O`), abbreviations (`e.g.`) and compounds (`ZooKeeper-mode`). Chinese says them in words.
 */
const PROSE = /^(?:"[A-Za-z]+"|[a-z]+\/[a-z]+|\/O|e\.g|i\.e|[A-Za-z]+-mode)$/;

/** Numbers, code and addresses that must be the same in a text and its translation. */
function invariants(text: string): string[] {
  const addresses = [...text.matchAll(ADDRESS)].map((m) => m[0].replace(/[.:,]+$/, ''));
  const rest = invariantsOf(text.replace(ADDRESS, ' ')).filter((s) => !PROSE.test(s));
  return [...addresses, ...rest].sort();
}

/** The English words left in a Chinese text: latin.ts's check, reading the text as its key's hover does (the key named first). */
function stray(pair: Pick<Pair, 'english' | 'key'>, chinese: string): string[] {
  const english = new Set(pair.english.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []);
  const text = `${pair.key ?? ''} ${chinese.replace(ADDRESS, ' ')}`;
  return strayEnglish(text).filter((w) => !(VALUES.has(w) && english.has(w)));
}

describe('key catalog in Chinese', () => {
  const all = keyDocPairs();

  it('translates every key, every default note and every Spring summary, and nothing else', () => {
    assert.deepEqual(all.filter((p) => p.chinese === undefined).map((p) => p.where), [], 'missing translations');
    const keys = new Set(allKeys().map((k) => k.key));
    const notes = new Set(allNotes());
    const spring = new Set(SPRING_PROPERTIES.filter((p) => p.summary !== undefined).map((p) => p.name));
    assert.deepEqual(
      {
        keys: Object.keys(KEY_DOCS_ZH_CN).filter((k) => !keys.has(k)),
        notes: Object.keys(DEFAULT_NOTES_ZH_CN).filter((n) => !notes.has(n)),
        spring: Object.keys(SPRING_SUMMARIES_ZH_CN).filter((n) => !spring.has(n)),
      },
      { keys: [], notes: [], spring: [] },
      'translations of texts that do not exist (any more)',
    );
  });

  it('has a field exactly when the English has it, and value docs for exactly the same values', () => {
    const differ: string[] = [];
    for (const doc of allKeys()) {
      const zh = KEY_DOCS_ZH_CN[doc.key];
      if (!zh) continue;
      for (const field of ['loss', 'safe', 'valueDocs'] as const) {
        if ((doc[field] === undefined) !== (zh[field] === undefined)) differ.push(`${doc.key}: ${field} ${doc[field] === undefined ? 'only in Chinese' : 'only in English'}`);
      }
      const en = Object.keys(doc.valueDocs ?? {}).sort();
      const cn = Object.keys(zh.valueDocs ?? {}).sort();
      if (en.join('\u0000') !== cn.join('\u0000')) differ.push(`${doc.key}: valueDocs for [${en.join(', ')}] in English, [${cn.join(', ')}] in Chinese`);
    }
    assert.deepEqual(differ, []);
  });

  it('keeps the backtick code spans of the English', () => {
    const differ = all.filter((p) => p.chinese !== undefined && codeSpans(p.english).sort().join('\u0000') !== codeSpans(p.chinese).sort().join('\u0000'));
    assert.deepEqual(
      differ.map((p) => `${p.where}: [${codeSpans(p.english).join(' ')}] ≠ [${codeSpans(p.chinese ?? '').join(' ')}]`),
      [],
    );
  });

  it('keeps numbers, keys, settings, ids and code the same in both languages', () => {
    const differ = all.filter((p) => p.chinese !== undefined && invariants(p.english).join('\u0000') !== invariants(p.chinese).join('\u0000'));
    assert.deepEqual(
      differ.map((p) => `${p.where}: English has [${invariants(p.english).join(' ')}], Chinese has [${invariants(p.chinese ?? '').join(' ')}]`),
      [],
    );
  });

  it('writes every translation in Chinese: no English words besides keys, values, code and the allow-list', () => {
    const found = all.flatMap((p) => (p.chinese === undefined ? [] : [{ where: p.where, words: stray(p, p.chinese) }])).filter((s) => s.words.length > 0);
    assert.deepEqual(
      found.map((s) => `${s.where}: ${s.words.join(', ')}`),
      [],
    );
    const untranslated = all.filter((p) => p.chinese !== undefined && strayEnglish(p.english).length > 0 && !hasChinese(p.chinese));
    assert.deepEqual(untranslated.map((p) => p.where), [], 'English prose left as it is');
  });

  it('the checker itself: reads values of the hover key, addresses and scare quotes as the English does', () => {
    assert.deepEqual(stray({ english: 'same as all', key: 'acks' }, '与 all 相同'), []);
    assert.deepEqual(stray({ english: 'same as all', key: 'acks' }, 'same as all'), ['same', 'as']);
    assert.deepEqual(stray({ english: 'in the count mode' }, 'count 模式'), []);
    assert.deepEqual(stray({ english: 'in the batch mode' }, 'count 模式'), ['count']);
    assert.deepEqual(invariants('voters as id@host:port. "duplicates" in 3.9, e.g. broker/topic I/O'), ['3.9', 'id@host:port']);
  });
});

describe('localizedKeyDoc', () => {
  const acks = findKey('acks') as KeyDoc;

  it('returns the catalog entry itself in English', () => {
    assert.equal(localizedKeyDoc(acks, 'en'), acks);
  });

  it('gives acks its Chinese texts, the same data, and the same object on every call', () => {
    const zh = localizedKeyDoc(acks, 'zh-cn');
    assert.equal(zh.summary, 'Broker 确认一次发送之前，必须有多少个副本已写入该消息。');
    assert.equal(zh.valueDocs?.['0'], '完全不等待：发后即焚');
    assert.equal(zh.safe, 'all（并在主题上设置 min.insync.replicas=2）');
    assert.deepEqual(
      { key: zh.key, type: zh.type, validValues: zh.validValues, stage: zh.stage, aliases: zh.aliases, values: zh.defaults?.map((d) => [d.since, d.value]) },
      { key: acks.key, type: acks.type, validValues: acks.validValues, stage: acks.stage, aliases: acks.aliases, values: acks.defaults?.map((d) => [d.since, d.value]) },
    );
    assert.equal(zh.defaults?.find((d) => d.since === '3.0')?.note, 'KIP-679 在 Kafka 3.0 中把 acks=all 设为生产者的默认值');
    assert.equal(acks.summary, 'How many replicas must have the record before the broker acknowledges a send.', 'the English entry is left unchanged');
    assert.equal(localizedKeyDoc(acks, 'zh-cn'), zh);
  });

  it('falls back to English field by field for a key or a value without a translation', () => {
    const doc: KeyDoc = {
      key: 'x.untranslated',
      roles: ['producer'],
      type: 'string',
      summary: 'An entry no translation knows.',
      safe: 'anything',
      valueDocs: { a: 'the value a' },
      defaults: [{ since: '0', value: 'a', note: 'a note nobody translated' }],
    };
    const zh = localizedKeyDoc(doc, 'zh-cn');
    assert.deepEqual(
      { summary: zh.summary, loss: zh.loss, safe: zh.safe, valueDocs: zh.valueDocs, defaults: zh.defaults },
      { summary: doc.summary, loss: undefined, safe: 'anything', valueDocs: { a: 'the value a' }, defaults: doc.defaults },
    );
    assert.equal('loss' in zh, false, 'no field the English lacks');
  });

  it('translates notes and Spring summaries, English kept for English and for unknown texts', () => {
    assert.equal(localizedNote('KIP-735', 'zh-cn'), 'KIP-735');
    assert.equal(localizedNote('topic deletion has been enabled by default since 1.0.0', 'zh-cn'), '自 1.0.0 起默认允许删除主题');
    assert.equal(localizedNote('topic deletion has been enabled by default since 1.0.0', 'en'), 'topic deletion has been enabled by default since 1.0.0');
    assert.equal(localizedNote('no such note', 'zh-cn'), 'no such note');
    const concurrency = SPRING_PROPERTIES.find((p) => p.name === 'spring.kafka.listener.concurrency');
    assert.ok(concurrency);
    assert.equal(localizedSpringSummary(concurrency, 'zh-cn'), '每个监听器容器的消费者线程数。');
    assert.equal(localizedSpringSummary(concurrency, 'en'), concurrency.summary);
    const typed = SPRING_PROPERTIES.find((p) => p.summary === undefined);
    assert.ok(typed);
    assert.equal(localizedSpringSummary(typed, 'zh-cn'), undefined);
  });
});
