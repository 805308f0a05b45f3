import * as assert from 'node:assert/strict';
import type { Role } from '../../server/src/core/model';
import { detectRoles } from '../../server/src/core/roles';
import { analyzeConfig } from '../../server/src/core/analyze';

describe('roles-detect: detectRoles', () => {
  const cases: Array<[string, string, string[], Role[], boolean]> = [
    ['producer by name', 'config/producer.properties', [], ['producer'], true],
    ['consumer by name', 'consumer.properties', ['bootstrap.servers'], ['consumer'], true],
    ['stock broker file', 'config/server.properties', ['process.roles', 'node.id', 'log.dirs'], ['broker'], true],
    ['broker.properties', 'broker.properties', ['log.dirs'], ['broker'], true],
    ['controller.properties', 'controller.properties', ['controller.quorum.voters'], ['broker'], true],
    ['connect worker: group.id is not a consumer', 'connect-distributed.properties', ['bootstrap.servers', 'group.id', 'key.converter'], ['connect'], true],
    ['*.kafka.properties, roles from keys', 'orders.kafka.properties', ['acks', 'group.id'], ['producer', 'consumer'], true],
    ['producer keys', 'app.properties', ['bootstrap.servers', 'acks', 'key.serializer'], ['producer'], true],
    ['consumer keys', 'app.properties', ['group.id', 'enable.auto.commit'], ['consumer'], true],
    ['producer and consumer', 'client.properties', ['bootstrap.servers', 'acks', 'group.id'], ['producer', 'consumer'], true],
    ['topic config', 'orders.properties', ['cleanup.policy', 'retention.ms', 'min.insync.replicas'], ['topic'], true],
    ['topic keys in a broker file are broker defaults', 'node.properties', ['broker.id', 'min.insync.replicas', 'unclean.leader.election.enable'], ['broker'], true],
    ['min.insync.replicas alone is a topic config', 'x.properties', ['min.insync.replicas'], ['topic'], true],
    ['streams', 'app.properties', ['application.id', 'bootstrap.servers'], ['streams'], true],
    ['names with topic', 'orders-topic.properties', ['retention.ms'], ['topic'], true],
    ['UI strings with acks and retries', 'messages.properties', ['title', 'button.ok', 'button.cancel', 'retries', 'acks', 'menu.file'], ['producer'], false],
    ['Minecraft server.properties', 'server.properties', ['server-port', 'max-players', 'motd'], ['broker'], false],
    ['an empty producer.properties is still Kafka', 'producer.properties', [], ['producer'], true],
    ['mostly Kafka keys', 'x.properties', ['acks', 'retries', 'linger.ms'], ['producer'], true],
    ['security-only client file', 'client-ssl.properties', ['security.protocol', 'ssl.truststore.location'], [], true],
    ['nothing Kafka', 'x.properties', ['a', 'b'], [], false],
    ['compression.type does not make a topic file a producer', 'orders.properties', ['cleanup.policy', 'compression.type'], ['topic'], true],
    ['keys only the full catalog knows', 'x.properties', ['metrics.num.samples', 'reconnect.backoff.max.ms', 'title'], [], true],
    ['Windows path', 'C:\\kafka\\config\\producer.properties', [], ['producer'], true],
  ];
  for (const [name, path, keys, roles, isKafka] of cases) {
    it(name, () => assert.deepEqual(detectRoles(path, keys), { roles, isKafka }));
  }
});

describe('roles-detect: through analyzeConfig', () => {
  it('a UI strings file with retries=0 is not Kafka and gets no group roles that matter', () => {
    const text = 'title=Hello\nbutton.ok=OK\nbutton.cancel=Cancel\nretries=0\nacks=1\nmenu.file=File\n';
    assert.equal(analyzeConfig('src/main/resources/messages.properties', text).isKafka, false);
  });
  it('entries carry the role their key belongs to', () => {
    const doc = analyzeConfig('client.properties', 'bootstrap.servers=x\nacks=0\ngroup.id=g\n');
    assert.deepEqual(doc.groups[0].roles, ['producer', 'consumer']);
    assert.deepEqual(doc.groups[0].entries.map((e) => e.role), [undefined, 'producer', 'consumer']);
  });
});
