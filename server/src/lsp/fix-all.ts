import type { Edit, Finding } from '../core/model';

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
    const fix = finding.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
