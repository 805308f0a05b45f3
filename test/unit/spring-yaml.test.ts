import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import type { AnalyzedDocument, ConfigEntry, ConfigGroup, Role } from '../../server/src/core/model';
import { isPlainSafe, plainScalarValue } from '../../server/src/core/yaml/scalars';
import { localize } from '../../server/src/core/i18n/index';

function group(doc: AnalyzedDocument, role: Role): ConfigGroup {
  const g = doc.groups.find((x) => x.roles.includes(role));
  assert.ok(g, `no ${role} group`);
  return g;
}

function entry(doc: AnalyzedDocument, rawKey: string): ConfigEntry {
  for (const g of doc.groups) for (const e of g.entries) if (e.rawKey === rawKey) return e;
  assert.fail(`no entry ${rawKey}`);
}

function slice(text: string, r: { start: number; end: number }): string {
  return text.slice(r.start, r.end);
}

const YAML = [
  'server:',
  '  port: 8080',
  'spring:',
  '  kafka:',
  '    bootstrap-servers: [a:9092, b:9092]',
  '    producer:',
  '      acks: 0   # fire and forget',
  '      retries:',
  '      batch-size: 16KB',
  "      compression-type: 'lz4'",
  '      properties:',
  '        enable.idempotence: "false"',
  '        linger:',
  '          ms: 5',
  '    consumer:',
  '      enableAutoCommit: yes',
  '      group-id: orders',
  '    properties:',
  '      "[isolation.level]": read_committed',
  '',
].join('\n');

describe('spring-yaml: reading', () => {
  const doc = analyzeConfig('src/main/resources/application-prod.yml', YAML);

  it('is Kafka with a producer and a consumer group', () => {
    assert.equal(doc.kind, 'spring-yaml');
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.groups.map((g) => g.roles), [['producer'], ['consumer']]);
    assert.equal(group(doc, 'consumer').springContainer, true);
    assert.equal(doc.commentPrefix, '#');
  });
  const cases: Array<[string, string, string, string, string]> = [
    // rawKey, key, value, key text, value text
    ['spring.kafka.producer.acks', 'acks', '0', 'acks', '0'],
    ['spring.kafka.producer.retries', 'retries', '', 'retries', ''],
    ['spring.kafka.producer.batch-size', 'batch.size', '16384', 'batch-size', '16KB'],
    ['spring.kafka.producer.compression-type', 'compression.type', 'lz4', 'compression-type', "'lz4'"],
    ['spring.kafka.producer.properties.enable.idempotence', 'enable.idempotence', 'false', 'enable.idempotence', '"false"'],
    ['spring.kafka.producer.properties.linger.ms', 'linger.ms', '5', 'ms', '5'],
    ['spring.kafka.consumer.enableAutoCommit', 'enable.auto.commit', 'true', 'enableAutoCommit', 'yes'],
    ['spring.kafka.bootstrap-servers', 'bootstrap.servers', 'a:9092,b:9092', 'bootstrap-servers', '[a:9092, b:9092]'],
    ['spring.kafka.properties.[isolation.level]', 'isolation.level', 'read_committed', '"[isolation.level]"', 'read_committed'],
  ];
  for (const [rawKey, key, value, keyText, valueText] of cases) {
    it(rawKey, () => {
      const e = entry(doc, rawKey);
      assert.deepEqual([e.key, e.value, slice(YAML, e.keyRange), slice(YAML, e.valueRange)], [key, value, keyText, valueText]);
    });
  }
  it('the common isolation.level goes to the consumer, bootstrap-servers to the first group only', () => {
    assert.ok(group(doc, 'consumer').entries.some((e) => e.key === 'isolation.level'));
    assert.ok(!group(doc, 'producer').entries.some((e) => e.key === 'isolation.level'));
    assert.ok(!group(doc, 'consumer').entries.some((e) => e.key === 'bootstrap.servers'));
  });
  it('anchors at the client key', () => {
    assert.equal(slice(YAML, group(doc, 'producer').anchor), 'producer');
    assert.equal(slice(YAML, group(doc, 'consumer').anchor), 'consumer');
  });
  it('dotted keys and relaxed names', () => {
    const text = 'spring.kafka.consumer:\n  enable_auto_commit: false\nspring:\n  kafka.producer.acks: all\n';
    const d = analyzeConfig('application.yaml', text);
    assert.equal(entry(d, 'spring.kafka.consumer.enable_auto_commit').key, 'enable.auto.commit');
    assert.equal(entry(d, 'spring.kafka.consumer.enable_auto_commit').value, 'false');
    assert.equal(entry(d, 'spring.kafka.producer.acks').value, 'all');
  });
  it('an empty client section is not a setting, an empty typed value is', () => {
    const d = analyzeConfig('application.yml', 'spring:\n  kafka:\n    consumer:\n    producer:\n      acks:\n');
    assert.deepEqual(d.groups.flatMap((g) => g.entries.map((e) => [e.rawKey, e.value])), [['spring.kafka.producer.acks', '']]);
  });
  it('a profile section in a second document is not a duplicate of the first', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: all\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n  kafka:\n    producer:\n      acks: 1\n';
    const d = analyzeConfig('application.yml', text);
    const acks = group(d, 'producer').entries.filter((e) => e.key === 'acks');
    assert.equal(acks.length, 2);
    assert.notEqual(acks[0].identity, acks[1].identity);
  });
  it('YAML 1.1 values as Spring reads them', () => {
    assert.deepEqual(['on', 'No', '~', '', '010', '0x1F', '1_000', '-1', 'all', '1.50'].map(plainScalarValue), ['true', 'false', '', '', '8', '31', '1000', '-1', 'all', '1.50']);
  });
});

