import type { DotEnvFile } from '../model';
import { interpolate } from './interpolation';
import { splitPath } from './names';

/**
 * The `.env` file Docker Compose reads for interpolation: the one in the project directory, which without
 * `--project-directory` or `--env-file` is the folder of the (first) compose file. Its variables replace
 * `${VAR}` in the compose file; a variable the shell running compose exports wins over the file, which this
 * reader cannot see, so values are what runs on a machine whose shell sets none of them (the same
 * assumption as for defaults, see interpolation.ts).
 *
 * The file is read as compose-go's dotenv parser reads it (compose-go `dotenv/parser.go`), not as the
 * Node `dotenv` package does, which differs where it matters here (`A=x#y`, `${VAR}` in values):
 *   - blank lines and lines starting with `#` are skipped; `export ` before a name is allowed;
 *   - a name is letters, digits, `_` and `.`, followed by `=` or (YAML style) `:`; a name alone on its line
 *     takes the shell's value (so: not set here);
 *   - a value in single quotes is literal and may span lines; in double quotes `\n`, `\r` and `\"` are
 *     unescaped and variables are replaced; an unquoted value runs to the end of the line, blanks trimmed
 *     on the right, variables replaced;
 *   - variables in a value are those of earlier lines (and the shell's).
 * Where compose-go versions disagree the value is unknown: `#` in an unquoted value starts a comment in some
 * versions and only after a blank in others. A line Compose rejects (a bad name, an unclosed quote) makes it
 * refuse to run: the whole file is then `broken` and no variable is known.
 */

/** The variables of a `.env` file. */
export interface ComposeVariables {
  /** The file's path, for messages. */
  readonly path: string;
  /** Each variable's value; null when it is set to something this reader cannot know. */
  readonly values: ReadonlyMap<string, string | null>;
  /** True when Compose would refuse the file: no value of it is known, and no default applies. */
  readonly broken: boolean;
}

const NAME_CHAR = /[\p{L}\p{N}_.]/u;
/** compose-go's isSpace: blanks that are not line breaks. */
const BLANK = /[\t\v\f\r \u0085\u00a0]/;

/** Reads a `.env` file's variables (see the module comment). Never throws. */
export function readDotEnv(file: DotEnvFile): ComposeVariables {
  const values = new Map<string, string | null>();
  const broken = (): ComposeVariables => ({ path: file.path, values: new Map(), broken: true });
  const text = file.text;
  let i = 0;
  const skipBlanks = () => {
    while (i < text.length && BLANK.test(text[i])) i++;
  };
  for (;;) {
    // The next statement: skip white space (line breaks too) and comment lines.
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] === '#') {
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol;
      continue;
    }
    if (text.startsWith('export', i)) {
      i += 'export'.length;
      skipBlanks();
    }
    // The name, up to `=`, `:` or the end of the line; blanks inside it make Compose reject the file.
    const start = i;
    let end = -1;
    let sep = '';
    for (; i < text.length; i++) {
      const c = text[i];
      if (BLANK.test(c)) continue;
      if (c === '=' || c === ':' || c === '\n') {
        end = i;
        sep = c;
        break;
      }
      if (!NAME_CHAR.test(c)) return broken();
    }
    if (end < 0) {
      // A name at the end of the file, with nothing after it: the shell's value.
      break;
    }
    const name = text.slice(start, end).replace(/\s+$/, '');
    if (name === '' || /\s/.test(name)) return broken();
    i = end + 1;
    if (sep === '\n') continue;
    skipBlanks();
    const value = readValue();
    if (value === 'broken') return broken();
    values.set(name, value);
  }
  return { path: file.path, values, broken: false };

  function readValue(): string | null | 'broken' {
    const quote = text[i];
    if (quote !== '"' && quote !== "'") {
      let eol = text.indexOf('\n', i);
      if (eol < 0) eol = text.length;
      const raw = text.slice(i, eol).replace(/\s+$/, '');
      i = eol;
      // compose-go versions cut `#` differently; a value holding one is not known.
      if (raw.includes('#')) return null;
      return expanded(raw);
    }
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] !== quote || text[j - 1] === '\\') continue;
      const inner = text.slice(i + 1, j);
      i = j + 1;
      if (quote === "'") return inner;
      return expanded(inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\([^$])/g, '$1'));
    }
    return 'broken';
  }

  /** A value with the variables of earlier lines replaced; null when one of them is not known. */
  function expanded(raw: string): string | null {
    if (!raw.includes('$')) return raw;
    const read = interpolate(raw, { path: file.path, values, broken: false });
    return read.unknown ? null : read.resolved;
  }
}

/** The path of the `.env` file Compose reads for a compose file: the one beside it. */
export function dotEnvPathOf(composePath: string): string {
  return `${splitPath(composePath).folder}.env`;
}
