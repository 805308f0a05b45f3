import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/options';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';

/**
 * `.properties`, YAML and JSON files of the kinds real projects hold that are not Kafka configuration (or not
 * yet: a Helm template is Kafka configuration only once rendered), each in the shape
 * such files have in the wild: no finding (under today's defaults and under old ones, where more rules fire
 * on a file taken for Kafka), and no Kafka hover on any key or value. Each row names the lines that make the
 * file a trap, so that editing a fixture cannot silently remove what the row is about. The CLI suite runs
 * the same folder through the real process.
 */

export const NOT_KAFKA_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'real', 'not-kafka');

const OPTIONS: readonly LintOptions[] = [DEFAULT_OPTIONS, { ...DEFAULT_OPTIONS, kafkaVersion: '2.0' }];

/** Every fixture, as a path relative to the folder (the name matters to role detection). */
const TABLE: readonly { readonly file: string; readonly kind: string; readonly traps: readonly string[] }[] = [
  { file: 'order-service/src/main/resources/log4j.properties', kind: 'log4j with a Kafka appender', traps: ['log4j.appender.KAFKA.brokerList=localhost:9092', 'requiredNumAcks=1'] },
  { file: 'order-service/src/main/resources/log4j2.properties', kind: 'log4j2 with a Kafka appender', traps: ['appender.kafka.bootstrap.name = bootstrap.servers', 'appender.kafka.acks.value = 1'] },
  { file: 'kafka-dist/config/connect-log4j.properties', kind: "Kafka's own Connect logging config (a connect-* name)", traps: ['log4j.rootLogger=INFO, stdout, connectAppender'] },
  { file: 'kafka-dist/config/tools-log4j.properties', kind: "Kafka's own tools logging config", traps: ['log4j.rootLogger=WARN, stderr'] },
  { file: 'operator/default-logging/KafkaCluster.properties', kind: 'log4j2 config named after the Kafka component it is for (Strimzi does so)', traps: ['name = KafkaConfig', 'logger.kafka.name = kafka'] },
  { file: 'kafka-dist/config/kafka-logging.properties', kind: 'log4j 1 config with kafka in its name', traps: ['log4j.rootLogger=INFO, stdout, kafkaAppender', 'log4j.logger.kafka=INFO'] },
  { file: 'kafka-dist/config/zookeeper.properties', kind: "the ZooKeeper config Kafka ships", traps: ['dataDir=/tmp/zookeeper', 'clientPort=2181'] },
  { file: 'order-service/src/main/resources/hibernate.properties', kind: 'Hibernate', traps: ['hibernate.connection.isolation=2', 'hibernate.c3p0.timeout=300'] },
  { file: 'admin-console/src/main/resources/messages.properties', kind: 'i18n bundle, default locale', traps: ['acks=Acknowledgements', 'bootstrap.servers=Bootstrap servers', 'group.id=Consumer group', 'min.insync.replicas=Minimum in-sync replicas'] },
  { file: 'admin-console/src/main/resources/messages_de.properties', kind: 'i18n bundle, German', traps: ['acks=Best\\u00e4tigungen', 'enable.auto.commit=Offsets automatisch'] },
  { file: 'admin-console/src/main/resources/messages_fr.properties', kind: 'i18n bundle, French', traps: ['retries=Nouvelles tentatives', 'group.id=Groupe de consommateurs'] },
  { file: 'admin-console/src/main/resources/messages_zh_CN.properties', kind: 'i18n bundle, Simplified Chinese', traps: ['acks=\\u786e\\u8ba4', 'group.id=\\u6d88\\u8d39'] },
  { file: 'admin-console/src/main/resources/messages_pt_BR.properties', kind: 'i18n bundle, Brazilian Portuguese', traps: ['unclean.leader.election.enable=Elei', 'retries=Tentativas'] },
  { file: 'admin-console/src/main/resources/labels_es.properties', kind: 'labels bundle, Spanish', traps: ['delivery.timeout.ms=', 'max.in.flight.requests.per.connection='] },
  { file: 'admin-console/src/main/resources/ValidationMessages.properties', kind: 'Bean Validation messages', traps: ['replication.factor=Replication factor', 'retries=Retries'] },
  { file: 'order-service/gradle.properties', kind: 'Gradle', traps: ['kafkaVersion=3.9.1', 'org.gradle.jvmargs='] },
  { file: 'order-service/gradle/wrapper/gradle-wrapper.properties', kind: 'Gradle wrapper', traps: ['networkTimeout=10000'] },
  { file: 'order-service/.mvn/wrapper/maven-wrapper.properties', kind: 'Maven wrapper', traps: ['distributionUrl=https://repo.maven.apache.org'] },
  { file: 'order-service/flyway.properties', kind: 'Flyway', traps: ['flyway.connectRetries=10'] },
  { file: 'order-service/src/main/resources/liquibase.properties', kind: 'Liquibase', traps: ['changeLogFile=', 'driver=org.postgresql.Driver'] },
  { file: 'order-service/src/main/resources/application.properties', kind: 'Spring Boot without Kafka (RabbitMQ)', traps: ['spring.rabbitmq.listener.simple.acknowledge-mode=manual', 'logging.level.org.apache.kafka=WARN'] },
  { file: 'quarkus-inventory/src/main/resources/application.properties', kind: 'Quarkus without Kafka', traps: ['Retry/maxRetries=3', 'quarkus.log.category."org.apache.kafka".level=WARN'] },
  { file: 'webhooks/config/settings.properties', kind: 'application settings with retries, acks and timeout', traps: ['timeout=30', 'retries=3', 'acks=true', 'batch.size=100', 'client.id=webhook-dispatcher', 'compression.type=gzip'] },
  { file: 'reporting/src/main/resources/database.properties', kind: 'database pool settings', traps: ['isolation.level=READ_COMMITTED', 'request.timeout.ms=15000', 'session.timeout.ms=60000', 'retries=5'] },
  { file: 'billing/src/main/resources/mail.properties', kind: 'JavaMail', traps: ['mail.smtp.timeout=5000', 'mail.retries=3'] },
  { file: 'billing/src/main/resources/quartz.properties', kind: 'Quartz scheduler', traps: ['org.quartz.jobStore.isClustered=true'] },
  { file: 'billing/sonar-project.properties', kind: 'SonarQube', traps: ['sonar.sources=src/main/java'] },
  { file: 'minecraft/server.properties', kind: 'a Minecraft server.properties', traps: ['server-port=25565', 'max-players=20'] },
  { file: 'artemis/etc/broker.properties', kind: 'an ActiveMQ Artemis broker.properties', traps: ['persistenceEnabled=true', 'maxDeliveryAttempts=5'] },
  { file: 'confluent-platform/etc/ksqldb/ksql-server.properties', kind: 'a ksqlDB server config (a *-server name, http listeners, Kafka client keys)', traps: ['listeners=http://0.0.0.0:8088', 'bootstrap.servers=localhost:9092', 'ksql.streams.replication.factor=1'] },
  { file: 'confluent-platform/etc/schema-registry/schema-registry.properties', kind: 'a Schema Registry config (http listeners, its store under kafkastore.*)', traps: ['listeners=http://0.0.0.0:8081', 'kafkastore.topic=_schemas', 'schema.registry.group.id='] },
  { file: 'confluent-platform/etc/confluent-control-center/control-center.properties', kind: 'a Control Center config', traps: ['bootstrap.servers=localhost:9092', 'confluent.controlcenter.internal.topics.replication=1'] },
  { file: 'debezium-cassandra/config.properties', kind: "Debezium's Cassandra connector agent (converters, but no Connect worker)", traps: ['key.converter=org.apache.kafka.connect.json.JsonConverter', 'kafka.producer.bootstrap.servers=kafka:9092', 'commit.log.relocation.dir='] },
  { file: 'phalanx/applications/sasquatch/charts/strimzi-kafka/templates/kafka.yaml', kind: 'a Helm template of a Strimzi Kafka (Go template actions; its settings are .Values)', traps: ['{{- if .Values.kafka.pauseReconciliation }}', 'min.insync.replicas: {{ .Values.kafka.minInsyncReplicas }}', '{{ $key }}: {{ $value }}'] },
  { file: 'phalanx/applications/sasquatch/charts/app-metrics/templates/kafka-topics.yaml', kind: 'a Helm template of Strimzi KafkaTopics, one per value (a range)', traps: ['{{- range .Values.apps }}', 'strimzi.io/cluster: {{ $.Values.cluster.name }}'] },
];

