import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../core/options';
import type { FileResult, LintJob } from './lint-file';
import { lintFile } from './lint-file';

/**
 * The CLI's worker pool, on `node:worker_threads` alone: each worker is the CLI bundle itself started in
 * worker mode (see worker.ts), so there is no second bundle to ship and the cache's tool identity covers
 * both sides.
 */

/** What a worker thread is started with: the marker that turns the CLI entry into a worker, and the options. */
export interface LintWorkerData {
  readonly kafkaLintWorker: true;
  readonly options: LintOptions;
  /** The run's option sets, when folders bring their own: a job's `scope` picks one. */
  readonly scoped?: readonly LintOptions[];
}

/** Main thread → worker: jobs to lint, `id` being the position of the first in the whole list. */
export interface JobBatch {
  readonly id: number;
  readonly jobs: readonly LintJob[];
}

/** Worker → main thread: the results of one batch, in the batch's order. */
export interface ResultBatch {
  readonly id: number;
  readonly results: readonly FileResult[];
}

/** `--concurrency`: a number of worker threads, `auto` (one per core when there is enough to do) or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * With `auto`, fewer files than this per worker are linted in the main thread: a worker first loads the
 * engine and, per language, a tree-sitter grammar, which costs more than linting a few dozen files.
 */
export const AUTO_MIN_FILES_PER_WORKER = 40;

/** How many worker threads lint `files` files; 0 means the main thread does it all. */
export function workerCount(concurrency: Concurrency, files: number, cores: number = availableParallelism()): number {
  if (concurrency === 'off' || files === 0) return 0;
  if (concurrency === 'auto') {
    const threads = Math.min(cores, Math.floor(files / AUTO_MIN_FILES_PER_WORKER));
    return threads >= 2 ? threads : 0;
  }
  return Math.max(1, Math.min(concurrency, files));
}

/** How many files each worker linted, and how many the main thread took over from a worker that died. */
export interface PoolStats {
  readonly perWorker: number[];
  inMainThread: number;
}

export interface PoolOptions {
  readonly threads: number;
  /** The CLI entry file; started with {@link LintWorkerData} it serves batches instead of running a command. */
  readonly script: string;
  readonly options: LintOptions;
  /** The run's option sets, when folders bring their own: a job's `scope` picks one (absent: `options`). */
  readonly scoped?: readonly LintOptions[];
}

/** The options a job is linted with. */
export function jobOptions(job: LintJob, options: LintOptions, scoped: readonly LintOptions[] | undefined): LintOptions {
  return job.scope !== undefined && scoped?.[job.scope] ? scoped[job.scope] : options;
}

/**
 * Lints `jobs` on worker threads. Each worker gets small batches, a new one as it returns one (two in
 * flight, so it never waits for the main thread), so that a slow file holds up nothing else. `onResult`
 * receives every result with its job's position, in whatever order they finish: the caller keeps the
 * walk order. When a worker dies, the main thread lints what it had not returned (and, when no worker is
 * left, everything not yet handed out), so a run always completes.
 */
export function lintInWorkers(jobs: readonly LintJob[], pool: PoolOptions, onResult: (index: number, result: FileResult) => void): Promise<PoolStats> {
  const size = Math.max(1, Math.min(32, Math.ceil(jobs.length / (pool.threads * 16))));
  const stats: PoolStats = { perWorker: new Array<number>(pool.threads).fill(0), inMainThread: 0 };
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let alive = 0;
  let rescuing = Promise.resolve();
  return new Promise<PoolStats>((resolve) => {
    let settled = false;
    const complete = (): void => {
      if (settled || done < jobs.length) return;
      settled = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => resolve(stats));
    };
    /** The main thread lints these itself, one after another. */
    const rescue = (indices: readonly number[]): void => {
      rescuing = rescuing.then(async () => {
        for (const i of indices) {
          onResult(i, await lintFile(jobs[i], jobOptions(jobs[i], pool.options, pool.scoped)));
          stats.inMainThread++;
          done++;
        }
        complete();
      });
    };
    const start = (slot: number): void => {
      const outstanding = new Map<number, number>();
      const give = (): void => {
        if (next >= jobs.length) return;
        const from = next;
        next = Math.min(jobs.length, from + size);
        outstanding.set(from, next);
        worker.postMessage({ id: from, jobs: jobs.slice(from, next) } satisfies JobBatch);
      };
      let worker: Worker;
      try {
        worker = new Worker(pool.script, { workerData: { kafkaLintWorker: true, options: pool.options, ...(pool.scoped ? { scoped: pool.scoped } : {}) } satisfies LintWorkerData });
      } catch {
        return;
      }
      alive++;
      workers.push(worker);
      worker.on('message', (batch: ResultBatch) => {
        outstanding.delete(batch.id);
        batch.results.forEach((result, k) => onResult(batch.id + k, result));
        stats.perWorker[slot] += batch.results.length;
        done += batch.results.length;
        give();
        complete();
      });
      // 'error' (an exception the worker did not catch) is always followed by 'exit'.
      worker.on('error', () => undefined);
      worker.on('exit', () => {
        alive--;
        const lost: number[] = [];
        for (const [from, to] of outstanding) for (let i = from; i < to; i++) lost.push(i);
        outstanding.clear();
        if (alive === 0 && next < jobs.length) {
          for (let i = next; i < jobs.length; i++) lost.push(i);
          next = jobs.length;
        }
        if (lost.length > 0) rescue(lost);
      });
      give();
      give();
    };
    for (let slot = 0; slot < pool.threads; slot++) start(slot);
    if (alive === 0) {
      // No worker could be started at all: the main thread does the whole run.
      const all = jobs.map((_job, i) => i);
      next = jobs.length;
      rescue(all);
    }
    complete();
  });
}
