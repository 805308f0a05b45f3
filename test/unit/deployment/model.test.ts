import * as assert from 'node:assert/strict';
import { buildDeployment } from '../../../server/src/core/deployment/model';
import { applyFixTo, findingsOf, lintWorkspace, marked, placesOf, relatedOf } from './helpers';
import type { LintedWorkspace } from './helpers';

/** A compose broker service advertising `name:29092` (the service name, as compose examples do). */
function service(name: string, id: number, minIsr: string, rf: string): string {
  return [
    `  ${name}:`,
    '    image: apache/kafka:3.9.0',
    '    environment:',
    '      CLUSTER_ID: 4L6g3nShT-eMCtK--X86sw',
    `      KAFKA_NODE_ID: ${id}`,
    '      KAFKA_PROCESS_ROLES: broker,controller',
    '      KAFKA_LISTENERS: PLAINTEXT://:29092,CONTROLLER://:9093',
    `      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://${name}:29092`,
    '      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER',
    `      KAFKA_MIN_INSYNC_REPLICAS: ${minIsr}`,
    `      KAFKA_DEFAULT_REPLICATION_FACTOR: ${rf}`,
    '',
  ].join('\n');
}

/** Two unrelated example projects, each with its own compose file whose first broker service is `broker`. */
const ONE_BROKER = `services:\n${service('broker', 1, '1', '1')}`;
const THREE_BROKERS = `services:\n${service('broker', 1, '[|2|]', '3')}${service('broker-2', 2, '2', '3')}${service('broker-3', 3, '2', '3')}`;

/** The broker files of each cluster of the model, and the size it has. */
function clustersOf(ws: LintedWorkspace): [string[], number | undefined][] {
  return ws.deployment.clusters.map((c) => [[...new Set(c.brokers.map((b) => b.file.file))], c.brokerCount]);
}

/** The broker files of the clusters a client (by file) is linked to, and how. */
function linkOf(ws: LintedWorkspace, file: string): [string[], string] {
  const client = ws.deployment.clients.find((c) => c.ref.file.file === file);
  assert.ok(client, `no client in ${file}`);
  return [client.link.clusters.flatMap((c) => [...new Set(c.brokers.map((b) => b.file.file))]), client.link.via];
}

