import * as assert from 'node:assert/strict';
import { connectorTypeOf } from '../../../../server/src/core/connect/connect-groups';
import type { ConfigEntry } from '../../../../server/src/core/model';
import { normalizeOptions } from '../../../../server/src/core/options';
import { ruleById } from '../../../../server/src/core/rules/index';
import { lintConfig, of } from '../helpers';

const ID = 'consumer/errors-tolerance-all-without-dlq';

/** The message's end: what is lost and what to set. */
const TAIL =
  'this sink connector skips every record that fails conversion or a transform and commits its offset, keeping no copy ({log}). Set errors.deadletterqueue.topic.name, with errors.deadletterqueue.context.headers.enable=true and an errors.deadletterqueue.topic.replication.factor of at least 3, or keep errors.tolerance=none.';
const LOG_OFF = 'errors.log.enable is false, so not even the Connect log notes the failures';
const LOG_ON = 'errors.log.enable=true only writes each failure to the Connect log, never the record itself';
const LOG_UNKNOWN = 'at most the Connect log notes each failure';
const message = (dlq: 'unset' | 'empty', log: string): string =>
  `Consumer stage: errors.tolerance=all with ${dlq === 'unset' ? 'no errors.deadletterqueue.topic.name' : 'an empty errors.deadletterqueue.topic.name'}: ${TAIL.replace('{log}', log)}`;

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** A connector JSON as posted to the REST API; `config` are the lines inside `"config"`. */
const restJson = (...config: string[]): string => lines('{', '  "name": "orders-sink",', '  "config": {', config.map((c, i) => `    ${c}${i < config.length - 1 ? ',' : ''}`).join('\n'), '  }', '}');

const strimzi = (cls: string, ...config: string[]): string =>
  lines(
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: KafkaConnector',
    'metadata:',
    '  name: orders-sink',
    '  labels:',
    '    strimzi.io/cluster: connect',
    'spec:',
    `  class: ${cls}`,
    '  tasksMax: 1',
    '  config:',
    ...config.map((c) => `    ${c}`),
  );

