import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/fixes';
import { normalizeOptions } from '../../../server/src/core/options';
import { describeFixtures, lintFixture, readFixture } from './fixtures';

/** Issue #10: a conditional value with a lossy literal branch is reported on that branch, naming the condition. */
describeFixtures('conditional-values');

describe('conditional-values: branch findings', () => {
  it('are at most warnings, and their fix edits only the branch and is not preferred', async () => {
    const text = readFixture('conditional-values', 'java-lossy.java');
    const [f] = await lintFixture('java-lossy.java', text);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^When `fastStart` is false: Consumer stage: /);
    const fix = f.fixes?.[0];
    assert.equal(fix?.preferred, false);
    assert.equal(applyEdits(text, fix?.edits ?? []), text.replace('fastStart ? "false" : "true"', 'fastStart ? "false" : "false"'));
  });

  it('an error becomes a warning on a branch, and a user level still wins', async () => {
    const text = 'import java.util.Properties;\nimport org.apache.kafka.clients.producer.*;\nclass P {\n  void f(boolean fast) {\n    Properties p = new Properties();\n    p.put(ProducerConfig.ACKS_CONFIG, fast ? "0" : "all");\n    KafkaProducer<String, String> pr = new KafkaProducer<>(p);\n  }\n}\n';
    const zero = (await lintFixture('P.java', text)).filter((f) => f.ruleId === 'producer/acks-zero');
    assert.deepEqual(zero.map((f) => [f.severity, text.slice(f.range.start, f.range.end)]), [['warning', '"0"']]);
    const raised = await lintFixture('P.java', text, normalizeOptions({ rules: { 'producer/acks-zero': 'error' } }).options);
    assert.equal(raised.find((f) => f.ruleId === 'producer/acks-zero')?.severity, 'error');
  });

  it('auto.offset.reset: only the latest branch is reported', async () => {
    const text = 'import java.util.Properties;\nimport org.apache.kafka.clients.consumer.*;\nclass C {\n  void f(boolean dev) {\n    Properties p = new Properties();\n    p.put(ConsumerConfig.GROUP_ID_CONFIG, "g");\n    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");\n    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, dev ? "latest" : "earliest");\n    KafkaConsumer<String, String> c = new KafkaConsumer<>(p);\n  }\n}\n';
    const reset = (await lintFixture('C.java', text)).filter((f) => f.ruleId === 'consumer/auto-offset-reset-latest');
    assert.deepEqual(reset.map((f) => [text.slice(f.range.start, f.range.end), f.message.startsWith('When `dev` is true: ')]), [['"latest"', true]]);
  });

  it('speaks Simplified Chinese', async () => {
    const text = readFixture('conditional-values', 'kafkajs-lossy.js');
    const [f] = await lintFixture('kafkajs-lossy.js', text, normalizeOptions({ locale: 'zh-cn' }).options);
    assert.match(f.message, /^当 `fast` 为真时：生产者阶段：/);
  });
});
