import type { ConfigEntry, ConfigGroup, Edit, Finding, Fix } from './model';

/**
 * Builders for the quick fixes rules attach to findings. Each returns undefined when the source cannot be
 * changed safely (no rendering for the value, no way to insert): a rule then reports without a fix.
 */

/** Replaces the entry's value with `value`, rendered in the source's syntax; the title says when the edit reaches further (a shared YAML anchor). */
export function setValueFix(entry: ConfigEntry, value: string, title: string, preferred = true): Fix | undefined {
  const text = entry.renderValue?.(value);
  if (text === undefined) return undefined;
  return { title, preferred, edits: [{ range: entry.valueRange, newText: text }], scope: entry.editScope };
}

/** Deletes the entry (its whole logical line). */
export function removeEntryFix(entry: ConfigEntry, title: string, preferred = false): Fix | undefined {
  if (!entry.removeRange) return undefined;
  return { title, preferred, edits: [{ range: entry.removeRange, newText: '' }] };
}

/** Adds `key=value` to the group. */
export function insertEntryFix(group: ConfigGroup, key: string, value: string, title: string, preferred = true): Fix | undefined {
  const edit: Edit | undefined = group.insertEntry?.(key, value);
  if (!edit) return undefined;
  return { title, preferred, edits: [edit] };
}

/**
 * Applies non-overlapping edits to `text` (used by fix-all, the CLI's --fix and the tests).
 * Overlapping edits after the first are skipped so that a fix never damages the file.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at) continue;
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/**
 * The edits of "fix everything fixable": each finding's preferred fix, in document order, skipping a whole
 * fix when any of its edits overlaps an edit already taken (the same rule core `applyEdits` follows, but
 * per fix, so that a fix is never half-applied). Pure; shared by `source.fixAll.kafkaLint` and the
 * `kafkaLint.applyAllFixes` command.
 */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
  const taken: Edit[] = [];
  // Edits conflict when their spans intersect, or when they start at the same offset (two inserts at one
  // point would apply in an order neither fix expected).
  const overlaps = (a: Edit, b: Edit): boolean => (a.range.start < b.range.end && b.range.start < a.range.end) || a.range.start === b.range.start;
  const ordered = [...findings].sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  for (const finding of ordered) {
    // A fix that edits another file (a cross-file finding fixed where the setting is decided) is not this document's.
    const fix = finding.fixes?.find((f) => f.preferred && f.file === undefined);
    if (!fix || fix.edits.length === 0) continue;
    // An edit another fix already makes (raising a replication factor with a minimum ISR, and on its own)
    // is made once; any other overlap leaves this fix out.
    const same = (a: Edit, b: Edit): boolean => a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
    const fresh = fix.edits.filter((e) => !taken.some((t) => same(e, t)));
    if (fresh.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fresh);
  }
  return taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
