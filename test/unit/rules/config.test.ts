import * as assert from 'node:assert/strict';
import { effectiveEntry } from '../../../server/src/core/rules/support';
import { applyFix, fixTitled, lintConfig, of } from './helpers';

describe('rules: config/duplicate-key', () => {
  const ID = 'config/duplicate-key';

  it('reports the earlier occurrence, names the winning line and value, and links to it', () => {
    const r = lintConfig('producer.properties', '[|acks|]=all\nlinger.ms=5\n[|acks|]=0\n');
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Producer stage: acks is set again on line 3, and that later value (0) wins, so this one (all) is ignored.');
    assert.deepEqual(f.related?.map((x) => x.range), [r.ranges[1]]);
    const fix = fixTitled(f, 'Remove the earlier acks (line 1)');
    assert.equal(fix.preferred, true);
    assert.equal(applyFix(r.text, fix), 'linger.ms=5\nacks=0\n');
  });

  it('reports every earlier occurrence of a key set three times, each pointing at the last', () => {
    const r = lintConfig('producer.properties', '[|retries|]=1\n[|retries|]=2\n[|retries|]=3\n');
    const found = of(r.findings, ID);
    assert.deepEqual(found.map((f) => f.range), [r.ranges[0], r.ranges[1]]);
    for (const f of found) assert.deepEqual(f.related?.map((x) => x.range), [r.ranges[2]]);
  });

  it('uses Config: for keys the catalog has no stage for', () => {
    const r = lintConfig('producer.properties', 'acks=all\ncustom.key=a\ncustom.key=b\n');
    assert.match(of(r.findings, ID)[0].message, /^Config: custom\.key is set again on line 3/);
  });

  it('stays quiet when every key is set once', () => {
    assert.deepEqual(of(lintConfig('producer.properties', 'acks=all\nretries=3\n').findings, ID), []);
  });
});

describe('rules: config/invalid-value', () => {
  const ID = 'config/invalid-value';

  const fires: [string, string, string, RegExp][] = [
    ['acks=2', 'producer.properties', 'acks=[|2|]\n', /^Producer stage: Kafka rejects acks=2 \(it must be one of .*\) with a ConfigException, so the producer is never created/],
    ['enable.auto.commit=yes', 'consumer.properties', 'group.id=g\nenable.auto.commit=[|yes|]\n', /^Consumer stage: Kafka rejects enable\.auto\.commit=yes \(it must be true or false\)/],
    ['a non-numeric replication factor', 'server.properties', 'broker.id=1\ndefault.replication.factor=[|three|]\n', /^Broker stage: Kafka rejects default\.replication\.factor=three \(it must be a whole number/],
    ['a value below the minimum', 'server.properties', 'broker.id=1\nmin.insync.replicas=[|0|]\n', /it must be at least 1\) .*the broker does not start/],
  ];
  for (const [name, path, fixture, message] of fires) {
    it(`reports ${name} on the value`, () => {
      const r = lintConfig(path, fixture);
      const found = of(r.findings, ID);
      assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, message);
    });
  }

  it('reports an empty value on the key', () => {
    const r = lintConfig('consumer.properties', 'group.id=g\n[|enable.auto.commit|]=\n');
    assert.deepEqual(of(r.findings, ID).map((f) => f.range), [r.ranges[0]]);
  });

  const quiet: [string, string][] = [
    ['valid values with blanks Kafka trims', 'acks = all \nretries= 5\n'],
    ['a boolean in capitals', 'enable.idempotence=TRUE\n'],
    ['a placeholder', 'acks=${ACKS}\n'],
    ['a str.format template field', 'acks={acks}\nbatch.size={batch}\n'],
    ['a String.format specifier', 'retries=%d\nbatch.size=%5d\nacks=%s\n'],
    ['a key the catalog does not know', 'my.key=whatever\n'],
  ];
  for (const [name, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('producer.properties', fixture).findings, ID), []);
    });
  }

  it('stays quiet on a broker config template filled in with str.format (kafka-python servers/*/resources/kafka.properties)', () => {
    const r = lintConfig('kafka.properties', 'broker.id={broker_id}\nnum.partitions={partitions}\ndefault.replication.factor={replicas}\nlisteners={transport}://{host}:{port}\n');
    assert.deepEqual(of(r.findings, ID), []);
  });

  it('stays quiet on a connector configuration filled in with String.format (ClickHouse/clickhouse-kafka-connect src/integrationTest/resources/clickhouse_sink.json)', () => {
    const text = [
      '{',
      '  "name": "%s",',
      '  "config": {',
      '    "name": "%s",',
      '    "connector.class": "com.clickhouse.kafka.connect.ClickHouseSinkConnector",',
      '    "tasks.max": "%d",',
      '    "topics": "%s",',
      '    "hostname": "%s",',
      '    "port": "%s",',
      '    "database": "default",',
      '    "ssl": "false",',
      '    "exactlyOnce" : "false"',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = lintConfig('src/integrationTest/resources/clickhouse_sink.json', text);
    assert.deepEqual(r.findings, []);
  });
});

