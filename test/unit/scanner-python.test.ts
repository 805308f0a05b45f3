import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument, Finding } from '../../server/src/core/model';
import { at } from './ranges';

let n = 0;
function scan(text: string): Promise<AnalyzedDocument> {
  return analyze(`mem://scanner-py-${n++}.py`, text);
}

async function findings(text: string): Promise<Finding[]> {
  return lint(await scan(text));
}

function only(list: Finding[], ruleId: string): Finding[] {
  return list.filter((f) => f.ruleId === ruleId);
}

function fixed(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
  assert.ok(fix, `no fix on ${finding.ruleId}`);
  return applyEdits(text, fix.edits);
}

const fixture = (rel: string): string => readFileSync(join(__dirname, '../../../test/fixtures/code/python', rel), 'utf8');

describe('scanner-python: config model', () => {
  it('reads a confluent-kafka dict literal with exact ranges and librdkafka values', async () => {
    const text = `from confluent_kafka import Producer, Consumer\n\np = Producer({'bootstrap.servers': 'b:9092', 'acks': '1', "enable.idempotence": False})\nc = Consumer({'group.id': 'g', 'auto.offset.reset': 'smallest'})\n`;
    const doc = await scan(text);
    assert.equal(doc.isKafka, true);
    assert.equal(doc.kind, 'python');
    assert.equal(doc.commentPrefix, '#');
    assert.deepEqual(
      doc.groups.map((g) => [g.library, g.roles.join(), g.entries.map((e) => `${e.key}=${e.value}`).join(' ')]),
      [
        ['librdkafka', 'producer', 'bootstrap.servers=b:9092 acks=1 enable.idempotence=false'],
        ['librdkafka', 'consumer', 'group.id=g auto.offset.reset=earliest'],
      ],
    );
    const acks = doc.groups[0].entries[1];
    assert.deepEqual(acks.keyRange, at(text, "'acks'"));
    assert.deepEqual(acks.valueRange, at(text, "'1'"));
    assert.equal(acks.rawKey, 'acks');
    assert.equal(acks.identity, '0:acks');
    assert.equal(acks.renderValue?.('all'), "'all'");
    assert.equal(doc.groups[0].entries[2].renderValue?.('true'), 'True');
    assert.deepEqual(doc.groups[0].anchor, at(text, 'Producer', 1));
  });

  it('follows a config variable, later subscript assignments, update() and ** splats', async () => {
    const text = [
      'import confluent_kafka',
      "base = {'bootstrap.servers': 'b:9092'}",
      "conf = {**base, 'acks': 'all'}",
      "conf['retries'] = 0",
      "conf.update({'linger.ms': 5})",
      'producer = confluent_kafka.Producer(conf)',
      "conf['acks'] = '0'",
      '',
    ].join('\n');
    const doc = await scan(text);
    assert.deepEqual(doc.groups[0].entries.map((e) => `${e.key}=${e.value}`), ['bootstrap.servers=b:9092', 'acks=all', 'retries=0', 'linger.ms=5']);
    assert.deepEqual(doc.groups[0].roles, ['producer']);
    assert.deepEqual(doc.groups[0].entries[2].keyRange, at(text, "'retries'"));
  });

  it('follows a config dict held in a self attribute', async () => {
    const text = `from confluent_kafka import Producer\nclass P:\n    def __init__(self):\n        self.conf = {'acks': '1'}\n        self.conf['linger.ms'] = 5\n        self.producer = Producer(self.conf)\n`;
    const doc = await scan(text);
    assert.deepEqual(doc.groups[0].roles, ['producer']);
    assert.deepEqual(doc.groups[0].entries.map((e) => `${e.key}=${e.value}`), ['acks=1', 'linger.ms=5']);
  });

  it('maps kafka-python keyword arguments to dotted keys and ignores unknown ones', async () => {
    const text = `from kafka import KafkaProducer, KafkaConsumer\nproducer = KafkaProducer(bootstrap_servers='b:9092', acks=1, retries=0, value_serializer=str.encode)\nconsumer = KafkaConsumer('orders', group_id='g', enable_auto_commit=True, api_version=(2, 0))\n`;
    const doc = await scan(text);
    assert.deepEqual(
      doc.groups.map((g) => [g.library, g.roles.join(), g.entries.map((e) => `${e.key}=${e.value}`).join(' ')]),
      [
        ['kafka-python', 'producer', 'bootstrap.servers=b:9092 acks=1 retries=0 value.serializer=${str.encode}'],
        ['kafka-python', 'consumer', 'group.id=g enable.auto.commit=true'],
      ],
    );
    const acks = doc.groups[0].entries[1];
    assert.deepEqual(acks.keyRange, at(text, 'acks'));
    assert.deepEqual(acks.valueRange, { start: text.indexOf('acks=1') + 5, end: text.indexOf('acks=1') + 6 });
    assert.equal(acks.rawKey, 'acks');
    assert.equal(acks.renderValue?.('all'), "'all'");
    assert.equal(doc.groups[1].entries[1].renderValue?.('false'), 'False');
  });

  it('an unknown config (parameter, call, unresolved splat) gives a group without roles', async () => {
    const text = `from confluent_kafka import Consumer\nfrom kafka import KafkaConsumer\ndef make(conf):\n    a = Consumer(conf)\n    b = Consumer(load())\n    c = KafkaConsumer(**settings)\n`;
    const doc = await scan(text);
    assert.deepEqual(doc.groups.map((g) => g.roles.length), [0, 0, 0]);
    const updated = await scan(`from confluent_kafka import Consumer\ndef make(**configs):\n    base = {'group.id': 'g'}\n    base.update(configs)\n    return Consumer(base)\n`);
    assert.deepEqual(updated.groups.map((g) => [g.roles.length, g.entries.length]), [[0, 1]]);
    assert.deepEqual(lint(updated), []);
    assert.deepEqual(lint(doc), []);
  });

  it('resolves module aliases, wildcard imports, self fields, with-statements and type hints', async () => {
    const text = [
      'import confluent_kafka as ck',
      'from kafka import *',
      'from typing import Optional',
      'class Worker:',
      '    def __init__(self):',
      "        self.producer = KafkaProducer(acks='all')",
      "        self.rd = ck.Producer({'acks': 'all', 'on_delivery': self.report})",
      '    def go(self, other: Optional[KafkaProducer], c: ck.Consumer):',
      "        self.producer.send('t', b'x')",
      "        other.send('t', b'x')",
      "        with KafkaConsumer('t') as kc:",
      '            for m in kc:',
      '                kc.commit()',
      '                handle(m)',
      '',
    ].join('\n');
    const doc = await scan(text);
    assert.equal(doc.groups.length, 3);
    assert.deepEqual(doc.facts.map((f) => [f.kind, f.range]), [
      ['unhandled-send', at(text, 'self.producer.send')],
      ['unhandled-send', at(text, 'other.send')],
      ['commit-before-processing', at(text, 'kc.commit')],
    ]);
  });

  it('class-level annotations type the self attributes (dataclass style)', async () => {
    const text = `from dataclasses import dataclass\nfrom kafka import KafkaProducer\n@dataclass\nclass Sink:\n    producer: KafkaProducer\n    def put(self, v):\n        self.producer.send('t', v)\n`;
    assert.deepEqual((await scan(text)).facts.map((f) => f.range), [at(text, 'self.producer.send')]);
  });

  it('is not Kafka without a Kafka import, and never throws on half-typed or binary input', async () => {
    assert.equal((await scan(`producer = KafkaProducer(acks=0)\nproducer.send('t')\n`)).isKafka, false);
    const half = `from kafka import KafkaProducer\np = KafkaProducer(acks=0, retries=\nwhile True:\n    p.send('t'`;
    const doc = await scan(half);
    assert.equal(doc.isKafka, true);
    lint(doc);
    const binary = `import kafka\n\u0000\u0001\uffff\ud800${'('.repeat(3000)}`;
    assert.deepEqual(lint(await scan(binary)), []);
  });
});

