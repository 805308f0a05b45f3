import * as assert from 'node:assert/strict';
import { options } from '../helpers';
import { findingsOf, lintWorkspace, marked, placesOf, relatedOf } from '../../deployment/helpers';

const RULE = 'producer/record-larger-than-broker-accepts';

describe(RULE, () => {
  it('fires on a max.request.size above the topic max.message.bytes, pointing at the topic', async () => {
    const ws = await lintWorkspace({
      'producer.properties': 'bootstrap.servers=kafka-1:9092\nmax.request.size=[|5242880|]\n',
      'topic-orders.properties': 'max.message.bytes=[|1048588|]\n',
    });
    assert.deepEqual(placesOf(ws, RULE), { 'producer.properties': [marked(ws, 'producer.properties')] });
    const [f] = findingsOf(ws, 'producer.properties', RULE);
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'Producer stage: max.request.size=5242880 lets this producer send requests of up to 5242880 bytes, but topic orders accepts batches of at most 1048588 bytes ' +
        '(topic-orders.properties sets max.message.bytes=1048588), so the broker refuses a larger record batch with RecordTooLargeException; that error is not retried ' +
        'and the records are lost unless the send result is checked. Lower max.request.size to at most 1048588 or raise the topic max.message.bytes.',
    );
    assert.deepEqual(relatedOf(ws, 'producer.properties', f), [['topic-orders.properties', '1048588', 'max.message.bytes=1048588 is set here']]);
    assert.deepEqual(f.fixes ?? [], []);
  });

  it('fires on a producer left at the default when the brokers lower message.max.bytes, on the producer itself', async () => {
    const ws = await lintWorkspace({
      'kafka/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://kafka-1:9092\nmessage.max.bytes=[|500000|]\n',
      'app/producer.properties': '[||]bootstrap.servers=kafka-1:9092\nacks=all\n',
    });
    assert.deepEqual(placesOf(ws, RULE), { 'app/producer.properties': [marked(ws, 'app/producer.properties')] });
    const [f] = findingsOf(ws, 'app/producer.properties', RULE);
    assert.match(f.message, /^Producer stage: Kafka 4\.1 lets this producer send requests of up to 1048576 bytes \(max\.request\.size is not set\), but the brokers accept batches of at most 500000 bytes \(kafka\/server\.properties sets message\.max\.bytes=500000\)/);
    assert.match(f.message, /raise message\.max\.bytes on the brokers\. This producer writes to the cluster at kafka-1:9092 \(kafka\/server\.properties\)\.$/);
    assert.deepEqual(relatedOf(ws, 'app/producer.properties', f), [['kafka/server.properties', '500000', 'message.max.bytes=500000 is set here']]);
  });

  it('mentions compression, which the broker checks the limit after', async () => {
    const ws = await lintWorkspace({
      'producer.properties': 'bootstrap.servers=k:9092\nmax.request.size=2097152\ncompression.type=zstd\n',
      'topic-orders.properties': 'max.message.bytes=1048588\n',
    });
    assert.match(findingsOf(ws, 'producer.properties', RULE)[0].message, /raise the topic max\.message\.bytes\. The broker checks the batch after compression, so compressed batches may still fit\.$/);
  });

  it('reads librdkafka producers by their own message.max.bytes', async () => {
    const ws = await lintWorkspace({
      'producer.py':
        "from confluent_kafka import Producer\n\np = Producer({'bootstrap.servers': 'k:9092', 'message.max.bytes': [|'2000000'|]})\np.produce('orders', b'x')\np.flush()\n",
      'topic-orders.properties': 'max.message.bytes=1048588\n',
    });
    assert.deepEqual(placesOf(ws, RULE), { 'producer.py': [marked(ws, 'producer.py')] });
    assert.match(findingsOf(ws, 'producer.py', RULE)[0].message, /^Producer stage: message\.max\.bytes=2000000 lets this producer send requests of up to 2000000 bytes/);
  });

  it('is silent when the limits fit, and when neither side is written (the defaults fit since Kafka 2.5)', async () => {
    const cases: Record<string, string>[] = [
      { 'producer.properties': 'bootstrap.servers=k:9092\nmax.request.size=1048576\n', 'topic-orders.properties': 'max.message.bytes=1048588\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n', 'topic-orders.properties': 'retention.ms=1000\n', 'server.properties': 'broker.id=1\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nmax.request.size=5242880\n', 'topic-orders.properties': 'max.message.bytes=10485760\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nmax.request.size=${SIZE}\n', 'topic-orders.properties': 'max.message.bytes=1048588\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nmax.request.size=5242880\n' },
    ];
    for (const files of cases) assert.deepEqual(placesOf(await lintWorkspace(files), RULE), {}, JSON.stringify(files));
  });

  it('on Kafka before 0.10.1, fires when followers cannot fetch what the leader accepts', async () => {
    const files = {
      'server.properties': 'broker.id=1\nmessage.max.bytes=[|2000000|]\n',
      'producer.properties': 'bootstrap.servers=k:9092\nmax.request.size=[|2000000|]\n',
    };
    const old = await lintWorkspace(files, options('0.10.0'));
    const [f] = findingsOf(old, 'producer.properties', RULE);
    assert.ok(f);
    assert.match(f.message, /server\.properties leaves replica\.fetch\.max\.bytes unset, so the Kafka 0\.10\.0 default of 1048576 applies: before Kafka 0\.10\.1 a follower cannot fetch a batch larger than that/);
    assert.deepEqual(
      relatedOf(old, 'producer.properties', f).map(([file, , message]) => [file, message]),
      [
        ['server.properties', 'replica.fetch.max.bytes=1048576 applies here'],
        ['server.properties', 'the limit of 2000000 bytes'],
      ],
    );
    assert.deepEqual(placesOf(await lintWorkspace(files, options('0.10.1')), RULE), {});
  });
});
