import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import type { CliFinding } from '../../server/src/cli/format';

/** The repository root, from out/test/cli. */
export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'bin', 'kafka-lint.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a real process in `cwd`, with colors off unless `env` says otherwise. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 60000): CliResult {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  // The output's language follows LC_ALL / LC_MESSAGES / LANG: English unless a test asks for another.
  delete base.LC_ALL;
  delete base.LC_MESSAGES;
  base.LANG = 'C.UTF-8';
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A throwaway folder with the given files (path → content); returns its path and a cleanup function. */
export function workspace(files: Readonly<Record<string, string | Buffer>>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-lint-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const p = join(dir, path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A `.kafkalint.json` body that turns off every rule except `keep`, so that a fixture's findings do not
 * change when new rules are added to the registry.
 */
export function onlyRules(keep: readonly string[], extra: Record<string, string> = {}): string {
  const rules: Record<string, string> = {};
  for (const r of RULES) if (!keep.includes(r.meta.id)) rules[r.meta.id] = 'off';
  return JSON.stringify({ rules: { ...rules, ...extra } });
}

/** The findings of `kafka-lint --format json` output, typed by the CLI's own JSON contract (cli/format.ts). */
export function jsonFindings(stdout: string): CliFinding[] {
  return (JSON.parse(stdout) as { findings: CliFinding[] }).findings;
}
