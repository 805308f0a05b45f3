import * as assert from 'node:assert/strict';
import { analyze } from '../../../../server/src/core/analyze';
import { lint } from '../../../../server/src/core/lint';
import type { Finding, Range } from '../../../../server/src/core/model';
import { normalizeOptions } from '../../../../server/src/core/options';
import { unmark } from '../helpers';

const RULE = 'consumer/commit-after-swallowed-error';

/** The rule's findings on `marked` (range markers stripped) read as the file at `path`. */
async function findings(path: string, marked: string, locale: 'en' | 'zh-cn' = 'en'): Promise<{ found: Finding[]; ranges: readonly Range[]; text: string }> {
  const { text, ranges } = unmark(marked);
  const document = await analyze(path, text);
  const found = lint(document, normalizeOptions({ locale }).options).filter((f) => f.ruleId === RULE);
  return { found, ranges, text };
}

/** The tail of every message: how the record is lost and what to do. */
const TAIL =
  " the failed record's included, so that record is never delivered again and is lost; rethrow so that the batch is redelivered (processing must then be idempotent), or send the record to a dead-letter topic before committing.";

/**
 * A Java poll loop: `{catch}` is the whole catch clause (marked where the finding is expected), `{after}` what
 * follows the loop over the records, `{inLoop}` what follows the try in the loop body.
 */
function javaLoop(parts: { catch?: string; after?: string; inLoop?: string; head?: string; tryBody?: string; before?: string } = {}): string {
  return [
    'import java.time.Duration;',
    'import java.util.*;',
    'import org.apache.kafka.clients.consumer.*;',
    'import org.apache.kafka.clients.producer.*;',
    'import org.apache.kafka.common.TopicPartition;',
    'class OrderConsumer {',
    '    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderConsumer.class);',
    '    private final KafkaProducer<String, String> deadLetters = null;',
    '    void run(KafkaConsumer<String, String> consumer) {',
    '        while (true) {',
    '            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));',
    `            ${parts.head ?? 'for (ConsumerRecord<String, String> record : records) {'}`,
    ...(parts.before ? [`                ${parts.before}`] : []),
    '                try {',
    `                    ${parts.tryBody ?? 'process(record);'}`,
    `                } ${parts.catch ?? '[|catch (Exception e)|] {\n                    log.error("failed to process {}", record.offset(), e);\n                }'}`,
    ...(parts.inLoop !== undefined ? [`                ${parts.inLoop}`] : []),
    '            }',
    `            ${parts.after ?? 'consumer.commitSync();'}`,
    '        }',
    '    }',
    '    void process(ConsumerRecord<String, String> record) throws Exception {}',
    '}',
    '',
  ].join('\n');
}

