import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import { applyFix, fixTitled, lintConfig, of, options, unmark } from './helpers';

/**
 * A Kafka Streams app's config is judged as the producers Streams creates from it: every producer key reaches
 * them, and a `producer.`-prefixed key wins over the unprefixed one (catalog/streams.ts).
 */
const ACKS_ZERO = 'producer/acks-zero';
const ACKS_ONE = 'producer/acks-leader-only';
const RETRIES = 'producer/retries-disabled';
const IDEMPOTENCE = 'producer/idempotence-disabled';
const PRODUCER_RULES = [ACKS_ZERO, ACKS_ONE, RETRIES, IDEMPOTENCE];

/** The messages name the key that decides, as written: `producer.acks` here. */
const ACKS_ZERO_MESSAGE =
  'Producer stage: with producer.acks=0 the producer never learns whether the broker stored the record: any send that fails is lost silently; use producer.acks=all.';
const ACKS_ONE_MESSAGE =
  'Producer stage: with producer.acks=1 the broker confirms the send as soon as the leader wrote it, so a record that only the leader has written is gone if that leader fails before a follower copies it; use producer.acks=all.';

function producerFindings(findings: Parameters<typeof of>[0]) {
  return findings.filter((f) => PRODUCER_RULES.includes(f.ruleId));
}

