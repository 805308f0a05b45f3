/**
 * How Spring Boot reads and how we write YAML scalars. Boot loads YAML with SnakeYAML, which resolves plain
 * scalars by YAML 1.1 rules (`yes`/`on` are booleans, `010` is octal) and then binds their string form; the
 * `yaml` package we parse with follows YAML 1.2, so plain scalars are resolved here from their source text.
 * Boot switches timestamp resolution off, so timestamps stay strings.
 */

const BOOL_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const BOOL_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Integer forms SnakeYAML converts (binary, octal, hex, underscores, base 60) to their decimal string. */
function yaml11Int(s: string): string {
  const sign = s.startsWith('-') ? -1n : 1n;
  const body = s.replace(/^[-+]/, '').replace(/_/g, '');
  let n: bigint;
  if (body.startsWith('0b')) n = BigInt(`0b${body.slice(2)}`);
  else if (body.startsWith('0x')) n = BigInt(`0x${body.slice(2)}`);
  else if (body.includes(':')) n = body.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
  else if (body.length > 1 && body.startsWith('0')) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  return String(sign * n);
}

/**
 * The string Spring binds for a plain scalar written as `source`: YAML 1.1 booleans become `true`/`false`,
 * nulls the empty string, integers their decimal form. Anything else (floats included) stays as written.
 */
export function plainScalarValue(source: string): string {
  if (BOOL_TRUE.test(source)) return 'true';
  if (BOOL_FALSE.test(source)) return 'false';
  if (NULL.test(source)) return '';
  if (INT.test(source)) {
    try {
      return yaml11Int(source);
    } catch {
      return source;
    }
  }
  return source;
}

/**
 * True when `value` can be written as a plain scalar and Spring reads back exactly `value`: simple
 * characters only, and not a word or number YAML 1.1 would turn into something else (`yes`, `010`, `1.50`).
 * Inside a flow collection (`{acks: 1}`) commas are not allowed either.
 */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (!(inFlow ? /^[A-Za-z0-9_][A-Za-z0-9_.\-/+@=:]*$/ : /^[A-Za-z0-9_][A-Za-z0-9_.\-/+@=:,]*$/).test(value) && !/^-[0-9]+$/.test(value)) return false;
  if (value.endsWith(':')) return false;
  // Floats are re-printed by Java (`1.50` → `1.5`): quote them; everything else must read back unchanged.
  return !FLOAT.test(value) && plainScalarValue(value) === value;
}

/** A double-quoted YAML scalar for `value` (JSON's escapes are valid YAML escapes). */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\u0080-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A single-quoted YAML scalar, or undefined when `value` holds characters single quotes cannot carry. */
export function singleQuoted(value: string): string | undefined {
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}
