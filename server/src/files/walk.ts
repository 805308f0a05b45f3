import { msg } from '../core/i18n/index';
import type { Message } from '../core/i18n/index';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { documentKind } from '../core/analyze';
import { noteFolderEntries } from './projects';

/** Folders never searched: dependencies and version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * The names a folder search reads ({@link isLintedName}) as one glob, for the file watchers the server asks
 * the client for (test/unit/files/walk-glob.test.ts keeps the two in step).
 */
export const WATCHED_FILES_GLOB = '**/*.{properties,yml,yaml,json,java,ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go}';

/** A file to lint: `display` is what the user sees (as given, or joined onto the folder given). */
export interface FoundFile {
  readonly display: string;
  readonly absolute: string;
}

export interface WalkResult {
  readonly files: FoundFile[];
  /** Paths given on the command line that do not exist (a usage error). */
  readonly missing: string[];
  /** Folders or entries that could not be read, with the reason (a note, not an error; a catalogue message). */
  readonly notes: Message[];
}

/** What a folder search reads besides the configuration and code files. */
export interface WalkOptions {
  /** Markdown files (`--markdown`, `"markdown": true`): read only when the user opts in. */
  readonly markdown?: boolean;
}

/**
 * True when a folder search reads the file: its name alone gives it a kind ({@link documentKind}, the same
 * decision the server makes). TypeScript declaration files are skipped; Markdown only on opt-in.
 */
export function isLintedName(name: string, options: WalkOptions = {}): boolean {
  if (name.toLowerCase().endsWith('.d.ts')) return false;
  const kind = documentKind(name);
  return kind === 'markdown' ? options.markdown === true : kind !== 'unknown';
}

/**
 * Expands command-line paths into the files to lint, in a stable order: each argument in turn, a folder's
 * entries sorted by name. A file named explicitly is linted whatever its extension. Every file appears
 * once, even when reached twice; folder symlink cycles are followed only once.
 */
export function collectFiles(paths: readonly string[], options: WalkOptions = {}): WalkResult {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const notes: Message[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = (display: string, absolute: string): void => {
    let key = absolute;
    try {
      // The native realpath: one system call, where the JavaScript one stats every folder of the path (a
      // third of the CLI's walk over 10,000 files).
      key = realpathSync.native(absolute);
    } catch {
      // A dangling link: keep the given path; reading it will produce the note.
    }
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push({ display, absolute });
  };

  const walkFolder = (display: string, absolute: string): void => {
    let real: string;
    try {
      real = realpathSync.native(absolute);
    } catch (err) {
      notes.push(msg('files.cannotReadFolder', { path: display, reason: reason(err) }));
      return;
    }
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    let names: string[];
    try {
      names = readdirSync(absolute).sort();
    } catch (err) {
      notes.push(msg('files.cannotReadFolder', { path: display, reason: reason(err) }));
      return;
    }
    noteFolderEntries(absolute, names);
    for (const name of names) {
      const childAbsolute = join(absolute, name);
      const childDisplay = join(display, name);
      let isFolder: boolean;
      let isFile: boolean;
      try {
        const st = statSync(childAbsolute);
        isFolder = st.isDirectory();
        isFile = st.isFile();
      } catch {
        // Dangling symlinks and entries removed while walking are not worth a note.
        continue;
      }
      if (isFolder) {
        if (!SKIPPED_FOLDERS.has(name)) walkFolder(childDisplay, childAbsolute);
      } else if (isFile && isLintedName(name, options)) {
        addFile(childDisplay, childAbsolute);
      }
    }
  };

  for (const given of paths) {
    const absolute = resolve(given);
    let st;
    try {
      st = statSync(absolute);
    } catch {
      missing.push(given);
      continue;
    }
    if (st.isDirectory()) walkFolder(given, absolute);
    else if (st.isFile()) addFile(given, absolute);
    // Opening a named pipe or a device could block forever or never end: note it instead.
    else notes.push(msg('files.notRegular', { path: given }));
  }
  return { files, missing, notes };
}

/**
 * A file's real path (symbolic links resolved, one system call): the workspace model's key, so that a file reached
 * through a linked folder and directly is one file. A path that no longer exists keeps its name under its
 * folder's real path (else stays as given).
 */
export function canonicalPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (err instanceof Error ? err.message : String(err));
}