describe('rules: producer settings of a Kafka Streams app', () => {
  it('judges the producer.-prefixed key, which wins over the unprefixed one wherever it is written', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nacks=1\nproducer.acks=[|0|]\n');
    const found = producerFindings(r.findings);
    assert.deepEqual(found.map((f) => [f.ruleId, f.range, f.message]), [[ACKS_ZERO, r.ranges[0], ACKS_ZERO_MESSAGE]]);
    assert.equal(applyFix(r.text, fixTitled(found[0], 'Set producer.acks=all')), 'application.id=app\nbootstrap.servers=k:9092\nacks=1\nproducer.acks=all\n');
  });

  it('stays quiet on an unprefixed acks=1 that producer.acks=all overrides, even written after it', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nproducer.acks=all\nacks=1\nretries=0\nproducer.retries=5\n');
    assert.deepEqual(producerFindings(r.findings), []);
  });

  it('reports producer.retries=0 and does not offer a removal that would uncover the retries=0 under it', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nretries=0\nproducer.retries=[|0|]\n');
    const found = producerFindings(r.findings);
    assert.deepEqual(found.map((f) => [f.ruleId, f.range]), [[RETRIES, r.ranges[0]]]);
    assert.match(found[0].message, /^Producer stage: with producer\.retries=0 the first transient error/);
    assert.deepEqual(found[0].fixes?.map((x) => x.title), ['Set producer.retries=2147483647']);
    assert.equal(applyFix(r.text, found[0].fixes![0]), 'application.id=app\nbootstrap.servers=k:9092\nretries=0\nproducer.retries=2147483647\n');
  });

  it('names producer.enable.idempotence=false as written, and sets it instead of uncovering the enable.idempotence=false under it', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nenable.idempotence=false\nproducer.enable.idempotence=[|false|]\n');
    const found = of(r.findings, IDEMPOTENCE);
    assert.deepEqual(found.map((f) => f.range), [r.ranges[0]]);
    assert.match(found[0].message, /^Producer stage: producer\.enable\.idempotence=false turns off idempotent writes, so /);
    assert.deepEqual(found[0].fixes?.map((x) => x.title), ['Set producer.enable.idempotence=true']);
    assert.equal(applyFix(r.text, found[0].fixes![0]), 'application.id=app\nbootstrap.servers=k:9092\nenable.idempotence=false\nproducer.enable.idempotence=true\n');
  });

  it('offers to remove producer.enable.idempotence=false when nothing is under it', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nproducer.enable.idempotence=[|false|]\n');
    const [f] = of(r.findings, IDEMPOTENCE);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Remove producer.enable.idempotence=false (use the default, true)', 'Set producer.enable.idempotence=true']);
  });

  it('offers to remove producer.retries=0 when nothing is under it', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nproducer.retries=[|0|]\n');
    const [f] = of(r.findings, RETRIES);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(applyFix(r.text, fixTitled(f, 'Remove producer.retries=0 (use the default, 2147483647)')), 'application.id=app\nbootstrap.servers=k:9092\n');
  });

  it('reads a streams.properties whose only other Kafka key is application.id', () => {
    const r = lintConfig('streams.properties', 'application.id=app\nproducer.acks=[|0|]\n');
    assert.deepEqual(producerFindings(r.findings).map((f) => [f.ruleId, f.range]), [[ACKS_ZERO, r.ranges[0]]]);
  });

  it('does not read producer.acks in a plain producer config, where it is no setting', () => {
    assert.deepEqual(producerFindings(lintConfig('producer.properties', 'bootstrap.servers=k:9092\nproducer.acks=0\n').findings), []);
  });

  describe('under exactly-once', () => {
    const refused = (guarantee: string, setting: string) =>
      `Producer stage: with processing.guarantee=${guarantee} Kafka Streams makes its producers idempotent and transactional, and Kafka refuses ${setting} with that (ConfigException), so Streams never creates its producers and the app processes nothing.`;

    it('reports acks=1 as a producer that never starts, beside the acks warning', () => {
      const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=exactly_once_v2\nproducer.acks=[|1|]\n');
      const found = producerFindings(r.findings);
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.severity, f.range, f.message]).sort(),
        [
          [ACKS_ONE, 'warning', r.ranges[0], ACKS_ONE_MESSAGE],
          [IDEMPOTENCE, 'error', r.ranges[0], refused('exactly_once_v2', 'producer.acks=1')],
        ],
      );
      const idem = of(r.findings, IDEMPOTENCE)[0];
      assert.equal(applyFix(r.text, fixTitled(idem, 'Set producer.acks=all')), 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=exactly_once_v2\nproducer.acks=all\n');
    });

    it('reports retries=0 under exactly_once as an error and removes it', () => {
      const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=exactly_once\nretries=[|0|]\n', options('2.8'));
      const [f, ...rest] = of(r.findings, IDEMPOTENCE);
      assert.equal(rest.length, 0);
      assert.deepEqual([f.severity, f.range, f.message], ['error', r.ranges[0], refused('exactly_once', 'retries=0')]);
      assert.equal(applyFix(r.text, fixTitled(f, 'Remove retries=0')), 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=exactly_once\n');
    });

    it('does not report enable.idempotence=false, which Streams replaces, nor settings that fit', () => {
      const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=exactly_once_v2\nenable.idempotence=false\nacks=all\n');
      assert.deepEqual(producerFindings(r.findings), []);
    });

    it('does not take a value Kafka refuses (EXACTLY_ONCE_V2 in capitals) for exactly-once', () => {
      const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=EXACTLY_ONCE_V2\nproducer.acks=all\nenable.idempotence=false\n');
      assert.deepEqual(of(r.findings, IDEMPOTENCE).map((f) => f.severity), ['info']);
    });
  });

  describe('unset keys, by what Streams gives its producers', () => {
    it('reports unset acks on Kafka 2.8 at-least-once, where Streams leaves the producer default 1', () => {
      const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\n', options('2.8'));
      assert.deepEqual(
        of(r.findings, ACKS_ONE).map((f) => f.message),
        ['Producer stage: acks is unset, and Kafka 2.8 defaults it to 1, so a record that only the leader has written is gone if that leader fails before a follower copies it; set acks=all.'],
      );
    });

    it('stays quiet on unset acks under exactly-once, where the idempotent producers take acks=all', () => {
      const r = lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nprocessing.guarantee=exactly_once\n', options('2.8'));
      assert.deepEqual(producerFindings(r.findings), []);
    });

    it('stays quiet on unset retries on Kafka 2.0, where Streams sets 10 and a plain producer retries 0 times', () => {
      assert.deepEqual(of(lintConfig('streams.properties', 'application.id=app\nbootstrap.servers=k:9092\nacks=all\n', options('2.0')).findings, RETRIES), []);
      assert.equal(of(lintConfig('producer.properties', 'bootstrap.servers=k:9092\nacks=all\n', options('2.0')).findings, RETRIES).length, 1);
    });
  });

  describe('in Spring Boot', () => {
    it('reads spring.kafka.streams.properties.producer.acks and fixes that key', () => {
      const r = lintConfig(
        'application.properties',
        'spring.kafka.streams.application-id=app\nspring.kafka.streams.properties.acks=1\nspring.kafka.streams.properties.producer.acks=[|0|]\n',
      );
      const found = producerFindings(r.findings);
      assert.deepEqual(found.map((f) => [f.ruleId, f.range]), [[ACKS_ZERO, r.ranges[0]]]);
      assert.equal(
        applyFix(r.text, fixTitled(found[0], 'Set producer.acks=all')),
        'spring.kafka.streams.application-id=app\nspring.kafka.streams.properties.acks=1\nspring.kafka.streams.properties.producer.acks=all\n',
      );
    });

    it('judges the Streams properties apart from the KafkaTemplate producer', () => {
      const r = lintConfig(
        'application.yml',
        'spring:\n  kafka:\n    producer:\n      acks: all\n    streams:\n      application-id: a\n      properties:\n        acks: [|1|]\n',
      );
      assert.deepEqual(producerFindings(r.findings).map((f) => [f.ruleId, f.range]), [[ACKS_ONE, r.ranges[0]]]);
    });
  });

  describe('in Java', () => {
    const source = `import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

class App {
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "orders");
    props.put(ProducerConfig.ACKS_CONFIG, "0");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), [|"1"|]);
    props.put(StreamsConfig.PRODUCER_PREFIX + ProducerConfig.RETRIES_CONFIG, [|0|]);
    new KafkaStreams(null, props).start();
  }
}
`;

    it('reads producerPrefix(X) and PRODUCER_PREFIX + X as producer.X, which win over X', async () => {
      const { text, ranges } = unmark(source);
      const findings = producerFindings(lint(await analyze('App.java', text)));
      assert.deepEqual(findings.map((f) => [f.ruleId, f.range]), [[ACKS_ONE, ranges[0]], [RETRIES, ranges[1]]]);
      assert.equal(
        applyFix(text, fixTitled(findings[0], 'Set producer.acks=all')),
        text.replace('ACKS_CONFIG), "1")', 'ACKS_CONFIG), "all")'),
      );
    });
  });
});
