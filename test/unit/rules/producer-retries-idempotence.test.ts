import * as assert from 'node:assert/strict';
import { applyFix, codeDocument, fixTitled, lintConfig, lintDocument, of, options } from './helpers';
import { applyEdits, fixAllEdits } from '../../../server/src/core/fixes';

describe('rules: producer/retries-disabled', () => {
  const ID = 'producer/retries-disabled';

  const fires: [string, string][] = [
    ['retries=0', 'acks=all\nretries=[|0|]\n'],
    ['librdkafka spelling', 'message.send.max.retries=[|0|]\n'],
    ['a signed zero', 'retries=[|+0|]\n'],
  ];
  for (const [name, fixture] of fires) {
    it(`reports ${name} on the value`, () => {
      const r = lintConfig('producer.properties', fixture);
      const found = of(r.findings, ID);
      assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /^Producer stage: with (retries|message\.send\.max\.retries)=0 the first transient error/);
    });
  }

  it('prefers removing the line on Kafka 2.1+, and can set the default instead', () => {
    const r = lintConfig('producer.properties', 'acks=all\nretries=0\nlinger.ms=5\n');
    const [f] = of(r.findings, ID);
    const remove = fixTitled(f, 'Remove retries=0 (use the default, 2147483647)');
    assert.equal(remove.preferred, true);
    assert.equal(applyFix(r.text, remove), 'acks=all\nlinger.ms=5\n');
    const set = fixTitled(f, 'Set retries=2147483647');
    assert.equal(set.preferred, false);
    assert.equal(applyFix(r.text, set), 'acks=all\nretries=2147483647\nlinger.ms=5\n');
  });

  it('on Kafka 2.0, where the default is 0, only offers to set a retrying value', () => {
    const r = lintConfig('producer.properties', 'retries=0\n', options('2.0'));
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Set retries=2147483647']);
    assert.equal(f.fixes?.[0].preferred, true);
  });

  it('reports an unset key at the start of the file where the default is 0 (Kafka 2.0)', () => {
    const r = lintConfig('producer.properties', '[||]acks=all\n', options('2.0'));
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Producer stage: retries is unset, and Kafka 2\.0 defaults it to 0, so /);
    assert.equal(applyFix(r.text, fixTitled(f, 'Add retries=2147483647')), 'acks=all\nretries=2147483647\n');
  });

  const quiet: [string, string, string?][] = [
    ['unset on Kafka 2.1', 'acks=all\n', '2.1'],
    ['retries=3', 'retries=3\n'],
    ['retries=0 overridden', 'retries=0\nretries=5\n'],
    ['a non-numeric value (invalid-value reports it)', 'retries=none\n'],
    ['a consumer file', 'group.id=g\n', '2.0'],
  ];
  for (const [name, fixture, version] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig(name.includes('consumer') ? 'consumer.properties' : 'producer.properties', fixture, options(version)).findings, ID), []);
    });
  }

  it('offers removing retries=0 only where every version the file may run with retries by default', () => {
    const titles = (libraryVersion?: string) =>
      of(lintDocument(codeDocument({ library: 'kafka-python', libraryVersion, roles: ['producer'], entries: [['retries', '0']] })), ID)[0].fixes?.map((f) => [f.title, f.preferred]);
    // The installed kafka-python is not known: before 2.2.0 its default was 0, so removing the line may change nothing.
    assert.deepEqual(titles(), [['Set retries=2147483647', true]]);
    assert.deepEqual(titles('2.2.0'), [
      ['Remove retries=0 (use the default, 2147483647)', true],
      ['Set retries=2147483647', false],
    ]);
  });

  it('reports kafka-python before 2.2.0 and not after', () => {
    assert.equal(of(lintDocument(codeDocument({ library: 'kafka-python', libraryVersion: '2.1.0', roles: ['producer'] })), ID).length, 1);
    assert.equal(of(lintDocument(codeDocument({ library: 'kafka-python', libraryVersion: '2.2.0', roles: ['producer'] })), ID).length, 0);
  });
});

