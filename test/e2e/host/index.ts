import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** One test's outcome, as the e2e driver reads it from the results file. */
export interface HostTestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
}

/**
 * Runs the extension-host suite (every `*.test.js` next to this file) inside a running VS Code.
 *
 * This is the `extensionTestsPath` entry for `@vscode/test-electron`; in code-server the test-only
 * extension in test/e2e/host-extension calls it on activation. When `KAFKA_LINT_E2E_RESULTS` is set,
 * the results are also written there as JSON for the driver. Rejects when a test fails.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  const results: HostTestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.KAFKA_LINT_E2E_RESULTS;
      if (out) writeFileSync(out, JSON.stringify({ runner: process.env.KAFKA_LINT_E2E_RUNNER ?? 'unknown', results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
}
