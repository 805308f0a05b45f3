import type { AnalyzedDocument, ConfigEntry, ConfigGroup, DocumentKind, LibraryId, Role } from '../../server/src/core/model';

/** One `rawKey<sep>value` line of `text`, found by its raw key, as a reader would produce it. */
export function entryIn(text: string, rawKey: string, key: string = rawKey, role?: Role): ConfigEntry {
  const keyStart = text.indexOf(rawKey);
  if (keyStart < 0) throw new Error(`no ${rawKey} in fixture`);
  const keyEnd = keyStart + rawKey.length;
  const lineEnd = text.indexOf('\n', keyEnd) < 0 ? text.length : text.indexOf('\n', keyEnd);
  const sep = /^[ \t]*[=:]?[ \t]*/.exec(text.slice(keyEnd, lineEnd))?.[0] ?? '';
  const valueStart = keyEnd + sep.length;
  return {
    key,
    value: text.slice(valueStart, lineEnd).trim(),
    rawKey,
    identity: rawKey,
    keyRange: { start: keyStart, end: keyEnd },
    valueRange: { start: valueStart, end: lineEnd },
    role,
  };
}

/** A hand-built document with one group: for readers that have not landed and for code-scanner shapes. */
export function documentOf(
  text: string,
  entries: readonly ConfigEntry[],
  options: { kind?: DocumentKind; library?: LibraryId; roles?: readonly Role[]; libraryVersion?: string; springContainer?: boolean } = {},
): AnalyzedDocument {
  const group: ConfigGroup = {
    roles: options.roles ?? ['producer'],
    library: options.library ?? 'java',
    entries,
    anchor: { start: 0, end: 0 },
    libraryVersion: options.libraryVersion,
    springContainer: options.springContainer,
  };
  return {
    path: 'fixture',
    text,
    kind: options.kind ?? 'properties',
    isKafka: true,
    groups: [group],
    facts: [],
    problems: [],
    commentPrefix: '#',
  };
}
