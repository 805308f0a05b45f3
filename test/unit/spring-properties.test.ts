import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import type { AnalyzedDocument, ConfigEntry, ConfigGroup, Role } from '../../server/src/core/model';
import { classifySpringName, springDataSizeBytes, springDurationMs, springValue } from '../../server/src/core/spring/spring-keys';

function group(doc: AnalyzedDocument, role: Role): ConfigGroup {
  const g = doc.groups.find((x) => x.roles.includes(role));
  assert.ok(g, `no ${role} group`);
  return g;
}

function slice(text: string, r: { start: number; end: number }): string {
  return text.slice(r.start, r.end);
}

function entry(g: ConfigGroup, rawKey: string): ConfigEntry {
  const e = g.entries.find((x) => x.rawKey === rawKey);
  assert.ok(e, `no entry ${rawKey}`);
  return e;
}

describe('spring-keys: names', () => {
  const cases: Array<[string, string, string, Role | undefined, number]> = [
    ['spring.kafka.producer.acks', 'acks', 'spring.kafka.producer.acks', 'producer', 2],
    ['spring.kafka.consumer.enable-auto-commit', 'enable.auto.commit', 'spring.kafka.consumer.enable-auto-commit', 'consumer', 2],
    ['spring.kafka.consumer.enableAutoCommit', 'enable.auto.commit', 'spring.kafka.consumer.enable-auto-commit', 'consumer', 2],
    ['spring.kafka.consumer.enable_auto_commit', 'enable.auto.commit', 'spring.kafka.consumer.enable-auto-commit', 'consumer', 2],
    ['spring.kafka.bootstrap-servers', 'bootstrap.servers', 'spring.kafka.bootstrap-servers', undefined, 0],
    ['spring.kafka.bootstrapServers', 'bootstrap.servers', 'spring.kafka.bootstrap-servers', undefined, 0],
    ['spring.kafka.properties.enable.idempotence', 'enable.idempotence', 'spring.kafka.properties.enable.idempotence', undefined, 1],
    ['spring.kafka.producer.properties.linger.ms', 'linger.ms', 'spring.kafka.producer.properties.linger.ms', 'producer', 3],
    ['spring.kafka.producer.properties[linger.ms]', 'linger.ms', 'spring.kafka.producer.properties.linger.ms', 'producer', 3],
    ['spring.kafka.producer.properties.[linger.ms]', 'linger.ms', 'spring.kafka.producer.properties.linger.ms', 'producer', 3],
    ['spring.kafka.consumer.properties.enable.auto.commit', 'enable.auto.commit', 'spring.kafka.consumer.properties.enable.auto.commit', 'consumer', 3],
    ['spring.kafka.producer.transaction-id-prefix', 'transactional.id', 'spring.kafka.producer.transaction-id-prefix', 'producer', 2],
    ['spring.kafka.listener.ack-mode', 'spring.kafka.listener.ack-mode', 'spring.kafka.listener.ack-mode', 'consumer', 2],
    ['spring.kafka.listener.ackMode', 'spring.kafka.listener.ack-mode', 'spring.kafka.listener.ack-mode', 'consumer', 2],
    ['spring.kafka.producer.someFutureThing', 'spring.kafka.producer.some-future-thing', 'spring.kafka.producer.some-future-thing', 'producer', 2],
  ];
  for (const [name, key, identity, role, tier] of cases) {
    it(name, () => {
      const k = classifySpringName(name);
      assert.ok(k);
      assert.deepEqual([k.key, k.identity, k.role, k.tier], [key, identity, role, tier]);
    });
  }
  it('ignores names outside spring.kafka', () => {
    assert.equal(classifySpringName('spring.datasource.url'), undefined);
    assert.equal(classifySpringName('spring.kafkaesque.x'), undefined);
    assert.equal(classifySpringName('server.port'), undefined);
  });
});