describe('scanner-python: config findings and fixes', () => {
  it("'acks': '0' → producer/acks-zero, fixed to 'all' keeping the quotes", async () => {
    const text = `from confluent_kafka import Producer\np = Producer({"bootstrap.servers": "b:9092", "acks": "0"})\n`;
    const [f] = only(await findings(text), 'producer/acks-zero');
    assert.deepEqual(f.range, at(text, '"0"'));
    assert.equal(fixed(text, f), text.replace('"acks": "0"', '"acks": "all"'));
  });

  it('kafka-python acks=1 → producer/acks-leader-only, fixed to acks=\'all\'', async () => {
    const text = `from kafka import KafkaProducer\np = KafkaProducer(bootstrap_servers='b:9092', acks=1)\n`;
    const [f] = only(await findings(text), 'producer/acks-leader-only');
    assert.deepEqual(f.range, { start: text.indexOf('acks=1') + 5, end: text.indexOf('acks=1') + 6 });
    assert.equal(fixed(text, f), text.replace('acks=1', "acks='all'"));
  });

  it('kafka-python producer without acks: acks-leader-only says it depends on the installed version, and adds acks', async () => {
    const text = `from kafka import KafkaProducer\np = KafkaProducer(\n    bootstrap_servers='b:9092',\n    linger_ms=5,\n)\n`;
    const [f] = only(await findings(text), 'producer/acks-leader-only');
    assert.deepEqual(f.range, at(text, 'KafkaProducer', 1));
    // The message must say that the default depends on the installed kafka-python version.
    assert.match(f.message, /kafka-python.*before 3\.0\.0.*installed version/);
    assert.equal(fixed(text, f), text.replace('linger_ms=5,', "linger_ms=5,\n    acks='all',"));
  });

  it('kafka-python enable_auto_commit=True → consumer/auto-commit-enabled, fixed to False', async () => {
    const text = `from kafka import KafkaConsumer\nc = KafkaConsumer('t', group_id='g', enable_auto_commit=True)\n`;
    const [f] = only(await findings(text), 'consumer/auto-commit-enabled');
    assert.deepEqual(f.range, at(text, 'True'));
    assert.equal(fixed(text, f), text.replace('True', 'False'));
  });

  it('consumers that leave auto-commit unset get the finding and an insert fix (both libraries)', async () => {
    const text = `from kafka import KafkaConsumer\nfrom confluent_kafka import Consumer\nk = KafkaConsumer('t', group_id='g')\nc = Consumer({\n    'group.id': 'g',\n    'bootstrap.servers': 'b:9092',\n})\n`;
    const list = only(await findings(text), 'consumer/auto-commit-enabled');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'KafkaConsumer', 1), at(text, 'Consumer', 3)]);
    assert.equal(fixed(text, list[0]), text.replace("group_id='g')", "group_id='g', enable_auto_commit=False)"));
    assert.equal(fixed(text, list[1]), text.replace("'b:9092',\n", "'b:9092',\n    'enable.auto.commit': False,\n"));
  });

  it('a kafka-python or aiokafka consumer built without group_id commits nothing: no auto-commit finding', async () => {
    // kafka-python's ConsumerCoordinator turns auto-commit off when group_id is None (even when it was set
    // True); aiokafka uses a NoGroupCoordinator that never commits (faust tests/consistency/consistency_checker.py,
    // kafka-python example.py).
    const text = [
      'from kafka import KafkaConsumer',
      'from aiokafka import AIOKafkaConsumer',
      "a = KafkaConsumer('t', bootstrap_servers='b:9092', auto_offset_reset='earliest')",
      "b = KafkaConsumer('t', bootstrap_servers='b:9092', enable_auto_commit=True)",
      "c = KafkaConsumer('t', group_id=None)",
      "d = AIOKafkaConsumer('t', bootstrap_servers='b:9092', auto_offset_reset='earliest')",
      "e = AIOKafkaConsumer('t', bootstrap_servers='b:9092', enable_auto_commit=True)",
      // Still reported: a group id (a variable may hold one), or arguments that may carry one.
      "f = KafkaConsumer('t', group_id=gid)",
      'g = KafkaConsumer(**settings)',
      "h = AIOKafkaConsumer('t', enable_auto_commit=True, **settings)",
      '',
    ].join('\n');
    const list = only(await findings(text), 'consumer/auto-commit-enabled');
    assert.deepEqual(list.map((f) => text.slice(f.range.start, f.range.end)), ['KafkaConsumer', 'True']);
    assert.deepEqual(list.map((f) => f.range.start), [text.indexOf("KafkaConsumer('t', group_id=gid)"), text.lastIndexOf('True')]);
  });

  it('retries=0 → producer/retries-disabled; kafka-python of unknown version is set to retry, not removed', async () => {
    const text = `from kafka import KafkaProducer\np = KafkaProducer(acks='all', retries=0, linger_ms=5)\n`;
    const [f] = only(await findings(text), 'producer/retries-disabled');
    assert.deepEqual(f.range, { start: text.indexOf('retries=0') + 8, end: text.indexOf('retries=0') + 9 });
    // Before kafka-python 2.2.0 the default was 0: removing the argument might change nothing.
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Set retries=2147483647']);
    assert.equal(fixed(text, f), text.replace('retries=0', 'retries=2147483647'));
  });

  it('confluent-kafka retries=0: the removal fix removes only that entry', async () => {
    const text = `from confluent_kafka import Producer\np = Producer({'acks': 'all', 'retries': 0, 'linger.ms': 5})\n`;
    const [f] = only(await findings(text), 'producer/retries-disabled');
    assert.equal(fixed(text, f), text.replace("'retries': 0, ", ''));
  });

  it('confluent-kafka: a default.topic.config dict counts, over the keys beside it, as confluent-kafka merges it', async () => {
    const text = [
      'from confluent_kafka import Consumer, Producer',
      "settings = {'bootstrap.servers': 'k:9092', 'group.id': 'g', 'enable.auto.commit': False, 'default.topic.config': {'auto.offset.reset': 'latest'}}",
      'c = Consumer(settings)',
      "topic_conf = {'acks': 0}",
      "p = Producer({'bootstrap.servers': 'k:9092', 'acks': 'all', 'default.topic.config': topic_conf})",
      '',
    ].join('\n');
    const all = await findings(text);
    assert.deepEqual(only(all, 'consumer/auto-offset-reset-latest').map((f) => f.range), [at(text, "'latest'")]);
    const zero = text.indexOf("{'acks': 0}") + "{'acks': ".length;
    assert.deepEqual(only(all, 'producer/acks-zero').map((f) => f.range), [{ start: zero, end: zero + 1 }]);
    // The top-level acks is the one overridden.
    assert.deepEqual(only(all, 'config/duplicate-key').map((f) => f.range), [at(text, "'acks'", 1)]);
  });

  it('a duplicate key in a dict is config/duplicate-key on the earlier one', async () => {
    const text = `from confluent_kafka import Producer\np = Producer({'acks': 'all', 'linger.ms': 5, 'acks': 'all'})\n`;
    const [f] = only(await findings(text), 'config/duplicate-key');
    assert.deepEqual(f.range, at(text, "'acks'"));
  });

  // A real consumer thread (a message monitor's core/kafka_consumer.py): SASL and SSL settings are each added
  // under their own `if`. They are alternatives, not a repeat: removing the first would break the SASL path.
  it('keys added to a config under an if are alternatives, not duplicates; on the straight path they still are', async () => {
    const text = [
      'from confluent_kafka import Consumer',
      'def run(cfg):',
      "    conf = {'bootstrap.servers': 'k:9092', 'group.id': 'g', 'enable.auto.commit': False}",
      "    if cfg.get('sasl'):",
      "        conf.update({'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN'})",
      "    if cfg.get('ca'):",
      "        conf['ssl.ca.location'] = cfg['ca']",
      "        conf['security.protocol'] = 'SSL'",
      '    return Consumer(conf)',
      '',
    ].join('\n');
    assert.deepEqual(await findings(text), []);
    const straight = text.replace("    if cfg.get('sasl'):\n        conf.update", '    conf.update').replace("    if cfg.get('ca'):\n        conf['ssl.ca.location'] = cfg['ca']\n        conf['security.protocol']", "    conf['security.protocol']");
    assert.deepEqual(only(await findings(straight), 'config/duplicate-key').map((f) => f.range), [at(straight, "'security.protocol'")]);
  });
});

