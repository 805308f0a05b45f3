import * as assert from 'node:assert/strict';
import { analyzeConfig, documentKind } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { applyFix, covered, fixTitled, lintConfig, of } from './rules/helpers';

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

const WORKER = 'config/connect-distributed.properties';

describe('connect: worker .properties', () => {
  it('reads producer.* and consumer.* as the clients of the tasks, each prefix once, with its own group', () => {
    const r = lintConfig(
      WORKER,
      lines(
        'bootstrap.servers=kafka:9092',
        'group.id=connect-cluster',
        'key.converter=org.apache.kafka.connect.json.JsonConverter',
        'config.storage.topic=connect-configs',
        'producer.acks=[|1|]',
        'producer.bootstrap.servers=other:9092',
        'consumer.enable.auto.commit=[|true|]',
        'consumer.auto.offset.reset=[|latest|]',
      ),
    );
    assert.deepEqual(
      r.document.groups.map((g) => [g.roles, g.library, g.entries.map((e) => `${e.key}=${e.value}`), g.links?.bootstrap]),
      [
        [['connect'], 'java', ['bootstrap.servers=kafka:9092', 'group.id=connect-cluster', 'key.converter=org.apache.kafka.connect.json.JsonConverter', 'config.storage.topic=connect-configs'], ['kafka:9092']],
        [['producer'], 'connect', ['acks=1', 'bootstrap.servers=other:9092'], ['other:9092']],
        [['consumer'], 'connect', ['enable.auto.commit=true', 'auto.offset.reset=latest'], ['kafka:9092']],
      ],
    );
    assert.deepEqual(of(r.findings, 'producer/acks-leader-only').map((f) => f.range), [r.ranges[0]]);
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled').map((f) => f.range), [r.ranges[1]]);
    assert.deepEqual(of(r.findings, 'consumer/auto-offset-reset-latest').map((f) => f.range), [r.ranges[2]]);
    assert.equal(applyFix(r.text, fixTitled(of(r.findings, 'producer/acks-leader-only')[0], 'Set acks=all')), r.text.replace('producer.acks=1', 'producer.acks=all'));
    assert.deepEqual(of(r.findings, 'config/unknown-key'), []);
    assert.deepEqual(of(r.findings, 'config/duplicate-key'), []);
  });

  it("is quiet when the worker leaves its clients to Connect's defaults (acks=all, one request in flight, no auto-commit, earliest)", () => {
    const r = lintConfig(WORKER, lines('bootstrap.servers=kafka:9092', 'group.id=connect-cluster', 'offset.storage.topic=connect-offsets'));
    assert.deepEqual(r.findings.filter((f) => f.stage !== 'config'), []);
    assert.equal(r.document.groups.length, 3);
  });

  it('adds a missing client setting with its prefix', () => {
    const doc = analyzeConfig(WORKER, lines('bootstrap.servers=kafka:9092', 'group.id=c', 'key.converter=x'));
    const producer = doc.groups.find((g) => g.roles.includes('producer'));
    assert.deepEqual(producer?.insertEntry?.('acks', 'all'), { range: { start: doc.text.length, end: doc.text.length }, newText: 'producer.acks=all\n' });
  });
});

