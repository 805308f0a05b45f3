// `npm run test:e2e`: Kafka Lint in a real VS Code.
//
// 1. Installs (once, into a cache outside the clone) Node 24, code-server and Chromium: see setup.mjs.
// 2. Packages the extension (`npm run package`) and a test-only host extension, installs both into a
//    fresh code-server profile, and opens a copy of test/e2e/workspace.
// 3. Drives the workbench headless with Playwright: Problems panel, hover, Ctrl+. quick fix, fix-all on
//    save, a live settings change, the message-path report (`kafka-lint report` in Chromium, and the
//    "Show Message Path" webview, also in Restricted Mode), a finding shown in one file whose related
//    location opens the other. Screenshots of each step go to test-artifacts/e2e/ (ignored by git).
// 4. Collects the extension-host mocha suite (vscode API) that the host extension ran inside
//    code-server's extension host. Where VS Code can be downloaded, the same suite runs under
//    @vscode/test-electron instead; the output says which path ran.
// 5. Prints `N passed, N failed` and stops every process it started.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runWithTestElectron } from './electron.mjs';
import { ensureE2eTools } from './setup.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = join(repo, 'test-artifacts', 'e2e');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const vsix = join(repo, `${pkg.name}-${pkg.version}.vsix`);

const results = [];
const cleanups = [];
/** The workbench page, once open: failures take a screenshot of it. */
let currentPage;
let step = 0;

function log(msg) {
  console.log(`[e2e] ${msg}`);
}

/** Polls `fn` until it returns a truthy value; throws with `what` after `timeoutMs`. */
async function waitFor(what, fn, timeoutMs = 30000, everyMs = 200) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last.message ?? last})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch {
      // Best effort: the next cleanup must still run.
    }
  }
}

process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));