describe(RULE, () => {
  const fires: [string, string, string][] = [
    [
      'a catch that only logs, then commitSync() after the loop',
      javaLoop(),
      "catch (Exception e) swallows a failure to process record (it only logs it, or does nothing) and the loop goes on, then consumer.commitSync() commits the offsets of the whole batch,",
    ],
    [
      'an empty catch of Throwable, then commitAsync() after the loop',
      javaLoop({ catch: '[|catch (Throwable t)|] {\n                }', after: 'consumer.commitAsync();' }),
      "catch (Throwable t) swallows a failure to process record (it only logs it, or does nothing) and the loop goes on, then consumer.commitAsync() commits the offsets of the whole batch,",
    ],
    [
      'a multi-catch that prints the stack trace and continues, in a loop over consumer.poll() itself',
      javaLoop({
        head: 'for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {',
        tryBody: 'process(r);',
        catch: '[|catch (IllegalStateException | RuntimeException e)|] {\n                    e.printStackTrace();\n                    continue;\n                }',
      }),
      'catch (IllegalStateException | RuntimeException e) swallows a failure to process r (it only logs it, or does nothing) and the loop goes on, then consumer.commitSync() commits the offsets of the whole batch,',
    ],
    [
      'a catch that prints to System.err, then a commit in the loop after the try',
      javaLoop({ catch: '[|catch (Exception e)|] {\n                    System.err.println("skipped " + e);\n                }', inLoop: 'consumer.commitAsync();', after: '' }),
      'catch (Exception e) swallows a failure to process record (it only logs it, or does nothing), then consumer.commitAsync() in the same loop commits the polled offsets,',
    ],
    [
      'a catch in records.forEach(..), then a commit after it',
      [
        'import java.time.Duration;',
        'import org.apache.kafka.clients.consumer.*;',
        'class Lambda {',
        '    void run(KafkaConsumer<String, String> consumer) {',
        '        ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));',
        '        records.forEach(r -> {',
        '            try {',
        '                handle(r.value());',
        '            } [|catch (Exception ex)|] {',
        '                LOGGER.warn("bad record", ex);',
        '            }',
        '        });',
        '        consumer.commitSync(Duration.ofSeconds(5));',
        '    }',
        '}',
        '',
      ].join('\n'),
      'catch (Exception ex) swallows a failure to process r (it only logs it, or does nothing) and the loop goes on, then consumer.commitSync() commits the offsets of the whole batch,',
    ],
  ];
  for (const [title, marked, detail] of fires) {
    it(`fires on ${title}, at the catch, with the message`, async () => {
      const { found, ranges } = await findings('/ws/OrderConsumer.java', marked);
      assert.deepEqual(
        found.map((f) => f.range),
        ranges.map((r) => ({ start: r.start, end: r.end })),
      );
      assert.equal(found[0].message, `Consumer stage: ${detail}${TAIL}`);
      assert.equal(found[0].severity, 'warning');
      assert.equal(found[0].stage, 'consumer');
      assert.deepEqual(found[0].fixes ?? [], []);
    });
  }

  it('writes the message in Simplified Chinese', async () => {
    const { found } = await findings('/ws/OrderConsumer.java', javaLoop(), 'zh-cn');
    assert.equal(
      found[0].message,
      '消费者阶段：catch (Exception e) 吞掉了处理 record 时的失败（只记录日志，或什么也不做），循环继续，之后 consumer.commitSync() 提交整批消息的位移，' +
        '其中包括失败的那条消息，这条消息因此不会再被投递，就此丢失；请重新抛出异常，让这批消息被重新投递（这时处理必须是幂等的），或在提交之前把这条消息发送到死信主题。',
    );
  });

  it('reports each swallowing catch once, however many commits follow it', async () => {
    const { found, ranges } = await findings('/ws/OrderConsumer.java', javaLoop({ after: 'consumer.commitAsync();\n            consumer.commitSync();' }));
    assert.deepEqual(
      found.map((f) => f.range),
      ranges.map((r) => ({ start: r.start, end: r.end })),
    );
    assert.match(found[0].message, /then consumer\.commitAsync\(\) commits/, 'it names the first commit after the loop');
  });

  it('is silenced by a suppression comment on the line before the catch', async () => {
    const marked = javaLoop();
    assert.equal((await findings('/ws/OrderConsumer.java', marked)).found.length, 1, 'the lossy loop fires');
    const suppressed = marked.replace(
      '                } [|catch',
      '                    // kafka-lint-disable-next-line consumer/commit-after-swallowed-error -- best-effort metrics\n                } [|catch',
    );
    assert.notEqual(suppressed, marked);
    assert.deepEqual((await findings('/ws/OrderConsumer.java', suppressed)).found, []);
  });

  // Each safe variant is checked against the lossy loop it changes, so that the test fails if the rule is gone.
  const logOnly = (extra: string) => `catch (Exception e) {\n                    log.error("failed", e);\n                    ${extra}\n                }`;
  const safe: [string, Parameters<typeof javaLoop>[0]][] = [
    ['the catch rethrows', { catch: logOnly('throw new IllegalStateException(e);') }],
    ['the catch sends the record to a dead-letter topic', { catch: logOnly('deadLetters.send(new ProducerRecord<>("orders.DLT", record.key(), record.value()));') }],
    ['the catch hands the record to a recoverer', { catch: logOnly('recoverer.accept(record, e);') }],
    ['the catch retries', { catch: logOnly('retry(record);') }],
    ['the catch seeks back to the failed record', { catch: logOnly('consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());') }],
    ['the catch pauses the consumer', { catch: logOnly('consumer.pause(consumer.assignment());') }],
    ['the catch sets a flag', { catch: logOnly('failed = true;') }],
    ['the catch collects the failure', { catch: logOnly('failures.add(record);') }],
    ['the catch returns before the commit', { catch: logOnly('return;') }],
    ['the catch breaks out of the loop', { catch: logOnly('break;') }],
    ['the catch increments a failure metric', { catch: logOnly('errors.increment();') }],
    ['the catch is of a narrow type (a chosen skip of a poison record)', { catch: 'catch (NumberFormatException e) {\n                    log.warn("skipping malformed record", e);\n                }' }],
    ['the try has a finally block', { catch: 'catch (Exception e) {\n                    log.error("failed", e);\n                } finally {\n                    done(record);\n                }' }],
    ['code after the try in the loop may handle the failure', { inLoop: 'if (!ok) deadLetter(record);' }],
    ['the try only hands the record to another thread', { tryBody: 'executor.submit(() -> process(record));' }],
    ['the try does not process the record', { tryBody: 'metrics.tick();' }],
    ['the record is processed before the try (a further, perhaps best-effort, step)', { before: 'store(record);', tryBody: 'notifyShipping(record);' }],
    ['the consumer commits nothing (auto-commit off, no commit call)', { after: 'log.info("batch done");' }],
    ['the commit names explicit offsets', { after: 'consumer.commitSync(Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(1L)));' }],
    ['the commit is on something that is not a Kafka consumer', { after: 'connection.commit();' }],
  ];
  for (const [title, parts] of safe) {
    it(`does not fire when ${title}`, async () => {
      const lossy = await findings('/ws/OrderConsumer.java', javaLoop());
      assert.equal(lossy.found.length, 1, 'the lossy loop fires');
      const { found, text } = await findings('/ws/OrderConsumer.java', javaLoop(parts));
      assert.deepEqual(
        found.map((f) => text.slice(f.range.start, f.range.end)),
        [],
      );
    });
  }

  it('does not fire when the loop is not over records this consumer polled, or the commit comes before the loop', async () => {
    assert.equal((await findings('/ws/OrderConsumer.java', javaLoop())).found.length, 1, 'the lossy loop fires');
    // `backlog` holds records another consumer polled: committing `consumer` does not commit them.
    const other = javaLoop({ head: 'for (ConsumerRecord<String, String> record : backlog) {' }).replace(
      'void run(KafkaConsumer<String, String> consumer) {',
      'void run(KafkaConsumer<String, String> consumer, KafkaConsumer<String, String> other) {\n        ConsumerRecords<String, String> backlog = other.poll(Duration.ZERO);',
    );
    assert.deepEqual((await findings('/ws/OrderConsumer.java', other)).found, []);
    const before = javaLoop().replace('            for (ConsumerRecord', '            consumer.commitSync();\n            for (ConsumerRecord').replace(/\n {12}consumer\.commitSync\(\);\n {8}\}/, '\n        }');
    assert.ok(before.indexOf('consumer.commitSync()') < before.indexOf('for (ConsumerRecord'));
    assert.deepEqual((await findings('/ws/OrderConsumer.java', before)).found, []);
  });

  it('does not fire on a file that is not Kafka code', async () => {
    assert.equal((await findings('/ws/OrderConsumer.java', javaLoop())).found.length, 1, 'the lossy Kafka loop fires');
    const jdbc = [
      'import java.sql.*;',
      'class Import {',
      '    void run(Connection connection, java.util.List<String> rows) throws SQLException {',
      '        for (String row : rows) {',
      '            try {',
      '                insert(row);',
      '            } catch (Exception e) {',
      '                log.error("failed", e);',
      '            }',
      '        }',
      '        connection.commit();',
      '    }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual((await findings('/ws/Import.java', jdbc)).found, []);
  });
});

