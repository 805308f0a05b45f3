// The extension-host suite under @vscode/test-electron: the standard way, used wherever VS Code can be
// downloaded. Returns { ran: false, reason } when it cannot (this workplace has no route to VS Code's
// download servers), and the driver then runs the same suite inside code-server's extension host.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Downloads (or reuses) VS Code into `cachePath` and runs `out/test/e2e/host/index.js` as the
 * extensionTestsPath with the repository as the extension under development.
 */
export async function runWithTestElectron({ repo, workspace, cachePath, resultsFile }) {
  if (process.env.KAFKA_LINT_E2E_ELECTRON === '0') return { ran: false, reason: 'disabled by KAFKA_LINT_E2E_ELECTRON=0' };
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath, timeout: 30000 });
  } catch (err) {
    return { ran: false, reason: `VS Code could not be downloaded (${String(err?.message ?? err).split('\n')[0]})` };
  }
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out', 'test', 'e2e', 'host', 'index.js'),
      launchArgs: [workspace, '--disable-workspace-trust'],
      extensionTestsEnv: { KAFKA_LINT_E2E_RESULTS: resultsFile, KAFKA_LINT_E2E_RUNNER: '@vscode/test-electron' },
    });
  } catch {
    // Failures are in the results file; a run that wrote none is reported below.
  }
  if (!existsSync(resultsFile)) return { ran: true, host: { runner: '@vscode/test-electron', results: [{ title: 'extension-host suite', state: 'failed', error: 'VS Code exited without results' }] } };
  return { ran: true, host: JSON.parse(readFileSync(resultsFile, 'utf8')) };
}
