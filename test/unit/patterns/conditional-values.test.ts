import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { applyEdits } from '../../../server/src/core/fixes';
import { normalizeOptions } from '../../../server/src/core/options';
import { describeFixtures, lintFixture, readFixture } from './fixtures';

/** Issue #10: a conditional value with a lossy literal branch is reported on that branch, naming the condition. */
describeFixtures('conditional-values');

describe('conditional-values: branch findings', () => {
  it('are at most warnings, and their fix edits only the branch and is not preferred', async () => {
    const text = readFixture('conditional-values', 'java-lossy.java');
    const [f] = await lintFixture('java-lossy.java', text);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^When `fastStart` is false: Consumer stage: /);
    const fix = f.fixes?.[0];
    assert.equal(fix?.preferred, false);
    assert.equal(applyEdits(text, fix?.edits ?? []), text.replace('fastStart ? "false" : "true"', 'fastStart ? "false" : "false"'));
  });

  it('an error becomes a warning on a branch, and a user level still wins', async () => {
    const text = 'import java.util.Properties;\nimport org.apache.kafka.clients.producer.*;\nclass P {\n  void f(boolean fast) {\n    Properties p = new Properties();\n    p.put(ProducerConfig.ACKS_CONFIG, fast ? "0" : "all");\n    KafkaProducer<String, String> pr = new KafkaProducer<>(p);\n  }\n}\n';
    const zero = (await lintFixture('P.java', text)).filter((f) => f.ruleId === 'producer/acks-zero');
    assert.deepEqual(zero.map((f) => [f.severity, text.slice(f.range.start, f.range.end)]), [['warning', '"0"']]);
    const raised = await lintFixture('P.java', text, normalizeOptions({ rules: { 'producer/acks-zero': 'error' } }).options);
    assert.equal(raised.find((f) => f.ruleId === 'producer/acks-zero')?.severity, 'error');
  });

  it('auto.offset.reset: only the latest branch is reported', async () => {
    const text = 'import java.util.Properties;\nimport org.apache.kafka.clients.consumer.*;\nclass C {\n  void f(boolean dev) {\n    Properties p = new Properties();\n    p.put(ConsumerConfig.GROUP_ID_CONFIG, "g");\n    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");\n    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, dev ? "latest" : "earliest");\n    KafkaConsumer<String, String> c = new KafkaConsumer<>(p);\n  }\n}\n';
    const reset = (await lintFixture('C.java', text)).filter((f) => f.ruleId === 'consumer/auto-offset-reset-latest');
    assert.deepEqual(reset.map((f) => [text.slice(f.range.start, f.range.end), f.message.startsWith('When `dev` is true: ')]), [['"latest"', true]]);
  });

  it('speaks Simplified Chinese', async () => {
    const text = readFixture('conditional-values', 'kafkajs-lossy.js');
    const [f] = await lintFixture('kafkajs-lossy.js', text, normalizeOptions({ locale: 'zh-cn' }).options);
    assert.match(f.message, /^当 `fast` 为真时：生产者阶段：/);
  });
});

/** The 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): [number, number] {
  const lines = text.slice(0, offset).split('\n');
  return [lines.length, lines[lines.length - 1].length + 1];
}

/** Rule, severity, start and end (line, column), squiggled text and message of each finding. */
async function rows(name: string, text: string, options = normalizeOptions({}).options) {
  return (await lintFixture(name, text, options)).map((f) => [f.ruleId, f.severity, ...lineColumn(text, f.range.start), ...lineColumn(text, f.range.end), text.slice(f.range.start, f.range.end), f.message.split(': ').slice(0, 2).join(': ')]);
}

const GO_HEAD = 'package x\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\n';

