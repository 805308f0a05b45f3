/**
 * The `kafka-lint` command (bin/kafka-lint.js → dist/cli.js): runs on import, sets `process.exitCode`.
 * Everything else lives in run.ts so that this file stays the only one that touches the process.
 *
 * The same file is the CLI's worker thread: started by the pool (pool.ts) it lints batches of files instead.
 */
import { runCli } from './run';
import { isLintWorker, runLintWorker } from './worker';

if (isLintWorker()) {
  runLintWorker();
} else {
  // A reader that closes the pipe early (`kafka-lint | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), script: __filename }).then((code) => {
    process.exitCode = code;
  });
}
