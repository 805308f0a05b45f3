import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument, Finding } from '../../server/src/core/model';
import { at } from './ranges';

/** aiokafka (aio-libs/aiokafka v0.14.0): its settings, its defaults and its coroutine sends. */

let n = 0;
function scan(text: string): Promise<AnalyzedDocument> {
  return analyze(`mem://scanner-aiokafka-${n++}.py`, text);
}

async function findings(text: string, ruleId?: string): Promise<Finding[]> {
  const all = lint(await scan(text));
  return ruleId ? all.filter((f) => f.ruleId === ruleId) : all;
}

function fixed(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
  assert.ok(fix, `no fix on ${finding.ruleId}`);
  return applyEdits(text, fix.edits);
}

const DROPPED =
  "Producer stage: awaiting producer.send() only puts the record in the producer's buffer and returns a future of its delivery, and that future is dropped, so a send that fails (broker error, request_timeout_ms used up) is never seen and the record is lost silently; await the returned future as well, or call producer.send_and_wait(...) instead.";
const notAwaited = (call: string): string =>
  `Producer stage: ${call}() is a coroutine and it is never awaited, so it never runs and the record is not even sent (Python only warns that the coroutine was never awaited); await it, with send_and_wait(...) or by awaiting the future send(...) returns, so a failed delivery is seen.`;

describe('scanner-python: aiokafka config model', () => {
  it('reads AIOKafkaProducer/AIOKafkaConsumer keyword arguments as Kafka keys, and only those the constructors take', async () => {
    const text = `from aiokafka import AIOKafkaProducer, AIOKafkaConsumer\n\np = AIOKafkaProducer(bootstrap_servers='b:9092', acks=1, linger_ms=5, retries=0, delivery_timeout_ms=1)\nc = AIOKafkaConsumer('t', group_id='g', enable_auto_commit=True, auto_offset_reset='earliest')\n`;
    const doc = await scan(text);
    assert.equal(doc.isKafka, true);
    assert.deepEqual(
      doc.groups.map((g) => [g.library, g.roles.join(), g.entries.map((e) => `${e.key}=${e.value}`).join(' ')]),
      [
        ['aiokafka', 'producer', 'bootstrap.servers=b:9092 acks=1 linger.ms=5'],
        ['aiokafka', 'consumer', 'group.id=g enable.auto.commit=true auto.offset.reset=earliest'],
      ],
    );
    const one = at(text, '1, linger').start;
    assert.deepEqual(doc.groups[0].entries[1].valueRange, { start: one, end: one + 1 });
    assert.deepEqual(doc.groups[0].anchor, at(text, 'AIOKafkaProducer', 1));
  });

  it('resolves `import aiokafka`, aiokafka.producer, aliases and `async with`', async () => {
    const text = `import aiokafka\nfrom aiokafka.producer import AIOKafkaProducer as P\n\nasync def f():\n    a = aiokafka.AIOKafkaProducer(acks=0)\n    async with P(acks=0) as b:\n        await b.send_and_wait('t', b'x')\n`;
    const list = await findings(text, 'producer/acks-zero');
    assert.deepEqual(list.map((f) => f.range), [at(text, '0'), at(text, '0', 1)]);
  });
});

describe('scanner-python: aiokafka acks', () => {
  it('unset acks is acks-leader-only: aiokafka defaults it to 1 in every release; the fix adds acks=\'all\'', async () => {
    const text = `from aiokafka import AIOKafkaProducer\n\nproducer = AIOKafkaProducer(bootstrap_servers='b:9092')\n`;
    const [f, ...rest] = await findings(text);
    assert.equal(rest.length, 0);
    assert.equal(f.ruleId, 'producer/acks-leader-only');
    assert.deepEqual(f.range, at(text, 'AIOKafkaProducer', 1));
    assert.equal(
      f.message,
      'Producer stage: acks is unset, and aiokafka defaults it to 1, so a record that only the leader has written is gone if that leader fails before a follower copies it; set acks=all.',
    );
    assert.equal(fixed(text, f), text.replace("bootstrap_servers='b:9092')", "bootstrap_servers='b:9092', acks='all')"));
  });

  it("acks=1 is fixed to acks='all', acks=0 is acks-zero, acks='all' is fine", async () => {
    const text = `from aiokafka import AIOKafkaProducer\n\na = AIOKafkaProducer(acks=1)\nb = AIOKafkaProducer(acks=0)\nc = AIOKafkaProducer(acks='all')\n`;
    const list = await findings(text);
    assert.deepEqual(
      list.map((f) => [f.ruleId, text.slice(f.range.start, f.range.end), f.range.start]),
      [
        ['producer/acks-leader-only', '1', at(text, '1').start],
        ['producer/acks-zero', '0', at(text, '0').start],
      ],
    );
    assert.equal(fixed(text, list[0]), text.replace('acks=1', "acks='all'"));
    assert.equal(fixed(text, list[1]), text.replace('acks=0', "acks='all'"));
  });

  it('an idempotent or transactional producer (or one whose idempotence is not known) takes acks=all: no finding', async () => {
    const text = `from aiokafka import AIOKafkaProducer\n\na = AIOKafkaProducer(enable_idempotence=True)\nb = AIOKafkaProducer(transactional_id='tx')\nc = AIOKafkaProducer(enable_idempotence=flag)\nd = AIOKafkaProducer(enable_idempotence=False, transactional_id=None)\n`;
    const list = await findings(text, 'producer/acks-leader-only');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'AIOKafkaProducer', 4)]);
  });

  it('retries=0 is not read: AIOKafkaProducer has no retries option (a TypeError), and no retries default is reported', async () => {
    const text = `from aiokafka import AIOKafkaProducer\n\np = AIOKafkaProducer(acks='all', retries=0)\n`;
    assert.deepEqual(await findings(text), []);
  });
});