describe('deployment model: clusters', () => {
  it('keeps compose files in two folders apart although both advertise broker:29092 (a service name means something only on its own compose network)', async () => {
    const ws = await lintWorkspace({ 'a/docker-compose.yml': ONE_BROKER, 'b/docker-compose.yml': THREE_BROKERS });
    assert.deepEqual(clustersOf(ws), [
      [['a/docker-compose.yml'], 1],
      [['b/docker-compose.yml'], 3],
    ]);
  });

  it("judges each folder's producers by the brokers of its own compose file", async () => {
    const ws = await lintWorkspace({
      'a/docker-compose.yml': ONE_BROKER,
      'a/producer.properties': 'bootstrap.servers=broker:29092\nacks=[|all|]\n',
      'b/docker-compose.yml': THREE_BROKERS,
      'b/app/producer.properties': 'bootstrap.servers=broker:29092\nacks=all\n',
    });
    assert.deepEqual(linkOf(ws, 'a/producer.properties'), [['a/docker-compose.yml'], 'bootstrap']);
    assert.deepEqual(linkOf(ws, 'b/app/producer.properties'), [['b/docker-compose.yml'], 'bootstrap']);
    // a/'s one broker keeps one copy: acks=all waits for the leader alone, and no fix can ask for two in-sync copies there.
    // b/'s brokers require two in-sync copies of three: its producer is fine.
    assert.deepEqual(placesOf(ws, 'producer/acks-all-without-min-isr'), { 'a/producer.properties': [marked(ws, 'a/producer.properties')] });
    const [acks] = findingsOf(ws, 'a/producer.properties', 'producer/acks-all-without-min-isr');
    assert.match(acks.message, /a\/docker-compose\.yml sets min\.insync\.replicas=1/);
    assert.doesNotMatch(acks.message, /b\/docker-compose\.yml|may also use/);
    assert.deepEqual(acks.fixes ?? [], []);
  });

  it("measures a topic of one folder against the brokers of that folder's compose file", async () => {
    const ws = await lintWorkspace({
      'a/docker-compose.yml': ONE_BROKER,
      'b/docker-compose.yml': THREE_BROKERS,
      'b/topics/orders.properties': 'min.insync.replicas=[|1|]\nreplication.factor=3\n',
    });
    // b/'s brokers require two in-sync copies: the topic lowers it (a/'s broker, which keeps one, is not b/'s).
    assert.deepEqual(placesOf(ws, 'broker/topic-overrides-safe-broker'), { 'b/topics/orders.properties': [marked(ws, 'b/topics/orders.properties')] });
    const [topic] = findingsOf(ws, 'b/topics/orders.properties', 'broker/topic-overrides-safe-broker');
    assert.deepEqual(
      relatedOf(ws, 'b/topics/orders.properties', topic).map(([file, text]) => [file, text]),
      [['b/docker-compose.yml', '2']],
    );
    assert.deepEqual(topic.fixes?.map((f) => applyFixTo(ws, 'b/topics/orders.properties', f).text), ['min.insync.replicas=2\nreplication.factor=3\n']);
  });

  it('links a client outside both projects to both, and says so, rather than to one merged cluster', async () => {
    const ws = await lintWorkspace({
      'a/docker-compose.yml': ONE_BROKER,
      'b/docker-compose.yml': THREE_BROKERS,
      'producer.properties': 'bootstrap.servers=broker:29092\nacks=[|all|]\n',
    });
    assert.deepEqual(linkOf(ws, 'producer.properties'), [['a/docker-compose.yml', 'b/docker-compose.yml'], 'bootstrap']);
    const [f] = findingsOf(ws, 'producer.properties', 'producer/acks-all-without-min-isr');
    assert.match(f.message, /It may also use the cluster of b\/docker-compose\.yml: nothing in the files says which\.$/);
  });

  it('keeps two compose files of one folder apart too (each is a cluster of its own); a service of one links to its own file', async () => {
    const connect = [
      '  connect:',
      '    image: confluentinc/cp-kafka-connect:7.6.0',
      '    environment:',
      '      CONNECT_BOOTSTRAP_SERVERS: broker:29092',
      '      CONNECT_GROUP_ID: connect',
      '',
    ].join('\n');
    const ws = await lintWorkspace({
      'dev/docker-compose.yml': `${ONE_BROKER}${connect}`,
      'dev/docker-compose.cluster.yml': THREE_BROKERS,
      'dev/app/producer.properties': 'bootstrap.servers=broker:29092\nacks=all\n',
    });
    assert.deepEqual(clustersOf(ws), [
      [['dev/docker-compose.cluster.yml'], 3],
      [['dev/docker-compose.yml'], 1],
    ]);
    assert.deepEqual(linkOf(ws, 'dev/docker-compose.yml'), [['dev/docker-compose.yml'], 'bootstrap']);
    assert.deepEqual(linkOf(ws, 'dev/app/producer.properties'), [['dev/docker-compose.cluster.yml', 'dev/docker-compose.yml'], 'bootstrap']);
  });

  it('never links a compose service to the brokers of a compose file in another folder (another compose project), as confluentinc/demo-scene`s Confluent Cloud workers were', async () => {
    const worker = (bootstrap: string): string =>
      ['services:', '  connect:', '    image: confluentinc/cp-kafka-connect-base:6.1.0', '    environment:', `      CONNECT_BOOTSTRAP_SERVERS: "${bootstrap}"`, '      CONNECT_GROUP_ID: connect', ''].join('\n');
    // gen-test-data/datagen: a worker for Confluent Cloud whose bootstrap is a placeholder, and no broker.
    // community-components-only: its `kafka` service runs an image whose variables are not read, but it is this file's.
    const ws = await lintWorkspace({
      'connect-cluster/docker-compose.yml': ONE_BROKER,
      'gen-test-data/datagen/docker-compose.yml': worker('{{CCLOUD_ENDPOINT}}'),
      'pipeline-to-the-cloud/docker-compose.yml': worker('${CCLOUD_BROKER_HOST}:9092'),
      'community/docker-compose.yml': `${worker('broker:29092')}  broker:\n    image: wurstmeister/kafka:2.12-2.3.0\n`,
      'connect-cluster/docker-compose-connect.yml': worker('broker:29092'),
    });
    assert.deepEqual(linkOf(ws, 'gen-test-data/datagen/docker-compose.yml'), [[], 'none']);
    assert.deepEqual(linkOf(ws, 'pipeline-to-the-cloud/docker-compose.yml'), [[], 'none']);
    assert.deepEqual(linkOf(ws, 'community/docker-compose.yml'), [[], 'none']);
    for (const file of ['gen-test-data/datagen/docker-compose.yml', 'pipeline-to-the-cloud/docker-compose.yml', 'community/docker-compose.yml']) {
      assert.deepEqual(findingsOf(ws, file, 'producer/acks-all-without-min-isr'), [], file);
    }
    // The worker's Kafka is its image's: cp-kafka-connect-base:6.1.0 runs Kafka 2.7.
    const own = await lintWorkspace({ 'sonos/docker-compose.yml': `${ONE_BROKER}${worker('broker:29092').replace('services:\n', '')}` });
    const [acks] = findingsOf(own, 'sonos/docker-compose.yml', 'producer/acks-all-without-min-isr');
    assert.match(acks.message, /^Producer stage: Kafka Connect on Kafka 2\.7 defaults acks to all/);
    // A file given with `-f` next to the broker's, in the same folder (the same compose project), still links.
    assert.deepEqual(linkOf(ws, 'connect-cluster/docker-compose-connect.yml'), [['connect-cluster/docker-compose.yml'], 'bootstrap']);
  });

  it('still joins broker files in two folders that advertise the same host name, and never on localhost', async () => {
    const ws = await lintWorkspace({
      'east/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://kafka-1.prod.example.com:9092\n',
      'west/server.properties': 'broker.id=2\nadvertised.listeners=PLAINTEXT://kafka-1.prod.example.com:9092\n',
      'dev-a/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://localhost:9092\n',
      'dev-b/server.properties': 'broker.id=1\nadvertised.listeners=PLAINTEXT://localhost:9092\n',
    });
    assert.deepEqual(clustersOf(ws), [
      [['dev-a/server.properties'], undefined],
      [['dev-b/server.properties'], undefined],
      [['east/server.properties', 'west/server.properties'], undefined],
    ]);
  });
});