async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, state: 'passed' });
    log(`✔ ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, state: 'failed', error: err });
    if (currentPage) await shot(currentPage, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`);
    log(`✘ ${name}\n    ${String(err?.stack ?? err).split('\n').join('\n    ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Set-up: tools, packages, profile, workspace
// ---------------------------------------------------------------------------------------------------

async function main() {
  const tools = ensureE2eTools();
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  log('packaging the extension');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
  // Compiles the extension-host suite to out/test/e2e/host. `npm test` (run first in CI) fails on type
  // errors; here only the emitted suite matters.
  try {
    execFileSync('npx', ['tsc', '-b'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    if (!existsSync(join(repo, 'out', 'test', 'e2e', 'host', 'index.js'))) throw new Error('the extension-host suite did not compile');
    log('tsc reported type errors (see above); continuing with the emitted suite');
  }

  const tmp = mkdtempSync(join(tmpdir(), 'kafka-lint-e2e-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  const workspace = join(tmp, 'workspace');
  cpSync(join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const hostVsix = join(tmp, 'kafka-lint-e2e-host.vsix');
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', hostVsix], {
    cwd: join(repo, 'test', 'e2e', 'host-extension'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(settingsFile), { recursive: true });
  const baseSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    'editor.hover.delay': 100,
    'files.autoSave': 'off',
    '[properties]': { 'editor.codeActionsOnSave': { 'source.fixAll.kafkaLint': 'explicit' } },
  };
  writeFileSync(settingsFile, JSON.stringify(baseSettings, null, 2));

  const codeServer = (args, opts = {}) =>
    execFileSync(tools.node, [tools.codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...opts,
    }).toString();
  log('installing the packaged extension into code-server');
  codeServer(['--install-extension', vsix]);
  codeServer(['--install-extension', hostVsix]);
  const listed = codeServer(['--list-extensions']);
  if (!/kafka-lint\.kafka-lint/.test(listed)) throw new Error(`extension not installed; code-server lists: ${listed}`);

  const hostResults = join(tmp, 'host-results.json');
  const hostGo = join(tmp, 'host-go');
  const port = await freePort();
  log(`starting code-server on 127.0.0.1:${port}`);
  const server = spawn(
    tools.node,
    [
      tools.codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      workspace,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        KAFKA_LINT_E2E_HOST_INDEX: join(repo, 'out', 'test', 'e2e', 'host', 'index.js'),
        KAFKA_LINT_E2E_RESULTS: hostResults,
        KAFKA_LINT_E2E_GO: hostGo,
      },
    },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  cleanups.push(() => {
    writeFileSync(join(artifacts, 'code-server.log'), serverLog);
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  await waitFor('code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60000, 250);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: tools.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  currentPage = page;
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await shot(page, 'workbench');

  await uiTests(page, { workspace });

  // The extension-host suite: under @vscode/test-electron where VS Code can be downloaded, else inside
  // code-server's extension host, started now that the UI scenarios are done.
  const electronWorkspace = join(tmp, 'electron-workspace');
  cpSync(join(repo, 'test', 'e2e', 'workspace'), electronWorkspace, { recursive: true });
  const electron = await runWithTestElectron({ repo, workspace: electronWorkspace, cachePath: join(tools.cache, 'vscode-electron'), resultsFile: join(tmp, 'electron-results.json') });
  if (!electron.ran) log(`@vscode/test-electron not used: ${electron.reason}; running the suite in code-server's extension host`);
  writeFileSync(hostGo, electron.ran ? 'skip' : '');
  const host = electron.ran ? electron.host : await waitFor('the extension-host suite to finish', () => existsSync(hostResults) && JSON.parse(readFileSync(hostResults, 'utf8')), 180000, 500).catch((err) => ({
    runner: 'code-server extension host',
    results: [{ title: 'extension-host suite', state: 'failed', error: err.message }],
  }));
  log(`extension-host suite ran in: ${host.runner}`);
  for (const r of host.results) {
    results.push({ name: `[extension host] ${r.title}`, state: r.state, error: r.error });
    log(`${r.state === 'passed' ? '✔' : '✘'} [extension host] ${r.title}${r.error ? `\n    ${r.error.split('\n').join('\n    ')}` : ''}`);
  }

  await test('in an untrusted workspace (Restricted Mode) "Show Message Path" still shows the findings, and the panel comes back after a reload', () => restrictedMode({ tools, extensionsDir, tmp, browser }));
  await test('with the display language set to Chinese (code-server --locale zh-cn) the hover and the quick fix speak Chinese', () => chineseDisplayLanguage({ tools, extensionsDir, tmp, browser }));
}

/**
 * code-server started with `--locale zh-cn`, as a Chinese user's VS Code (VS Code sends its display language
 * to the server as `initialize.locale`). No language pack can be installed here (no marketplace), so VS Code
 * resolves its display language to English: the hover must then be English, and a second session with the
 * user setting `kafkaLint.locale: "zh-cn"` checks the Chinese hover and quick-fix title. Which path carried
 * Chinese is logged.
 */
