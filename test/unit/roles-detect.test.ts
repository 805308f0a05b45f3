import * as assert from 'node:assert/strict';
import type { Role } from '../../server/src/core/model';
import { detectRoles } from '../../server/src/core/roles';
import { analyzeConfig } from '../../server/src/core/analyze';

/** `key=value` lines as role detection reads them. */
function entries(lines: readonly string[]): { key: string; value: string }[] {
  return lines.map((l) => {
    const at = l.indexOf('=');
    return at < 0 ? { key: l, value: '' } : { key: l.slice(0, at), value: l.slice(at + 1) };
  });
}

describe('roles-detect: detectRoles', () => {
  const cases: Array<[string, string, string[], Role[], boolean]> = [
    ['producer by name', 'config/producer.properties', [], ['producer'], true],
    ['consumer by name', 'consumer.properties', ['bootstrap.servers=localhost:9092'], ['consumer'], true],
    ['stock broker file', 'config/server.properties', ['process.roles=broker,controller', 'node.id=1', 'log.dirs=/tmp/kraft-combined-logs'], ['broker'], true],
    ['broker.properties', 'broker.properties', ['log.dirs=/var/lib/kafka'], ['broker'], true],
    ['controller.properties', 'controller.properties', ['controller.quorum.voters=1@c1:9093'], ['broker'], true],
    ['connect worker: group.id is not a consumer', 'connect-distributed.properties', ['bootstrap.servers=k:9092', 'group.id=connect-cluster', 'key.converter=org.apache.kafka.connect.json.JsonConverter'], ['connect'], true],
    ['*.kafka.properties, roles from keys', 'orders.kafka.properties', ['acks=all', 'group.id=orders'], ['producer', 'consumer'], true],
    ['producer keys', 'app.properties', ['bootstrap.servers=k:9092', 'acks=all', 'key.serializer=org.apache.kafka.common.serialization.StringSerializer'], ['producer'], true],
    ['consumer keys', 'app.properties', ['group.id=billing', 'enable.auto.commit=false'], ['consumer'], true],
    ['producer and consumer', 'client.properties', ['bootstrap.servers=k:9092', 'acks=1', 'group.id=g'], ['producer', 'consumer'], true],
    ['topic config', 'orders.properties', ['cleanup.policy=delete', 'retention.ms=86400000', 'min.insync.replicas=2'], ['topic'], true],
    ['topic keys in a broker file are broker defaults', 'node.properties', ['broker.id=1', 'min.insync.replicas=2', 'unclean.leader.election.enable=false'], ['broker'], true],
    ['min.insync.replicas alone is a topic config', 'x.properties', ['min.insync.replicas=1'], ['topic'], true],
    ['streams', 'app.properties', ['application.id=orders-app', 'bootstrap.servers=k:9092'], ['streams'], true],
    ['a Streams name with the application.id every Streams config sets', 'config/streams.properties', ['application.id=orders-app', 'producer.acks=0'], ['streams'], true],
    ['a Streams name in a longer name', 'orders-streams.properties', ['application.id=orders-app', 'state.dir=/var/lib/streams'], ['streams'], true],
    ['names with topic', 'orders-topic.properties', ['retention.ms=86400000'], ['topic'], true],
    ['an empty producer.properties is still Kafka', 'producer.properties', [], ['producer'], true],
    ['an empty server.properties is still Kafka', 'server.properties', [], ['broker'], true],
    ['a distinctive producer key among ordinary ones', 'x.properties', ['acks=all', 'retries=3', 'linger.ms=5'], ['producer'], true],
    ['security-only client file', 'client-ssl.properties', ['security.protocol=SSL', 'ssl.truststore.location=/etc/kafka/truststore.jks'], [], true],
    ['compression.type does not make a topic file a producer', 'orders.properties', ['cleanup.policy=compact', 'compression.type=zstd'], ['topic'], true],
    ['placeholders are plausible', 'client.properties', ['bootstrap.servers=${KAFKA_BOOTSTRAP}', 'acks=all'], ['producer'], true],
    ['one wrong value next to a real bootstrap list', 'client.properties', ['bootstrap.servers=kafka-1:9092,kafka-2:9092', 'acks=2'], ['producer'], true],
    ['Windows path', 'C:\\kafka\\config\\producer.properties', [], ['producer'], true],
    // No positive evidence, or evidence outweighed: not Kafka, and no roles.
    ['UI strings with acks and retries', 'messages.properties', ['title=Orders', 'button.ok=OK', 'retries=Retries', 'acks=Acknowledgements', 'menu.file=File'], [], false],
    ['a resource bundle in a locale', 'messages_de.properties', ['group.id=Gruppe', 'acks=Best\u00e4tigungen'], [], false],
    ['a resource bundle with a country', 'labels_pt_BR.properties', ['bootstrap.servers=Servidores de bootstrap', 'group.id=Grupo'], [], false],
    ['a bundle named like Kafka loses its name', 'kafka_fr.properties', ['acks=Accus\u00e9s de r\u00e9ception', 'retries=Nouvelles tentatives'], [], false],
    ['a bundle that really is a client config still is', 'client_de.properties', ['bootstrap.servers=kafka.example.de:9092', 'key.serializer=org.apache.kafka.common.serialization.StringSerializer'], ['producer'], true],
    ['Minecraft server.properties', 'server.properties', ['server-port=25565', 'max-players=20', 'motd=A Minecraft Server'], [], false],
    ['application settings with retries, acks and a timeout', 'settings.properties', ['http.port=8080', 'timeout=30', 'retries=3', 'acks=true', 'batch.size=100', 'client.id=webhooks'], [], false],
    ['ordinary words with valid values are no evidence', 'x.properties', ['acks=all', 'retries=3', 'batch.size=100'], [], false],
    ['labels Kafka could never accept outweigh a group id', 'ui.properties', ['group.id=orders', 'acks=Acknowledgements', 'retries=Retries'], [], false],
    ['a bootstrap list without ports is no address list', 'x.properties', ['bootstrap.servers=Bootstrap servers'], [], false],
    ['keys only the full catalog knows', 'x.properties', ['metrics.num.samples=2', 'reconnect.backoff.max.ms=1000', 'title=x'], [], false],
    ['Kafka\'s own connect-log4j.properties configures logging', 'config/connect-log4j.properties', ['log4j.rootLogger=INFO, stdout, connectAppender'], [], false],
    ['nothing Kafka', 'x.properties', ['a=1', 'b=2'], [], false],
    ['application.id alone is an ordinary word', 'app.properties', ['application.id=orders-app', 'retries=3'], [], false],
    ['a Streams name with ordinary words only', 'streams.properties', ['client.id=web', 'retries=3'], [], false],
    ['a Streams name with an application.id that reads like a label', 'streams.properties', ['application.id=Video streams', 'quality=720p'], [], false],
  ];
  for (const [name, path, lines, roles, isKafka] of cases) {
    it(name, () => assert.deepEqual(detectRoles(path, entries(lines)), { roles, isKafka }));
  }
});

describe('roles-detect: through analyzeConfig', () => {
  it('a UI strings file with retries=0 is not Kafka and gets no group roles that matter', () => {
    const text = 'title=Hello\nbutton.ok=OK\nbutton.cancel=Cancel\nretries=0\nacks=1\nmenu.file=File\n';
    assert.equal(analyzeConfig('src/main/resources/messages.properties', text).isKafka, false);
  });
  it('entries carry the role their key belongs to', () => {
    const doc = analyzeConfig('client.properties', 'bootstrap.servers=k:9092\nacks=0\ngroup.id=g\n');
    assert.deepEqual(doc.groups[0].roles, ['producer', 'consumer']);
    assert.deepEqual(doc.groups[0].entries.map((e) => e.role), [undefined, 'producer', 'consumer']);
  });
});