describe('rules: config/unknown-key', () => {
  const ID = 'config/unknown-key';

  it('reports a typo on the key with a did-you-mean and a rename fix', () => {
    const r = lintConfig('consumer.properties', 'group.id=g\n[|enable.auto.comit|]=false\n');
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Consumer stage: Kafka does not know enable\.auto\.comit .*; did you mean enable\.auto\.commit\?$/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Change to enable.auto.commit')), 'group.id=g\nenable.auto.commit=false\n');
  });

  it('suggests the dotted key for an underscore spelling', () => {
    const r = lintConfig('producer.properties', 'acks=all\n[|enable_idempotence|]=true\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /did you mean enable\.idempotence\?$/);
  });

  it('reports a key with no close match without a fix', () => {
    const r = lintConfig('producer.properties', 'acks=all\n[|my.team.owner|]=payments\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Config: Kafka does not know my\.team\.owner .*never takes effect\.$/);
    assert.deepEqual(f.fixes, []);
  });

  const quiet: [string, string, string][] = [
    ['known keys', 'producer.properties', 'acks=all\nbootstrap.servers=b:9092\nretries=3\n'],
    ['a listener override family', 'server.properties', 'broker.id=1\nlistener.name.internal.ssl.keystore.location=/k.jks\n'],
    ['a file that is not Kafka configuration', 'messages.properties', 'greeting=hello\nfarewell=bye\n'],
    ['a template field on a line of its own', 'server.properties', 'broker.id=1\n{sasl_config}\n{ssl_config}\nlog.dirs=/var/lib/kafka\n'],
  ];
  for (const [name, path, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig(path, fixture).findings, ID), []);
    });
  }
});

