import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument, ConfigGroup, Finding, Range } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import type { LintOptions } from '../../server/src/core/options';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'code', 'java');

/** A fixture's text. */
function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The range of the `n`-th occurrence of `needle` in `text` (throws when absent, so a typo cannot pass). */
function rangeOf(text: string, needle: string, n = 0, from = 0): Range {
  let at = text.indexOf(needle, from);
  for (let i = 0; i < n && at >= 0; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`fixture has no ${JSON.stringify(needle)} #${n}`);
  return { start: at, end: at + needle.length };
}

/** Scans and lints like the server does. */
async function check(path: string, text: string, options: LintOptions = DEFAULT_OPTIONS): Promise<{ doc: AnalyzedDocument; findings: Finding[] }> {
  const doc = await analyze(path, text);
  return { doc, findings: lint(doc, options) };
}

/** Findings as `ruleId @ text` for compact, exact comparison. */
function summary(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} @ ${text.slice(f.range.start, f.range.end)}`);
}

/** The finding of `ruleId` at `range`, or a failed assertion. */
function findingAt(findings: readonly Finding[], ruleId: string, range: Range): Finding {
  const f = findings.find((x) => x.ruleId === ruleId && x.range.start === range.start && x.range.end === range.end);
  assert.ok(f, `no ${ruleId} at ${JSON.stringify(range)}; got ${JSON.stringify(findings.map((x) => [x.ruleId, x.range]))}`);
  return f;
}

/** The text after applying a finding's preferred (or only) fix. */
function fixed(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
  assert.ok(fix, `${finding.ruleId} has no fix`);
  return applyEdits(text, fix.edits);
}

/** The group whose anchor starts with `head`. */
function groupAt(doc: AnalyzedDocument, text: string, head: string): ConfigGroup {
  const g = doc.groups.find((x) => text.slice(x.anchor.start, x.anchor.end).startsWith(head));
  assert.ok(g, `no group anchored at ${head}`);
  return g;
}

describe('Java scanner: producer config in code', () => {
  const text = fixture('producer-lossy.java');

  it('maps ProducerConfig constants and string keys to canonical entries with exact ranges', async () => {
    const { doc } = await check('producer-lossy.java', text);
    assert.equal(doc.kind, 'java');
    assert.equal(doc.isKafka, true);
    assert.equal(doc.commentPrefix, '//');
    assert.equal(doc.groups.length, 1);
    const g = doc.groups[0];
    assert.deepEqual(g.roles, ['producer']);
    assert.equal(g.library, 'java');
    assert.deepEqual(g.anchor, rangeOf(text, 'new KafkaProducer<>(props)'));
    assert.deepEqual(
      g.entries.map((e) => [e.key, e.value]),
      [
        ['bootstrap.servers', '${servers}'],
        ['key.serializer', 'StringSerializer'],
        ['value.serializer', 'StringSerializer'],
        ['acks', '0'],
        ['retries', '0'],
        ['enable.idempotence', 'false'],
      ],
    );
    const acks = g.entries[3];
    assert.equal(acks.rawKey, 'ProducerConfig.ACKS_CONFIG');
    assert.deepEqual(acks.keyRange, rangeOf(text, 'ProducerConfig.ACKS_CONFIG'));
    assert.deepEqual(acks.valueRange, rangeOf(text, '"0"'));
    assert.equal(acks.identity, '0:acks');
    assert.equal(acks.renderValue?.('all'), '"all"');
    const line = rangeOf(text, '        props.put(ProducerConfig.ACKS_CONFIG, "0");\n');
    assert.deepEqual(acks.removeRange, line);
    assert.equal(g.entries[4].renderValue?.('2147483647'), 'Integer.MAX_VALUE');
    assert.equal(g.entries[5].renderValue?.('true'), 'Boolean.TRUE');
    // An expression the scanner cannot read is a placeholder (rules skip it) and has no rendering.
    assert.equal(g.entries[0].renderValue, undefined);
  });

  it('reports acks=0, retries=0 and enable.idempotence=false on their values, with fixes in Java syntax', async () => {
    const { findings } = await check('producer-lossy.java', text);
    const acks = findingAt(findings, 'producer/acks-zero', rangeOf(text, '"0"'));
    assert.ok(fixed(text, acks).includes('        props.put(ProducerConfig.ACKS_CONFIG, "all");\n'));
    const retries = findingAt(findings, 'producer/retries-disabled', rangeOf(text, '0', 0, text.indexOf('RETRIES_CONFIG')));
    assert.equal(fixed(text, retries), text.replace('        props.put(ProducerConfig.RETRIES_CONFIG, 0);\n', ''));
    const setRetries = retries.fixes?.find((f) => !f.preferred);
    assert.ok(setRetries);
    assert.ok(applyEdits(text, setRetries.edits).includes('props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);'));
    findingAt(findings, 'producer/idempotence-disabled', rangeOf(text, 'Boolean.FALSE'));
  });

  it('flags sends whose Future is dropped (statement and forEach lambda), with a callback fix', async () => {
    const { findings } = await check('producer-lossy.java', text);
    const sends = findings.filter((f) => f.ruleId === 'producer/unhandled-send');
    assert.deepEqual(
      sends.map((f) => f.range),
      [rangeOf(text, 'producer.send(new ProducerRecord<>("orders", order))'), rangeOf(text, 'producer.send(new ProducerRecord<>("orders", o))')],
    );
    assert.match(sends[0].message, /^Producer stage: producer\.send\(\.\.\) has no callback and its Future is dropped/);
    assert.equal(
      fixed(text, sends[0]),
      text.replace(
        'producer.send(new ProducerRecord<>("orders", order));',
        'producer.send(new ProducerRecord<>("orders", order), (metadata, exception) -> { if (exception != null) { /* handle the failed send: retry, log, or dead-letter it */ } });',
      ),
    );
    assert.ok(fixed(text, sends[1]).includes('orders.forEach(o -> producer.send(new ProducerRecord<>("orders", o), (metadata, exception) -> { if (exception != null) {'));
  });

  it('flags close(Duration.ZERO) without a flush and fixes it by flushing first', async () => {
    const { findings } = await check('producer-lossy.java', text);
    const close = findingAt(findings, 'producer/close-without-flush', rangeOf(text, 'producer.close(Duration.ZERO)'));
    assert.equal(fixed(text, close), text.replace('        producer.close(Duration.ZERO);', '        producer.flush();\n        producer.close(Duration.ZERO);'));
  });

  it('finds nothing in a safe producer (callbacks, get(), kept futures, constants, flush before close)', async () => {
    const safe = fixture('producer-safe.java');
    const { doc, findings } = await check('producer-safe.java', safe);
    assert.deepEqual(summary(safe, findings), []);
    assert.deepEqual(
      doc.groups[0].entries.map((e) => [e.key, e.value]),
      [
        ['bootstrap.servers', 'localhost:9092'],
        ['acks', 'all'],
        ['retries', '2147483647'],
        ['enable.idempotence', 'true'],
        ['delivery.timeout.ms', '120000'],
      ],
    );
    assert.deepEqual(doc.facts, []);
  });

  it('reads acks=1 as leader-only when the configured Kafka version defaults differently', async () => {
    const src = `import org.apache.kafka.clients.producer.*;\nclass P {\n  KafkaProducer<String, String> p() {\n    var props = new java.util.Properties();\n    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092");\n    return new KafkaProducer<>(props);\n  }\n}\n`;
    const { findings } = await check('P.java', src, { ...DEFAULT_OPTIONS, kafkaVersion: '2.8' });
    const f = findingAt(findings, 'producer/acks-leader-only', rangeOf(src, 'new KafkaProducer<>(props)'));
    assert.equal(
      fixed(src, f),
      src.replace('props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092");', 'props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092");\n    props.put(ProducerConfig.ACKS_CONFIG, "all");'),
    );
  });
});

