import { localize, t } from '../core/i18n/index';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze, releaseDocument } from '../core/analyze';
import type { DeploymentFile } from '../core/deployment/extract';
import { countsAcross, sizesOf } from '../core/strimzi/cluster-size';
import { composeMerges } from './compose-pairs';
import type { Finding } from '../core/model';
import { RULES } from '../core/rules/index';
import type { CliRequest } from './args';
import { helpText, localeOfArgs, parseArgs, UsageError } from './args';
import type { ExplainedConfig } from '../core/effective-config';
import { effectiveConfig } from '../core/effective-config';
import { formatEffectiveText } from './effective-config';
import type { CliFinding } from './format';
import { formatJson, formatText, pickColors, toCliFindings } from './format';
import { cachePath, contentHash, LintCache, toolIdentity } from './cache';
import type { FileResult, LintJob } from './lint-file';
import { lintFile } from './lint-file';
import { lintInWorkers, workerCount } from './pool';
import type { OptionScopes } from './options-file';
import { crossFindingsByScope, loadOptions, loadOptionScopes, optionSets, optionsOfFile, scopeOfFile } from './options-file';
import { inputsOf } from '../files/inputs';
import { readTextFile } from '../files/read';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { runReport } from './report';
import { formatSarif } from './sarif';
import { projectOf } from '../files/projects';
import { collectFiles, isLintedName } from '../files/walk';

/** Where the CLI writes; the process streams in production, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /**
   * The CLI entry file (dist/cli.js): started again as worker threads to lint in parallel, and hashed into
   * the cache's tool identity. Without it everything runs in this thread.
   */
  readonly script?: string;
}

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';

/**
 * Runs one command line and returns the exit code: 0 when no finding has severity error, 1 when one has,
 * 2 for a usage error or an internal error (with a message on stderr). Never throws.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const note = (s: string) => io.stderr.write(`kafka-lint: ${s}\n`);
  const locale = localeOfArgs(argv, io.env);
  try {
    const request = parseArgs(argv, io.env);
    if (request.command === 'help') {
      io.stdout.write(helpText(locale));
      return EXIT_OK;
    }
    if (request.command === 'version') {
      io.stdout.write(`${readVersion()}\n`);
      return EXIT_OK;
    }
    const loaded = loadOptions(request.configFile, request.kafkaVersion, io.cwd, request.markdown, locale);
    for (const w of loaded.warnings) note(t(locale, 'cli.warning', { text: w }));
    if (loaded.fatal) {
      note(loaded.fatal);
      return EXIT_USAGE;
    }
    // Folder arguments with their own .kafkalint.json grade their files with it, for every command (see options-file.ts).
    const { scopes, warnings } = loadOptionScopes(loaded.options, request.paths, request.configFile, request.kafkaVersion, io.cwd, request.markdown, locale);
    for (const w of warnings) note(t(locale, 'cli.warning', { text: w }));
    const markdown = optionSets(scopes).some((o) => o.markdown === true);
    const walked = collectFiles(request.paths, { markdown });
    if (walked.missing.length > 0) {
      for (const m of walked.missing) note(t(locale, 'cli.noSuchPath', { path: m }));
      return EXIT_USAGE;
    }
    for (const n of walked.notes) note(localize(locale, n));
    // A Markdown file found in a folder whose options leave Markdown off is not read (one named explicitly is).
    const named = new Set(request.paths.map((p) => resolve(p)));
    const files = walked.files.filter((f) => named.has(f.absolute) || optionsOfFile(scopes, f.absolute).markdown === true || isLintedName(basename(f.absolute)));
    if (request.command === 'config') return await runConfig(request, files, scopes, io, note);
    if (request.command === 'report') return await runReport(request, files, scopes, io, note, readVersion());
    return await runLint(request, files, scopes, io, note);
  } catch (err) {
    if (err instanceof UsageError) {
      note(`${err.message}\n${t(locale, 'cli.usage.seeHelp')}`);
      return EXIT_USAGE;
    }
    note(t(locale, 'cli.internalError', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
    return EXIT_USAGE;
  }
}

type Note = (s: string) => void;
type Files = ReturnType<typeof collectFiles>['files'];

/**
 * Lints the files and prints the report. Files are linted on worker threads when there are enough of them
 * (see pool.ts), and taken from the cache when `--cache` has an up-to-date result; either way the results
 * are put back in walk order before anything is printed, so the output is the same byte for byte.
 */