describe('connect: connector .properties', () => {
  it("leaves the connector plugin's own settings alone, and still checks the keys of its client overrides", () => {
    const r = lintConfig(
      'connectors/jdbc-sink.properties',
      lines(
        'name=jdbc-sink-orders',
        'connector.class=io.confluent.connect.jdbc.JdbcSinkConnector',
        'topics=orders',
        'connection.url=jdbc:postgresql://postgres:5432/shop',
        'insert.mode=upsert',
        'pk.mode=record_key',
        '[|consumer.override.auto.ofset.reset|]=earliest',
      ),
    );
    assert.deepEqual(of(r.findings, 'config/unknown-key').map((f) => [f.range, f.message]), [
      [r.ranges[0], 'Consumer stage: Kafka does not know auto.ofset.reset and only logs it as unused, so this setting never takes effect; did you mean auto.offset.reset?'],
    ]);
  });

  it('reads *.override.* as this connector’s clients, sink topics and the dead letter queue as links', () => {
    const r = lintConfig(
      'connectors/jdbc-sink.properties',
      lines(
        'name=jdbc-sink',
        'connector.class=io.confluent.connect.jdbc.JdbcSinkConnector',
        'topics=orders, payments',
        'errors.deadletterqueue.topic.name=orders-dlq',
        'consumer.override.enable.auto.commit=[|true|]',
        'producer.override.acks=[|0|]',
      ),
    );
    assert.deepEqual(r.document.groups.map((g) => [g.roles, g.library, g.entries.map((e) => e.key)]), [
      [['connect'], 'java', ['name', 'connector.class', 'topics', 'errors.deadletterqueue.topic.name']],
      [['producer'], 'connect', ['acks']],
      [['consumer'], 'connect', ['enable.auto.commit']],
    ]);
    const consumer = r.document.groups[2];
    assert.deepEqual(consumer.links?.topics?.map((t) => [t.name, t.use, covered(r.text, { range: t.range } as never)]), [
      ['orders', 'consumes', 'orders'],
      ['payments', 'consumes', 'payments'],
    ]);
    assert.deepEqual(r.document.groups[1].links?.topics?.map((t) => [t.name, t.use]), [['orders-dlq', 'produces']]);
    assert.deepEqual(of(r.findings, 'producer/acks-zero').map((f) => f.range), [r.ranges[1]]);
    assert.deepEqual(of(r.findings, 'consumer/auto-commit-enabled').map((f) => f.range), [r.ranges[0]]);
  });

  it('explains an override in the hover: which client, and the override policy', () => {
    const text = lines('name=s', 'connector.class=x.Sink', 'topics=t', 'consumer.override.max.poll.records=10');
    const doc = analyzeConfig('s.properties', text);
    const hover = hoverAt(doc, [], text.indexOf('consumer.override') + 2, DEFAULT_OPTIONS);
    assert.ok(hover?.markdown.startsWith('**max.poll.records** · consumer'), hover?.markdown);
    assert.ok(
      hover?.markdown.includes(
        "Kafka Connect sets `max.poll.records` from `consumer.override.max.poll.records` on this connector's consumer only, if the worker's `connector.client.config.override.policy` allows it: `All`, the default since Kafka 3.0, does; with `None`, the default before, the connector fails to start.",
      ),
    );
  });

  it("shows Connect's own default for the clients it creates", () => {
    const text = lines('name=s', 'connector.class=x.Source', 'producer.override.acks=all');
    const doc = analyzeConfig('s.properties', text);
    const hover = hoverAt(doc, [], text.indexOf('producer.override') + 2, DEFAULT_OPTIONS);
    assert.ok(hover?.markdown.includes('**Default** (set by Kafka Connect when unset): `all`'), hover?.markdown);
  });
});