describe('scanner-python: producer/unhandled-send', () => {
  const head = `from kafka import KafkaProducer\nproducer = KafkaProducer(acks='all')\n`;
  const handled: Array<[string, string]> = [
    ['waited on with get()', "producer.send('t', b'x').get(timeout=10)"],
    ['given an errback', "producer.send('t', b'x').add_errback(on_error)"],
    ['given a callback and an errback', "producer.send('t', b'x').add_callback(on_ok).add_errback(on_error)"],
    ['given both at once', "producer.send('t', b'x').add_both(on_done)"],
    ['kept, given a callback, then an errback', "future = producer.send('t', b'x')\nfuture.add_callback(on_ok)\nfuture.add_errback(on_error)"],
    ['given a callback, then waited on', "future = producer.send('t', b'x').add_callback(on_ok)\nfuture.get(timeout=10)"],
    ['kept and used', "future = producer.send('t', b'x')\nfuture.get(timeout=10)"],
    ['collected', "futures.append(producer.send('t', b'x'))"],
    ['returned', "def f():\n    return producer.send('t', b'x')"],
  ];
  for (const [name, code] of handled) {
    it(`no finding when the future is ${name}`, async () => {
      assert.deepEqual(only(await findings(`${head}${code}\n`), 'producer/unhandled-send'), []);
    });
  }

  it('a dropped future is reported on producer.send, also when assigned and never used', async () => {
    const text = `${head}producer.send('t', b'x')\ndef g():\n    unused = producer.send('t', b'y')\n    return 1\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => [f.range, f.severity]), [
      [at(text, 'producer.send'), 'warning'],
      [at(text, 'producer.send', 1), 'warning'],
    ]);
    assert.match(list[0].message, /^Producer stage: the future returned by producer\.send\(\) is dropped/);
  });

  it('a future given only add_callback is reported: the callback runs on success, failures go to errbacks', async () => {
    const text = `${head}producer.send('t', b'x').add_callback(on_ok)\nfuture = producer.send('t', b'y')\nfuture.add_callback(on_ok)\n`;
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => [f.range, f.severity]), [
      [at(text, 'producer.send'), 'warning'],
      [at(text, 'producer.send', 1), 'warning'],
    ]);
    assert.match(list[0].message, /^Producer stage: the future returned by producer\.send\(\) only gets add_callback\(\.\.\.\), which runs when the send succeeds/);
  });

  it('confluent-kafka produce() without a delivery callback is info; with one (call or config) it is not reported', async () => {
    const text = [
      'from confluent_kafka import Producer',
      "plain = Producer({'bootstrap.servers': 'b:9092'})",
      "with_cb = Producer({'bootstrap.servers': 'b:9092', 'on_delivery': report})",
      "plain.produce('t', b'x')",
      "plain.produce('t', b'x', on_delivery=report)",
      "plain.produce('t', value=b'x', callback=report)",
      "with_cb.produce('t', b'x')",
      '',
    ].join('\n');
    const list = only(await findings(text), 'producer/unhandled-send');
    assert.deepEqual(list.map((f) => [f.range, f.severity]), [[at(text, 'plain.produce'), 'info']]);
  });

  it('a class-level annotation does not hide the producer __init__ assigns; a producer also given from outside stays silent', async () => {
    const body = [
      '    def __init__(self):',
      "        self.producer = Producer({'bootstrap.servers': 'k:9092', 'acks': 'all'})",
      '    def publish(self, value):',
      "        self.producer.produce('t', value)",
      '',
    ];
    const plain = ['from confluent_kafka import Producer', 'class Publisher:', ...body].join('\n');
    const annotated = ['from confluent_kafka import Producer', 'class Publisher:', '    producer: Producer', ...body].join('\n');
    const ids = async (text: string) => (await findings(text)).map((f) => `${f.ruleId} @ ${text.slice(f.range.start, f.range.end)}`);
    assert.deepEqual(await ids(annotated), await ids(plain));
    assert.deepEqual(only(await findings(annotated), 'producer/unhandled-send').map((f) => f.range), [at(annotated, "self.producer.produce")]);
    // Also given by the caller: its config (and delivery callback) may be anything.
    const given = [
      'from confluent_kafka import Producer',
      'class Publisher:',
      '    producer: Producer',
      '    def __init__(self, producer: Producer):',
      '        self.producer = producer',
      '    def reset(self):',
      "        self.producer = Producer({'bootstrap.servers': 'k:9092'})",
      '    def publish(self, value):',
      "        self.producer.produce('t', value)",
      '',
    ].join('\n');
    assert.deepEqual(only(await findings(given), 'producer/unhandled-send'), []);
  });

  it('a name also bound to another class elsewhere in the file is not taken for a Kafka producer', async () => {
    const text = `from kafka import KafkaProducer\ndef kafka_side():\n    client = KafkaProducer()\n    client.send('t', b'x').get()\ndef mail_side():\n    client = MailClient()\n    client.send('hi')\n`;
    assert.deepEqual(only(await findings(text), 'producer/unhandled-send'), []);
  });

  it('never reports send(), commit() or close() on other objects in a Kafka file', async () => {
    const doc = await scan(fixture('not-kafka-calls.py'));
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.facts, []);
    assert.deepEqual(only(lint(doc), 'producer/unhandled-send').concat(only(lint(doc), 'consumer/commit-before-processing')), []);
  });
});

describe('scanner-python: consumer/commit-before-processing', () => {
  it('confluent-kafka: commit right after poll, before processing → reported, fix moves the commit below the processing', async () => {
    const text = [
      'from confluent_kafka import Consumer',
      "consumer = Consumer({'group.id': 'g', 'enable.auto.commit': False})",
      'while True:',
      '    msg = consumer.poll(1.0)',
      '    if msg is None:',
      '        continue',
      '    consumer.commit(message=msg)',
      '    value = msg.value()',
      '    save(value)  # the processing',
      '    print("done", msg)',
      '',
    ].join('\n');
    const [f] = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(f.range, at(text, 'consumer.commit'));
    assert.match(f.message, /^Consumer stage: consumer\.commit\(\) runs before the message from this poll is processed/);
    assert.equal(
      fixed(text, f),
      text.replace('    consumer.commit(message=msg)\n', '').replace('# the processing\n', '# the processing\n    consumer.commit(message=msg)\n'),
    );
  });

  it('kafka-python: commit at the top of a for-loop over the consumer → reported', async () => {
    const text = `from kafka import KafkaConsumer\nconsumer = KafkaConsumer('t', enable_auto_commit=False)\nfor record in consumer:\n    consumer.commit()\n    if record.value:\n        handle(record.value)\n`;
    const [f] = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(f.range, at(text, 'consumer.commit'));
  });

  it('kafka-python poll() batches: commit before iterating the records → reported', async () => {
    const text = `from kafka import KafkaConsumer\nconsumer = KafkaConsumer('t', enable_auto_commit=False)\nwhile running:\n    batch = consumer.poll(timeout_ms=500)\n    consumer.commit()\n    for tp, records in batch.items():\n        for r in records:\n            handle(r)\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing').map((f) => f.range), [at(text, 'consumer.commit')]);
  });

  it('confluent-kafka consume() batches: commit inside the loop over the batch before handling → reported', async () => {
    const text = `from confluent_kafka import Consumer\nc = Consumer({'group.id': 'g', 'enable.auto.commit': False})\ndef run():\n    while True:\n        msgs = c.consume(100, 1.0)\n        for m in msgs:\n            c.commit(m)\n            handle(m.value())\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing').map((f) => f.range), [at(text, 'c.commit')]);
  });

  it('commit after processing, commit in an error branch that continues, and logging after commit are fine', async () => {
    const text = [
      'from confluent_kafka import Consumer',
      "consumer = Consumer({'group.id': 'g', 'enable.auto.commit': False})",
      'while True:',
      '    msg = consumer.poll(1.0)',
      '    if msg is None:',
      '        continue',
      '    if msg.error():',
      '        consumer.commit()',
      '        continue',
      '    process(msg)',
      '    consumer.commit(message=msg, asynchronous=False)',
      '    log.info("committed %s", msg.offset())',
      '',
    ].join('\n');
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing'), []);
  });

  it('commit() on a database session is never reported', async () => {
    const text = `from kafka import KafkaConsumer\nconsumer = KafkaConsumer('t')\nfor msg in consumer:\n    session.commit()\n    db.commit()\n    handle(msg)\n`;
    assert.deepEqual(only(await findings(text), 'consumer/commit-before-processing'), []);
  });
});

describe('scanner-python: producer/close-without-flush and store_offsets', () => {
  it('kafka-python close(timeout=0) without a flush → reported on the call, fix flushes first', async () => {
    const text = `from kafka import KafkaProducer\nproducer = KafkaProducer(acks='all')\ndef stop():\n    producer.close(timeout=0)\n`;
    const [f] = only(await findings(text), 'producer/close-without-flush');
    assert.deepEqual(f.range, at(text, 'producer.close(timeout=0)'));
    assert.equal(f.severity, 'warning');
    assert.equal(fixed(text, f), text.replace('    producer.close(timeout=0)', '    producer.flush()\n    producer.close(timeout=0)'));
  });

  it('kafka-python close() with the default timeout, or after a flush, is fine', async () => {
    const text = `from kafka import KafkaProducer\nproducer = KafkaProducer(acks='all')\nproducer.close()\nproducer.flush()\nproducer.close(0)\n`;
    assert.deepEqual(only(await findings(text), 'producer/close-without-flush'), []);
  });

  it('kafka-python close(timeout=0): only a flush earlier in the same function (or module body) silences it', async () => {
    const text = [
      'from kafka import KafkaProducer',
      "producer = KafkaProducer(acks='all')",
      'def drain():',
      '    producer.flush()',
      'def stop():',
      '    producer.close(timeout=0)',
      'def stop_flushed():',
      '    producer.flush()',
      '    producer.close(timeout=0)',
      'def stop_inner():',
      '    def helper():',
      '        producer.flush()',
      '    producer.close(0)',
      '',
    ].join('\n');
    const list = only(await findings(text), 'producer/close-without-flush');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'producer.close(timeout=0)'), at(text, 'producer.close(0)')]);
  });

  it('a confluent-kafka producer that produces but is never flushed in the file → info on the constructor', async () => {
    const text = `from confluent_kafka import Producer\np = Producer({'bootstrap.servers': 'b:9092', 'on_delivery': report})\nfor i in range(10):\n    p.produce('t', str(i))\n`;
    const list = only(await findings(text), 'producer/close-without-flush');
    assert.deepEqual(list.map((f) => [f.range, f.severity]), [[at(text, 'Producer', 1), 'info']]);
    assert.deepEqual(only(await findings(`${text}p.flush(10)\n`), 'producer/close-without-flush'), []);
  });

  it('store_offsets() before processing is reported like an early commit', async () => {
    const text = `from confluent_kafka import Consumer\nc = Consumer({'group.id': 'g', 'enable.auto.offset.store': False})\nwhile True:\n    msg = c.poll(1)\n    c.store_offsets(message=msg)\n    handle(msg)\n`;
    const [f] = only(await findings(text), 'consumer/commit-before-processing');
    assert.deepEqual(f.range, at(text, 'c.store_offsets'));
    assert.match(f.message, /stores the offset for the next auto-commit before the message from this poll is processed/);
  });
});

describe('scanner-python: edits', () => {
  it('re-scans an edited document with ranges that follow the edit', async () => {
    const path = 'mem://scanner-py-edit.py';
    const before = `from confluent_kafka import Producer\np = Producer({'acks': '0'})\n`;
    assert.deepEqual(only(lint(await analyze(path, before)), 'producer/acks-zero').map((f) => f.range), [at(before, "'0'")]);
    const after = before.replace('p = ', '# x\np = ');
    assert.deepEqual(only(lint(await analyze(path, after)), 'producer/acks-zero').map((f) => f.range), [at(after, "'0'")]);
  });
});

describe('scanner-python: bundled examples', () => {
  const example = (name: string): string => readFileSync(join(__dirname, '../../../examples/code/python', name), 'utf8');
  const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

  it('order_producer.py reports acks, the missing delivery callback, the dropped future and retries=0', async () => {
    const text = example('order_producer.py');
    const list = await findings(text);
    assert.deepEqual(list.map((f) => [f.ruleId, lineOf(text, f.range.start)]), [
      ['producer/acks-leader-only', 15],
      ['producer/unhandled-send', 23],
      ['producer/acks-leader-only', 28],
      ['producer/retries-disabled', 30],
      ['producer/unhandled-send', 37],
    ]);
    assert.equal(fixed(text, list[0]), text.replace('"acks": "1"', '"acks": "all"'));
    assert.equal(fixed(text, list[2]), text.replace('    value_serializer=lambda v: json.dumps(v).encode(),\n', "    value_serializer=lambda v: json.dumps(v).encode(),\n    acks='all',\n"));
  });

  it('order_consumer.py reports the unset and the explicit auto-commit and the early commit, whose fix moves it', async () => {
    const text = example('order_consumer.py');
    const list = await findings(text);
    assert.deepEqual(list.map((f) => [f.ruleId, lineOf(text, f.range.start)]), [
      ['consumer/auto-commit-enabled', 12],
      ['consumer/commit-before-processing', 31],
      ['consumer/auto-commit-enabled', 38],
    ]);
    assert.equal(fixed(text, list[0]), text.replace('"auto.offset.reset": "earliest",\n', '"auto.offset.reset": "earliest",\n    "enable.auto.commit": False,\n'));
    const commit = '        consumer.commit(message=msg, asynchronous=False)\n';
    assert.equal(fixed(text, list[1]), text.replace(commit, '').replace('        charge_customer(order)\n', `        charge_customer(order)\n${commit}`));
  });
});

describe('scanner-python: half-typed input', () => {
  it('every prefix of the examples scans without throwing, and every fix stays inside the text', async function () {
    this.timeout(60000);
    for (const name of ['order_producer.py', 'order_consumer.py']) {
      const full = readFileSync(join(__dirname, '../../../examples/code/python', name), 'utf8');
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
