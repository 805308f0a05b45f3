import * as assert from 'node:assert/strict';
import { analyzeConfig, documentKind } from '../../server/src/core/analyze';
import { CONTAINER_IMAGES, imageOfReference, keyOfVariable, variableForKey } from '../../server/src/core/catalog/images';
import type { ContainerImage } from '../../server/src/core/catalog/images';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { localize } from '../../server/src/core/i18n/index';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument, ConfigGroup } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { applyFix, covered, fixTitled, lintConfig, of } from './rules/helpers';

function image(id: ContainerImage['id']): ContainerImage {
  const found = CONTAINER_IMAGES.find((i) => i.id === id);
  assert.ok(found);
  return found;
}

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

const PATH = 'deploy/docker-compose.yml';

function brokers(doc: AnalyzedDocument): ConfigGroup[] {
  return doc.groups.filter((g) => g.library !== 'connect' && !g.roles.includes('connect'));
}

describe('compose: image references and variable names (catalog/images.ts)', () => {
  const refs: [string, string | undefined, string | undefined][] = [
    ['apache/kafka:3.9.0', 'apache-kafka', '3.9.0'],
    ['apache/kafka-native', 'apache-kafka', undefined],
    ['docker.io/apache/kafka:latest', 'apache-kafka', 'latest'],
    ['confluentinc/cp-kafka:7.6.0', 'cp-kafka', '7.6.0'],
    ['registry.example.com:5000/mirror/confluentinc/cp-server:7.6.0@sha256:0123', 'cp-kafka', '7.6.0'],
    // Confluent Platform 5.x's commercial broker (confluentinc/demo-scene runs it): FROM cp-kafka, same template.
    ['confluentinc/cp-enterprise-kafka:5.3.0', 'cp-kafka', '5.3.0'],
    ['bitnami/kafka:3.7', 'bitnami-kafka', '3.7'],
    ['public.ecr.aws/bitnami/kafka', 'bitnami-kafka', undefined],
    ['bitnamilegacy/kafka:3.9', 'bitnami-kafka', '3.9'],
    ['confluentinc/cp-kafka-connect:7.6.0', 'cp-kafka-connect', '7.6.0'],
    ['provectuslabs/kafka-ui:latest', undefined, undefined],
    ['confluentinc/cp-zookeeper:7.6.0', undefined, undefined],
    ['bitnami/zookeeper', undefined, undefined],
    ['kafka', undefined, undefined],
    ['postgres:16', undefined, undefined],
  ];
  for (const [ref, id, tag] of refs) {
    it(`${ref} → ${id ?? 'not a Kafka image'}`, () => {
      const found = imageOfReference(ref);
      assert.deepEqual(found ? [found.image.id, found.tag] : [undefined, undefined], [id, tag]);
    });
  }

  const names: [ContainerImage['id'], string, string | undefined, string?][] = [
    ['apache-kafka', 'KAFKA_MIN_INSYNC_REPLICAS', 'min.insync.replicas'],
    ['apache-kafka', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', 'offsets.topic.replication.factor'],
    ['apache-kafka', 'KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE__TYPE', 'listener.name.internal.ssl.keystore_type'],
    ['apache-kafka', 'KAFKA_FOO___BAR', 'foo-bar'],
    ['apache-kafka', 'KAFKA_HEAP_OPTS', undefined],
    ['apache-kafka', 'KAFKA_JMX_HOSTNAME', undefined],
    ['apache-kafka', 'CLUSTER_ID', undefined],
    ['apache-kafka', 'KAFKA_', undefined],
    ['cp-kafka', 'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', 'transaction.state.log.min.isr'],
    ['cp-kafka', 'KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE__TYPE', 'listener.name.internal.ssl.keystore_type'],
    ['cp-kafka', 'KAFKA_LOG4J_ROOT_LOGLEVEL', undefined],
    ['cp-kafka', 'KAFKA_SSL_KEYSTORE_FILENAME', undefined],
    ['bitnami-kafka', 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR', 'default.replication.factor'],
    ['bitnami-kafka', 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE', 'unclean.leader.election.enable'],
    ['bitnami-kafka', 'KAFKA_CFG_LISTENER_NAME_CLIENT_SASL_SSL_SASL_JAAS_CONFIG', 'listener.name.client.sasl_ssl.sasl.jaas.config'],
    ['bitnami-kafka', 'KAFKA_CFG_ZOOKEEPER_CLIENTCNXNSOCKET', 'zookeeper.clientCnxnSocket'],
    ['bitnami-kafka', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', 'offsets.topic.replication.factor', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR'],
    ['bitnami-kafka', 'KAFKA_LOGS_DIRS', 'log.dirs', 'KAFKA_LOGS_DIRS'],
    // MIN_INSYNC_REPLICAS is not one of Bitnami's legacy names: only KAFKA_CFG_MIN_INSYNC_REPLICAS is read.
    ['bitnami-kafka', 'KAFKA_MIN_INSYNC_REPLICAS', undefined],
    ['cp-kafka-connect', 'CONNECT_PRODUCER_ACKS', 'producer.acks'],
    ['cp-kafka-connect', 'CONNECT_CONSUMER_ENABLE_AUTO_COMMIT', 'consumer.enable.auto.commit'],
  ];
  for (const [id, name, key, legacy] of names) {
    it(`${id}: ${name} → ${key ?? 'not a setting'}`, () => {
      const mapped = keyOfVariable(image(id), name);
      assert.deepEqual(mapped && [mapped.key, mapped.legacy], key === undefined ? undefined : [key, legacy]);
    });
  }

  it('spells a key back in each image, or says it cannot', () => {
    assert.equal(variableForKey(image('apache-kafka'), 'min.insync.replicas'), 'KAFKA_MIN_INSYNC_REPLICAS');
    assert.equal(variableForKey(image('apache-kafka'), 'listener.name.internal.ssl.keystore_type'), 'KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE__TYPE');
    assert.equal(variableForKey(image('cp-kafka'), 'foo-bar'), 'KAFKA_FOO___BAR');
    assert.equal(variableForKey(image('bitnami-kafka'), 'min.insync.replicas'), 'KAFKA_CFG_MIN_INSYNC_REPLICAS');
    assert.equal(variableForKey(image('bitnami-kafka'), 'foo-bar'), undefined);
    assert.equal(variableForKey(image('cp-kafka-connect'), 'producer.acks'), 'CONNECT_PRODUCER_ACKS');
    assert.equal(variableForKey(image('apache-kafka'), 'Bad Key'), undefined);
  });
});

describe('compose: documentKind', () => {
  const cases: [string, string | undefined, string][] = [
    ['docker-compose.yml', undefined, 'compose'],
    ['ops/docker-compose.override.yaml', undefined, 'compose'],
    ['docker-compose-dev.yml', undefined, 'compose'],
    ['compose.yaml', undefined, 'compose'],
    ['compose.prod.yml', undefined, 'compose'],
    ['composer.yml', undefined, 'spring-yaml'],
    ['untitled:Untitled-1', 'dockercompose', 'compose'],
    ['Untitled-2', 'yaml.docker-compose', 'compose'],
  ];
  for (const [path, id, kind] of cases) {
    it(`${path}${id ? ` (${id})` : ''} → ${kind}`, () => assert.equal(documentKind(path, id), kind));
  }
});

describe('compose: reading services', () => {
  const text = lines(
    'x-common: &common',
    '  KAFKA_PROCESS_ROLES: broker,controller',
    'services:',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      KAFKA_MIN_INSYNC_REPLICAS: 1',
    '  kafka:',
    '    image: ${KAFKA_IMAGE:-apache/kafka:3.9.0}',
    '    hostname: broker',
    '    ports:',
    '      - "9092:9092"',
    '    environment:',
    '      <<: *common',
    '      KAFKA_NODE_ID: 1',
    '      KAFKA_LISTENERS: PLAINTEXT://:29092,CONTROLLER://:9093,PLAINTEXT_HOST://:9092',
    '      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092',
    '      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER',
    '      KAFKA_MIN_INSYNC_REPLICAS: ${MIN_ISR:-1}',
    '      KAFKA_DEFAULT_REPLICATION_FACTOR: "3"',
    '      KAFKA_LOG_DIRS: $DATA_DIR',
    '      KAFKA_NUM_PARTITIONS:',
    '      KAFKA_HEAP_OPTS: -Xmx1G',
  );
  const doc = analyzeConfig(PATH, text);

  it('is a compose document with one broker group (the database is not read)', () => {
    assert.equal(doc.kind, 'compose');
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.groups.map((g) => [g.roles, g.library]), [[['broker'], 'java']]);
  });

  it('reads map-form variables by the image rule, with merged keys and exact spans', () => {
    const rows = doc.groups[0].entries.map((e) => [e.rawKey, e.key, e.value, text.slice(e.valueRange.start, e.valueRange.end)]);
    assert.deepEqual(rows, [
      ['KAFKA_PROCESS_ROLES', 'process.roles', 'broker,controller', 'broker,controller'],
      ['KAFKA_NODE_ID', 'node.id', '1', '1'],
      ['KAFKA_LISTENERS', 'listeners', 'PLAINTEXT://:29092,CONTROLLER://:9093,PLAINTEXT_HOST://:9092', 'PLAINTEXT://:29092,CONTROLLER://:9093,PLAINTEXT_HOST://:9092'],
      ['KAFKA_ADVERTISED_LISTENERS', 'advertised.listeners', 'PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092', 'PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092'],
      ['KAFKA_CONTROLLER_LISTENER_NAMES', 'controller.listener.names', 'CONTROLLER', 'CONTROLLER'],
      // A whole ${VAR:-default} is its default, and its span is the default alone.
      ['KAFKA_MIN_INSYNC_REPLICAS', 'min.insync.replicas', '1', '1'],
      ['KAFKA_DEFAULT_REPLICATION_FACTOR', 'default.replication.factor', '3', '3'],
      // No default, or no value at all (taken from the shell): unknown placeholders the rules leave alone.
      ['KAFKA_LOG_DIRS', 'log.dirs', '${DATA_DIR}', '$DATA_DIR'],
      ['KAFKA_NUM_PARTITIONS', 'num.partitions', '${KAFKA_NUM_PARTITIONS}', ''],
    ]);
    const minIsr = doc.groups[0].entries.find((e) => e.key === 'min.insync.replicas');
    assert.equal(minIsr?.valueRange.start, text.indexOf('${MIN_ISR:-1}') + '${MIN_ISR:-'.length);
    assert.equal(localize('en', minIsr!.note!), '`MIN_ISR` is not set in this file: its default 1 applies unless the shell or an `.env` file sets `MIN_ISR`.');
  });

  it('links the broker: addresses from listeners, service name, hostname and published ports; one broker', () => {
    assert.deepEqual(doc.groups[0].links, {
      addresses: ['kafka:29092', 'localhost:9092', 'broker:29092', 'kafka:9092', 'broker:9092'],
      brokerCount: 1,
    });
  });

  it('anchors unset-key findings on the environment key', () => {
    assert.equal(text.slice(doc.groups[0].anchor.start, doc.groups[0].anchor.end), 'environment');
  });
});

describe('compose: broker rules on environment lines', () => {
  it('reports map and list forms on the value, with fixes that keep each form and quoting', () => {
    const r = lintConfig(
      PATH,
      lines(
        'services:',
        '  kafka:',
        '    image: confluentinc/cp-kafka:7.6.0',
        '    environment:',
        '      KAFKA_BROKER_ID: 1',
        '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: [|true|]',
        '      KAFKA_MIN_INSYNC_REPLICAS: "[|1|]"',
        '      KAFKA_LOG_DIRS: /var/lib/kafka/data',
        '  kafka2:',
        '    image: bitnami/kafka:3.7',
        '    environment:',
        '      - KAFKA_CFG_NODE_ID=2',
        '      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=[|true|]',
        "      - 'KAFKA_CFG_MIN_INSYNC_REPLICAS=[|1|]'",
        '      - KAFKA_CFG_DEFAULT_REPLICATION_FACTOR=3',
        '      - KAFKA_CFG_OFFSETS_TOPIC_REPLICATION_FACTOR=3',
        '      - KAFKA_CFG_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=3',
        '      - KAFKA_CFG_TRANSACTION_STATE_LOG_MIN_ISR=2',
      ),
    );
    const unclean = of(r.findings, 'broker/unclean-leader-election');
    assert.deepEqual(unclean.map((f) => f.range), [r.ranges[0], r.ranges[2]]);
    assert.equal(applyFix(r.text, fixTitled(unclean[0], 'Set unclean.leader.election.enable=false')), r.text.replace('ENABLE: true', 'ENABLE: false'));
    assert.equal(applyFix(r.text, fixTitled(unclean[1], 'Set unclean.leader.election.enable=false')), r.text.replace('ENABLE=true', 'ENABLE=false'));
    const isr = of(r.findings, 'broker/min-insync-replicas-too-low').filter((f) => f.range.end > f.range.start && covered(r.text, f) === '1');
    assert.deepEqual(isr.map((f) => f.range), [r.ranges[1], r.ranges[3]]);
    // The first broker keeps the image's default replication factor of 1, which cannot be raised to 3 on two
    // brokers: raising the minimum alone would reject every acks=all write, so there is no fix.
    assert.deepEqual(isr[0].fixes, []);
    assert.equal(applyFix(r.text, fixTitled(isr[1], 'Set min.insync.replicas=2')), r.text.replace("REPLICAS=1'", "REPLICAS=2'"));
  });

  it('changes only the default of a ${VAR:-default}', () => {
    const r = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka', '    environment:', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: ${UNCLEAN:-[|true|]}', '      KAFKA_DEFAULT_REPLICATION_FACTOR: ${RF:-3}'));
    const [f] = of(r.findings, 'broker/unclean-leader-election');
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set unclean.leader.election.enable=false')), r.text.replace('${UNCLEAN:-true}', '${UNCLEAN:-false}'));
  });

  it('leaves unknown placeholders alone', () => {
    const r = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka', '    environment:', '      - KAFKA_MIN_INSYNC_REPLICAS=${MIN_ISR}', '      - KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=${RF:?set RF}'));
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low'), []);
    assert.deepEqual(of(r.findings, 'broker/unclean-leader-election'), []);
    assert.deepEqual(of(r.findings, 'broker/replication-factor-too-low'), []);
  });

  it('adds a missing setting to the environment block in its form and spelling', () => {
    const title = 'Add offsets.topic.replication.factor=1 (as many as there are brokers)';
    const rule = 'broker/replication-factor-above-broker-count';
    const map = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka:3.9.0', '    environment:', '      KAFKA_NODE_ID: "1"', '      KAFKA_DEFAULT_REPLICATION_FACTOR: "1"', '  app:', '    image: my/app'));
    const [f] = of(map.findings, rule);
    assert.equal(covered(map.text, f), 'environment');
    assert.equal(applyFix(map.text, fixTitled(f, title)), map.text.replace('      KAFKA_DEFAULT_REPLICATION_FACTOR: "1"\n', '      KAFKA_DEFAULT_REPLICATION_FACTOR: "1"\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: "1"\n'));

    const list = lintConfig(PATH, lines('services:', '  kafka:', '    image: confluentinc/cp-kafka:7.6.0', '    environment:', '      - KAFKA_NODE_ID=1', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=1'));
    const [g] = of(list.findings, rule);
    assert.equal(applyFix(list.text, fixTitled(g, title)), list.text.replace('FACTOR=1\n', 'FACTOR=1\n      - KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1\n'));

    const none = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka:3.9.0', '    ports:', '      - 9092:9092'));
    const [h] = of(none.findings, rule);
    assert.equal(covered(none.text, h), 'kafka');
    assert.equal(applyFix(none.text, fixTitled(h, title)), `${none.text}    environment:\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n`);
  });

  it("uses the image's own defaults: Bitnami keeps the sample's single-copy internal topics, Confluent stores data in /var/lib/kafka/data", () => {
    const bitnami = lintConfig(PATH, lines('services:', '  kafka:', '    image: bitnami/kafka:3.7', '    [|environment|]:', '      - KAFKA_CFG_NODE_ID=1', '      - KAFKA_CFG_DEFAULT_REPLICATION_FACTOR=3', '      - KAFKA_CFG_MIN_INSYNC_REPLICAS=2'));
    const rf = of(bitnami.findings, 'broker/replication-factor-too-low');
    assert.deepEqual(
      rf.map((f) => f.message.split(', so ')[0]),
      // The image tag says Kafka 3.7, which has no share-group state topic.
      ['Broker stage: offsets.topic.replication.factor is unset, and bitnami/kafka on Kafka 3.7 defaults it to 1', 'Broker stage: transaction.state.log.replication.factor is unset, and bitnami/kafka on Kafka 3.7 defaults it to 1'],
    );
    assert.ok(rf.every((f) => covered(bitnami.text, f) === 'environment'));
    assert.deepEqual(of(bitnami.findings, 'broker/log-dirs-in-tmp'), []);
    const confluent = lintConfig(PATH, lines('services:', '  kafka:', '    image: confluentinc/cp-kafka:7.6.0', '    environment:', '      KAFKA_NODE_ID: 1'));
    assert.deepEqual(of(confluent.findings, 'broker/log-dirs-in-tmp'), []);
    const apache = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka:3.9.0', '    environment:', '      KAFKA_NODE_ID: 1'));
    assert.equal(of(apache.findings, 'broker/log-dirs-in-tmp').length, 1);
  });

  it('is silenced by a suppression comment above the variable, in both forms', () => {
    const r = lintConfig(
      PATH,
      lines(
        'services:',
        '  kafka:',
        '    image: apache/kafka',
        '    environment:',
        '      # kafka-lint-disable-next-line broker/unclean-leader-election -- test cluster',
        '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: true',
        '  kafka2:',
        '    image: bitnami/kafka',
        '    environment:',
        '      # kafka-lint-disable-next-line broker/unclean-leader-election',
        '      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=true',
      ),
    );
    assert.deepEqual(of(r.findings, 'broker/unclean-leader-election'), []);
  });

  it('does not edit a block shared through an anchor, and says so when a value is', () => {
    const r = lintConfig(PATH, lines('x-env: &env', '  KAFKA_MIN_INSYNC_REPLICAS: 1', 'services:', '  a:', '    image: apache/kafka', '    environment: *env', '  b:', '    image: apache/kafka', '    environment: *env'));
    const found = of(r.findings, 'broker/min-insync-replicas-too-low').filter((f) => covered(r.text, f) === '1');
    // Both services read the one anchored value: one finding on it, not the same one twice.
    assert.equal(found.length, 1);
    // Two brokers (the services share no cluster marks): a minimum of 2 alone would be above the default
    // replication factor of 1 and reject every acks=all write, and 3 copies do not fit on two brokers: no fix.
    assert.deepEqual(found[0].fixes?.map((f) => f.title), []);
    const missing = of(r.findings, 'broker/replication-factor-too-low').filter((f) => covered(r.text, f) === 'environment');
    assert.ok(missing.length > 0 && missing.every((f) => (f.fixes ?? []).length === 0));
  });
});

describe('compose: cluster size', () => {
  const three = lines(
    'services:',
    '  controller:',
    '    image: apache/kafka:3.9.0',
    '    environment:',
    '      KAFKA_PROCESS_ROLES: controller',
    '      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@controller:9093',
    '      CLUSTER_ID: abc',
    '  kafka-1:',
    '    image: apache/kafka:3.9.0',
    '    environment:',
    '      KAFKA_PROCESS_ROLES: broker',
    '      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@controller:9093',
    '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3',
    '  kafka-2:',
    '    image: apache/kafka:3.9.0',
    '    environment:',
    '      KAFKA_PROCESS_ROLES: broker',
    '      CLUSTER_ID: abc',
    '  other:',
    '    image: apache/kafka:3.9.0',
    '    environment:',
    '      CLUSTER_ID: other',
  );

  it('counts the data brokers of each cluster, not controllers', () => {
    const doc = analyzeConfig(PATH, three);
    assert.deepEqual(
      brokers(doc).map((g) => [g.roles, g.links?.brokerCount]),
      [
        [[], 2],
        [['broker'], 2],
        [['broker'], 2],
        [['broker'], 1],
      ],
    );
  });

  it("does not judge a KRaft controller's internal-topic settings, which only brokers use (apache/kafka docker/examples cluster/isolated)", () => {
    const node = (name: string, roles: string, id: number): string[] => [
      `  ${name}:`,
      '    image: apache/kafka:3.9.0',
      '    environment:',
      `      KAFKA_NODE_ID: ${id}`,
      `      KAFKA_PROCESS_ROLES: '${roles}'`,
      "      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@controller-1:9093'",
      "      CLUSTER_ID: '4L6g3nShT-eMCtK--X86sw'",
      `      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: ${roles === 'broker' ? '[|1|]' : 1}`,
      `      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: ${roles === 'broker' ? '[|1|]' : 1}`,
      `      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: ${roles === 'broker' ? '[|1|]' : 1}`,
    ];
    const r = lintConfig(PATH, lines('services:', ...node('controller-1', 'controller', 1), ...node('broker-1', 'broker', 4)));
    const internal = r.findings.filter((f) => ['broker/replication-factor-too-low', 'broker/min-insync-replicas-too-low'].includes(f.ruleId) && f.range.start !== r.document.groups[1].anchor.start);
    assert.deepEqual(internal.map((f) => f.range).sort((a, b) => a.start - b.start), r.ranges);
    // Nor measures them against the brokers, or each other.
    const high = lintConfig(PATH, lines('services:', ...node('controller-1', 'controller', 1).map((l) => l.replace(/: 1$/, ': 3')), ...node('broker-1', 'broker', 4)));
    const controllerLines = high.text.slice(0, high.text.indexOf('  broker-1:')).length;
    const onController = high.findings.filter((f) => f.range.start < controllerLines && f.ruleId.startsWith('broker/'));
    assert.deepEqual(onController.map((f) => f.ruleId), []);
  });

  it('reports a replication factor above the brokers of its cluster, with a fix that is not preferred', () => {
    const r = lintConfig(PATH, three.replace('KAFKA_DEFAULT_REPLICATION_FACTOR: 3', 'KAFKA_DEFAULT_REPLICATION_FACTOR: [|3|]'));
    const [f, ...rest] = of(r.findings, 'broker/replication-factor-above-broker-count').filter((x) => x.severity === 'error');
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    assert.match(f.message, /^Broker stage: default\.replication\.factor=3, but the number of brokers in this cluster is 2: Kafka cannot place 3 replicas on it/);
    const fix = fixTitled(f, 'Set default.replication.factor=2 (as many as there are brokers)');
    assert.equal(fix.preferred, false);
    assert.equal(applyFix(r.text, fix), r.text.replace('KAFKA_DEFAULT_REPLICATION_FACTOR: 3', 'KAFKA_DEFAULT_REPLICATION_FACTOR: 2'));
  });

  it('reports internal-topic defaults a single broker cannot meet, and no min.insync.replicas fix that would stop writes', () => {
    const r = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka:latest', '    [|environment|]:', '      KAFKA_MIN_INSYNC_REPLICAS: 1'));
    const found = of(r.findings, 'broker/replication-factor-above-broker-count');
    assert.deepEqual(
      found.map((f) => [f.severity, f.message.split(', but ')[0], covered(r.text, f)]),
      [
        ['warning', 'Broker stage: offsets.topic.replication.factor is unset, and Kafka 4.1 defaults it to 3', 'environment'],
        ['warning', 'Broker stage: transaction.state.log.replication.factor is unset, and Kafka 4.1 defaults it to 3', 'environment'],
        ['warning', 'Broker stage: share.coordinator.state.topic.replication.factor is unset, and Kafka 4.1 defaults it to 3', 'environment'],
        ['warning', 'Broker stage: transaction.state.log.min.isr is unset, and Kafka 4.1 defaults it to 2', 'environment'],
        ['warning', 'Broker stage: share.coordinator.state.topic.min.isr is unset, and Kafka 4.1 defaults it to 2', 'environment'],
      ],
    );
    const offsets = fixTitled(found[0], 'Add offsets.topic.replication.factor=1 (as many as there are brokers)');
    assert.equal(applyFix(r.text, offsets), r.text.replace('REPLICAS: 1\n', 'REPLICAS: 1\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n'));
    const [isr] = of(r.findings, 'broker/min-insync-replicas-too-low');
    assert.deepEqual(isr.fixes, [], 'min.insync.replicas=2 on one broker would reject every acks=all write');
  });

  it('leaves out the share-group state topic for a ZooKeeper-mode broker (Kafka 3.x at most)', () => {
    const r = lintConfig(PATH, lines('services:', '  kafka:', '    image: confluentinc/cp-kafka:7.6.0', '    environment:', '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181'));
    assert.deepEqual(
      of(r.findings, 'broker/replication-factor-above-broker-count').map((f) => f.message.split(' ')[2]),
      ['offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr'],
    );
  });

  it("takes defaults at the Kafka version of the image tag, not the configured one", () => {
    const r = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka:3.9.0', '    environment:', '      KAFKA_MIN_INSYNC_REPLICAS: 1'));
    assert.deepEqual(
      of(r.findings, 'broker/replication-factor-above-broker-count').map((f) => f.message.split(', but ')[0]),
      [
        'Broker stage: offsets.topic.replication.factor is unset, and Kafka 3.9.0 defaults it to 3',
        'Broker stage: transaction.state.log.replication.factor is unset, and Kafka 3.9.0 defaults it to 3',
        'Broker stage: transaction.state.log.min.isr is unset, and Kafka 3.9.0 defaults it to 2',
      ],
    );
    assert.equal(r.document.groups[0].kafkaVersion, '3.9.0');
    assert.equal(analyzeConfig(PATH, lines('services:', '  k:', '    image: bitnami/kafka:3.7.0-debian-12-r4')).groups[0].kafkaVersion, '3.7.0');
    // Confluent Platform tags name the Kafka release they ship: 7.6 runs Kafka 3.6, 5.3 Kafka 2.3.
    assert.equal(analyzeConfig(PATH, lines('services:', '  k:', '    image: confluentinc/cp-kafka:7.6.0')).groups[0].kafkaVersion, '3.6');
    assert.equal(analyzeConfig(PATH, lines('services:', '  k:', '    image: confluentinc/cp-server:5.3.1')).groups[0].kafkaVersion, '2.3');
    assert.equal(analyzeConfig(PATH, lines('services:', '  k:', '    image: confluentinc/cp-kafka:latest')).groups[0].kafkaVersion, undefined);
    assert.equal(analyzeConfig(PATH, lines('services:', '  k:', '    image: confluentinc/cp-kafka:9.9.0')).groups[0].kafkaVersion, undefined);
    const old = lintConfig(PATH, lines('services:', '  kafka:', '    image: confluentinc/cp-kafka:5.3.1', '    environment:', '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181'));
    assert.match(of(old.findings, 'broker/replication-factor-above-broker-count')[0].message, /^Broker stage: offsets\.topic\.replication\.factor is unset, and Kafka 2\.3 defaults it to 3/);
  });

  it('is quiet when the cluster is large enough', () => {
    const text = lines(
      ...[1, 2, 3].flatMap((n) => [`  kafka-${n}:`, '    image: apache/kafka:3.9.0', '    environment:', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3', '      KAFKA_MIN_INSYNC_REPLICAS: 2']),
    );
    assert.deepEqual(of(lintConfig(PATH, `services:\n${text}`).findings, 'broker/replication-factor-above-broker-count'), []);
  });
});

describe('compose: what a service runs (command, entrypoint)', () => {
  const broker = ['  kafka:', '    image: confluentinc/cp-kafka:7.6.0', '    environment:', '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3'];

  it('a container of a Kafka image that only runs its tools is no broker: not read, not counted', () => {
    // Trendyol/kafka-konsumer's examples: a cp-kafka container that creates the topics, then exits.
    const tools = lines(
      'services:',
      ...broker,
      '  kafka-create-topics:',
      '    image: confluentinc/cp-kafka:7.6.0',
      '    command: ["bash", "./create-topics.sh"]',
      '    environment:',
      '      KAFKA_BROKER_ID: ignored',
      '      KAFKA_ZOOKEEPER_CONNECT: ignored',
      '  init-kafka:',
      '    image: confluentinc/cp-kafka:7.6.0',
      "    entrypoint: ['/bin/sh', '-c']",
      '    command: |',
      '      kafka-topics --bootstrap-server kafka:9092 --create --if-not-exists --topic orders --replication-factor 1',
    );
    const doc = analyzeConfig(PATH, tools);
    assert.deepEqual(brokers(doc).map((g) => [g.roles, g.links?.brokerCount, g.entries.map((e) => e.key)]), [[['broker'], 1, ['zookeeper.connect', 'default.replication.factor']]]);
    const r = lintConfig(PATH, tools);
    assert.ok(r.findings.every((f) => f.range.start < tools.indexOf('kafka-create-topics')), 'no finding on the tool containers');
  });

  it("a command that still runs the image's own start is the broker it was; one that starts Kafka from a file is a broker whose variables are not read", () => {
    const wrapped = lines('services:', ...broker, '    command: bash -c "sleep 5 && /etc/confluent/docker/run"');
    assert.deepEqual(analyzeConfig(PATH, wrapped).groups.map((g) => [g.roles, g.entries.length]), [[['broker'], 2]]);
    const bitnami = lines('services:', '  kafka:', '    image: bitnami/kafka:3.7', '    command: /opt/bitnami/scripts/kafka/run.sh', '    environment:', '      KAFKA_CFG_MIN_INSYNC_REPLICAS: 1');
    const b = lintConfig(PATH, bitnami);
    assert.ok(of(b.findings, 'broker/min-insync-replicas-too-low').some((f) => f.range.start > bitnami.indexOf('KAFKA_CFG_MIN') && covered(b.text, f) === '1'));
    const fromFile = lines(
      'services:',
      ...broker,
      '    command: kafka-server-start /etc/kafka/custom/server.properties',
      '  kafka-2:',
      '    image: confluentinc/cp-kafka:7.6.0',
      '    environment:',
      '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181',
      '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3',
    );
    const doc = analyzeConfig(PATH, fromFile);
    // Both are brokers of the cluster; the first one's variables never reach its configuration.
    assert.deepEqual(brokers(doc).map((g) => [g.roles, g.links?.brokerCount, g.entries.length]), [
      [[], 2, 0],
      [['broker'], 2, 2],
    ]);
  });
});

describe('compose: settings the file cannot see', () => {
  it('a Bitnami service that mounts server.properties: its variables are ignored by the image, so not read', () => {
    const doc = analyzeConfig(
      PATH,
      lines('services:', '  kafka:', '    image: bitnami/kafka:3.7', '    volumes:', '      - ./server.properties:/bitnami/kafka/config/server.properties:ro', '    environment:', '      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=true'),
    );
    assert.deepEqual(brokers(doc).map((g) => [g.roles, g.entries.length, g.links?.brokerCount]), [[[], 0, 1]]);
    assert.deepEqual(lint(doc, DEFAULT_OPTIONS), []);
  });

  it('a service with an env_file: explicit settings are checked, unset ones are not', () => {
    const r = lintConfig(PATH, lines('services:', '  kafka:', '    image: apache/kafka', '    env_file: kafka.env', '    environment:', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: true'));
    assert.deepEqual(
      r.findings.map((f) => f.ruleId),
      ['broker/unclean-leader-election'],
    );
  });
  it('an apache/kafka service mounting /mnt/shared/config: its variables are appended to that server.properties, so unset ones are not reported (found on apache/kafka docker/examples)', () => {
    const r = lintConfig(
      PATH,
      lines(
        'services:',
        '  broker:',
        '    image: apache/kafka:3.9.0',
        '    volumes:',
        '      - ../fixtures/file-input:/mnt/shared/config',
        '    environment:',
        '      KAFKA_NODE_ID: 1',
        "      KAFKA_PROCESS_ROLES: 'broker,controller'",
        '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: [|true|]',
      ),
    );
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range]),
      [['broker/unclean-leader-election', r.ranges[0]]],
    );
  });
});

describe('compose: Kafka Connect services (cp-kafka-connect)', () => {
  it("reads CONNECT_PRODUCER_* and CONNECT_CONSUMER_* as the clients Connect creates, with Connect's defaults", () => {
    const r = lintConfig(
      PATH,
      lines(
        'services:',
        '  connect:',
        '    image: confluentinc/cp-kafka-connect:7.6.0',
        '    environment:',
        '      CONNECT_BOOTSTRAP_SERVERS: kafka:29092',
        '      CONNECT_GROUP_ID: connect',
        '      CONNECT_PRODUCER_ACKS: [|0|]',
        '      CONNECT_CONSUMER_ENABLE_AUTO_COMMIT: "[|true|]"',
      ),
    );
    assert.deepEqual(r.document.groups.map((g) => [g.roles, g.library, g.entries.map((e) => e.key), g.links?.bootstrap]), [
      [['connect'], 'java', ['bootstrap.servers', 'group.id'], ['kafka:29092']],
      [['producer'], 'connect', ['acks'], ['kafka:29092']],
      [['consumer'], 'connect', ['enable.auto.commit'], ['kafka:29092']],
    ]);
    assert.deepEqual(of(r.findings, 'producer/acks-zero').map((f) => f.range), [r.ranges[0]]);
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled').map((f) => f.range), [r.ranges[1]]);
    assert.equal(applyFix(r.text, fixTitled(of(r.findings, 'producer/acks-zero')[0], 'Set acks=all')), r.text.replace('ACKS: 0', 'ACKS: all'));
    assert.deepEqual(of(r.findings, 'consumer/auto-offset-reset-latest'), []);
  });

  it('gives the worker and its clients the Kafka release of the image tag (confluentinc/demo-scene sonos: cp-kafka-connect:5.5.3 is Kafka 2.5)', () => {
    const doc = analyzeConfig(PATH, lines('services:', '  connect:', '    image: confluentinc/cp-kafka-connect:5.5.3', '    environment:', '      CONNECT_BOOTSTRAP_SERVERS: kafka:29092'));
    assert.deepEqual(doc.groups.map((g) => [g.roles, g.kafkaVersion]), [
      [['connect'], '2.5'],
      [['producer'], '2.5'],
      [['consumer'], '2.5'],
    ]);
    const latest = analyzeConfig(PATH, lines('services:', '  connect:', '    image: confluentinc/cp-kafka-connect', '    environment:', '      CONNECT_BOOTSTRAP_SERVERS: kafka:29092'));
    assert.deepEqual(latest.groups.map((g) => g.kafkaVersion), [undefined, undefined, undefined]);
  });

  it('is quiet about retries on a Kafka 2.0 worker: Connect before 2.1 set them to Integer.MAX_VALUE (confluentinc/demo-scene gcp-pipeline, cp-kafka-connect:5.0.0)', () => {
    const r = lintConfig(PATH, lines('services:', '  connect:', '    image: confluentinc/cp-kafka-connect:5.0.0', '    environment:', '      CONNECT_BOOTSTRAP_SERVERS: kafka:29092'));
    assert.equal(r.document.groups[1].kafkaVersion, '2.0');
    assert.deepEqual(of(r.findings, 'producer/retries-disabled'), []);
  });

  it('is quiet when the worker leaves its clients to Connect (acks=all, no auto-commit, earliest)', () => {
    const r = lintConfig(PATH, lines('services:', '  connect:', '    image: confluentinc/cp-kafka-connect', '    environment:', '      CONNECT_BOOTSTRAP_SERVERS: kafka:29092'));
    assert.deepEqual(r.findings, []);
  });
});

describe('compose: hovers', () => {
  it('explains a variable by the key it sets and the image rule, and the default an image sets', () => {
    const text = lines('services:', '  kafka:', '    image: bitnami/kafka', '    environment:', '      - KAFKA_CFG_OFFSETS_TOPIC_REPLICATION_FACTOR=3', '      - KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=3');
    const doc = analyzeConfig(PATH, text);
    const hover = hoverAt(doc, [], text.indexOf('KAFKA_CFG_OFFSETS') + 3, DEFAULT_OPTIONS);
    assert.ok(hover);
    assert.ok(hover.markdown.startsWith('**offsets.topic.replication.factor** · broker'), hover.markdown);
    assert.ok(hover.markdown.includes('Written here as `KAFKA_CFG_OFFSETS_TOPIC_REPLICATION_FACTOR`; Kafka reads it as `offsets.topic.replication.factor`.'));
    assert.ok(hover.markdown.includes('The bitnami/kafka image sets `offsets.topic.replication.factor` from `KAFKA_CFG_OFFSETS_TOPIC_REPLICATION_FACTOR`: it removes `KAFKA_CFG_`, reads every `_` as `.`, and lower-cases the rest.'));
    assert.ok(hover.markdown.includes('**Default** (set by bitnami/kafka when unset): `1`'), hover.markdown);
    assert.ok(hover.markdown.includes("Kafka's own default (Kafka 4.1): `3`"));
    const legacy = hoverAt(doc, [], text.indexOf('KAFKA_TRANSACTION') + 3, DEFAULT_OPTIONS);
    assert.ok(legacy?.markdown.includes('The bitnami/kafka image copies the older name `KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR` onto `KAFKA_CFG_TRANSACTION_STATE_LOG_REPLICATION_FACTOR`'));
  });
});

describe('compose: files that are not Kafka', () => {
  const files: [string, string][] = [
    ['postgres and redis', lines('services:', '  db:', '    image: postgres:16', '    environment:', '      POSTGRES_PASSWORD: x', '  cache:', '    image: redis:7')],
    ['a Kafka UI and ZooKeeper, no broker', lines('services:', '  ui:', '    image: provectuslabs/kafka-ui', '    environment:', '      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: kafka:9092', '  zk:', '    image: confluentinc/cp-zookeeper:7.6.0')],
    ['an application with KAFKA_ variables', lines('services:', '  app:', '    image: my/orders-service', '    environment:', '      KAFKA_BOOTSTRAP_SERVERS: kafka:9092', '      KAFKA_ACKS: "0"')],
    ['no services', lines('version: "3.8"', 'networks:', '  kafka: {}')],
    ['broken YAML', 'services:\n  kafka:\n    image: [apache/kafka\n'],
    ['binary', 'kafka\u0000\u0001'],
  ];
  for (const [name, text] of files) {
    it(`${name}: no finding`, () => {
      const doc = analyzeConfig(PATH, text);
      assert.equal(doc.isKafka, false);
      assert.deepEqual(lint(doc, DEFAULT_OPTIONS), []);
    });
  }
});

describe('compose: completion', () => {
  /** Completions at the `|` of `marked`. */
  function at(marked: string) {
    const offset = marked.indexOf('|');
    return completeAt(marked.replace('|', ''), offset, 'compose');
  }
  const head = 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n';

  it('offers the image spelling of broker keys in map form, with the key each sets', () => {
    const items = at(`${head}      KAFKA_CFG_MIN_IN|\n`);
    const item = items.find((i) => i.label === 'KAFKA_CFG_MIN_INSYNC_REPLICAS');
    assert.ok(item, items.slice(0, 5).map((i) => i.label).join(', '));
    assert.equal(item.insertText, 'KAFKA_CFG_MIN_INSYNC_REPLICAS: ');
    assert.match(item.detail ?? '', /^→ min\.insync\.replicas/);
    assert.ok(item.documentation?.startsWith('**min.insync.replicas**'));
    assert.ok(!items.some((i) => i.label.startsWith('KAFKA_') && !i.label.startsWith('KAFKA_CFG_')));
  });

  it('offers names in list form with `=`, and values after it', () => {
    const apache = 'services:\n  kafka:\n    image: apache/kafka\n    environment:\n';
    const names = at(`${apache}      - KAFKA_UNCLEAN|\n`);
    assert.equal(names.find((i) => i.label === 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE')?.insertText, 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=');
    const values = at(`${apache}      - KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=|\n`);
    assert.deepEqual(values.map((v) => v.label), ['false', 'true']);
    const mapValues = at(`${apache}      KAFKA_ACKS_IS_NOT_A_KEY: |\n`);
    assert.deepEqual(mapValues, []);
  });

  it('offers nothing outside a Kafka service environment', () => {
    assert.deepEqual(at('services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES|\n'), []);
    assert.deepEqual(at(`${head}    hostn|\n`), []);
  });
});
