// What the test tiers that need tools from outside node_modules share: installing Debian packages with
// apt-get when they are missing (e2e: chromium, libkrb5-dev; editors: neovim, emacs-nox, elpa-eglot), and
// the clean environment a child `npm install` gets.
import { execFileSync, execSync } from 'node:child_process';
import { delimiter, sep } from 'node:path';

function hasCommand(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when dpkg knows the package as installed. */
export function isDebianPackageInstalled(name) {
  try {
    const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return status.includes('install ok installed');
  } catch {
    return false;
  }
}

/**
 * Installs the Debian packages of `packages` that are not installed yet (one `apt-get install` for all),
 * waiting for another apt-get's lock rather than failing. `log` reports what is installed and why.
 */
export function ensureDebianPackages(packages, log) {
  const missing = packages.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) return;
  if (!hasCommand('apt-get')) throw new Error(`needs the Debian packages ${missing.join(', ')} and there is no apt-get`);
  log(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  const apt = `${sudo}env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600`;
  execSync(`${apt} update -qq && ${apt} install -y -qq ${missing.join(' ')}`, { stdio: ['ignore', 'inherit', 'inherit'] });
  const still = missing.filter((name) => !isDebianPackageInstalled(name));
  if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}`);
}

/**
 * npm settings a child install keeps from the parent: where the registry is and how to reach it. Nothing
 * that names a Node (user agent, node path, nodedir, node-gyp) or the parent's package (npm_package_*,
 * npm_lifecycle_*).
 */
const KEPT_NPM_SETTINGS = new Set(['registry', 'cafile', 'ca', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl', 'userconfig', 'cache', 'fetch_retries', 'fetch_timeout']);

/**
 * The environment for a child `npm install` that must run on the Node whose `bin` folder is `nodeBin`
 * (and build native modules against `nodedir`), whatever the parent set. Under `npm run` the parent npm
 * exports its whole configuration (`npm_config_user_agent` names its Node, `npm_config_nodedir`,
 * `npm_config_node_gyp`, `npm_node_execpath`, `NODE`, …) and puts its own folders first on `PATH`; a child
 * npm reads those back as its own configuration, so code-server's postinstall saw "node/v20" and refused.
 * This builds the environment from scratch: the parent's non-npm variables, the registry settings of
 * {@link KEPT_NPM_SETTINGS}, and a `PATH` without npm's run-script folders, starting with `nodeBin`.
 * With no `nodeBin`, the machine's own Node stays first.
 */
export function cleanInstallEnv({ nodeBin, nodedir } = {}, parent = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('npm_config_')) {
      if (KEPT_NPM_SETTINGS.has(lower.slice('npm_config_'.length))) env[lower] = value;
      continue;
    }
    if (lower.startsWith('npm_') || name === 'NODE' || name === 'INIT_CWD' || lower === 'path') continue;
    env[name] = value;
  }
  const parentPath = parent.PATH ?? parent.Path ?? '';
  const npmRunFolder = (dir) => dir.endsWith(`${sep}node_modules${sep}.bin`) || dir.includes(`${sep}@npmcli${sep}run-script${sep}`);
  const path = parentPath.split(delimiter).filter((dir) => dir && !npmRunFolder(dir));
  env.PATH = (nodeBin ? [nodeBin, ...path.filter((dir) => dir !== nodeBin)] : path).join(delimiter);
  if (nodedir) env.npm_config_nodedir = nodedir;
  return env;
}

/** `npm install SPEC` in `dir` (whose package.json must exist) with exactly `env`. */
export function npmInstallWith(dir, spec, env) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
}
