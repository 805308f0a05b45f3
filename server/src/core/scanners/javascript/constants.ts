import type { ConstantGrammar } from '../common/constants';
import { moduleConstant } from '../common/constants';
import type { Node } from '../common/tree-sitter';
import { unwrap } from './syntax';

/**
 * JavaScript/TypeScript module constants (`const ACKS = -1` at the top of the file) for common/constants.ts:
 * what binds a name (declarators, assignment and update targets, destructuring, parameters, imports,
 * `catch` and `for … of` targets, function and class names) and what a module-level declaration is
 * (`const`/`let`/`var` directly in the program, exported or not).
 */

/** Destructuring patterns a binding may sit in. */
const PATTERNS: ReadonlySet<string> = new Set(['object_pattern', 'array_pattern', 'rest_pattern', 'pair_pattern', 'assignment_pattern', 'object_assignment_pattern']);

const is = (a: Node | null | undefined, b: Node): boolean => a?.id === b.id;

const JAVASCRIPT: ConstantGrammar = {
  names: ['identifier', 'shorthand_property_identifier_pattern'],
  isBinding(name: Node): boolean {
    if (name.type === 'shorthand_property_identifier_pattern') return true;
    let n = name;
    let p = n.parent;
    let inPattern = false;
    while (p && PATTERNS.has(p.type)) {
      // `{ a = DEFAULT }`: the default is read, only the left side binds.
      if ((p.type === 'assignment_pattern' || p.type === 'object_assignment_pattern') && !is(p.childForFieldName('left'), n)) return false;
      // `{ key: name }`: the key is a property name, not a binding.
      if (p.type === 'pair_pattern' && !is(p.childForFieldName('value'), n)) return false;
      inPattern = true;
      n = p;
      p = p.parent;
    }
    if (inPattern) return true;
    if (!p) return false;
    switch (p.type) {
      case 'variable_declarator':
      case 'function_declaration':
      case 'function_expression':
      case 'generator_function_declaration':
      case 'generator_function':
      case 'class_declaration':
      case 'class':
        return is(p.childForFieldName('name'), n);
      case 'assignment_expression':
      case 'augmented_assignment_expression':
      case 'for_in_statement':
        return is(p.childForFieldName('left'), n);
      case 'arrow_function':
        return is(p.childForFieldName('parameter'), n);
      case 'catch_clause':
        return is(p.childForFieldName('parameter'), n);
      case 'update_expression':
      case 'formal_parameters':
      case 'required_parameter':
      case 'optional_parameter':
      case 'import_clause':
      case 'import_specifier':
      case 'namespace_import':
        return true;
      default:
        return false;
    }
  },
  moduleValue(name: Node): Node | undefined {
    const declarator = name.parent;
    if (declarator?.type !== 'variable_declarator' || !is(declarator.childForFieldName('name'), name)) return undefined;
    const declaration = declarator.parent;
    if (declaration?.type !== 'lexical_declaration' && declaration?.type !== 'variable_declaration') return undefined;
    const top = declaration.parent?.type === 'export_statement' ? declaration.parent.parent : declaration.parent;
    if (top?.type !== 'program') return undefined;
    const value = declarator.childForFieldName('value');
    return value ? unwrap(value) : undefined;
  },
};

/** The value of the module constant a JavaScript/TypeScript expression names, or undefined. */
export function jsConstant(use: Node): Node | undefined {
  return moduleConstant(unwrap(use), JAVASCRIPT);
}
