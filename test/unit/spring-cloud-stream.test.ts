import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeConfig } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/model';
import { applyFix, covered, fixTitled, lintConfig, of } from './rules/helpers';
import { lint } from '../../server/src/core/lint';
import { hoverAt } from '../../server/src/core/hover';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { findingsOf, lintWorkspace } from './deployment/helpers';

/**
 * Spring Cloud Stream's Kafka binder settings (`spring.cloud.stream.kafka.*`, server/src/core/spring/
 * spring-cloud-stream.ts) read as the Kafka keys the binder hands its clients, in the binder's merge order.
 */

const PROPS = 'src/main/resources/application.properties';
const YML = 'src/main/resources/application.yml';

const ACKS_ZERO = 'Producer stage: with acks=0 the producer never learns whether the broker stored the record: any send that fails is lost silently; use acks=all.';
const ACKS_ONE =
  'Producer stage: with acks=1 the broker confirms the send as soon as the leader wrote it, so a record that only the leader has written is gone if that leader fails before a follower copies it; use acks=all.';
const ACKS_DEFAULT =
  'Producer stage: acks is unset, and Spring Cloud Stream before 5.0.2 defaults it to 1 (the installed version is not known), so a record that only the leader has written is gone if that leader fails before a follower copies it; set acks=all.';
const RETRIES_ZERO =
  'Producer stage: with retries=0 the first transient error (a leader change, a request timeout, too few in-sync replicas) fails the record for good, and it is lost unless the application handles the failure; leave retries unset and bound retrying with delivery.timeout.ms.';
const AUTO_COMMIT =
  'Consumer stage: with enable.auto.commit=true offsets of polled records are committed on a timer whether or not they were processed, and records still being processed when the consumer crashes are skipped on restart; commit after processing instead.';
const LATEST =
  'Consumer stage: with auto.offset.reset=latest a group that has no valid committed offset (new, expired after offsets.retention.minutes, or deleted by retention) jumps to the end of the log and never reads the records before it.';

/** The findings of the rules this reader feeds, as [rule, message, covered text]. */
function judged(path: string, marked: string): { got: [string, string, string][]; want: string[]; findings: readonly Finding[]; text: string } {
  const { findings, ranges, text } = lintConfig(path, marked);
  const rules = ['producer/acks-zero', 'producer/acks-leader-only', 'producer/retries-disabled', 'consumer/auto-commit-enabled', 'consumer/auto-offset-reset-latest'];
  const got = findings.filter((f) => rules.includes(f.ruleId)).map((f): [string, string, string] => [f.ruleId, f.message, covered(text, f)]);
  // Every marked range is the range of one finding, in order.
  assert.deepEqual(
    findings.filter((f) => rules.includes(f.ruleId)).map((f) => f.range),
    ranges,
  );
  return { got, want: ranges.map((r) => text.slice(r.start, r.end)), findings, text };
}

