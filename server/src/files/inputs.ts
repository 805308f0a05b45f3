import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { documentKind, dotEnvPathOf } from '../core/analyze';
import type { AnalysisInputs } from '../core/analyze';
import type { BuildFile, DocumentKind, DotEnvFile } from '../core/model';
import { isBuildFileName, projectVersions } from '../core/project/build-files';
import { readTextFile } from './read';

/**
 * What a file is analysed with besides its own text (core/analyze.ts `AnalysisInputs`), read from disk:
 *   - a docker-compose file: the `.env` file beside it (core/compose/dotenv.ts);
 *   - a Java, Spring, `.properties` or Python file: the client library versions its project's build files
 *     pin (core/project/build-files.ts), from `pom.xml`, Gradle scripts, `requirements*.txt` … in its folder
 *     and the folders above it, up to the repository's root (a folder holding `.git`).
 */

/** Kinds whose groups take the project's library versions (the server watches the files: protocol/constants.ts `INPUT_FILES_GLOB`). */
const VERSIONED_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['java', 'spring-properties', 'spring-yaml', 'properties', 'python']);
/** How many folders up build files are looked for, at most. */
const MAX_LEVELS = 12;

/**
 * Reads and keeps the input files: a `.env` file is read again when its size or time changed (the server asks
 * on every analysis of an open compose file, and a change on disk is seen on the next); build files and
 * folder listings are kept until {@link forget} is told they changed (the server's watched-file events).
 * The inputs of a file are the same object as long as what they were read from is unchanged, so that callers
 * tell a change by identity.
 */
export class AnalysisInputFiles {
  private readonly dotEnvs = new Map<string, { stamp: string; file: DotEnvFile | undefined; inputs?: AnalysisInputs }>();
  private readonly listings = new Map<string, readonly string[]>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly versions = new Map<string, { inputs?: AnalysisInputs }>();

  /** What a file at `path` is analysed with besides its text; undefined when nothing. */
  inputsOf(path: string): AnalysisInputs | undefined {
    const kind = documentKind(path);
    if (kind === 'compose') return this.dotEnvBeside(path).inputs;
    if (!VERSIONED_KINDS.has(kind)) return undefined;
    return this.versionsFor(dirname(path)).inputs;
  }

  /** The `.env` file of a compose file at `path` as the disk has it now, and the inputs it makes. */
  private dotEnvBeside(path: string): { file: DotEnvFile | undefined; inputs?: AnalysisInputs } {
    const at = dotEnvPathOf(path);
    let stamp: string;
    try {
      const st = statSync(at);
      stamp = st.isFile() ? `${st.size}:${st.mtimeMs}` : 'none';
    } catch {
      stamp = 'none';
    }
    const known = this.dotEnvs.get(at);
    if (known?.stamp === stamp) return known;
    const read = stamp === 'none' ? undefined : readTextFile(at);
    const file = read?.ok ? { path: at, text: read.text } : undefined;
    const entry = { stamp, file, ...(file ? { inputs: { dotEnv: file } } : {}) };
    this.dotEnvs.set(at, entry);
    return entry;
  }

  /** The versions the build files of `folder` and the folders above it pin, and the inputs they make. */
  private versionsFor(folder: string): { inputs?: AnalysisInputs } {
    const known = this.versions.get(folder);
    if (known) return known;
    const files: BuildFile[] = [];
    let at = folder;
    for (let level = 0; level < MAX_LEVELS; level++) {
      const names = this.listing(at);
      for (const name of names) if (isBuildFileName(name)) this.push(files, join(at, name));
      if (names.includes('gradle')) this.push(files, join(at, 'gradle', 'libs.versions.toml'));
      const up = dirname(at);
      if (names.includes('.git') || up === at) break;
      at = up;
    }
    const project = projectVersions(files);
    const found = project.kafkaClients || project.kafkaPython ? { inputs: { project } } : {};
    if (this.versions.size > 10000) this.versions.clear();
    this.versions.set(folder, found);
    return found;
  }

  private push(files: BuildFile[], path: string): void {
    let text = this.texts.get(path);
    if (!this.texts.has(path)) {
      const read = readTextFile(path);
      text = read.ok ? read.text : undefined;
      this.texts.set(path, text);
    }
    if (text !== undefined) files.push({ path, text });
  }

  private listing(folder: string): readonly string[] {
    let names = this.listings.get(folder);
    if (!names) {
      try {
        names = readdirSync(folder);
      } catch {
        names = [];
      }
      this.listings.set(folder, names);
    }
    return names;
  }

  /**
   * A file or folder at `path` was created, changed or deleted: a build file's text, the listing of its folder
   * and every version found through it are read again when next asked. True when that may change an analysis.
   */
  forget(path: string): boolean {
    const name = path.split(/[\\/]/).pop() ?? '';
    const folder = dirname(path);
    if (!isBuildFileName(name) && !this.listings.has(path)) {
      // A file that is no build file changes a listing only by being added or removed: names are kept, not stamps.
      if (this.listings.has(folder) && !this.listings.get(folder)!.includes(name)) this.listings.delete(folder);
      return false;
    }
    this.texts.delete(path);
    this.listings.delete(folder);
    this.listings.delete(path);
    this.versions.clear();
    return true;
  }
}

/** One instance for a process that reads each file once (the CLI's run). */
const SHARED = new AnalysisInputFiles();

/** What a file is analysed with besides its text (see {@link AnalysisInputFiles}), read from disk. */
export function inputsOf(path: string): AnalysisInputs | undefined {
  return SHARED.inputsOf(path);
}
