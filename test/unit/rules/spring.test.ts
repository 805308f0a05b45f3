import * as assert from 'node:assert/strict';
import { applyFix, codeDocument, fixTitled, lintConfig, lintDocument, of, options } from './helpers';

/** Spring Boot's merge order decides which value Kafka sees, whatever the order of the lines. */
describe('rules: Spring precedence', () => {
  it('lets spring.kafka.producer.properties.acks override the typed acks written after it', () => {
    const { text, findings } = lintConfig(
      'application.properties',
      'spring.kafka.producer.properties.acks=[|0|]\nspring.kafka.producer.acks=all\nspring.kafka.producer.key-serializer=x\n',
    );
    const [f, ...rest] = of(findings, 'producer/acks-zero');
    assert.equal(rest.length, 0);
    assert.equal(text.slice(f.range.start, f.range.end), '0');
  });

  it('lets the typed acks override the shared spring.kafka.properties.acks written after it', () => {
    const { findings } = lintConfig('application.properties', 'spring.kafka.producer.acks=all\nspring.kafka.properties.acks=0\nspring.kafka.producer.key-serializer=x\n');
    assert.deepEqual(of(findings, 'producer/acks-zero'), []);
  });

  it('ignores a consumer-scoped value when judging the producer', () => {
    const doc = codeDocument({
      library: 'spring',
      roles: ['producer', 'consumer'],
      entries: [
        ['acks', '0', 'spring.kafka.producer.acks', 'producer'],
        ['acks', 'all', 'spring.kafka.consumer.properties.acks', 'consumer'],
      ],
    });
    assert.equal(of(lintDocument(doc), 'producer/acks-zero').length, 1);
  });

  it('accepts Spring boolean spellings in typed properties but not in pass-through maps', () => {
    const typed = codeDocument({ library: 'spring', roles: ['consumer'], entries: [['enable.auto.commit', 'no', 'spring.kafka.consumer.enable-auto-commit', 'consumer']] });
    assert.deepEqual(of(lintDocument(typed), 'config/invalid-value'), []);
    const raw = codeDocument({ library: 'spring', roles: ['consumer'], entries: [['enable.auto.commit', 'no', 'spring.kafka.consumer.properties.enable.auto.commit', 'consumer']] });
    const [f] = of(lintDocument(raw), 'config/invalid-value');
    assert.match(f.message, /^Consumer stage: Kafka rejects enable\.auto\.commit=no \(it must be true or false\)/);
  });

  it('accepts durations and sizes in typed properties, and a relaxed enum spelling', () => {
    const doc = codeDocument({
      library: 'spring',
      roles: ['consumer', 'producer'],
      entries: [
        ['auto.commit.interval.ms', '5s', 'spring.kafka.consumer.auto-commit-interval', 'consumer'],
        ['batch.size', '16KB', 'spring.kafka.producer.batch-size', 'producer'],
        ['isolation.level', 'read-committed', 'spring.kafka.consumer.isolation-level', 'consumer'],
      ],
    });
    assert.deepEqual(of(lintDocument(doc), 'config/invalid-value'), []);
  });
});

describe('rules: Spring Boot files through the real readers', () => {
  it('reports spring.kafka.producer.acks=0 and fixes it in place', () => {
    const r = lintConfig('application.properties', 'spring.kafka.bootstrap-servers=b:9092\nspring.kafka.producer.acks=[|0|]\n');
    const [f] = of(r.findings, 'producer/acks-zero');
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set acks=all')), 'spring.kafka.bootstrap-servers=b:9092\nspring.kafka.producer.acks=all\n');
  });

  it('reports acks: 0 in application.yml and fixes it in YAML', () => {
    const r = lintConfig('application.yml', 'spring:\n  kafka:\n    producer:\n      acks: [|0|]\n');
    const [f] = of(r.findings, 'producer/acks-zero');
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set acks=all')), 'spring:\n  kafka:\n    producer:\n      acks: all\n');
  });

  it('treats relaxed-binding spellings of one property as duplicates', () => {
    const r = lintConfig('application.properties', '[|spring.kafka.consumer.enable-auto-commit|]=true\nspring.kafka.consumer.group-id=g\n[|spring.kafka.consumer.enableAutoCommit|]=false\n');
    const [f, ...rest] = of(r.findings, 'config/duplicate-key');
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Consumer stage: spring\.kafka\.consumer\.enable-auto-commit \(enable\.auto\.commit\) is set again on line 3, and that later value \(false\) wins, so this one \(true\) is ignored\.$/);
    assert.deepEqual(f.related?.map((x) => x.range), [r.ranges[1]]);
    assert.equal(applyFix(r.text, fixTitled(f, 'Remove the earlier spring.kafka.consumer.enable-auto-commit (line 1)')), 'spring.kafka.consumer.group-id=g\nspring.kafka.consumer.enableAutoCommit=false\n');
    // The value that wins is false, so auto-commit is off.
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled'), []);
  });

  it('does not report unset auto-commit for listener-container consumers, but reports an explicit true', () => {
    assert.deepEqual(of(lintConfig('application.properties', 'spring.kafka.consumer.group-id=g\n').findings, 'consumer/auto-commit-enabled'), []);
    const r = lintConfig('application.yml', 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      enable-auto-commit: [|true|]\n');
    const [f] = of(r.findings, 'consumer/auto-commit-enabled');
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(
      applyFix(r.text, fixTitled(f, 'Set enable.auto.commit=false (then commit offsets yourself after processing)')),
      'spring:\n  kafka:\n    consumer:\n      group-id: g\n      enable-auto-commit: false\n',
    );
  });

  it('reports a Kafka-level value Kafka rejects in a pass-through map', () => {
    const r = lintConfig('application.properties', 'spring.kafka.producer.properties.enable.idempotence=[|maybe|]\n');
    const [f] = of(r.findings, 'config/invalid-value');
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Producer stage: Kafka rejects enable\.idempotence=maybe \(it must be true or false\)/);
  });

  it('never reports unknown keys in Spring files (the rule is for plain Kafka files)', () => {
    assert.deepEqual(of(lintConfig('application.properties', 'spring.kafka.producer.ackz=all\nserver.port=8080\n').findings, 'config/unknown-key'), []);
  });

  it('reports unset acks on a Spring producer for Kafka 2.x and inserts the Spring property', () => {
    const props = lintConfig('application.properties', '[|spring.kafka.producer.batch-size|]=16384\n', options('2.8'));
    const [p] = of(props.findings, 'producer/acks-leader-only');
    assert.deepEqual(p.range, props.ranges[0]);
    assert.equal(applyFix(props.text, fixTitled(p, 'Add acks=all')), 'spring.kafka.producer.batch-size=16384\nspring.kafka.producer.acks=all\n');
    const yaml = lintConfig('application.yml', 'spring:\n  kafka:\n    producer:\n      batch-size: 16384\n', options('2.8'));
    const [y] = of(yaml.findings, 'producer/acks-leader-only');
    assert.equal(applyFix(yaml.text, fixTitled(y, 'Add acks=all')), 'spring:\n  kafka:\n    producer:\n      batch-size: 16384\n      acks: all\n');
  });
});