describe('Java scanner: consumers', () => {
  it('offers no move when the processing is the return statement: nothing runs after it', async () => {
    // From a real iterator: the records are processed in the returned stream.
    const text = [
      'import java.time.Duration;',
      'import java.util.List;',
      'import java.util.stream.*;',
      'import org.apache.kafka.clients.consumer.*;',
      'class Iterator {',
      '    List<String> next(KafkaConsumer<String, String> consumer) {',
      '        ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));',
      '        consumer.commitSync();',
      '        return StreamSupport.stream(records.spliterator(), false)',
      '                .map(c -> c.value()).collect(Collectors.toList());',
      '    }',
      '}',
      '',
    ].join('\n');
    const { findings } = await check('/ws/Iterator.java', text);
    const early = findingAt(findings, 'consumer/commit-before-processing', rangeOf(text, 'consumer.commitSync()'));
    assert.deepEqual(early.fixes?.filter((f) => f.preferred) ?? [], []);
  });

  it('flags a commit between poll() and the loop over the records, and moves it after the loop', async () => {
    const text = fixture('consumer-commit-early.java');
    const { findings } = await check('consumer-commit-early.java', text);
    const early = findingAt(findings, 'consumer/commit-before-processing', rangeOf(text, 'consumer.commitSync()'));
    assert.match(early.message, /^Consumer stage: consumer\.commitSync\(\) commits the offsets of everything the last poll\(\) returned before those records are processed/);
    assert.equal(
      fixed(text, early),
      text.replace(
        '                consumer.commitSync();\n                for (ConsumerRecord<String, String> record : records) {\n                    handle(record);\n                }\n',
        '                for (ConsumerRecord<String, String> record : records) {\n                    handle(record);\n                }\n                consumer.commitSync();\n',
      ),
    );
    // Inside the loop over the batch, a no-argument commit commits records not processed yet.
    const inLoop = findingAt(findings, 'consumer/commit-before-processing', rangeOf(text, 'consumer.commitAsync()'));
    assert.equal(
      fixed(text, inLoop),
      text.replace('            handle(r);\n            consumer.commitAsync();\n        }\n', '            handle(r);\n        }\n        consumer.commitAsync();\n'),
    );
    // The commit after the loop is the correct place.
    const after = rangeOf(text, 'consumer.commitSync()', 1);
    assert.equal(findings.some((f) => f.range.start === after.start), false);
  });

  // akto-api-security TestingConsumer: the commit in the loop sits in its own try/catch that swallows a
  // failed commit. Moving only the commit left an empty try and let a commit failure end the consumer.
  it('moves a commit in the loop together with the try/catch that holds only it; no move from inside an if', async () => {
    const loop = (inner: string[]) =>
      [
        'import java.time.Duration;',
        'import org.apache.kafka.clients.consumer.*;',
        'class Tests {',
        '    void run(KafkaConsumer<String, String> consumer) {',
        '        while (true) {',
        '            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(5000));',
        '            for (ConsumerRecord<String, String> record : records) {',
        '                handle(record.value());',
        ...inner,
        '            }',
        '        }',
        '    }',
        '}',
        '',
      ].join('\n');
    const tryCommit = ['                try {', '                    consumer.commitSync();', '                } catch (Exception e) {', '                    e.printStackTrace();', '                }'];
    const text = loop(tryCommit);
    const { findings } = await check('/ws/Tests.java', text);
    assert.deepEqual(summary(text, findings), ['consumer/commit-before-processing @ consumer.commitSync()']);
    assert.deepEqual(findings[0].range, rangeOf(text, 'consumer.commitSync()'));
    assert.equal(
      fixed(text, findings[0]),
      text.replace(`${tryCommit.join('\n')}\n            }\n`, `            }\n${tryCommit.map((l) => l.slice(4)).join('\n')}\n`),
    );
    // A commit under a condition would run unconditionally after the loop: reported, with no move.
    const guarded = loop(['                if (record.offset() % 100 == 0) {', '                    consumer.commitSync();', '                }']);
    const cond = await check('/ws/Guarded.java', guarded);
    assert.deepEqual(summary(guarded, cond.findings), ['consumer/commit-before-processing @ consumer.commitSync()']);
    assert.deepEqual(cond.findings[0].fixes ?? [], []);
  });

  it('reads statically imported ConsumerConfig constants and reports auto-commit and latest', async () => {
    const text = fixture('consumer-commit-early.java');
    const { doc, findings } = await check('consumer-commit-early.java', text);
    assert.deepEqual(
      doc.groups[0].entries.map((e) => `${e.rawKey}=${e.key}`),
      ['BOOTSTRAP_SERVERS_CONFIG=bootstrap.servers', 'GROUP_ID_CONFIG=group.id', 'AUTO_OFFSET_RESET_CONFIG=auto.offset.reset'],
    );
    findingAt(findings, 'consumer/auto-offset-reset-latest', rangeOf(text, '"latest"'));
    const auto = findingAt(findings, 'consumer/auto-commit-enabled', rangeOf(text, 'new KafkaConsumer<>(props)'));
    assert.ok(fixed(text, auto).includes('        props.setProperty(AUTO_OFFSET_RESET_CONFIG, "latest");\n        props.setProperty(ENABLE_AUTO_COMMIT_CONFIG, "false");\n'));
  });

  it('no unset auto-commit for a consumer without group.id (Kafka 2.2+ turns the default off), still before 2.2 and with a group', async () => {
    // As in eugenp/tutorials' LagAnalyzerService: a consumer built only to read end offsets, assigned, no group.
    const text = [
      'import java.util.Properties;',
      'import org.apache.kafka.clients.consumer.*;',
      'class Lag {',
      '  KafkaConsumer<String, String> offsets(String servers) {',
      '    Properties props = new Properties();',
      '    props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);',
      '    props.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringDeserializer");',
      '    return new KafkaConsumer<>(props);',
      '  }',
      '}',
      '',
    ].join('\n');
    const auto = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId === 'consumer/auto-commit-enabled').length;
    assert.equal(auto((await check('/ws/Lag.java', text)).findings), 0);
    // Kafka 2.1 defaulted group.id to "" and kept auto-commit on.
    assert.equal(auto((await check('/ws/Lag.java', text, { ...DEFAULT_OPTIONS, kafkaVersion: '2.1' })).findings), 1);
    const grouped = text.replace('    return new', '    props.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "lag");\n    return new');
    assert.equal(auto((await check('/ws/Lag.java', grouped)).findings), 1);
    // A helper's map that a caller takes and adds group.id to (eugenp/tutorials' VariableFetchSizeKafkaListenerLiveTest):
    // the consumer built from it has a group, and the default applies to it.
    const helper = [
      'import java.util.Properties;',
      'import org.apache.kafka.clients.consumer.*;',
      'class Sizes {',
      '  KafkaConsumer<String, String> small() {',
      '    Properties p = common();',
      '    p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "small");',
      '    return new KafkaConsumer<>(p);',
      '  }',
      '  static Properties common() {',
      '    Properties props = new Properties();',
      '    props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    props.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringDeserializer");',
      '    return props;',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.equal(auto((await check('/ws/Sizes.java', helper)).findings), 1);
  });

  it('reports auto-commit when unset (at the constructor) and when true (at the value), not for configs from elsewhere', async () => {
    const text = fixture('consumer-auto-commit.java');
    const { findings } = await check('consumer-auto-commit.java', text);
    assert.deepEqual(summary(text, findings), ['consumer/auto-commit-enabled @ new KafkaConsumer<>(props)', 'consumer/auto-commit-enabled @ "true"']);
    assert.deepEqual(findings[0].range, rangeOf(text, 'new KafkaConsumer<>(props)', 0));
    assert.equal(
      fixed(text, findings[0]),
      text.replace('props.put(ConsumerConfig.GROUP_ID_CONFIG, "reports");', 'props.put(ConsumerConfig.GROUP_ID_CONFIG, "reports");\n        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");'),
    );
    assert.equal(fixed(text, findings[1]), text.replace('ENABLE_AUTO_COMMIT_CONFIG, "true"', 'ENABLE_AUTO_COMMIT_CONFIG, "false"'));
  });

  it('flags a commit while the batch is still processed on worker threads, not once the work is awaited', async () => {
    const text = fixture('consumer-async.java');
    const { findings } = await check('consumer-async.java', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range]),
      [
        ['consumer/commit-before-processing', rangeOf(text, 'consumer.commitSync()', 0)],
        ['consumer/commit-before-processing', rangeOf(text, 'consumer.commitAsync()', 0)],
      ],
    );
    assert.match(findings[0].message, /still being processed on another thread/);
  });

  it('finds nothing in a consumer that commits after processing or commits explicit offsets', async () => {
    const text = fixture('consumer-safe.java');
    const { doc, findings } = await check('consumer-safe.java', text);
    assert.deepEqual(summary(text, findings), []);
    assert.deepEqual(doc.facts, []);
  });
});