/** The tail of the kafkajs messages. */
const JS_TAIL =
  ' the failed message is never delivered again and is lost; rethrow so that kafkajs delivers it again (processing must then be idempotent), or send the message to a dead-letter topic before the handler returns.';

/**
 * A kafkajs consumer: `{run}` the options given to `run()` before the handler, `{catch}` the catch clause of
 * the handler's try (marked where the finding is expected), `{after}` what follows the try.
 */
function kafkajs(parts: { run?: string; catch?: string; after?: string; tryBody?: string; handler?: 'eachMessage' | 'eachBatch'; from?: 'confluent'; before?: string } = {}): string {
  const clause = parts.catch ?? "[|catch (err)|] {\n        console.error('failed to process', err);\n      }";
  const inner =
    parts.handler === 'eachBatch'
      ? [
          '    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {',
          '      for (const message of batch.messages) {',
          '      try {',
          `        ${parts.tryBody ?? 'await handle(message.value);'}`,
          `      } ${clause}`,
          `      ${parts.after ?? 'resolveOffset(message.offset);\n      await heartbeat();'}`,
          '      }',
          '    },',
        ]
      : [
          '    eachMessage: async ({ topic, message }: EachMessagePayload) => {',
          ...(parts.before ? [`      ${parts.before}`] : []),
          '      try {',
          `        ${parts.tryBody ?? 'await handle(message.value);'}`,
          `      } ${clause}`,
          ...(parts.after ? [`      ${parts.after}`] : []),
          '    },',
        ];
  return [
    parts.from === 'confluent'
      ? "import { KafkaJS } from '@confluentinc/kafka-javascript';\nconst { Kafka } = KafkaJS;\ntype EachMessagePayload = KafkaJS.EachMessagePayload;"
      : "import { Kafka, EachMessagePayload } from 'kafkajs';",
    "const kafka = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] });",
    "const consumer = kafka.consumer({ groupId: 'billing' });",
    "const producer = kafka.producer();",
    'export async function start(): Promise<void> {',
    "  await consumer.subscribe({ topic: 'orders' });",
    '  await consumer.run({',
    ...(parts.run ? [`    ${parts.run}`] : []),
    ...inner,
    '  });',
    '}',
    '',
  ].join('\n');
}

