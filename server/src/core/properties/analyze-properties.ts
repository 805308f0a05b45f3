import type { AnalyzedDocument, ConfigEntry, ConfigGroup, DocumentKind, Edit, ParseProblem, Range, Role } from '../model';
import { eolOf } from '../text';
import { detectRoles, keyRole } from '../roles';
import { connectGroups, connectKindOf } from '../connect/connect-groups';
import type { PropertiesFile, PropertiesPair } from './reader';
import { ReadPair, escapePropertiesKey, escapePropertiesValue, readProperties } from './reader';

/**
 * Plain Kafka `.properties` files (producer, consumer, admin/streams/connect clients, broker, topic configs)
 * into the model: one group holding every entry, with the roles detected from the name and the keys.
 *
 * Python apps often keep their client settings in an INI file read by `configparser` and name it
 * `*.properties` (`[default]`, `[producer]`, `[consumer]` sections): a line that is only `[name]` opens
 * such a section instead of being a key, a key set in two sections is two settings, and in such a file a
 * line starting with `;` is a comment and a key is read lower-cased, as configparser reads it.
 */

/** True for text that is clearly not a text file (NUL characters): such files are never Kafka configuration. */
export function looksBinary(text: string): boolean {
  return text.indexOf('\u0000') >= 0;
}

/** True when the text ends with a line break (or is empty, a lone byte-order mark included). */
export function endsWithBreak(text: string): boolean {
  if (text.length === 0 || text === '\ufeff') return true;
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/**
 * Source text that sets a properties value to `value` at the pair's `valueRange`: escaped so that
 * `Properties.load` reads back exactly `value`, with a `=` added when the line had only a key.
 */
export function renderPropertiesValue(pair: PropertiesPair, value: string): string {
  let escaped = escapePropertiesValue(value);
  // After a whitespace-only separator (`key value`) a leading `=` or `:` would be read as the separator.
  if (escaped.startsWith('=') || escaped.startsWith(':')) escaped = `\\${escaped}`;
  return pair.hasSeparator ? escaped : `=${escaped}`;
}

/**
 * An edit appending `line` at the end of a properties text without changing any other line: a line break
 * is added first when the text lacks a final one, and a blank line when the text ends inside a continued
 * line (so the new line is not glued onto it). Uses the file's own line-break style.
 */
export function appendLineEdit(text: string, file: PropertiesFile, line: string): Edit {
  const eol = eolOf(text);
  let prefix = endsWithBreak(text) ? '' : eol;
  if (file.endsInContinuation) prefix += eol;
  return { range: { start: text.length, end: text.length }, newText: `${prefix}${line}${eol}` };
}

/**
 * The model entry for one pair; `key` is the canonical Kafka key (the written key for plain files), `value`
 * the value Kafka receives (the written one unless a dialect converts it, as Spring does with `5s`).
 * A class, so that 50,000 entries share one `renderValue` instead of carrying a closure each.
 */
export class PropertiesEntry implements ConfigEntry {
  readonly value: string;

  constructor(
    private readonly pair: PropertiesPair,
    readonly key: string,
    readonly identity: string,
    readonly role: Role | undefined,
    value: string = pair.value,
  ) {
    this.value = value;
  }

  // Read from the pair when asked: the pair makes its ranges on first use.
  get rawKey(): string {
    return this.pair.rawKey;
  }

  get keyRange(): Range {
    return this.pair.keyRange;
  }

  get valueRange(): Range {
    return this.pair.valueRange;
  }

  get removeRange(): Range {
    return this.pair.lineRange;
  }

  renderValue(value: string): string {
    return renderPropertiesValue(this.pair, value);
  }
}

/**
 * The name of the INI section that a line opens, when the line's whole content (blanks around it aside) is
 * `[name]`; undefined for any other line. `start` is where the line's content starts, `end` where it ends.
 * Kafka never reads a key `[name]`, so nothing Kafka reads is lost; `[x]=y`, `[x] y` and `key=[a]` stay keys.
 */
export function iniSectionName(text: string, start: number, end: number): string | undefined {
  if (text.charCodeAt(start) !== 91 /* [ */) return undefined;
  return /^\[([^\]]+)\][ \t\f]*$/.exec(text.slice(start, end))?.[1];
}

