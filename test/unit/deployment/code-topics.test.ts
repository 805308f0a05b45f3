import * as assert from 'node:assert/strict';
import { blankComments, codeTopics } from '../../../server/src/core/deployment/code-topics';
import type { DocumentKind } from '../../../server/src/core/model';
import { findingsOf, lintWorkspace } from './helpers';

/** Each topic as `use name@offset`, the offset checked against the text. */
function topics(kind: DocumentKind, text: string): string[] {
  const { produces, consumes } = codeTopics(kind, text);
  return [...produces, ...consumes].map((t) => {
    assert.equal(text.slice(t.range.start, t.range.end), t.name, `range of ${t.name}`);
    return `${t.use} ${t.name}@${t.range.start}`;
  });
}

describe('deployment: topic names from client code', () => {
  it('Java: ProducerRecord, KafkaTemplate.send, subscribe(List.of(…)), @KafkaListener(topics = …)', () => {
    const text = [
      'producer.send(new ProducerRecord<>("orders", key, value));',
      'producer.send(new ProducerRecord<String, String>("audit", value));',
      'template.send("payments", key, value);',
      'consumer.subscribe(List.of("orders", "refunds"));',
      'consumer.subscribe(Collections.singletonList("audit"));',
      '@KafkaListener(id = "x", topics = {"a", "b"})',
      '@KafkaListener(topics = "c")',
      '// producer.send(new ProducerRecord<>("commented", v));',
      'producer.send(new ProducerRecord<>(topic, v));',
      'consumer.subscribe(Pattern.compile("orders.*"));',
    ].join('\n');
    const at = (s: string) => text.indexOf(s);
    assert.deepEqual(topics('java', text), [
      `produces orders@${at('orders')}`,
      `produces audit@${at('audit')}`,
      `produces payments@${at('payments')}`,
      `consumes orders@${text.indexOf('orders', at('List.of'))}`,
      `consumes refunds@${at('refunds')}`,
      `consumes audit@${text.indexOf('audit', at('singletonList'))}`,
      `consumes a@${at('"a"') + 1}`,
      `consumes b@${at('"b"') + 1}`,
      `consumes c@${at('"c"') + 1}`,
    ]);
  });

  it('Java: a send is a member call (`.` then any spacing before the name) and a record a `new` one, as the patterns were written', () => {
    // The `.` and the `new` are checked by hand before the rest of each pattern (code-topics.ts, Before):
    // these are the edges where that check and a `\\.\\s*` or `\\bnew\\s+` in the pattern could differ.
    const text = [
      'producer .\n    send("spaced", v);',
      'resend("noDot", v);',
      'send("bare", v);',
      'producer.send ("gap", v);',
      'template.sendDefault("dflt", v);',
      'x.send(y.send("inner", v), v);',
      'renew ProducerRecord<>("renew", v);',
      'new\n  ProducerRecord<>("newline", v);',
      'newProducerRecord("glued", v);',
      'new ProducerRecord("raw", v);',
      'c.subscribe(List.of("listed"));',
      'subscribe(List.of("notMember"));',
      'producer.send(new ProducerRecord<>("both", v));',
    ].join('\n');
    assert.deepEqual(
      topics('java', text).map((t) => t.split('@')[0]),
      ['produces spaced', 'produces gap', 'produces dflt', 'produces inner', 'produces newline', 'produces raw', 'produces both', 'consumes listed'],
    );
    assert.deepEqual(codeTopics('java', 'resend(topic, v);\nrenew ProducerRecord<>(topic, v);').unnamed, []);
    assert.deepEqual(codeTopics('java', 'p.send(topic, v);').unnamed, ['produces']);
  });

  it('kafkajs: send({ topic }), sendBatch topicMessages, subscribe({ topic | topics })', () => {
    const text = [
      "await producer.send({ topic: 'orders', messages: [] });",
      "await producer.sendBatch({ topicMessages: [{ topic: 'audit', messages: [] }] });",
      "await consumer.subscribe({ topics: ['a', 'b'], fromBeginning: true });",
      "await consumer.subscribe({ topic: 'c' });",
      '/* await producer.send({ topic: "commented" }) */',
      'await producer.send({ topic: `orders-${env}` });',
    ].join('\n');
    const names = topics('typescript', text).map((t) => t.split('@')[0]);
    assert.deepEqual(names, ['produces orders', 'produces audit', 'consumes a', 'consumes b', 'consumes c']);
    assert.deepEqual(topics('javascript', text), topics('typescript', text));
  });

  it('Python: send/produce, subscribe([…]), KafkaConsumer(topics…)', () => {
    const text = [
      "producer.send('orders', value)",
      "producer.produce(topic='audit', value=v)",
      "consumer.subscribe(['a', 'b'])",
      "consumer = KafkaConsumer('c', bootstrap_servers='x:9092')",
      "# producer.send('commented', v)",
      'doc = """producer.send(\'in-a-docstring\', v)"""',
    ].join('\n');
    const names = topics('python', text).map((t) => t.split('@')[0]);
    // The docstring is a string, not a comment: only comments are blanked (a send in a docstring is rare).
    assert.deepEqual(names, ['produces orders', 'produces audit', 'produces in-a-docstring', 'consumes a', 'consumes b', 'consumes c']);
  });

  it('Go: message and record literals, DefaultProduceTopic, ConsumeTopics, ReaderConfig, SubscribeTopics, ConsumePartition', () => {
    const text = [
      'w.WriteMessages(ctx, kafka.Message{Topic: "orders", Value: v})',
      'msg := &sarama.ProducerMessage{Topic: "audit", Value: sarama.StringEncoder(v)}',
      'cl.Produce(ctx, &kgo.Record{Topic: "payments", Value: v}, nil)',
      'kgo.DefaultProduceTopic("events")',
      'kgo.ConsumeTopics("a", "b")',
      'r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "c"})',
      'c.SubscribeTopics([]string{"d"}, nil)',
      'pc, _ := consumer.ConsumePartition("e", 0, sarama.OffsetNewest)',
      'group.Consume(ctx, []string{"f"}, handler)',
      '// kgo.ConsumeTopics("commented")',
    ].join('\n');
    const names = topics('go', text).map((t) => t.split('@')[0]);
    assert.deepEqual(names, [
      'produces orders',
      'produces audit',
      'produces payments',
      'produces events',
      'consumes a',
      'consumes b',
      'consumes c',
      'consumes d',
      'consumes e',
      'consumes f',
    ]);
  });

  it('names nothing in other kinds of file', () => {
    assert.deepEqual(codeTopics('properties', 'topic=orders\n'), { produces: [], consumes: [], unnamed: [] });
  });

  it('blanks comments only, keeping offsets and strings', () => {
    assert.equal(blankComments('a // b\n"// c" /* d\ne */ f', 'slash'), 'a     \n"// c"     \n     f');
    assert.equal(blankComments("x = '#' # y\nz", 'hash'), "x = '#'    \nz");
  });

  it('a call without the key costs only its own object: 16,000 lines of calls without a topic read in well under a second', () => {
    // Each line is a call a pattern starts on but cannot finish; a pattern whose gap may run past the call's own
    // object or parentheses scans the rest of the file for each of them (sendBatch took 20 s on this file).
    const lines: Record<string, string> = {
      javascript: 'await p.sendBatch({ acks: -1 });\nawait p.send({ acks: -1 });\nawait c.subscribe({ fromBeginning: true });',
      java: 'new ProducerRecord<String, String>(topic, v);\n@KafkaListener(id = "x")\nc.subscribe(List.of(name));',
      go: 'w := kafka.Writer{Addr: a}\nr := kafka.ReaderConfig{Brokers: []string{b}}\nm := kafka.Message{Value: v}',
      python: 'p.send(topic, v)\nc.subscribe(topics)\nKafkaConsumer(bootstrap_servers=b)',
    };
    for (const [kind, line] of Object.entries(lines)) {
      const text = `${line}\n`.repeat(16000);
      const t0 = performance.now();
      const { produces, consumes } = codeTopics(kind as DocumentKind, text);
      const ms = performance.now() - t0;
      assert.deepEqual([produces.length, consumes.length], [0, 0], kind);
      assert.ok(ms < 1000, `${kind}: ${Math.round(ms)} ms for ${text.length} characters`);
    }
  });
});

