// Test-only extension for code-server, where @vscode/test-electron cannot start a downloaded VS Code:
// on activation it runs the extension-host mocha suite named by KAFKA_LINT_E2E_HOST_INDEX (compiled
// out/test/e2e/host/index.js) and that suite writes its results to KAFKA_LINT_E2E_RESULTS. It starts
// only once the driver has created KAFKA_LINT_E2E_GO, so it never races the UI scenarios for the editor.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');

exports.activate = function activate() {
  const index = process.env.KAFKA_LINT_E2E_HOST_INDEX;
  if (!index) return;
  process.env.KAFKA_LINT_E2E_RUNNER = 'code-server extension host';
  const go = process.env.KAFKA_LINT_E2E_GO;
  const start = () => {
    if (go && !existsSync(go)) {
      setTimeout(start, 200);
      return;
    }
    // The driver writes "skip" when the suite already ran under @vscode/test-electron.
    if (go && readFileSync(go, 'utf8') === 'skip') return;
    Promise.resolve()
      .then(() => require(index).run())
      .catch((err) => {
        const out = process.env.KAFKA_LINT_E2E_RESULTS;
        // The suite writes results itself; this only records a failure to load or start it.
        if (out && !existsSync(out)) {
          writeFileSync(out, JSON.stringify({ runner: process.env.KAFKA_LINT_E2E_RUNNER, results: [{ title: 'load the extension-host suite', state: 'failed', error: String(err && err.stack || err) }] }));
        }
      });
  };
  setTimeout(start, 0);
};

exports.deactivate = function deactivate() {};