/** An INI section of a plain file: its entries' identities name it, so the same key in two sections is no duplicate. */
interface Section {
  readonly name: string;
  /**
   * The client a section named for one configures (`[producer]`, `[consumer]`, `[admin]`, in any case): its
   * keys are that client's only. Undefined for `[default]` and other names, whose keys count for every client,
   * as the Confluent Python examples merge `[default]` into each client's section.
   */
  readonly role: Role | undefined;
  /** Offset just after the section's last line (its header's, while it has no key). */
  end: number;
}

function isDefaultSection(section: Section | undefined): boolean {
  return section !== undefined && section.name.trim().toLowerCase() === 'default';
}

/**
 * The entries of a file with INI sections in the order its app applies them: those of `[default]` first,
 * wherever that section is written. Confluent's Python examples build each client's settings as
 * `dict(config['default'])` and then `.update(config['consumer'])`, and configparser's own `[DEFAULT]` gives
 * every section the values that section does not set: either way a client's section wins over `[default]`.
 */
function defaultsFirst(entries: readonly PlainEntry[]): readonly PlainEntry[] {
  const defaults = entries.filter((e) => isDefaultSection(e.section));
  if (defaults.length === 0 || defaults.length === entries.length) return entries;
  return [...defaults, ...entries.filter((e) => !isDefaultSection(e.section))];
}

/** The client role a section's name gives, if any. */
function sectionRole(name: string): Role | undefined {
  const lower = name.trim().toLowerCase();
  return lower === 'producer' || lower === 'consumer' || lower === 'admin' ? lower : undefined;
}

/**
 * Where a setting for `role`'s client goes in a file with INI sections: after the last line of that client's
 * last section, else of the last `[default]` section (whose keys count for every client). Undefined when that
 * is the end of the file, or when no section fits: the setting is then appended to the file, as without sections.
 */
function sectionEndFor(sections: readonly Section[], role: Role | undefined): number | undefined {
  let target: Section | undefined;
  for (const s of sections) if (role !== undefined && s.role === role) target = s;
  if (target === undefined) for (const s of sections) if (isDefaultSection(s)) target = s;
  return target === undefined || target === sections[sections.length - 1] ? undefined : target.end;
}

/** The roles of a plain file, shared by its entries; filled in once every key has been read. */
interface FileRoles {
  roles: readonly Role[];
  only: Role | undefined;
}

/**
 * An entry of a plain Kafka `.properties` file: the reader's pair itself, so that a 50,000-line file makes
 * one object per line rather than two. The key is the written key, and the role is worked out when asked.
 */
class PlainEntry extends ReadPair implements ConfigEntry {
  constructor(
    private readonly file: FileRoles,
    readonly section: Section | undefined,
    key: string,
    value: string,
    rawKey: string,
    hasSeparator: boolean,
    continued: boolean,
    problem: ParseProblem | undefined,
    keyStart: number,
    keyEnd: number,
    valueStart: number,
    valueEnd: number,
    lineStart: number,
    lineEnd: number,
  ) {
    super(key, value, rawKey, hasSeparator, continued, problem, keyStart, keyEnd, valueStart, valueEnd, lineStart, lineEnd);
  }

  get identity(): string {
    return this.section === undefined ? this.key : `[${this.section.name}]${this.key}`;
  }

  get role(): Role | undefined {
    const named = this.section?.role;
    if (named !== undefined) return named;
    const r = keyRole(this.key);
    return r && this.file.roles.includes(r) ? r : this.file.only;
  }

  get removeRange(): Range {
    return this.lineRange;
  }

  renderValue(value: string): string {
    return renderPropertiesValue(this, value);
  }
}

/**
 * Where findings about a key the file does *not* set go: the start of the file, as a zero-width range. A plain
 * `.properties` file is one configuration, so an unset key belongs to the file as a whole, not to whichever
 * key happens to come first (editors show it on line 1; the fix appends the key at the end).
 */