describe('deployment: code that names its topic is linked to that topic', () => {
  const JAVA = [
    'import java.util.Properties;',
    'import org.apache.kafka.clients.producer.*;',
    'class Payments {',
    '  void run() {',
    '    Properties props = new Properties();',
    '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092");',
    '    props.put(ProducerConfig.ACKS_CONFIG, "all");',
    '    KafkaProducer<String, String> producer = new KafkaProducer<>(props);',
    '    producer.send(new ProducerRecord<>("payments", "k", "v"), (m, e) -> { if (e != null) throw new RuntimeException(e); });',
    '  }',
    '}',
    '',
  ].join('\n');
  const TOPICS = {
    'config/topic-orders.properties': 'min.insync.replicas=2\n',
    'config/topic-payments.properties': 'min.insync.replicas=1\n',
  };

  it('two topic files near a producer: only the one its send names decides, and the finding says which', async () => {
    const ws = await lintWorkspace({ 'src/Payments.java': JAVA, ...TOPICS });
    const [f, ...rest] = findingsOf(ws, 'src/Payments.java', 'producer/acks-all-without-min-isr');
    assert.equal(rest.length, 0);
    assert.match(f.message, /topic payments has min\.insync\.replicas=1 \(config\/topic-payments\.properties\)/);
    // The send that names the topic is a related location too.
    const send = JAVA.indexOf('payments');
    assert.deepEqual(
      f.related?.map((r) => [r.file ?? '(this file)', r.message, r.range.start]),
      [
        ['config/topic-payments.properties', 'min.insync.replicas=1 is set here', 'min.insync.replicas='.length],
        ['(this file)', 'writes to topic payments here', send],
      ],
    );
    // Sending to orders instead: its topic has min.insync.replicas=2, nothing to report.
    const safe = await lintWorkspace({ 'src/Payments.java': JAVA.replace('"payments"', '"orders"'), ...TOPICS });
    assert.deepEqual(findingsOf(safe, 'src/Payments.java', 'producer/acks-all-without-min-isr'), []);
    // Without a topic name in the code, two topics are equally near: no guess, no finding.
    const unnamed = await lintWorkspace({ 'src/Payments.java': JAVA.replace('"payments"', 'topic'), ...TOPICS });
    assert.deepEqual(findingsOf(unnamed, 'src/Payments.java', 'producer/acks-all-without-min-isr'), []);
  });
});