async function runLint(request: CliRequest, files: Files, scopes: OptionScopes, io: CliIo, note: Note): Promise<number> {
  const options = scopes.base;
  // Each file's options, as an index into `sets` (0: the base options, then the folders' own).
  const sets = optionSets(scopes);
  const scopeOf = files.map((file) => scopeOfFile(scopes, file.absolute));
  const results: FileResult[] = new Array<FileResult>(files.length);
  const cache = request.cache ? LintCache.open(cachePath(io.cwd, request.cacheLocation), toolIdentity(readVersion(), io.script), options, note, scopes.folders) : undefined;
  // What is left to lint, with the position of each job's file and (with a cache) the hash it is stored under.
  const jobs: LintJob[] = [];
  const positions: number[] = [];
  const hashes: string[] = [];
  files.forEach((file, i) => {
    const scope = scopeOf[i] > 0 ? { scope: scopeOf[i] } : {};
    if (!cache) {
      jobs.push({ ...file, ...scope });
      positions.push(i);
      return;
    }
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      results[i] = { status: 'skipped', findings: [], note: localize(options.locale, read.note) };
      return;
    }
    // A file's results depend on what it is read with too (a compose file's `.env`, its project's versions).
    const inputs = inputsOf(file.absolute);
    const hash = contentHash(inputs ? `${read.text}\u0000${JSON.stringify(inputs)}` : read.text);
    const hit = cache.lookup(file.absolute, hash, file.display);
    if (hit) {
      results[i] = hit;
      return;
    }
    jobs.push({ ...file, text: read.text, inputs: inputs ?? null, ...scope });
    positions.push(i);
    hashes.push(hash);
  });
  const record = (k: number, result: FileResult): void => {
    results[positions[k]] = result;
    cache?.store(files[positions[k]].absolute, hashes[k], result);
  };
  const threads = io.script ? workerCount(request.concurrency, jobs.length) : 0;
  if (threads > 0) await lintInWorkers(jobs, { threads, script: io.script!, options, scoped: sets }, record);
  else for (const [k, job] of jobs.entries()) record(k, await lintFile(job, sets[job.scope ?? 0]));
  cache?.save(note);
  // A Strimzi cluster's brokers may come from node pools in other files: a Kafka or KafkaTopic file whose count
  // over every file differs from its own is linted again here with the run's counts (cached results stay per file).
  const sizes = sizesOf(results.flatMap((r, i) => (r.extract ? [{ ...r.extract, file: files[i].display }] : [])));
  for (const [i, file] of files.entries()) {
    const extract = results[i].extract;
    if (!extract || !countsAcross(extract.groups, file.display, sizes)) continue;
    const again = await lintFile(file, sets[scopeOf[i]], sizes);
    results[i] = { ...again, extract };
  }
  // Compose merges a folder's base file with its override: each is linted again with what the other says of
  // its services (cached results stay per file, like the counts above).
  // The merged file's extract replaces its own: the cross-file pass reads the settings the broker runs with.
  for (const [i, merge] of composeMerges(files, (j) => results[j].extract?.compose)) {
    const extract = results[i].extract;
    if (!extract) continue;
    const again = await lintFile(files[i], sets[scopeOf[i]], undefined, merge);
    results[i] = again.extract ? again : { ...again, extract };
  }

  const findings: CliFinding[] = [];
  let checked = 0;
  // The cross-file pass: the deployment model of every file given (from each file's extract, fresh or cached),
  // and the findings each file gets from it. It is recomputed on every run, so --cache never makes it stale.
  const extracts: DeploymentFile[] = [];
  const extractScopes: number[] = [];
  files.forEach((file, i) => {
    const extract = results[i].extract;
    // The cache is keyed by absolute path: name the file as this run does.
    if (!extract) return;
    extracts.push({ ...extract, file: file.display, ...projectOf(file.absolute) });
    extractScopes.push(scopeOf[i]);
  });
  // One model; each file's cross-file findings graded with its own options.
  const cross = crossFindingsByScope(extracts, extractScopes, sets, note);
  files.forEach((file, i) => {
    const result = results[i];
    if (result.note) note(`${file.display}: ${result.note}`);
    if (result.status !== 'skipped') checked++;
    findings.push(...withCrossFindings(file.display, result.findings, cross.get(file.display)));
  });
  io.stdout.write(
    request.format === 'json'
      ? formatJson(findings)
      : request.format === 'sarif'
        ? formatSarif(findings, RULES, readVersion(), options.locale)
        : formatText(findings, checked, pickColors(io.stdout, io.env), options.locale),
  );
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * One file's findings in output shape: its own (from a worker or the cache) and the cross-file ones shown in
 * it. A cross-file finding that supersedes a per-file rule replaces that rule's finding on the same range (it
 * says the same and names the file that makes it matter). Without cross-file findings the list is unchanged.
 */
function withCrossFindings(display: string, own: readonly CliFinding[], cross: readonly Finding[] | undefined): readonly CliFinding[] {
  if (!cross || cross.length === 0) return own;
  const at = (rule: string, f: { line: number; column: number; endLine: number; endColumn: number }) => `${rule}\u0000${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  const shown = toCliFindings(display, '', cross);
  const replaced = new Set<string>();
  cross.forEach((f, i) => {
    for (const id of f.supersedes ?? []) replaced.add(at(id, shown[i]));
  });
  const kept = replaced.size === 0 ? own : own.filter((f) => !replaced.has(at(f.rule, f)));
  return [...kept, ...shown].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || a.rule.localeCompare(b.rule),
  );
}

/**
 * `kafka-lint config`: what each file configures, with the defaults of the Kafka version of its own options
 * (its folder argument's `.kafkalint.json`, as `kafka-lint` grades it; `--kafka-version` wins).
 */
async function runConfig(request: CliRequest, files: Files, scopes: OptionScopes, io: CliIo, note: Note): Promise<number> {
  const explained: ExplainedConfig[] = [];
  for (const file of files) {
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      note(`${file.display}: ${localize(scopes.base.locale, read.note)}`);
      continue;
    }
    try {
      explained.push(effectiveConfig(file.display, await analyze(file.display, read.text, undefined, inputsOf(file.absolute)), optionsOfFile(scopes, file.absolute).kafkaVersion));
    } finally {
      // Only the entries are printed: the syntax tree kept for re-parsing after an edit is freed at once.
      releaseDocument(file.display);
    }
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