describe('spring-keys: values', () => {
  const v = (name: string, raw: string) => springValue(classifySpringName(name)!, raw);
  const cases: Array<[string, string, string]> = [
    ['spring.kafka.consumer.enable-auto-commit', 'yes', 'true'],
    ['spring.kafka.consumer.enable-auto-commit', 'OFF', 'false'],
    ['spring.kafka.consumer.enable-auto-commit', 'maybe', 'maybe'],
    ['spring.kafka.consumer.properties.enable.auto.commit', 'yes', 'yes'],
    ['spring.kafka.consumer.auto-commit-interval', '5s', '5000'],
    ['spring.kafka.consumer.auto-commit-interval', '250', '250'],
    ['spring.kafka.consumer.auto-commit-interval', 'PT1M', '60000'],
    ['spring.kafka.consumer.max-poll-interval', '5m', '300000'],
    ['spring.kafka.producer.batch-size', '16KB', '16384'],
    ['spring.kafka.producer.buffer-memory', '32MB', '33554432'],
    ['spring.kafka.producer.batch-size', 'lots', 'lots'],
    ['spring.kafka.consumer.isolation-level', 'read-committed', 'read_committed'],
    ['spring.kafka.consumer.isolation-level', 'READ_UNCOMMITTED', 'read_uncommitted'],
    ['spring.kafka.listener.ack-mode', 'MANUAL-IMMEDIATE', 'manual_immediate'],
    ['spring.kafka.producer.acks', 'all', 'all'],
  ];
  for (const [name, raw, expected] of cases) it(`${name}=${raw}`, () => assert.equal(v(name, raw), expected));
  it('durations and sizes reject unknown units', () => {
    assert.equal(springDurationMs('5x'), undefined);
    assert.equal(springDataSizeBytes('5PB'), undefined);
    assert.equal(springDurationMs('1d'), '86400000');
  });
});

describe('spring-properties: groups', () => {
  const text = [
    'server.port=8080',
    'spring.kafka.bootstrap-servers=localhost:9092',
    'spring.kafka.producer.properties.acks=all',
    'spring.kafka.producer.acks=0',
    'spring.kafka.properties.acks=1',
    'spring.kafka.consumer.enableAutoCommit=true',
    'spring.kafka.consumer.enable-auto-commit=false',
    'spring.kafka.properties.isolation.level=read_committed',
    'spring.kafka.listener.ack-mode=manual',
    '',
  ].join('\n');
  const doc = analyzeConfig('src/main/resources/application.properties', text);

  it('is Kafka, one group per client, library spring, consumer group runs in a container', () => {
    assert.equal(doc.kind, 'spring-properties');
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.groups.map((g) => g.roles), [['producer'], ['consumer']]);
    assert.ok(doc.groups.every((g) => g.library === 'spring'));
    assert.equal(group(doc, 'consumer').springContainer, true);
    assert.equal(group(doc, 'producer').springContainer, undefined);
  });
  it('orders entries by Boot merge order: common typed, common map, typed, client map', () => {
    assert.deepEqual(group(doc, 'producer').entries.map((e) => e.rawKey), [
      'spring.kafka.bootstrap-servers',
      'spring.kafka.properties.acks',
      'spring.kafka.producer.acks',
      'spring.kafka.producer.properties.acks',
    ]);
    const last = group(doc, 'producer').entries.filter((e) => e.key === 'acks').pop();
    assert.equal(last?.value, 'all');
  });
  it('puts a common map entry in the group of the client that accepts it, once', () => {
    const all = doc.groups.flatMap((g) => g.entries.map((e) => e.rawKey));
    assert.equal(all.filter((k) => k === 'spring.kafka.properties.isolation.level').length, 1);
    assert.ok(group(doc, 'consumer').entries.some((e) => e.rawKey === 'spring.kafka.properties.isolation.level'));
    assert.equal(all.length, new Set(all).size);
  });
  it('relaxed spellings share an identity, keep their own raw key and range', () => {
    const c = group(doc, 'consumer');
    const a = entry(c, 'spring.kafka.consumer.enableAutoCommit');
    const b = entry(c, 'spring.kafka.consumer.enable-auto-commit');
    assert.equal(a.identity, b.identity);
    assert.equal(a.key, 'enable.auto.commit');
    assert.equal(slice(text, a.keyRange), 'spring.kafka.consumer.enableAutoCommit');
    assert.equal(slice(text, a.valueRange), 'true');
    assert.equal(a.role, 'consumer');
  });
  it('listener settings go to the consumer group under their Spring name', () => {
    const e = entry(group(doc, 'consumer'), 'spring.kafka.listener.ack-mode');
    assert.equal(e.key, 'spring.kafka.listener.ack-mode');
    assert.equal(e.value, 'manual');
  });
  it('anchors at the first setting of each group', () => {
    assert.equal(slice(text, group(doc, 'producer').anchor), 'spring.kafka.bootstrap-servers');
    assert.equal(slice(text, group(doc, 'consumer').anchor), 'spring.kafka.consumer.enableAutoCommit');
  });
  it('removeRange deletes exactly the line', () => {
    const e = entry(group(doc, 'producer'), 'spring.kafka.producer.acks');
    assert.equal(applyEdits(text, [{ range: e.removeRange!, newText: '' }]), text.replace('spring.kafka.producer.acks=0\n', ''));
  });
  it('renderValue keeps the line and escapes as .properties', () => {
    const e = entry(group(doc, 'producer'), 'spring.kafka.producer.acks');
    assert.equal(applyEdits(text, [{ range: e.valueRange, newText: e.renderValue!('all')! }]), text.replace('spring.kafka.producer.acks=0', 'spring.kafka.producer.acks=all'));
  });
});