export function anchorOf(file: PropertiesFile): Range {
  return { start: file.contentStart, end: file.contentStart };
}

/**
 * Reads a plain Kafka `.properties` file. Entries are in source order with duplicates kept (last wins);
 * a line with a malformed `\u` escape is reported as a problem and left out of the entries, and so are an
 * INI section header (`[producer]`) and, in a file with one, a `;` comment.
 */
export function analyzeProperties(path: string, text: string, kind: DocumentKind = 'properties'): AnalyzedDocument {
  if (looksBinary(text)) return { path, text, kind, isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '#' };
  const fileRoles: FileRoles = { roles: [], only: undefined };
  // The section the lines read so far are in (the reader makes the pairs in source order); the header lines,
  // and the lines starting with `;` (configparser's other comment prefix: comments once the file has sections).
  let section: Section | undefined;
  let headers: PlainEntry[] | undefined;
  let semicolons: PlainEntry[] | undefined;
  const sections: Section[] = [];
  const sectionRoles: Role[] = [];
  const file = readProperties(text, (key, value, rawKey, hasSeparator, continued, problem, keyStart, keyEnd, valueStart, valueEnd, lineStart, lineEnd) => {
    const name = continued ? undefined : iniSectionName(text, keyStart, valueEnd);
    if (name !== undefined) {
      section = { name, role: sectionRole(name), end: lineEnd };
      sections.push(section);
      if (section.role !== undefined && !sectionRoles.includes(section.role)) sectionRoles.push(section.role);
    } else if (section !== undefined) section.end = lineEnd;
    // configparser lower-cases option names (its default `optionxform`): `ACKS=0` in a section is acks=0.
    const read = section !== undefined && name === undefined ? key.toLowerCase() : key;
    const entry = new PlainEntry(fileRoles, section, read, value, rawKey, hasSeparator, continued, problem, keyStart, keyEnd, valueStart, valueEnd, lineStart, lineEnd);
    if (name !== undefined) (headers ??= []).push(entry);
    else if (!continued && text.charCodeAt(keyStart) === 59 /* ; */) (semicolons ??= []).push(entry);
    return entry;
  });
  const ini = headers ? new Set<ReadPair>(semicolons ? [...headers, ...semicolons] : headers) : undefined;
  const kept = file.problems.length > 0 || ini ? file.pairs.filter((p) => !p.problem && !ini?.has(p)) : file.pairs;
  const entries = ini ? defaultsFirst(kept) : kept;
  const { roles, isKafka } = detectRoles(path, entries, sectionRoles);
  fileRoles.roles = roles;
  fileRoles.only = roles.length === 1 ? roles[0] : undefined;
  const insertEntry = (key: string, value: string): Edit => {
    const line = `${escapePropertiesKey(key)}=${escapePropertiesValue(value)}`;
    // In a file with INI sections, a setting goes where its client reads it.
    const at = sections.length > 0 ? sectionEndFor(sections, keyRole(key)) : undefined;
    return at === undefined ? appendLineEdit(text, file, line) : { range: { start: at, end: at }, newText: `${line}${eolOf(text)}` };
  };
  // A Kafka Connect worker or connector configures the clients Connect creates: one group per client.
  const connect = isKafka && roles.includes('connect') ? connectKindOf(entries.map((e) => e.key)) : undefined;
  if (connect) {
    const groups = connectGroups({ kind: connect, entries, anchor: anchorOf(file), insert: insertEntry }, text);
    return { path, text, kind, isKafka, groups, facts: [], problems: file.problems, commentPrefix: '#' };
  }
  // A file with sections is read by a Python app with configparser, and its dotted keys are confluent-kafka's:
  // librdkafka's defaults and spellings (`request.required.acks`) apply, not the Java client's.
  const group: ConfigGroup = { roles, library: ini ? 'librdkafka' : 'java', entries, anchor: anchorOf(file), insertEntry };
  return { path, text, kind, isKafka, groups: [group], facts: [], problems: file.problems, commentPrefix: '#' };
}
