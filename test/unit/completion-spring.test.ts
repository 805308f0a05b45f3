import * as assert from 'node:assert/strict';
import { completeAt } from '../../server/src/core/completion';
import type { CompletionEntry } from '../../server/src/core/completion';
import { findSpringProperty } from '../../server/src/core/catalog/index';
import type { DocumentKind } from '../../server/src/core/model';

function complete(marked: string, kind: DocumentKind): CompletionEntry[] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'fixture needs a | marker');
  return completeAt(marked.slice(0, offset) + marked.slice(offset + 1), offset, kind);
}

const labels = (items: readonly CompletionEntry[]): string[] => items.map((i) => i.label);
const ACKS = ['all', '-1', '1', '0'];

describe('completion: spring', () => {
  describe('properties', () => {
    const table: readonly [string, string[]][] = [
      ['spring.kafka.producer.acks=|', ACKS],
      ['spring.kafka.producer.properties.acks=|', ACKS],
      ['spring.kafka.producer.properties[enable.idempotence]=|', ['true', 'false']],
      ['spring.kafka.consumer.isolation-level=|', ['read-committed', 'read-uncommitted']],
      ['spring.kafka.consumer.isolationLevel=|', ['read-committed', 'read-uncommitted']],
      ['spring.kafka.consumer.auto-offset-reset=|', ['earliest', 'none', 'latest']],
      ['spring.kafka.listener.ack-mode=|', ['record', 'batch', 'time', 'count', 'count_time', 'manual', 'manual_immediate']],
      ['spring.kafka.consumer.group-id=|', []],
      ['server.port=|', []],
    ];
    for (const [fixture, expected] of table) {
      it(`values for ${fixture}`, () => assert.deepEqual(labels(complete(fixture, 'spring-properties')), expected));
    }

    it('says what Spring does with an unset enable-auto-commit', () => {
      assert.deepEqual(complete('spring.kafka.consumer.enable-auto-commit=|', 'spring-properties'), [
        { label: 'false', kind: 'value', detail: 'the application commits after processing · what a Spring listener container uses when unset', insertText: 'false', range: { start: 41, end: 41 } },
        { label: 'true', kind: 'value', detail: 'the client commits polled positions on a timer', insertText: 'true', range: { start: 41, end: 41 } },
      ]);
    });

    it('offers typed properties and pass-through Kafka keys, with the Kafka docs', () => {
      const items = complete('spring.kafka.pro|', 'spring-properties');
      const acks = items.find((i) => i.label === 'spring.kafka.producer.acks');
      assert.ok(acks);
      assert.equal(acks.detail, '→ acks');
      assert.equal(acks.insertText, 'spring.kafka.producer.acks=');
      assert.deepEqual(acks.range, { start: 0, end: 16 });
      assert.ok(acks.documentation?.startsWith("Spring Boot property for Kafka's `acks`.\n\n**acks** · producer"));
      const linger = items.find((i) => i.label === 'spring.kafka.producer.properties.linger.ms');
      assert.equal(linger?.detail, 'long · default 5');
      assert.ok(labels(items).includes('spring.kafka.consumer.properties.enable.auto.commit'));
      assert.ok(!labels(items).includes('spring.kafka.consumer.properties.acks'), 'a producer key is not offered for the consumer');
      const ackMode = items.find((i) => i.label === 'spring.kafka.listener.ack-mode');
      assert.equal(ackMode?.detail, 'Spring Kafka');
      assert.equal(new Set(labels(items)).size, items.length);
    });
  });

  describe('yaml', () => {
    const doc = ['spring:', '  kafka:', '    producer:', '      acks: |', '      retries: 3', '    consumer:', '      enable-auto-commit: true', ''].join('\n');

    it('offers acks values under spring.kafka.producer, with a space after a bare colon', () => {
      const items = complete(doc, 'spring-yaml');
      assert.deepEqual(labels(items), ACKS);
      const offset = doc.indexOf('|');
      assert.deepEqual(items[0].range, { start: offset, end: offset });
      assert.equal(items[0].insertText, 'all');
      const bare = complete('spring:\n  kafka:\n    producer:\n      acks:|\n', 'spring-yaml');
      assert.equal(bare[0].insertText, ' all');
      assert.deepEqual(bare[0].range, { start: 42, end: 42 });
    });

    it('replaces a typed value up to an inline comment', () => {
      const text = 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: tr|ue  # why\n';
      const items = complete(text, 'spring-yaml');
      assert.deepEqual(labels(items), ['false', 'true']);
      assert.deepEqual(items[0].range, { start: 57, end: 61 });
      assert.deepEqual(complete('spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true  # w|hy\n', 'spring-yaml'), []);
    });

    it('reads dotted keys and property maps', () => {
      assert.deepEqual(labels(complete('spring.kafka.producer.acks: |\n', 'spring-yaml')), ACKS);
      const map = 'spring:\n  kafka:\n    producer:\n      properties:\n        enable.idempotence: |\n';
      assert.deepEqual(labels(complete(map, 'spring-yaml')), ['true', 'false']);
    });

    it('ignores siblings and earlier documents when finding the enclosing mappings', () => {
      const text = 'spring:\n  kafka:\n    consumer:\n      group-id: g\n    producer:\n      acks: |\n---\n';
      assert.deepEqual(labels(complete(text, 'spring-yaml')), ACKS);
      const split = 'spring:\n  kafka:\n    producer:\n---\n      acks: |\n';
      assert.deepEqual(complete(split, 'spring-yaml'), []);
    });

    it('offers child keys of the enclosing mapping', () => {
      const items = complete('spring:\n  kafka:\n    consumer:\n      ena|\n', 'spring-yaml');
      const item = items.find((i) => i.label === 'enable-auto-commit');
      assert.ok(item);
      assert.equal(item.insertText, 'enable-auto-commit: ');
      assert.deepEqual(item.range, { start: 37, end: 40 });
      assert.deepEqual(labels(complete('spring:\n  ka|', 'spring-yaml')), ['kafka']);
      const props = complete('spring:\n  kafka:\n    producer:\n      properties:\n        li|\n', 'spring-yaml');
      assert.ok(labels(props).includes('linger.ms'));
      assert.ok(!labels(props).includes('enable.auto.commit'));
    });

    it('stays linear on pathological lines', () => {
      const lines = ['a' + ' '.repeat(50_000), 'a' + ' \t'.repeat(30_000) + 'x', '"' + 'a'.repeat(50_000), '- '.repeat(30_000) + 'a', ':'.repeat(50_000)];
      const started = Date.now();
      for (const line of lines) {
        completeAt(line, line.length, 'spring-yaml');
        completeAt(line, 1, 'spring-yaml');
      }
      let deep = 'spring:\n  kafka:\n';
      for (let i = 0; i < 20_000; i++) deep += `    k${i}: v\n`;
      deep += '    producer:\n      acks: ';
      assert.deepEqual(labels(completeAt(deep, deep.length, 'spring-yaml')), ACKS);
      assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    });

    it('reads quoted keys', () => {
      assert.deepEqual(labels(complete('spring:\n  kafka:\n    producer:\n      "acks": |\n', 'spring-yaml')), ACKS);
    });

    it('offers nothing in a comment line', () => {
      assert.deepEqual(complete('spring:\n  # kafka: |\n', 'spring-yaml'), []);
    });
  });

  it('folds relaxed spellings and reads pass-through maps', () => {
    assert.equal(findSpringProperty('spring.kafka.consumer.enableAutoCommit')?.kafkaKey, 'enable.auto.commit');
    assert.equal(findSpringProperty('spring.kafka.consumer.enable_auto_commit')?.kafkaKey, 'enable.auto.commit');
    assert.equal(findSpringProperty('spring.kafka.producer.properties.linger.ms')?.kafkaKey, 'linger.ms');
    assert.equal(findSpringProperty('spring.kafka.properties[sasl.jaas.config]')?.kafkaKey, 'sasl.jaas.config');
    assert.equal(findSpringProperty('spring.kafka.producer.properties.linger.ms')?.role, 'producer');
    assert.equal(findSpringProperty('spring.kafka.nothing'), undefined);
  });
});
