import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { replaceRulesTable, RULES_TABLE_END, RULES_TABLE_START, rulesTable } from '../../server/src/cli/rules-table';

/** The README's rules table is generated from the registry; this fails as soon as one changes without the other. */
describe('README rules table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

  it('has the generated-table markers', () => {
    assert.ok(readme.includes(RULES_TABLE_START), 'start marker missing');
    assert.ok(readme.includes(RULES_TABLE_END), 'end marker missing');
  });

  it('matches the rule registry (run `npm run docs:rules-table` to regenerate)', () => {
    assert.equal(replaceRulesTable(readme), readme);
  });

  it('lists every registered rule exactly once', () => {
    const table = readme.slice(readme.indexOf(RULES_TABLE_START), readme.indexOf(RULES_TABLE_END));
    for (const rule of RULES) {
      const rows = table.split('\n').filter((l) => l.startsWith(`| [\`${rule.meta.id}\`]`));
      assert.equal(rows.length, 1, rule.meta.id);
    }
    assert.equal(rulesTable().split('\n').length, RULES.length + 2);
  });
});
