import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { t } from '../core/i18n/index';
import type { Locale } from '../core/i18n/index';
import type { LintOptions } from '../core/options';
import type { CliFinding } from './format';
import type { FileExtract, FileResult } from './lint-file';

/**
 * `--cache`: the results of files linted before, kept in one JSON file (`.kafkalintcache` in the current
 * folder unless `--cache-location` says otherwise), as ESLint does. A file's results are used again only
 * when its content hash, the options and the tool (version and build) are all the same; anything else is
 * linted again. A cache that cannot be read or is damaged is set aside with a note, never an error.
 */

/** The cache file's name, in the current folder or in a folder given as `--cache-location`. */
export const DEFAULT_CACHE_FILE = '.kafkalintcache';

/** Bumped whenever the layout below changes. */
const FORMAT = 1;

/** A finding as the cache keeps it: without the file name, which depends on how the file was named. */
type StoredFinding = Omit<CliFinding, 'file'>;

interface StoredFile {
  readonly hash: string;
  readonly findings: readonly StoredFinding[];
  readonly extract?: FileExtract;
}

interface StoredCache {
  readonly format: typeof FORMAT;
  readonly tool: string;
  readonly options: string;
  readonly files: Record<string, StoredFile>;
}

type Note = (message: string) => void;

/**
 * The cache file for `--cache-location` (default: the current folder): a folder (existing, or written
 * with a trailing separator) holds a `.kafkalintcache`; anything else is the file itself.
 */
export function cachePath(cwd: string, location?: string): string {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (location.endsWith('/') || location.endsWith(sep)) return join(path, DEFAULT_CACHE_FILE);
  try {
    if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: the file to create.
  }
  return path;
}

/** The hash a file's results are keyed on: of the text as linted (UTF-8, without a byte-order mark). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Which build of the tool computed the results: the version, and a hash of the CLI bundle when it is known,
 * so that a rebuilt checkout with the same version number does not reuse results of the old rules.
 */
export function toolIdentity(version: string, script?: string): string {
  if (!script) return version;
  try {
    return `${version}+${createHash('sha256').update(readFileSync(script)).digest('base64url').slice(0, 16)}`;
  } catch {
    return version;
  }
}

/** The options as a string that is the same for the same options, whatever the order of their keys. */
function optionsKey(options: LintOptions): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return JSON.stringify(sorted(options));
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint']);

function isStoredFinding(f: unknown): f is StoredFinding {
  const x = f as Partial<Record<keyof StoredFinding, unknown>> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.rule === 'string' &&
    typeof x.stage === 'string' &&
    typeof x.message === 'string' &&
    typeof x.severity === 'string' &&
    SEVERITIES.has(x.severity) &&
    [x.line, x.column, x.endLine, x.endColumn].every((n) => Number.isInteger(n))
  );
}

function isStoredFile(f: unknown): f is StoredFile {
  const x = f as Partial<Record<keyof StoredFile, unknown>> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.hash === 'string' &&
    Array.isArray(x.findings) &&
    x.findings.every(isStoredFinding) &&
    (x.extract === undefined || (typeof x.extract === 'object' && x.extract !== null))
  );
}

/** The results cache of one run: loaded at the start, looked up per file, saved at the end. */
export class LintCache {
  private readonly kept = new Map<string, StoredFile>();
  private readonly fresh = new Map<string, StoredFile>();
  /** True once a file was linted anew (see {@link store}): the cache on disk no longer says all there is. */
  private stored = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly path: string,
    private readonly tool: string,
    private readonly options: string,
    private readonly locale: Locale,
  ) {}

  /**
   * Reads the cache at `path`. A missing file, or one written by another build or with other options,
   * starts an empty cache silently; one that cannot be read or parsed, or holds damaged entries, is noted.
   */
  static open(path: string, tool: string, options: LintOptions, note: Note, folders: readonly { readonly root: string; readonly options: LintOptions }[] = []): LintCache {
    // Folders with their own options (options-file.ts): the cache holds for exactly those folders and options.
    const key = folders.length === 0 ? optionsKey(options) : JSON.stringify([optionsKey(options), ...folders.map((f) => [f.root, optionsKey(f.options)])]);
    const cache = new LintCache(path, tool, key, options.locale);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') note(t(options.locale, 'cli.cache.unreadable', { path, code: code ?? String(err) }));
      return cache;
    }
    let stored: Partial<StoredCache>;
    try {
      stored = JSON.parse(raw) as Partial<StoredCache>;
      if (typeof stored !== 'object' || stored === null || typeof stored.files !== 'object' || stored.files === null) throw new Error('not a cache file');
    } catch (err) {
      note(t(options.locale, 'cli.cache.notCache', { path, reason: err instanceof Error ? err.message : String(err) }));
      return cache;
    }
    if (stored.format !== FORMAT || stored.tool !== tool || stored.options !== cache.options) return cache;
    let damaged = 0;
    for (const [file, entry] of Object.entries(stored.files)) {
      if (isStoredFile(entry)) cache.kept.set(file, entry);
      else damaged++;
    }
    if (damaged > 0) note(t(options.locale, damaged === 1 ? 'cli.cache.damagedOne' : 'cli.cache.damagedMany', { count: damaged, path }));
    return cache;
  }

  /** The cached result of the file at `absolute` when its content hash is `hash`, with `display` as its name. */
  lookup(absolute: string, hash: string, display: string): FileResult | undefined {
    const entry = this.kept.get(absolute);
    if (!entry || entry.hash !== hash) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.fresh.set(absolute, entry);
    const findings = entry.findings.map((f): CliFinding => ({ file: display, ...f }));
    return entry.extract === undefined ? { status: 'linted', findings } : { status: 'linted', findings, extract: entry.extract };
  }

  /** Remembers a file's result (only files that were linted: a skipped or failed file is tried again next time). */
  store(absolute: string, hash: string, result: FileResult): void {
    this.stored = true;
    if (result.status !== 'linted') return;
    const findings = result.findings.map(({ file: _file, ...rest }) => rest);
    this.fresh.set(absolute, result.extract === undefined ? { hash, findings } : { hash, findings, extract: result.extract });
  }

  /**
   * Writes the cache: this run's results, and the earlier entries of files this run did not look at that
   * still exist. Written to a temporary file first and renamed, so a reader never sees half a cache. Not
   * written when the run found every file in it unchanged and nothing else (a warm run of a 13,500-file
   * tree spent 0.37 s of 3 s writing 35 MB it had just read).
   */
  save(note: Note): void {
    // Every entry read was used as it was, and none added: the file would be written again byte for byte.
    if (!this.stored && this.misses === 0 && this.fresh.size === this.kept.size && this.kept.size > 0) return;
    const files: Record<string, StoredFile> = {};
    for (const [file, entry] of this.kept) if (!this.fresh.has(file) && existsSync(file)) files[file] = entry;
    for (const [file, entry] of this.fresh) files[file] = entry;
    const body: StoredCache = { format: FORMAT, tool: this.tool, options: this.options, files };
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, JSON.stringify(body));
      renameSync(temporary, this.path);
    } catch (err) {
      note(t(this.locale, 'cli.cache.unwritable', { path: this.path, code: (err as NodeJS.ErrnoException).code ?? String(err) }));
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
    }
  }
}