describe('deployment model: a link by folder stays within reach of the file`s project', () => {
  const PRODUCER = 'acks=all\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n';
  const BROKER = 'broker.id=0\nlog.dirs=/var/lib/kafka\n';
  /** The extracts with each file's project (the folder of its build file, as files/projects.ts finds it). */
  async function linked(projects: Readonly<Record<string, string>>, files: Readonly<Record<string, string>>) {
    const ws = await lintWorkspace(files);
    const extracts = ws.extracts.map((x) => {
      const project = Object.keys(projects).find((prefix) => x.file.startsWith(`${prefix}/`));
      return project === undefined ? x : { ...x, project: projects[project] };
    });
    return buildDeployment(extracts).clients.map((c) => [c.ref.file.file, c.link.clusters.flatMap((k) => k.brokers.map((b) => b.file.file)), c.link.via]);
  }

  it('another project`s broker is out of reach, a broker in no project or in an enclosing one is not', async () => {
    const files = { 'a/src/producer.properties': PRODUCER, 'b/src/test/broker.properties': BROKER };
    assert.deepEqual(await linked({ a: '/r/a', b: '/r/b' }, files), [['a/src/producer.properties', [], 'none']]);
    assert.deepEqual(await linked({ a: '/r/a' }, files), [['a/src/producer.properties', ['b/src/test/broker.properties'], 'folder']]);
    assert.deepEqual(await linked({ a: '/r/a', b: '/r' }, files), [['a/src/producer.properties', ['b/src/test/broker.properties'], 'folder']]);
    // A client in no project reaches only brokers in none.
    assert.deepEqual(await linked({ b: '/r/b' }, files), [['a/src/producer.properties', [], 'none']]);
    // A broker file in a folder above the client is never out of reach, and an explicit bootstrap crosses projects.
    assert.deepEqual(await linked({ a: '/r/a', b: '/r/b' }, { 'a/src/producer.properties': PRODUCER, 'a/broker.properties': BROKER }), [['a/src/producer.properties', ['a/broker.properties'], 'folder']]);
    const bootstrap = { 'a/src/producer.properties': `bootstrap.servers=kafka-b:9092\n${PRODUCER}`, 'b/src/test/broker.properties': `${BROKER}listeners=PLAINTEXT://kafka-b:9092\n` };
    assert.deepEqual(await linked({ a: '/r/a', b: '/r/b' }, bootstrap), [['a/src/producer.properties', ['b/src/test/broker.properties'], 'bootstrap']]);
  });

  it('localhost:9092 is every developer`s machine: it links to another project`s broker only as a folder would', async () => {
    const files = { 'a/src/producer.properties': `bootstrap.servers=localhost:9092\n${PRODUCER}`, 'b/compose/server.properties': `${BROKER}advertised.listeners=PLAINTEXT://localhost:9092\n` };
    assert.deepEqual(await linked({ a: '/r/a', b: '/r/b' }, files), [['a/src/producer.properties', [], 'none']]);
    assert.deepEqual(await linked({}, files), [['a/src/producer.properties', ['b/compose/server.properties'], 'bootstrap']]);
    assert.deepEqual(await linked({ a: '/r/a', b: '/r' }, files), [['a/src/producer.properties', ['b/compose/server.properties'], 'bootstrap']]);
  });
});

