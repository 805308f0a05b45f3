import * as assert from 'node:assert/strict';
import { applyFix, covered, fixTitled, lintConfig, of, options } from './helpers';
import { applyEdits, fixAllEdits } from '../../../server/src/core/fixes';

describe('rules: broker/unclean-leader-election', () => {
  const ID = 'broker/unclean-leader-election';

  for (const value of ['true', 'TRUE', ' true ']) {
    it(`reports unclean.leader.election.enable=${JSON.stringify(value)} with a fix to false`, () => {
      const r = lintConfig('server.properties', `broker.id=1\nunclean.leader.election.enable=${value}\n`);
      const [f, ...rest] = of(r.findings, ID);
      assert.equal(rest.length, 0);
      assert.equal(covered(r.text, f).trim(), value.trim());
      assert.equal(f.severity, 'error');
      assert.match(f.message, /^Broker stage: with unclean\.leader\.election\.enable=true an? .*out of sync/);
      // Properties drops the blank after `=`, so it stays outside the value span and survives the fix.
      const lead = value.startsWith(' ') ? ' ' : '';
      assert.equal(applyFix(r.text, fixTitled(f, 'Set unclean.leader.election.enable=false')), `broker.id=1\nunclean.leader.election.enable=${lead}false\n`);
    });
  }

  it('reports the topic-level override too', () => {
    const r = lintConfig('orders-topic.properties', 'cleanup.policy=delete\nunclean.leader.election.enable=[|true|]\n');
    assert.deepEqual(of(r.findings, ID).map((f) => f.range), [r.ranges[0]]);
  });

  it('reports an unset key on a broker before 0.11 at the start of the file, with an insert fix', () => {
    const r = lintConfig('server.properties', '[||]broker.id=1\n', options('0.10.2'));
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Broker stage: unclean\.leader\.election\.enable is unset, and Kafka 0\.10\.2 defaults it to true, so /);
    assert.equal(applyFix(r.text, fixTitled(f, 'Add unclean.leader.election.enable=false')), 'broker.id=1\nunclean.leader.election.enable=false\n');
  });

  const quiet: [string, string, string?][] = [
    ['false', 'broker.id=1\nunclean.leader.election.enable=false\n'],
    ['unset since 0.11', 'broker.id=1\n', '0.11.0'],
    ['unset on the newest version', 'broker.id=1\n'],
  ];
  for (const [name, fixture, version] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('server.properties', fixture, options(version)).findings, ID), []);
    });
  }
});

