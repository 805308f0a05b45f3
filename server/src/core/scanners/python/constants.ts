import type { ConstantGrammar } from '../common/constants';
import { moduleConstant } from '../common/constants';
import type { Node } from '../common/tree-sitter';

/**
 * Python module constants (`ACKS = "0"` at the top of the file) for common/constants.ts: what binds a name
 * (assignment and augmented assignment targets, loop and `with`/`except` targets, parameters, imports,
 * `def`/`class` names, `global`/`nonlocal`, the walrus) and what a module-level assignment is.
 */

/** Patterns a target may sit in: `a, b = …`, `[a, *b] = …`. */
const PATTERNS: ReadonlySet<string> = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'parenthesized_expression', 'expression_list', 'tuple', 'list']);

const is = (a: Node | null | undefined, b: Node): boolean => a?.id === b.id;

const PYTHON: ConstantGrammar = {
  names: ['identifier'],
  isBinding(name: Node): boolean {
    let n = name;
    let p = n.parent;
    while (p && PATTERNS.has(p.type)) {
      n = p;
      p = p.parent;
    }
    if (!p) return false;
    switch (p.type) {
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause':
        return is(p.childForFieldName('left'), n);
      case 'named_expression':
      case 'default_parameter':
      case 'typed_default_parameter':
      case 'function_definition':
      case 'class_definition':
        return is(p.childForFieldName('name'), n);
      case 'aliased_import':
        return is(p.childForFieldName('alias'), n);
      case 'dotted_name':
        // `import os`, `from m import NAME` (not the module path `from NAME import x`).
        return p.parent?.type === 'import_statement' || (p.parent?.type === 'import_from_statement' && !is(p.parent.childForFieldName('module_name'), p));
      case 'parameters':
      case 'lambda_parameters':
      case 'typed_parameter':
      case 'dictionary_splat_pattern':
      case 'as_pattern_target':
      case 'global_statement':
      case 'nonlocal_statement':
        return true;
      default:
        return false;
    }
  },
  moduleValue(name: Node): Node | undefined {
    const assignment = name.parent;
    if (assignment?.type !== 'assignment' || !is(assignment.childForFieldName('left'), name)) return undefined;
    if (assignment.parent?.type !== 'expression_statement' || assignment.parent.parent?.type !== 'module') return undefined;
    return assignment.childForFieldName('right') ?? undefined;
  },
};

/** The value of the module constant a Python identifier names, or undefined (see common/constants.ts). */
export function pythonConstant(use: Node): Node | undefined {
  return moduleConstant(use, PYTHON);
}
