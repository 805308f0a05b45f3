import * as assert from 'node:assert/strict';
import { applyFix, codeDocument, fixTitled, lintConfig, lintDocument, of, options } from './helpers';

describe('rules: producer/acks-zero', () => {
  const ID = 'producer/acks-zero';

  // The message names the key as written (librdkafka's alias too).
  const fires: [string, string, string][] = [
    ['acks=0', 'bootstrap.servers=b:9092\nacks=[|0|]\n', 'acks'],
    ['acks = 0 with spaces', 'acks = [|0|]\n', 'acks'],
    ['librdkafka alias', 'request.required.acks=[|0|]\n', 'request.required.acks'],
    ['last of two wins', 'acks=all\nacks=[|0|]\n', 'acks'],
  ];
  for (const [name, fixture, key] of fires) {
    it(`reports ${name}`, () => {
      const r = lintConfig('producer.properties', fixture);
      const found = of(r.findings, ID);
      assert.equal(found.length, 1);
      assert.deepEqual(found[0].range, r.ranges[0]);
      assert.equal(found[0].severity, 'error');
      assert.ok(found[0].message.startsWith(`Producer stage: with ${key}=0 `), found[0].message);
      assert.ok(found[0].message.endsWith(`; use ${key}=all.`), found[0].message);
      assert.deepEqual(found[0].fixes?.map((f) => f.title), [`Set ${key}=all`]);
    });
  }

  const quiet: [string, string][] = [
    ['acks=all', 'acks=all\n'],
    ['acks=-1', 'acks=-1\n'],
    ['acks=1', 'acks=1\n'],
    ['acks=0 overridden later', 'acks=0\nacks=all\n'],
    ['a placeholder', 'acks=${ACKS:0}\n'],
    ['no acks in a Java producer', 'key.serializer=x\n'],
  ];
  for (const [name, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('producer.properties', fixture).findings, ID), []);
    });
  }

  // The value span includes the trailing blank: Properties keeps it in the value and Kafka trims it.
  it('fixes the value to all and nothing else', () => {
    const r = lintConfig('producer.properties', 'linger.ms=5\nacks = 0 \nretries=3\n');
    const [f] = of(r.findings, ID);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set acks=all')), 'linger.ms=5\nacks = all\nretries=3\n');
  });

  it('reports a kafka-go writer left at its no-ack default at the start of the file, with an insert fix', () => {
    const doc = codeDocument({ library: 'kafka-go', roles: ['producer'] });
    const [f] = of(lintDocument(doc), ID);
    assert.deepEqual(f.range, doc.groups[0].anchor);
    assert.match(f.message, /^Producer stage: acks is unset, and kafka-go defaults it to 0, so /);
    assert.equal(applyFix(doc.text, fixTitled(f, 'Add acks=all')), 'new Client()\nacks: all\n');
  });

  it('does not report an unset key for a library whose default waits for acknowledgements', () => {
    assert.deepEqual(of(lintDocument(codeDocument({ library: 'franz-go', roles: ['producer'] })), ID), []);
  });
});

describe('rules: producer/acks-leader-only', () => {
  const ID = 'producer/acks-leader-only';

  it('reports acks=1 on the value with a fix to all', () => {
    const r = lintConfig('producer.properties', 'acks=[|1|]\n');
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^Producer stage: with acks=1 .*leader/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set acks=all')), 'acks=all\n');
  });

  it('reports request.required.acks=1, naming that key', () => {
    const r = lintConfig('producer.properties', 'request.required.acks=[|1|]\n');
    const found = of(r.findings, ID);
    assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
    assert.match(found[0].message, /^Producer stage: with request\.required\.acks=1 .*; use request\.required\.acks=all\.$/);
    assert.deepEqual(found[0].fixes?.map((f) => f.title), ['Set request.required.acks=all']);
  });

  const versions: [string, boolean][] = [
    ['2.8', true],
    ['2.0', true],
    ['0.10.2', true],
    ['3.0', false],
    ['4.1', false],
  ];
  for (const [version, expected] of versions) {
    it(`${expected ? 'reports' : 'does not report'} unset acks in a producer file for Kafka ${version}`, () => {
      const r = lintConfig('producer.properties', '[||]key.serializer=org.example.S\n', options(version));
      const found = of(r.findings, ID);
      if (!expected) {
        assert.deepEqual(found, []);
        return;
      }
      assert.equal(found.length, 1);
      assert.deepEqual(found[0].range, r.ranges[0]);
      assert.ok(found[0].message.startsWith(`Producer stage: acks is unset, and Kafka ${version} defaults it to 1, so `), found[0].message);
      assert.equal(applyFix(r.text, fixTitled(found[0], 'Add acks=all')), 'key.serializer=org.example.S\nacks=all\n');
    });
  }

  it('does not report an unset key in a file that is not a producer', () => {
    assert.deepEqual(of(lintConfig('consumer.properties', 'group.id=g\n', options('2.8')).findings, ID), []);
  });

  it('reports Sarama, whose default is WaitForLocal', () => {
    const doc = codeDocument({ library: 'sarama', roles: ['producer'] });
    const [f] = of(lintDocument(doc), ID);
    assert.deepEqual(f.range, doc.groups[0].anchor);
    assert.match(f.message, /^Producer stage: acks is unset, and Sarama defaults it to 1, so /);
  });

  it('says it depends on the installed version when kafka-python is of unknown version', () => {
    const doc = codeDocument({ library: 'kafka-python', roles: ['producer'] });
    const [f] = of(lintDocument(doc), ID);
    assert.match(f.message, /^Producer stage: acks is unset, and kafka-python before 3\.0\.0 defaults it to 1 \(the installed version is not known\), so /);
  });

  const pythonVersions: [string, boolean][] = [
    ['2.3.0', true],
    ['3.0.0', false],
  ];
  for (const [version, expected] of pythonVersions) {
    it(`${expected ? 'reports' : 'does not report'} kafka-python ${version} with acks unset`, () => {
      const found = of(lintDocument(codeDocument({ library: 'kafka-python', libraryVersion: version, roles: ['producer'] })), ID);
      assert.equal(found.length, expected ? 1 : 0);
      if (expected) assert.match(found[0].message, new RegExp(`acks is unset, and kafka-python ${version.replace(/\./g, '\\.')} defaults it to 1`));
    });
  }

  it('leaves acks=all and acks=0 alone', () => {
    assert.deepEqual(of(lintConfig('producer.properties', 'acks=all\n', options('2.0')).findings, ID), []);
    assert.deepEqual(of(lintConfig('producer.properties', 'acks=0\n').findings, ID), []);
  });
});
