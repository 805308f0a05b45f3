import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/fixes';
import { describeFixtures, lintFixture, readFixture } from './fixtures';

/** Issues #10 and #8: franz-go acks through option slices and variables; acks other than all needs DisableIdempotentWrite(). */
describeFixtures('franz-acks');

describe('franz-acks: kgo.NewClient refuses acks other than all with idempotent writes on', () => {
  it('is an error whose fix sets kgo.AllISRAcks() where the level is written', async () => {
    const text = readFixture('franz-acks', 'franz-go-lossy.go');
    const findings = await lintFixture('franz-go-lossy.go', text);
    const refused = findings.filter((f) => f.ruleId === 'producer/idempotence-disabled' && f.severity === 'error');
    assert.equal(refused.length, 3);
    assert.equal(
      refused[0].message,
      'Producer stage: franz-go refuses acks=1 while its idempotent writes are on by default (`kgo.NewClient` returns `idempotency requires acks=all`), so the client is never created and sends nothing; use acks=all (or add `kgo.DisableIdempotentWrite()` and accept that only the leader, or no broker, confirms a send).',
    );
    const [fix] = refused[0].fixes ?? [];
    assert.equal(fix.title, 'Set acks=all');
    assert.equal(applyEdits(text, fix.edits), text.replace('kgo.RequiredAcks(kgo.LeaderAck()))', 'kgo.RequiredAcks(kgo.AllISRAcks()))'));
    // The option held by a variable is fixed in its assignment.
    const [held] = refused[1].fixes ?? [];
    assert.equal(applyEdits(text, held.edits), text.replace('ackOpt := kgo.RequiredAcks(kgo.LeaderAck())', 'ackOpt := kgo.RequiredAcks(kgo.AllISRAcks())'));
    // The transactional client: removing the opt-out (its whole line) lets it start.
    const [remove] = refused[2].fixes ?? [];
    assert.equal(applyEdits(text, remove.edits), text.replace('\t\tkgo.DisableIdempotentWrite(),\n', ''));
  });

  it('the acks level held by a variable is fixed in its assignment', async () => {
    const text = readFixture('franz-acks', 'franz-go-lossy.go');
    const findings = await lintFixture('franz-go-lossy.go', text);
    const zero = findings.find((f) => f.ruleId === 'producer/acks-zero');
    assert.equal(applyEdits(text, zero?.fixes?.[0].edits ?? []), text.replace('acks := kgo.NoAck()', 'acks := kgo.AllISRAcks()'));
  });

  it('speaks Simplified Chinese', async () => {
    const text = readFixture('franz-acks', 'franz-go-lossy.go');
    const { normalizeOptions } = await import('../../../server/src/core/options');
    const findings = await lintFixture('franz-go-lossy.go', text, normalizeOptions({ locale: 'zh-cn' }).options);
    const refused = findings.find((f) => f.ruleId === 'producer/idempotence-disabled' && f.severity === 'error');
    assert.match(refused?.message ?? '', /^生产者阶段：franz-go 默认开启幂等写入，此时不接受 acks=1/);
  });
});
