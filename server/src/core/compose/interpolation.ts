import type { ComposeVariables } from './dotenv';

/**
 * Docker Compose variable interpolation, read with the variables of the project's `.env` file (dotenv.ts)
 * and nothing set in the shell: `$$` is a literal `$`. A variable the file sets takes its value, as Compose
 * gives it: `${VAR}`, `${VAR:-default}` (the default when the value is empty), `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+other}` (`other` when the value is not empty, else nothing),
 * `${VAR+other}`. A variable the file does not set: `${VAR}` and `$VAR` are unknown (the shell may set it);
 * `${VAR:-default}` and `${VAR-default}` take their default (what runs on a machine that sets nothing); the
 * other forms are unknown. Defaults may hold further variables (`${A:-${B:-x}}`). With a `.env` file that
 * Compose would refuse, nothing is known.
 */

export interface Interpolated {
  /** The text with every variable replaced by its default, or by nothing when it has none (for addresses). */
  readonly resolved: string;
  /** The text as a setting's value: the literal text, the default of a whole-value `${VAR:-default}`, or a `${…}` placeholder. */
  readonly value: string;
  /** True when some variable's value cannot be known here. */
  readonly unknown: boolean;
  /** True when the text holds a variable at all. */
  readonly hasVariables: boolean;
  /**
   * When the whole text is one `${VAR:-default}` (or `${VAR-default}`) with a literal default: the variable and
   * the default's span in the text, so that a fix can change the default and keep the variable.
   */
  readonly wholeDefault?: { readonly variable: string; readonly start: number; readonly end: number };
  /**
   * When the whole text is one variable whose value the `.env` file gives (`${MIN_ISR}`, or `${MIN_ISR:-1}`
   * with `MIN_ISR=2` in the file): the variable and the file. The setting is changed there, not here.
   */
  readonly fromFile?: { readonly variable: string; readonly path: string };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** One `${…}` or `$NAME` at `at` (the `$`), or undefined when `$` starts nothing (a literal `$`). */
interface Variable {
  readonly end: number;
  readonly name: string;
  readonly op?: ':-' | '-' | ':?' | '?' | ':+' | '+';
  /** Start and end of the argument after the operator. */
  readonly argStart: number;
  readonly argEnd: number;
}

function readVariable(text: string, at: number): Variable | undefined {
  if (text[at + 1] === '{') {
    const name = NAME.exec(text.slice(at + 2))?.[0];
    if (!name) return undefined;
    let i = at + 2 + name.length;
    let op: Variable['op'];
    for (const o of [':-', ':?', ':+', '-', '?', '+'] as const) {
      if (text.startsWith(o, i)) {
        op = o;
        i += o.length;
        break;
      }
    }
    const argStart = i;
    let depth = 1;
    for (; i < text.length; i++) {
      if (text[i] === '$' && text[i + 1] === '$') {
        i++;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        depth++;
        i++;
      } else if (text[i] === '}') {
        depth--;
        if (depth === 0) return { end: i + 1, name, op, argStart, argEnd: i };
      }
    }
    return undefined;
  }
  const name = NAME.exec(text.slice(at + 1))?.[0];
  return name ? { end: at + 1 + name.length, name, argStart: at + 1 + name.length, argEnd: at + 1 + name.length } : undefined;
}

/** A variable's value as the `.env` file sets it: a string, null (set, not known) or undefined (not set). */
function lookUp(variables: ComposeVariables | undefined, name: string): string | null | undefined {
  if (!variables) return undefined;
  if (variables.broken) return null;
  return variables.values.get(name);
}

/**
 * What a variable gives with the `.env` file's `value` for it: the text it becomes, or null when unknown.
 * `value` undefined: the file does not set it.
 */
function substitute(v: Variable, value: string | null | undefined, text: string, variables: ComposeVariables | undefined): Interpolated | null {
  const arg = () => interpolate(text.slice(v.argStart, v.argEnd), variables);
  const known = (s: string): Interpolated => ({ resolved: s, value: s, unknown: false, hasVariables: false });
  if (value === null) return null;
  if (value === undefined) return v.op === ':-' || v.op === '-' ? arg() : null;
  switch (v.op) {
    case ':-':
      return value === '' ? arg() : known(value);
    case ':?':
      return value === '' ? null : known(value);
    case ':+':
      return value === '' ? known('') : arg();
    case '+':
      return arg();
    default:
      return known(value);
  }
}

/** Reads `text` as Compose would with the `.env` file's `variables` (if any) and nothing set in the shell. */
export function interpolate(text: string, variables?: ComposeVariables): Interpolated {
  if (!text.includes('$')) return { resolved: text, value: text, unknown: false, hasVariables: false };
  let resolved = '';
  let placeholder = '';
  let unknown = false;
  let hasVariables = false;
  /** Some variable is not set in the `.env` file: the shell running compose may set it. */
  let fromShell = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      resolved += c;
      placeholder += c;
      i++;
      continue;
    }
    if (text[i + 1] === '$') {
      resolved += '$';
      placeholder += '$';
      i += 2;
      continue;
    }
    const v = readVariable(text, i);
    if (!v) {
      resolved += '$';
      placeholder += '$';
      i++;
      continue;
    }
    hasVariables = true;
    const value = lookUp(variables, v.name);
    fromShell ||= value === undefined;
    const given = substitute(v, value, text, variables);
    if (given) {
      resolved += given.resolved;
      unknown ||= given.unknown;
    } else {
      unknown = true;
    }
    placeholder += `\${${text.slice(i + (text[i + 1] === '{' ? 2 : 1), v.end - (text[i + 1] === '{' ? 1 : 0))}}`;
    i = v.end;
  }
  if (!hasVariables) return { resolved, value: resolved, unknown: false, hasVariables: false };
  const whole = readVariable(text, 0);
  const set = whole ? lookUp(variables, whole.name) : undefined;
  if (whole && whole.end === text.length && set !== undefined && variables) {
    // The file decides the value (or, set to nothing known, makes it unknown).
    if (unknown) return { resolved, value: placeholder, unknown, hasVariables };
    return { resolved, value: resolved, unknown: false, hasVariables: true, fromFile: { variable: whole.name, path: variables.path } };
  }
  if (whole && whole.end === text.length && (whole.op === ':-' || whole.op === '-')) {
    const arg = text.slice(whole.argStart, whole.argEnd);
    if (!arg.includes('$')) return { resolved, value: arg, unknown: false, hasVariables: true, wholeDefault: { variable: whole.name, start: whole.argStart, end: whole.argEnd } };
  }
  // Every variable set by the `.env` file: the text is the value (a fix would have to keep the variables, so
  // none is offered, see environment.ts).
  if (!unknown && !fromShell) return { resolved, value: resolved, unknown, hasVariables };
  return { resolved, value: placeholder, unknown, hasVariables };
}

/** True when `value` can be written as a Compose default as it is: no `$`, braces, quotes, blanks or escapes. */
export function isSafeDefault(value: string): boolean {
  return /^[A-Za-z0-9_.,/:@+=-]*$/.test(value);
}