describe('rules: broker/replication-factor-too-low', () => {
  const ID = 'broker/replication-factor-too-low';

  it('ignores keys named like inherited object properties (constructor, toString)', () => {
    const r = lintConfig('server.properties', 'broker.id=1\ndefault.replication.factor=3\nconstructor=1\ntoString=2\n');
    assert.deepEqual(of(r.findings, ID), []);
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low').filter((f) => /constructor|toString/.test(f.message)), []);
  });
  const keys = [
    'default.replication.factor',
    'offsets.topic.replication.factor',
    'transaction.state.log.replication.factor',
    'share.coordinator.state.topic.replication.factor',
  ];
  for (const key of keys) {
    for (const rf of ['1', '2']) {
      it(`reports ${key}=${rf} with a fix to 3`, () => {
        const r = lintConfig('server.properties', `broker.id=1\ndefault.replication.factor=3\n${key}=[|${rf}|]\n`);
        const found = of(r.findings, ID);
        assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
        assert.ok(found[0].message.startsWith(`Broker stage: with ${key}=${rf} `), found[0].message);
        assert.match(found[0].message, rf === '1' ? /a single copy exists/ : /only 2 copies exist/);
        assert.equal(applyFix(r.text, fixTitled(found[0], `Set ${key}=3`)), `broker.id=1\ndefault.replication.factor=3\n${key}=3\n`);
      });
    }
  }

  it('reports a topic replication.factor of 1', () => {
    const r = lintConfig('orders-topic.properties', 'replication.factor=[|1|]\nmin.insync.replicas=1\n');
    assert.deepEqual(of(r.findings, ID).map((f) => f.range), [r.ranges[0]]);
  });

  it('reports a broker that leaves default.replication.factor unset, at the start of the file', () => {
    const r = lintConfig('server.properties', '[||]broker.id=1\nmin.insync.replicas=2\n');
    const [f, ...rest] = of(r.findings, ID);
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Broker stage: default\.replication\.factor is unset, and Kafka \d+\.\d+ defaults it to 1, so /);
    assert.equal(applyFix(r.text, fixTitled(f, 'Add default.replication.factor=3')), 'broker.id=1\nmin.insync.replicas=2\ndefault.replication.factor=3\n');
  });

  const quiet: [string, string][] = [
    ['RF 3', 'broker.id=1\ndefault.replication.factor=3\noffsets.topic.replication.factor=3\n'],
    ['the last of two values (3) winning', 'broker.id=1\ndefault.replication.factor=1\ndefault.replication.factor=3\n'],
    ['-1 (use the broker default)', 'broker.id=1\ndefault.replication.factor=3\nreplication.factor=-1\n'],
    ['a non-numeric value', 'broker.id=1\ndefault.replication.factor=three\n'],
  ];
  for (const [name, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('server.properties', fixture).findings, ID), []);
    });
  }

  it('does not ask a producer file for default.replication.factor', () => {
    assert.deepEqual(of(lintConfig('producer.properties', 'acks=all\n').findings, ID), []);
  });

  describe('Kafka Connect: the internal topics of a worker and the dead letter queue of a sink', () => {
    const worker = (lines: string) =>
      `bootstrap.servers=k1:9092,k2:9092,k3:9092\ngroup.id=connect-cluster\noffset.storage.topic=connect-offsets\nconfig.storage.topic=connect-configs\nstatus.storage.topic=connect-status\n${lines}`;
    const cases: [string, string, string][] = [
      ['offset.storage.replication.factor', '1', "a single copy exists: losing one broker's disk loses the source connectors' committed offsets (they then read their sources again from the start, or skip what the source no longer holds)"],
      ['config.storage.replication.factor', '1', "a single copy exists: losing one broker's disk loses the Connect cluster's connector configurations (connectors and tasks no longer start)"],
      ['status.storage.replication.factor', '2', 'only 2 copies exist: one broker outage leaves the status of connectors and tasks with no spare copy, and a second failure loses them'],
    ];
    for (const [key, rf, consequence] of cases) {
      it(`reports ${key}=${rf} in a worker's .properties, with a fix to 3`, () => {
        const r = lintConfig('connect-distributed.properties', worker(`${key}=[|${rf}|]\n`));
        const found = of(r.findings, ID);
        assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
        assert.equal(found[0].message, `Broker stage: with ${key}=${rf} ${consequence}; use 3.`);
        assert.equal(applyFix(r.text, fixTitled(found[0], `Set ${key}=3`)), worker(`${key}=3\n`));
      });
    }

    it('stays quiet on 3, on -1 (the broker default) and on a worker that leaves them unset (Connect defaults each to 3)', () => {
      const text = worker('offset.storage.replication.factor=3\nconfig.storage.replication.factor=-1\n');
      assert.deepEqual(of(lintConfig('connect-distributed.properties', text).findings, ID), []);
      assert.deepEqual(of(lintConfig('connect-distributed.properties', worker('')).findings, ID), []);
    });

    it("reports a sink connector's errors.deadletterqueue.topic.replication.factor=1 in its JSON config", () => {
      const r = lintConfig(
        'connectors/jdbc-sink.json',
        '{\n  "name": "jdbc-sink",\n  "config": {\n    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",\n    "topics": "orders",\n    "errors.tolerance": "all",\n    "errors.deadletterqueue.topic.name": "dlq-orders",\n    "errors.deadletterqueue.topic.replication.factor": "[|1|]"\n  }\n}\n',
      );
      const found = of(r.findings, ID);
      assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
      assert.equal(
        found[0].message,
        "Broker stage: with errors.deadletterqueue.topic.replication.factor=1 a single copy exists: losing one broker's disk loses the records the connector could not process, kept only in its dead letter queue; use 3.",
      );
      assert.match(applyFix(r.text, fixTitled(found[0], 'Set errors.deadletterqueue.topic.replication.factor=3')), /"errors\.deadletterqueue\.topic\.replication\.factor": "3"/);
    });

    it("reports a Strimzi KafkaConnect's spec.config offset.storage.replication.factor=1, and not its -1", () => {
      const r = lintConfig(
        'deploy/connect.yaml',
        [
          'apiVersion: kafka.strimzi.io/v1beta2',
          'kind: KafkaConnect',
          'metadata:',
          '  name: my-connect',
          'spec:',
          '  replicas: 1',
          '  bootstrapServers: my-cluster-kafka-bootstrap:9092',
          '  config:',
          '    group.id: connect-cluster',
          '    config.storage.replication.factor: -1',
          '    offset.storage.replication.factor: [|1|]',
          '',
        ].join('\n'),
      );
      assert.deepEqual(
        of(r.findings, ID).map((f) => [f.range, f.message]),
        [[r.ranges[0], `Broker stage: with offset.storage.replication.factor=1 ${cases[0][2]}; use 3.`]],
      );
    });

    const compose = (brokers: number, bootstrap: string) => {
      const lines = ['services:'];
      for (let i = 1; i <= brokers; i++) {
        lines.push(`  kafka${i}:`, '    image: apache/kafka:3.9.0', '    environment:', `      KAFKA_NODE_ID: ${i}`, '      KAFKA_PROCESS_ROLES: broker,controller');
        lines.push(`      KAFKA_CONTROLLER_QUORUM_VOTERS: ${Array.from({ length: brokers }, (_, j) => `${j + 1}@kafka${j + 1}:9093`).join(',')}`);
      }
      lines.push('  connect:', '    image: confluentinc/cp-kafka-connect:7.6.0', '    environment:', `      CONNECT_BOOTSTRAP_SERVERS: ${bootstrap}`);
      lines.push('      CONNECT_GROUP_ID: connect', '      CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR: [|1|]');
      return `${lines.join('\n')}\n`;
    };

    it('reports CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR=1 in docker-compose, with a fix to 3 when the cluster it names has 3 brokers', () => {
      const r = lintConfig('docker-compose.yml', compose(3, 'PLAINTEXT://kafka1:9092,kafka2:9092'));
      const [f, ...rest] = of(r.findings, ID).filter((x) => x.message.includes('offset.storage'));
      assert.equal(rest.length, 0);
      assert.deepEqual(f.range, r.ranges[0]);
      assert.match(applyFix(r.text, fixTitled(f, 'Set offset.storage.replication.factor=3')), /CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR: 3\n$/);
    });

    it('offers no fix to 3 where the cluster the worker names has one broker (Connect could not create the topic)', () => {
      const r = lintConfig('docker-compose.yml', compose(1, 'kafka1:9092'));
      const [f] = of(r.findings, ID).filter((x) => x.message.includes('offset.storage'));
      assert.deepEqual(f.range, r.ranges[0]);
      assert.deepEqual(f.fixes, []);
    });
  });
});

