import * as assert from 'node:assert/strict';
import { localeFromEnvironment, parseLocaleSetting, parseLocaleTag } from '../../../server/src/core/i18n/locale';
import { localize, msg, ruleDescription, t } from '../../../server/src/core/i18n/index';
import { normalizeOptions } from '../../../server/src/core/options';
import { DEFAULT_OPTIONS } from '../../../server/src/core/options';

describe('i18n: choosing the locale', () => {
  const tags: [string | undefined, string | undefined][] = [
    ['zh-cn', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-Hans-SG', 'zh-cn'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh_CN.UTF-8', 'zh-cn'],
    ['zh_CN.GB18030', 'zh-cn'],
    ['zh_SG.UTF-8', 'zh-cn'],
    ['zh_CN@pinyin', 'zh-cn'],
    ['zh-TW', 'en'],
    ['zh-tw', 'en'],
    ['zh_TW.UTF-8', 'en'],
    ['zh_HK.UTF-8', 'en'],
    ['zh-MO', 'en'],
    ['zh-Hant', 'en'],
    ['zh-Hant-CN', 'en'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en_GB.UTF-8', 'en'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['de-DE', undefined],
    ['ja', undefined],
    ['zhx', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of tags) {
    it(`reads the tag ${JSON.stringify(tag)} as ${expected ?? 'none'}`, () => assert.equal(parseLocaleTag(tag), expected));
  }

  it('takes LC_ALL, then LC_MESSAGES, then LANG: the first one set', () => {
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LC_ALL: 'zh_CN.UTF-8', LANG: 'C' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' }), 'zh-cn', 'empty variables do not count');
    assert.equal(localeFromEnvironment({ LANG: 'de_DE.UTF-8' }), 'en', 'a language without a catalogue is English');
    assert.equal(localeFromEnvironment({ LANG: 'zh_TW.UTF-8' }), 'en', 'Traditional Chinese is English until it has a catalogue');
    assert.equal(localeFromEnvironment({}), 'en');
  });

  it('reads the locale setting: auto, en, zh-cn, case and underscore folded', () => {
    assert.equal(parseLocaleSetting('auto'), 'auto');
    assert.equal(parseLocaleSetting('zh-CN'), 'zh-cn');
    assert.equal(parseLocaleSetting('zh_CN'), 'zh-cn');
    assert.equal(parseLocaleSetting(' EN '), 'en');
    assert.equal(parseLocaleSetting('fr'), undefined);
    assert.equal(parseLocaleSetting(3), undefined);
  });

  it('normalizes a locale option: auto keeps the base, bad values are reported in the resulting locale', () => {
    const base = { ...DEFAULT_OPTIONS, locale: 'zh-cn' as const };
    assert.equal(normalizeOptions({ locale: 'auto' }, base).options.locale, 'zh-cn');
    assert.equal(normalizeOptions({}, base).options.locale, 'zh-cn');
    assert.equal(normalizeOptions({ locale: 'en' }, base).options.locale, 'en');
    assert.equal(normalizeOptions({ locale: 'zh-cn' }).options.locale, 'zh-cn');
    const bad = normalizeOptions({ locale: 'klingon', kafkaVersion: 'x' }, base);
    assert.equal(bad.options.locale, 'zh-cn');
    assert.deepEqual(bad.problems.map((p) => p.message), ['locale 只能是 auto、en 或 zh-cn，实际为 "klingon"', 'kafkaVersion 应形如 "3.9" 或 "2.8.1"，实际为 "x"']);
    assert.deepEqual(normalizeOptions({ locale: 'en', rules: 3 }, base).problems.map((p) => p.message), ['rules must be an object of rule id to level']);
  });
});

describe('i18n: formatting', () => {
  it('fills placeholders, in each locale', () => {
    assert.equal(t('en', 'fix.set', { key: 'acks', value: 'all' }), 'Set acks=all');
    assert.equal(t('zh-cn', 'fix.set', { key: 'acks', value: 'all' }), '设置 acks=all');
    assert.equal(t('en', 'default.phrase', { source: 'Kafka 2.8', key: 'acks', value: 1 }), 'acks is unset, and Kafka 2.8 defaults it to 1');
    assert.equal(t('zh-cn', 'stage.broker'), 'Broker 阶段');
  });

  it('keeps a message for later and formats it in the locale asked', () => {
    const m = msg('fix.add', { key: 'retries', value: '2147483647' });
    assert.deepEqual(m, { key: 'fix.add', params: { key: 'retries', value: '2147483647' } });
    assert.equal(localize('en', m), 'Add retries=2147483647');
    assert.equal(localize('zh-cn', m), '添加 retries=2147483647');
    assert.deepEqual(msg('stage.producer'), { key: 'stage.producer' });
  });

  it('leaves a parameter the caller did not give visible instead of writing "undefined"', () => {
    assert.equal(localize('en', { key: 'fix.set', params: { key: 'acks' } }), 'Set acks={value}');
  });

  it('describes every rule in each language, and nothing for an unknown id', () => {
    assert.equal(ruleDescription('producer/acks-zero', 'zh-cn'), 'acks=0：生产者不等待 Broker 的任何确认（发后即焚）。');
    assert.equal(ruleDescription('producer/nope', 'en'), '');
  });
});