describe('spring-yaml: not Kafka, broken input', () => {
  it('YAML without spring.kafka', () => {
    const doc = analyzeConfig('deploy/k8s.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kafka-client\n');
    assert.equal(doc.isKafka, false);
    assert.deepEqual(doc.groups, []);
  });
  it('a syntax error is a problem; entries stay but offer no edits', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: 0\n    consumer:\n      group-id: [\n';
    const doc = analyzeConfig('application.yml', text);
    assert.equal(doc.isKafka, true);
    assert.ok(doc.problems.length >= 1);
    assert.ok(doc.problems.every((p) => p.range.start >= 0 && p.range.end <= text.length && localize('en', p.message).startsWith('YAML syntax error')));
    const acks = entry(doc, 'spring.kafka.producer.acks');
    assert.equal(acks.value, '0');
    assert.equal(acks.renderValue, undefined);
    assert.equal(acks.removeRange, undefined);
    assert.equal(group(doc, 'producer').insertEntry, undefined);
  });
  const hostile: Array<[string, string]> = [
    ['binary', 'spring:\u0000kafka\u0001'],
    ['tabs', 'spring:\n\tkafka:\n\t\tproducer:\n\t\t\tacks: 0\n'],
    ['half-typed', 'spring:\n  kafka:\n    producer:\n      ac'],
    ['aliases', 'x: &v 0\nspring:\n  kafka:\n    producer:\n      acks: *v\n'],
    ['deep nesting', `spring:\n  kafka:\n${'  '.repeat(2)}${'[' .repeat(500)}\n`],
    ['complex keys', 'spring:\n  kafka:\n    ? [a, b]\n    : 1\n'],
  ];
  for (const [name, text] of hostile) {
    it(`never throws: ${name}`, () => {
      const doc = analyzeConfig('application.yml', text);
      for (const g of doc.groups) for (const e of g.entries) assert.ok(e.keyRange.end <= text.length && e.valueRange.end <= text.length);
    });
  }
  it('an alias value is read but not rewritten', () => {
    const text = 'x: &v 0\nspring:\n  kafka:\n    producer:\n      acks: *v\n';
    const e = entry(analyzeConfig('application.yml', text), 'spring.kafka.producer.acks');
    assert.equal(e.value, '0');
    assert.equal(e.renderValue, undefined);
  });
});

describe('spring-yaml: renderValue', () => {
  const cases: Array<[string, string, string, string]> = [
    ['plain stays plain', '      acks: 0   # fire and forget', 'all', '      acks: all   # fire and forget'],
    ['a value YAML would change is quoted', '      acks: 0   # fire and forget', 'yes', '      acks: "yes"   # fire and forget'],
    ['numbers stay plain', '      acks: 0   # fire and forget', '-1', '      acks: -1   # fire and forget'],
    ['single quotes kept', "      compression-type: 'lz4'", "it's", "      compression-type: 'it''s'"],
    ['double quotes kept', '        enable.idempotence: "false"', 'true', '        enable.idempotence: "true"'],
    ['empty value gets a space', '      retries:', '2147483647', '      retries: 2147483647'],
  ];
  for (const [name, line, value, expectedLine] of cases) {
    it(name, () => {
      const doc = analyzeConfig('application.yml', YAML);
      const e = doc.groups.flatMap((g) => g.entries).find((x) => x.keyRange.start >= YAML.indexOf(line) && x.keyRange.start < YAML.indexOf(line) + line.length);
      assert.ok(e);
      assert.equal(applyEdits(YAML, [{ range: e.valueRange, newText: e.renderValue!(value)! }]), YAML.replace(line, expectedLine));
    });
  }
  it('block scalars are not rewritten', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: |\n        0\n';
    assert.equal(entry(analyzeConfig('application.yml', text), 'spring.kafka.producer.acks').renderValue!('all'), undefined);
  });
  it('flow mappings: commas are quoted', () => {
    const text = 'spring:\n  kafka:\n    producer: {acks: 0, retries: 1}\n';
    const e = entry(analyzeConfig('application.yml', text), 'spring.kafka.producer.acks');
    assert.equal(e.renderValue!('a,b'), '"a,b"');
    assert.equal(e.removeRange, undefined);
  });
  it('isPlainSafe', () => {
    assert.deepEqual(
      ['all', '0', '-1', 'false', 'localhost:9092,b:9092', 'yes', 'null', '010', '1.5', 'a b', '', '#x', 'x:'].map((v) => isPlainSafe(v, false)),
      [true, true, true, true, true, false, false, false, false, false, false, false, false],
    );
    assert.equal(isPlainSafe('a,b', true), false);
  });
});