describe('deployment model: a client whose bootstrap is a broker the code starts', () => {
  /** A test class building its producer from `<receiver>.<call>()`, as Testcontainers and spring-kafka-test tests do. */
  const test = (declaration: string, bootstrap: string) =>
    [
      'import java.util.Properties;',
      'import org.apache.kafka.clients.producer.*;',
      'class OrdersLiveTest {',
      `  ${declaration}`,
      '  KafkaProducer<String, String> producer() {',
      '    Properties props = new Properties();',
      `    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ${bootstrap});`,
      '    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringSerializer");',
      '    return new KafkaProducer<>(props);',
      '  }',
      '}',
      '',
    ].join('\n');

  it('links to no file`s cluster: Testcontainers, spring-kafka-test and Kafka Streams examples` embedded clusters', async () => {
    // As in eugenp/tutorials apache-kafka-3: the test starts its own broker, and the module's docker-compose.yml is another.
    for (const [declaration, bootstrap] of [
      ['@Container static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("confluentinc/cp-kafka:7.4.0"));', 'KAFKA.getBootstrapServers()'],
      ['@Autowired private EmbeddedKafkaBroker embeddedKafka;', 'embeddedKafka.getBrokersAsString()'],
      ['@ClassRule public static final EmbeddedSingleNodeKafkaCluster CLUSTER = new EmbeddedSingleNodeKafkaCluster();', 'CLUSTER.bootstrapServers()'],
    ]) {
      const ws = await lintWorkspace({ 'm/docker-compose.yml': ONE_BROKER, 'm/src/test/java/OrdersLiveTest.java': test(declaration, bootstrap) });
      assert.deepEqual(linkOf(ws, 'm/src/test/java/OrdersLiveTest.java'), [[], 'none'], bootstrap);
      assert.deepEqual(findingsOf(ws, 'm/src/test/java/OrdersLiveTest.java', 'producer/acks-all-without-min-isr'), [], bootstrap);
    }
  });

  it('still links by folder when the call is the application`s own settings (Spring Boot`s KafkaProperties.getBootstrapServers())', async () => {
    const ws = await lintWorkspace({
      'm/docker-compose.yml': ONE_BROKER,
      'm/src/main/java/OrdersLiveTest.java': test('@Autowired private KafkaProperties kafkaProperties;', 'kafkaProperties.getBootstrapServers()'),
    });
    assert.deepEqual(linkOf(ws, 'm/src/main/java/OrdersLiveTest.java'), [['m/docker-compose.yml'], 'folder']);
  });
});
