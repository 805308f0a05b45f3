import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/model';
import type { LintOptions } from '../../server/src/core/options';
import { documentOf, entryIn } from './hover-helpers';

const OPTIONS: LintOptions = { kafkaVersion: '3.9', rules: {}, locale: 'en' };
const ACKS_LOSS = 'How it is lost: 0 never waits for the broker; 1 waits for the leader only, so a record the followers have not copied yet is gone if the leader dies.  \nSafe value: all (with min.insync.replicas=2 on the topic)';

describe('hover: findings', () => {
  it('explains a flagged value: message, path with the failing stage, loss, safe value, rule page', () => {
    const text = 'bootstrap.servers=b:9092\nacks=0\n';
    const document = analyzeConfig('producer.properties', text);
    const findings = lint(document, OPTIONS);
    const value = text.indexOf('=0') + 1;
    const acksZero = findings.find((f) => f.ruleId === 'producer/acks-zero');
    assert.ok(acksZero, 'the acks-zero rule fires');
    const hover = hoverAt(document, findings, value, OPTIONS);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: value, end: value + 1 });
    const first = hover.markdown.split('\n\n---\n\n')[0];
    assert.equal(
      first,
      [
        '**producer/acks-zero** (error)',
        acksZero.message,
        'Path: **Producer** ✗ → Broker → Consumer',
        ACKS_LOSS,
        '[Rule documentation: producer/acks-zero](https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/producer/acks-zero.md)',
      ].join('\n\n'),
    );
    // On the value, the key docs are left out: the findings already say what matters.
    assert.ok(!hover.markdown.includes('**acks** ·'));
  });

  it('adds the key docs after the finding when the finding sits on the key', () => {
    const text = 'acks=all\nacks=all\n';
    const document = documentOf(text, [entryIn(text, 'acks')]);
    const finding: Finding = { ruleId: 'config/duplicate-key', stage: 'config', severity: 'warning', message: 'acks is set twice.', range: { start: 0, end: 4 } };
    const hover = hoverAt(document, [finding], 2, OPTIONS);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: 0, end: 4 });
    const [first, second] = hover.markdown.split('\n\n---\n\n');
    assert.equal(
      first,
      '**config/duplicate-key** (warning)\n\nacks is set twice.\n\n' +
        ACKS_LOSS +
        '\n\n[Rule documentation: config/duplicate-key](https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/config/duplicate-key.md)',
    );
    assert.ok(second.startsWith('**acks** · producer'));
  });

  it('explains a code fact that has no entry, marking the consumer stage', () => {
    const text = 'consumer.commitSync();\nprocess(records);\n';
    const document = { ...documentOf(text, []), kind: 'java' as const, groups: [] };
    const finding: Finding = {
      ruleId: 'consumer/commit-before-processing',
      stage: 'consumer',
      severity: 'warning',
      message: 'commitSync() runs before the records are processed.',
      range: { start: 0, end: 21 },
    };
    const hover = hoverAt(document, [finding], 10, OPTIONS);
    assert.deepEqual(hover, {
      range: { start: 0, end: 21 },
      markdown: [
        '**consumer/commit-before-processing** (warning)',
        'commitSync() runs before the records are processed.',
        'Path: Producer → Broker → **Consumer** ✗',
        '[Rule documentation: consumer/commit-before-processing](https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/consumer/commit-before-processing.md)',
      ].join('\n\n'),
    });
    assert.equal(hoverAt(document, [finding], 30, OPTIONS), undefined);
  });

  it('explains a missing key by the key its message names, not by the entry that anchors it', () => {
    const text = 'min.insync.replicas=2\n';
    const document = documentOf(text, [entryIn(text, 'min.insync.replicas')], { roles: ['broker'] });
    const anchored = { ...document, groups: [{ ...document.groups[0], anchor: { start: 0, end: 19 } }] };
    const finding: Finding = {
      ruleId: 'broker/log-dirs-in-tmp',
      stage: 'broker',
      severity: 'warning',
      message: 'Broker stage: log.dirs is not set, so partitions go to /tmp/kafka-logs.',
      range: { start: 0, end: 19 },
    };
    const hover = hoverAt(anchored, [finding], 3, OPTIONS);
    assert.ok(hover);
    const first = hover.markdown.split('\n\n---\n\n')[0];
    assert.ok(first.includes('Path: Producer → **Broker** ✗ → Consumer'));
    assert.ok(first.includes('How it is lost: A directory under /tmp (as in the sample configs) is often wiped on reboot'));
    assert.ok(!first.includes('acks=all write is acknowledged by the leader alone'));
  });

  it('renders a config-stage finding without a path line', () => {
    const text = 'acks.typo=1\n';
    const document = analyzeConfig('producer.properties', text);
    const finding: Finding = { ruleId: 'config/unknown-key', stage: 'config', severity: 'info', message: 'Kafka does not know acks.typo.', range: { start: 0, end: 9 } };
    assert.equal(
      hoverAt(document, [finding], 0, OPTIONS)?.markdown,
      '**config/unknown-key** (info)\n\nKafka does not know acks.typo.\n\n[Rule documentation: config/unknown-key](https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/config/unknown-key.md)',
    );
  });
});
