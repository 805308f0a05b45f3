import * as assert from 'node:assert/strict';
import { options } from '../helpers';
import { applyFixTo, findingsOf, lintWorkspace, marked, placesOf, relatedOf } from '../../deployment/helpers';

const RULE = 'broker/topic-overrides-safe-broker';
const BROKER = 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=[|2|]\ndefault.replication.factor=[|3|]\nunclean.leader.election.enable=[|false|]\n';

describe(RULE, () => {
  it('fires on a topic turning unclean leader election back on, as an error, replacing the per-file finding', async () => {
    const ws = await lintWorkspace({ 'server.properties': BROKER, 'topic-orders.properties': 'unclean.leader.election.enable=[|true|]\nretention.ms=1000\n' });
    assert.deepEqual(placesOf(ws, RULE), { 'topic-orders.properties': [marked(ws, 'topic-orders.properties')] });
    const [f] = findingsOf(ws, 'topic-orders.properties', RULE);
    assert.equal(f.severity, 'error');
    assert.equal(
      f.message,
      'Broker stage: unclean.leader.election.enable=true turns unclean leader election back on for topic orders although server.properties sets ' +
        'unclean.leader.election.enable=false for the cluster (the nearest broker configuration to this file): ' +
        'a replica that fell out of sync can become leader of this topic, and the acknowledged records it never copied are truncated away; ' +
        "remove the override so that the topic keeps the cluster's false.",
    );
    assert.deepEqual(relatedOf(ws, 'topic-orders.properties', f), [['server.properties', 'false', 'unclean.leader.election.enable=false is set here for the cluster']]);
    // One cause, one finding: broker/unclean-leader-election does not fire again on the same value.
    assert.deepEqual(findingsOf(ws, 'topic-orders.properties', 'broker/unclean-leader-election'), []);
    assert.deepEqual(
      f.fixes?.map((x) => [x.title, x.preferred, applyFixTo(ws, 'topic-orders.properties', x).text]),
      [
        ['Remove the unclean.leader.election.enable override', true, 'retention.ms=1000\n'],
        ['Set unclean.leader.election.enable=false', false, 'unclean.leader.election.enable=false\nretention.ms=1000\n'],
      ],
    );
  });

  it('fires on a topic min.insync.replicas below the brokers’ and a replication factor below their default', async () => {
    const ws = await lintWorkspace({ 'server.properties': BROKER, 'topic-orders.properties': 'min.insync.replicas=[|1|]\nreplication.factor=[|2|]\n' });
    assert.deepEqual(placesOf(ws, RULE), { 'topic-orders.properties': [marked(ws, 'topic-orders.properties', 0), marked(ws, 'topic-orders.properties', 1)] });
    const [isr, rf] = findingsOf(ws, 'topic-orders.properties', RULE);
    assert.match(isr.message, /^Broker stage: min\.insync\.replicas=1 on topic orders is below the min\.insync\.replicas=2 that server\.properties sets for the cluster/);
    assert.match(rf.message, /^Broker stage: replication\.factor=2 on topic orders is below the default\.replication\.factor=3 that server\.properties sets for the cluster/);
    assert.deepEqual(findingsOf(ws, 'topic-orders.properties', 'broker/min-insync-replicas-too-low'), []);
    assert.deepEqual(findingsOf(ws, 'topic-orders.properties', 'broker/replication-factor-too-low'), []);
    assert.deepEqual(relatedOf(ws, 'topic-orders.properties', isr), [['server.properties', '2', 'min.insync.replicas=2 is set here for the cluster']]);
    // Min ISR 2 with RF 2 would stop writes when one broker is down: no fix for that one; the RF fix is 3.
    assert.deepEqual(isr.fixes ?? [], []);
    assert.deepEqual(rf.fixes?.map((x) => applyFixTo(ws, 'topic-orders.properties', x).text), ['min.insync.replicas=1\nreplication.factor=3\n']);
  });

  it('sets the min ISR to the brokers’ value when the topic has room for it', async () => {
    const ws = await lintWorkspace({ 'server.properties': BROKER, 'topic-orders.properties': 'min.insync.replicas=1\nreplication.factor=3\n' });
    const [f] = findingsOf(ws, 'topic-orders.properties', RULE);
    assert.deepEqual(f.fixes?.map((x) => [x.title, applyFixTo(ws, 'topic-orders.properties', x).text]), [['Set min.insync.replicas=2', 'min.insync.replicas=2\nreplication.factor=3\n']]);
  });

  it('a topic without replication.factor gets the brokers’ default.replication.factor: the min ISR fix only when 2 is below it', async () => {
    const broker = (rf: string) => `broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=2\n${rf}`;
    const titles = async (rf: string) => {
      const ws = await lintWorkspace({ 'server.properties': broker(rf), 'topic-orders.properties': 'min.insync.replicas=1\n', 'producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=all\n' });
      const [f] = findingsOf(ws, 'topic-orders.properties', RULE);
      assert.ok(f);
      return (f.fixes ?? []).map((x) => x.title);
    };
    // RF 1 (written, or Kafka's default when unset) with min ISR 2 makes every acks=all write fail.
    assert.deepEqual(await titles('default.replication.factor=1\n'), []);
    assert.deepEqual(await titles(''), []);
    assert.deepEqual(await titles('default.replication.factor=2\n'), []);
    assert.deepEqual(await titles('default.replication.factor=3\n'), ['Set min.insync.replicas=2']);
  });

  it('is silent when the brokers leave the setting at its default, or set something no safer', async () => {
    const cases: Record<string, string>[] = [
      { 'server.properties': 'broker.id=1\n', 'topic-orders.properties': 'unclean.leader.election.enable=true\nmin.insync.replicas=1\n' },
      { 'server.properties': 'broker.id=1\nmin.insync.replicas=1\n', 'topic-orders.properties': 'min.insync.replicas=1\n' },
      { 'server.properties': 'broker.id=1\nmin.insync.replicas=2\n', 'topic-orders.properties': 'min.insync.replicas=3\n' },
      { 'server.properties': 'broker.id=1\nmin.insync.replicas=${MIN_ISR}\n', 'topic-orders.properties': 'min.insync.replicas=1\n' },
      // Two brokers of one cluster that disagree: the cluster holds the weaker value, which the topic does not go below.
      { 'server-1.properties': 'broker.id=1\nmin.insync.replicas=2\n', 'server-2.properties': 'broker.id=2\n', 'topic-orders.properties': 'min.insync.replicas=1\n' },
      { 'topic-orders.properties': 'unclean.leader.election.enable=true\n' },
    ];
    for (const files of cases) assert.deepEqual(placesOf(await lintWorkspace(files), RULE), {}, JSON.stringify(files));
    // Without a broker file the per-file rule still reports the topic on its own.
    const alone = await lintWorkspace({ 'topic-orders.properties': 'unclean.leader.election.enable=true\n' });
    assert.equal(findingsOf(alone, 'topic-orders.properties', 'broker/unclean-leader-election').length, 1);
  });

  it('honours suppressions in the topic file; the per-file finding it replaced then shows again', async () => {
    const ws = await lintWorkspace({
      'server.properties': BROKER,
      'topic-orders.properties': `# kafka-lint-disable-next-line ${RULE} -- scratch topic\nunclean.leader.election.enable=true\n`,
    });
    assert.deepEqual(placesOf(ws, RULE), {});
    assert.equal(findingsOf(ws, 'topic-orders.properties', 'broker/unclean-leader-election').length, 1);
    const off = await lintWorkspace({ 'server.properties': BROKER, 'topic-orders.properties': 'unclean.leader.election.enable=true\n' }, options(undefined, { [RULE]: 'off' }));
    assert.deepEqual(placesOf(off, RULE), {});
    assert.equal(findingsOf(off, 'topic-orders.properties', 'broker/unclean-leader-election').length, 1);
  });
});
