// `npm test`: type-check and build, then run every test tier that runs without a browser
// (unit, LSP over JSON-RPC, CLI as a process) and end with the line CI reads: `N passed, N failed`.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
// ALLOW_TYPE_ERRORS=1 lets a developer run their own tests while another part of the tree is mid-edit;
// CI never sets it.
try {
  run('npx tsc -b');
} catch {
  if (process.env.ALLOW_TYPE_ERRORS !== '1') {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
try {
  run('node esbuild.mjs');
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function files(dir) {
  let out = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (n.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const grep = process.env.TEST_GREP;
const mocha = new Mocha({ timeout: 20000, reporter: 'spec', grep });
const tiers = (process.env.TEST_TIERS ?? 'unit,lsp,cli').split(',');
for (const tier of tiers) for (const f of files(join('out', 'test', tier)).sort()) mocha.addFile(f);

let passed = 0;
let failed = 0;
const runner = mocha.run((failures) => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failures > 0 || passed === 0 ? 1 : 0;
});
runner.on('pass', () => passed++);
runner.on('fail', () => failed++);
