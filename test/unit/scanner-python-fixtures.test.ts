import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actual, expectations } from './scanner-javascript-fixtures.test';

const ROOT = join(__dirname, '../../../test/fixtures/code/python');

/** Same convention as the JS/TS fixtures: `# expect: <rule-id> <squiggled text>` above each finding's line. */
describe('scanner-python: fixtures', () => {
  for (const name of readdirSync(ROOT).filter((n) => /_(lossy|safe)\.py$/.test(n))) {
    it(`python/${name}`, async () => {
      const text = readFileSync(join(ROOT, name), 'utf8');
      const expected = expectations(text);
      if (name.includes('_safe.')) assert.deepEqual(expected, [], 'safe fixtures carry no expectations');
      else assert.ok(expected.length > 0, 'lossy fixtures carry expectations');
      assert.deepEqual(await actual(`mem://fixture/python/${name}`, text), expected);
    });
  }
});
