import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { applyFix, fixTitled, of, unmark } from './helpers';
import { lint } from '../../../server/src/core/lint';

/** The config rules read client code through the scanners' model exactly as they read .properties files. */
describe('rules: on Java client code', () => {
  const source = `import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

class App {
  void run() {
    Properties props = new Properties();
    props.put([|ProducerConfig.ACKS_CONFIG|], "0");
    props.put(ProducerConfig.ACKS_CONFIG, [|"1"|]);
    KafkaProducer<String, String> producer = new KafkaProducer<>(props);
    Properties c = new Properties();
    c.put("group.id", "g");
    c.put("enable.auto.commit", [|"yes"|]);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
  }
}
`;

  it('reports acks=1, the duplicate acks and the invalid boolean at their exact ranges', async () => {
    const { text, ranges } = unmark(source);
    const findings = lint(await analyze('App.java', text));
    const [dup] = of(findings, 'config/duplicate-key');
    assert.deepEqual(dup.range, ranges[0]);
    assert.match(dup.message, /^Producer stage: ProducerConfig\.ACKS_CONFIG \(acks\) is set again on line 10, and that later value \(1\) wins/);
    const [leader] = of(findings, 'producer/acks-leader-only');
    assert.deepEqual(leader.range, ranges[1]);
    assert.equal(applyFix(text, fixTitled(leader, 'Set acks=all')), text.replace('ACKS_CONFIG, "1"', 'ACKS_CONFIG, "all"'));
    const [invalid] = of(findings, 'config/invalid-value');
    assert.deepEqual(invalid.range, ranges[2]);
    assert.match(invalid.message, /^Consumer stage: Kafka rejects enable\.auto\.commit=yes/);
    assert.deepEqual(of(findings, 'producer/acks-zero'), []);
  });
});

describe('rules: a Java value of a type Kafka refuses for the key', () => {
  const source = `import java.util.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.clients.consumer.*;

class App {
  static final int ACKS = 0;
  void run() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    props.put(ProducerConfig.ACKS_CONFIG, [|1|]);
    props.put(ProducerConfig.RETRIES_CONFIG, 3);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    KafkaProducer<String, String> producer = new KafkaProducer<>(props);
    Map<String, Object> m = new HashMap<>();
    m.put("bootstrap.servers", "k:9092");
    m.put("acks", [|ACKS|]);
    new KafkaProducer<String, String>(m);
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    new KafkaConsumer<String, String>(c);
  }
}
`;

  it('reports an Integer for acks as the ConfigException it is, not as acks=1 or acks=0', async () => {
    const { text, ranges } = unmark(source);
    const findings = lint(await analyze('App.java', text));
    assert.deepEqual(
      of(findings, 'config/invalid-value').map((f) => [f.range, f.message]),
      [
        [ranges[0], 'Producer stage: Kafka rejects acks=1 (it takes only a String, and the code puts a java.lang.Integer) with a ConfigException, so the producer is never created and sends nothing.'],
        [ranges[1], 'Producer stage: Kafka rejects acks=0 (it takes only a String, and the code puts a java.lang.Integer) with a ConfigException, so the producer is never created and sends nothing.'],
      ],
    );
    // The producer never starts: no loss finding on that value, and no "unset" one either.
    assert.deepEqual(of(findings, 'producer/acks-leader-only'), []);
    assert.deepEqual(of(findings, 'producer/acks-zero'), []);
    assert.deepEqual(of(findings, 'producer/idempotence-disabled'), []);
  });

  it('takes an int for an int setting, an int for a long one and a boolean for a boolean one', async () => {
    const { text } = unmark(source);
    const findings = lint(await analyze('App.java', text));
    assert.deepEqual(
      of(findings, 'config/invalid-value').filter((f) => !/acks=/.test(f.message)),
      [],
    );
    // enable.auto.commit=false as a Boolean is read as false: no auto-commit finding.
    assert.deepEqual(of(findings, 'consumer/auto-commit-enabled'), []);
  });

  it('still reads acks="1" written as a String as acks=1', async () => {
    const text = unmark(source).text.replace('ACKS_CONFIG, 1)', 'ACKS_CONFIG, "1")');
    const findings = lint(await analyze('App.java', text));
    assert.equal(of(findings, 'producer/acks-leader-only').length, 1);
    assert.equal(of(findings, 'config/invalid-value').length, 1);
  });
});
