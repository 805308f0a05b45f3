import { parentPort, workerData } from 'node:worker_threads';
import type { FileResult } from './lint-file';
import { lintFile } from './lint-file';
import type { JobBatch, LintWorkerData, ResultBatch } from './pool';
import { jobOptions } from './pool';

/** True when this thread was started by the pool (see pool.ts) rather than as the `kafka-lint` command. */
export function isLintWorker(): boolean {
  return parentPort !== null && (workerData as Partial<LintWorkerData> | undefined)?.kafkaLintWorker === true;
}

/**
 * Serves the pool: lints each batch of jobs as it comes, one batch after another, and posts the results
 * back. Runs until the main thread terminates the worker.
 */
export function runLintWorker(): void {
  const { options, scoped } = workerData as LintWorkerData;
  const port = parentPort!;
  let queue = Promise.resolve();
  port.on('message', (batch: JobBatch) => {
    queue = queue.then(async () => {
      const results: FileResult[] = [];
      for (const job of batch.jobs) results.push(await lintFile(job, jobOptions(job, options, scoped)));
      port.postMessage({ id: batch.id, results } satisfies ResultBatch);
    });
  });
}