describe('Java scanner: puts after the client is built', () => {
  const head = [
    'import java.util.*;',
    'import org.apache.kafka.clients.consumer.*;',
    'import org.apache.kafka.clients.producer.*;',
    'class Clients {',
  ];

  it('takes a client\'s settings as they are when it is built: a map reused for the next client does not reconfigure it', async () => {
    // As in a real test class: the later puts go into the first map by mistake; the first producer has acks=0.
    const text = [
      ...head,
      '  static void setup() {',
      '    Properties first = base();',
      '    first.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> p0 = new KafkaProducer<>(first);',
      '    Properties second = base();',
      '    first.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    KafkaProducer<String, String> p1 = new KafkaProducer<>(second);',
      '  }',
      '  static Properties base() {',
      '    Properties p = new Properties();',
      '    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    return p;',
      '  }',
      '}',
      '',
    ].join('\n');
    const { findings } = await check('/ws/Clients.java', text);
    assert.deepEqual(summary(text, findings), ['producer/acks-zero @ "0"']);
  });

  it('adds a missing setting before the client is built, not after a put that comes later', async () => {
    const text = [
      ...head,
      '  KafkaConsumer<String, String> build() {',
      '    Properties props = new Properties();',
      '    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    props.put(ConsumerConfig.GROUP_ID_CONFIG, "g");',
      '    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);',
      '    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "late");',
      '    return consumer;',
      '  }',
      '}',
      '',
    ].join('\n');
    const { findings } = await check('/ws/Late.java', text);
    const auto = findingAt(findings, 'consumer/auto-commit-enabled', rangeOf(text, 'new KafkaConsumer<>(props)'));
    assert.equal(
      fixed(text, auto),
      text.replace('"g");\n', '"g");\n    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");\n'),
    );
  });

  it('keeps every put when the map is used again after the client, or the client is built in a loop', async () => {
    const handedOn = [
      ...head,
      '  void run() {',
      '    Properties props = new Properties();',
      '    props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
      '    props.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    register(props);',
      '  }',
      '  void register(Properties props) {}',
      '}',
      '',
    ].join('\n');
    // Told as before: the later value is what the map holds when it is handed on.
    const { findings: handed } = await check('/ws/HandedOn.java', handedOn);
    assert.deepEqual(summary(handedOn, handed), ['config/duplicate-key @ ProducerConfig.ACKS_CONFIG']);
    const loop = [
      ...head,
      '  List<KafkaProducer<String, String>> run(List<String> ids) {',
      '    List<KafkaProducer<String, String>> out = new ArrayList<>();',
      '    Properties props = new Properties();',
      '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    for (String id : ids) {',
      '      out.add(new KafkaProducer<>(props));',
      '      props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    }',
      '    return out;',
      '  }',
      '}',
      '',
    ].join('\n');
    // The second producer of the loop is built after the put: it has acks=0.
    const { findings: looped } = await check('/ws/Loop.java', loop);
    assert.deepEqual(summary(loop, looped), ['producer/acks-zero @ "0"']);
  });
});