describe('spring-yaml: removeRange', () => {
  const remove = (text: string, rawKey: string) => {
    const e = entry(analyzeConfig('application.yml', text), rawKey);
    assert.ok(e.removeRange);
    return applyEdits(text, [{ range: e.removeRange, newText: '' }]);
  };
  it('deletes the line with its comment', () => {
    assert.equal(remove(YAML, 'spring.kafka.producer.acks'), YAML.replace('      acks: 0   # fire and forget\n', ''));
  });
  it('removes an emptied parent too', () => {
    assert.equal(remove(YAML, 'spring.kafka.producer.properties.linger.ms'), YAML.replace('        linger:\n          ms: 5\n', ''));
  });
  it('CRLF kept', () => {
    const text = 'spring:\r\n  kafka:\r\n    producer:\r\n      acks: 0\r\n      retries: 0\r\n';
    assert.equal(remove(text, 'spring.kafka.producer.acks'), 'spring:\r\n  kafka:\r\n    producer:\r\n      retries: 0\r\n');
  });
  it('keeps a byte-order mark when the whole tree goes', () => {
    assert.equal(remove('\ufeffspring:\n  kafka:\n    producer:\n      acks: 0\n', 'spring.kafka.producer.acks'), '\ufeff');
  });
  it('CR-only line breaks', () => {
    const text = 'spring:\r  kafka:\r    producer:\r      acks: 0\r      retries: 1\r';
    assert.deepEqual(analyzeConfig('application.yml', text).problems, []);
    assert.equal(remove(text, 'spring.kafka.producer.acks'), 'spring:\r  kafka:\r    producer:\r      retries: 1\r');
  });
  it('last line without a break', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      retries: 0\n      acks: 0';
    assert.equal(remove(text, 'spring.kafka.producer.acks'), 'spring:\n  kafka:\n    producer:\n      retries: 0\n');
  });
});

describe('spring-yaml: insertEntry', () => {
  const insert = (text: string, role: Role, key: string, value: string) => {
    const g = group(analyzeConfig('application.yml', text), role);
    const edit = g.insertEntry?.(key, value);
    return edit ? applyEdits(text, [edit]) : undefined;
  };
  it('typed property under the client, with its indentation', () => {
    assert.equal(
      insert('spring:\n    kafka:\n        consumer:\n            group-id: g\nserver:\n    port: 1\n', 'consumer', 'enable.auto.commit', 'false'),
      'spring:\n    kafka:\n        consumer:\n            group-id: g\n            enable-auto-commit: false\nserver:\n    port: 1\n',
    );
  });
  it('into an existing properties map', () => {
    assert.equal(
      insert(YAML, 'producer', 'delivery.timeout.ms', '120000'),
      YAML.replace('          ms: 5\n', '          ms: 5\n        delivery.timeout.ms: 120000\n'),
    );
  });
  it('creates the properties map when missing', () => {
    assert.equal(
      insert('spring:\n  kafka:\n    consumer:\n      group-id: g\n', 'consumer', 'max.partition.fetch.bytes', '1048576'),
      'spring:\n  kafka:\n    consumer:\n      group-id: g\n      properties:\n        max.partition.fetch.bytes: 1048576\n',
    );
  });
  it('CRLF and no final break', () => {
    assert.equal(insert('spring:\r\n  kafka:\r\n    producer:\r\n      retries: 3', 'producer', 'acks', 'all'), 'spring:\r\n  kafka:\r\n    producer:\r\n      retries: 3\r\n      acks: all\r\n');
  });
  it('after a trailing comment and before the next section', () => {
    assert.equal(
      insert('spring:\n  kafka:\n    producer:\n      retries: 3 # note\n    consumer:\n      group-id: g\n', 'producer', 'acks', 'all'),
      'spring:\n  kafka:\n    producer:\n      retries: 3 # note\n      acks: all\n    consumer:\n      group-id: g\n',
    );
  });
  it('quotes a value YAML would misread', () => {
    assert.equal(insert('spring:\n  kafka:\n    producer:\n      retries: 3\n', 'producer', 'compression.type', 'on'), 'spring:\n  kafka:\n    producer:\n      retries: 3\n      compression-type: "on"\n');
  });
  it('CR-only line breaks', () => {
    assert.equal(insert('spring:\r  kafka:\r    producer:\r      retries: 3\r', 'producer', 'acks', 'all'), 'spring:\r  kafka:\r    producer:\r      retries: 3\r      acks: all\r');
  });
  it('creates the client mapping under kafka when missing', () => {
    assert.equal(
      insert('spring:\n  kafka:\n    bootstrap-servers: x\n    properties:\n      acks: 0\n', 'producer', 'enable.idempotence', 'true'),
      'spring:\n  kafka:\n    bootstrap-servers: x\n    properties:\n      acks: 0\n    producer:\n      properties:\n        enable.idempotence: true\n',
    );
  });
  it('no edit for a flow mapping', () => {
    assert.equal(insert('spring:\n  kafka:\n    producer: {retries: 3}\n', 'producer', 'acks', 'all'), undefined);
  });
});
