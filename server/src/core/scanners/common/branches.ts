import type { ValueBranch } from '../../model';
import type { Node } from './tree-sitter';
import { nodeRange } from './tree-sitter';

/**
 * Conditional values in client code: `flag ? "false" : "true"` (Java, JavaScript/TypeScript) and
 * `"false" if flag else "true"` (Python). Each branch that is a literal becomes a {@link ValueBranch} on the
 * entry, judged by lint on its own (core/branches.ts). Go has no conditional expression: go/values.ts reads
 * its idiom, a variable changed in an `if`, into the same branches.
 */

/** The condition and the two branches of a conditional expression, parentheses looked through. */
export function conditionalParts(node: Node): { condition: Node; whenTrue: Node; whenFalse: Node } | undefined {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  if (n.type === 'ternary_expression') {
    const condition = n.childForFieldName('condition');
    const whenTrue = n.childForFieldName('consequence');
    const whenFalse = n.childForFieldName('alternative');
    return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : undefined;
  }
  if (n.type === 'conditional_expression') {
    const [whenTrue, condition, whenFalse] = n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : undefined;
  }
  return undefined;
}

/** What a branch's literal reads as, and how to write a new value in its place. */
export interface BranchValue {
  readonly value: string;
  readonly renderValue?: (value: string) => string | undefined;
}

/**
 * The branches of a conditional value when both are literals the language's reader can evaluate; undefined
 * otherwise (a branch that is itself computed or conditional leaves the whole expression unread).
 */
export function valueBranches(node: Node, read: (branch: Node) => BranchValue | undefined): ValueBranch[] | undefined {
  const parts = conditionalParts(node);
  if (!parts) return undefined;
  const branches: ValueBranch[] = [];
  for (const [branch, when] of [[parts.whenTrue, true], [parts.whenFalse, false]] as const) {
    if (conditionalParts(branch)) return undefined;
    const v = read(branch);
    if (!v) return undefined;
    branches.push({ value: v.value, valueRange: nodeRange(branch), condition: parts.condition.text.replace(/\s+/g, ' '), when, renderValue: v.renderValue });
  }
  return branches;
}