describe('Java scanner: a map put into between two clients built from it', () => {
  const head = [
    'import java.util.*;',
    'import org.apache.kafka.clients.consumer.*;',
    'import org.apache.kafka.clients.producer.*;',
    'class Clients {',
  ];
  const file = (...body: string[]) => [...head, ...body, '}', ''].join('\n');

  it('each client has the settings put before it: a put between them is no duplicate, and the first client`s acks=0 is reported', async () => {
    // As in spring-kafka's listener container tests: one map, a group.id per consumer built from it.
    const text = file(
      '  void run() {',
      '    Properties props = new Properties();',
      '    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");',
      '    props.put(ConsumerConfig.GROUP_ID_CONFIG, "lt1");',
      '    KafkaConsumer<String, String> first = new KafkaConsumer<>(props);',
      '    props.put(ConsumerConfig.GROUP_ID_CONFIG, "lt2");',
      '    KafkaConsumer<String, String> second = new KafkaConsumer<>(props);',
      '  }',
      '  void produce() {',
      '    Properties p = new Properties();',
      '    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    p.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> fast = new KafkaProducer<>(p);',
      '    p.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    KafkaProducer<String, String> safe = new KafkaProducer<>(p);',
      '  }',
    );
    const { doc, findings } = await check('/ws/Clients.java', text);
    // One finding for acks=0 though the entry is read for one client only; nothing about the puts between clients.
    assert.deepEqual(summary(text, findings), ['producer/acks-zero @ "0"']);
    assert.deepEqual(
      doc.groups.map((g) => [g.roles, g.entries.map((e) => `${e.key}=${e.value}`)]),
      [
        [['consumer'], ['bootstrap.servers=k:9092', 'enable.auto.commit=false', 'group.id=lt1']],
        [['consumer'], ['bootstrap.servers=k:9092', 'enable.auto.commit=false', 'group.id=lt2']],
        [['producer'], ['bootstrap.servers=k:9092', 'acks=0']],
        [['producer'], ['bootstrap.servers=k:9092', 'acks=all']],
      ],
    );
  });

  it('a setting both clients take is reported once, with its fix; one the first lacks is added before the first client', async () => {
    const text = file(
      '  void run() {',
      '    Properties props = new Properties();',
      '    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    props.put(ConsumerConfig.GROUP_ID_CONFIG, "a");',
      '    KafkaConsumer<String, String> first = new KafkaConsumer<>(props);',
      '    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");',
      '    KafkaConsumer<String, String> second = new KafkaConsumer<>(props);',
      '  }',
    );
    const { findings } = await check('/ws/Shared.java', text);
    const auto = findings.filter((f) => f.ruleId === 'consumer/auto-commit-enabled');
    // The first consumer leaves it unset (default true), the second sets it to true: one finding each.
    assert.deepEqual(auto.map((f) => text.slice(f.range.start, f.range.end)), ['new KafkaConsumer<>(props)', '"true"']);
    assert.equal(fixed(text, auto[0]), text.replace('"a");\n', '"a");\n    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");\n'));
    const both = await check('/ws/Twice.java', text.replace('"true"', '"false"'));
    assert.deepEqual(both.findings.filter((f) => f.ruleId === 'consumer/auto-commit-enabled').length, 1);
    // acks=0 put before both producers: both have it, one finding, and its fix sets it for both.
    const shared = file(
      '  void produce() {',
      '    Properties p = new Properties();',
      '    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    p.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> a = new KafkaProducer<>(p);',
      '    p.put(ProducerConfig.CLIENT_ID_CONFIG, "b");',
      '    KafkaProducer<String, String> b = new KafkaProducer<>(p);',
      '  }',
    );
    const zero = await check('/ws/SharedAcks.java', shared);
    assert.equal(zero.doc.groups.length, 2);
    assert.deepEqual(summary(shared, zero.findings), ['producer/acks-zero @ "0"']);
    assert.equal(fixed(shared, zero.findings[0]), shared.replace('"0"', '"all"'));
  });

  it('keeps one config, every put counting, when the map is used otherwise between the clients or a client is built in a loop', async () => {
    const handed = file(
      '  void run() {',
      '    Properties props = new Properties();',
      '    props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> a = new KafkaProducer<>(props);',
      '    register(props);',
      '    props.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    KafkaProducer<String, String> b = new KafkaProducer<>(props);',
      '  }',
      '  void register(Properties props) {}',
    );
    const { findings } = await check('/ws/Handed.java', handed);
    assert.deepEqual(summary(handed, findings), ['config/duplicate-key @ ProducerConfig.ACKS_CONFIG']);
    // Built in a loop: the second round's first client sees the first round's last put.
    const looped = file(
      '  void run(List<String> ids, List<KafkaProducer<String, String>> out) {',
      '    Properties props = new Properties();',
      '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '    for (String id : ids) {',
      '      props.put(ProducerConfig.CLIENT_ID_CONFIG, id);',
      '      out.add(new KafkaProducer<>(props));',
      '      props.put(ProducerConfig.CLIENT_ID_CONFIG, id + "-audit");',
      '      out.add(new KafkaProducer<>(props));',
      '    }',
      '  }',
    );
    const loop = await check('/ws/Looped.java', looped);
    assert.equal(loop.doc.groups.length, 1);
  });
});

describe('Java scanner: a field map each method of which builds its own client', () => {
  const file = (...body: string[]) =>
    ['import java.util.*;', 'import org.apache.kafka.clients.producer.*;', 'class FieldClients {', ...body, '}', ''].join('\n');

  it('each client has the field`s shared settings and the puts of its own method: no duplicate across methods, the first method`s acks=0 reported', async () => {
    // As in eugenp/tutorials' KafkaStreamsLiveTest: a field filled in @Before, each test puts its own
    // application.id and builds its client; each client copies the map as it stands in its own method.
    const text = file(
      '  private Properties props = new Properties();',
      '  void setUp() {',
      '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092");',
      '  }',
      '  void fast() {',
      '    props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
      '  }',
      '  void safe() {',
      '    props.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    props.put(ProducerConfig.CLIENT_ID_CONFIG, "safe");',
      '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
      '  }',
    );
    const { doc, findings } = await check('/ws/FieldClients.java', text);
    assert.deepEqual(summary(text, findings), ['producer/acks-zero @ "0"']);
    assert.deepEqual(
      doc.groups.map((g) => [g.roles, g.entries.map((e) => `${e.key}=${e.value}`)]),
      [
        [['producer'], ['bootstrap.servers=k:9092', 'acks=0']],
        [['producer'], ['bootstrap.servers=k:9092', 'acks=all', 'client.id=safe']],
      ],
    );
  });

  it('keeps one config when a client`s method uses the field otherwise before its client, or two clients share a method', async () => {
    const handed = file(
      '  private Properties props = new Properties();',
      '  void fast() {',
      '    props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    register(props);',
      '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
      '  }',
      '  void safe() {',
      '    props.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
      '  }',
      '  void register(Properties p) {}',
    );
    const one = await check('/ws/Handed.java', handed);
    assert.equal(one.doc.groups.length, 1);
    assert.deepEqual(summary(handed, one.findings), ['config/duplicate-key @ ProducerConfig.ACKS_CONFIG']);
    const shared = file(
      '  private Properties props = new Properties();',
      '  void both() {',
      '    props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> a = new KafkaProducer<>(props);',
      '    KafkaProducer<String, String> b = new KafkaProducer<>(props);',
      '  }',
      '  void safe() {',
      '    props.put(ProducerConfig.ACKS_CONFIG, "all");',
      '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
      '  }',
    );
    assert.equal((await check('/ws/Shared.java', shared)).doc.groups.length, 1);
  });
});

describe('Java scanner: a local map variable given a new empty map', () => {
  const file = (...body: string[]) =>
    ['import java.util.*;', 'import org.apache.kafka.clients.producer.*;', 'class Examples {', ...body, '}', ''].join('\n');

  it('each new map is a config of its own: no duplicate across them, and the first map`s acks=1 is reported', async () => {
    // As in vert-x3/vertx-kafka-client's VertxKafkaClientExamples: `config = new HashMap<>();` between examples.
    const text = file(
      '  void examples(Vertx vertx) {',
      '    Map<String, String> config = new HashMap<>();',
      '    config.put("bootstrap.servers", "localhost:9092");',
      '    config.put("acks", "1");',
      '    KafkaProducer<String, String> fast = new KafkaProducer<>(config);',
      '    config = new HashMap<>();',
      '    config.put("bootstrap.servers", "localhost:9092");',
      '    config.put("acks", "all");',
      '    KafkaProducer<String, String> safe = new KafkaProducer<>(config);',
      '  }',
    );
    const { doc, findings } = await check('/ws/Examples.java', text);
    assert.deepEqual(summary(text, findings), ['producer/acks-leader-only @ "1"']);
    assert.deepEqual(
      doc.groups.map((g) => g.entries.map((e) => `${e.key}=${e.value}`)),
      [
        ['bootstrap.servers=localhost:9092', 'acks=1'],
        ['bootstrap.servers=localhost:9092', 'acks=all'],
      ],
    );
  });

  it('keeps one config when the new map is assigned in a branch or a loop, or is not empty', async () => {
    for (const assign of ['    if (fast) config = new HashMap<>();', '    config = defaults();', '    for (int i = 0; i < 1; i++) config = new HashMap<>();']) {
      const text = file(
        '  void examples(boolean fast) {',
        '    Map<String, String> config = new HashMap<>();',
        '    config.put("acks", "1");',
        assign,
        '    config.put("acks", "all");',
        '    KafkaProducer<String, String> p = new KafkaProducer<>(config);',
        '  }',
        '  Map<String, String> defaults() { return new HashMap<>(); }',
      );
      const { doc } = await check('/ws/Examples.java', text);
      assert.equal(doc.groups.length, 1, assign);
    }
  });
});

describe('Java scanner: Kafka Streams configs', () => {
  it('reads a config with Streams keys as a Streams app\'s, also when no client in the file is seen taking it', async () => {
    const text = [
      'import java.util.Properties;',
      'import org.apache.kafka.clients.consumer.ConsumerConfig;',
      'import org.apache.kafka.streams.KafkaStreams;',
      'import org.apache.kafka.streams.StreamsConfig;',
      'public class App {',
      '  private Properties streamsProps() {',
      '    var properties = new Properties();',
      '    properties.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "bank-app");',
      '    properties.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");',
      '    return properties;',
      '  }',
      '  private Properties consumerProps() {',
      '    var properties = new Properties();',
      '    properties.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "audit");',
      '    return properties;',
      '  }',
      '  public static void main(String[] args) {',
      '    var app = new App();',
      '    new KafkaStreams(topology(), app.streamsProps()).start();',
      '  }',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await check('/ws/App.java', text);
    // `app.streamsProps()` is not followed (a call on another object), so the keys decide: Streams, whose
    // consumers commit as Streams decides; the other helper's group.id still makes a plain consumer config.
    assert.deepEqual(doc.groups.map((g) => g.roles), [['streams'], ['consumer']]);
    assert.deepEqual(summary(text, findings), ['consumer/auto-commit-enabled @ properties = new Properties()']);
    findingAt(findings, 'consumer/auto-commit-enabled', rangeOf(text, 'properties = new Properties()', 1));
  });
});

describe('Java scanner: Spring and topics', () => {
  const text = fixture('spring-config.java');

  it('follows config maps into Spring factories, through @Bean methods that return them', async () => {
    const { doc } = await check('spring-config.java', text);
    const producer = groupAt(doc, text, 'new DefaultKafkaProducerFactory<>(producerConfigs())');
    assert.deepEqual(producer.roles, ['producer']);
    assert.equal(producer.library, 'java');
    assert.deepEqual(producer.entries.map((e) => e.key), ['bootstrap.servers', 'acks']);
    const consumer = groupAt(doc, text, 'new DefaultKafkaConsumerFactory<>(Map.of(');
    assert.deepEqual(consumer.anchor, rangeOf(text, 'new DefaultKafkaConsumerFactory<>(Map.of('));
    assert.equal(consumer.library, 'spring');
    assert.equal(consumer.springContainer, true);
    // Map.of takes one more pair, in the literal's own layout.
    const edit = consumer.insertEntry?.('enable.auto.commit', 'false');
    assert.ok(edit);
    assert.ok(applyEdits(text, [edit]).includes('            ConsumerConfig.GROUP_ID_CONFIG, "orders",\n            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));'));
  });

  it('reports acks=1, low replication factors and min.insync.replicas on topics, and the ignored template future', async () => {
    const { findings } = await check('spring-config.java', text);
    assert.deepEqual(summary(text, findings), [
      'producer/acks-leader-only @ "1"',
      'broker/replication-factor-too-low @ (short) 1',
      'broker/replication-factor-too-low @ 2',
      'broker/min-insync-replicas-too-low @ "1"',
      'producer/unhandled-send @ template.send("orders", v)',
      // `.whenComplete((r, e) -> {})` never reads the exception either.
      'producer/unhandled-send @ template.send("orders", v)',
    ]);
    const rf = findingAt(findings, 'broker/replication-factor-too-low', rangeOf(text, '(short) 1'));
    assert.ok(fixed(text, rf).includes('return new NewTopic("orders", 6, (short) 3);'));
    const replicas = findingAt(findings, 'broker/replication-factor-too-low', rangeOf(text, '2', 0, text.indexOf('.replicas(')));
    assert.ok(fixed(text, replicas).includes('.partitions(3).replicas(3).config('));
    const send = findingAt(findings, 'producer/unhandled-send', rangeOf(text, 'template.send("orders", v)'));
    assert.ok(
      fixed(text, send).includes('template.send("orders", v).whenComplete((result, ex) -> { if (ex != null) { /* handle the failed send: retry, log, or dead-letter it */ } });'),
    );
    // The consumer factory feeds a listener container, which turns auto-commit off itself.
    assert.equal(findings.some((f) => f.ruleId === 'consumer/auto-commit-enabled'), false);
  });

  it('treats a consumer factory outside any listener container as a plain Kafka consumer', async () => {
    const src = `import org.springframework.kafka.core.DefaultKafkaConsumerFactory;\nimport java.util.Map;\nclass F {\n  Object f() {\n    return new DefaultKafkaConsumerFactory<>(Map.of("group.id", "g"));\n  }\n}\n`;
    const { doc, findings } = await check('F.java', src);
    assert.equal(doc.groups[0].library, 'java');
    assert.equal(doc.groups[0].springContainer, undefined);
    const f = findingAt(findings, 'consumer/auto-commit-enabled', rangeOf(src, 'new DefaultKafkaConsumerFactory<>(Map.of("group.id", "g"))'));
    assert.ok(fixed(src, f).includes('Map.of("group.id", "g", "enable.auto.commit", "false")'));
  });

  it('reads NewTopic with Optional replication factors and chained configs', async () => {
    const src = `import org.apache.kafka.clients.admin.NewTopic;\nimport org.apache.kafka.common.config.TopicConfig;\nimport java.util.*;\nclass T {\n  List<NewTopic> t() {\n    return List.of(\n      new NewTopic("a", Optional.of(3), Optional.of((short) 2)).configs(Map.of(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "true")),\n      new NewTopic("b", Optional.empty(), Optional.empty()));\n  }\n}\n`;
    const { doc, findings } = await check('T.java', src);
    assert.equal(doc.groups.length, 1);
    assert.deepEqual(doc.groups[0].roles, ['topic']);
    assert.deepEqual(doc.groups[0].entries.map((e) => [e.key, e.value]), [['replication.factor', '2'], ['unclean.leader.election.enable', 'true']]);
    assert.deepEqual(doc.groups[0].entries[0].valueRange, rangeOf(src, '(short) 2'));
    findingAt(findings, 'broker/replication-factor-too-low', rangeOf(src, '(short) 2'));
    findingAt(findings, 'broker/unclean-leader-election', rangeOf(src, '"true"'));
  });
});

describe('Java scanner: values and keys', () => {
  /** The entries of the single group in a snippet that builds a producer from `body`. */
  async function entriesOf(body: string, imports = 'import org.apache.kafka.clients.producer.*;\nimport org.apache.kafka.clients.CommonClientConfigs;\n') {
    const src = `${imports}class V {\n  static final String MY_KEY = "linger.ms";\n  KafkaProducer<String, String> p() {\n${body}\n    return new KafkaProducer<>(props);\n  }\n}\n`;
    const doc = await analyze('V.java', src);
    assert.equal(doc.groups.length, 1, src);
    return { src, group: doc.groups[0] };
  }

  it('evaluates literals, casts, arithmetic, wrapper constants, String.valueOf and final constants', async () => {
    const { group } = await entriesOf(
      [
        '    java.util.Properties props = new java.util.Properties();',
        '    props.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(0));',
        '    props.put(ProducerConfig.ACKS_CONFIG, -1);',
        '    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 16_384);',
        '    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);',
        '    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, (int) 5);',
        '    props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(30000));',
        '    props.put(MY_KEY, 5);',
        '    props.put("enable.idempotence", Boolean.valueOf(true));',
        '    props.put(ProducerConfig.CLIENT_ID_CONFIG, System.getenv("CLIENT"));',
        '    props.put(unknownKey(), "x");',
      ].join('\n'),
    );
    assert.deepEqual(
      group.entries.map((e) => [e.key, e.value]),
      [
        ['retries', '0'],
        ['acks', '-1'],
        ['batch.size', '16384'],
        ['buffer.memory', '33554432'],
        ['max.in.flight.requests.per.connection', '5'],
        ['request.timeout.ms', '30000'],
        ['linger.ms', '5'],
        ['enable.idempotence', 'true'],
        ['client.id', '${System.getenv("CLIENT")}'],
      ],
    );
    assert.equal(group.entries[0].renderValue?.('2147483647'), '"2147483647"');
    assert.equal(group.entries[1].renderValue?.('all'), '"all"');
    assert.equal(group.entries[3].renderValue?.('1024'), '1024L');
    // An unreadable key may be anything: no "unset" findings for that config.
    assert.deepEqual(group.roles, []);
  });

  it('reads Map.of, Map.ofEntries and double-brace initialization', async () => {
    const a = await entriesOf('    var props = Map.of(ProducerConfig.ACKS_CONFIG, "0", "retries", 0);', 'import org.apache.kafka.clients.producer.*;\nimport java.util.Map;\n');
    assert.deepEqual(a.group.entries.map((e) => [e.key, e.value]), [['acks', '0'], ['retries', '0']]);
    assert.deepEqual(a.group.roles, ['producer']);
    const edit = a.group.insertEntry?.('enable.idempotence', 'true');
    assert.ok(edit);
    assert.ok(applyEdits(a.src, [edit]).includes('Map.of(ProducerConfig.ACKS_CONFIG, "0", "retries", 0, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");'));
    const b = await entriesOf('    Map<String, Object> props = Map.ofEntries(Map.entry(ProducerConfig.ACKS_CONFIG, "1"));', 'import org.apache.kafka.clients.producer.*;\nimport java.util.Map;\n');
    assert.deepEqual(b.group.entries.map((e) => [e.key, e.value]), [['acks', '1']]);
    const edit2 = b.group.insertEntry?.('retries', '3');
    assert.ok(edit2);
    assert.ok(applyEdits(b.src, [edit2]).includes('Map.ofEntries(Map.entry(ProducerConfig.ACKS_CONFIG, "1"), Map.entry(ProducerConfig.RETRIES_CONFIG, "3"));'));
    const c = await entriesOf('    java.util.Properties props = new java.util.Properties() {{ put("acks", "0"); setProperty("retries", "0"); }};');
    assert.deepEqual(c.group.entries.map((e) => [e.key, e.value]), [['acks', '0'], ['retries', '0']]);
    // A new setting goes in as a statement after the declaration, not into the anonymous class.
    const edit3 = c.group.insertEntry?.('linger.ms', '5');
    assert.ok(edit3);
    assert.ok(applyEdits(c.src, [edit3]).includes('setProperty("retries", "0"); }};\n    props.setProperty("linger.ms", "5");\n'));
  });

  it('makes a config incomplete (no unset findings) after putAll or when it is a parameter', async () => {
    const { group } = await entriesOf('    java.util.Properties props = new java.util.Properties();\n    props.putAll(defaults());\n    props.put("group.id", "g");');
    assert.deepEqual(group.roles, []);
    assert.deepEqual(group.entries.map((e) => e.key), ['group.id']);
  });
});

describe('Java scanner: only real Kafka clients', () => {
  it('ignores a file without Kafka: mail send, JDBC commit, socket close, a map with an acks key', async () => {
    const text = fixture('not-kafka.java');
    const { doc, findings } = await check('not-kafka.java', text);
    assert.equal(doc.isKafka, false);
    assert.deepEqual(findings, []);
  });

  it('ignores mail, WebSocket, HTTP and JDBC calls in a Kafka file', async () => {
    const text = fixture('other-clients.java');
    const { doc, findings } = await check('other-clients.java', text);
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.facts, []);
    assert.deepEqual(summary(text, findings), []);
  });

  it('does not take java.util.function.Consumer or an own Producer class for Kafka clients', async () => {
    const src = `import java.util.function.Consumer;\nimport org.apache.kafka.clients.consumer.*;\nclass Q {\n  void f(Consumer<String> consumer, Producer producer, Object r) {\n    consumer.commitSync();\n    producer.send(r);\n  }\n}\n`;
    const { doc } = await check('Q.java', src);
    assert.deepEqual(doc.facts, []);
  });

  it('follows shadowing: a lambda parameter named like a producer field is not the producer', async () => {
    const src = `import org.apache.kafka.clients.producer.*;\nclass S {\n  KafkaProducer<String, String> producer;\n  void f(java.util.List<Mailer> mailers, ProducerRecord<String, String> r) {\n    mailers.forEach(producer -> producer.send(r));\n    producer.send(r);\n  }\n}\n`;
    const { doc } = await check('S.java', src);
    assert.deepEqual(doc.facts.map((f) => src.slice(f.range.start, f.range.end)), ['producer.send(r)']);
    assert.equal(doc.facts[0].range.start, src.lastIndexOf('producer.send(r)'));
  });

  it('honours kafka-lint-disable-next-line in a Java comment', async () => {
    const src = `import org.apache.kafka.clients.producer.*;\nclass D {\n  KafkaProducer<String, String> producer;\n  void f(ProducerRecord<String, String> r) {\n    // kafka-lint-disable-next-line producer/unhandled-send -- fire and forget metrics\n    producer.send(r);\n    producer.send(r);\n  }\n}\n`;
    const { findings } = await check('D.java', src);
    assert.deepEqual(findings.map((f) => f.range.start), [src.lastIndexOf('producer.send(r)')]);
  });
});

describe('Java scanner: robustness', () => {
  it('keeps working on half-typed code and never offers an edit outside the file', async () => {
    const text = fixture('half-typed.java');
    const { doc, findings } = await check('half-typed.java', text);
    assert.equal(doc.isKafka, true);
    for (const f of findings) for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= text.length);
  });

  it('survives every prefix of every fixture (typing from top to bottom) and binary input', async function () {
    this.timeout(60000);
    const names = ['producer-lossy.java', 'consumer-commit-early.java', 'spring-config.java', 'producer-safe.java'];
    for (const name of names) {
      const text = fixture(name);
      for (let cut = 0; cut <= text.length; cut += 37) {
        const part = text.slice(0, cut);
        const { findings } = await check(`mem://prefix-${name}`, part);
        for (const f of findings) {
          assert.ok(f.range.start >= 0 && f.range.end <= part.length, `${name}@${cut}`);
          for (const fix of f.fixes ?? []) applyEdits(part, fix.edits);
        }
      }
    }
    const binary = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    const { findings } = await check('bin.java', `import org.apache.kafka.clients.producer.*;${binary}`);
    assert.ok(Array.isArray(findings));
  });

  it('re-scans after a one-character edit (incremental parse) and sees the new value', async () => {
    const text = fixture('producer-lossy.java');
    const path = 'mem://edit/producer-lossy.java';
    const before = lint(await analyze(path, text));
    assert.ok(before.some((f) => f.ruleId === 'producer/acks-zero'));
    const edited = text.replace('ACKS_CONFIG, "0"', 'ACKS_CONFIG, "1"');
    const after = lint(await analyze(path, edited));
    assert.equal(after.some((f) => f.ruleId === 'producer/acks-zero'), false);
    findingAt(after, 'producer/acks-leader-only', rangeOf(edited, '"1"'));
  });
});

