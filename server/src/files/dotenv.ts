import { statSync } from 'node:fs';
import { documentKind, dotEnvPathOf } from '../core/analyze';
import type { AnalysisInputs } from '../core/analyze';
import type { DotEnvFile } from '../core/model';
import { readTextFile } from './read';

/**
 * The `.env` file Docker Compose reads for a compose file (the one beside it, core/compose/dotenv.ts), read
 * from disk; undefined for other files, and when there is none or it cannot be read as text.
 */
export function dotEnvBeside(path: string): DotEnvFile | undefined {
  if (documentKind(path) !== 'compose') return undefined;
  const at = dotEnvPathOf(path);
  const read = readTextFile(at);
  return read.ok ? { path: at, text: read.text } : undefined;
}

/** What a file is analysed with besides its text (see {@link AnalysisInputs}), read from disk. */
export function inputsOf(path: string): AnalysisInputs | undefined {
  const dotEnv = dotEnvBeside(path);
  return dotEnv ? { dotEnv } : undefined;
}

/**
 * The `.env` files of compose files, read again only when their size or time changed: the server asks on
 * every analysis of an open compose file (a keystroke), and a `.env` file changed on disk is seen on the next.
 */
export class DotEnvFiles {
  private readonly known = new Map<string, { stamp: string; file: DotEnvFile | undefined }>();

  /** The `.env` file of a compose file at `path` as the disk has it now; undefined for other files or none. */
  beside(path: string): DotEnvFile | undefined {
    if (documentKind(path) !== 'compose') return undefined;
    const at = dotEnvPathOf(path);
    let stamp: string;
    try {
      const st = statSync(at);
      stamp = st.isFile() ? `${st.size}:${st.mtimeMs}` : 'none';
    } catch {
      stamp = 'none';
    }
    const known = this.known.get(at);
    if (known?.stamp === stamp) return known.file;
    const read = stamp === 'none' ? undefined : readTextFile(at);
    const file = read?.ok ? { path: at, text: read.text } : undefined;
    this.known.set(at, { stamp, file });
    return file;
  }

  /** What a file at `path` is analysed with besides its text. */
  inputsOf(path: string): AnalysisInputs | undefined {
    const dotEnv = this.beside(path);
    return dotEnv ? { dotEnv } : undefined;
  }
}