describe('rules: producer/idempotence-disabled', () => {
  const ID = 'producer/idempotence-disabled';

  it('reports enable.idempotence=false and prefers removing it on Kafka 3.0+', () => {
    const r = lintConfig('producer.properties', 'acks=all\nenable.idempotence=[|false|]\n');
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Producer stage: enable\.idempotence=false turns off idempotent writes/);
    const remove = fixTitled(f, 'Remove enable.idempotence=false (use the default, true)');
    assert.equal(remove.preferred, true);
    assert.equal(applyFix(r.text, remove), 'acks=all\n');
    assert.equal(applyFix(r.text, fixTitled(f, 'Set enable.idempotence=true')), 'acks=all\nenable.idempotence=true\n');
  });

  it('on Kafka 2.8 offers only to set it to true', () => {
    const r = lintConfig('producer.properties', 'acks=all\nenable.idempotence=FALSE\n', options('2.8'));
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Set enable.idempotence=true']);
  });

  it('offers no fix when turning it on would make the producer fail', () => {
    const r = lintConfig('producer.properties', 'acks=1\nenable.idempotence=false\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /turning it on also needs acks changed/);
  });

  // Each conflicting setting with the rule that already reports it as a loss (none for in-flight requests).
  const silent: [string, string, string, string | undefined][] = [
    ['acks=1', 'acks=[|1|]\n', 'Set acks=all', 'producer/acks-leader-only'],
    ['acks=0', 'acks=[|0|]\n', 'Set acks=all', 'producer/acks-zero'],
    ['retries=0', 'retries=[|0|]\n', 'Remove retries=0', 'producer/retries-disabled'],
    ['6 requests in flight on 3.9', 'max.in.flight.requests.per.connection=[|6|]\n', 'Set max.in.flight.requests.per.connection=5', undefined],
  ];
  for (const [name, fixture, fixTitle, lossRule] of silent) {
    it(`reports ${name} silently switching off the default idempotence${lossRule ? ` when ${lossRule} is off` : ''}`, () => {
      const r = lintConfig('producer.properties', fixture, options('3.9', lossRule ? { [lossRule]: 'off' } : undefined));
      const [f, ...rest] = of(r.findings, ID);
      assert.equal(rest.length, 0);
      assert.deepEqual(f.range, r.ranges[0]);
      assert.equal(f.severity, 'info');
      assert.match(f.message, /silently switches off the idempotence that Kafka 3\.9 turns on by default/);
      fixTitled(f, fixTitle);
    });
    if (!lossRule) continue;
    it(`one root cause, one finding: ${name} is reported by ${lossRule} only`, () => {
      const r = lintConfig('producer.properties', fixture, options('3.9'));
      assert.deepEqual(
        r.findings.map((f) => [f.ruleId, f.range]),
        [[lossRule, r.ranges[0]]],
      );
    });
  }

  it('one root cause, one finding: acks=0 and retries=0 give two findings whose fixes restore idempotence', () => {
    const r = lintConfig('producer.properties', 'bootstrap.servers=k:9092\nacks=[|0|]\nretries=[|0|]\n');
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range]),
      [
        ['producer/acks-zero', r.ranges[0]],
        ['producer/retries-disabled', r.ranges[1]],
      ],
    );
    const fixed = applyEdits(r.text, fixAllEdits(r.findings));
    assert.equal(fixed, 'bootstrap.servers=k:9092\nacks=all\n');
    assert.deepEqual(lintConfig('producer.properties', fixed).findings, []);
  });

  it('names the conflicting setting in the message', () => {
    const r = lintConfig('producer.properties', 'acks=1\n', options('3.9', { 'producer/acks-leader-only': 'off' }));
    assert.match(of(r.findings, ID)[0].message, /^Producer stage: acks=1 silently switches off/);
  });

  it('reports more than 5 in-flight requests as an error on Kafka 4.0', () => {
    const r = lintConfig('producer.properties', 'max.in.flight.requests.per.connection=[|10|]\n', options('4.0'));
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /refuses max\.in\.flight\.requests\.per\.connection=10 .*ConfigException/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set max.in.flight.requests.per.connection=5')), 'max.in.flight.requests.per.connection=5\n');
  });

  it('reports enable.idempotence=true with a conflicting setting as an error (the producer does not start)', () => {
    const r = lintConfig('producer.properties', 'enable.idempotence=true\nacks=[|1|]\n', options('2.8'));
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /refuses enable\.idempotence=true together with acks=1/);
  });

  const quiet: [string, string, string?][] = [
    ['a conflict before 3.0 (no default idempotence)', 'acks=1\n', '2.8'],
    ['a conflict on 3.0.0 (KAFKA-13598: default not applied)', 'acks=1\n', '3.0.0'],
    ['a conflict on 3.1.0', 'retries=0\n', '3.1.0'],
    ['a safe producer', 'acks=all\nmax.in.flight.requests.per.connection=5\n'],
    ['enable.idempotence=true without conflicts', 'enable.idempotence=true\nacks=all\n'],
  ];
  for (const [name, fixture, version] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('producer.properties', fixture, options(version)).findings, ID), []);
    });
  }

  it('does not report a silent switch-off for libraries that keep idempotence off by default', () => {
    assert.deepEqual(of(lintDocument(codeDocument({ library: 'sarama', roles: ['producer'], entries: [['acks', '1']] })), ID), []);
  });

  it('reports kafka-python 3.0.0, which turns idempotence on by default', () => {
    const doc = codeDocument({ library: 'kafka-python', libraryVersion: '3.0.0', roles: ['producer'], entries: [['acks', '1']] });
    assert.match(of(lintDocument(doc, options(undefined, { 'producer/acks-leader-only': 'off' })), ID)[0].message, /idempotence that kafka-python 3\.0\.0 turns on by default/);
  });
});