describe('Java scanner: hovers on config constants', () => {
  it('shows the acks docs on ProducerConfig.ACKS_CONFIG', async () => {
    const { hoverAt } = await import('../../server/src/core/hover');
    const text = fixture('producer-lossy.java');
    const { doc, findings } = await check('producer-lossy.java', text);
    const key = rangeOf(text, 'ProducerConfig.ACKS_CONFIG');
    const hover = hoverAt(doc, findings, key.start + 'ProducerConfig.'.length + 2, DEFAULT_OPTIONS);
    assert.ok(hover);
    assert.deepEqual(hover.range, key);
    assert.match(hover.markdown, /\backs\b/);
  });
});

describe('Java scanner: settings put under an if', () => {
  // Found as the Python twin (a real consumer adding security.protocol for SASL and again for SSL, each
  // under its own if): alternatives, not a repeat. Removing the first, as the fix did, broke the SASL path.
  it('are alternatives, not duplicates; on the straight path they still are', async () => {
    const config = (sasl: string, ssl: string) =>
      [
        'import java.util.Properties;',
        'import org.apache.kafka.clients.consumer.*;',
        'class Secure {',
        '  KafkaConsumer<String, String> consumer(boolean sasl, boolean ssl) {',
        '    Properties props = new Properties();',
        '    props.put(ConsumerConfig.GROUP_ID_CONFIG, "g");',
        '    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");',
        sasl,
        ssl,
        '    return new KafkaConsumer<>(props);',
        '  }',
        '}',
        '',
      ].join('\n');
    const branched = config('    if (sasl) {\n      props.put("security.protocol", "SASL_PLAINTEXT");\n    }', '    if (ssl) props.put("security.protocol", "SSL");');
    assert.deepEqual(summary(branched, (await check('/ws/Secure.java', branched)).findings), []);
    const straight = config('    props.put("security.protocol", "SASL_PLAINTEXT");', '    props.put("security.protocol", "SSL");');
    const { findings } = await check('/ws/Straight.java', straight);
    assert.deepEqual(summary(straight, findings), ['config/duplicate-key @ "security.protocol"']);
    assert.deepEqual(findings[0].range, rangeOf(straight, '"security.protocol"', 0));
  });
});