describe(`${RULE}: kafkajs`, () => {
  const fires: [string, string, string, string][] = [
    [
      'an eachMessage catch that only logs',
      '/ws/consumer.ts',
      kafkajs(),
      'catch (err) swallows a failure to process message (it only logs it, or does nothing), so the eachMessage handler resolves and kafkajs commits the offset of the message as if it had been processed:',
    ],
    [
      'an empty catch without a binding in an eachMessage handler that takes the whole payload',
      '/ws/consumer.js',
      [
        "const { Kafka } = require('kafkajs');",
        "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });",
        'consumer.run({',
        '  eachMessage: async (payload) => {',
        '    try {',
        '      await save(payload.message);',
        '    } [|catch|] {}',
        '  },',
        '});',
        '',
      ].join('\n'),
      'catch swallows a failure to process payload (it only logs it, or does nothing), so the eachMessage handler resolves and kafkajs commits the offset of the message as if it had been processed:',
    ],
    [
      'an eachBatch loop whose catch logs and continues',
      '/ws/consumer.ts',
      kafkajs({ handler: 'eachBatch', catch: "[|catch (e)|] {\n        logger.warn('skipping', e);\n        continue;\n      }" }),
      "catch (e) swallows a failure to process message (it only logs it, or does nothing) and the eachBatch handler's loop over the batch goes on, so kafkajs resolves and commits offsets past the message that failed:",
    ],
    [
      'an eachBatch loop with eachBatchAutoResolve off that resolves the offset after the try',
      '/ws/consumer.ts',
      kafkajs({ handler: 'eachBatch', run: 'eachBatchAutoResolve: false,' }),
      "catch (err) swallows a failure to process message (it only logs it, or does nothing) and the eachBatch handler's loop over the batch goes on, so kafkajs resolves and commits offsets past the message that failed:",
    ],
  ];
  for (const [title, path, marked, detail] of fires) {
    it(`fires on ${title}, at the catch, with the message`, async () => {
      const { found, ranges } = await findings(path, marked);
      assert.deepEqual(
        found.map((f) => f.range),
        ranges.map((r) => ({ start: r.start, end: r.end })),
      );
      assert.equal(found[0].message, `Consumer stage: ${detail}${JS_TAIL}`);
      assert.deepEqual(found[0].fixes ?? [], []);
    });
  }

  it('writes the kafkajs message in Simplified Chinese', async () => {
    const { found } = await findings('/ws/consumer.ts', kafkajs(), 'zh-cn');
    assert.equal(
      found[0].message,
      '消费者阶段：catch (err) 吞掉了处理 message 时的失败（只记录日志，或什么也不做），于是 eachMessage 处理函数正常返回，kafkajs 把这条消息的位移当作已处理完而提交：' +
        '失败的消息不会再被投递，就此丢失；请重新抛出异常，让 kafkajs 重新投递它（这时处理必须是幂等的），或在处理函数返回之前把这条消息发送到死信主题。',
    );
  });

  const logThen = (extra: string) => `catch (err) {\n        console.error('failed', err);\n        ${extra}\n      }`;
  const safe: [string, Parameters<typeof kafkajs>[0]][] = [
    ['the catch rethrows', { catch: logThen('throw err;') }],
    ['the catch sends the message to a dead-letter topic', { catch: logThen("await producer.send({ topic: 'orders.dlq', messages: [message] });") }],
    ['the catch pauses the consumer', { catch: logThen('consumer.pause([{ topic }]);') }],
    ['the catch records the failure', { catch: logThen('failures.push(message);') }],
    ['the catch returns', { catch: logThen('return;') }],
    ['the try has a finally block', { catch: "catch (err) {\n        console.error(err);\n      } finally {\n        await release(message);\n      }" }],
    ['code after the try may handle the failure', { after: 'await markDone(message);' }],
    ['the try does not process the message', { tryBody: 'await metrics.tick();' }],
    ['the message is processed before the try (a further, perhaps best-effort, step)', { before: 'await save(message);', tryBody: 'await notify(message);' }],
    ['run() turns autoCommit off', { run: 'autoCommit: false,' }],
    ['run() spreads options that may turn autoCommit off', { run: '...runOptions,' }],
    ['the client is the KafkaJS API of @confluentinc/kafka-javascript', { from: 'confluent' }],
  ];
  for (const [title, parts] of safe) {
    it(`does not fire when ${title}`, async () => {
      assert.equal((await findings('/ws/consumer.ts', kafkajs())).found.length, 1, 'the lossy handler fires');
      const { found } = await findings('/ws/consumer.ts', kafkajs(parts));
      assert.deepEqual(found.map((f) => f.message), []);
    });
  }

  it('does not fire on an eachBatch loop with eachBatchAutoResolve off and no resolveOffset after the try', async () => {
    assert.equal((await findings('/ws/consumer.ts', kafkajs({ handler: 'eachBatch', run: 'eachBatchAutoResolve: false,' }))).found.length, 1, 'the lossy batch fires');
    const { found } = await findings('/ws/consumer.ts', kafkajs({ handler: 'eachBatch', run: 'eachBatchAutoResolve: false,', after: 'await heartbeat();' }));
    assert.deepEqual(found.map((f) => f.message), []);
  });
});

