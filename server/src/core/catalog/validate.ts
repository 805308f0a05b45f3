import type { KeyDoc } from './types';
import { findKey } from './index';
import { t } from '../i18n/index';
import type { Locale } from '../i18n/index';

/**
 * Value checks as Kafka's `ConfigDef` performs them when a client or broker starts: the value is trimmed,
 * parsed by its declared type, then checked against the closed set or the numeric bounds. Unknown keys and
 * free-form types (string, class, password) are never reported.
 */

/** Bounds of Java's integral types, as BigInt so that `long` is exact. */
const BOUNDS: Readonly<Record<'short' | 'int' | 'long', readonly [bigint, bigint]>> = {
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

/** `Double.parseDouble` accepts decimal and exponent forms with an optional type suffix. */
const DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

function inSet(value: string, valid: readonly string[]): boolean {
  const v = value.toLowerCase();
  return valid.some((s) => s.toLowerCase() === v);
}

function oneOf(valid: readonly string[], locale: Locale): string {
  return t(locale, 'validate.oneOf', { values: valid.join(', ') });
}

function checkBounds(n: number, doc: KeyDoc, locale: Locale): string | undefined {
  if (doc.min !== undefined && n < doc.min) return t(locale, 'validate.atLeast', { min: doc.min });
  if (doc.max !== undefined && n > doc.max) return t(locale, 'validate.atMost', { max: doc.max });
  return undefined;
}

function checkIntegral(value: string, type: 'short' | 'int' | 'long', doc: KeyDoc, locale: Locale): string | undefined {
  if (!/^[+-]?\d+$/.test(value)) return t(locale, 'validate.whole', { type });
  const n = BigInt(value);
  const [lo, hi] = BOUNDS[type];
  if (n < lo || n > hi) return t(locale, type === 'int' ? 'validate.outOfRangeAn' : 'validate.outOfRangeA', { type });
  return checkBounds(Number(n), doc, locale);
}

/**
 * Returns why Kafka would reject `value` for `key` (a phrase in `locale` that follows "it": `must be true or
 * false`), or undefined when the value is valid or the key is not in the catalog. Booleans must read
 * `true`/`false` in any case; numbers must parse and respect the catalog's bounds; closed sets are compared
 * case-insensitively; list elements are checked one by one.
 */
export function validateValue(key: string, value: string, locale: Locale = 'en'): string | undefined {
  const doc = findKey(key);
  if (!doc) return undefined;
  const v = value.trim();
  switch (doc.type) {
    case 'boolean':
      return /^(true|false)$/i.test(v) ? undefined : t(locale, 'validate.boolean');
    case 'short':
    case 'int':
    case 'long': {
      const reason = checkIntegral(v, doc.type, doc, locale);
      if (reason) return reason;
      return doc.validValues && !inSet(v, doc.validValues) ? oneOf(doc.validValues, locale) : undefined;
    }
    case 'double':
      if (!DOUBLE.test(v)) return t(locale, 'validate.number');
      return checkBounds(Number(v.replace(/[fFdD]$/, '')), doc, locale);
    case 'list': {
      if (!doc.validValues || v === '') return undefined;
      // The catalog may list whole combinations (`compact,delete`) as well as single elements.
      const elements = v.split(/\s*,\s*/);
      if (inSet(elements.join(','), doc.validValues)) return undefined;
      const bad = elements.find((element) => !inSet(element, doc.validValues ?? []));
      if (bad === undefined) return undefined;
      return t(locale, 'validate.listElement', { element: bad || t(locale, 'validate.emptyElement'), rule: oneOf(doc.validValues, locale) });
    }
    case 'string':
      return doc.validValues && !inSet(v, doc.validValues) ? oneOf(doc.validValues, locale) : undefined;
    default:
      return undefined;
  }
}

/** Three DP rows that {@link distance} reuses from call to call (grown when a longer key comes). */
let rows = new Int32Array(3 * 64);

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions: `aks` → `ask`), giving up
 * with `limit + 1` as soon as every path is already longer than `limit`. Only the band of cells within
 * `limit` of the diagonal is computed (the others are known to exceed it), in reused rows: this runs for
 * hundreds of candidates per unknown key.
 */
function distance(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  const over = limit + 1;
  if (Math.abs(la - lb) > limit) return over;
  const width = lb + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  // Row i lives at ((i % 3) * width); cells are clamped to `over`, which keeps every value <= limit exact.
  for (let j = 0; j <= lb; j++) rows[j] = j <= limit ? j : over;
  for (let i = 1; i <= la; i++) {
    const cur = (i % 3) * width;
    const prev = ((i - 1) % 3) * width;
    const before = ((i + 1) % 3) * width;
    const lo = Math.max(1, i - limit);
    const hi = Math.min(lb, i + limit);
    rows[cur] = i <= limit ? i : over;
    if (lo > 1) rows[cur + lo - 1] = over;
    if (hi < lb) rows[cur + hi + 1] = over;
    const ai = a.charCodeAt(i - 1);
    let best = rows[cur];
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = rows[prev + j - 1] + (ai === bj ? 0 : 1);
      const up = rows[prev + j] + 1;
      if (up < d) d = up;
      const left = rows[cur + j - 1] + 1;
      if (left < d) d = left;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const t = rows[before + j - 2] + 1;
        if (t < d) d = t;
      }
      if (d > over) d = over;
      rows[cur + j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return over;
  }
  return rows[(la % 3) * width + lb];
}

/** Spellings that mean the same key in other dialects: `enable_auto_commit`, `enable-auto-commit`, `ENABLE.AUTO.COMMIT`. */
function canonicalSpelling(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '.');
}

/** Candidate lists seen before, with their canonical spellings, so a file full of unknown keys stays fast. */
const PREPARED = new WeakMap<readonly string[], { readonly names: ReadonlySet<string>; readonly canonical: readonly string[] }>();

function prepare(candidates: readonly string[]): { readonly names: ReadonlySet<string>; readonly canonical: readonly string[] } {
  let prepared = PREPARED.get(candidates);
  if (!prepared) {
    prepared = { names: new Set(candidates), canonical: candidates.map(canonicalSpelling) };
    PREPARED.set(candidates, prepared);
  }
  return prepared;
}

/**
 * The candidate `key` was most likely meant to be, or undefined when none is close: the same key in
 * another case or separator style, or one within a small edit distance (1 for short keys, up to 3 for long
 * ones). Ties go to the earlier candidate.
 */
export function suggestKey(key: string, candidates: readonly string[]): string | undefined {
  const { names, canonical } = prepare(candidates);
  if (names.has(key)) return undefined;
  const wanted = canonicalSpelling(key.trim());
  if (wanted === '') return undefined;
  const limit = wanted.length <= 4 ? 1 : wanted.length <= 12 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let i = 0; i < candidates.length && bestDistance > 0; i++) {
    const c = canonical[i];
    if (Math.abs(c.length - wanted.length) >= bestDistance) continue;
    const dist = c === wanted ? 0 : distance(wanted, c, bestDistance - 1);
    if (dist < bestDistance) {
      best = candidates[i];
      bestDistance = dist;
    }
  }
  return best;
}
