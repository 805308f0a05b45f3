/**
 * Command-line arguments → a typed request. Pure: no I/O, so every usage error is decided here and
 * reported by the caller with exit code 2.
 */

import { t } from '../core/i18n/index';
import type { Concurrency } from './pool';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'html' | 'markdown';

export interface CliRequest {
  /** `lint` (default), `config` (effective configuration), `report` (the message path), `help` or `version`. */
  readonly command: 'lint' | 'config' | 'report' | 'help' | 'version';
  readonly format: OutputFormat;
  readonly kafkaVersion?: string;
  readonly configFile?: string;
  /** `report --out FILE`: where the report is written (stdout when absent). */
  readonly out?: string;
  readonly paths: readonly string[];
  /** `--concurrency`: worker threads for linting (default `auto`). */
  readonly concurrency: Concurrency;
  /** `--cache`: reuse the results of unchanged files. */
  readonly cache: boolean;
  /** `--cache-location`: the cache file, or a folder to keep `.kafkalintcache` in. */
  readonly cacheLocation?: string;
  /** `--markdown`: also read fenced code blocks in Markdown files. */
  readonly markdown: boolean;
}

/** A mistake in the command line: the caller prints it and exits with 2. */
export class UsageError extends Error {}

/** The formats each command prints; the first is its default. */
const FORMATS = {
  lint: ['text', 'json', 'sarif'],
  config: ['text', 'json'],
  report: ['html', 'markdown'],
} as const satisfies Record<string, readonly OutputFormat[]>;

const ALL_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'html', 'markdown'];

const SUBCOMMANDS = ['config', 'report'] as const;

/** The options that take a value, by long name. */
const VALUE_OPTIONS = ['--format', '--kafka-version', '--config', '--out', '--concurrency', '--cache-location'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/**
 * Parses `argv` (without `node` and the script). Accepts `--opt value` and `--opt=value`; `--` ends the
 * options. The first positional argument `config` selects the config subcommand.
 */
export function parseArgs(argv: readonly string[]): CliRequest {
  let format: OutputFormat | undefined;
  let kafkaVersion: string | undefined;
  let configFile: string | undefined;
  let concurrency: Concurrency = 'auto';
  let cache = false;
  let markdown = false;
  let cacheLocation: string | undefined;
  let out: string | undefined;
  let help = false;
  let version = false;
  const positionals: string[] = [];
  let subcommand: (typeof SUBCOMMANDS)[number] | undefined;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      // Only an unescaped first positional can name the subcommand; `-- config` lints a folder called config.
      const named = SUBCOMMANDS.find((c) => c === arg);
      if (!optionsEnded && named && positionals.length === 0 && subcommand === undefined) subcommand = named;
      else positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--version' || arg === '-v') {
      version = true;
      continue;
    }
    if (arg === '--cache') {
      cache = true;
      continue;
    }
    if (arg === '--markdown') {
      markdown = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown option '${name}'`);
    }
    let value: string;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`option '${name}' needs a value`);
      value = argv[++i];
    }
    switch (name as ValueOption) {
      case '--format':
        // Checked once the command is known: each prints its own formats.
        format = value as OutputFormat;
        break;
      case '--kafka-version':
        if (!/^\d+(\.\d+){0,2}$/.test(value.trim())) {
          throw new UsageError(`--kafka-version must look like 3.9 or 2.8.1; got '${value}'`);
        }
        kafkaVersion = value.trim();
        break;
      case '--config':
        if (value === '') throw new UsageError('--config needs a file name');
        configFile = value;
        break;
      case '--concurrency':
        if (value === 'auto' || value === 'off') concurrency = value;
        else if (/^[1-9]\d{0,3}$/.test(value)) concurrency = Number(value);
        else throw new UsageError(t('en', 'cli.usage.concurrency', { got: value }));
        break;
      case '--cache-location':
        if (value === '') throw new UsageError(t('en', 'cli.usage.cacheLocation'));
        cacheLocation = value;
        break;
      case '--out':
        if (value === '') throw new UsageError('--out needs a file name');
        out = value;
        break;
    }
  }
  const command = subcommand ?? 'lint';
  const formats: readonly OutputFormat[] = FORMATS[command];
  const common = { format: format ?? formats[0], kafkaVersion, configFile, concurrency, cache, cacheLocation, markdown };
  if (help) return { command: 'help', ...common, paths: positionals };
  if (version) return { command: 'version', ...common, paths: positionals };
  if (format !== undefined && !formats.includes(format)) {
    if (!ALL_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}; got '${format}'`);
    const name = command === 'lint' ? 'kafka-lint' : command;
    throw new UsageError(`${name} prints ${formats.slice(0, -1).join(', ')}${formats.length > 2 ? ',' : ''} or ${formats[formats.length - 1]}, not ${format}`);
  }
  if (out !== undefined && command !== 'report') throw new UsageError('--out is only for the report command');
  if (command === 'config') {
    if (positionals.length === 0) throw new UsageError('config needs at least one FILE');
    return { command, ...common, paths: positionals };
  }
  return { command, ...common, out, paths: positionals.length > 0 ? positionals : ['.'] };
}

/** The `--help` text. */
export const HELP = `Usage:
  kafka-lint [options] [PATH...]          lint files and folders (default: .)
  kafka-lint config [options] FILE...     print the effective configuration of each file
  kafka-lint report [options] [PATH...]   draw the message path Producer → Broker → Consumer:
                                          each stage judged by its worst finding, with the rules,
                                          the findings and the settings that decide it

Finds Kafka settings and client code that lose messages.
Reads .properties, .yml, .yaml, .java, .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs, .py and .go files
(and the code blocks of .md files with --markdown);
folders are searched recursively, skipping node_modules and .git.

Options:
  --format text|json|sarif   output format (default: text); sarif is for code-scanning
                             dashboards; the config command prints text or json
  --format html|markdown     for report (default: html): one self-contained page, or
                             Markdown for CI job summaries
  --out FILE                 for report: write it to FILE (links to the files are
                             relative to FILE's folder); default: standard output
  --kafka-version X.Y        Kafka version whose defaults apply to unset keys
  --config FILE              options file (default: ./.kafkalint.json when present)
  --markdown                 ${t('en', 'cli.help.markdown')}
  --cache                    ${t('en', 'cli.help.cache')}
  --cache-location PATH      ${t('en', 'cli.help.cacheLocation')}
  --concurrency N|auto|off   ${t('en', 'cli.help.concurrency')}
  -h, --help                 show this help
  -v, --version              show the version

Examples:
  kafka-lint examples
  kafka-lint --format json --kafka-version 2.8 config/producer.properties src/
  kafka-lint config --format json server.properties
  kafka-lint --cache --format sarif src/ config/
  kafka-lint report --out kafka-lint-report.html config/ src/
  kafka-lint report --format markdown . >> "$GITHUB_STEP_SUMMARY"
  kafka-lint ./config          (a folder named config or report: write it as a path)

Exit codes (the same for lint and report; config exits 0 unless 2):
  0  no error-severity finding
  1  at least one error-severity finding
  2  usage error or internal error (including a report that cannot be written)
`;