/** The tail of the Python messages. */
const PY_TAIL =
  ' the failed message is never delivered again and is lost; re-raise so that it is not committed (processing must then be idempotent, since it runs again), or send the message to a dead-letter topic before committing.';

/**
 * A confluent-kafka poll loop: `{except}` is the except clause with its body (marked where the finding is
 * expected), `{between}` what comes between the try and the commit, `{commit}` the commit statement.
 */
function confluentLoop(parts: { except?: string; between?: string; commit?: string; tryBody?: string; extra?: string; before?: string } = {}): string {
  return [
    'import logging',
    'from confluent_kafka import Consumer, Producer',
    '',
    'log = logging.getLogger(__name__)',
    "consumer = Consumer({'bootstrap.servers': 'kafka:9092', 'group.id': 'billing', 'enable.auto.commit': False})",
    "dead_letters = Producer({'bootstrap.servers': 'kafka:9092'})",
    "consumer.subscribe(['orders'])",
    '',
    '',
    'def run():',
    '    while True:',
    '        msg = consumer.poll(1.0)',
    '        if msg is None:',
    '            continue',
    ...(parts.before ? [`        ${parts.before}`] : []),
    '        try:',
    `            ${parts.tryBody ?? 'handle(msg.value())'}`,
    `        ${parts.except ?? '[|except Exception as e|]:\n            log.error("failed to process %s: %s", msg.offset(), e)'}`,
    ...(parts.extra ? [`        ${parts.extra}`] : []),
    ...(parts.between ? [`        ${parts.between}`] : []),
    `        ${parts.commit ?? 'consumer.commit(msg)'}`,
    '',
  ].join('\n');
}

