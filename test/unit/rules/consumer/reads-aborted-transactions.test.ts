import * as assert from 'node:assert/strict';
import { applyFixTo, findingsOf, lintWorkspace, marked, placesOf, relatedOf } from '../../deployment/helpers';

const RULE = 'consumer/reads-aborted-transactions';
const TOPIC = { 'topics/orders.properties': 'min.insync.replicas=2\n' };

describe(RULE, () => {
  it('fires on a read_uncommitted consumer of a topic a transactional producer writes, pointing at the producer', async () => {
    const ws = await lintWorkspace({
      ...TOPIC,
      'producer.properties': 'bootstrap.servers=k:9092\ntransactional.id=[|orders-tx|]\n',
      'consumer.properties': 'bootstrap.servers=k:9092\ngroup.id=billing\nisolation.level=[|read_uncommitted|]\n',
    });
    assert.deepEqual(placesOf(ws, RULE), { 'consumer.properties': [marked(ws, 'consumer.properties')] });
    const [f] = findingsOf(ws, 'consumer.properties', RULE);
    assert.equal(f.severity, 'info');
    assert.equal(f.stage, 'consumer');
    assert.equal(
      f.message,
      'Consumer stage: isolation.level=read_uncommitted hands this consumer every record of topic orders, which the transactional producer of producer.properties writes, ' +
        'including records of transactions that are later aborted: it processes writes the producer took back; set isolation.level=read_committed.',
    );
    assert.deepEqual(relatedOf(ws, 'consumer.properties', f), [['producer.properties', 'orders-tx', 'transactional producer (transactional.id) writing topic orders']]);
    assert.deepEqual(
      f.fixes?.map((x) => [x.title, x.file, applyFixTo(ws, 'consumer.properties', x).text]),
      [['Set isolation.level=read_committed', undefined, 'bootstrap.servers=k:9092\ngroup.id=billing\nisolation.level=read_committed\n']],
    );
  });

  it('fires on a consumer left at the Java default, and adds the setting', async () => {
    const ws = await lintWorkspace({
      ...TOPIC,
      'producer.properties': 'bootstrap.servers=k:9092\ntransactional.id=orders-tx\n',
      'consumer.properties': '[||]bootstrap.servers=k:9092\ngroup.id=billing\n',
    });
    const [f] = findingsOf(ws, 'consumer.properties', RULE);
    assert.deepEqual({ start: f.range.start, end: f.range.end }, marked(ws, 'consumer.properties'));
    assert.match(f.message, /^Consumer stage: Kafka 4\.1 defaults isolation\.level to read_uncommitted and this consumer leaves it unset, so it gets every record of topic orders/);
    assert.deepEqual(f.fixes?.map((x) => applyFixTo(ws, 'consumer.properties', x).text), ['bootstrap.servers=k:9092\ngroup.id=billing\nisolation.level=read_committed\n']);
  });

  it('is silent for read_committed consumers, producers without transactions, and consumers of other topics', async () => {
    const cases: Record<string, string>[] = [
      { ...TOPIC, 'producer.properties': 'bootstrap.servers=k:9092\ntransactional.id=tx\n', 'consumer.properties': 'group.id=g\nisolation.level=read_committed\n' },
      { ...TOPIC, 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n', 'consumer.properties': 'group.id=g\nisolation.level=read_uncommitted\n' },
      {
        'a/topic-orders.properties': 'min.insync.replicas=2\n',
        'a/producer.properties': 'bootstrap.servers=k:9092\ntransactional.id=tx\n',
        'b/topic-payments.properties': 'min.insync.replicas=2\n',
        'b/consumer.properties': 'group.id=g\nisolation.level=read_uncommitted\n',
      },
    ];
    for (const files of cases) assert.deepEqual(placesOf(await lintWorkspace(files), RULE), {}, JSON.stringify(files));
  });
});
