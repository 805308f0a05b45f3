import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/fixes';
import { describeFixtures, lintFixture, readFixture } from './fixtures';

/** Issue #8: the `retry` of `new Kafka({...})` applies to the producers that client makes. */
describeFixtures('kafkajs-client-retry');

describe('kafkajs-client-retry: one finding on the client, whatever the number of producers', () => {
  it('reports the client retries=0 once for two producers, and the fix edits the client', async () => {
    const text = readFixture('kafkajs-client-retry', 'kafkajs-lossy.js');
    const findings = await lintFixture('kafkajs-lossy.js', text);
    assert.equal(findings.length, 1);
    const [remove, set] = findings[0].fixes ?? [];
    assert.equal(remove.title, 'Remove retries=0 (use the default, 5)');
    assert.equal(applyEdits(text, remove.edits), text.replace('    retries: 0\n', ''));
    assert.equal(applyEdits(text, set.edits), text.replace('    retries: 0\n', '    retries: 5\n'));
  });

  it('a client setting the same key as a producer is not a duplicate key', async () => {
    const text = readFixture('kafkajs-client-retry', 'kafkajs-safe.js');
    assert.deepEqual(await lintFixture('kafkajs-safe.js', text), []);
  });
});
