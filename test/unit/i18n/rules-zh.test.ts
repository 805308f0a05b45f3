import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeConfig } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import { normalizeOptions } from '../../../server/src/core/options';
import type { LintOptions } from '../../../server/src/core/options';
import { hasChinese, strayEnglish } from './latin';

/** Rules write their messages and fix titles in the locale of the options; ids, ranges and edits stay the same. */
describe('i18n: rules in Simplified Chinese', () => {
  const zh = (kafkaVersion?: string): LintOptions => normalizeOptions({ locale: 'zh-cn', kafkaVersion }).options;
  const en = (kafkaVersion?: string): LintOptions => normalizeOptions({ locale: 'en', kafkaVersion }).options;

  function both(path: string, text: string, version?: string) {
    const document = analyzeConfig(path, text);
    return { zh: lint(document, zh(version)), en: lint(document, en(version)) };
  }

  it('producer/acks-zero: the message and the fix title in Chinese, the same id, range and edit', () => {
    const { zh: [f], en: [e] } = both('producer.properties', 'bootstrap.servers=k:9092\nacks=0\n');
    assert.equal(f.ruleId, 'producer/acks-zero');
    assert.equal(f.message, '生产者阶段：acks=0 时生产者永远无从得知 Broker 是否存下了消息：任何发送失败的消息都会静默丢失；请改用 acks=all。');
    assert.deepEqual(f.fixes?.map((x) => x.title), ['设置 acks=all']);
    assert.deepEqual({ ...f, message: '', fixes: f.fixes?.map((x) => ({ ...x, title: '' })) }, { ...e, message: '', fixes: e.fixes?.map((x) => ({ ...x, title: '' })) });
  });

  it('producer/acks-zero names the key that decides as written: producer.acks in a Kafka Streams app', () => {
    const { zh: found } = both('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nacks=all\nproducer.acks=0\n');
    const f = found.find((x) => x.ruleId === 'producer/acks-zero');
    assert.equal(f?.message, '生产者阶段：producer.acks=0 时生产者永远无从得知 Broker 是否存下了消息：任何发送失败的消息都会静默丢失；请改用 producer.acks=all。');
    assert.deepEqual(f?.fixes?.map((x) => x.title), ['设置 producer.acks=all']);
  });

  it('producer/acks-leader-only on the old default: the default phrase in Chinese', () => {
    const { zh: found } = both('producer.properties', 'bootstrap.servers=k:9092\nretries=3\n', '2.8');
    const f = found.find((x) => x.ruleId === 'producer/acks-leader-only');
    assert.equal(
      f?.message,
      '生产者阶段：未设置 acks，Kafka 2.8 默认使用 acks=1，因此若领导者副本在追随者副本复制消息之前发生故障，只有它写入过的消息就会丢失；请设置 acks=all。',
    );
    assert.deepEqual(f?.fixes?.map((x) => x.title), ['添加 acks=all']);
  });

  it('producer/retries-disabled: both fixes titled in Chinese', () => {
    const { zh: found } = both('producer.properties', 'bootstrap.servers=k:9092\nretries=0\n');
    const f = found.find((x) => x.ruleId === 'producer/retries-disabled');
    assert.match(f?.message ?? '', /^生产者阶段：retries=0 时第一次瞬时错误/);
    assert.deepEqual(f?.fixes?.map((x) => x.title), ['删除 retries=0（改用默认值 2147483647）', '设置 retries=2147483647']);
  });

  it('English stays exactly as before', () => {
    const { en: [e] } = both('producer.properties', 'bootstrap.servers=k:9092\nacks=0\n');
    assert.equal(e.message, 'Producer stage: with acks=0 the producer never learns whether the broker stored the record: any send that fails is lost silently; use acks=all.');
  });
});

describe('i18n: every finding on the examples and fixtures, in Simplified Chinese', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const files = ['examples', 'test/fixtures/code', 'test/e2e/workspace'].flatMap((d) => walk(join(root, d)));

  it('has files to read', () => assert.ok(files.length > 20, `${files.length} files`));

  it('writes every message, related message and fix title in Chinese, and the same findings as in English', async function () {
    this.timeout(60_000);
    const stray: string[] = [];
    let count = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const document = await analyze(file, text);
      const zhFindings = lint(document, normalizeOptions({ locale: 'zh-cn', kafkaVersion: '2.8' }).options);
      const enFindings = lint(document, normalizeOptions({ locale: 'en', kafkaVersion: '2.8' }).options);
      assert.deepEqual(zhFindings.map((f) => `${f.ruleId}@${f.range.start}`), enFindings.map((f) => `${f.ruleId}@${f.range.start}`), file);
      for (const f of zhFindings) {
        count++;
        const texts = [f.message, ...(f.related ?? []).map((r) => r.message), ...(f.fixes ?? []).map((x) => x.title)];
        for (const t of texts) {
          // Names copied from the user's file (a callback's `exception` parameter) are code too.
          const words = strayEnglish(t).filter((w) => !new RegExp(`(?<![A-Za-z0-9_])${w}(?![A-Za-z0-9_])`).test(text));
          if (words.length > 0 || !hasChinese(t)) stray.push(`${file.slice(root.length + 1)} ${f.ruleId}: ${t} [${words.join(', ')}]`);
        }
      }
    }
    assert.ok(count > 50, `only ${count} findings`);
    assert.deepEqual(stray, []);
  });
});

/** Every file under `dir`. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