describe('Java scanner: transactions and Spring acknowledgements', () => {
  it('does not flag sends inside a transaction that the method commits', async () => {
    const text = fixture('producer-transactional.java');
    const { doc, findings } = await check('producer-transactional.java', text);
    assert.deepEqual(doc.facts, []);
    assert.deepEqual(summary(text, findings), []);
    // The variable is assigned again (`props = withDefaults(props)`): no "unset" findings for it.
    assert.deepEqual(doc.groups[0].roles, []);
    assert.deepEqual(doc.groups[0].entries.map((e) => e.key), ['transactional.id']);
  });

  it('flags an early acknowledge() whatever the payload\'s type and the parameters\' order', async () => {
    const listener = (params: string, body: string[]) =>
      [
        'import org.springframework.kafka.annotation.KafkaListener;',
        'import org.springframework.kafka.support.Acknowledgment;',
        'public class Sig {',
        '    @KafkaListener(topics = "payments")',
        `    public void onPayment(${params}) {`,
        ...body.map((l) => `        ${l}`),
        '    }',
        '}',
        '',
      ].join('\n');
    for (const params of ['String message, Acknowledgment ack', 'Acknowledgment ack, @Payload OrderEvent message', 'List<String> message, Acknowledgment ack']) {
      const text = listener(params, ['ack.acknowledge();', 'payments.charge(message);']);
      const { findings } = await check('/ws/Sig.java', text);
      assert.deepEqual(summary(text, findings), ['consumer/commit-before-processing @ ack.acknowledge()'], params);
      assert.equal(fixed(text, findings[0]), listener(params, ['payments.charge(message);', 'ack.acknowledge();']), params);
    }
  });

  it('does not count headers, logging or error handling after acknowledge() as processing', async () => {
    const text = [
      'import org.springframework.kafka.annotation.KafkaListener;',
      'import org.springframework.kafka.support.Acknowledgment;',
      'import org.springframework.kafka.support.KafkaHeaders;',
      'import org.springframework.messaging.handler.annotation.Header;',
      'public class Inventory {',
      '    @KafkaListener(topics = "inventory.reserved")',
      '    public void onEvent(String message, @Header(KafkaHeaders.RECEIVED_KEY) String key, Acknowledgment acknowledgment) {',
      '        try {',
      '            fulfillment.fulfillOrder(message);',
      '            acknowledgment.acknowledge();',
      '            logger.info("Done for {}: {}", key, message);',
      '        } catch (Exception e) {',
      '            logger.error("Failed for key: {}", key, e);',
      '            deadLetters.park(message);',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    const { findings } = await check('/ws/Inventory.java', text);
    assert.deepEqual(summary(text, findings), []);
  });

  // A real listener (a scheduler's NotificationConsumer): a duplicate is acknowledged and skipped with
  // `return`; the record is processed, and acknowledged, only on the other path.
  it('does not count code after a return or throw that follows acknowledge() as processing', async () => {
    const listener = (skip: string, extra = '') =>
      [
        'import org.apache.kafka.clients.consumer.ConsumerRecord;',
        'import org.springframework.kafka.annotation.KafkaListener;',
        'import org.springframework.kafka.support.Acknowledgment;',
        'public class Notify {',
        '    @KafkaListener(topics = "bookings")',
        '    public void onEvent(ConsumerRecord<String, String> record, Acknowledgment acknowledgment) {',
        '        if (seen.contains(record.key())) {',
        '            acknowledgment.acknowledge();',
        `            ${skip}`,
        '        }',
        `${extra}        mail.send(record.value());`,
        '        acknowledgment.acknowledge();',
        '    }',
        '}',
        '',
      ].join('\n');
    for (const skip of ['return;', 'throw new IllegalStateException("duplicate");']) {
      const text = listener(skip);
      const { findings } = await check('/ws/Notify.java', text);
      assert.deepEqual(summary(text, findings), [], skip);
    }
    // Processing between the acknowledge and the return still comes after the acknowledge.
    const early = listener('return;').replace('            return;', '            audit.record(record.value());\n            return;');
    const { findings } = await check('/ws/NotifyEarly.java', early);
    assert.deepEqual(summary(early, findings), ['consumer/commit-before-processing @ acknowledgment.acknowledge()']);
    assert.deepEqual(findings[0].range, rangeOf(early, 'acknowledgment.acknowledge()', 0));
    assert.equal(
      fixed(early, findings[0]),
      early.replace('            acknowledgment.acknowledge();\n            audit.record(record.value());\n', '            audit.record(record.value());\n            acknowledgment.acknowledge();\n'),
    );
  });

  it('flags ack.acknowledge() before the record is processed, and moves it after', async () => {
    const text = fixture('spring-listener.java');
    const { findings } = await check('spring-listener.java', text);
    assert.deepEqual(summary(text, findings), ['consumer/commit-before-processing @ ack.acknowledge()']);
    assert.deepEqual(findings[0].range, rangeOf(text, 'ack.acknowledge()', 0));
    assert.match(findings[0].message, /^Consumer stage: ack\.acknowledge\(\) marks the record as consumed before the code below processes it/);
    assert.equal(
      fixed(text, findings[0]),
      text.replace('        ack.acknowledge();\n        payments.charge(record.value());\n', '        payments.charge(record.value());\n        ack.acknowledge();\n'),
    );
  });
});

describe('Java scanner: members read on demand', () => {
  it('still reads members without Kafka words: a config builder called by name, a field used by its name', async () => {
    const src = [
      'import org.apache.kafka.clients.producer.*;',
      'import java.util.Properties;',
      'class Lazy {',
      '  private final KafkaProducer<String, String> out = new KafkaProducer<>(settings());',
      '  private static Properties settings() {',
      '    Properties p = new Properties();',
      '    p.put(LINGER, 5);',
      '    p.put(ACKZ, ZERO);',
      '    return p;',
      '  }',
      '  private static final String LINGER = "linger.ms";',
      '  private static final String ACKZ = "acks";',
      '  private static final String ZERO = "0";',
      '  void stop() {',
      '    out.close(java.time.Duration.ZERO);',
      '  }',
      '  void unrelated(java.util.List<String> names) {',
      '    StringBuilder out = new StringBuilder();',
      '    names.forEach(n -> out.append(n));',
      '    out.setLength(0);',
      '  }',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await check('Lazy.java', src);
    assert.deepEqual(doc.groups[0].entries.map((e) => [e.key, e.value]), [['linger.ms', '5'], ['acks', '0']]);
    assert.deepEqual(doc.groups[0].anchor, rangeOf(src, 'new KafkaProducer<>(settings())'));
    assert.deepEqual(summary(src, findings), [
      'producer/acks-zero @ ZERO',
      'producer/close-without-flush @ out.close(java.time.Duration.ZERO)',
    ]);
    const acks = findingAt(findings, 'producer/acks-zero', rangeOf(src, 'ZERO);'.slice(0, 4), 0, src.indexOf('p.put(ACKZ')));
    assert.ok(fixed(src, acks).includes('p.put(ACKZ, "all");'));
  });

  it('does not take a local of another member for the Kafka field it shadows', async () => {
    const src = [
      'import org.apache.kafka.clients.producer.*;',
      'class Shadow {',
      '  private KafkaProducer<String, String> producer;',
      '  void a(ProducerRecord<String, String> r) { producer.send(r, (m, e) -> handle(e)); }',
      '  void b(Object msg) {',
      '    Mailer producer = new Mailer();',
      '    producer.send(msg);',
      '    producer.close(java.time.Duration.ZERO);',
      '  }',
      '}',
      '',
    ].join('\n');
    const { doc } = await check('Shadow.java', src);
    assert.deepEqual(doc.facts, []);
  });
});

describe('Java scanner: callbacks and futures that ignore the failure', () => {
  it('flags callbacks that never read the exception and template futures only followed by thenAccept', async () => {
    const text = fixture('ignored-callbacks.java');
    const { findings } = await check('ignored-callbacks.java', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range]),
      [
        ['producer/unhandled-send', rangeOf(text, 'producer.send(record, (metadata, exception) -> {})')],
        ['producer/unhandled-send', rangeOf(text, 'producer.send(record, (metadata, exception) -> System.out.println("sent to " + metadata.offset()))')],
        ['producer/unhandled-send', rangeOf(text, 'producer.send(record, new Callback() {')],
        ['producer/unhandled-send', rangeOf(text, 'template.send("orders", value)', 0)],
        ['producer/unhandled-send', rangeOf(text, 'template.send("orders", value)', 1)],
      ],
    );
    assert.match(findings[0].message, /^Producer stage: the callback of producer\.send\(\.\.\) never looks at its exception/);
    assert.equal(
      fixed(text, findings[0]),
      text.replace(
        'producer.send(record, (metadata, exception) -> {});',
        'producer.send(record, (metadata, exception) -> { if (exception != null) { /* handle the failed send: retry, log, or dead-letter it */ } });',
      ),
    );
    assert.equal(
      fixed(text, findings[2]),
      text.replace(
        'public void onCompletion(RecordMetadata metadata, Exception e) {\n            }',
        'public void onCompletion(RecordMetadata metadata, Exception e) { if (e != null) { /* handle the failed send: retry, log, or dead-letter it */ } }',
      ),
    );
    // A callback with a body that does something else cannot be fixed by filling it in.
    assert.deepEqual(findings[1].fixes, []);
  });
});

