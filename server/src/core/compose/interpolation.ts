/**
 * Docker Compose variable interpolation, read without an environment: `$$` is a literal `$`; `${VAR}` and
 * `$VAR` are unknown; `${VAR:-default}` and `${VAR-default}` take their default when the variable is not set
 * (what runs on a machine that sets nothing); `${VAR:?error}`, `${VAR?error}`, `${VAR:+other}`, `${VAR+other}`
 * are unknown. Defaults may hold further variables (`${A:-${B:-x}}`).
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

/** Reads `text` as Compose would with nothing set in the environment. */
export function interpolate(text: string): Interpolated {
  if (!text.includes('$')) return { resolved: text, value: text, unknown: false, hasVariables: false };
  let resolved = '';
  let placeholder = '';
  let unknown = false;
  let hasVariables = false;
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
    if (v.op === ':-' || v.op === '-') {
      const inner = interpolate(text.slice(v.argStart, v.argEnd));
      resolved += inner.resolved;
      unknown ||= inner.unknown;
    } else {
      unknown = true;
    }
    placeholder += `\${${text.slice(i + (text[i + 1] === '{' ? 2 : 1), v.end - (text[i + 1] === '{' ? 1 : 0))}}`;
    i = v.end;
  }
  if (!hasVariables) return { resolved, value: resolved, unknown: false, hasVariables: false };
  const whole = readVariable(text, 0);
  if (whole && whole.end === text.length && (whole.op === ':-' || whole.op === '-')) {
    const arg = text.slice(whole.argStart, whole.argEnd);
    if (!arg.includes('$')) return { resolved, value: arg, unknown: false, hasVariables: true, wholeDefault: { variable: whole.name, start: whole.argStart, end: whole.argEnd } };
  }
  return { resolved, value: placeholder, unknown, hasVariables };
}

/** True when `value` can be written as a Compose default as it is: no `$`, braces, quotes, blanks or escapes. */
export function isSafeDefault(value: string): boolean {
  return /^[A-Za-z0-9_.,/:@+=-]*$/.test(value);
}
