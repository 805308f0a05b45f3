import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { hoverAt, readable, renderHistory, renderStagePath } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/options';
import { documentOf, entryIn } from './hover-helpers';

const at = (kafkaVersion: string): LintOptions => ({ kafkaVersion, rules: {}, locale: 'en' });

/** The hover with the caret `delta` characters into the first occurrence of `needle`. */
function hoverOn(text: string, needle: string, kafkaVersion = '3.9', path = 'producer.properties', delta = 1) {
  const document = analyzeConfig(path, text);
  const offset = text.indexOf(needle) + delta;
  return hoverAt(document, lint(document, at(kafkaVersion)), offset, at(kafkaVersion));
}

const ACKS_TAIL = [
  'Values: `all` (wait until every in-sync replica has the record), `-1` (same as all), `1` (wait for the partition leader only), `0` (do not wait at all: fire and forget)',
  '',
].join('\n');

describe('hover: keys', () => {
  it("explains a Connect worker's offset.storage.replication.factor: what it keeps, its default, the risk below 3", () => {
    const text = 'bootstrap.servers=k:9092\ngroup.id=c\noffset.storage.topic=o\noffset.storage.replication.factor=1\n';
    const hover = hoverOn(text, 'offset.storage.replication', '3.9', 'connect-distributed.properties');
    assert.equal(
      hover?.markdown,
      [
        '**offset.storage.replication.factor** · connect · `short`',
        '',
        "Kafka Connect (distributed worker): replication factor of the topic that keeps the source connectors' offsets, used when Connect creates it.",
        '',
        '**Default** (Kafka 3.9): `3`',
        '',
        'Risk: Below 3, losing a broker can lose the committed source offsets: source connectors then read their sources again, or skip what the source no longer holds.  ',
        'Safe: 3 (-1 takes the broker default)',
      ].join('\n'),
    );
  });

  it('renders the stage path with the stage in bold and the failing one marked', () => {
    assert.equal(renderStagePath('producer', true), '**Producer** ✗ → Broker → Consumer');
    assert.equal(renderStagePath('broker', false), 'Producer → **Broker** → Consumer');
    assert.equal(renderStagePath('consumer', true), 'Producer → Broker → **Consumer** ✗');
    assert.equal(renderStagePath('config', true), undefined);
  });

  it('renders a default history oldest first with the reason of each change', () => {
    assert.equal(
      renderHistory([
        { since: '0', value: '1' },
        { since: '3.0', value: 'all', note: 'KIP-679' },
      ]),
      '`1` before 3.0 → `all` since 3.0 (KIP-679)',
    );
    assert.equal(renderHistory([{ since: '0', value: '5' }]), '`5`');
  });

  const readings: readonly [string, string, string][] = [
    ['retention.ms', '604800000', ' (7 days)'],
    ['delivery.timeout.ms', '120000', ' (2 minutes)'],
    ['request.timeout.ms', '30000', ' (30 seconds)'],
    ['offsets.retention.minutes', '1440', ' (1 day)'],
    ['log.retention.hours', '168', ' (7 days)'],
    ['max.request.size', '1048576', ' (1 MiB)'],
    ['batch.size', '16384', ' (16 KiB)'],
    ['log.segment.bytes', '1073741824', ' (1 GiB)'],
    ['flush.ms', '9223372036854775807', ' (Long.MAX_VALUE: no limit)'],
    ['retries', '2147483647', ' (Integer.MAX_VALUE: no limit)'],
    ['linger.ms', '5', ''],
    ['auto.commit.interval.ms', '1500', ''],
    ['message.max.bytes', '1048588', ''],
    ['acks', 'all', ''],
    ['retention.ms', '-1', ''],
  ];
  for (const [key, value, expected] of readings) {
    it(`reads ${key}=${value} as ${JSON.stringify(expected)}`, () => assert.equal(readable(key, value), expected));
  }

  it('shows acks with the Kafka 2.8 default (1) on the key', () => {
    const text = 'bootstrap.servers=b:9092\nacks=1\n';
    const hover = hoverOn(text, 'acks', '2.8');
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: 25, end: 29 });
    assert.equal(
      hover.markdown,
      [
        '**acks** · producer, streams, connect · `string`',
        '',
        'How many replicas must have the record before the broker acknowledges a send.',
        '',
        'Set here to `1`: wait for the partition leader only.  ',
        ACKS_TAIL,
        '**Default** (Kafka 2.8): `1`  ',
        'History: `1` before 3.0 → `all` since 3.0 (KIP-679 made acks=all the producer default in Kafka 3.0)',
        '',
        'Protects: **Producer** → Broker → Consumer  ',
        'Risk: 0 never waits for the broker; 1 waits for the leader only, so a record the followers have not copied yet is gone if the leader dies.  ',
        'Safe: all (with min.insync.replicas=2 on the topic)',
      ].join('\n'),
    );
  });

  it('shows acks with the Kafka 3.9 default (all)', () => {
    const hover = hoverOn('acks=all\n', 'acks', '3.9');
    assert.ok(hover);
    assert.match(hover.markdown, /\n\*\*Default\*\* \(Kafka 3\.9\): `all` {2}\nHistory: `1` before 3\.0 → `all` since 3\.0/);
    assert.ok(hover.markdown.includes('Set here to `all`: wait until every in-sync replica has the record.'));
  });

  it('hovers the caret just after the key too, and nothing on the separator-free blank line', () => {
    const text = 'acks=all\n\n# acks=0\n';
    assert.ok(hoverOn(text, 'acks', '3.9', 'producer.properties', 4));
    const document = analyzeConfig('producer.properties', text);
    assert.equal(hoverAt(document, [], 9, at('3.9')), undefined);
    assert.equal(hoverAt(document, [], text.indexOf('# acks') + 3, at('3.9')), undefined);
  });

  it('shows the docs on a clean value, ranged on the value', () => {
    const text = 'linger.ms=10\n';
    const hover = hoverOn(text, '10', '4.0', 'producer.properties', 0);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: 10, end: 12 });
    assert.ok(hover.markdown.startsWith('**linger.ms** · producer, streams, connect · `long`'));
    assert.ok(hover.markdown.includes('**Default** (Kafka 4.0): `5`  \nHistory: `0` before 4.0 → `5` since 4.0 (KIP-1030 raised the default to 5 ms in 4.0)'));
    assert.ok(hover.markdown.includes('Range: at least 0'));
  });

  it('reads large defaults for people', () => {
    const hover = hoverOn('retention.ms=1000\n', 'retention', '3.9', 'topic.properties');
    assert.ok(hover?.markdown.includes('**Default** (Kafka 3.9): `604800000` (7 days)'));
  });

  it('says when a key did not exist yet at the target version', () => {
    const hover = hoverOn('delivery.timeout.ms=120000\n', 'delivery', '2.0');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('Since Kafka 2.1.'));
    assert.ok(hover.markdown.includes('**Default** (Kafka 2.0): none, the key was added in Kafka 2.1'));
  });

  it('gives no default before the version that added the key', () => {
    const hover = hoverOn('allow.auto.create.topics=false\n', 'allow', '2.2', 'consumer.properties');
    assert.ok(hover?.markdown.includes('Since Kafka 2.3.'));
    assert.ok(hover?.markdown.includes('**Default** (Kafka 2.2): none, the key was added in Kafka 2.3'));
    assert.ok(hoverOn('allow.auto.create.topics=false\n', 'allow', '2.3', 'consumer.properties')?.markdown.includes('**Default** (Kafka 2.3): `true`'));
  });

  it('says when a key is gone at the target version', () => {
    const hover = hoverOn('zookeeper.connect=zk:2181\n', 'zookeeper', '4.0', 'server.properties');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('**Removed in Kafka 4.0**: Kafka 4.0 no longer reads it.'));
    const older = hoverOn('zookeeper.connect=zk:2181\n', 'zookeeper', '3.9', 'server.properties');
    assert.ok(older?.markdown.includes('\nRemoved in Kafka 4.0.'));
  });

  it('shows a broker key with the broker stage', () => {
    const document = analyzeConfig('server.properties', 'min.insync.replicas=1\n');
    const hover = hoverAt(document, [], 1, at('3.9'));
    assert.ok(hover);
    assert.ok(hover.markdown.startsWith('**min.insync.replicas** · broker, topic · `int`'));
    assert.ok(hover.markdown.includes('Protects: Producer → **Broker** → Consumer'));
    assert.ok(hover.markdown.includes('Safe: 2 with replication factor 3'));
  });

  it('explains nested keys by the key they set and the client they set it for', () => {
    const cases: readonly [string, string][] = [
      ['producer.override.acks=all\n', "`producer.override.acks` sets `acks` for this connector's producer only."],
      ['listener.name.internal.ssl.keystore.location=/k\n', '`listener.name.internal.ssl.keystore.location` sets `ssl.keystore.location` for the listener `internal` only.'],
      ['main.consumer.max.poll.records=10\n', '`main.consumer.max.poll.records` sets `max.poll.records` for the embedded main consumer client.'],
      ['topic.min.insync.replicas=2\n', '`topic.min.insync.replicas` sets `min.insync.replicas` for the internal topics Kafka Streams creates.'],
    ];
    for (const [text, sentence] of cases) {
      const key = text.slice(0, text.indexOf('='));
      const document = documentOf(text, [entryIn(text, key)]);
      const hover = hoverAt(document, [], 1, at('3.9'));
      assert.ok(hover, key);
      assert.equal(hover.markdown.split('\n\n')[1], sentence);
    }
  });

  it('returns nothing for an unknown key without findings', () => {
    const document = analyzeConfig('producer.properties', 'acks.typo=1\n');
    assert.equal(hoverAt(document, [], 2, at('3.9')), undefined);
  });

  it('never throws on any offset', () => {
    const text = 'acks=0\r\nretries=\\\n  0\n# c\n';
    const document = analyzeConfig('producer.properties', text);
    const findings = lint(document, at('3.9'));
    for (let o = -2; o <= text.length + 2; o++) hoverAt(document, findings, o, at('3.9'));
    assert.equal(hoverAt(document, findings, Number.NaN, at('3.9')), undefined);
  });

  it('shows the canonical key docs on a Spring key', () => {
    const text = 'spring.kafka.producer.acks=1\n';
    const document = documentOf(text, [entryIn(text, 'spring.kafka.producer.acks', 'acks', 'producer')], { kind: 'spring-properties', library: 'spring' });
    const hover = hoverAt(document, [], 5, at('2.8'));
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: 0, end: 26 });
    assert.ok(hover.markdown.startsWith('**acks** · producer, streams, connect · `string`\n\nWritten here as `spring.kafka.producer.acks`; Kafka reads it as `acks`.'));
    assert.ok(hover.markdown.includes('**Default** (Kafka 2.8; Spring Boot passes it through): `1`'));
  });

  it('shows Spring\'s container default for enable.auto.commit', () => {
    const text = 'spring.kafka.consumer.enable-auto-commit=true\n';
    const document = documentOf(text, [entryIn(text, 'spring.kafka.consumer.enable-auto-commit', 'enable.auto.commit', 'consumer')], {
      kind: 'spring-properties',
      library: 'spring',
      roles: ['consumer'],
      springContainer: true,
    });
    const hover = hoverAt(document, [], 3, at('3.9'));
    assert.ok(hover?.markdown.includes("**Default** (Spring listener container): `false`: the container turns auto-commit off unless it is set; a consumer created outside a container keeps Kafka's `true`."));
  });

  it('shows Spring-only settings, which set no Kafka key', () => {
    const text = 'spring.kafka.listener.ack-mode=manual\n';
    const entry = entryIn(text, 'spring.kafka.listener.ack-mode', 'spring.kafka.listener.ack-mode');
    const document = documentOf(text, [entry], { kind: 'spring-properties', library: 'spring', roles: ['consumer'] });
    assert.deepEqual(hoverAt(document, [], 3, at('3.9')), {
      range: { start: 0, end: 30 },
      markdown: [
        '**spring.kafka.listener.ack-mode** · Spring for Apache Kafka',
        'When the listener container commits offsets. Unset means batch: after all records of a poll were handled. The manual modes commit what the listener acknowledges.',
        'Values: `record`, `batch`, `time`, `count`, `count_time`, `manual`, `manual_immediate`',
      ].join('\n\n'),
    });
  });

  it('uses the library default, and says when it depends on the installed version', () => {
    const text = 'acks=1\n';
    const known = documentOf(text, [entryIn(text, 'acks')], { library: 'kafka-python', libraryVersion: '2.0.2' });
    assert.ok(hoverAt(known, [], 1, at('3.9'))?.markdown.includes('**Default** (kafka-python 2.0.2): `1`  \nHistory: `1` before 3.0.0 → `all` since 3.0.0'));
    const unknown = documentOf(text, [entryIn(text, 'acks')], { library: 'kafka-python' });
    assert.ok(hoverAt(unknown, [], 1, at('3.9'))?.markdown.includes('**Default** (kafka-python): depends on the installed version  \nHistory: `1` before 3.0.0'));
    const sarama = documentOf(text, [entryIn(text, 'acks')], { library: 'sarama' });
    assert.ok(hoverAt(sarama, [], 1, at('3.9'))?.markdown.includes('**Default** (Sarama): `1`'));
    const kafkajs = documentOf('linger.ms=5\n', [entryIn('linger.ms=5\n', 'linger.ms')], { library: 'kafkajs' });
    assert.ok(hoverAt(kafkajs, [], 1, at('4.0'))?.markdown.includes('**Default** (KafkaJS): not recorded; the Java client uses `5` (Kafka 4.0)'));
  });

  it('names a librdkafka alias and uses librdkafka defaults for it', () => {
    const text = 'request.required.acks=1\n';
    const document = documentOf(text, [entryIn(text, 'request.required.acks')], { library: 'librdkafka', libraryVersion: '0.11.6' });
    const hover = hoverAt(document, [], 2, at('3.9'));
    assert.ok(hover);
    assert.ok(hover.markdown.includes('`request.required.acks` is another name for `acks`.'));
    assert.ok(hover.markdown.includes('**Default** (librdkafka 0.11.6): `1`  \nHistory: `1` before 1.0.0 → `all` since 1.0.0'));
  });
});
