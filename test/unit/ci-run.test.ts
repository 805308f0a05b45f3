import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
const ciRun = join(repo, '.ci', 'run');

/** The test command of the README's "Two commands to start": the fenced block after "run every test". */
function readmeTestCommand(): string {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const match = /Set up and run every test[\s\S]*?```sh\n([^\n]+)\n```/.exec(readme);
  assert.ok(match, 'the README names its test command');
  return match[1]!;
}

/**
 * Runs a copy of .ci/run with a stand-in `npm` first on PATH: it records each call and prints the summary
 * the test gives for that call, then exits with the given status.
 */
function runCi(answers: Record<string, { out: string; status: number }>): { stdout: string; status: number; calls: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kl-ci-run-'));
  try {
    mkdirSync(join(dir, 'repo', '.ci'), { recursive: true });
    copyFileSync(ciRun, join(dir, 'repo', '.ci', 'run'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers));
    const fake = `#!/usr/bin/env node
const fs = require('node:fs');
const call = process.argv.slice(2).join(' ');
fs.appendFileSync(${JSON.stringify(join(dir, 'calls'))}, call + '\\n');
const answer = JSON.parse(fs.readFileSync(${JSON.stringify(join(dir, 'answers.json'))}, 'utf8'))[call];
if (answer) { process.stdout.write(answer.out); process.exit(answer.status); }
process.stdout.write('10.0.0\\n');
`;
    writeFileSync(join(dir, 'bin', 'npm'), fake);
    chmodSync(join(dir, 'bin', 'npm'), 0o755);
    const result = spawnSync('bash', [join(dir, 'repo', '.ci', 'run')], {
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` },
      encoding: 'utf8',
    });
    const calls = readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
    return { stdout: result.stdout, status: result.status ?? -1, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('.ci/run: what CI runs from a fresh clone', () => {
  it('runs every tier of the README test command, in its order, after npm ci', () => {
    const tiers = readmeTestCommand()
      .split('&&')
      .map((part) => part.trim().replace(/^npm /, ''))
      .filter((part) => part !== 'ci');
    assert.deepEqual(tiers, ['test', 'run test:e2e', 'run test:editors']);
    const { calls } = runCi({});
    assert.deepEqual(
      calls.filter((call) => call !== '--version'),
      ['ci --no-audit --no-fund', ...tiers],
    );
  });

  it('adds up the tiers\' summaries on its last line and exits 0 when all pass', () => {
    const { stdout, status } = runCi({
      test: { out: 'mocha noise\n1915 passed, 0 failed\n', status: 0 },
      'run test:e2e': { out: '13 passed, 0 failed\n', status: 0 },
      'run test:editors': { out: '16 passed, 0 failed\n', status: 0 },
    });
    const lines = stdout.trim().split('\n');
    assert.equal(lines.at(-1), '1944 passed, 0 failed');
    assert.match(lines.at(-2)!, /^time: npm ci: \d+ s, npm test: \d+ s, npm run test:e2e: \d+ s, npm run test:editors: \d+ s, total: \d+ s$/);
    assert.equal(status, 0);
  });

  it('counts a tier without a summary as a failure, runs the later tiers, and exits 1', () => {
    const { stdout, status, calls } = runCi({
      test: { out: '20 passed, 2 failed\n', status: 1 },
      'run test:e2e': { out: 'code-server did not start\n', status: 1 },
      'run test:editors': { out: '16 passed, 0 failed\n', status: 0 },
    });
    assert.equal(stdout.trim().split('\n').at(-1), '36 passed, 3 failed');
    assert.ok(calls.includes('run test:editors'));
    assert.equal(status, 1);
  });
});