describe('spring-cloud-stream: each binder mapping reaches the rules', () => {
  const cases: [string, string, string, [string, string][]][] = [
    // name, path, marked text, [rule, message] per marked range
    ['binder configuration (.properties)', PROPS, 'spring.cloud.stream.kafka.binder.configuration.acks=[|0|]\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['binder configuration, bracket form', PROPS, 'spring.cloud.stream.kafka.binder.required-acks=all\nspring.cloud.stream.kafka.binder.configuration[retries]=[|0|]\n', [['producer/retries-disabled', RETRIES_ZERO]]],
    ['binder configuration (YAML, quoted bracket key)', YML, 'spring:\n  cloud:\n    stream:\n      kafka:\n        binder:\n          configuration:\n            "[acks]": [|0|]\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['binder producer-properties', PROPS, 'spring.cloud.stream.kafka.binder.producer-properties.acks=[|1|]\n', [['producer/acks-leader-only', ACKS_ONE]]],
    ['binder producerProperties (camelCase)', PROPS, 'spring.cloud.stream.kafka.binder.producerProperties.retries=[|0|]\nspring.cloud.stream.kafka.binder.requiredAcks=all\n', [['producer/retries-disabled', RETRIES_ZERO]]],
    ['binder producer_properties (YAML)', YML, 'spring.cloud.stream.kafka.binder:\n  producer_properties:\n    acks: [|0|]\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['binder consumer-properties', PROPS, 'spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset=[|latest|]\n', [['consumer/auto-offset-reset-latest', LATEST]]],
    ['binder consumerProperties (YAML, nested key)', YML, 'spring.cloud.stream.kafka.binder.consumerProperties:\n  auto:\n    offset:\n      reset: [|latest|]\n', [['consumer/auto-offset-reset-latest', LATEST]]],
    ['binder required-acks', PROPS, 'spring.cloud.stream.kafka.binder.required-acks=[|1|]\n', [['producer/acks-leader-only', ACKS_ONE]]],
    ['binder requiredAcks (YAML)', YML, 'spring:\n  cloud:\n    stream:\n      kafka:\n        binder:\n          requiredAcks: [|0|]\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['binding producer configuration', PROPS, 'spring.cloud.stream.kafka.bindings.process-out-0.producer.configuration.acks=[|0|]\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['binding producer configuration (YAML)', YML, 'spring:\n  cloud:\n    stream:\n      kafka:\n        bindings:\n          output:\n            producer:\n              configuration:\n                retries: [|0|]\n                acks: all\n', [['producer/retries-disabled', RETRIES_ZERO]]],
    ['binding consumer configuration', PROPS, 'spring.cloud.stream.kafka.bindings.input.consumer.configuration.enable.auto.commit=[|true|]\n', [['consumer/auto-commit-enabled', AUTO_COMMIT]]],
    ['binding consumer configuration (YAML)', YML, 'spring.cloud.stream.kafka.bindings:\n  process-in-0:\n    consumer:\n      configuration:\n        enable.auto.commit: [|true|]\n', [['consumer/auto-commit-enabled', AUTO_COMMIT]]],
    ['binding startOffset', PROPS, 'spring.cloud.stream.kafka.bindings.input.consumer.startOffset=[|latest|]\n', [['consumer/auto-offset-reset-latest', LATEST]]],
    ['binding start-offset in another case (YAML)', YML, 'spring.cloud.stream.kafka.bindings.input.consumer:\n  start-offset: [|Latest|]\n', [['consumer/auto-offset-reset-latest', LATEST]]],
    ['default consumer configuration', PROPS, 'spring.cloud.stream.kafka.default.consumer.configuration.auto.offset.reset=[|latest|]\n', [['consumer/auto-offset-reset-latest', LATEST]]],
    ['default producer configuration (YAML)', YML, 'spring.cloud.stream.kafka.default:\n  producer:\n    configuration:\n      acks: [|0|]\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['transactional producer configuration', PROPS, 'spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix=tx-\nspring.cloud.stream.kafka.binder.transaction.producer.configuration.retries=[|0|]\nspring.cloud.stream.kafka.binder.transaction.producer.configuration.acks=all\n', [['producer/retries-disabled', RETRIES_ZERO]]],
  ];
  for (const [name, path, marked, want] of cases) {
    it(name, () => {
      const { got } = judged(path, marked);
      assert.deepEqual(
        got.map(([rule, message]) => [rule, message]),
        want,
      );
    });
  }
});

describe('spring-cloud-stream: precedence (binder requiredAcks < Boot < binder configuration < producer/consumer-properties < binding)', () => {
  const cases: [string, string, string, [string, string][]][] = [
    ['Boot spring.kafka.producer.acks overrides requiredAcks, whatever the order', PROPS, 'spring.kafka.producer.acks=all\nspring.cloud.stream.kafka.binder.required-acks=0\n', []],
    ['binder configuration overrides Boot', PROPS, 'spring.cloud.stream.kafka.binder.configuration.acks=[|0|]\nspring.kafka.producer.acks=all\n', [['producer/acks-zero', ACKS_ZERO]]],
    ['binder configuration overrides requiredAcks', PROPS, 'spring.cloud.stream.kafka.binder.configuration.acks=all\nspring.cloud.stream.kafka.binder.requiredAcks=0\n', []],
    ['producer-properties override configuration', PROPS, 'spring.cloud.stream.kafka.binder.producer-properties.acks=all\nspring.cloud.stream.kafka.binder.configuration.acks=0\n', []],
    ['a binding overrides producer-properties', PROPS, 'spring.cloud.stream.kafka.bindings.out.producer.configuration.acks=[|1|]\nspring.cloud.stream.kafka.binder.producer-properties.acks=all\n', [['producer/acks-leader-only', ACKS_ONE]]],
    ['a binding overrides the default binding', PROPS, 'spring.cloud.stream.kafka.bindings.out.producer.configuration.acks=all\nspring.cloud.stream.kafka.default.producer.configuration.acks=0\n', []],
    ['startOffset overrides the binding configuration', PROPS, 'spring.cloud.stream.kafka.bindings.in.consumer.startOffset=[|latest|]\nspring.cloud.stream.kafka.bindings.in.consumer.configuration.auto.offset.reset=earliest\n', [['consumer/auto-offset-reset-latest', LATEST]]],
    ['startOffset earliest wins over a latest reset', YML, 'spring.cloud.stream.kafka:\n  bindings:\n    in:\n      consumer:\n        startOffset: earliest\n  binder:\n    consumer-properties:\n      auto.offset.reset: latest\n', []],
  ];
  for (const [name, path, marked, want] of cases) {
    it(name, () => {
      const { got, findings } = judged(path, marked);
      assert.deepEqual(
        got.map(([rule, message]) => [rule, message]),
        want,
      );
      // The file is Kafka configuration whether or not it is lossy, and every binder line is read.
      const doc = analyzeConfig(path, marked.replace(/\[\||\|\]/g, ''));
      assert.ok(doc.isKafka);
      const read = doc.groups.flatMap((g) => g.entries.map((e) => e.rawKey));
      if (path === PROPS) for (const line of marked.split('\n').filter((l) => l.startsWith('spring.cloud.stream.kafka.'))) assert.ok(read.includes(line.split('=')[0]), line);
      assert.ok(findings.every((f) => f.ruleId !== 'config/duplicate-key'));
    });
  }
});

describe("spring-cloud-stream: the binder's own defaults", () => {
  it('a producer binding with acks unset takes requiredAcks 1 (binder before 5.0.2), reported on the binding', () => {
    const { got } = judged(PROPS, 'spring.cloud.stream.kafka.binder.brokers=localhost\n[|spring.cloud.stream.bindings.process-out-0.destination|]=orders\n');
    assert.deepEqual(got, [['producer/acks-leader-only', ACKS_DEFAULT, 'spring.cloud.stream.bindings.process-out-0.destination']]);
  });
  it('in YAML the default is reported on the binding name, with the Boot fix for .properties only', () => {
    const yaml = 'spring:\n  cloud:\n    stream:\n      bindings:\n        [|supplier-out-0|]:\n          destination: out\n      kafka:\n        binder:\n          brokers: localhost\n';
    const { got, findings } = judged(YML, yaml);
    assert.deepEqual(got, [['producer/acks-leader-only', ACKS_DEFAULT, 'supplier-out-0']]);
    // No spring.kafka mapping to insert into: no fix rather than a guess.
    assert.deepEqual(findings[0].fixes, []);
  });
  it('the .properties fix sets Boot’s producer acks, which the binder applies over requiredAcks', () => {
    const { findings, text } = lintConfig(PROPS, 'spring.cloud.stream.kafka.binder.producer-properties.linger.ms=5\n');
    const f = of(findings, 'producer/acks-leader-only');
    assert.equal(f.length, 1);
    assert.equal(f[0].message, ACKS_DEFAULT);
    assert.equal(covered(text, f[0]), 'spring.cloud.stream.kafka.binder.producer-properties.linger.ms');
    const fixed = applyFix(text, fixTitled(f[0], 'Add acks=all'));
    assert.equal(fixed, 'spring.cloud.stream.kafka.binder.producer-properties.linger.ms=5\nspring.kafka.producer.acks=all\n');
    assert.deepEqual(of(lint(analyzeConfig(PROPS, fixed), DEFAULT_OPTIONS), 'producer/acks-leader-only'), []);
  });
  it('requiredAcks=all or an acks in any binder layer is safe', () => {
    for (const line of ['spring.cloud.stream.kafka.binder.required-acks=all', 'spring.cloud.stream.kafka.binder.configuration.acks=-1', 'spring.cloud.stream.kafka.bindings.process-out-0.producer.configuration.acks=all']) {
      const { document, findings } = lintConfig(PROPS, `${line}\nspring.cloud.stream.bindings.process-out-0.destination=orders\n`);
      assert.equal(document.groups[0].springBinder, true, line);
      assert.deepEqual(of(findings, 'producer/acks-leader-only'), [], line);
    }
  });
  it('enable.auto.commit=true in the binder configuration or consumer-properties is dropped by the binder', () => {
    for (const line of ['spring.cloud.stream.kafka.binder.configuration.enable.auto.commit=true', 'spring.cloud.stream.kafka.binder.consumer-properties.enable.auto.commit=TRUE']) {
      const { document, findings } = lintConfig(PROPS, `${line}\nspring.cloud.stream.bindings.process-in-0.group=g\n`);
      assert.equal(document.isKafka, true);
      assert.deepEqual(document.groups.map((g) => [g.roles, g.springContainer, g.springBinder]), [[['consumer'], true, true]]);
      assert.deepEqual(of(findings, 'consumer/auto-commit-enabled'), [], line);
    }
  });
  it('a consumer binding without enable.auto.commit is committed by the binder’s container', () => {
    const { document, findings } = lintConfig(YML, 'spring.cloud.stream:\n  bindings:\n    process-in-0:\n      group: g\n  kafka.binder.brokers: localhost\n');
    assert.deepEqual(document.groups.map((g) => g.roles), [['consumer']]);
    assert.deepEqual(of(findings, 'consumer/auto-commit-enabled'), []);
  });
});

describe('spring-cloud-stream: hover', () => {
  it("shows the binder's acks default on a binder file, in English and Chinese", () => {
    const text = 'spring.cloud.stream.kafka.binder.configuration.acks=1\n';
    const document = analyzeConfig(PROPS, text);
    const en = hoverAt(document, lint(document, DEFAULT_OPTIONS), 40, { ...DEFAULT_OPTIONS, locale: 'en' });
    assert.ok(en?.markdown.includes("**Default** (Spring Cloud Stream's Kafka binder, its `requiredAcks`): `1` before binder 5.0.2, `all` since; the binder's version is not known here."), en?.markdown);
    const zh = hoverAt(document, lint(document, DEFAULT_OPTIONS), 40, { ...DEFAULT_OPTIONS, locale: 'zh-cn' });
    assert.ok(zh?.markdown.includes('**默认值**（Spring Cloud Stream 的 Kafka 绑定器，即它的 `requiredAcks`）：绑定器 5.0.2 之前为 `1`，之后为 `all`；这里不知道绑定器的版本。'), zh?.markdown);
  });
});

describe('spring-cloud-stream: across files', () => {
  it("a binder producer's unset acks is not taken as Kafka's acks=all by producer/acks-all-without-min-isr", async () => {
    const producer = 'spring.cloud.stream.kafka.binder.brokers=kafka-1:9092\nspring.kafka.bootstrap-servers=kafka-1:9092\nspring.cloud.stream.bindings.process-out-0.destination=orders\n';
    const ws = await lintWorkspace({ 'app/src/main/resources/application.properties': producer, 'app/topic-orders.properties': 'min.insync.replicas=1\n' });
    assert.deepEqual(findingsOf(ws, 'app/src/main/resources/application.properties', 'producer/acks-all-without-min-isr'), []);
    assert.deepEqual(
      findingsOf(ws, 'app/src/main/resources/application.properties', 'producer/acks-leader-only').map((f) => f.message),
      [ACKS_DEFAULT],
    );
    // A binder acks=all written in the file is judged as any acks=all.
    const written = await lintWorkspace({ 'app/src/main/resources/application.properties': `${producer}spring.cloud.stream.kafka.binder.required-acks=all\n`, 'app/topic-orders.properties': 'min.insync.replicas=1\n' });
    assert.equal(findingsOf(written, 'app/src/main/resources/application.properties', 'producer/acks-all-without-min-isr').length, 1);
  });
});

describe('spring-cloud-stream: what is not judged', () => {
  it('binding names are not roles next to the Kafka Streams binder or several binders', () => {
    for (const extra of ['spring.cloud.stream.kafka.streams.binder.application-id=app', 'spring.cloud.stream.binders.k1.type=kafka']) {
      const text = `spring.cloud.stream.kafka.binder.brokers=localhost\nspring.cloud.stream.bindings.process-out-0.destination=out\n${extra}\n`;
      const doc = analyzeConfig(PROPS, text);
      assert.equal(doc.isKafka, true);
      assert.deepEqual(doc.groups, [], extra);
    }
    // Without them the same binding is a producer.
    assert.deepEqual(analyzeConfig(PROPS, 'spring.cloud.stream.kafka.binder.brokers=localhost\nspring.cloud.stream.bindings.process-out-0.destination=out\n').groups.map((g) => g.roles), [['producer']]);
  });
  it('a YAML file with only the Kafka Streams binder is no binder file: Boot groups keep Kafka defaults', () => {
    const yaml = 'spring:\n  kafka:\n    producer:\n      retries: 3\n  cloud:\n    stream:\n      kafka:\n        streams:\n          binder:\n            application-id: app\n      bindings:\n        process-out-0:\n          destination: out\n';
    const doc = analyzeConfig(YML, yaml);
    assert.deepEqual(doc.groups.map((g) => [g.roles, g.springBinder]), [[['producer'], undefined]]);
    assert.deepEqual(of(lint(doc, DEFAULT_OPTIONS), 'producer/acks-leader-only'), []);
    // With a binder key next to it, the same Boot producer takes the binder's acks.
    const binder = analyzeConfig(YML, yaml.replace('        streams:', '        binder:\n          brokers: localhost\n        streams:'));
    assert.deepEqual(binder.groups.map((g) => [g.roles, g.springBinder]), [[['producer'], true]]);
  });
  it('a Spring Cloud Stream file without Kafka binder keys is not Kafka configuration', () => {
    const rabbit = 'spring.cloud.stream.bindings.process-out-0.destination=out\nspring.cloud.stream.rabbit.bindings.process-out-0.producer.routing-key=k\n';
    const doc = analyzeConfig(PROPS, rabbit);
    assert.equal(doc.isKafka, false);
    assert.deepEqual(lint(doc, DEFAULT_OPTIONS), []);
    assert.equal(analyzeConfig(PROPS, `${rabbit}spring.cloud.stream.kafka.binder.brokers=localhost\n`).isKafka, true);
  });
  it('binder and binding settings it does not model give no entry and no finding', () => {
    const yaml = [
      'spring.cloud.stream.kafka:',
      '  binder:',
      '    autoAddPartitions: true',
      '    minPartitionCount: 4',
      '    brokers: localhost:9092',
      '    healthTimeout: 10',
      '  bindings:',
      '    input:',
      '      consumer:',
      '        ackMode: MANUAL',
      '        enableDlq: true',
      '        autoCommitOnError: true',
      '    output:',
      '      producer:',
      '        sync: true',
      '        configuration:',
      '          acks: all',
      '',
    ].join('\n');
    const doc = analyzeConfig(YML, yaml);
    assert.equal(doc.isKafka, true);
    assert.deepEqual(
      doc.groups.flatMap((g) => g.entries.map((e) => [e.rawKey, e.key, e.value])),
      [['spring.cloud.stream.kafka.bindings.output.producer.configuration.acks', 'acks', 'all']],
    );
    assert.deepEqual(lint(doc, DEFAULT_OPTIONS), []);
  });
  it('values go to Kafka as written (no Spring conversion of binder maps)', () => {
    const { findings } = lintConfig(PROPS, 'spring.cloud.stream.kafka.binder.configuration.enable.idempotence=yes\nspring.kafka.producer.acks=all\n');
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['config/invalid-value'],
    );
  });
});

describe('spring-cloud-stream: real files', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'real', 'spring-cloud-stream');
  // fixture, [rule, message, 1-based line] per finding
  const rows: [string, [string, string, number][]][] = [
    ['demo-scene-wordcount/application.yaml', [['producer/acks-leader-only', ACKS_DEFAULT, 38]]],
    ['samples-kafka-native-serialization/application.yml', [['producer/acks-leader-only', ACKS_DEFAULT, 15]]],
    ['samples-transaction-spring-data-processor/application.yml', []],
  ];
  for (const [file, want] of rows) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const doc = analyzeConfig(`src/main/resources/${file.split('/')[1]}`, text);
      assert.equal(doc.isKafka, true);
      const got = lint(doc, DEFAULT_OPTIONS).map((f) => [f.ruleId, f.message, text.slice(0, f.range.start).split('\n').length]);
      assert.deepEqual(got, want);
    });
  }
});
