import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import type { FileReport, StageStatus } from '../../../server/src/core/report/message-path';
import { fileReport, messagePath, relativeHref } from '../../../server/src/core/report/message-path';
import { onlyRules, PATH_FIXTURE, PATH_OPTIONS, reportsOf } from './fixtures';

const statuses = (files: readonly FileReport[]): Record<string, StageStatus> =>
  Object.fromEntries([...messagePath(files, ['4.1']).stages, messagePath(files, ['4.1']).hygiene].map((s) => [s.stage, s.status]));

describe('report: the message-path model', () => {
  const files = reportsOf(PATH_FIXTURE, PATH_OPTIONS);
  const report = messagePath(files, ['4.1']);
  const [producer, broker, consumer] = report.stages;

  it('has the three stages in the order a message travels, and hygiene beside them', () => {
    assert.deepEqual(
      report.stages.map((s) => s.stage),
      ['producer', 'broker', 'consumer'],
    );
    assert.equal(report.hygiene.stage, 'config');
  });

  it('judges each stage by its worst finding: error → fail, warning → risk, info → ok', () => {
    assert.deepEqual(
      [producer, broker, consumer].map((s) => [s.status, s.worst]),
      [
        ['fail', 'error'],
        ['ok', 'info'],
        ['risk', 'warning'],
      ],
    );
    assert.equal(report.hygiene.status, 'ok');
    assert.equal(report.hygiene.worst, undefined);
  });

  const cases: [string, Record<string, string>, Record<string, StageStatus>][] = [
    ['only a producer file', { 'p/producer.properties': 'acks=0\n' }, { producer: 'fail', broker: 'unseen', consumer: 'unseen', config: 'ok' }],
    ['a safe producer', { 'p/producer.properties': 'acks=all\n' }, { producer: 'ok', broker: 'unseen', consumer: 'unseen', config: 'ok' }],
    ['no Kafka file at all', { 'messages.properties': 'greeting=Hello\n' }, { producer: 'unseen', broker: 'unseen', consumer: 'unseen', config: 'unseen' }],
    ['a duplicate key (hygiene warning)', { 'producer.properties': 'acks=all\nacks=all\n' }, { producer: 'ok', broker: 'unseen', consumer: 'unseen', config: 'risk' }],
  ];
  for (const [name, fixture, expected] of cases) {
    it(`status per stage: ${name}`, () => {
      const options = onlyRules({ 'producer/acks-zero': 'default', 'config/duplicate-key': 'default' });
      assert.deepEqual(statuses(reportsOf(fixture, options)), expected);
    });
  }

  it('counts per severity and per rule, with every location', () => {
    assert.deepEqual(report.counts, { error: 1, warning: 1, info: 1, hint: 0 });
    assert.deepEqual(
      producer.rules.map((r) => ({ rule: r.rule, severity: r.severity, count: r.count, locations: r.locations })),
      [{ rule: 'producer/acks-zero', severity: 'error', count: 1, locations: [{ file: 'config/producer.properties', href: 'config/producer.properties', line: 2, column: 6 }] }],
    );
  });

  it('counts a rule once per finding, with its worst severity, in registry order', () => {
    const options = onlyRules({ 'producer/acks-zero': 'default', 'producer/retries-disabled': 'default' });
    const two = reportsOf({ 'a/producer.properties': 'acks=0\nretries=0\n', 'b/producer.properties': 'retries=0\nacks=0\n' }, options);
    const rules = messagePath(two, ['4.1']).stages[0].rules;
    assert.deepEqual(
      rules.map((r) => [r.rule, r.count, r.locations.map((l) => `${l.file}:${l.line}`)]),
      [
        ['producer/acks-zero', 2, ['a/producer.properties:1', 'b/producer.properties:2']],
        ['producer/retries-disabled', 2, ['a/producer.properties:2', 'b/producer.properties:1']],
      ],
    );
  });

  it('lists findings in file order, then by line, with 1-based positions and the message', () => {
    assert.deepEqual(
      consumer.findings.map((f) => [f.file, f.line, f.column, f.rule, f.severity]),
      [['config/consumer.properties', 3, 20, 'consumer/auto-commit-enabled', 'warning']],
    );
    assert.match(consumer.findings[0].message, /^Consumer stage: with enable\.auto\.commit=true /);
  });

  it('shows the settings that decide each stage: explicit ones with their line, defaults with their origin', () => {
    assert.deepEqual(
      consumer.settings.map((s) => [s.key, s.value, s.line, s.source, s.origin]),
      [
        ['enable.auto.commit', 'true', 3, 'file', undefined],
        ['auto.commit.interval.ms', '5000', null, 'default', { kind: 'kafka', version: '4.1' }],
        ['auto.offset.reset', 'latest', null, 'default', { kind: 'kafka', version: '4.1' }],
        ['isolation.level', 'read_uncommitted', null, 'default', { kind: 'kafka', version: '4.1' }],
      ],
    );
    const producerKeys = producer.settings.map((s) => s.key);
    assert.ok(!producerKeys.includes('bootstrap.servers'), 'not a durability key');
    assert.deepEqual(producer.settings[0], { stage: 'producer', key: 'acks', value: '0', file: 'config/producer.properties', href: 'config/producer.properties', line: 2, source: 'file' });
    assert.deepEqual(
      broker.settings.filter((s) => s.source === 'file').map((s) => [s.key, s.value, s.line]),
      [
        ['min.insync.replicas', '1', 3],
        ['default.replication.factor', '3', 4],
      ],
    );
  });

  it('uses the same effective values as kafka-lint config: the last occurrence wins', () => {
    const options = onlyRules({});
    const [f] = reportsOf({ 'producer.properties': 'acks=0\nlinger.ms=5\nacks=all\n' }, options);
    assert.deepEqual(
      f.settings.filter((s) => s.source === 'file').map((s) => [s.key, s.value, s.line]),
      [
        ['acks', 'all', 3],
        ['linger.ms', '5', 2],
      ],
    );
  });

  it('counts files checked and files with Kafka content; a non-Kafka file contributes nothing else', () => {
    assert.equal(report.filesChecked, 4);
    assert.equal(report.kafkaFiles, 3);
    const other = files.find((f) => f.file === 'i18n/messages.properties');
    assert.deepEqual(other, { file: 'i18n/messages.properties', href: 'i18n/messages.properties', kafka: false, stages: [], findings: [], settings: [] });
    assert.deepEqual(report.kafkaVersions, ['4.1']);
    assert.deepEqual(messagePath(files, ['4.1', '2.8', '4.1']).kafkaVersions, ['4.1', '2.8']);
  });

  it('puts client code on the stage its facts belong to (an unhandled send is the producer stage)', async () => {
    const text = 'import org.apache.kafka.clients.producer.*;\nclass P { void run(KafkaProducer<String, String> producer) { producer.send(new ProducerRecord<>("orders", "k", "v")); } }\n';
    const document = await analyze('src/P.java', text);
    const options = onlyRules({ 'producer/unhandled-send': 'default' });
    const f = fileReport({ file: 'src/P.java', href: 'src/P.java', document, findings: lint(document, options), kafkaVersion: '4.1' });
    assert.ok(f.stages.includes('producer'), JSON.stringify(f.stages));
    assert.deepEqual(
      f.findings.map((x) => [x.rule, x.line]),
      [['producer/unhandled-send', 2]],
    );
  });

  it('a FileReport is plain data: it survives JSON unchanged (the CLI workers and the server send it)', () => {
    for (const f of files) assert.deepEqual(JSON.parse(JSON.stringify(f)), f);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });

  describe('relativeHref', () => {
    const cases: [string, string][] = [
      ['config/producer.properties', 'config/producer.properties'],
      ['../up/a b.properties', '../up/a%20b.properties'],
      ['javascript:alert(1).properties', 'javascript%3Aalert(1).properties'],
      ['dir/x#y?z.properties', 'dir/x%23y%3Fz.properties'],
      ['<b>"q"</b>.yml', '%3Cb%3E%22q%22%3C/b%3E.yml'],
      ['./zürich.properties', './z%C3%BCrich.properties'],
    ];
    for (const [path, href] of cases) {
      it(`${JSON.stringify(path)} → ${JSON.stringify(href)}`, () => assert.equal(relativeHref(path), href));
    }
  });
});