describe('spring-properties: insertEntry', () => {
  const cases: Array<[string, string, Role, string, string, string]> = [
    ['typed property when Boot has one', 'spring.kafka.consumer.group-id=g\n', 'consumer', 'enable.auto.commit', 'false', 'spring.kafka.consumer.group-id=g\nspring.kafka.consumer.enable-auto-commit=false\n'],
    ['client map otherwise', 'spring.kafka.producer.acks=all\n', 'producer', 'enable.idempotence', 'true', 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties.enable.idempotence=true\n'],
    ['CRLF and no final break', 'a=1\r\nspring.kafka.producer.acks=all', 'producer', 'acks', 'all', 'a=1\r\nspring.kafka.producer.acks=all\r\nspring.kafka.producer.acks=all\r\n'],
  ];
  for (const [name, text, role, key, value, expected] of cases) {
    it(name, () => {
      const g = group(analyzeConfig('application.properties', text), role);
      assert.equal(applyEdits(text, [g.insertEntry!(key, value)!]), expected);
    });
  }
});

describe('spring-properties: not Kafka', () => {
  it('a Spring file without spring.kafka settings', () => {
    const doc = analyzeConfig('application.properties', 'server.port=8080\nspring.datasource.url=jdbc:x\nacks=0\n');
    assert.equal(doc.isKafka, false);
    assert.deepEqual(doc.groups, []);
  });
  it('profile files are Spring files', () => {
    const doc = analyzeConfig('config/application-prod.properties', 'spring.kafka.producer.acks=1\n');
    assert.equal(doc.kind, 'spring-properties');
    assert.equal(doc.isKafka, true);
  });
  it('only common settings: one group without roles', () => {
    const doc = analyzeConfig('application.properties', 'spring.kafka.bootstrap-servers=x:9092\n');
    assert.deepEqual(doc.groups.map((g) => g.roles), [[]]);
    assert.equal(doc.groups[0].insertEntry, undefined);
  });
  it('#--- sections are separate documents: the same key again is not a duplicate', () => {
    const text = 'spring.kafka.producer.acks=all\n#---\nspring.config.activate.on-profile=dev\nspring.kafka.producer.acks=1\nspring.kafka.producer.acks=0\n';
    const acks = analyzeConfig('application.properties', text).groups[0].entries;
    assert.deepEqual(acks.map((e) => e.identity), ['spring.kafka.producer.acks', '#1:spring.kafka.producer.acks', '#1:spring.kafka.producer.acks']);
  });
  it('a malformed escape on a spring.kafka line is reported', () => {
    const doc = analyzeConfig('application.properties', 'spring.kafka.producer.acks=\\u00zz\n');
    assert.equal(doc.isKafka, true);
    assert.equal(doc.problems.length, 1);
  });
});