/** Every `.properties`, YAML or JSON file under the folder, relative to it. */
function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? fixtureFiles(p) : /\.(properties|ya?ml|json)$/.test(n) ? [relative(NOT_KAFKA_DIR, p).replace(/\\/g, '/')] : [];
  });
}

describe('real files: .properties, YAML and JSON files that are not Kafka get no finding', () => {
  it('the table has at least 15 files and covers every fixture in the folder', () => {
    assert.ok(TABLE.length >= 15, `only ${TABLE.length} rows`);
    assert.deepEqual(fixtureFiles(NOT_KAFKA_DIR).sort(), TABLE.map((r) => r.file).sort());
  });

  for (const { file, kind, traps } of TABLE) {
    it(`${kind}: ${file}`, async () => {
      const text = readFileSync(join(NOT_KAFKA_DIR, file), 'utf8');
      for (const trap of traps) assert.ok(text.includes(trap), `fixture ${file} no longer contains ${trap}`);
      const doc = await analyze(file, text);
      assert.equal(doc.isKafka, false);
      for (const options of OPTIONS) {
        assert.deepEqual(
          lint(doc, options).map((f) => `${f.ruleId} at ${f.range.start}: ${f.message}`),
          [],
          `Kafka ${options.kafkaVersion}`,
        );
      }
      // No hover anywhere a key or a value is written: a Kafka explanation of `acks` would be wrong here.
      for (const group of doc.groups) {
        for (const entry of group.entries) {
          for (const offset of [entry.keyRange.start, entry.keyRange.end, entry.valueRange.start]) {
            assert.equal(hoverAt(doc, [], offset, DEFAULT_OPTIONS), undefined, `hover at ${offset} (${entry.key})`);
          }
        }
      }
    });
  }

  it('a genuinely Kafka key is still explained where the file is Kafka', async () => {
    const text = 'bootstrap.servers=kafka-1:9092\nacks=all\n';
    const doc = await analyze('src/main/resources/orders-producer.properties', text);
    const hover = hoverAt(doc, lint(doc), text.indexOf('acks') + 1, DEFAULT_OPTIONS);
    assert.match(hover?.markdown ?? '', /^\*\*acks\*\* · producer/);
  });
});
