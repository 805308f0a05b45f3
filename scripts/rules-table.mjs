// Prints the README rules table from the rule registry (built into out/), or with --write replaces it in
// README.md between its markers. test/unit/readme-rules.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { rulesTable, replaceRulesTable } = require(join(root, 'out/server/src/cli/rules-table.js'));

if (process.argv.includes('--write')) {
  const readme = join(root, 'README.md');
  const updated = replaceRulesTable(readFileSync(readme, 'utf8'));
  if (updated === undefined) {
    console.error('README.md has no rules-table markers');
    process.exit(2);
  }
  writeFileSync(readme, updated);
  console.log('README.md rules table updated.');
} else {
  console.log(rulesTable());
}