describe('rules: INI section headers in a .properties file', () => {
  // Python apps keep client settings in a configparser file, often named `*.properties` (Confluent's
  // getting-started guide writes exactly this one, as getting_started.ini).
  const confluent = '[default]\nbootstrap.servers=localhost:9092\n\n[producer]\nacks=all\n\n[consumer]\ngroup.id=python_example_group_1\nauto.offset.reset=earliest\n';

  it('reads a line that is only [name] as a section header, not as a key', () => {
    const r = lintConfig('client.properties', confluent);
    // The consumer's unset auto-commit is the file's one finding; no unknown-key on the header lines.
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range]),
      [['consumer/auto-commit-enabled', { start: 0, end: 0 }]],
    );
    const keys = r.document.groups.flatMap((g) => g.entries.map((e) => e.key));
    assert.deepEqual(keys, ['bootstrap.servers', 'acks', 'group.id', 'auto.offset.reset']);
  });

  it('reads a header with blanks around it, and one whose name holds spaces or dots', () => {
    const r = lintConfig('client.properties', '  [default]  \nbootstrap.servers=localhost:9092\n[my producer.v2]\t\nacks=all\n');
    assert.deepEqual(r.findings.map((f) => f.ruleId), []);
  });

  it('reads a key in a section lower-cased, as configparser does: ACKS=0 is acks=0, and Acks twice is a duplicate', () => {
    const r = lintConfig('client.properties', '[default]\nBootstrap.Servers=localhost:9092\n[producer]\n[|ACKS|]=0\n[|Acks|]=[|1|]\n');
    assert.deepEqual(r.document.groups[0].entries.map((e) => [e.key, e.rawKey, e.role]), [
      ['bootstrap.servers', 'Bootstrap.Servers', 'producer'],
      ['acks', 'ACKS', 'producer'],
      ['acks', 'Acks', 'producer'],
    ]);
    assert.deepEqual(of(r.findings, 'config/unknown-key'), []);
    assert.deepEqual(of(r.findings, 'config/duplicate-key').map((f) => f.range), [r.ranges[0]]);
    assert.deepEqual(of(r.findings, 'producer/acks-leader-only').map((f) => f.range), [r.ranges[2]]);
    // Without sections it is a Java properties file, where keys are case-sensitive.
    assert.deepEqual(of(lintConfig('producer.properties', 'bootstrap.servers=b:9092\nACKS=0\n').findings, 'config/unknown-key').length, 1);
  });

  it('reports no duplicate-key for a key set once in each of two sections', () => {
    const r = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\nclient.id=app\n[producer]\nclient.id=app-producer\nacks=all\n[consumer]\nclient.id=app-consumer\ngroup.id=g\nenable.auto.commit=false\n');
    assert.deepEqual(of(r.findings, 'config/duplicate-key'), []);
  });

  it('still reports a key set twice in one section, and in two sections of the same name', () => {
    const r = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\n[producer]\n[|acks|]=1\n[|acks|]=all\n[consumer]\n[|group.id|]=a\n[producer]\nlinger.ms=5\n[consumer]\n[|group.id|]=b\n');
    const found = of(r.findings, 'config/duplicate-key');
    assert.deepEqual(found.map((f) => [f.range, f.related?.map((x) => x.range)]), [
      [r.ranges[0], [r.ranges[1]]],
      [r.ranges[2], [r.ranges[3]]],
    ]);
  });

  it('gives the keys of a [producer] or [consumer] section (in any case) to that client, and those of [default] to every client', () => {
    const r = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\nclient.id=app\n[Producer]\nclient.id=app-producer\n[consumer]\nclient.id=app-consumer\nacks=0\n');
    const [group, ...others] = r.document.groups;
    assert.equal(others.length, 0);
    assert.deepEqual(group.roles, ['producer', 'consumer']);
    assert.deepEqual(
      group.entries.map((e) => [e.key, e.value, e.role]),
      [
        ['bootstrap.servers', 'localhost:9092', undefined],
        ['client.id', 'app', undefined],
        ['client.id', 'app-producer', 'producer'],
        ['client.id', 'app-consumer', 'consumer'],
        ['acks', '0', 'consumer'],
      ],
    );
    assert.equal(effectiveEntry(group, ['client.id'], 'producer')?.value, 'app-producer');
    assert.equal(effectiveEntry(group, ['client.id'], 'consumer')?.value, 'app-consumer');
    assert.equal(effectiveEntry(group, ['bootstrap.servers'], 'consumer')?.value, 'localhost:9092');
    // acks=0 in the consumer's section is not the producer's setting; the consumer section alone makes the
    // file a consumer's, whose unset auto-commit is reported.
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range]),
      [['consumer/auto-commit-enabled', { start: 0, end: 0 }]],
    );
  });

  it("lets a client's section win over [default] wherever [default] is written, as the app merges them", () => {
    // Confluent's examples: dict(config['default']), then .update(config['producer']).
    const after = lintConfig('client.properties', '[producer]\nacks=[|1|]\n[default]\nbootstrap.servers=localhost:9092\nacks=all\n');
    assert.deepEqual(of(after.findings, 'producer/acks-leader-only').map((f) => f.range), [after.ranges[0]]);
    assert.deepEqual(after.document.groups[0].entries.map((e) => [e.key, e.value]), [
      ['bootstrap.servers', 'localhost:9092'],
      ['acks', 'all'],
      ['acks', '1'],
    ]);
    assert.equal(effectiveEntry(after.document.groups[0], ['acks'], 'producer')?.value, '1');
    // The other way round, [default]'s acks=0 is not what the producer gets either.
    const before = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\nacks=0\n[producer]\nacks=all\n');
    assert.deepEqual(of(before.findings, 'producer/acks-zero'), []);
    assert.deepEqual(of(before.findings, 'config/duplicate-key'), []);
  });

  it("judges a file with sections by librdkafka's defaults and spellings, since confluent-kafka reads it", () => {
    const r = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\n[producer]\nrequest.required.acks=[|1|]\n[consumer]\ngroup.id=g\n');
    assert.equal(r.document.groups[0].library, 'librdkafka');
    assert.deepEqual(of(r.findings, 'producer/acks-leader-only').map((f) => f.range), [r.ranges[0]]);
    const [unset] = of(r.findings, 'consumer/auto-commit-enabled');
    assert.match(unset.message, /enable\.auto\.commit is unset, and librdkafka defaults it to true/);
    // Without sections it is a Java client's file.
    assert.equal(lintConfig('consumer.properties', 'bootstrap.servers=b:9092\ngroup.id=g\n').document.groups[0].library, 'java');
  });

  const ADD_AUTO_COMMIT = 'Add enable.auto.commit=false (then commit offsets yourself after processing)';

  it("adds a missing setting at the end of its client's section, not at the end of the file", () => {
    const r = lintConfig('client.properties', '[default]\r\nbootstrap.servers=localhost:9092\r\n\r\n[consumer]\r\ngroup.id=g\r\n\r\n[producer]\r\nacks=all\r\n');
    const [f] = of(r.findings, 'consumer/auto-commit-enabled');
    assert.equal(
      applyFix(r.text, fixTitled(f, ADD_AUTO_COMMIT)),
      '[default]\r\nbootstrap.servers=localhost:9092\r\n\r\n[consumer]\r\ngroup.id=g\r\nenable.auto.commit=false\r\n\r\n[producer]\r\nacks=all\r\n',
    );
  });

  it('adds it at the end of [default] when its client has no section, and at the end of the file when that section is last', () => {
    const inDefault = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\ngroup.id=g\n[producer]\nacks=all');
    assert.equal(
      applyFix(inDefault.text, fixTitled(of(inDefault.findings, 'consumer/auto-commit-enabled')[0], ADD_AUTO_COMMIT)),
      '[default]\nbootstrap.servers=localhost:9092\ngroup.id=g\nenable.auto.commit=false\n[producer]\nacks=all',
    );
    const last = lintConfig('client.properties', '[default]\nbootstrap.servers=localhost:9092\n[consumer]\ngroup.id=g');
    assert.equal(
      applyFix(last.text, fixTitled(of(last.findings, 'consumer/auto-commit-enabled')[0], ADD_AUTO_COMMIT)),
      '[default]\nbootstrap.servers=localhost:9092\n[consumer]\ngroup.id=g\nenable.auto.commit=false\n',
    );
  });

  it('reads a line starting with ; as a comment in a file with sections, as configparser does', () => {
    const r = lintConfig('client.properties', '; written for confluent-kafka\n[default]\nbootstrap.servers=localhost:9092\n  ; the consumer\n[consumer]\ngroup.id=g\nenable.auto.commit=false\n');
    assert.deepEqual(r.findings.map((f) => f.ruleId), []);
    assert.deepEqual(r.document.groups.flatMap((g) => g.entries.map((e) => e.key)), ['bootstrap.servers', 'group.id', 'enable.auto.commit']);
  });

  it('still reads a line starting with ; as a key, as Kafka does, in a file without sections', () => {
    const r = lintConfig('client.properties', 'bootstrap.servers=localhost:9092\n[|;|] a note\n');
    assert.deepEqual(of(r.findings, 'config/unknown-key').map((f) => f.range), [r.ranges[0]]);
  });

  it('still reads [x]=y, [x] y and key=[a] as keys, as Kafka does', () => {
    const r = lintConfig('client.properties', 'bootstrap.servers=localhost:9092\n[|[x]|]=y\n[|[x]|] y\n[|key|]=[a]\n');
    assert.deepEqual(
      of(r.findings, 'config/unknown-key').map((f) => f.range),
      [r.ranges[0], r.ranges[1], r.ranges[2]],
    );
    const keys = r.document.groups.flatMap((g) => g.entries.map((e) => e.key));
    assert.deepEqual(keys, ['bootstrap.servers', '[x]', '[x]', 'key']);
  });
});

describe('rules: config/syntax-error', () => {
  it('reports a malformed \\u escape', () => {
    const r = lintConfig('producer.properties', 'acks=all\nssl.keystore.location=C:\\users\\kafka\n');
    const found = of(r.findings, 'config/syntax-error');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
  });
});

describe('rules: config/unknown-key at scale', () => {
  it('lints 50,000 unknown keys quickly, suggesting only for the first 200', () => {
    let text = 'acks=all\n';
    for (let i = 0; i < 50_000; i++) text += `custom.setting.number${i}=v\n`;
    text += 'retires=3\n';
    const started = Date.now();
    const found = of(lintConfig('producer.properties', text).findings, 'config/unknown-key');
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.equal(found.length, 50_001);
    assert.doesNotMatch(found[found.length - 1].message, /did you mean/);
  });

  it('still suggests within the first 200 unknown keys', () => {
    const found = of(lintConfig('producer.properties', 'acks=all\nmy.key=1\nretires=3\n').findings, 'config/unknown-key');
    assert.match(found[1].message, /did you mean retries\?$/);
  });
});
