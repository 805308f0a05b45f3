import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../../server/src/core/analyze';
import { applyEdits } from '../../../server/src/core/fixes';
import { lint } from '../../../server/src/core/lint';
import type { AnalyzedDocument, ConfigEntry, ConfigGroup, Finding, Fix, LibraryId, Range, Role } from '../../../server/src/core/model';
import { DEFAULT_OPTIONS, normalizeOptions } from '../../../server/src/core/options';
import type { LintOptions } from '../../../server/src/core/options';

/**
 * Fixture helpers for rule tests. Expected ranges are marked inside the fixture text with `[|` and `|]`;
 * the markers are removed before the text is analyzed, so ranges in findings are compared to the marked spans.
 */

const OPEN = '[|';
const CLOSE = '|]';

/** Strips range markers and returns the clean text and the marked ranges, in order of their opening marker. */
export function unmark(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  const open: number[] = [];
  let i = 0;
  while (i < marked.length) {
    if (marked.startsWith(OPEN, i)) {
      open.push(ranges.length);
      ranges.push({ start: text.length, end: -1 });
      i += OPEN.length;
    } else if (marked.startsWith(CLOSE, i)) {
      const at = open.pop();
      if (at === undefined) throw new Error('unbalanced range marker');
      ranges[at] = { start: ranges[at].start, end: text.length };
      i += CLOSE.length;
    } else {
      text += marked[i];
      i++;
    }
  }
  if (open.length > 0) throw new Error('unclosed range marker');
  return { text, ranges };
}

/** Options with a Kafka version (and optional rule levels). */
export function options(kafkaVersion?: string, rules?: Record<string, string>): LintOptions {
  if (!kafkaVersion && !rules) return DEFAULT_OPTIONS;
  return normalizeOptions({ kafkaVersion, rules }).options;
}

export interface Linted {
  readonly document: AnalyzedDocument;
  readonly text: string;
  readonly ranges: readonly Range[];
  readonly findings: readonly Finding[];
}

/** Reads `marked` (markers stripped) as the file at `path` and lints it. */
export function lintConfig(path: string, marked: string, opts: LintOptions = DEFAULT_OPTIONS): Linted {
  const { text, ranges } = unmark(marked);
  const document = analyzeConfig(path, text);
  return { document, text, ranges, findings: lint(document, opts) };
}

/** Lints an already built document. */
export function lintDocument(document: AnalyzedDocument, opts: LintOptions = DEFAULT_OPTIONS): Finding[] {
  return lint(document, opts);
}

/** The findings of one rule. */
export function of(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** Applies one fix to the text. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The fix with `title` on a finding; fails the test when it is missing. */
export function fixTitled(finding: Finding, title: string): Fix {
  const fix = finding.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no fix titled ${JSON.stringify(title)}; have ${JSON.stringify(finding.fixes?.map((f) => f.title))}`);
  return fix;
}

/** The text a finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.range.start, finding.range.end);
}

/**
 * A document as a code scanner would produce it, for library-specific defaults: one group, one `key: value`
 * line per entry, the anchor on a `new Client()` line at the top, values rendered as written.
 */
export function codeDocument(spec: {
  library: LibraryId;
  libraryVersion?: string;
  roles: Role[];
  /** key, value, and optionally the key as written and the role it is written for. */
  entries?: [string, string, string?, Role?][];
  springContainer?: boolean;
}): AnalyzedDocument {
  let text = 'new Client()\n';
  const anchor: Range = { start: 0, end: 'new Client()'.length };
  const entries: ConfigEntry[] = [];
  for (const [key, value, rawKey = key, role] of spec.entries ?? []) {
    const start = text.length;
    text += `${rawKey}: ${value}\n`;
    const keyRange = { start, end: start + rawKey.length };
    const valueRange = { start: keyRange.end + 2, end: keyRange.end + 2 + value.length };
    entries.push({ key, value, rawKey, identity: rawKey, keyRange, valueRange, removeRange: { start, end: text.length }, role, renderValue: (v) => v });
  }
  const group: ConfigGroup = {
    roles: spec.roles,
    library: spec.library,
    libraryVersion: spec.libraryVersion,
    springContainer: spec.springContainer,
    entries,
    anchor,
    insertEntry: (key, value) => ({ range: { start: text.length, end: text.length }, newText: `${key}: ${value}\n` }),
  };
  return { path: 'client.code', text, kind: 'go', isKafka: true, groups: [group], facts: [], problems: [], commentPrefix: '//' };
}
