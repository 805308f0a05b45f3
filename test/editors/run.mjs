// `npm run test:editors`: Kafka Lint in the real editors other than VS Code, each started with exactly the
// configuration README.md shows (read from the README here, so the two cannot drift).
//
// 1. Installs the editors with apt-get when missing: Debian's `neovim` (0.7.2 on Debian 12) and
//    `emacs-nox` with `elpa-eglot` (eglot is built in only from Emacs 29).
// 2. Puts `kafka-lint-lsp` on PATH (a folder linking the repository's bin/, as `npm install -g` would) and
//    copies test/editors/workspace to a temporary git repository.
// 3. Runs each editor headless with the README's snippet as its init file and a test script
//    (nvim-test.lua, emacs-test.el) that opens files as a user does and checks what the editor shows:
//    pushed diagnostics with rule ids, a hover, a quick fix applied. Each editor run has a deadline; a
//    hang fails instead of blocking CI. Logs go to test-artifacts/editors/ (ignored by git).
// 4. Checks that the editor stopped its server, stops every process it started, and prints
//    `N passed, N failed`.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from '../tools/install.mjs';
import { readmeSnippet } from './readme-snippets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const artifacts = join(repo, 'test-artifacts', 'editors');
/** One editor run, from start to exit; generous for a cold tree-sitter load on two busy cores. */
const EDITOR_DEADLINE_MS = Number(process.env.KAFKA_LINT_EDITOR_DEADLINE_MS ?? 180000);
/** One wait inside an editor (a diagnostic, a hover). */
const STEP_TIMEOUT_MS = Number(process.env.KAFKA_LINT_EDITOR_TIMEOUT_MS ?? 45000);

const results = [];
const cleanups = [];

function log(msg) {
  console.log(`[editors] ${msg}`);
}

function record(name, ok, detail, ms) {
  results.push({ name, ok, detail });
  log(`${ok ? '✔' : '✘'} ${name}${ms !== undefined ? ` (${ms} ms)` : ''}${ok || !detail ? '' : `\n    ${String(detail).split('\n').join('\n    ')}`}`);
}

function cleanup() {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      // Best effort: the next cleanup must still run.
    }
  }
}
process.on('SIGINT', () => (cleanup(), process.exit(130)));
process.on('SIGTERM', () => (cleanup(), process.exit(143)));

/** True while any process of the process group `pgid` is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/**
 * Runs one editor in its own process group with a deadline, then reads the results its test script wrote.
 * Records one result per check, plus: the editor exited by itself in time, and the server ended with it.
 */
async function runEditor(label, command, args, env) {
  const resultsFile = join(env.KAFKA_LINT_EDITOR_HOME, `${label}-results.json`);
  const logFile = join(artifacts, `${label}.log`);
  let output = '';
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: env.KAFKA_LINT_EDITOR_WORKSPACE,
    env: { ...env, KAFKA_LINT_EDITOR_RESULTS: resultsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  cleanups.push(killGroup);
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exit = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
  let timer;
  const deadline = new Promise((res) => (timer = setTimeout(() => res(undefined), EDITOR_DEADLINE_MS)));
  const exited = await Promise.race([exit, deadline]);
  clearTimeout(timer);
  if (!exited) killGroup();
  writeFileSync(logFile, output);

  let checks = [];
  try {
    checks = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    // No results: the editor failed before writing them; the exit check below says how.
  }
  for (const c of checks) record(c.name, c.ok === true, c.detail, c.ms);
  const ms = Date.now() - started;
  if (!exited) record(`${label}: exits by itself within ${EDITOR_DEADLINE_MS} ms`, false, `killed at the deadline; log: ${logFile}\n${output.slice(-2000)}`);
  else if (checks.length === 0 || exited.code !== 0) {
    record(`${label}: runs its checks and exits 0`, false, `exit ${exited.code ?? exited.signal}, ${checks.length} checks written; log: ${logFile}\n${output.slice(-2000)}`);
  } else record(`${label}: runs its checks and exits 0`, true, undefined, ms);
  // The editor must stop the server it started (shutdown/exit on quit); nothing of its group may remain.
  const stopped = await waitUntil(() => !groupAlive(child.pid), 5000);
  if (!stopped) killGroup();
  record(`${label}: no server process left after the editor quits`, stopped, stopped ? undefined : 'processes of the editor group were still running 5 s after it quit (killed)');
}

/** The version line an editor prints, for the log. */
function versionOf(command, args) {
  try {
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n')[0].trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  ensureDebianPackages(['neovim', 'emacs-nox', 'elpa-eglot'], log);
  log(`${versionOf('nvim', ['--version'])}; ${versionOf('emacs', ['--version'])}`);
  const server = join(repo, 'dist', 'server.js');
  if (!existsSync(server)) throw new Error(`${server} is missing: run npm ci (its prepare step bundles dist/) first`);
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  const home = mkdtempSync(join(tmpdir(), 'kafka-lint-editors-'));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  // `kafka-lint-lsp` on PATH, exactly the bin of package.json, as an installed package provides it.
  const bin = join(home, 'bin');
  mkdirSync(bin);
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  for (const [name, target] of Object.entries(pkg.bin)) {
    chmodSync(join(repo, target), 0o755);
    symlinkSync(join(repo, target), join(bin, name));
  }
  const workspace = join(home, 'workspace');
  cpSync(join(here, 'workspace'), workspace, { recursive: true });
  execFileSync('git', ['init', '-q', workspace]);

  const env = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    // Nothing from the user's own editor set-up: a fresh home, config and state.
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_STATE_HOME: join(home, 'state'),
    XDG_CACHE_HOME: join(home, 'cache'),
    KAFKA_LINT_EDITOR_HOME: home,
    KAFKA_LINT_EDITOR_WORKSPACE: workspace,
    KAFKA_LINT_EDITOR_TIMEOUT_MS: String(STEP_TIMEOUT_MS),
  };

  const nvimInit = join(home, 'init.lua');
  writeFileSync(nvimInit, readmeSnippet('lua', /^Neovim 0\.7 and newer/));
  log('Neovim, headless, with the README\'s Neovim 0.7+ snippet as init.lua');
  await runEditor('neovim', 'nvim', ['--headless', '-n', '-i', 'NONE', '-u', nvimInit, '-c', `luafile ${join(here, 'nvim-test.lua')}`], env);

  const emacsInit = join(home, 'init.el');
  writeFileSync(emacsInit, readmeSnippet('elisp', /^Emacs with eglot/));
  log('Emacs, batch, with the README\'s eglot snippet as init file');
  await runEditor('emacs', 'emacs', ['--batch', '-q', '-l', emacsInit, '-l', join(here, 'emacs-test.el')], env);
}

let crashed;
try {
  await main();
} catch (err) {
  crashed = err;
  record('editor tier set-up', false, err?.stack ?? String(err));
} finally {
  cleanup();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 || crashed ? 1 : 0;
