import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/options';

const OPTIONS: LintOptions = { kafkaVersion: '2.8', rules: {}, locale: 'en' };

/** Hover through the real Spring readers, with the caret `delta` into `needle`. */
function hoverIn(path: string, text: string, needle: string, delta = 1) {
  const document = analyzeConfig(path, text);
  return hoverAt(document, lint(document, OPTIONS), text.indexOf(needle) + delta, OPTIONS);
}

describe('hover: spring files', () => {
  const properties = [
    'spring.kafka.producer.acks=1',
    'spring.kafka.consumer.enable-auto-commit=true',
    'spring.kafka.listener.ack-mode=manual',
    'spring.kafka.producer.properties.linger.ms=10',
    '',
  ].join('\n');

  it('shows the canonical key on a typed Spring property, ranged on the Spring key', () => {
    const hover = hoverIn('application.properties', properties, 'spring.kafka.producer.acks');
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: 0, end: 26 });
    const [title, spelled] = hover.markdown.split('\n\n');
    assert.equal(title, '**acks** · producer, streams, connect · `string`');
    assert.equal(spelled, 'Written here as `spring.kafka.producer.acks`; Kafka reads it as `acks`.');
    assert.ok(hover.markdown.includes('**Default** (Kafka 2.8; Spring Boot passes it through): `1`'));
  });

  it("shows the listener container's auto-commit default", () => {
    const hover = hoverIn('application.properties', properties, 'enable-auto-commit');
    assert.ok(hover?.markdown.includes('**Default** (Spring listener container): `false`'));
  });

  it('shows a pass-through property as the Kafka key it sets', () => {
    const hover = hoverIn('application.properties', properties, 'properties.linger');
    assert.ok(hover?.markdown.startsWith('**linger.ms** · producer'));
    assert.ok(hover?.markdown.includes('Written here as `spring.kafka.producer.properties.linger.ms`; Kafka reads it as `linger.ms`.'));
  });

  it('explains a flagged YAML value with the failing stage', () => {
    const yaml = 'spring:\n  kafka:\n    producer:\n      acks: 0\n';
    const hover = hoverIn('application.yml', yaml, ': 0', 2);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: yaml.indexOf(': 0') + 2, end: yaml.indexOf(': 0') + 3 });
    assert.ok(hover.markdown.startsWith('**producer/acks-zero** (error)'));
    assert.ok(hover.markdown.includes('\n\nPath: **Producer** ✗ → Broker → Consumer\n\n'));
  });

  it('shows the key docs on a relaxed YAML spelling', () => {
    const yaml = 'spring:\n  kafka:\n    consumer:\n      enableAutoCommit: false\n';
    const hover = hoverIn('application.yaml', yaml, 'enableAutoCommit');
    assert.ok(hover?.markdown.startsWith('**enable.auto.commit** · consumer'));
  });
});
