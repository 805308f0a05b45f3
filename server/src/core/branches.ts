import type { AnalyzedDocument, ConfigEntry, ConfigGroup, Finding, Severity, ValueBranch } from './model';

/**
 * Conditional values (`ENABLE_AUTO_COMMIT_CONFIG, flag ? "false" : "true"`): a scanner records the literal
 * branches of such an expression on the entry (`ConfigEntry.branches`) and leaves its value a placeholder, so
 * the rules skip the expression itself. Lint then runs the rules once per branch on a copy of the document in
 * which that entry takes the branch's value, and keeps the findings that land on the branch: each names the
 * branch and the condition it applies under, is at most a warning (the code may never take it), and its fix
 * edits only that branch and is never the preferred one.
 */

/** One way a document's conditional values can go: the document with one entry set to one branch. */
export interface BranchVariant {
  readonly document: AnalyzedDocument;
  readonly branch: ValueBranch;
}

/** The variants to lint besides the document itself, one per branch of each conditional entry. */
export function branchVariants(document: AnalyzedDocument): BranchVariant[] {
  const out: BranchVariant[] = [];
  document.groups.forEach((group, g) => {
    group.entries.forEach((entry, e) => {
      for (const branch of entry.branches ?? []) {
        const variantEntry: ConfigEntry = { ...entry, value: branch.value, valueRange: branch.valueRange, renderValue: branch.renderValue, branches: undefined };
        const entries = group.entries.map((x, i) => (i === e ? variantEntry : x));
        const variantGroup: ConfigGroup = { ...group, entries };
        const groups = document.groups.map((x, i) => (i === g ? variantGroup : x));
        out.push({ document: { ...document, groups }, branch });
      }
    });
  });
  return out;
}

/** True when a finding of a variant is about its branch (and not a repeat of a finding of the document). */
export function onBranch(finding: Finding, branch: ValueBranch): boolean {
  return finding.range.start >= branch.valueRange.start && finding.range.end <= branch.valueRange.end;
}

/** The severity of a branch finding: at most a warning, since the code may never take that branch. */
export function branchSeverity(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity;
}
