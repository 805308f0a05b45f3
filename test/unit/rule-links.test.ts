import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { linkLocale, ruleLink } from '../../client/src/rule-links';
import { ruleDocPath, ruleDocUrl } from '../../server/src/core/rule-docs';
import { RULES } from '../../server/src/core/rules/index';

/** The VS Code client links each diagnostic's rule id to the rule's page; the server does not send the address. */
describe('client rule links', () => {
  it('links every rule id to its page, in English and Chinese, and the page exists', () => {
    for (const rule of RULES) {
      for (const locale of ['en', 'zh-cn'] as const) {
        assert.equal(ruleLink('kafka-lint', rule.meta.id, locale), ruleDocUrl(rule.meta.id, locale));
        assert.ok(existsSync(ruleDocPath(rule.meta.id, locale)), ruleDocPath(rule.meta.id, locale));
      }
    }
    assert.equal(ruleLink('kafka-lint', 'producer/acks-zero', 'en'), 'https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/producer/acks-zero.md');
    assert.equal(ruleLink('kafka-lint', 'producer/acks-zero', 'zh-cn'), 'https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/producer/acks-zero.zh-CN.md');
  });

  it("leaves other tools' diagnostics and codes that are no rule id alone", () => {
    assert.equal(ruleLink('eslint', 'producer/acks-zero', 'en'), undefined);
    assert.equal(ruleLink(undefined, 'producer/acks-zero', 'en'), undefined);
    for (const code of [undefined, 42, '', 'acks-zero', '../../etc/passwd', 'producer/acks zero', { value: 'producer/acks-zero' }]) {
      assert.equal(ruleLink('kafka-lint', code, 'en'), undefined, JSON.stringify(code));
    }
  });

  it('picks the language as the server does for VS Code: kafkaLint.locale, else the display language', () => {
    assert.equal(linkLocale('zh-cn', 'en'), 'zh-cn');
    assert.equal(linkLocale('en', 'zh-cn'), 'en');
    assert.equal(linkLocale('auto', 'zh-cn'), 'zh-cn');
    assert.equal(linkLocale(undefined, 'zh-tw'), 'en');
    assert.equal(linkLocale('klingon', 'zh-cn'), 'zh-cn');
    assert.equal(linkLocale(undefined, 'de'), 'en');
  });
});
