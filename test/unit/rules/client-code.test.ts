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
