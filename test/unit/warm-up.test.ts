import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { hasTree } from '../../server/src/core/scanners/common/tree-sitter';
import { WarmUp } from '../../server/src/lsp/warm-up';
import { waitFor } from '../lsp/lsp-test-client';

const JAVA = [
  'import org.apache.kafka.clients.producer.KafkaProducer;',
  'import org.apache.kafka.clients.producer.ProducerRecord;',
  'class Prod {',
  '  void run(KafkaProducer<String, String> producer) {',
  '    producer.send(new ProducerRecord<>("orders", "v"));',
  '  }',
  '}',
  '',
].join('\n');

/** Settles the warm-up: it runs one round per timer tick, so waiting for the count to stay put is enough. */
async function settled(warmUp: WarmUp): Promise<number> {
  let last = -1;
  await waitFor(
    async () => {
      const now = warmUp.rounds;
      await new Promise((r) => setTimeout(r, 30));
      const still = now === warmUp.rounds && now === last;
      last = now;
      return still;
    },
    { timeout: 10000, message: 'warm-up to finish' },
  );
  return warmUp.rounds;
}

describe('server warm-up after the first analysis of a kind', () => {
  it('re-analyzes a private copy a few times, once per kind, and frees its syntax tree', async () => {
    const warmUp = new WarmUp();
    const document = await analyze('/ws/src/Prod.java', JAVA, 'java');
    warmUp.start(document, 'java', DEFAULT_OPTIONS);
    const rounds = await settled(warmUp);
    assert.ok(rounds >= 2 && rounds <= 12, `${rounds} rounds`);
    assert.equal(hasTree('kafka-lint-warm-up:/ws/src/Prod.java'), false, 'the private tree is released');
    // The same kind again (another file): compiled code is shared, nothing more to warm.
    warmUp.start(await analyze('/ws/src/Other.java', JAVA, 'java'), 'java', DEFAULT_OPTIONS);
    assert.equal(await settled(warmUp), rounds);
  });

  it('stops as soon as the user opens or types, and leaves non-Kafka and big files alone', async () => {
    const busy = new WarmUp();
    busy.start(await analyze('/ws/a.py', 'from confluent_kafka import Producer\np = Producer({"acks": "0"})\np.produce("t", b"v")\n', 'python'), 'python', DEFAULT_OPTIONS);
    busy.noteActivity();
    assert.equal(await settled(busy), 0);

    const idle = new WarmUp();
    idle.start(await analyze('/ws/Plain.java', 'class Plain { int x; }\n', 'java'), 'java', DEFAULT_OPTIONS);
    const big = `${JAVA}${'// padding\n'.repeat(20000)}`;
    idle.start(await analyze('/ws/src/Big.java', big, 'java'), 'java', DEFAULT_OPTIONS);
    assert.equal(await settled(idle), 0);
  });
});
