import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument, Finding } from '../../server/src/core/model';
import { at } from './ranges';

let n = 0;
function scan(text: string, ext = 'ts'): Promise<AnalyzedDocument> {
  return analyze(`mem://scanner-js-${n++}.${ext}`, text);
}

async function findings(text: string, ext = 'ts'): Promise<Finding[]> {
  return lint(await scan(text, ext));
}

function only(list: Finding[], ruleId: string): Finding[] {
  return list.filter((f) => f.ruleId === ruleId);
}

/** The text after applying the finding's first (preferred) fix. */
function fixed(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
  assert.ok(fix, `no fix on ${finding.ruleId}`);
  return applyEdits(text, fix.edits);
}

const fixture = (rel: string): string => readFileSync(join(__dirname, '../../../test/fixtures/code', rel), 'utf8');

const KAFKAJS = `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'app', brokers: ['b:9092'] });\n`;

describe('scanner-javascript: config model', () => {
  it('maps kafkajs producer options to Kafka keys with exact ranges', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer({ idempotent: false, retry: { retries: 0 }, maxInFlightRequests: 10 });\n`;
    const doc = await scan(text);
    assert.equal(doc.isKafka, true);
    assert.equal(doc.commentPrefix, '//');
    assert.equal(doc.groups.length, 1);
    const g = doc.groups[0];
    assert.deepEqual(g.roles, ['producer']);
    assert.equal(g.library, 'kafkajs');
    assert.deepEqual(g.anchor, at(text, 'kafka.producer'));
    assert.deepEqual(
      g.entries.map((e) => [e.key, e.value, e.rawKey, e.identity, e.role]),
      [
        ['enable.idempotence', 'false', 'idempotent', '0:enable.idempotence', 'producer'],
        ['retries', '0', 'retry.retries', '0:retries', 'producer'],
        ['max.in.flight.requests.per.connection', '10', 'maxInFlightRequests', '0:max.in.flight.requests.per.connection', 'producer'],
      ],
    );
    assert.deepEqual(g.entries[0].keyRange, at(text, 'idempotent'));
    assert.deepEqual(g.entries[0].valueRange, at(text, 'false'));
    assert.deepEqual(g.entries[1].keyRange, at(text, 'retries'));
    assert.deepEqual(g.entries[1].valueRange, { start: text.indexOf('retries: 0') + 9, end: text.indexOf('retries: 0') + 10 });
    assert.equal(g.entries[0].renderValue?.('true'), 'true');
  });

  it('puts a kafkajs send() acks in a group of its own, with no role (unset settings of one send say nothing)', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go() {\n  await producer.send({ topic: 't', messages: [], acks: 1 });\n}\n`;
    const doc = await scan(text);
    assert.equal(doc.groups.length, 2);
    const send = doc.groups[1];
    assert.deepEqual(send.roles, []);
    assert.equal(send.entries[0].key, 'acks');
    assert.equal(send.entries[0].value, '1');
    assert.deepEqual(send.entries[0].valueRange, { start: text.indexOf('acks: 1') + 6, end: text.indexOf('acks: 1') + 7 });
    assert.equal(send.entries[0].renderValue?.('all'), '-1');
    assert.equal(send.entries[0].renderValue?.('2'), undefined);
  });

  it('reads @confluentinc/kafka-javascript KafkaJS options and raw librdkafka keys', async () => {
    const text = [
      `const { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS;`,
      `const kafka = new Kafka({ kafkaJS: { brokers: ['b:9092'] } });`,
      `const producer = kafka.producer({ 'linger.ms': 5, kafkaJS: { acks: 0, idempotent: false } });`,
      `const consumer = kafka.consumer({ 'enable.auto.commit': true, kafkaJS: { groupId: 'g', fromBeginning: false } });`,
      '',
    ].join('\n');
    const doc = await scan(text, 'js');
    assert.equal(doc.kind, 'javascript');
    assert.deepEqual(
      doc.groups.map((g) => [g.library, g.roles.join(), g.entries.map((e) => `${e.key}=${e.value}`).join(' ')]),
      [
        ['confluent-js', 'producer', 'linger.ms=5 acks=0 enable.idempotence=false'],
        // The promisified consumer stores offsets only after the handler: its raw enable.auto.commit is not read.
        ['confluent-js', 'consumer', 'group.id=g auto.offset.reset=latest'],
      ],
    );
    assert.equal(doc.groups[0].entries[1].renderValue?.('all'), '-1');
    assert.equal(doc.groups[1].entries[1].renderValue?.('earliest'), 'true');
  });

  it('reads the node-rdkafka style API (global and topic config) with librdkafka defaults and values', async () => {
    const text = [
      `const Kafka = require('@confluentinc/kafka-javascript');`,
      `const consumer = new Kafka.KafkaConsumer({ 'group.id': 'g', "enable.auto.commit": true }, { 'auto.offset.reset': 'largest' });`,
      '',
    ].join('\n');
    const doc = await scan(text, 'js');
    const g = doc.groups[0];
    assert.equal(g.library, 'librdkafka');
    assert.deepEqual(g.roles, ['consumer']);
    assert.deepEqual(g.anchor, at(text, 'new Kafka.KafkaConsumer'));
    assert.deepEqual(g.entries.map((e) => `${e.key}=${e.value}`), ['group.id=g', 'enable.auto.commit=true', 'auto.offset.reset=latest']);
    assert.deepEqual(g.entries[1].keyRange, at(text, '"enable.auto.commit"'));
    assert.equal(g.entries[1].renderValue?.('false'), 'false');
    assert.equal(g.entries[2].renderValue?.('earliest'), "'earliest'");
  });

  it('links subscribe({ fromBeginning }) to the consumer made in the file', async () => {
    const text = `${KAFKAJS}const consumer = kafka.consumer({ groupId: 'g' });\nawait consumer.subscribe({ topics: ['t'], fromBeginning: true });\n`;
    const doc = await scan(text);
    assert.equal(doc.groups.length, 1);
    assert.deepEqual(doc.groups[0].entries.map((e) => `${e.key}=${e.value}`), ['group.id=g', 'auto.offset.reset=earliest']);
    assert.deepEqual(doc.groups[0].entries[1].keyRange, at(text, 'fromBeginning'));
  });

  it('follows options held in a variable and spreads; an unknown spread drops the roles (no unset findings)', async () => {
    const text = `${KAFKAJS}const base = { idempotent: true };\nconst opts = { ...base, retry: { retries: 3 } };\nconst p1 = kafka.producer(opts);\nconst p2 = kafka.producer({ ...loadConfig() });\nconst p3 = kafka.producer(config());\n`;
    const doc = await scan(text);
    assert.deepEqual(
      doc.groups.map((g) => [g.roles.join(), g.entries.map((e) => `${e.key}=${e.value}`).join(' ')]),
      [
        ['producer', 'enable.idempotence=true retries=3'],
        ['', ''],
        ['', ''],
      ],
    );
  });

  it('keeps computed values as placeholders that rules leave alone', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer({ idempotent: process.env.IDEMPOTENT === '1' });\n`;
    const doc = await scan(text);
    assert.equal(doc.groups[0].entries[0].value, "${process.env.IDEMPOTENT === '1'}");
    assert.deepEqual(only(lint(doc), 'producer/idempotence-disabled'), []);
  });

  it('resolves aliases, namespaces, default imports, fields, constructor parameters and typed parameters', async () => {
    const text = [
      `import * as kjs from 'kafkajs';`,
      `import type { Producer as P } from 'kafkajs';`,
      `class Publisher {`,
      `  private readonly kafka = new kjs.Kafka({ brokers: [] });`,
      `  private producer = this.kafka.producer({ idempotent: false });`,
      `  constructor(private readonly other: P) {}`,
      `  publish(p: P | undefined) {`,
      `    this.producer.send({ topic: 't', messages: [] });`,
      `    this.other.send({ topic: 't', messages: [] });`,
      `    p!.send({ topic: 't', messages: [] });`,
      `  }`,
      `}`,
      '',
    ].join('\n');
    const doc = await scan(text);
    assert.equal(doc.groups.length, 1);
    assert.deepEqual(doc.groups[0].entries.map((e) => e.key), ['enable.idempotence']);
    assert.deepEqual(
      doc.facts.map((f) => f.range),
      [at(text, 'this.producer.send'), at(text, 'this.other.send'), at(text, 'p!.send')],
    );
  });

  it('is not Kafka without a Kafka import, and never throws on half-typed or binary input', async () => {
    assert.equal((await scan(`const producer = kafka.producer({ idempotent: false });\nproducer.send({});\n`)).isKafka, false);
    const half = `${KAFKAJS}const producer = kafka.producer({ idempotent: fal\nasync function f() { producer.send({ topic: `;
    const doc = await scan(half);
    assert.equal(doc.isKafka, true);
    const binary = `import 'kafkajs';\n\u0000\u0001\uffff\ud800${'('.repeat(2000)}`;
    assert.equal((await scan(binary)).isKafka, true);
    assert.deepEqual(lint(await scan(binary)), []);
  });
});

describe('scanner-javascript: config findings and fixes', () => {
  it('acks: 1 on a kafkajs send → producer/acks-leader-only, fixed to acks: -1', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nexport async function go() {\n  await producer.send({ topic: 't', messages: [], acks: 1 });\n}\n`;
    const [f] = only(await findings(text), 'producer/acks-leader-only');
    assert.deepEqual(f.range, { start: text.indexOf('acks: 1') + 6, end: text.indexOf('acks: 1') + 7 });
    assert.equal(fixed(text, f), text.replace('acks: 1', 'acks: -1'));
  });

  it('acks: 0 in confluent-js kafkaJS options → producer/acks-zero, fixed to acks: -1', async () => {
    const text = `const { KafkaJS } = require('@confluentinc/kafka-javascript');\nconst producer = new KafkaJS.Kafka({}).producer({ kafkaJS: { acks: 0 } });\n`;
    const [f] = only(await findings(text, 'js'), 'producer/acks-zero');
    assert.deepEqual(f.range, { start: text.indexOf('acks: 0') + 6, end: text.indexOf('acks: 0') + 7 });
    assert.equal(fixed(text, f), text.replace('acks: 0', 'acks: -1'));
  });

  it('retries: 0 → producer/retries-disabled with a fix that removes only that property', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer({\n  retry: {\n    initialRetryTime: 100,\n    retries: 0,\n  },\n});\n`;
    const [f] = only(await findings(text), 'producer/retries-disabled');
    assert.deepEqual(f.range, { start: text.indexOf('retries: 0') + 9, end: text.indexOf('retries: 0') + 10 });
    assert.equal(fixed(text, f), text.replace('    retries: 0,\n', ''));
  });

  it('removing retries: 0, all that a retry object holds, removes the retry property (no empty `retry: {  }` left)', async () => {
    const inline = `${KAFKAJS}const producer = kafka.producer({ idempotent: false, retry: { retries: 0 } });\n`;
    assert.equal(fixed(inline, only(await findings(inline), 'producer/retries-disabled')[0]), inline.replace(', retry: { retries: 0 }', ''));
    const lines = `${KAFKAJS}const producer = kafka.producer({\n  idempotent: false,\n  retry: {\n    retries: 0,\n  },\n});\n`;
    assert.equal(fixed(lines, only(await findings(lines), 'producer/retries-disabled')[0]), lines.replace('  retry: {\n    retries: 0,\n  },\n', ''));
    // A comment in the object stays, and so does the object.
    const commented = `${KAFKAJS}const producer = kafka.producer({\n  retry: {\n    // off while we debug\n    retries: 0,\n  },\n});\n`;
    assert.equal(fixed(commented, only(await findings(commented), 'producer/retries-disabled')[0]), commented.replace('    retries: 0,\n', ''));
  });

  it('a node-rdkafka style consumer without enable.auto.commit gets the insert fix in its own quote style', async () => {
    const text = `const Kafka = require('@confluentinc/kafka-javascript');\nconst consumer = new Kafka.KafkaConsumer({\n  "group.id": "g",\n  "metadata.broker.list": "b:9092"\n}, {});\n`;
    const [f] = only(await findings(text, 'js'), 'consumer/auto-commit-enabled');
    assert.deepEqual(f.range, at(text, 'new Kafka.KafkaConsumer'));
    assert.equal(fixed(text, f), text.replace('"b:9092"\n}', '"b:9092",\n  "enable.auto.commit": false\n}'));
  });

  it('explicit "enable.auto.commit": true in the node-rdkafka API is fixed to false', async () => {
    const text = `const Kafka = require('node-rdkafka');\nconst c = new Kafka.KafkaConsumer({ 'group.id': 'g', 'enable.auto.commit': true }, {});\n`;
    const [f] = only(await findings(text, 'js'), 'consumer/auto-commit-enabled');
    assert.deepEqual(f.range, at(text, 'true'));
    assert.equal(fixed(text, f), text.replace('true', 'false'));
  });

  it('kafkajs and confluent-js consumers get no auto-commit finding (they commit only processed messages)', async () => {
    const text = `${KAFKAJS}const consumer = kafka.consumer({ groupId: 'g' });\nawait consumer.run({ autoCommit: true, eachMessage: async ({ message }) => { await handle(message); } });\n`;
    assert.deepEqual(only(await findings(text), 'consumer/auto-commit-enabled'), []);
  });
});

describe('scanner-javascript: producer/unhandled-send', () => {
  const cases: Array<[string, string]> = [
    ['awaited', 'await producer.send(msg);'],
    ['returned', 'return producer.send(msg);'],
    ['assigned', 'const pending = producer.send(msg);'],
    ['chained with catch', 'producer.send(msg).catch((e) => log(e));'],
    ['chained with then', 'producer.send(msg).then(ok, fail);'],
    ['chained with then and catch', 'producer.send(msg).then(ok).finally(done).catch(fail);'],
    ['chained with then and awaited', 'await producer.send(msg).then(ok);'],
    ['chained with then and returned', 'return producer.send(msg).then(ok);'],
    ['passed to Promise.all', 'await Promise.all([producer.send(msg)]);'],
    ['voided on purpose', 'void producer.send(msg);'],
  ];
  for (const [name, line] of cases) {
    it(`no finding when the send is ${name}`, async () => {
      const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go(msg) {\n  ${line}\n}\n`;
      assert.deepEqual(only(await findings(text), 'producer/unhandled-send'), []);
    });
  }

  it('a dropped send in an async function is reported on producer.send and fixed with await', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go(msg) {\n  producer.send(msg);\n  producer.sendBatch({ topicMessages: [] });\n}\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.send'), at(text, 'producer.sendBatch')]);
    assert.match(list[0].message, /^Producer stage: the promise of producer\.send\(\) is neither awaited/);
    assert.equal(list[0].severity, 'warning');
    assert.equal(fixed(text, list[0]), text.replace('  producer.send(msg)', '  await producer.send(msg)'));
    assert.equal(fixed(text, list[1]), text.replace('  producer.sendBatch', '  await producer.sendBatch'));
  });

  it('a .catch() whose handler does nothing swallows the failure: reported, awaited or not', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go(msg) {\n  producer.send(msg).catch(() => {});\n  await producer.send(msg).catch(() => undefined);\n  producer.send(msg).then(ok).catch(function () {});\n  await producer.send(msg).catch((e) => log(e));\n}\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.send'), at(text, 'producer.send', 1), at(text, 'producer.send', 2)]);
    assert.match(list[0].message, /^Producer stage: the promise of producer\.send\(\) is given a \.catch\(\) handler that does nothing/);
    assert.deepEqual(list.map((f) => f.fixes ?? []), [[], [], []]);
  });

  it('a send given only .then(onSent), as a statement, is reported: the rejection goes to a promise nobody holds', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go(msg) {\n  producer.send(msg).then(() => log('sent')).finally(done);\n}\nfunction sync(msg) {\n  producer.send(msg).then(() => log('sent'));\n}\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.send'), at(text, 'producer.send', 1)]);
    assert.match(list[0].message, /^Producer stage: the promise of producer\.send\(\) gets \.then\(\) with no rejection handler/);
    assert.equal(fixed(text, list[0]), text.replace("  producer.send(msg).then(() => log('sent')).finally", "  await producer.send(msg).then(() => log('sent')).finally"));
    // await would not compile outside an async function.
    assert.deepEqual(list[1].fixes ?? [], []);
  });

  it('a dropped send outside an async function is reported without a fix (await would not compile)', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nfunction go(msg) {\n  producer.send(msg);\n}\napp.post('/x', (req, res) => { producer.send(req.body); res.send('ok'); });\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.send'), at(text, 'producer.send', 1)]);
    assert.deepEqual(list.map((f) => f.fixes ?? []), [[], []]);
  });

  it('a send returned from a forEach callback is dropped by forEach: reported without a fix', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go(batch) {\n  batch.forEach((m) => producer.send({ topic: 't', messages: [m] }));\n  await Promise.all(batch.map((m) => producer.send({ topic: 't', messages: [m] })));\n}\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.send')]);
    assert.match(list[0].message, /^Producer stage: forEach\(\) throws away the promise producer\.send\(\) returns/);
    assert.deepEqual(list[0].fixes ?? [], []);
  });

  it('node-rdkafka produce() without delivery reports is info; with dr_cb or a callback it is not reported', async () => {
    const text = [
      `const Kafka = require('@confluentinc/kafka-javascript');`,
      `const plain = new Kafka.Producer({ 'metadata.broker.list': 'b:9092' });`,
      `const reported = new Kafka.Producer({ 'metadata.broker.list': 'b:9092', dr_cb: true });`,
      `const hl = new Kafka.HighLevelProducer({ 'metadata.broker.list': 'b:9092' });`,
      `plain.produce('t', null, Buffer.from('x'));`,
      `reported.produce('t', null, Buffer.from('x'));`,
      `hl.produce('t', null, Buffer.from('x'), null, Date.now(), (err, offset) => { if (err) throw err; });`,
      '',
    ].join('\n');
    const list = only(await findings(text, 'js'), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => [f.range, f.severity]), [[at(text, 'plain.produce'), 'info']]);
  });

  it("node-rdkafka: a 'delivery-report' handler that never looks at its error drops every failed delivery", async () => {
    // Blizzard/node-rdkafka examples/producer.md and Azure/azure-event-hubs-for-kafka quickstart/node/producer.js.
    const text = [
      `const Kafka = require('node-rdkafka');`,
      `const producer = new Kafka.Producer({ 'metadata.broker.list': 'b:9092', dr_cb: true });`,
      `producer.on('delivery-report', function(err, report) {`,
      `  console.log('delivery-report: ' + JSON.stringify(report));`,
      `});`,
      `producer.on('delivery-report', () => counter++);`,
      `producer.on('delivery-report', (_err, report) => done(report));`,
      // Looked at (even only logged), read through arguments, or a handler held elsewhere: not judged.
      `producer.on('delivery-report', (err, report) => { if (err) console.error(err); });`,
      `producer.on('delivery-report', err => retry(err));`,
      `producer.on('delivery-report', function () { check(arguments[0]); });`,
      `producer.on('delivery-report', onReport);`,
      `producer.on('event.error', (err) => {});`,
      `other.on('delivery-report', (err, report) => {});`,
      '',
    ].join('\n');
    const list = only(await findings(text, 'js'), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => text.slice(f.range.start, f.range.end)), ['(err, report)', '()', '(_err, report)']);
    assert.match(list[0].message, /'delivery-report' handler never looks at its error argument/);
    assert.deepEqual(list[0].range, at(text, '(err, report)'));
  });

  it('node-rdkafka: a plain Producer takes no callback (its 6th argument is opaque); a HighLevelProducer callback may be any variable', async () => {
    const text = [
      `const Kafka = require('node-rdkafka');`,
      `const plain = new Kafka.Producer({ 'metadata.broker.list': 'b:9092' });`,
      `const reported = new Kafka.Producer({ 'metadata.broker.list': 'b:9092', dr_msg_cb: true });`,
      `const hl = new Kafka.HighLevelProducer({ 'metadata.broker.list': 'b:9092' });`,
      `const afterWrite = (err, offset) => { if (err) throw err; };`,
      `plain.produce('t', null, Buffer.from('x'), null, Date.now(), (err) => { if (err) throw err; });`,
      `plain.produce('t', null, Buffer.from('x'), null, Date.now(), afterWrite);`,
      `reported.produce('t', null, Buffer.from('x'), null, Date.now(), { id: 1 });`,
      `hl.produce('t', null, Buffer.from('x'), null, Date.now(), afterWrite);`,
      `hl.produce('t', null, Buffer.from('x'), null, Date.now(), [{ h: 'v' }], handlers.written);`,
      `hl.produce('t', null, Buffer.from('x'), null, Date.now());`,
      '',
    ].join('\n');
    const list = only(await findings(text, 'js'), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => [f.range, f.severity]), [
      [at(text, 'plain.produce'), 'info'],
      [at(text, 'plain.produce', 1), 'info'],
      [at(text, 'hl.produce', 2), 'info'],
    ]);
    assert.match(list[0].message, /neither dr_cb nor dr_msg_cb/);
    assert.match(list[2].message, /HighLevelProducer hands the delivery report only to the callback/);
  });

  it('node-rdkafka: a field typed Kafka.Producer is the producer its constructor assigns, whose config is all visible', async () => {
    const text = [
      `import Kafka from 'node-rdkafka';`,
      `export class MessageBroker {`,
      `  private producer: Kafka.Producer;`,
      `  constructor() {`,
      `    this.producer = new Kafka.Producer({`,
      `      'metadata.broker.list': 'k:9092',`,
      `      'log.connection.close': true`,
      `    });`,
      `  }`,
      `  public publish(topic: string, message: string): void {`,
      `    this.producer.produce(topic, null, Buffer.from(message), null, Date.now());`,
      `  }`,
      `}`,
      '',
    ].join('\n');
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => [f.ruleId, f.range, f.severity]), [['producer/unhandled-send', at(text, 'this.producer.produce'), 'info']]);
  });

  it('node-rdkafka: a typed field also assigned from a constructor parameter may hold a config not seen here: silent', async () => {
    const text = [
      `import Kafka from 'node-rdkafka';`,
      `export class MessageBroker {`,
      `  private producer: Kafka.Producer;`,
      `  constructor(producer?: Kafka.Producer) {`,
      `    this.producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092' });`,
      `    if (producer) this.producer = producer;`,
      `  }`,
      `  public publish(topic: string, message: string): void {`,
      `    this.producer.produce(topic, null, Buffer.from(message), null, Date.now());`,
      `  }`,
      `}`,
      '',
    ].join('\n');
    assert.deepEqual(only(await findings(text), 'producer/unhandled-send'), []);
  });

  it('node-rdkafka: a typed field whose visible config sets dr_cb: true is not reported', async () => {
    const text = [
      `import Kafka from 'node-rdkafka';`,
      `export class MessageBroker {`,
      `  private producer: Kafka.Producer;`,
      `  constructor() {`,
      `    this.producer = new Kafka.Producer({ 'metadata.broker.list': 'k:9092', dr_cb: true });`,
      `  }`,
      `  public publish(topic: string, message: string): void {`,
      `    this.producer.produce(topic, null, Buffer.from(message), null, Date.now());`,
      `  }`,
      `}`,
      '',
    ].join('\n');
    assert.deepEqual(only(await findings(text), 'producer/unhandled-send'), []);
  });

  it('sends gathered in a dropped Promise.all or map are reported; only the Promise.all gets the await fix', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer();\nasync function go(batch) {\n  Promise.all(batch.map((m) => producer.send({ topic: 't', messages: [m] })));\n  batch.map((m) => producer.send({ topic: 't', messages: [m] }));\n  await Promise.all([producer.send({ topic: 't', messages: [] })]);\n}\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.send'), at(text, 'producer.send', 1)]);
    assert.match(list[0].message, /goes into Promise\.all\(\), whose result is dropped/);
    assert.equal(fixed(text, list[0]), text.replace('  Promise.all(batch', '  await Promise.all(batch'));
    assert.match(list[1].message, /goes into batch\.map\(\), whose result is dropped.*await Promise\.all\(\) over it/);
    assert.deepEqual(list[1].fixes ?? [], []);
  });

  it('a transaction send counts as a Kafka send', async () => {
    const text = `${KAFKAJS}const producer = kafka.producer({ transactionalId: 'tx', idempotent: true });\nasync function go() {\n  const tx = await producer.transaction();\n  tx.send({ topic: 't', messages: [] });\n  await tx.commit();\n}\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'tx.send')]);
  });

  it('never reports send() on other objects, even in a Kafka file', async () => {
    const text = fixture('typescript/not-kafka-sends.ts');
    const doc = await scan(text);
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.facts, []);
    assert.deepEqual(lint(doc), []);
  });

  it('a name also bound to another class elsewhere in the file is not taken for a Kafka producer', async () => {
    const text = `${KAFKAJS}async function kafkaSide() {\n  const client = kafka.producer();\n  await client.send({ topic: 't', messages: [] });\n}\nfunction mailSide() {\n  const client = new SmtpClient();\n  client.send('hi');\n}\nfunction typed(sender: MailSender) {\n  sender.send('x');\n}\n`;
    assert.deepEqual(only(await findings(text), 'producer/unhandled-send'), []);
  });

  it('a file without a Kafka import reports nothing even with kafka-like names', async () => {
    const text = fixture('javascript/not-kafka.js');
    assert.deepEqual(await findings(text, 'js'), []);
  });
});

describe('scanner-javascript: consumer/commit-before-processing', () => {
  const head = `${KAFKAJS}const consumer = kafka.consumer({ groupId: 'g' });\nasync function save(m) { await db.insert(m); }\n`;

  it('an async function called without await in eachMessage is reported and fixed with await', async () => {
    const text = `${head}await consumer.run({\n  eachMessage: async ({ message }) => {\n    save(message);\n  },\n});\n`;
    const [f] = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(f.range, at(text, 'save', 1));
    assert.match(f.message, /^Consumer stage: save\(\) starts async work that is not awaited: eachMessage returns before that work finishes and the offset is committed/);
    assert.equal(fixed(text, f), text.replace('    save(message);', '    await save(message);'));
  });

  const reported: Array<[string, string, string, boolean]> = [
    ['a .then chain', 'fetchUser(message).then((u) => store(u));', 'fetchUser(message).then', true],
    ['Promise.all not awaited', 'Promise.all([save(message), save(message)]);', 'Promise.all', true],
    ['setTimeout scheduling', 'setTimeout(() => save(message), 0);', 'setTimeout', false],
    ['setImmediate scheduling', 'setImmediate(async () => { await save(message); });', 'setImmediate', false],
    ['forEach with an async callback', 'batch.messages.forEach(async (m) => { await save(m); });', 'batch.messages.forEach', false],
    ['fetch not awaited', "fetch('http://x', { method: 'POST' });", 'fetch', true],
  ];
  for (const [name, line, squiggle, hasFix] of reported) {
    it(`reports ${name}`, async () => {
      const text = `${head}await consumer.run({ eachBatch: async ({ batch }) => {\n  const message = batch.messages[0];\n  ${line}\n} });\n`;
      const list = only(await findings(text), 'consumer/commit-before-processing');
      assert.deepEqual(list.map((f) => f.range), [at(text, squiggle, squiggle === 'fetch' ? 0 : text.split(squiggle).length - 2)]);
      assert.equal((list[0].fixes ?? []).length > 0, hasFix);
      if (hasFix) assert.equal(fixed(text, list[0]), text.replace(`  ${line}`, `  await ${line}`));
    });
  }

  it('awaited work, sync calls and work inside nested callbacks are not reported', async () => {
    const text = `${head}await consumer.run({\n  eachMessage: async ({ message }) => {\n    await save(message);\n    log(message);\n    const p = save(message);\n    await p;\n    emitter.on('x', () => save(message));\n  },\n});\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing'), []);
  });

  it('follows a handler passed by name and a class method, and reports a sync handler without a fix', async () => {
    const text = [
      KAFKAJS.trimEnd(),
      `const consumer = kafka.consumer({ groupId: 'g' });`,
      `async function save(m) { await db.insert(m); }`,
      `function onMessage({ message }) {`,
      `  save(message);`,
      `}`,
      `class Worker {`,
      `  async handle({ message }) { this.persist(message); }`,
      `  async persist(m) { await save(m); }`,
      `  async start() { await consumer.run({ eachMessage: this.handle }); }`,
      `}`,
      `consumer.run({ eachMessage: onMessage });`,
      '',
    ].join('\n');
    const list = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'save', 1), at(text, 'this.persist')]);
    assert.deepEqual(list[0].fixes ?? [], []);
    assert.equal(fixed(text, list[1]), text.replace('{ this.persist', '{ await this.persist'));
  });

  it('an un-awaited Kafka send in a handler is reported once, as unhandled-send', async () => {
    const text = `${head}const producer = kafka.producer();\nawait consumer.run({ eachMessage: async ({ message }) => { producer.send({ topic: 'out', messages: [message] }); } });\n`;
    const list = await findings(text);
    assert.deepEqual(list.map((f) => f.ruleId), ['producer/unhandled-send']);
  });

  it('run() on something that is not a Kafka consumer is ignored', async () => {
    const text = `${head}await runner.run({ eachMessage: async ({ message }) => { save(message); } });\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing'), []);
  });
});

describe('scanner-javascript: offsets marked before processing', () => {
  const head = `${KAFKAJS}const consumer = kafka.consumer({ groupId: 'g' });\nasync function save(m) { await db.insert(m); }\n`;

  it('resolveOffset(message.offset) before processing in eachBatch → reported, fix moves it below the processing', async () => {
    const text = `${head}await consumer.run({\n  eachBatchAutoResolve: false,\n  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {\n    for (const message of batch.messages) {\n      resolveOffset(message.offset);\n      await save(message);\n      await heartbeat();\n    }\n  },\n});\n`;
    const [f, ...rest] = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(rest, []);
    assert.deepEqual(f.range, at(text, 'resolveOffset', 1));
    assert.match(f.message, /^Consumer stage: resolveOffset\(\) marks the message as processed before the code below it processes it/);
    assert.equal(
      fixed(text, f),
      text.replace('      resolveOffset(message.offset);\n', '').replace('      await save(message);\n', '      await save(message);\n      resolveOffset(message.offset);\n'),
    );
  });

  it('resolveOffset of the last message, by index, before the batch is processed → reported', async () => {
    // From a real connector, with the two lines the other way round.
    const text = `${head}await consumer.run({ eachBatch: async ({ batch, resolveOffset }) => {\n  resolveOffset(batch.messages[batch.messages.length - 1].offset);\n  await save(batch.messages.map((message) => message.value));\n} });\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing').map((f) => f.range), [at(text, 'resolveOffset', 1)]);
    const after = `${head}await consumer.run({ eachBatch: async ({ batch, resolveOffset }) => {\n  await save(batch.messages.map((message) => message.value));\n  resolveOffset(batch.messages[batch.messages.length - 1].offset);\n} });\n`;
    assert.deepEqual(only(await findings(after), 'consumer/commit-before-processing'), []);
  });

  it('resolveOffset(batch.lastOffset()) before the loop over the batch → reported', async () => {
    const text = `${head}await consumer.run({ eachBatch: async ({ batch, resolveOffset }) => {\n  resolveOffset(batch.lastOffset());\n  for (const m of batch.messages) await save(m);\n} });\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing').map((f) => f.range), [at(text, 'resolveOffset', 1)]);
  });

  it('consumer.commitOffsets before processing in eachMessage → reported', async () => {
    const text = `${head}await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => {\n  await consumer.commitOffsets([{ topic, partition, offset: (Number(message.offset) + 1).toString() }]);\n  await save(message.value);\n} });\n`;
    const [f] = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(f.range, at(text, 'consumer.commitOffsets'));
    assert.match(f.message, /commits the offset before the code below it processes the message/);
    assert.equal(
      fixed(text, f),
      text.replace(/  await consumer\.commitOffsets.*\n/, '').replace('  await save(message.value);\n', `  await save(message.value);\n${text.match(/  await consumer\.commitOffsets.*\n/)?.[0]}`),
    );
  });

  it('node-rdkafka style commitMessage(message) before handling the message → reported, fix moves it', async () => {
    const text = `const Kafka = require('@confluentinc/kafka-javascript');\nconst consumer = new Kafka.KafkaConsumer({ 'group.id': 'g', 'enable.auto.commit': false }, {});\nconsumer.on('data', (message) => {\n  consumer.commitMessage(message);\n  handle(message.value);\n});\nconsumer.on('data', (m) => {\n  handle(m.value);\n  consumer.commitMessage(m);\n});\n`;
    const list = only(await findings(text, 'js'), 'consumer/commit-before-processing');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'consumer.commitMessage')]);
    assert.match(list[0].message, /^Consumer stage: consumer\.commitMessage\(\) commits the offset before the code below it processes the message/);
    assert.equal(fixed(text, list[0]), text.replace('  consumer.commitMessage(message);\n  handle(message.value);\n', '  handle(message.value);\n  consumer.commitMessage(message);\n'));
  });

  it('resolving after processing, or only logging after it, is fine', async () => {
    const text = `${head}await consumer.run({ eachBatch: async ({ batch, resolveOffset, heartbeat }) => {\n  for (const message of batch.messages) {\n    await save(message);\n    resolveOffset(message.offset);\n    console.log('done', message.offset);\n    await heartbeat();\n  }\n} });\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing'), []);
  });
});

describe('scanner-javascript: grammars and edits', () => {
  it('scans .tsx with JSX and .mjs', async () => {
    const tsx = `import { Kafka } from 'kafkajs';\nconst p = new Kafka({ brokers: [] }).producer();\nexport const Button = () => <button onClick={() => { p.send({ topic: 't', messages: [] }); }}>Go</button>;\n`;
    assert.deepEqual((await scan(tsx, 'tsx')).facts.map((f) => f.range), [at(tsx, 'p.send')]);
    const mjs = `import { Kafka } from 'kafkajs';\nconst p = new Kafka({ brokers: [] }).producer();\nawait p.connect();\np.send({ topic: 't', messages: [] });\n`;
    const doc = await scan(mjs, 'mjs');
    assert.equal(doc.kind, 'javascript');
    assert.deepEqual(doc.facts.map((f) => f.range), [at(mjs, 'p.send')]);
  });

  it('re-scans an edited document with ranges that follow the edit', async () => {
    const path = 'mem://scanner-js-edit.ts';
    const before = `${KAFKAJS}const producer = kafka.producer();\nasync function go() {\n  producer.send({ topic: 't', messages: [], acks: 1 });\n}\n`;
    assert.equal(lint(await analyze(path, before)).length, 2);
    const after = before.replace('async function go', '// hi\nasync function go');
    const list = lint(await analyze(path, after));
    assert.deepEqual(list.map((f) => [f.ruleId, f.range]), [
      ['producer/unhandled-send', at(after, 'producer.send')],
      ['producer/acks-leader-only', { start: after.indexOf('acks: 1') + 6, end: after.indexOf('acks: 1') + 7 }],
    ]);
  });
});

describe('scanner-javascript: bundled examples', () => {
  const example = (name: string): string => readFileSync(join(__dirname, '../../../examples/code/typescript', name), 'utf8');
  const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

  it('order-producer.ts reports the retries, the dropped send and acks: 1, and its fixes apply', async () => {
    const text = example('order-producer.ts');
    const list = await findings(text);
    assert.deepEqual(list.map((f) => [f.ruleId, lineOf(text, f.range.start)]), [
      ['producer/retries-disabled', 16],
      ['producer/unhandled-send', 31],
      ['producer/acks-leader-only', 35],
    ]);
    assert.equal(fixed(text, list[1]), text.replace('  producer.send({\n    topic', '  await producer.send({\n    topic'));
    assert.equal(fixed(text, list[2]), text.replace('acks: 1,', 'acks: -1,'));
  });

  it('order-consumer.ts reports the un-awaited charge and the async forEach', async () => {
    const text = example('order-consumer.ts');
    const list = await findings(text);
    assert.deepEqual(list.map((f) => [f.ruleId, text.slice(f.range.start, f.range.end)]), [
      ['consumer/commit-before-processing', 'chargeCustomer'],
      ['consumer/commit-before-processing', 'batch.messages.forEach'],
    ]);
    assert.equal(fixed(text, list[0]), text.replace('  chargeCustomer(order);', '  await chargeCustomer(order);'));
  });
});

describe('scanner-javascript: half-typed input', () => {
  it('every prefix of the examples scans without throwing, and every fix stays inside the text', async function () {
    this.timeout(60000);
    for (const name of ['order-producer.ts', 'order-consumer.ts']) {
      const full = readFileSync(join(__dirname, '../../../examples/code/typescript', name), 'utf8');
      for (let cut = 0; cut <= full.length; cut += 11) {
        const text = full.slice(0, cut);
        const list = lint(await analyze(`mem://half-${name}`, text));
        for (const f of list) {
          assert.ok(f.range.start >= 0 && f.range.end <= text.length && f.range.start <= f.range.end, `${name}@${cut} ${f.ruleId}`);
          assert.ok(!f.message.includes('failed on this file'), `${name}@${cut}: ${f.message}`);
          for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= text.length, `${name}@${cut} ${fix.title}`);
        }
      }
    }
  });
});