describe('deployment: topics created in Java code are definitions', () => {
  const TOPICS = [
    'import org.apache.kafka.clients.admin.NewTopic;',
    'import org.springframework.kafka.config.TopicBuilder;',
    'class Topics {',
    '  static final String PAYMENTS = "payments";',
    '  NewTopic orders() { return new NewTopic("orders", 6, (short) 3).configs(java.util.Map.of("min.insync.replicas", "1")); }',
    '  NewTopic payments() { return TopicBuilder.name(PAYMENTS).replicas(3).config("min.insync.replicas", "2").build(); }',
    '}',
    '',
  ].join('\n');
  const PRODUCER = (topic: string): string => `from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers='kafka-1:9092', acks='all')\nproducer.send('${topic}', b'v')\n`;

  it('new NewTopic("orders", …) and TopicBuilder.name(PAYMENTS) define orders and payments, linked by the name a producer sends to', async () => {
    const ws = await lintWorkspace({ 'src/Topics.java': TOPICS, 'app/producer.py': PRODUCER('orders') });
    const [f] = findingsOf(ws, 'app/producer.py', 'producer/acks-all-without-min-isr');
    assert.ok(f, JSON.stringify(ws));
    assert.match(f.message, /topic orders has min\.insync\.replicas=1 \(src\/Topics\.java\)/);
    assert.deepEqual(
      f.related?.map((r) => [r.file ?? '(this file)', r.message]),
      [
        ['src/Topics.java', 'min.insync.replicas=1 is set here'],
        ['(this file)', 'writes to topic orders here'],
      ],
    );
    const safe = await lintWorkspace({ 'src/Topics.java': TOPICS, 'app/producer.py': PRODUCER('payments') });
    assert.deepEqual(findingsOf(safe, 'app/producer.py', 'producer/acks-all-without-min-isr'), []);
  });
});

describe('deployment: a topic that is not a literal', () => {
  it('codeTopics says which uses also have a topic it cannot read', () => {
    const unnamed = (kind: DocumentKind, text: string) => codeTopics(kind, text).unnamed;
    assert.deepEqual(unnamed('javascript', 'await producer.send({ topic: process.env.TOPIC, messages: [] });'), ['produces']);
    assert.deepEqual(unnamed('javascript', 'await producer.send({ topic: `orders-${env}` });'), ['produces']);
    assert.deepEqual(unnamed('javascript', "await consumer.subscribe({ topics: [name] });\nawait producer.send({ topic: 'a' });"), ['consumes']);
    assert.deepEqual(unnamed('javascript', "await producer.send({ topic: 'orders', messages: [] });"), []);
    assert.deepEqual(unnamed('java', 'template.send(topicName, key, value);'), ['produces']);
    assert.deepEqual(unnamed('java', '@KafkaListener(topics = "${app.topic}")'), ['consumes']);
    assert.deepEqual(unnamed('python', "producer.produce(topic='audit', value=v)"), []);
    assert.deepEqual(unnamed('python', 'producer.produce(topic=TOPIC, value=v)'), ['produces']);
    assert.deepEqual(unnamed('go', 'msg := kafka.Message{Topic: cfg.Topic, Value: v}'), ['produces']);
  });

  it('a producer sending to process.env.TOPIC is not said to write to the only topic of its folder', async () => {
    const topic = 'min.insync.replicas=1\n';
    const app = (send: string) => `const { Kafka } = require('kafkajs');\nconst kafka = new Kafka({ brokers: ['kafka-1:9092'] });\nconst producer = kafka.producer();\nasync function go() {\n  await producer.send({ topic: ${send}, acks: -1, messages: [] });\n}\n`;
    const dynamic = await lintWorkspace({ 'svc/app.js': app('process.env.TOPIC'), 'svc/topic-audit.properties': topic });
    assert.deepEqual(findingsOf(dynamic, 'svc/app.js', 'producer/acks-all-without-min-isr'), []);
    assert.deepEqual(dynamic.deployment.clients.map((c) => c.topics.map((t) => t.name)), [[]]);
    // The same producer that names no topic at all still takes the only topic of its folder.
    const named = await lintWorkspace({ 'svc/app.js': app("'audit'"), 'svc/topic-audit.properties': topic });
    assert.deepEqual(named.deployment.clients.map((c) => c.topics.map((t) => t.name)), [['audit']]);
  });
});
