import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/fixes';
import { describeFixtures, lintFixture, readFixture } from './fixtures';

/**
 * Issue #10: a constant defined once at module level and used as a config value (`ACKS = "0"` then
 * `Producer({"acks": ACKS})`, `const acks = "0"` then a ConfigMap, `const ACKS = 0` then a kafkajs option)
 * reads as its literal: the finding sits on the use and its fix writes the safe literal there, as for Java's
 * `static final` constants. A name bound more than once (reassigned, shadowed by a parameter) is not read.
 */
describeFixtures('module-constants');

/** The 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): [number, number] {
  const lines = text.slice(0, offset).split('\n');
  return [lines.length, lines[lines.length - 1].length + 1];
}

async function rows(name: string, text: string) {
  return (await lintFixture(name, text)).map((f) => [f.ruleId, f.severity, ...lineColumn(text, f.range.start), ...lineColumn(text, f.range.end), f.message, f.fixes?.[0]?.preferred]);
}

describe('module-constants: findings on the use', () => {
  it('Python: the constant is read in a confluent-kafka dict and in kafka-python keywords; the fix replaces the use', async () => {
    const text = readFixture('module-constants', 'confluent-python-lossy.py');
    assert.deepEqual(await rows('confluent-python-lossy.py', text), [
      ['producer/acks-leader-only', 'warning', 12, 13, 12, 17, 'Producer stage: with acks=1 the broker confirms the send as soon as the leader wrote it, so a record that only the leader has written is gone if that leader fails before a follower copies it; use acks=all.', true],
      ['consumer/auto-commit-enabled', 'warning', 20, 24, 20, 35, 'Consumer stage: with enable.auto.commit=true offsets of polled records are committed on a timer whether or not they were processed, and records still being processed when the consumer crashes are skipped on restart; commit after processing instead.', true],
    ]);
    const findings = await lintFixture('confluent-python-lossy.py', text);
    assert.equal(applyEdits(text, findings[0].fixes?.[0]?.edits ?? []), text.replace('"acks": ACKS', '"acks": "all"'));
    assert.equal(applyEdits(text, findings[1].fixes?.[0]?.edits ?? []), text.replace('enable_auto_commit=AUTO_COMMIT', 'enable_auto_commit=False'));
  });

  it('Go: a package-level const in a ConfigMap', async () => {
    const text = readFixture('module-constants', 'confluent-go-lossy.go');
    const [f] = await lintFixture('confluent-go-lossy.go', text);
    assert.deepEqual([f.ruleId, f.severity, ...lineColumn(text, f.range.start), ...lineColumn(text, f.range.end)], ['producer/acks-zero', 'error', 15, 11, 15, 15]);
    assert.equal(applyEdits(text, f.fixes?.[0]?.edits ?? []), text.replace('"acks": acks', '"acks": "all"'));
  });

  it('JavaScript/TypeScript: a module const in a kafkajs send() and a confluent-js kafkaJS block', async () => {
    const js = readFixture('module-constants', 'kafkajs-lossy.js');
    const [a] = await lintFixture('kafkajs-lossy.js', js);
    assert.deepEqual([a.ruleId, ...lineColumn(js, a.range.start), ...lineColumn(js, a.range.end)], ['producer/acks-leader-only', 10, 48, 10, 52]);
    assert.equal(applyEdits(js, a.fixes?.[0]?.edits ?? []), js.replace('acks: ACKS', 'acks: -1'));
    const ts = readFixture('module-constants', 'confluent-js-lossy.ts');
    const [b] = await lintFixture('confluent-js-lossy.ts', ts);
    assert.deepEqual([b.ruleId, b.severity, ...lineColumn(ts, b.range.start), ...lineColumn(ts, b.range.end)], ['producer/acks-zero', 'error', 9, 20, 9, 24]);
    assert.equal(applyEdits(ts, b.fixes?.[0]?.edits ?? []), ts.replace('acks: ACKS', 'acks: -1'));
  });

  it('a module constant holding a conditional is judged branch by branch, on the definition', async () => {
    const text = 'import os\nfrom confluent_kafka import Producer\n\nACKS = "1" if os.getenv("FAST") else "all"\n\np = Producer({"bootstrap.servers": "b", "acks": ACKS})\n';
    const findings = await lintFixture('p.py', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, ...lineColumn(text, f.range.start), text.slice(f.range.start, f.range.end), f.message.split(': ')[0]]),
      [['producer/acks-leader-only', 'warning', 4, 8, '"1"', 'When `os.getenv("FAST")` is true']],
    );
  });

  it('a name bound anywhere else in the file (reassigned, imported, a parameter, a loop target) is not read', async () => {
    const cases = [
      'ACKS = "0"\nACKS = "all"\n',
      'ACKS = "0"\ndef f(ACKS):\n    pass\n',
      'ACKS = "0"\nfor ACKS in []:\n    pass\n',
      'ACKS = "0"\nACKS += ""\n',
      'from settings import ACKS\n',
      'def f():\n    ACKS = "0"\n',
    ];
    for (const head of cases) {
      const text = `from confluent_kafka import Producer\n${head}\np = Producer({"bootstrap.servers": "b", "acks": ACKS})\n`;
      assert.deepEqual(await lintFixture('p.py', text), [], head);
    }
  });
});