describe('scanner-python: aiokafka producer/unhandled-send', () => {
  it('reports an awaited send() whose future is dropped or never used, and a send()/send_and_wait() never awaited', async () => {
    const text = [
      'from aiokafka import AIOKafkaProducer',
      '',
      'async def f(producer: AIOKafkaProducer):',
      "    await producer.send('t', b'a')",
      "    producer.send('t', b'b')",
      "    producer.send_and_wait('t', b'c')",
      "    unused = await producer.send('t', b'd')",
      '',
    ].join('\n');
    const list = await findings(text, 'producer/unhandled-send');
    assert.deepEqual(
      list.map((f) => [f.range, f.message, f.severity]),
      [
        [at(text, 'producer.send', 0), DROPPED, 'warning'],
        [at(text, 'producer.send', 1), notAwaited('producer.send'), 'warning'],
        [at(text, 'producer.send_and_wait'), notAwaited('producer.send_and_wait'), 'warning'],
        [at(text, 'producer.send', 3), DROPPED, 'warning'],
      ],
    );
  });

  it('send_and_wait(), an awaited future, a future kept, returned or given a callback, and a task are fine', async () => {
    const text = [
      'import asyncio',
      'from aiokafka import AIOKafkaProducer',
      '',
      'async def f(producer: AIOKafkaProducer, values):',
      "    await producer.send_and_wait('t', b'a')",
      "    fut = await producer.send('t', b'b')",
      '    await fut',
      "    other = await producer.send('t', b'c')",
      '    other.add_done_callback(check)',
      "    futures = [await producer.send('t', v) for v in values]",
      '    await asyncio.gather(*futures)',
      "    meta = await (await producer.send('t', b'd'))",
      "    asyncio.create_task(producer.send_and_wait('t', b'e'))",
      "    return await producer.send('t', meta)",
      '',
    ].join('\n');
    assert.deepEqual(await findings(text, 'producer/unhandled-send'), []);
  });

  it('await producer.stop() flushes: no producer/close-without-flush', async () => {
    const text = `from aiokafka import AIOKafkaProducer\n\nasync def f():\n    p = AIOKafkaProducer(acks='all')\n    await p.start()\n    await p.send_and_wait('t', b'x')\n    await p.stop()\n`;
    assert.deepEqual(await findings(text), []);
  });
});

describe('scanner-python: aiokafka consumer', () => {
  it('enable_auto_commit unset is reported on the constructor with aiokafka named, and fixed by adding enable_auto_commit=False', async () => {
    const text = `from aiokafka import AIOKafkaConsumer\n\nc = AIOKafkaConsumer('t', group_id='g')\n`;
    const [f, ...rest] = await findings(text);
    assert.equal(rest.length, 0);
    assert.equal(f.ruleId, 'consumer/auto-commit-enabled');
    assert.deepEqual(f.range, at(text, 'AIOKafkaConsumer', 1));
    assert.match(f.message, /^Consumer stage: enable\.auto\.commit is unset, and aiokafka defaults it to true, so /);
    assert.equal(fixed(text, f), text.replace("group_id='g')", "group_id='g', enable_auto_commit=False)"));
  });

  it('enable_auto_commit=True is fixed to False', async () => {
    const text = `from aiokafka import AIOKafkaConsumer\n\nc = AIOKafkaConsumer('t', group_id='g', enable_auto_commit=True)\n`;
    const [f] = await findings(text, 'consumer/auto-commit-enabled');
    assert.deepEqual(f.range, at(text, 'True'));
    assert.equal(fixed(text, f), text.replace('True', 'False'));
  });

  it('await consumer.commit() before processing (async for, getone) is reported; the fix moves the awaited commit below the processing', async () => {
    const text = [
      'from aiokafka import AIOKafkaConsumer',
      '',
      'async def run():',
      "    consumer = AIOKafkaConsumer('t', group_id='g', enable_auto_commit=False)",
      '    async for msg in consumer:',
      '        await consumer.commit()',
      '        handle(msg.value)',
      '    while True:',
      '        record = await consumer.getone()',
      '        await consumer.commit()',
      '        store(record)',
      '',
    ].join('\n');
    const list = await findings(text, 'consumer/commit-before-processing');
    assert.deepEqual(list.map((f) => f.range), [at(text, 'consumer.commit', 0), at(text, 'consumer.commit', 1)]);
    assert.equal(
      list[0].message,
      'Consumer stage: consumer.commit() runs before the message from this poll is processed, so if processing fails or the process dies the offset is already committed and the message is never read again; commit after processing.',
    );
    assert.equal(fixed(text, list[0]), text.replace('        await consumer.commit()\n        handle(msg.value)\n', '        handle(msg.value)\n        await consumer.commit()\n'));
    assert.equal(fixed(text, list[1]), text.replace('        await consumer.commit()\n        store(record)\n', '        store(record)\n        await consumer.commit()\n'));
  });

  it('a commit after processing a getmany() batch is fine', async () => {
    const text = [
      'from aiokafka import AIOKafkaConsumer',
      '',
      'async def run():',
      "    consumer = AIOKafkaConsumer('t', group_id='g', enable_auto_commit=False)",
      '    while True:',
      '        batch = await consumer.getmany(timeout_ms=1000)',
      '        for tp, records in batch.items():',
      '            for r in records:',
      '                handle(r)',
      '        await consumer.commit()',
      '',
    ].join('\n');
    assert.deepEqual(await findings(text), []);
  });
});
