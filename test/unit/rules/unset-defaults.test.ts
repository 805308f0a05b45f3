import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import { disableForFileFix, disableForLineFix } from '../../../server/src/core/suppressions';
import { applyFix, covered, lintConfig, of, options } from './helpers';

/**
 * Findings about a key the configuration leaves unset (issue: "defaults reported on an unrelated line"):
 * in a `.properties` file they sit, zero-width, at the start of the file rather than on whichever key comes
 * first, the message says "unset", the fix appends the key, and only the whole-file directive silences
 * them (no line comes before the start of the file). Spring groups keep their client section, code groups
 * their constructor call.
 */

/** The head of a real config file: a license block, then the settings. */
const HEAD = '# Licensed to the Apache Software Foundation (ASF) under one or more\n# contributor license agreements.\n\n';

describe('rules: findings about unset keys sit at the start of a .properties file', () => {
  const cases: [string, string, string, string, string, string?][] = [
    // [rule, file, settings after the license head, message start, appended line, Kafka version]
    ['broker/min-insync-replicas-too-low', 'server.properties', 'broker.id=1\ndefault.replication.factor=3\nlog.dirs=/var/lib/kafka\n', 'Broker stage: min.insync.replicas is unset, and Kafka 4.1 defaults it to 1, so ', 'min.insync.replicas=2'],
    ['broker/replication-factor-too-low', 'server.properties', 'broker.id=1\nmin.insync.replicas=2\nlog.dirs=/var/lib/kafka\n', 'Broker stage: default.replication.factor is unset, and Kafka 4.1 defaults it to 1, so ', 'default.replication.factor=3'],
    ['broker/unclean-leader-election', 'server.properties', 'broker.id=1\nmin.insync.replicas=2\ndefault.replication.factor=3\nlog.dirs=/var/lib/kafka\n', 'Broker stage: unclean.leader.election.enable is unset, and Kafka 0.10.2 defaults it to true, so ', 'unclean.leader.election.enable=false', '0.10.2'],
    ['producer/acks-leader-only', 'producer.properties', 'bootstrap.servers=kafka-1:9092\nlinger.ms=5\n', 'Producer stage: acks is unset, and Kafka 2.8 defaults it to 1, so ', 'acks=all', '2.8'],
    ['producer/retries-disabled', 'producer.properties', 'bootstrap.servers=kafka-1:9092\nacks=all\n', 'Producer stage: retries is unset, and Kafka 2.0 defaults it to 0, so ', 'retries=2147483647', '2.0'],
    ['consumer/auto-commit-enabled', 'consumer.properties', 'bootstrap.servers=kafka-1:9092\ngroup.id=billing\n', 'Consumer stage: enable.auto.commit is unset, and Kafka 4.1 defaults it to true, so ', 'enable.auto.commit=false'],
  ];
  for (const [id, file, settings, start, appended, version] of cases) {
    it(`${id}: zero-width at the start of the file, "unset" in the message, the key appended`, () => {
      const r = lintConfig(file, HEAD + settings, options(version));
      const [f, ...rest] = of(r.findings, id);
      assert.equal(rest.length, 0);
      assert.deepEqual(f.range, { start: 0, end: 0 });
      assert.equal(covered(r.text, f), '');
      assert.ok(f.message.startsWith(start), f.message);
      const fix = f.fixes?.find((x) => x.preferred);
      assert.ok(fix);
      assert.equal(applyFix(r.text, fix), `${HEAD}${settings}${appended}\n`);
    });
  }

  it('log.dir left at its default /tmp/kafka-logs is reported at the start of the file too', () => {
    const r = lintConfig('server.properties', `${HEAD}broker.id=1\nmin.insync.replicas=2\ndefault.replication.factor=3\n`);
    assert.deepEqual(of(r.findings, 'broker/log-dirs-in-tmp').map((f) => f.range), [{ start: 0, end: 0 }]);
  });

  it('after a byte-order mark, the start of the file is offset 1', () => {
    const r = lintConfig('consumer.properties', '\ufeffgroup.id=billing\n');
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled').map((f) => f.range), [{ start: 1, end: 1 }]);
  });

  it('only the whole-file directive silences it: there is no line before the start of the file', () => {
    const text = `${HEAD}bootstrap.servers=kafka-1:9092\ngroup.id=billing\n`;
    const doc = analyzeConfig('consumer.properties', text);
    const [f] = of(lint(doc), 'consumer/auto-commit-enabled');
    assert.equal(disableForLineFix(doc, f.ruleId, f.range), undefined);
    const silenced = applyFix(text, disableForFileFix(doc, f.ruleId));
    assert.equal(silenced, `# kafka-lint-disable consumer/auto-commit-enabled -- reason\n${text}`);
    assert.deepEqual(of(lint(analyzeConfig('consumer.properties', silenced)), f.ruleId), []);
  });

  it('a finding on an explicit line still offers the line directive', () => {
    const text = `${HEAD}group.id=billing\nenable.auto.commit=true\n`;
    const doc = analyzeConfig('consumer.properties', text);
    const [f] = of(lint(doc), 'consumer/auto-commit-enabled');
    assert.equal(covered(text, f), 'true');
    assert.ok(disableForLineFix(doc, f.ruleId, f.range));
  });

  it('a Spring group keeps its client section: where the user adds the key', () => {
    const yaml = 'server:\n  port: 8080\nspring:\n  kafka:\n    consumer:\n      group-id: billing\n';
    const r = lintConfig('application.yml', yaml, options('4.1'));
    // The listener container turns auto-commit off; a plain consumer factory is what fires on Spring.
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled'), []);
    const props = lintConfig('application.properties', 'server.port=8080\nspring.kafka.producer.bootstrap-servers=kafka-1:9092\n', options('2.8'));
    const [acks] = of(props.findings, 'producer/acks-leader-only');
    assert.equal(covered(props.text, acks), 'spring.kafka.producer.bootstrap-servers');
    assert.match(acks.message, /^Producer stage: acks is unset, and Kafka 2\.8 defaults it to 1, so /);
  });
});
