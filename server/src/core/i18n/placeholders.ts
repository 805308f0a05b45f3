/**
 * Placeholders in catalogue texts: `{name}`, an ASCII identifier in braces. Other braces are literal text
 * (`{"rules": {}}` in a help text stays as written). The types below read the placeholders of a literal
 * string type, so that a call with a missing or unknown parameter, and a translation whose placeholders
 * differ from the English, are compile errors.
 */

/** The runtime form of a placeholder. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names of a text, each once, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

type Letter =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z';
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/** True when `S` is made only of letters and digits. */
type Alnum<S extends string> = S extends '' ? true : S extends `${Letter | Digit}${infer Rest}` ? Alnum<Rest> : false;

/** `S` when it is a placeholder name (a letter, then letters and digits), else never. */
type Name<S extends string> = S extends `${Letter}${infer Rest}` ? (Alnum<Rest> extends true ? S : never) : never;

/**
 * The placeholder names of a literal string type, as a union (`never` for none). Braces that do not hold a
 * name are skipped from their opening brace on, as the runtime pattern does.
 */
export type Placeholders<S extends string> = string extends S
  ? string
  : S extends `${string}{${infer Inside}}${infer Rest}`
    ? Name<AfterLastBrace<Inside>> | Placeholders<Rest>
    : never;

/** What follows the last `{` of `S` (all of `S` when it has none): the candidate name before a `}`. */
type AfterLastBrace<S extends string> = S extends `${string}{${infer Rest}` ? AfterLastBrace<Rest> : S;

/**
 * A parameter value: text, a number, or another catalogue message (any object with a `key`), formatted in
 * the same locale. Kept structural so that this module needs nothing from the catalogue.
 */
export type ParamValue = string | number | { readonly key: string; readonly params?: Readonly<Record<string, ParamValue>> };

/** The parameter object a text needs: one value per placeholder. */
export type ParamsFor<S extends string> = { readonly [P in Placeholders<S>]: ParamValue };

/** True when the unions `A` and `B` hold the same members. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The keys of `T` whose placeholders differ from those of the same key in `E`, each mapped to what the
 * English has: `{}` when the catalogues agree. Used as `const check: PlaceholderMismatches<…> = {}`, which
 * fails to compile, naming the key, as soon as a translation adds, drops or renames a placeholder.
 */
export type PlaceholderMismatches<E extends Record<string, string>, T extends { readonly [K in keyof E]: string }> = {
  readonly [K in keyof E as Same<Placeholders<E[K]>, Placeholders<T[K]>> extends true ? never : K]: { english: Placeholders<E[K]>; translation: Placeholders<T[K]> };
};

/** The shape a translation of the English area catalogue `E` must have: every key, no other (with `satisfies`). */
export type Translation<E> = { readonly [K in keyof E]: string };