describe('connect: JSON connector configurations', () => {
  const REST = [
    '{',
    '  "name": "jdbc-sink",',
    '  "config": {',
    '    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",',
    '    "connection.url": "jdbc:postgresql://db/orders",',
    '    "topics": "orders",',
    '    "consumer.override.enable.auto.commit": "[|true|]",',
    '    "consumer.override.auto.offset.reset": "lat\\u0065st",',
    '    "producer.override.acks": [|1|]',
    '  }',
    '}',
    '',
  ].join('\n');

  it('is read by its .json name', () => {
    assert.equal(documentKind('connectors/jdbc-sink.json'), 'connect-json');
    assert.equal(documentKind('untitled:1', 'json'), 'connect-json');
  });

  it('reports on the values with exact spans; fixes keep JSON valid (inside quotes, escapes, numbers)', () => {
    const r = lintConfig('jdbc-sink.json', REST);
    assert.equal(r.document.kind, 'connect-json');
    assert.equal(r.document.commentPrefix, '');
    const auto = of(r.findings, 'consumer/auto-commit-enabled');
    assert.deepEqual(auto.map((f) => f.range), [r.ranges[0]]);
    assert.equal(applyFix(r.text, auto[0].fixes![0]), r.text.replace('auto.commit": "true"', 'auto.commit": "false"'));
    const reset = of(r.findings, 'consumer/auto-offset-reset-latest');
    assert.equal(covered(r.text, reset[0]), '"lat\\u0065st"');
    assert.equal(applyFix(r.text, reset[0].fixes![0]), r.text.replace('"lat\\u0065st"', '"earliest"'));
    const acks = of(r.findings, 'producer/acks-leader-only');
    assert.deepEqual(acks.map((f) => covered(r.text, f)), ['1']);
    const fixed = applyFix(r.text, fixTitled(acks[0], 'Set acks=all'));
    assert.equal(fixed, r.text.replace('"producer.override.acks": 1', '"producer.override.acks": "all"'));
    assert.doesNotThrow(() => JSON.parse(fixed));
  });

  it('reads the bare map of PUT /connectors/<name>/config, and inserts after the last property', () => {
    const text = lines('{', '  "connector.class": "org.example.SourceConnector",', '  "producer.override.linger.ms": "5"', '}');
    const doc = analyzeConfig('source.json', text);
    const producer = doc.groups.find((g) => g.roles.includes('producer'));
    assert.deepEqual(producer?.entries.map((e) => [e.key, e.value]), [['linger.ms', '5']]);
    const edit = producer?.insertEntry?.('acks', 'all');
    assert.ok(edit);
    const out = `${text.slice(0, edit.range.start)}${edit.newText}${text.slice(edit.range.end)}`;
    assert.deepEqual(JSON.parse(out), { 'connector.class': 'org.example.SourceConnector', 'producer.override.linger.ms': '5', 'producer.override.acks': 'all' });
  });

  it('removes a property only where the JSON stays valid', () => {
    const doc = analyzeConfig('c.json', lines('{', '  "connector.class": "x",', '  "producer.override.retries": "0",', '  "producer.override.acks": "all"', '}'));
    const producer = doc.groups.find((g) => g.roles.includes('producer'))!;
    const [retries, acks] = producer.entries;
    assert.equal(doc.text.slice(retries.removeRange!.start, retries.removeRange!.end), '  "producer.override.retries": "0",\n');
    assert.equal(acks.removeRange, undefined);
  });

  it('reads "_comment" properties as the notes they are: repeated, they are no duplicate key (found on a real connector)', () => {
    const r = lintConfig(
      'connectors/elasticsearch-sink.json',
      lines(
        '{',
        '  "name": "elasticsearch-sink",',
        '  "config": {',
        '    "connector.class": "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",',
        '    "_comment": "--- Change Key/Value converters ---",',
        '    "key.converter": "org.apache.kafka.connect.storage.StringConverter",',
        '    "_comment": "--- The topic has no schema ---",',
        '    "//": "a note",',
        '    "schema.ignore": "true",',
        '    "tasks.max": "1",',
        '    "[|tasks.max|]": "2",',
        '    "tasks.max": "3"',
        '  }',
        '}',
      ),
    );
    const duplicates = of(r.findings, 'config/duplicate-key');
    // Only the real setting set three times is reported (its first two copies); the notes are not entries.
    assert.deepEqual(
      duplicates.map((f) => covered(r.text, f)),
      ['tasks.max', 'tasks.max'],
    );
    assert.deepEqual(duplicates[1].range, r.ranges[0]);
    assert.equal(r.document.groups.flatMap((g) => g.entries).some((e) => e.key.startsWith('_') || e.key === '//'), false);
  });

  const notKafka: [string, string][] = [
    ['package.json', '{ "name": "app", "version": "1.0.0", "dependencies": { "kafkajs": "^2.2.4" } }\n'],
    ['tsconfig.json', '{ "compilerOptions": { "strict": true } }\n'],
    ['data.json', '[{ "connector.class": 1 }]\n'],
    ['broken.json', '{ "connector.class": '],
    // Templates another program renders: no JSON holds `{{` or `{%` outside a string.
    [
      'charts/connect/files/sink.json',
      lines(
        '{',
        '  "name": "{{ .Release.Name }}-sink",',
        '  "config": {',
        '    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",',
        '    "tasks.max": {{ .Values.tasksMax }},',
        '    {{- if .Values.dlq }}',
        '    "errors.deadletterqueue.topic.name": "dlq",',
        '    {{- end }}',
        '    "consumer.override.auto.offset.reset": "latest"',
        '  }',
        '}',
      ),
    ],
    ['roles/connect/templates/sink.json', '{\n  "connector.class": "x",\n  {% if dlq %}"errors.tolerance": "all",{% endif %}\n  "producer.override.acks": "0"\n}\n'],
  ];
  for (const [name, text] of notKafka) {
    it(`${name}: no finding`, () => {
      const doc = analyzeConfig(name, text);
      assert.deepEqual(lint(doc, DEFAULT_OPTIONS), []);
    });
  }

  it('reads a placeholder inside a string (or a comment) as a value, not as a template of the file', () => {
    const doc = analyzeConfig('c.json', '{ "name": "{{CONNECTOR_NAME}}", "config": { "connector.class": "{{CLASS}}", "tasks.max": "{{TASKS}}", "producer.override.acks": "0" } }\n');
    assert.equal(doc.isKafka, true);
    assert.deepEqual(lint(doc, DEFAULT_OPTIONS).map((f) => f.ruleId), ['producer/acks-zero']);
    const commented = analyzeConfig('c.json', '{\n  // filled by {{ deploy.sh }}\n  "connector.class": "x", /* {% raw %} */\n  "producer.override.acks": "0"\n}\n');
    assert.deepEqual(lint(commented, DEFAULT_OPTIONS).map((f) => f.ruleId), ['producer/acks-zero']);
  });

  it('keeps findings in JSON being typed, without edits', () => {
    const doc = analyzeConfig('c.json', '{ "connector.class": "x", "producer.override.acks": "0", ');
    const findings = lint(doc, DEFAULT_OPTIONS);
    assert.equal(of(findings, 'producer/acks-zero').length, 1);
    assert.deepEqual(of(findings, 'producer/acks-zero')[0].fixes, []);
    assert.ok(doc.problems.length > 0);
  });
});
