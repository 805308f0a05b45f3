import * as assert from 'node:assert/strict';
import { describeFixtures, lintFixture } from './fixtures';

/** Issue #10: manual offset storage (`enable.auto.offset.store=false`) is librdkafka's safe pattern. */
describeFixtures('offset-store');

describe('offset-store: the offset store decides, not the auto-commit alone', () => {
  const consumer = (store: string) => `from confluent_kafka import Consumer
c = Consumer({'bootstrap.servers': 'b', 'group.id': 'g', 'enable.auto.commit': True${store}})
`;

  it('an explicit enable.auto.commit=true is not a loss once the offset store is manual', async () => {
    assert.deepEqual((await lintFixture('c.py', consumer(", 'enable.auto.offset.store': False"))).map((f) => f.ruleId), []);
  });

  it('still fires with the store left on (explicitly or by default), and on a computed store setting', async () => {
    for (const store of ['', ", 'enable.auto.offset.store': True", ", 'enable.auto.offset.store': os.environ['STORE']"]) {
      const findings = await lintFixture('c.py', consumer(store));
      assert.deepEqual(findings.map((f) => f.ruleId), ['consumer/auto-commit-enabled'], store);
    }
  });

  it('only librdkafka clients have an offset store: a kafka-python consumer is still reported', async () => {
    const text = `from kafka import KafkaConsumer
c = KafkaConsumer('t', group_id='g', enable_auto_commit=True, enable_auto_offset_store=False)
`;
    assert.deepEqual((await lintFixture('k.py', text)).map((f) => f.ruleId), ['consumer/auto-commit-enabled']);
  });
});
