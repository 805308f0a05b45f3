import * as assert from 'node:assert/strict';
import { suggestKey, validateValue } from '../../../server/src/core/catalog/validate';

describe('rules: catalog validateValue', () => {
  const valid: [string, string][] = [
    ['acks', 'all'],
    ['acks', '-1'],
    ['acks', ' 1 '],
    ['request.required.acks', '0'],
    ['enable.auto.commit', 'false'],
    ['enable.auto.commit', 'TRUE'],
    ['retries', '+5'],
    ['retries', '2147483647'],
    ['default.replication.factor', '3'],
    ['auto.offset.reset', 'Earliest'],
    ['cleanup.policy', 'compact, delete'],
    ['cleanup.policy', 'delete'],
    ['unknown.key.for.the.catalog', 'anything'],
    ['bootstrap.servers', 'whatever:1'],
  ];
  for (const [key, value] of valid) {
    it(`accepts ${key}=${JSON.stringify(value)}`, () => {
      assert.equal(validateValue(key, value), undefined);
    });
  }

  const invalid: [string, string, string][] = [
    ['acks', '2', 'must be one of'],
    ['enable.auto.commit', 'yes', 'must be true or false'],
    ['enable.auto.commit', '', 'must be true or false'],
    ['retries', '1.5', 'must be a whole number (int)'],
    ['retries', '-1', 'must be at least 0'],
    ['retries', '2147483648', 'is out of range for an int'],
    ['default.replication.factor', 'three', 'must be a whole number'],
    ['min.insync.replicas', '0', 'must be at least 1'],
    ['auto.offset.reset', 'beginning', 'must be one of'],
    ['cleanup.policy', 'delete,compacted', 'contains compacted'],
    ['log.retention.bytes', '9223372036854775808', 'is out of range for a long'],
  ];
  for (const [key, value, reason] of invalid) {
    it(`rejects ${key}=${JSON.stringify(value)} (${reason})`, () => {
      const got = validateValue(key, value);
      assert.ok(got?.includes(reason), `got ${JSON.stringify(got)}`);
    });
  }
});

describe('rules: catalog suggestKey', () => {
  const keys = ['acks', 'retries', 'enable.auto.commit', 'enable.idempotence', 'auto.offset.reset', 'linger.ms'];
  const cases: [string, string | undefined][] = [
    ['ack', 'acks'],
    ['retires', 'retries'],
    ['enable.auto.comit', 'enable.auto.commit'],
    ['enable_auto_commit', 'enable.auto.commit'],
    ['ENABLE-IDEMPOTENCE', 'enable.idempotence'],
    ['lingerms', 'linger.ms'],
    ['acks', undefined],
    ['xyz', undefined],
    ['completely.different.thing', undefined],
    ['', undefined],
  ];
  for (const [key, expected] of cases) {
    it(`suggests ${expected ?? 'nothing'} for ${JSON.stringify(key)}`, () => {
      assert.equal(suggestKey(key, keys), expected);
    });
  }
});
