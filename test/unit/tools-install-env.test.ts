import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = join(__dirname, '..', '..', '..');
const installModule = pathToFileURL(join(repo, 'test', 'tools', 'install.mjs')).href;

/**
 * Runs `cleanInstallEnv(options, parent)` from test/tools/install.mjs (an ES module the e2e and editor tiers
 * share) in a child Node, then `npm exec -c CMD` with the environment it built; returns what CMD printed.
 */
function npmUnderCleanEnv(parent: Record<string, string>, options: Record<string, string>, cmd: string): { env: Record<string, string>; printed: string } {
  const script = `
    import { execFileSync } from 'node:child_process';
    const { cleanInstallEnv } = await import(${JSON.stringify(installModule)});
    const env = cleanInstallEnv(JSON.parse(process.env.OPTIONS), JSON.parse(process.env.PARENT));
    const printed = execFileSync('npm', ['exec', '--yes=false', '-c', process.env.CMD], { env, cwd: process.env.CWD, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    process.stdout.write(JSON.stringify({ env, printed }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PARENT: JSON.stringify(parent), OPTIONS: JSON.stringify(options), CMD: cmd, CWD: repo },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
  return JSON.parse(out) as { env: Record<string, string>; printed: string };
}

describe('tools-install-env: a child npm install gets a clean environment', function () {
  this.timeout(30000);
  // What `npm run test:e2e` hands its children: the parent npm's whole configuration, naming another Node.
  const parent: Record<string, string> = {
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    PATH: [join(repo, 'node_modules', '.bin'), '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', process.env.PATH ?? ''].join(delimiter),
    NODE: '/opt/node-forged/bin/node',
    INIT_CWD: repo,
    npm_config_user_agent: 'npm/0.0.0 node/v0.0.0-forged linux x64 workspaces/false',
    npm_node_execpath: '/opt/node-forged/bin/node',
    npm_execpath: '/opt/node-forged/lib/node_modules/npm/bin/npm-cli.js',
    npm_config_nodedir: '/opt/node-forged',
    npm_config_node_gyp: '/opt/node-forged/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_registry: 'https://registry.npmjs.org/',
    npm_package_name: 'kafka-lint',
    npm_lifecycle_event: 'test:e2e',
  };

  it('keeps no npm variable naming another Node, and no npm run folders on PATH', () => {
    const { env, printed } = npmUnderCleanEnv(parent, {}, 'printf %s "$npm_config_user_agent"');
    assert.match(printed, new RegExp(` node/${process.version.replace(/\./g, '\\.')} `), 'the child npm computes its own user agent');
    assert.doesNotMatch(printed, /forged/);
    assert.deepEqual(
      Object.keys(env).filter((k) => /^npm_/i.test(k)),
      ['npm_config_registry'],
      'only registry settings are carried over',
    );
    assert.equal(env.NODE, undefined);
    assert.equal(env.INIT_CWD, undefined);
    assert.equal(env.LANG, 'C.UTF-8');
    assert.ok(!env.PATH.split(delimiter).some((d) => d.endsWith(join('node_modules', '.bin')) || d.includes('@npmcli')), env.PATH);
  });

  it('puts the chosen Node first on PATH and builds native modules against its headers', () => {
    const nodeBin = dirname(process.execPath);
    const { env, printed } = npmUnderCleanEnv(parent, { nodeBin, nodedir: '/opt/node-24-headers' }, 'printf "%s|%s" "$npm_config_nodedir" "$(command -v node)"');
    assert.equal(env.PATH.split(delimiter)[0], nodeBin);
    assert.equal(printed, `/opt/node-24-headers|${join(nodeBin, 'node')}`);
  });
});
