import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../core/analyze';
import { lint } from '../core/lint';
import { RULES } from '../core/rules/index';
import type { LintOptions } from '../core/options';
import { LineIndex } from '../core/text';
import type { CliRequest } from './args';
import { HELP, parseArgs, UsageError } from './args';
import type { ExplainedConfig } from '../core/effective-config';
import { effectiveConfig } from '../core/effective-config';
import { formatEffectiveText } from './effective-config';
import type { CliFinding } from './format';
import { formatJson, formatText, pickColors, toCliFindings } from './format';
import { loadOptions } from './options-file';
import { readTextFile } from '../files/read';
import { formatSarif } from './sarif';
import { collectFiles } from '../files/walk';

/** Where the CLI writes; the process streams in production, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** Exit codes: the contract scripts and CI rely on. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * Runs one command line and returns the exit code: 0 when no finding has severity error, 1 when one has,
 * 2 for a usage error or an internal error (with a message on stderr). Never throws.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const note = (s: string) => io.stderr.write(`kafka-lint: ${s}\n`);
  try {
    const request = parseArgs(argv);
    if (request.command === 'help') {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    if (request.command === 'version') {
      io.stdout.write(`${readVersion()}\n`);
      return EXIT_OK;
    }
    const loaded = loadOptions(request.configFile, request.kafkaVersion, io.cwd);
    for (const w of loaded.warnings) note(`warning: ${w}`);
    if (loaded.fatal) {
      note(loaded.fatal);
      return EXIT_USAGE;
    }
    const walked = collectFiles(request.paths);
    if (walked.missing.length > 0) {
      for (const m of walked.missing) note(`no such file or folder: ${m}`);
      return EXIT_USAGE;
    }
    for (const n of walked.notes) note(n);
    return request.command === 'config'
      ? await runConfig(request, walked.files, loaded.options, io, note)
      : await runLint(request, walked.files, loaded.options, io, note);
  } catch (err) {
    if (err instanceof UsageError) {
      note(`${err.message}\nRun 'kafka-lint --help' for usage.`);
      return EXIT_USAGE;
    }
    note(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT_USAGE;
  }
}

type Note = (s: string) => void;
type Files = ReturnType<typeof collectFiles>['files'];

async function runLint(request: CliRequest, files: Files, options: LintOptions, io: CliIo, note: Note): Promise<number> {
  const findings: CliFinding[] = [];
  let checked = 0;
  for (const file of files) {
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      note(`${file.display}: ${read.note}`);
      continue;
    }
    checked++;
    try {
      const document = await analyze(file.display, read.text);
      const index = new LineIndex(read.text);
      findings.push(...toCliFindings(file.display, read.text, lint(document, options), index));
    } catch (err) {
      // A reader bug on one file is reported and the run goes on; the exit code says something went wrong.
      note(`${file.display}: could not be analyzed (${err instanceof Error ? err.message : String(err)}); please report this`);
    }
  }
  io.stdout.write(
    request.format === 'json'
      ? formatJson(findings)
      : request.format === 'sarif'
        ? formatSarif(findings, RULES, readVersion())
        : formatText(findings, checked, pickColors(io.stdout, io.env)),
  );
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

async function runConfig(request: CliRequest, files: Files, options: LintOptions, io: CliIo, note: Note): Promise<number> {
  const explained: ExplainedConfig[] = [];
  for (const file of files) {
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      note(`${file.display}: ${read.note}`);
      continue;
    }
    explained.push(effectiveConfig(file.display, await analyze(file.display, read.text), options.kafkaVersion));
  }
  io.stdout.write(
    request.format === 'json' ? `${JSON.stringify({ files: explained.map((e) => e.config) })}\n` : formatEffectiveText(explained),
  );
  return EXIT_OK;
}

/** The package version, from the package.json next to the bundle (dist/) or above the compiled sources (out/). */
function readVersion(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (!existsSync(p)) continue;
    try {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kafka-lint' && pkg.version) return pkg.version;
    } catch {
      // Keep looking upwards.
    }
  }
  return 'unknown';
}