describe('rules: producer/idempotence-disabled with an unknown kafka-python version', () => {
  it('names the versions whose default it is', () => {
    const doc = codeDocument({ library: 'kafka-python', roles: ['producer'], entries: [['retries', '0']] });
    const [f] = of(lintDocument(doc, options(undefined, { 'producer/retries-disabled': 'off' })), 'producer/idempotence-disabled');
    assert.match(f.message, /^Producer stage: retries=0 silently switches off the idempotence that kafka-python 3\.0\.0 and later turns on by default/);
  });

  it('offers removing enable_idempotence=False only where every version the file may run turns it on by default', () => {
    // kafka-python 2.2 and 2.3 take enable_idempotence but default it to False: there, removing the argument
    // leaves idempotence off (kafka-python test/producer/test_sender.py, version unknown).
    const titles = (libraryVersion?: string) =>
      of(lintDocument(codeDocument({ library: 'kafka-python', libraryVersion, roles: ['producer'], entries: [['acks', 'all'], ['enable.idempotence', 'false']] })), 'producer/idempotence-disabled')[0].fixes?.map((f) => [f.title, f.preferred]);
    assert.deepEqual(titles(), [['Set enable.idempotence=true', true]]);
    assert.deepEqual(titles('2.2.0'), [['Set enable.idempotence=true', true]]);
    assert.deepEqual(titles('3.0.0'), [
      ['Remove enable.idempotence=false (use the default, true)', true],
      ['Set enable.idempotence=true', false],
    ]);
  });
});

describe('rules: producer/idempotence-disabled on transactional producers', () => {
  const ID = 'producer/idempotence-disabled';

  it('reports enable.idempotence=false with a transactional.id as an error, on any version', () => {
    const r = lintConfig('producer.properties', 'transactional.id=tx-1\nenable.idempotence=[|false|]\n', options('2.8'));
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^Producer stage: Kafka refuses transactional\.id together with enable\.idempotence=false \(ConfigException\)/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set enable.idempotence=true')), 'transactional.id=tx-1\nenable.idempotence=true\n');
  });

  it('reports a conflicting setting on a transactional producer as an error, even before 3.0', () => {
    const r = lintConfig('producer.properties', 'transactional.id=tx-1\nretries=[|0|]\n', options('2.8'));
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^Producer stage: Kafka refuses retries=0 on a transactional producer, which needs idempotence/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Remove retries=0')), 'transactional.id=tx-1\n');
  });

  it('stays quiet on a transactional producer without conflicts', () => {
    assert.deepEqual(of(lintConfig('producer.properties', 'transactional.id=tx-1\nacks=all\n').findings, ID), []);
  });
});

describe('rules: producer/idempotence-disabled explicitly on in another library', () => {
  it('names the library that refuses the combination', () => {
    const doc = codeDocument({ library: 'sarama', roles: ['producer'], entries: [['enable.idempotence', 'true'], ['acks', '1']] });
    const [f] = of(lintDocument(doc), 'producer/idempotence-disabled');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^Producer stage: Sarama refuses enable\.idempotence=true together with acks=1 \(a configuration error\)/);
  });
});