describe('rules: broker/min-insync-replicas-too-low', () => {
  const ID = 'broker/min-insync-replicas-too-low';
  for (const key of ['min.insync.replicas', 'transaction.state.log.min.isr', 'share.coordinator.state.topic.min.isr']) {
    it(`reports ${key}=1 with a fix to 2`, () => {
      const r = lintConfig('server.properties', `broker.id=1\ndefault.replication.factor=3\nmin.insync.replicas=2\n${key}=[|1|]\n`);
      const found = of(r.findings, ID);
      assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
      assert.ok(found[0].message.startsWith(`Broker stage: with ${key}=1 `), found[0].message);
      assert.match(found[0].message, /leader alone/);
      assert.equal(applyFix(r.text, fixTitled(found[0], `Set ${key}=2`)), `broker.id=1\ndefault.replication.factor=3\nmin.insync.replicas=2\n${key}=2\n`);
    });
  }

  it('raises a replication factor that the new minimum would reach, in the same fix, and fix-all makes that edit once', () => {
    const r = lintConfig('server.properties', 'broker.id=1\ndefault.replication.factor=1\nmin.insync.replicas=[|1|]\ntransaction.state.log.replication.factor=2\ntransaction.state.log.min.isr=[|1|]\n');
    const [isr, txn] = of(r.findings, ID);
    assert.deepEqual([isr.range, txn.range], r.ranges);
    const alone = applyFix(r.text, fixTitled(isr, 'Set min.insync.replicas=2 and default.replication.factor=3'));
    assert.equal(alone, r.text.replace('default.replication.factor=1', 'default.replication.factor=3').replace('min.insync.replicas=1', 'min.insync.replicas=2'));
    // Applied alone, it leaves no factor at or below its minimum (before, it made that an error).
    assert.deepEqual(of(lintConfig('server.properties', alone).findings, 'broker/replication-factor-not-above-min-insync'), []);
    assert.equal(
      applyFix(r.text, fixTitled(txn, 'Set transaction.state.log.min.isr=2 and transaction.state.log.replication.factor=3')),
      r.text.replace('log.replication.factor=2', 'log.replication.factor=3').replace('min.isr=1', 'min.isr=2'),
    );
    // The factor's own finding offers the same edit: fix-all makes it once and applies both fixes.
    const all = applyEdits(r.text, fixAllEdits(r.findings));
    assert.match(all, /^broker\.id=1\ndefault\.replication\.factor=3\nmin\.insync\.replicas=2\ntransaction\.state\.log\.replication\.factor=3\ntransaction\.state\.log\.min\.isr=2\n/);
  });

  it('adds the default replication factor when the broker leaves it at 1 (where 3 copies cannot fit: compose tests)', () => {
    const r = lintConfig('server.properties', 'broker.id=1\nmin.insync.replicas=[|1|]\n');
    const [f] = of(r.findings, ID);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set min.insync.replicas=2 and default.replication.factor=3')), 'broker.id=1\nmin.insync.replicas=2\ndefault.replication.factor=3\n');
  });

  it('reports a broker that leaves min.insync.replicas unset, at the start of the file', () => {
    const r = lintConfig('server.properties', '[||]broker.id=1\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Broker stage: min\.insync\.replicas is unset, and Kafka \d+\.\d+ defaults it to 1, so /);
    assert.equal(applyFix(r.text, fixTitled(f, 'Add min.insync.replicas=2')), 'broker.id=1\nmin.insync.replicas=2\n');
  });

  it('stays quiet on 2, and on a topic file that does not set it', () => {
    assert.deepEqual(of(lintConfig('server.properties', 'broker.id=1\nmin.insync.replicas=2\n').findings, ID), []);
    assert.deepEqual(of(lintConfig('orders-topic.properties', 'cleanup.policy=delete\n').findings, ID), []);
  });
});

describe('rules: broker/replication-factor-not-above-min-insync', () => {
  const ID = 'broker/replication-factor-not-above-min-insync';
  const pairs: [string, string][] = [
    ['default.replication.factor', 'min.insync.replicas'],
    ['replication.factor', 'min.insync.replicas'],
    ['transaction.state.log.replication.factor', 'transaction.state.log.min.isr'],
    ['share.coordinator.state.topic.replication.factor', 'share.coordinator.state.topic.min.isr'],
  ];
  for (const [rfKey, isrKey] of pairs) {
    it(`warns when ${rfKey} equals ${isrKey}, pointing at the minimum`, () => {
      const r = lintConfig('server.properties', `broker.id=1\n${rfKey}=[|3|]\n${isrKey}=[|3|]\n`);
      const [f, ...rest] = of(r.findings, ID);
      assert.equal(rest.length, 0);
      assert.deepEqual(f.range, r.ranges[0]);
      assert.equal(f.severity, 'warning');
      assert.ok(f.message.startsWith(`Broker stage: ${rfKey}=3 equals ${isrKey}=3`), f.message);
      assert.deepEqual(f.related?.map((x) => x.range), [r.ranges[1]]);
      assert.equal(applyFix(r.text, fixTitled(f, `Set ${rfKey}=4`)), `broker.id=1\n${rfKey}=4\n${isrKey}=3\n`);
    });

    it(`one root cause, one finding: ${rfKey}=2 with ${isrKey}=2 is replication-factor-too-low's, unless that rule is off`, () => {
      const text = `broker.id=1\n${rfKey}=[|2|]\n${isrKey}=2\n`;
      const r = lintConfig('server.properties', text);
      assert.deepEqual(of(r.findings, ID), []);
      const [low] = of(r.findings, 'broker/replication-factor-too-low').filter((f) => f.range.start === r.ranges[0].start);
      assert.equal(applyFix(r.text, fixTitled(low, `Set ${rfKey}=3`)), `broker.id=1\n${rfKey}=3\n${isrKey}=2\n`);
      const off = lintConfig('server.properties', text, options(undefined, { 'broker/replication-factor-too-low': 'off' }));
      assert.deepEqual(of(off.findings, ID).map((f) => f.range), [off.ranges[0]]);
    });
  }

  it('is an error when the replication factor is below the minimum', () => {
    const r = lintConfig('server.properties', 'broker.id=1\nmin.insync.replicas=[|3|]\ndefault.replication.factor=[|2|]\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[1]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /is below min\.insync\.replicas=3, so .*every acks=all write is rejected/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set default.replication.factor=4')), 'broker.id=1\nmin.insync.replicas=3\ndefault.replication.factor=4\n');
    // One root cause, one finding: replication-factor-too-low (whose 3 would equal the minimum) leaves it to this rule.
    assert.deepEqual(of(r.findings, 'broker/replication-factor-too-low'), []);
  });

  it('one root cause, one finding: RF 1 with min.insync.replicas=1 is reported by the RF and min-ISR rules only, with fixes that agree', () => {
    const r = lintConfig('server.properties', 'broker.id=1\ndefault.replication.factor=[|1|]\nmin.insync.replicas=[|1|]\n');
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId.startsWith('broker/') && f.ruleId !== 'broker/log-dirs-in-tmp').map((f) => [f.ruleId, f.range, f.fixes?.find((x) => x.preferred)?.title]),
      [
        ['broker/replication-factor-too-low', r.ranges[0], 'Set default.replication.factor=3'],
        ['broker/min-insync-replicas-too-low', r.ranges[1], 'Set min.insync.replicas=2 and default.replication.factor=3'],
      ],
    );
  });

  it('an unset default.replication.factor beside min.insync.replicas=3 is added one above it', () => {
    const r = lintConfig('server.properties', 'broker.id=1\nmin.insync.replicas=3\n');
    const [f] = of(r.findings, 'broker/replication-factor-too-low');
    assert.match(f.message, /; set it to 4\.$/);
    assert.equal(applyFix(r.text, fixTitled(f, 'Add default.replication.factor=4')), 'broker.id=1\nmin.insync.replicas=3\ndefault.replication.factor=4\n');
  });

  const quiet: [string, string][] = [
    ['RF 3 over min ISR 2', 'default.replication.factor=3\nmin.insync.replicas=2\n'],
    ['only one side set', 'default.replication.factor=1\n'],
    ['a non-numeric side', 'default.replication.factor=x\nmin.insync.replicas=2\n'],
  ];
  for (const [name, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('server.properties', `broker.id=1\n${fixture}`).findings, ID), []);
    });
  }
});