describe(`${RULE}: Python`, () => {
  const fires: [string, string, string][] = [
    [
      'a confluent-kafka poll loop whose except only logs, then commit(msg)',
      confluentLoop(),
      'except Exception as e swallows a failure to process msg (it only logs it, or does nothing), then consumer.commit() in the same loop iteration commits its offset:',
    ],
    [
      'a kafka-python iterator loop whose bare except prints the traceback and passes, then commit()',
      [
        'import traceback',
        'from kafka import KafkaConsumer',
        '',
        "consumer = KafkaConsumer('orders', group_id='billing', enable_auto_commit=False)",
        'for message in consumer:',
        '    try:',
        '        store(message.value)',
        '    [|except|]:',
        '        traceback.print_exc()',
        '        pass',
        '    consumer.commit()',
        '',
      ].join('\n'),
      'except swallows a failure to process message (it only logs it, or does nothing), then consumer.commit() in the same loop iteration commits its offset:',
    ],
    [
      'an aiokafka loop whose except logs, then await consumer.commit()',
      [
        'import logging',
        'from aiokafka import AIOKafkaConsumer',
        '',
        'logger = logging.getLogger(__name__)',
        '',
        'async def consume():',
        "    consumer = AIOKafkaConsumer('orders', group_id='billing', enable_auto_commit=False)",
        '    await consumer.start()',
        '    async for msg in consumer:',
        '        try:',
        '            await save(msg.value)',
        '        [|except (ValueError, Exception) as err|]:',
        "            logger.exception('failed')",
        '        await consumer.commit()',
        '',
      ].join('\n'),
      'except (ValueError, Exception) as err swallows a failure to process msg (it only logs it, or does nothing), then consumer.commit() in the same loop iteration commits its offset:',
    ],
    [
      'a loop over a consumed batch whose except logs and continues, then a commit of the whole batch',
      [
        'from confluent_kafka import Consumer',
        '',
        "consumer = Consumer({'bootstrap.servers': 'kafka:9092', 'group.id': 'billing', 'enable.auto.commit': False})",
        'while True:',
        '    msgs = consumer.consume(num_messages=100, timeout=1.0)',
        '    for m in msgs:',
        '        try:',
        '            handle(m.value())',
        '        [|except BaseException|]:',
        '            print("bad message")',
        '            continue',
        '    consumer.commit(asynchronous=False)',
        '',
      ].join('\n'),
      'except BaseException swallows a failure to process m (it only logs it, or does nothing) and the loop over the polled messages goes on, then consumer.commit() commits the offsets of all of them:',
    ],
  ];
  for (const [title, marked, detail] of fires) {
    it(`fires on ${title}, at the except, with the message`, async () => {
      const { found, ranges } = await findings('/ws/consumer.py', marked);
      assert.deepEqual(
        found.map((f) => f.range),
        ranges.map((r) => ({ start: r.start, end: r.end })),
      );
      assert.equal(found[0].message, `Consumer stage: ${detail}${PY_TAIL}`);
      assert.deepEqual(found[0].fixes ?? [], []);
    });
  }

  it('writes the Python message in Simplified Chinese', async () => {
    const { found } = await findings('/ws/consumer.py', confluentLoop(), 'zh-cn');
    assert.equal(
      found[0].message,
      '消费者阶段：except Exception as e 吞掉了处理 msg 时的失败（只记录日志，或什么也不做），之后同一次循环中的 consumer.commit() 提交了它的位移：' +
        '失败的消息不会再被投递，就此丢失；请重新抛出异常，让它不被提交（这时处理必须是幂等的，因为它会再运行一次），或在提交之前把这条消息发送到死信主题。',
    );
  });

  const logThen = (extra: string) => `except Exception as e:\n            log.error("failed: %s", e)\n            ${extra}`;
  const safe: [string, Parameters<typeof confluentLoop>[0]][] = [
    ['the except re-raises', { except: logThen('raise') }],
    ['the except sends the message to a dead-letter topic', { except: logThen("dead_letters.produce('orders.dlq', msg.value())") }],
    ['the except seeks back', { except: logThen('consumer.seek(msg)') }],
    ['the except pauses the consumer', { except: logThen('consumer.pause(consumer.assignment())') }],
    ['the except sets a flag', { except: logThen('failed = True') }],
    ['the except collects the failure', { except: logThen('failures.append(msg)') }],
    ['the except continues past the commit', { except: logThen('continue') }],
    ['the except breaks out of the loop', { except: logThen('break') }],
    ['the except returns', { except: logThen('return') }],
    ['the except names a narrow type', { except: 'except ValueError as e:\n            log.warning("skipping malformed message: %s", e)' }],
    ['the try has a finally clause', { extra: 'finally:\n            release(msg)' }],
    ['the try has an else clause', { extra: 'else:\n            mark_done(msg)' }],
    ['code between the try and the commit may handle the failure', { between: 'processed += 1' }],
    ['the try does not process the message', { tryBody: 'metrics.tick()' }],
    ['the message is processed before the try (a further, perhaps best-effort, step)', { before: 'store(msg.value())', tryBody: 'notify(msg.key())' }],
    ['the commit names explicit offsets', { commit: 'consumer.commit(offsets=[TopicPartition(msg.topic(), msg.partition(), msg.offset() + 1)])' }],
    ['the commit is on a database session', { commit: 'session.commit()' }],
    ['the consumer commits nothing (auto-commit off, no commit call)', { commit: 'log.info("done")' }],
  ];
  for (const [title, parts] of safe) {
    it(`does not fire when ${title}`, async () => {
      assert.equal((await findings('/ws/consumer.py', confluentLoop())).found.length, 1, 'the lossy loop fires');
      const { found } = await findings('/ws/consumer.py', confluentLoop(parts));
      assert.deepEqual(found.map((f) => f.message), []);
    });
  }
});