describe('Java scanner: code facts table', () => {
  const HEAD = 'import org.apache.kafka.clients.producer.*;\nimport org.apache.kafka.clients.consumer.*;\nimport java.time.Duration;\nclass T {\n  KafkaProducer<String, String> producer;\n  KafkaConsumer<String, String> consumer;\n  void f(ProducerRecord<String, String> r) throws Exception {\n';
  const TAIL = '\n  }\n  void handle(Object o) {}\n}\n';
  /** [body, expected fact kinds with the text they cover] */
  const CASES: readonly [string, readonly string[]][] = [
    ['    producer.close(Duration.ofMillis(0));', ['close-without-flush @ producer.close(Duration.ofMillis(0))']],
    ['    producer.close(Duration.ofSeconds(0L));', ['close-without-flush @ producer.close(Duration.ofSeconds(0L))']],
    ['    producer.close(Duration.ofSeconds(30));', []],
    ['    producer.close();', []],
    ['    producer.flush();\n    producer.close(Duration.ZERO);', []],
    ['    producer.send(r, null);', ['unhandled-send @ producer.send(r, null)']],
    ['    var f = producer.send(r);\n    f.get();', []],
    ['    handle(producer.send(r));', []],
    ['    producer.send(r).get();', []],
    ['    var recs = consumer.poll(Duration.ofMillis(10));\n    consumer.commitAsync((offsets, e) -> {});\n    recs.forEach(x -> handle(x));', ['commit-before-processing @ consumer.commitAsync((offsets, e) -> {})']],
    ['    var recs = consumer.poll(Duration.ofMillis(10));\n    consumer.commitSync(Duration.ofSeconds(5));\n    handle(recs);', ['commit-before-processing @ consumer.commitSync(Duration.ofSeconds(5))']],
    ['    var recs = consumer.poll(Duration.ofMillis(10));\n    if (recs.isEmpty()) return;\n    handle(recs);\n    consumer.commitSync();', []],
    ['    for (var rec : consumer.poll(Duration.ofMillis(10))) {\n      consumer.commitSync();\n      handle(rec);\n    }', ['commit-before-processing @ consumer.commitSync()']],
    ['    var recs = consumer.poll(Duration.ofMillis(10));\n    consumer.commitSync(java.util.Map.of());\n    handle(recs);', []],
  ];
  for (const [body, expected] of CASES) {
    it(`${body.trim().split('\n').join(' ')} → ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, async () => {
      const src = HEAD + body + TAIL;
      const doc = await analyze('T.java', src);
      assert.deepEqual(
        doc.facts.map((f) => `${f.kind} @ ${src.slice(f.range.start, f.range.end)}`),
        expected,
      );
    });
  }
});
