/**
 * Command-line arguments → a typed request. Pure: no I/O, so every usage error is decided here and
 * reported by the caller with exit code 2.
 */

import { localeFromEnvironment, localize, parseLocaleSetting, t } from '../core/i18n/index';
import type { Locale, MessageKey } from '../core/i18n/index';
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
  /** The language of everything the run prints: `--locale`, else `LC_ALL` / `LC_MESSAGES` / `LANG`. */
  readonly locale: Locale;
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
const VALUE_OPTIONS = ['--format', '--kafka-version', '--config', '--out', '--concurrency', '--cache-location', '--locale'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/**
 * Parses `argv` (without `node` and the script). Accepts `--opt value` and `--opt=value`; `--` ends the
 * options. The first positional argument `config` selects the config subcommand.
 */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliRequest {
  // The language is decided first, so that every usage error below is written in it.
  const locale = localeOfArgs(argv, env);
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
      throw new UsageError(t(locale, 'cli.usage.unknownOption', { name }));
    }
    let value: string;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(t(locale, 'cli.usage.needsValue', { name }));
      value = argv[++i];
    }
    switch (name as ValueOption) {
      case '--format':
        // Checked once the command is known: each prints its own formats.
        format = value as OutputFormat;
        break;
      case '--kafka-version':
        if (!/^\d+(\.\d+){0,2}$/.test(value.trim())) {
          throw new UsageError(t(locale, 'cli.usage.kafkaVersion', { got: value }));
        }
        kafkaVersion = value.trim();
        break;
      case '--config':
        if (value === '') throw new UsageError(t(locale, 'cli.usage.config'));
        configFile = value;
        break;
      case '--concurrency':
        if (value === 'auto' || value === 'off') concurrency = value;
        else if (/^[1-9]\d{0,3}$/.test(value)) concurrency = Number(value);
        else throw new UsageError(t(locale, 'cli.usage.concurrency', { got: value }));
        break;
      case '--cache-location':
        if (value === '') throw new UsageError(t(locale, 'cli.usage.cacheLocation'));
        cacheLocation = value;
        break;
      case '--out':
        if (value === '') throw new UsageError(t(locale, 'cli.usage.out'));
        out = value;
        break;
      case '--locale':
        // Read by localeOfArgs; only checked here.
        if (parseLocaleSetting(value) === undefined) throw new UsageError(t(locale, 'cli.usage.locale', { got: value }));
        break;
    }
  }
  const command = subcommand ?? 'lint';
  const formats: readonly OutputFormat[] = FORMATS[command];
  const common = { format: format ?? formats[0], kafkaVersion, configFile, concurrency, cache, cacheLocation, markdown, locale };
  if (help) return { command: 'help', ...common, paths: positionals };
  if (version) return { command: 'version', ...common, paths: positionals };
  if (format !== undefined && !formats.includes(format)) {
    if (!ALL_FORMATS.includes(format)) throw new UsageError(t(locale, 'cli.usage.format', { formats: formats.join(t(locale, 'cli.list.comma')), got: format }));
    const name = command === 'lint' ? 'kafka-lint' : command;
    throw new UsageError(t(locale, 'cli.usage.formatFor', { command: name, formats: orList(formats, locale), got: format }));
  }
  if (out !== undefined && command !== 'report') throw new UsageError(t(locale, 'cli.usage.outOnlyReport'));
  if (command === 'config') {
    if (positionals.length === 0) throw new UsageError(t(locale, 'cli.usage.configNeedsFile'));
    return { command, ...common, paths: positionals };
  }
  return { command, ...common, out, paths: positionals.length > 0 ? positionals : ['.'] };
}

/** `a, b or c` (English keeps the serial comma of three or more), `a、b 或 c`. */
function orList(items: readonly string[], locale: Locale): string {
  if (items.length < 2) return items.join('');
  const head = items.slice(0, -1).join(t(locale, 'cli.list.comma'));
  const serial = locale === 'en' && items.length > 2 ? ',' : '';
  return `${head}${serial}${t(locale, 'cli.list.or')}${items[items.length - 1]}`;
}

/**
 * The language of a command line: `--locale` (or `--locale=`) when it names one (`auto` or a bad value
 * leaves it to the environment), else `LC_ALL`, `LC_MESSAGES`, `LANG`. Options after `--` are paths.
 */
export function localeOfArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--locale' && i + 1 < argv.length) chosen = argv[++i];
    else if (arg.startsWith('--locale=')) chosen = arg.slice('--locale='.length);
  }
  const setting = parseLocaleSetting(chosen);
  return setting === undefined || setting === 'auto' ? localeFromEnvironment(env) : setting;
}

/** The left column of the help, and where the descriptions start. */
const COLUMN = 29;
const COMMAND_COLUMN = 42;

/** One help line per description line: the first beside `left`, the others under it. */
function helpRows(left: string, key: MessageKey, locale: Locale, column: number): string {
  const [first, ...rest] = localize(locale, { key }).split('\n');
  return [`${left.padEnd(column)}${first}`, ...rest.map((r) => `${' '.repeat(column)}${r}`)].join('\n');
}

/** The `--help` text in `locale`: the commands, options and examples stay as typed; the explanations are translated. */
export function helpText(locale: Locale = 'en'): string {
  const tr = (key: MessageKey): string => localize(locale, { key });
  const option = (left: string, key: MessageKey) => helpRows(`  ${left}`, key, locale, COLUMN);
  const command = (left: string, key: MessageKey) => helpRows(`  ${left}`, key, locale, COMMAND_COLUMN);
  return `${tr('cli.help.usage')}
${command('kafka-lint [options] [PATH...]', 'cli.help.cmdLint')}
${command('kafka-lint config [options] FILE...', 'cli.help.cmdConfig')}
${command('kafka-lint report [options] [PATH...]', 'cli.help.cmdReport')}

${tr('cli.help.about')}

${tr('cli.help.options')}
${option('--format text|json|sarif', 'cli.help.format')}
${option('--format html|markdown', 'cli.help.formatReport')}
${option('--out FILE', 'cli.help.out')}
${option('--kafka-version X.Y', 'cli.help.kafkaVersion')}
${option('--config FILE', 'cli.help.config')}
${option('--locale en|zh-cn|auto', 'cli.help.locale')}
${option('--markdown', 'cli.help.markdown')}
${option('--cache', 'cli.help.cache')}
${option('--cache-location PATH', 'cli.help.cacheLocation')}
${option('--concurrency N|auto|off', 'cli.help.concurrency')}
${option('-h, --help', 'cli.help.help')}
${option('-v, --version', 'cli.help.version')}

${tr('cli.help.examples')}
  kafka-lint examples
  kafka-lint --format json --kafka-version 2.8 config/producer.properties src/
  kafka-lint config --format json server.properties
  kafka-lint --cache --format sarif src/ config/
  kafka-lint report --out kafka-lint-report.html config/ src/
  kafka-lint report --format markdown . >> "$GITHUB_STEP_SUMMARY"
  kafka-lint --locale zh-cn examples
  kafka-lint ./config          ${tr('cli.help.examplePath')}

${tr('cli.help.exitCodes')}
  0  ${tr('cli.help.exit0')}
  1  ${tr('cli.help.exit1')}
  2  ${tr('cli.help.exit2')}
`;
}

/** The English `--help` text. */
export const HELP = helpText('en');