describe(`rules: ${ID}`, () => {
  const fires: [string, string, string, string][] = [
    [
      'a JSON sink connector (REST API form) with no dead letter queue',
      'connectors/orders-sink.json',
      restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"', '"topics": "orders"', '"errors.tolerance": "[|all|]"'),
      message('unset', LOG_OFF),
    ],
    [
      'a bare JSON config map with an empty dead letter queue name and errors.log.enable=true',
      'orders-sink.json',
      lines('{', '  "connector.class": "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",', '  "topics": "orders",', '  "errors.tolerance": "[|all|]",', '  "errors.log.enable": "true",', '  "errors.deadletterqueue.topic.name": ""', '}'),
      message('empty', LOG_ON),
    ],
    [
      'a JSON sink whose class says neither, known as a sink by topics.regex, with a blank name and a placeholder for the log',
      'sink.json',
      lines('{', '  "connector.class": "com.example.Writer",', '  "topics.regex": "orders-.*",', '  "errors.tolerance": "[| all |]",', '  "errors.log.enable": "${file:/secrets:log}",', '  "errors.deadletterqueue.topic.name": "  "', '}'),
      message('empty', LOG_UNKNOWN),
    ],
    [
      'a connector .properties file (standalone mode)',
      'config/connect-file-sink.properties',
      lines('name=local-file-sink', 'connector.class=FileStreamSink', 'tasks.max=1', 'file=test.sink.txt', 'topics=connect-test', 'errors.tolerance=[|all|]', 'errors.log.enable=false'),
      message('unset', LOG_OFF),
    ],
    [
      'the last of two errors.tolerance lines',
      'config/sink.properties',
      lines('name=s', 'connector.class=io.confluent.connect.s3.S3SinkConnector', 'topics=a', 'errors.tolerance=none', 'errors.tolerance=[|all|]'),
      message('unset', LOG_OFF),
    ],
    [
      'a Strimzi KafkaConnector, a sink by its spec.class',
      'kafka-connector.yaml',
      strimzi('io.confluent.connect.jdbc.JdbcSinkConnector', 'topics: orders', 'errors.tolerance: [|all|]', 'errors.log.enable: true'),
      message('unset', LOG_ON),
    ],
  ];
  for (const [name, path, fixture, expected] of fires) {
    it(`reports ${name}, on the errors.tolerance value, with no fix`, () => {
      const r = lintConfig(path, fixture);
      const found = of(r.findings, ID);
      assert.equal(found.length, 1, JSON.stringify(r.findings.map((f) => f.ruleId)));
      assert.deepEqual(found[0].range, r.ranges[0]);
      assert.equal(r.text.slice(found[0].range.start, found[0].range.end).trim(), 'all');
      assert.equal(found[0].message, expected);
      assert.equal(found[0].severity, 'warning');
      assert.deepEqual(found[0].fixes ?? [], []);
      assert.deepEqual(of(r.findings, 'config/unknown-key'), []);
      assert.deepEqual(of(r.findings, 'config/invalid-value'), []);
    });
  }

  it('writes the message in Simplified Chinese', () => {
    const r = lintConfig('sink.json', restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"', '"topics": "orders"', '"errors.tolerance": "all"'), normalizeOptions({ locale: 'zh-cn' }).options);
    const [f] = of(r.findings, ID);
    assert.match(f.message, /^消费者阶段：errors\.tolerance=all 且没有设置 errors\.deadletterqueue\.topic\.name：这个目标端连接器会跳过/);
  });

  const quiet: [string, string, string][] = [
    [
      'a sink with a dead letter queue topic',
      'sink.json',
      restJson(
        '"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"',
        '"topics": "orders"',
        '"errors.tolerance": "all"',
        '"errors.deadletterqueue.topic.name": "dlq-orders"',
        '"errors.deadletterqueue.context.headers.enable": "true"',
        '"errors.deadletterqueue.topic.replication.factor": "3"',
      ),
    ],
    ['a sink whose dead letter queue name is a placeholder', 'sink.json', restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"', '"topics": "orders"', '"errors.tolerance": "all"', '"errors.deadletterqueue.topic.name": "${DLQ_TOPIC}"')],
    ['errors.tolerance=none', 'sink.json', restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"', '"topics": "orders"', '"errors.tolerance": "none"')],
    ['errors.tolerance unset (none by default)', 'sink.json', restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"', '"topics": "orders"')],
    ['errors.tolerance=ALL, which Connect refuses (the connector does not start)', 'sink.json', restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector"', '"topics": "orders"', '"errors.tolerance": "ALL"')],
    ['errors.tolerance as a placeholder', 'sink.properties', lines('name=s', 'connector.class=io.confluent.connect.s3.S3SinkConnector', 'topics=a', 'errors.tolerance=${TOLERANCE}')],
    ['a source connector (JSON): no dead letter queue exists for it', 'source.json', restJson('"connector.class": "io.confluent.connect.jdbc.JdbcSourceConnector"', '"topic.prefix": "db-"', '"errors.tolerance": "all"')],
    ['a Debezium source, whose class says neither and which names no topics', 'inventory.json', restJson('"connector.class": "io.debezium.connector.postgresql.PostgresConnector"', '"topic.prefix": "dbserver1"', '"errors.tolerance": "all"')],
    ['MirrorMaker 2\'s source, although it takes a topics setting', 'mm2.properties', lines('name=mm2', 'connector.class=org.apache.kafka.connect.mirror.MirrorSourceConnector', 'topics=.*', 'errors.tolerance=all')],
    ['a Strimzi KafkaConnector whose spec.class is a source', 'kafka-connector.yaml', strimzi('org.apache.kafka.connect.mirror.MirrorSourceConnector', 'topics: orders', 'errors.tolerance: all')],
    ['a Connect worker file (errors.tolerance is not a worker setting)', 'connect-distributed.properties', lines('bootstrap.servers=kafka:9092', 'group.id=connect', 'key.converter=org.apache.kafka.connect.json.JsonConverter', 'offset.storage.topic=offsets', 'errors.tolerance=all')],
    ['JSON that is not Kafka configuration', 'package.json', lines('{', '  "name": "app",', '  "errors.tolerance": "all",', '  "topics": "orders"', '}')],
  ];
  for (const [name, path, fixture] of quiet) {
    it(`stays quiet on ${name}`, () => {
      assert.ok(ruleById(ID), 'the rule is registered');
      assert.deepEqual(of(lintConfig(path, fixture).findings, ID), []);
    });
  }
});

describe('connect: connectorTypeOf', () => {
  const entry = (key: string, value: string): ConfigEntry => ({ key, value, rawKey: key, identity: key, keyRange: { start: 0, end: 0 }, valueRange: { start: 0, end: 0 } }) as ConfigEntry;
  const cases: [string | undefined, [string, string][], 'sink' | 'source' | undefined][] = [
    [undefined, [['connector.class', 'io.confluent.connect.jdbc.JdbcSinkConnector']], 'sink'],
    [undefined, [['connector.class', 'FileStreamSink']], 'sink'],
    [undefined, [['connector.class', 'FileStreamSource'], ['topics', 'x']], 'source'],
    [undefined, [['connector.class', 'com.example.KubernetesResourceConnector']], undefined],
    [undefined, [['connector.class', 'com.example.KubernetesResourceConnector'], ['topics', 'x']], 'sink'],
    [undefined, [['connector.class', 'io.debezium.connector.mysql.MySqlConnector']], undefined],
    [undefined, [['connector.class', '${CLASS}'], ['topics', '']], undefined],
    [undefined, [['topics', ''], ['topics.regex', 'a.*']], 'sink'],
    ['io.example.Sink', [], 'sink'],
    ['io.example.MirrorSourceConnector', [['topics', 'x']], 'source'],
  ];
  for (const [cls, entries, expected] of cases) {
    it(`${cls ?? JSON.stringify(entries)} → ${expected ?? 'unknown'}`, () => {
      assert.equal(
        connectorTypeOf(
          cls,
          entries.map(([k, v]) => entry(k, v)),
        ),
        expected,
      );
    });
  }
});
