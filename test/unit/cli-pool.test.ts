import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import type { FileResult, LintJob } from '../../server/src/cli/lint-file';
import { lintFile } from '../../server/src/cli/lint-file';
import { AUTO_MIN_FILES_PER_WORKER, lintInWorkers, workerCount } from '../../server/src/cli/pool';

const ROOT = join(__dirname, '..', '..', '..');
/** The CLI entry as tsc emits it: started with the pool's worker data it serves batches. */
const SCRIPT = join(ROOT, 'out', 'server', 'src', 'cli', 'main.js');

/** Every file under examples/, as the walk would list them. */
function exampleJobs(): LintJob[] {
  const jobs: LintJob[] = [];
  const walk = (dir: string, display: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, `${display}/${name}`);
      else if (!name.endsWith('.md')) jobs.push({ display: `${display}/${name}`, absolute: p });
    }
  };
  walk(join(ROOT, 'examples'), 'examples');
  return jobs;
}

async function run(jobs: readonly LintJob[], threads: number, script = SCRIPT) {
  const results: FileResult[] = [];
  const stats = await lintInWorkers(jobs, { threads, script, options: DEFAULT_OPTIONS }, (i, r) => (results[i] = r));
  return { results, stats };
}

describe('cli pool (worker threads)', function () {
  this.timeout(60000);

  it('lints on every worker and returns, per job, what the main thread would', async () => {
    const jobs = [...exampleJobs(), ...exampleJobs(), ...exampleJobs()];
    const expected = await Promise.all(jobs.map((j) => lintFile(j, DEFAULT_OPTIONS)));
    assert.ok(expected.some((r) => r.findings.length > 0));
    const { results, stats } = await run(jobs, 2);
    assert.deepEqual(results, expected);
    assert.equal(stats.inMainThread, 0);
    assert.equal(stats.perWorker.length, 2);
    assert.ok(stats.perWorker.every((n) => n > 0), `files per worker: ${stats.perWorker.join(', ')}`);
    assert.equal(stats.perWorker[0] + stats.perWorker[1], jobs.length);
  });

  it('a worker that dies hands its files to the main thread; the run still completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-lint-pool-'));
    try {
      const dying = join(dir, 'dying-worker.js');
      writeFileSync(dying, 'process.exit(3);\n');
      const jobs = exampleJobs();
      const { results, stats } = await run(jobs, 2, dying);
      assert.deepEqual(results, await Promise.all(jobs.map((j) => lintFile(j, DEFAULT_OPTIONS))));
      assert.equal(stats.inMainThread, jobs.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports unreadable files as skipped with the note the CLI prints', async () => {
    const { results } = await run([{ display: 'gone.properties', absolute: '/nowhere/gone.properties' }], 1);
    assert.deepEqual(results, [{ status: 'skipped', findings: [], note: 'cannot read file (ENOENT)' }]);
  });

  it('auto uses one worker per core only when there are enough files; off and numbers are taken as said', () => {
    assert.equal(workerCount('auto', 10, 8), 0);
    assert.equal(workerCount('auto', AUTO_MIN_FILES_PER_WORKER * 2 - 1, 8), 0);
    assert.equal(workerCount('auto', AUTO_MIN_FILES_PER_WORKER * 2, 8), 2);
    assert.equal(workerCount('auto', 100000, 2), 2);
    assert.equal(workerCount('auto', 100000, 1), 0, 'one core: the main thread alone');
    assert.equal(workerCount('off', 100000, 8), 0);
    assert.equal(workerCount(3, 100000, 1), 3);
    assert.equal(workerCount(3, 2, 8), 2, 'never more workers than files');
    assert.equal(workerCount(3, 0, 8), 0);
  });
});