async function chineseDisplayLanguage({ tools, extensionsDir, tmp, browser }) {
  const workspace = join(tmp, 'workspace-zh');
  cpSync(join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const producerText = readFileSync(join(workspace, 'producer.properties'), 'utf8');
  const acksLine = lineOf(producerText, 'acks=');
  const base = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    'editor.hover.delay': 100,
  };
  const previous = currentPage;

  /** A code-server with `--locale zh-cn` and these user settings; returns the hover on acks=0 once Kafka Lint gives one. */
  async function session(name, settings, check) {
    const userDataDir = join(tmp, `user-data-${name}`);
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...base, ...settings }, null, 2));
    const port = await freePort();
    const server = spawn(
      tools.node,
      [tools.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--locale', 'zh-cn', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, workspace],
      { detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const stop = () => {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    cleanups.push(stop);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    currentPage = page;
    try {
      await waitFor('the Chinese code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60000, 250);
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await openFile(page, 'producer.properties');
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
      // A fresh server in a fresh window may not have analysed the file when the first hover is asked for: ask
      // again, but give each hover time to render (and the server's part to arrive) before closing it, or a
      // poll that presses Escape right after asking never sees one.
      const readHover = async () => {
        const t = (await hover.isVisible()) ? await hover.innerText() : '';
        // The problem's own line shows first; the server's hover (with the message path) follows.
        return /Path: |路径：/.test(t) ? t : undefined;
      };
      let lastSeen = '';
      const text = await waitFor('a Kafka Lint hover on acks=0', async () => {
        await page.keyboard.press('Escape');
        await goTo(page, acksLine, 6);
        await command(page, 'Show or Focus Hover');
        return waitFor('the hover to render', readHover, 8000, 250).catch(async () => {
          lastSeen = (await hover.isVisible().catch(() => false)) ? await hover.innerText().catch(() => '') : '(no hover)';
          return undefined;
        });
      }, 90000, 250).catch((err) => {
        throw new Error(`${err.message}\nlast hover seen:\n${lastSeen}`);
      });
      await check(page, text);
    } catch (err) {
      await shot(page, `FAILED-chinese-${name}`);
      throw err;
    } finally {
      currentPage = previous;
      await page.close();
      stop();
    }
  }

  let english = false;
  await session('zh-display', {}, async (page, text) => {
    // Without a Chinese language pack (none can be installed offline) VS Code resolves its display language to
    // English and sends `locale: "en"`: the server then speaks English, as it must.
    english = text.includes('Path: Producer ✗ → Broker → Consumer');
    if (!english && !text.includes('路径：生产者 ✗ → Broker → 消费者')) throw new Error(`hover in neither language:\n${text}`);
    await shot(page, english ? 'hover-acks-display-zh-no-language-pack' : 'hover-acks-zh-cn');
  });
  log(english ? '    code-server --locale zh-cn without a language pack reported English; Chinese checked through kafkaLint.locale' : '    Chinese came through the display language');
  if (!english) return;
  await session('zh-setting', { 'kafkaLint.locale': 'zh-cn' }, async (page, text) => {
    if (!text.includes('路径：生产者 ✗ → Broker → 消费者')) throw new Error(`hover is not Chinese:\n${text}`);
    if (!text.includes('生产者阶段：acks=0 时')) throw new Error(`hover lacks the Chinese message:\n${text}`);
    await shot(page, 'hover-acks-zh-cn');
    await quickFixRow(page, acksLine, 6, '设置 acks=all');
    await shot(page, 'quick-fix-menu-zh-cn');
    await page.keyboard.press('Escape');
  });
}

/**
 * A second code-server with workspace trust on and a workspace nobody trusted: it opens in Restricted Mode
 * (no prompt), where the extension must still run and the webview show the picture.
 */
async function restrictedMode({ tools, extensionsDir, tmp, browser }) {
  const userDataDir = join(tmp, 'user-data-restricted');
  const workspace = join(tmp, 'workspace-restricted');
  cpSync(join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
    }),
  );
  const port = await freePort();
  const server = spawn(
    tools.node,
    [tools.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, workspace],
    // Without the host suite's variables the test-only extension stays idle.
    { detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  cleanups.push(stop);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const previous = currentPage;
  currentPage = page;
  try {
    await waitFor('the second code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60000, 250);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 60000 });
    // The palette lists an extension's commands once the extension host has read the contributions, which
    // can be after the workbench shows: ask again until the command is listed.
    await waitFor('"Kafka Lint: Show Message Path" in the command palette', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>Kafka Lint: Show Message Path');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Kafka Lint: Show Message Path' }).first();
      await row.waitFor({ state: 'visible', timeout: 3000 });
      await page.keyboard.press('Enter');
      return true;
    }, 60000, 500);
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#stage-producer tr.finding', { hasText: 'producer/acks-zero' }).first().waitFor({ state: 'visible', timeout: 60000 });
    await shot(page, 'message-path-restricted-mode');
    // A reload of the window brings the panel back (its webview serializer), with the picture asked for afresh.
    // Through the command, so the workbench shuts down in order and saves its editors first.
    await command(page, 'Developer: Reload Window');
    await page.waitForEvent('load', { timeout: 60000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.locator('.tab', { hasText: 'message path' }).first().waitFor({ state: 'visible', timeout: 60000 });
    await view.locator('#stage-producer tr.finding', { hasText: 'producer/acks-zero' }).first().waitFor({ state: 'visible', timeout: 60000 });
    await shot(page, 'message-path-restored-after-reload');
  } catch (err) {
    await shot(page, 'FAILED-restricted-mode');
    throw err;
  } finally {
    currentPage = previous;
    await page.close();
    stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// Workbench helpers
// ---------------------------------------------------------------------------------------------------

async function shot(page, name) {
  step++;
  await page.screenshot({ path: join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`) }).catch(() => {});
}

/** Runs a command from the command palette by its label. */
async function command(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file with "Go to File..." from the command palette (F1 works wherever focus is, where
 * Ctrl+P can be taken by a focused panel) and waits for its editor tab; retried once more on failure.
 */
async function openFile(page, relPath, { closeOthers = true } = {}) {
  const name = relPath.split('/').pop();
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await page.keyboard.press('Escape');
      // Start from a clean editor area so the new tab is the only one and cannot scroll out of view.
      if (closeOthers) await command(page, 'View: Close All Editors');
      await command(page, 'Go to File...');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(relPath);
      // Click the row of this very file: Enter would take whichever row the list focused first, which can
      // still be a row of the previous filter while the list updates.
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 10000 });
      await row.click();
      await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 10000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      return;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** Moves the caret to a 1-based line and column with "Go to Line/Column". */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  // A key pressed while the quick input is still closing goes to it, not to the editor.
  await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/**
 * Puts the cursor at line:column and opens the quick-fix menu (Ctrl+.) until it lists `label`; returns that
 * row. One Ctrl+. can be lost (focus still in a closing widget, code actions not yet computed), so the menu is
 * asked for again, as a user would.
 */
async function quickFixRow(page, line, column, label) {
  const row = page.locator('.action-widget .monaco-list-row', { hasText: label }).first();
  return waitFor(`the quick-fix menu to list "${label}"`, async () => {
    await page.keyboard.press('Escape');
    await goTo(page, line, column);
    await page.keyboard.press('Control+.');
    return row.waitFor({ state: 'visible', timeout: 5000 }).then(() => row, () => undefined);
  }, 60000, 250);
}

/** The aria labels of the rows in the Problems panel (VS Code renders one row per file and per problem). */
async function problemRows(page) {
  // The aria label starts with the severity ("Error: …"); the visible text carries `kafka-lint(rule-id)`.
  return page
    .locator('.markers-panel .monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label') ?? ''} ${r.textContent ?? ''}`));
}

function lineOf(text, prefix) {
  return text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix)) + 1;
}

// ---------------------------------------------------------------------------------------------------
// The scenarios
// ---------------------------------------------------------------------------------------------------

async function uiTests(page, { workspace }) {
  const expected = {
    'producer.properties': ['producer/acks-zero'],
    'consumer.properties': ['consumer/auto-commit-enabled'],
    'server.properties': ['broker/unclean-leader-election', 'broker/log-dirs-in-tmp'],
    'application.yml': ['producer/acks-leader-only'],
    'src/OrderProducer.java': ['producer/acks-zero', 'producer/unhandled-send'],
    'src/consumer.ts': ['consumer/commit-before-processing'],
  };

  await test('Problems panel lists the expected rule ids for each file', async () => {
    // Diagnostics exist for open documents, so all of them stay open for this scenario.
    for (const f of Object.keys(expected)) await openFile(page, f, { closeOthers: false });
    await command(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await command(page, 'View: Toggle Maximized Panel');
    const rows = await waitFor(
      'every expected rule id in the Problems panel',
      async () => {
        const labels = await problemRows(page);
        const text = labels.join('\n');
        return Object.values(expected).flat().every((id) => text.includes(id)) ? labels : undefined;
      },
      60000,
    ).catch(async (err) => {
      await shot(page, 'problems-missing');
      throw new Error(`${err.message}\nrows:\n${(await problemRows(page)).join('\n')}`);
    });
    await shot(page, 'problems');
    const text = rows.join('\n');
    for (const [file, ids] of Object.entries(expected)) {
      const base = file.split('/').pop();
      if (!text.includes(base)) throw new Error(`no Problems entry for ${file}`);
      for (const id of ids) if (!text.includes(id)) throw new Error(`${id} missing for ${file}`);
    }
    await command(page, 'View: Toggle Maximized Panel');
  });

  const producerPath = join(workspace, 'producer.properties');
  const producerBefore = readFileSync(producerPath, 'utf8');
  const acksLine = lineOf(producerBefore, 'acks=');

  await test('hover on acks=0 names the producer stage and the safe value', async () => {
    await openFile(page, 'producer.properties');
    await goTo(page, acksLine, 6);
    await command(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    const text = await waitFor('the hover text', async () => {
      const t = (await hover.isVisible()) ? await hover.innerText() : '';
      return /Path: Producer ✗ → Broker → Consumer/.test(t) ? t : undefined;
    }).catch(async (err) => {
      throw new Error(`${err.message}\nhover text:\n${(await hover.isVisible()) ? await hover.innerText() : '(no hover)'}`);
    });
    await shot(page, 'hover-acks');
    if (!/Safe value: all/.test(text)) throw new Error(`hover does not give the safe value:\n${text}`);
    await page.keyboard.press('Escape');
  });

  await test('Ctrl+. on acks=0 offers "Set acks=all"; applying it leaves the rest of the file unchanged', async () => {
    await openFile(page, 'producer.properties');
    const item = await quickFixRow(page, acksLine, 6, 'Set acks=all');
    await shot(page, 'quick-fix-menu');
    await item.click();
    // Ctrl+S is lost when it lands while the closing menu still holds the focus: save again until it lands.
    const fixedText = producerBefore.replace('acks=0', 'acks=all');
    let saves = 0;
    await waitFor('the fixed file on disk', async () => {
      if (readFileSync(producerPath, 'utf8') === fixedText) return true;
      if (saves++ % 15 === 0) await page.keyboard.press('Control+S');
      return false;
    }, 20000);
    await shot(page, 'quick-fix-applied');
    // The extension-host suite runs on the same workspace afterwards and expects the original file.
    writeFileSync(producerPath, producerBefore);
  });

  await test('fix-all on save (editor.codeActionsOnSave) fixes a file', async () => {
    const path = join(workspace, 'fixall.properties');
    const before = readFileSync(path, 'utf8');
    await openFile(page, 'fixall.properties');
    await goTo(page, 1, 1);
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await page.keyboard.press('Control+S');
    const expectedText = before.replace(/^(# [^\n]*)/, '$1 (edited)').replace('acks=1', 'acks=all');
    await waitFor('fix-all to run on save', () => readFileSync(path, 'utf8') === expectedText, 20000).catch(() => {
      throw new Error(`file after save:\n${readFileSync(path, 'utf8')}\nexpected:\n${expectedText}`);
    });
    await shot(page, 'fix-all-on-save');
  });

  await test('changing kafkaLint.rules in settings changes a severity live', async () => {
    await openFile(page, 'consumer.properties');
    // A maximized panel shows every row.
    await command(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await command(page, 'View: Toggle Maximized Panel');
    const severityOf = async () => {
      const rows = await problemRows(page);
      const row = rows.find((r) => r.includes('consumer/auto-commit-enabled'));
      return row ? (/^Error/i.test(row) ? 'error' : /^Warning/i.test(row) ? 'warning' : /^Info/i.test(row) ? 'info' : row) : undefined;
    };
    const before = await waitFor('the auto-commit problem', severityOf, 30000);
    if (before !== 'warning') throw new Error(`expected a warning first, got ${before}`);
    // Workspace settings, as a user would edit them in .vscode/settings.json.
    const workspaceSettings = join(workspace, '.vscode', 'settings.json');
    mkdirSync(dirname(workspaceSettings), { recursive: true });
    writeFileSync(workspaceSettings, JSON.stringify({ 'kafkaLint.rules': { 'consumer/auto-commit-enabled': 'error' } }, null, 2));
    await waitFor('the problem to become an error', async () => (await severityOf()) === 'error', 30000);
    await shot(page, 'severity-changed');
    writeFileSync(workspaceSettings, '{}\n');
    await waitFor('the problem to be a warning again', async () => (await severityOf()) === 'warning', 30000);
    await command(page, 'View: Toggle Maximized Panel');
  });

  await test('the message-path report (kafka-lint report) renders in Chromium: three stages coloured by their worst finding, a finding linked at its line', async () => {
    // Written beside the workspace folder, as a CI job would write it at the top of its checkout.
    const out = join(dirname(workspace), 'kafka-lint-report.html');
    // Exit code 1: the workspace has error findings, as it should.
    try {
      execFileSync(process.execPath, [join(repo, 'bin', 'kafka-lint.js'), 'report', '--out', out, 'workspace'], { cwd: dirname(workspace), stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      if (err.status !== 1) throw err;
    }
    cpSync(out, join(artifacts, 'kafka-lint-report.html'));
    const reportPage = await page.context().browser().newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await reportPage.goto(pathToFileURL(out).href);
      const boxes = await reportPage.locator('figure.path svg a.node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('class')));
      const want = ['node fail', 'node fail', 'node risk', 'node ok side'];
      if (JSON.stringify(boxes) !== JSON.stringify(want)) throw new Error(`stage boxes ${JSON.stringify(boxes)}, expected ${JSON.stringify(want)}`);
      // The colour is the page's own CSS, drawn by the browser: the producer box is red, not just classed so.
      const stroke = await reportPage.locator('figure.path svg a.node.fail rect').first().evaluate((r) => getComputedStyle(r).stroke);
      if (stroke !== 'rgb(179, 38, 30)') throw new Error(`producer box stroke ${stroke}`);
      const link = reportPage.locator('#stage-producer tr.finding a.loc', { hasText: '5:6' }).first();
      const href = await link.getAttribute('href');
      if (href !== 'workspace/producer.properties#L5') throw new Error(`finding link ${href}`);
      // Relative to the report: the browser resolves it to the file itself.
      const resolved = await link.evaluate((a) => a.href);
      if (resolved !== `${pathToFileURL(join(workspace, 'producer.properties')).href}#L5`) throw new Error(`finding link resolves to ${resolved}`);
      await reportPage.screenshot({ path: join(artifacts, `${String(++step).padStart(2, '0')}-report-html.png`), fullPage: true });
      await reportPage.emulateMedia({ colorScheme: 'dark' });
      const dark = await reportPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (dark !== 'rgb(22, 25, 29)') throw new Error(`dark mode background ${dark}`);
      await reportPage.screenshot({ path: join(artifacts, `${String(++step).padStart(2, '0')}-report-html-dark.png`) });
    } finally {
      await reportPage.close();
    }
  });

  await test('"Kafka Lint: Show Message Path" opens the webview; clicking a finding opens the file at its line', async () => {
    await command(page, 'View: Close All Editors');
    await command(page, 'Kafka Lint: Show Message Path');
    // A webview is an iframe holding the page's own iframe.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    // The acks=0 finding of producer.properties: the rows of that file's group in the producer stage.
    const producerFile = view.locator('#stage-producer table.findings tbody', { has: view.locator('tr.file a.loc', { hasText: /^producer\.properties$/ }) });
    const acksRow = producerFile.locator('tr.finding', { hasText: 'producer/acks-zero' });
    const finding = acksRow.locator('a.loc', { hasText: '5:6' });
    await finding.waitFor({ state: 'visible', timeout: 60000 });
    // The page is rendered again when the findings change (the background read of the workspace can finish
    // after it opened), which detaches the frame a read was in: read until a whole read succeeds.
    const want = ['stage-producer:stage fail', 'stage-broker:stage fail', 'stage-consumer:stage risk', 'stage-config:stage ok side'];
    let stages;
    await waitFor(`the stage sections ${JSON.stringify(want)}`, async () => {
      stages = await view.locator('section.stage').evaluateAll((s) => s.map((e) => `${e.id}:${e.className}`));
      return JSON.stringify(stages) === JSON.stringify(want);
    }).catch((e) => {
      throw new Error(`sections ${JSON.stringify(stages)}: ${e.message}`);
    });
    await waitFor('the acks-zero row to show acks=0', async () => /acks=0/.test(await acksRow.innerText({ timeout: 1000 })));
    await shot(page, 'message-path-webview');
    await finding.click();
    await page.locator('.tab.active', { hasText: 'producer.properties' }).waitFor({ state: 'visible', timeout: 20000 });
    await waitFor('the caret at line 5, column 6', async () => /Ln 5, Col 6/.test(await page.locator('#status\\.editor\\.selection').innerText()), 20000);
    await shot(page, 'message-path-opened-file');
    // The page follows the findings: fixing the value in the editor (not even saved) takes the finding off it.
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('all');
    const acksSetting = view
      .locator('#stage-producer table.settings tbody', { has: view.locator('tr.file a.loc', { hasText: /^producer\.properties$/ }) })
      .locator('tr.setting', { has: view.locator('td:first-child', { hasText: /^acks$/ }) });
    await waitFor(
      'the webview to show acks=all from the editor and no acks=0 finding',
      async () => /\ball\b/.test(await acksSetting.innerText({ timeout: 1000 })) && (await acksRow.count()) === 0,
      30000,
    );
    await shot(page, 'message-path-updated');
    await command(page, 'File: Revert File');
    // A file no editor has open, changed on disk (a checkout, a build): the page follows it too.
    const serverPath = join(workspace, 'server.properties');
    const serverBefore = readFileSync(serverPath, 'utf8');
    const unclean = view.locator('#stage-broker table.rules tr', { hasText: 'broker/unclean-leader-election' });
    await unclean.first().waitFor({ state: 'visible', timeout: 30000 });
    writeFileSync(serverPath, serverBefore.replace('unclean.leader.election.enable=true', 'unclean.leader.election.enable=false'));
    try {
      await waitFor('the webview to drop the unclean election finding changed on disk', async () => (await view.locator('#stage-broker').count()) === 1 && (await unclean.count()) === 0, 30000);
      await shot(page, 'message-path-disk-change');
    } finally {
      // The extension-host suite runs on the same workspace afterwards and expects the original file.
      writeFileSync(serverPath, serverBefore);
    }
    await command(page, 'View: Close All Editors');
  });

  await test('a finding from another file: its related location in the Problems panel opens the broker file', async () => {
    // cross/orders-sender.properties has acks=all; cross/kafka-broker.properties, never opened, decides
    // min.insync.replicas=1 for its cluster (the workspace model reads it from disk).
    await openFile(page, 'cross/orders-sender.properties');
    await command(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await command(page, 'View: Toggle Maximized Panel');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await waitFor(
      'the cross-file problem and its related location',
      async () => {
        const text = (await problemRows(page)).join('\n');
        return text.includes('producer/acks-all-without-min-isr') && text.includes('min.insync.replicas=1 is set here') ? text : undefined;
      },
      60000,
    ).catch(async (err) => {
      await shot(page, 'cross-file-missing');
      throw new Error(`${err.message}\nrows:\n${(await problemRows(page)).join('\n')}`);
    });
    await shot(page, 'cross-file-problem');
    const related = rows.filter({ hasText: 'min.insync.replicas=1 is set here' }).first();
    const label = await related.innerText();
    if (!label.includes('kafka-broker.properties')) throw new Error(`the related location does not name the broker file: ${label}`);
    await related.click();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'kafka-broker.properties' }).waitFor({ state: 'visible', timeout: 20000 });
    await shot(page, 'cross-file-related-opened');
    await command(page, 'View: Toggle Maximized Panel');
  });
}

// ---------------------------------------------------------------------------------------------------

let exitCode = 0;
try {
  await main();
} catch (err) {
  results.push({ name: 'e2e set-up', state: 'failed', error: err });
  log(`✘ e2e set-up\n    ${String(err?.stack ?? err)}`);
} finally {
  await cleanup();
}
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.length - passed;
if (failed > 0 || passed === 0) exitCode = 1;
log(`screenshots: ${artifacts}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);
