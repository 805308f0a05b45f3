import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';

describe('suppressions: continued .properties values', () => {
  const base = 'bootstrap.servers=b\nkey.serializer=x\n';

  it('a directive above `acks=\\` silences the finding on the value continued on the next line', () => {
    const text = `${base}# kafka-lint-disable-next-line producer/acks-zero -- test cluster\nacks=\\\n    0\n`;
    assert.deepEqual(lint(analyzeConfig('producer.properties', text)).map((f) => f.ruleId).filter((id) => id === 'producer/acks-zero'), []);
  });

  it('without the directive the continued value is still reported', () => {
    const text = `${base}acks=\\\n    0\n`;
    assert.ok(lint(analyzeConfig('producer.properties', text)).some((f) => f.ruleId === 'producer/acks-zero'));
  });

  it('an escaped backslash at the end of the line above is not a continuation', () => {
    const text = `${base}# kafka-lint-disable-next-line producer/acks-zero\npath=C:\\\\\nacks=0\n`;
    assert.ok(lint(analyzeConfig('producer.properties', text)).some((f) => f.ruleId === 'producer/acks-zero'));
  });
});
