import * as assert from 'node:assert/strict';
import { normalizeOptions } from '../../../../server/src/core/options';
import { options } from '../helpers';
import { applyFixTo, findingsOf, lintWorkspace, marked, placesOf, plain, relatedOf, shuffled } from '../../deployment/helpers';

const RULE = 'producer/acks-all-without-min-isr';

describe(RULE, () => {
  it('fires on acks=all when the topic file next to the producer sets min.insync.replicas=1, pointing at it, with a fix there', async () => {
    const ws = await lintWorkspace({
      'producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=[|all|]\n',
      'topic-orders.properties': 'min.insync.replicas=[|1|]\nretention.ms=604800000\n',
    });
    assert.deepEqual(placesOf(ws, RULE), { 'producer.properties': [marked(ws, 'producer.properties')] });
    const [f] = findingsOf(ws, 'producer.properties', RULE);
    assert.equal(f.severity, 'warning');
    assert.equal(f.stage, 'producer');
    assert.match(f.message, /^Producer stage: acks=all waits only for the replicas that are in sync, and topic orders has min\.insync\.replicas=1 \(topic-orders\.properties\)/);
    assert.match(f.message, /acks=all is no stronger than acks=1 here; set min\.insync\.replicas=2 with a replication factor of 3\.$/);
    assert.deepEqual(relatedOf(ws, 'producer.properties', f), [['topic-orders.properties', '1', 'min.insync.replicas=1 is set here']]);
    assert.deepEqual(f.related?.[0].range, { ...marked(ws, 'topic-orders.properties'), line: 0, character: 20, endLine: 0, endCharacter: 21 });
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Set min.insync.replicas=2 in topic-orders.properties');
    assert.equal(fix.file, 'topic-orders.properties');
    assert.deepEqual(applyFixTo(ws, 'producer.properties', fix), { file: 'topic-orders.properties', text: 'min.insync.replicas=2\nretention.ms=604800000\n' });
  });

  it('fires on a producer that leaves acks unset where the default is all (Kafka 3.0+), on the producer itself', async () => {
    const files = {
      'app/producer.properties': '[||]bootstrap.servers=kafka-1:9092\nclient.id=orders\n',
      'app/topic-orders.properties': 'min.insync.replicas=1\n',
    };
    const ws = await lintWorkspace(files, options('3.9'));
    assert.deepEqual(placesOf(ws, RULE), { 'app/producer.properties': [marked(ws, 'app/producer.properties')] });
    assert.match(findingsOf(ws, 'app/producer.properties', RULE)[0].message, /^Producer stage: Kafka 3\.9 defaults acks to all, which waits only for the replicas that are in sync, and topic orders/);
    // Before 3.0 the default is acks=1: producer/acks-leader-only says so, this rule has nothing to add.
    const old = await lintWorkspace(files, options('2.8'));
    assert.deepEqual(placesOf(old, RULE), {});
    assert.equal(findingsOf(old, 'app/producer.properties', 'producer/acks-leader-only').length, 1);
  });

  it('uses the brokers when the topic sets nothing: the default of 1 in a broker file that leaves it unset', async () => {
    const ws = await lintWorkspace({
      'kafka/server.properties': '[||]process.roles=broker,controller\nnode.id=1\nlisteners=PLAINTEXT://kafka-1:9092,CONTROLLER://kafka-1:9093\ncontroller.listener.names=CONTROLLER\n',
      'app/producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=[|-1|]\n',
    });
    const [f] = findingsOf(ws, 'app/producer.properties', RULE);
    assert.ok(f, JSON.stringify(plain(ws)));
    assert.deepEqual(f.range.start, marked(ws, 'app/producer.properties').start);
    assert.match(f.message, /kafka\/server\.properties leaves min\.insync\.replicas unset, so the Kafka 4\.1 default of 1 applies for the topics that do not set their own/);
    assert.match(f.message, /This producer writes to the cluster at kafka-1:9092 \(kafka\/server\.properties\)\.$/);
    assert.deepEqual(relatedOf(ws, 'app/producer.properties', f), [
      ['kafka/server.properties', '', 'min.insync.replicas is not set here: the default of 1 applies'],
      ['kafka/server.properties', 'PLAINTEXT://kafka-1:9092,CONTROLLER://kafka-1:9093', 'the broker answering on kafka-1:9092'],
    ]);
    // The default replication factor (1) is in play: min.insync.replicas=2 would stop every write, so no fix.
    assert.deepEqual(f.fixes ?? [], []);
  });

  it('offers adding min.insync.replicas=2 to the one broker file when its default replication factor is 3', async () => {
    const ws = await lintWorkspace({
      'server.properties': 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\ndefault.replication.factor=3\n',
      'producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=[|all|]\n',
    });
    const [f] = findingsOf(ws, 'producer.properties', RULE);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Set min.insync.replicas=2 in server.properties');
    assert.deepEqual(applyFixTo(ws, 'producer.properties', fix).text, 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\ndefault.replication.factor=3\nmin.insync.replicas=2\n');
  });

  it('takes the replication factor of a topic without its own from the brokers: no min ISR 2 fix for RF 1', async () => {
    const fixes = async (rf: string) => {
      const ws = await lintWorkspace({
        'server.properties': `broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=2\n${rf}`,
        'topic-orders.properties': 'min.insync.replicas=1\n',
        'producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=[|all|]\n',
      });
      const [f] = findingsOf(ws, 'producer.properties', RULE);
      assert.ok(f);
      return (f.fixes ?? []).map((x) => x.title);
    };
    assert.deepEqual(await fixes('default.replication.factor=1\n'), []);
    assert.deepEqual(await fixes(''), []);
    assert.deepEqual(await fixes('default.replication.factor=3\n'), ['Set min.insync.replicas=2 in topic-orders.properties']);
  });

  it('is silent when the topic or the cluster requires two in-sync replicas, for acks other than all, and without any broker or topic file', async () => {
    const cases: Record<string, string>[] = [
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n', 'topic-orders.properties': 'min.insync.replicas=2\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n', 'server.properties': 'broker.id=1\nmin.insync.replicas=2\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=1\n', 'topic-orders.properties': 'min.insync.replicas=1\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=${ACKS}\n', 'topic-orders.properties': 'min.insync.replicas=1\n' },
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' },
      // The topic overrides the weak broker default.
      { 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n', 'topic-orders.properties': 'min.insync.replicas=2\n', 'server.properties': 'broker.id=1\n' },
    ];
    for (const files of cases) assert.deepEqual(placesOf(await lintWorkspace(files), RULE), {}, JSON.stringify(files));
  });

  it('follows bootstrap.servers to the cluster that answers on it, not the nearer one', async () => {
    const files = {
      'clusters/a/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://kafka-a:9092\nmin.insync.replicas=1\n',
      'clusters/b/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://kafka-b:9092\nmin.insync.replicas=2\n',
    };
    const toB = await lintWorkspace({ ...files, 'clusters/a/producer.properties': 'bootstrap.servers=kafka-b:9092\nacks=all\n' });
    assert.deepEqual(placesOf(toB, RULE), {});
    const toA = await lintWorkspace({ ...files, 'clusters/b/producer.properties': 'bootstrap.servers=kafka-a:9092\nacks=[|all|]\n' });
    assert.deepEqual(placesOf(toA, RULE), { 'clusters/b/producer.properties': [marked(toA, 'clusters/b/producer.properties')] });
    assert.match(findingsOf(toA, 'clusters/b/producer.properties', RULE)[0].message, /clusters\/a\/server\.properties sets min\.insync\.replicas=1/);
  });

  it('says so when the files allow two clusters, instead of guessing', async () => {
    const ws = await lintWorkspace({
      'east/server.properties': 'broker.id=1\nmin.insync.replicas=1\n',
      'west/server.properties': 'broker.id=1\nmin.insync.replicas=2\n',
      'producer.properties': 'bootstrap.servers=${BROKERS}\nacks=[|all|]\n',
    });
    const [f] = findingsOf(ws, 'producer.properties', RULE);
    assert.ok(f);
    assert.match(f.message, /east\/server\.properties sets min\.insync\.replicas=1/);
    assert.match(f.message, /It may also use the cluster of west\/server\.properties: nothing in the files says which\.$/);
  });

  it('applies the profile: application-prod.yml on top of application.yml reaches the production cluster', async () => {
    const ws = await lintWorkspace({
      'src/main/resources/application.yml': 'spring:\n  kafka:\n    bootstrap-servers: localhost:9092\n    producer:\n      acks: [|all|]\n',
      'src/main/resources/application-prod.yml': 'spring:\n  kafka:\n    bootstrap-servers: prod-kafka:9092\n',
      'deploy/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://prod-kafka:9092\nmin.insync.replicas=1\n',
    });
    // The base profile's localhost:9092 is not the production broker; the prod profile's bootstrap is.
    assert.deepEqual(placesOf(ws, RULE), { 'src/main/resources/application.yml': [marked(ws, 'src/main/resources/application.yml')] });
    assert.match(findingsOf(ws, 'src/main/resources/application.yml', RULE)[0].message, /This producer writes to the cluster at prod-kafka:9092 \(deploy\/server\.properties\)\.$/);
  });

  it('honours suppression comments and rule levels in the file the finding is shown in', async () => {
    const topic = { 'topic-orders.properties': 'min.insync.replicas=1\n' };
    const suppressed = await lintWorkspace({ ...topic, 'producer.properties': `bootstrap.servers=k:9092\n# kafka-lint-disable-next-line ${RULE} -- test cluster\nacks=all\n` });
    assert.deepEqual(placesOf(suppressed, RULE), {});
    // A directive in the topic file does not silence a finding shown in the producer file.
    const elsewhere = await lintWorkspace({ 'topic-orders.properties': `# kafka-lint-disable ${RULE}\nmin.insync.replicas=1\n`, 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' });
    assert.equal(findingsOf(elsewhere, 'producer.properties', RULE).length, 1);
    const off = await lintWorkspace({ ...topic, 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' }, options(undefined, { [RULE]: 'off' }));
    assert.deepEqual(placesOf(off, RULE), {});
    const error = await lintWorkspace({ ...topic, 'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n' }, options(undefined, { [RULE]: 'error' }));
    assert.equal(findingsOf(error, 'producer.properties', RULE)[0].severity, 'error');
  });

  it('speaks Simplified Chinese when the locale says so: message, related text and fix title; same range and edit', async () => {
    const files = { 'producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=all\n', 'topic-orders.properties': 'min.insync.replicas=1\n' };
    const zh = await lintWorkspace(files, normalizeOptions({ locale: 'zh-cn' }).options);
    const en = await lintWorkspace(files);
    const [f] = findingsOf(zh, 'producer.properties', RULE);
    const [e] = findingsOf(en, 'producer.properties', RULE);
    assert.equal(
      f.message,
      '生产者阶段：acks=all 只等待同步副本（ISR），而主题 orders 的 min.insync.replicas=1（topic-orders.properties）：一旦同步副本（ISR）缩小到只剩领导者副本，' +
        '每次发送都只由领导者副本确认，若该 Broker 发生故障，消息就会丢失，因此这里的 acks=all 并不比 acks=1 更可靠；请设置 min.insync.replicas=2，并把副本因子设为 3。',
    );
    assert.deepEqual(f.related?.map((r) => r.message), ['此处设置了 min.insync.replicas=1']);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['在 topic-orders.properties 中设置 min.insync.replicas=2']);
    assert.deepEqual(f.range, e.range);
    assert.deepEqual(f.fixes?.map((x) => x.edits), e.fixes?.map((x) => x.edits));
  });

  it('gives the same findings whatever order the files come in', async () => {
    const files: Record<string, string> = {
      'east/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://kafka-east:9092\nmin.insync.replicas=1\n',
      'west/server.properties': 'broker.id=1\nmin.insync.replicas=1\n',
      'west/topic-payments.properties': 'min.insync.replicas=1\n',
      'east/producer.properties': 'bootstrap.servers=kafka-east:9092\nacks=all\n',
      'west/producer.properties': 'bootstrap.servers=kafka-west:9092\nacks=all\n',
      'producer.properties': 'acks=all\nclient.id=x\n',
      'spring/application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n',
    };
    const paths = Object.keys(files);
    const first = plain(await lintWorkspace(files, undefined, paths));
    assert.ok(Object.values(first).some((list) => list.some((f) => (f as { ruleId: string }).ruleId === RULE)));
    for (const seed of [1, 2, 3, 42]) assert.deepEqual(plain(await lintWorkspace(files, undefined, shuffled(paths, seed))), first, `seed ${seed}`);
  });

  it('survives its extracts going through JSON (the CLI hands them across threads and keeps them in its cache)', async () => {
    const ws = await lintWorkspace({
      'producer.properties': 'bootstrap.servers=k:9092\nacks=all\n',
      'topic-orders.properties': 'min.insync.replicas=1\n',
    });
    const { buildDeployment } = await import('../../../../server/src/core/deployment/model');
    const { lintDeployment } = await import('../../../../server/src/core/deployment/lint');
    const again = lintDeployment(buildDeployment(JSON.parse(JSON.stringify(ws.extracts))));
    assert.deepEqual(JSON.parse(JSON.stringify([...again.byFile])), JSON.parse(JSON.stringify([...ws.cross])));
  });
});

describe('lintDeploymentPerFile: one model, each file graded with its own options', () => {
  it("gives each producer the findings of its own options' pass, and runs a pass once per options object", async () => {
    const { lintDeploymentPerFile } = await import('../../../../server/src/core/deployment/lint');
    const files = {
      'a/producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=all\n',
      'b/producer.properties': 'bootstrap.servers=kafka-1:9092\nacks=all\n',
      'topic-orders.properties': 'min.insync.replicas=1\n',
    };
    const ws = await lintWorkspace(files);
    const on = options('3.9');
    const off = options('3.9', { [RULE]: 'off' });
    const cross = lintDeploymentPerFile(ws.deployment, [on, off, on], (file) => (file.startsWith('b/') ? off : on));
    assert.deepEqual(cross.failures, []);
    assert.deepEqual([...cross.byFile.keys()], ['a/producer.properties']);
    assert.deepEqual(cross.byFile.get('a/producer.properties')?.map((f) => f.ruleId), [RULE]);
    // The same options for both: both producers get it, from one pass.
    const both = lintDeploymentPerFile(ws.deployment, [on], () => on);
    assert.deepEqual([...both.byFile.keys()].sort(), ['a/producer.properties', 'b/producer.properties']);
  });
});