describe('conditional-values: Go variables set in an if', () => {
  it('reads `v := "false"; if c { v = "true" }` as the two branches of c, each on its own literal', async () => {
    const text = readFixture('conditional-values', 'confluent-go-lossy.go');
    assert.deepEqual(await rows('confluent-go-lossy.go', text), [
      ['consumer/auto-commit-enabled', 'warning', 15, 16, 15, 22, '"true"', 'When `os.Getenv("DEV") == "1"` is true: Consumer stage'],
      ['producer/acks-leader-only', 'warning', 30, 10, 30, 13, '"1"', 'When `fast` is true: Producer stage'],
    ]);
    const findings = await lintFixture('confluent-go-lossy.go', text);
    for (const f of findings) assert.equal(f.fixes?.[0]?.preferred, false);
    assert.equal(applyEdits(text, findings[0].fixes?.[0]?.edits ?? []), text.replace('autoCommit = "true"', 'autoCommit = "false"'));
    assert.equal(applyEdits(text, findings[1].fixes?.[0]?.edits ?? []), text.replace('acks = "1"', 'acks = "all"'));
  });

  it('names the declared value as the false branch of an if without else', async () => {
    const text = `${GO_HEAD}func f(dev bool) {\n\tacks := "0"\n\tif dev {\n\t\tacks = "all"\n\t}\n\tkafka.NewProducer(&kafka.ConfigMap{"acks": acks})\n}\n`;
    assert.deepEqual(await rows('f.go', text), [['producer/acks-zero', 'warning', 6, 10, 6, 13, '"0"', 'When `dev` is false: Producer stage']]);
  });

  it('reads a sarama setting written in an if arm as that arm (at most a warning, fix not preferred)', async () => {
    const text = readFixture('conditional-values', 'sarama-lossy.go');
    assert.deepEqual(await rows('sarama-lossy.go', text), [['producer/acks-zero', 'warning', 13, 34, 13, 51, 'sarama.NoResponse', 'When `dev` is true: Producer stage']]);
    const [f] = await lintFixture('sarama-lossy.go', text);
    assert.equal(f.fixes?.[0]?.preferred, false);
    assert.equal(applyEdits(text, f.fixes?.[0]?.edits ?? []), text.replace('RequiredAcks = sarama.NoResponse', 'RequiredAcks = sarama.WaitForAll'));
  });

  it('reads a confluent SetKey written in an if arm as that arm', async () => {
    const text = `${GO_HEAD}func f(fast bool) {\n\tcm := kafka.ConfigMap{"bootstrap.servers": "b"}\n\tif fast {\n\t\tcm.SetKey("acks", "1")\n\t}\n\tkafka.NewProducer(&cm)\n}\n`;
    assert.deepEqual(await rows('f.go', text), [['producer/acks-leader-only', 'warning', 8, 21, 8, 24, '"1"', 'When `fast` is true: Producer stage']]);
  });

  it('leaves the value unread when it cannot tell which literal applies', async () => {
    const cases = [
      // an else-if chain: the message could not say which conditions hold
      'acks := "all"\n\tif a {\n\t\tacks = "0"\n\t} else if b {\n\t\tacks = "1"\n\t}',
      // a change in a loop, a closure, through a pointer, by a switch
      'acks := "all"\n\tfor _, x := range xs {\n\t\tif x {\n\t\t\tacks = "0"\n\t\t}\n\t}',
      'acks := "all"\n\tset := func() { acks = "0" }\n\tset()',
      'acks := "all"\n\tp := &acks\n\t*p = "0"',
      'acks := "all"\n\tswitch env {\n\tcase "dev":\n\t\tacks = "0"\n\t}',
      // a computed value in one arm
      'acks := "0"\n\tif a {\n\t\tacks = os.Getenv("ACKS")\n\t}',
      // two ifs
      'acks := "all"\n\tif a {\n\t\tacks = "0"\n\t}\n\tif b {\n\t\tacks = "1"\n\t}',
    ];
    for (const body of cases) {
      const text = `${GO_HEAD}func f(a, b bool, xs []bool, env string) {\n\t${body}\n\tkafka.NewProducer(&kafka.ConfigMap{"acks": acks})\n}\n`;
      const doc = await analyze('/x/f.go', text);
      const acks = doc.groups.flatMap((g) => g.entries).find((e) => e.key === 'acks');
      assert.deepEqual([acks?.value, acks?.branches], ['${acks}', undefined], body);
      assert.deepEqual(await rows('f.go', text), [], body);
    }
  });

  it('speaks Simplified Chinese', async () => {
    const text = readFixture('conditional-values', 'sarama-lossy.go');
    const [f] = await lintFixture('sarama-lossy.go', text, normalizeOptions({ locale: 'zh-cn' }).options);
    assert.match(f.message, /^当 `dev` 为真时：生产者阶段：/);
  });
});
