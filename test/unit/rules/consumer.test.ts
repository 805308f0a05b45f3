import * as assert from 'node:assert/strict';
import { applyFix, codeDocument, fixTitled, lintConfig, lintDocument, of } from './helpers';

describe('rules: consumer/auto-commit-enabled', () => {
  const ID = 'consumer/auto-commit-enabled';
  const FIX = 'Set enable.auto.commit=false (then commit offsets yourself after processing)';

  for (const value of ['true', 'True']) {
    it(`reports enable.auto.commit=${value} with a fix whose title asks for commits after processing`, () => {
      const r = lintConfig('consumer.properties', `group.id=g\nenable.auto.commit=[|${value}|]\n`);
      const [f, ...rest] = of(r.findings, ID);
      assert.equal(rest.length, 0);
      assert.deepEqual(f.range, r.ranges[0]);
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /^Consumer stage: with enable\.auto\.commit=true offsets of polled records are committed/);
      assert.equal(applyFix(r.text, fixTitled(f, FIX)), 'group.id=g\nenable.auto.commit=false\n');
    });
  }

  it('reports a consumer that leaves it unset, at the start of the file, with an insert fix', () => {
    const r = lintConfig('consumer.properties', '[||]group.id=g\nauto.offset.reset=earliest\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Consumer stage: enable\.auto\.commit is unset, and Kafka \d+\.\d+ defaults it to true, so /);
    const add = fixTitled(f, 'Add enable.auto.commit=false (then commit offsets yourself after processing)');
    assert.equal(applyFix(r.text, add), 'group.id=g\nauto.offset.reset=earliest\nenable.auto.commit=false\n');
  });

  const quiet: [string, string, string][] = [
    ['false', 'consumer.properties', 'group.id=g\nenable.auto.commit=false\n'],
    ['an invalid value (invalid-value reports it)', 'consumer.properties', 'group.id=g\nenable.auto.commit=yes\n'],
    ['a producer file', 'producer.properties', 'acks=all\n'],
  ];
  for (const [name, path, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig(path, fixture).findings, ID), []);
    });
  }

  it('does not report an unset key for consumers in a Spring listener container', () => {
    const doc = codeDocument({ library: 'spring', roles: ['consumer'], springContainer: true });
    assert.deepEqual(of(lintDocument(doc), ID), []);
  });

  it('reports an explicit true in a Spring listener container', () => {
    const doc = codeDocument({ library: 'spring', roles: ['consumer'], springContainer: true, entries: [['enable.auto.commit', 'true']] });
    const [f] = of(lintDocument(doc), ID);
    assert.equal(doc.text.slice(f.range.start, f.range.end), 'true');
  });

  it('reports an unset key for Spring consumers outside a container (Kafka default applies)', () => {
    assert.equal(of(lintDocument(codeDocument({ library: 'spring', roles: ['consumer'] })), ID).length, 1);
  });

  it('uses the library default: kafka-python auto-commits what was polled; Sarama and KafkaJS commit only what the application marked or finished', () => {
    const python = of(lintDocument(codeDocument({ library: 'kafka-python', roles: ['consumer'] })), ID);
    assert.equal(python.length, 1);
    assert.match(python[0].message, /^Consumer stage: enable\.auto\.commit is unset, and kafka-python defaults it to true, so /);
    for (const library of ['sarama', 'kafkajs'] as const) assert.deepEqual(of(lintDocument(codeDocument({ library, roles: ['consumer'] })), ID), [], library);
  });
});

describe('rules: consumer/auto-offset-reset-latest', () => {
  const ID = 'consumer/auto-offset-reset-latest';

  it('reports latest with a fix to earliest that is not preferred', () => {
    const r = lintConfig('consumer.properties', 'group.id=g\nauto.offset.reset=[|latest|]\nenable.auto.commit=false\n');
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Consumer stage: with auto\.offset\.reset=latest a group that has no valid committed offset/);
    const fix = fixTitled(f, 'Set auto.offset.reset=earliest (a group without a committed offset reads the existing records)');
    assert.equal(fix.preferred, false);
    assert.equal(applyFix(r.text, fix), 'group.id=g\nauto.offset.reset=earliest\nenable.auto.commit=false\n');
  });

  it("reports librdkafka's synonym largest, but only for librdkafka", () => {
    const rd = codeDocument({ library: 'librdkafka', roles: ['consumer'], entries: [['auto.offset.reset', 'largest']] });
    assert.equal(of(lintDocument(rd), ID).length, 1);
    const java = codeDocument({ library: 'java', roles: ['consumer'], entries: [['auto.offset.reset', 'largest']] });
    assert.deepEqual(of(lintDocument(java), ID), []);
  });

  for (const fixture of ['group.id=g\nauto.offset.reset=earliest\n', 'group.id=g\nauto.offset.reset=none\n', 'group.id=g\n']) {
    it(`stays quiet on ${JSON.stringify(fixture)}`, () => {
      assert.deepEqual(of(lintConfig('consumer.properties', fixture).findings, ID), []);
    });
  }
});
