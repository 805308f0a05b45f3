import * as assert from 'node:assert/strict';
import { onlyRules, runCli, workspace } from './helpers';

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  line: number;
  column: number;
}

function findings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

/** Every kind of file the CLI reads, end to end through the real process: reader or scanner → rules → JSON. */
describe('cli: every source kind', () => {
  const ACKS_ZERO = 'producer/acks-zero';
  const ws = workspace({
    '.kafkalint.json': onlyRules([ACKS_ZERO, 'consumer/auto-commit-enabled', 'broker/unclean-leader-election']),
    'config/producer.properties': 'bootstrap.servers=localhost:9092\nacks=0\n',
    'config/consumer.properties': 'group.id=billing\nenable.auto.commit=true\n',
    'config/server.properties': 'process.roles=broker\nnode.id=1\nunclean.leader.election.enable=true\n',
    'config/suppressed.properties': 'bootstrap.servers=localhost:9092\n# kafka-lint-disable-next-line producer/acks-zero -- sampled metrics\nacks=0\n',
    'spring/application.yml': 'spring:\n  kafka:\n    producer:\n      acks: 0\n',
    'spring/application.properties': 'spring.kafka.producer.acks=0\n',
    'code/Producer.java': [
      'import java.util.Properties;',
      'import org.apache.kafka.clients.producer.KafkaProducer;',
      'import org.apache.kafka.clients.producer.ProducerConfig;',
      '',
      'class Producer {',
      '  void start() {',
      '    Properties props = new Properties();',
      '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");',
      '    props.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    KafkaProducer<String, String> producer = new KafkaProducer<>(props);',
      '  }',
      '}',
      '',
    ].join('\n'),
    'code/producer.ts': [
      "import { Kafka } from 'kafkajs';",
      "const kafka = new Kafka({ brokers: ['localhost:9092'] });",
      'const producer = kafka.producer();',
      'export async function send(): Promise<void> {',
      "  await producer.send({ topic: 'orders', acks: 0, messages: [{ value: 'x' }] });",
      '}',
      '',
    ].join('\n'),
    'code/producer.py': 'from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="localhost:9092", acks=0)\n',
    'code/main.go': [
      'package main',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func main() {',
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.RequiredAcks = sarama.NoResponse',
      '\t_, _ = sarama.NewSyncProducer([]string{"localhost:9092"}, cfg)',
      '}',
      '',
    ].join('\n'),
  });
  after(() => ws.cleanup());

  const run = () => {
    const r = runCli(['--format', 'json'], ws.dir);
    assert.equal(r.code, 1, r.stderr);
    return findings(r.stdout).map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}`);
  };

  it('reports each file with the rule, severity and line, in walk order', () => {
    assert.deepEqual(run(), [
      'code/Producer.java:9 error producer/acks-zero',
      'code/main.go:7 error producer/acks-zero',
      'code/producer.py:2 error producer/acks-zero',
      'code/producer.ts:5 error producer/acks-zero',
      'config/consumer.properties:2 warning consumer/auto-commit-enabled',
      'config/producer.properties:2 error producer/acks-zero',
      'config/server.properties:3 error broker/unclean-leader-election',
      'spring/application.properties:1 error producer/acks-zero',
      'spring/application.yml:4 error producer/acks-zero',
    ]);
  });

  it('points at the value in config files (1-based columns)', () => {
    const r = runCli(['--format', 'json', 'spring', 'config/server.properties'], ws.dir);
    assert.deepEqual(
      findings(r.stdout).map((f) => [f.file, f.line, f.column]),
      [
        ['spring/application.properties', 1, 28],
        ['spring/application.yml', 4, 13],
        ['config/server.properties', 3, 32],
      ],
    );
  });

  it('honours suppression comments', () => {
    const r = runCli(['--format', 'json', 'config/suppressed.properties'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(findings(r.stdout), []);
  });
});

describe('cli: code blocks in Markdown', () => {
  const ws = workspace({
    '.kafkalint.json': onlyRules(['producer/acks-zero']),
    'docs/README.md': '# Producer\n\n```java\nProperties props = new Properties();\nprops.put(ProducerConfig.ACKS_CONFIG, "0");\nKafkaProducer<String, String> p = new KafkaProducer<>(props);\n```\n',
  });
  after(() => ws.cleanup());

  it('reads .md files only with --markdown, and reports on the line and column of the .md', () => {
    const off = runCli(['--format', 'json', '.'], ws.dir);
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(findings(off.stdout), []);
    const on = runCli(['--format', 'json', '--markdown', '.'], ws.dir);
    assert.equal(on.code, 1, on.stderr);
    assert.deepEqual(
      findings(on.stdout).map((f) => [f.file.split('\\').join('/'), f.rule, f.line, f.column]),
      [['docs/README.md', 'producer/acks-zero', 5, 39]],
    );
  });

  it('"markdown": true in .kafkalint.json does the same', () => {
    const own = workspace({
      '.kafkalint.json': JSON.stringify({ ...JSON.parse(onlyRules(['producer/acks-zero'])), markdown: true }),
      'README.md': '```python\nfrom confluent_kafka import Producer\np = Producer({"bootstrap.servers": "b:9092", "acks": 0})\n```\n',
    });
    try {
      const r = runCli(['--format', 'json', '.'], own.dir);
      assert.deepEqual(findings(r.stdout).map((f) => [f.rule, f.line]), [['producer/acks-zero', 3]]);
    } finally {
      own.cleanup();
    }
  });
});