describe('rules: broker/log-dirs-in-tmp', () => {
  const ID = 'broker/log-dirs-in-tmp';

  it('reports each element under /tmp with its exact range', () => {
    const r = lintConfig('server.properties', 'broker.id=1\nlog.dirs=[|/tmp/a|], /data/b ,[|/tmp|]\n');
    const found = of(r.findings, ID);
    assert.deepEqual(found.map((f) => f.range), [r.ranges[0], r.ranges[1]]);
    assert.match(found[0].message, /^Broker stage: log\.dirs puts \/tmp\/a under \/tmp/);
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].fixes, undefined);
  });

  for (const key of ['log.dir', 'metadata.log.dir']) {
    it(`reports ${key}`, () => {
      const r = lintConfig('server.properties', `broker.id=1\nlog.dirs=/data\n${key}=[|/tmp/kraft-combined-logs|]\n`);
      assert.deepEqual(of(r.findings, ID).map((f) => f.range), [r.ranges[0]]);
    });
  }

  it('reports a broker with neither log.dirs nor log.dir (default /tmp/kafka-logs) at the start of the file', () => {
    const r = lintConfig('server.properties', '[||]broker.id=1\n');
    const [f] = of(r.findings, ID);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /default \/tmp\/kafka-logs/);
  });

  const quiet: [string, string][] = [
    ['persistent paths', 'broker.id=1\nlog.dirs=/var/lib/kafka,/data/kafka\n'],
    ['a path that only starts with tmp', 'broker.id=1\nlog.dirs=/tmpfs-not/kafka,/var/tmp/kafka\n'],
  ];
  for (const [name, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.deepEqual(of(lintConfig('server.properties', fixture).findings, ID), []);
    });
  }
});
