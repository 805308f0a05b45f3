import type { Node } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';

/**
 * Small, grammar-aware helpers over tree-sitter nodes for the JS/TS scanner: literal values, call arguments,
 * and the "where does this expression's value go" questions the code-fact checks ask.
 */

/** Function-like nodes: their bodies run later, so a walk for "what this handler does now" stops at them. */
export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'arrow_function',
  'function_expression',
  'function',
  'function_declaration',
  'generator_function',
  'generator_function_declaration',
  'method_definition',
  'class',
  'class_declaration',
]);

/** Wrappers that do not change what an expression evaluates to. */
const TRANSPARENT: ReadonlySet<string> = new Set([
  'parenthesized_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
]);

/** The expression inside parentheses, `as T`, `x!` and `<T>x` wrappers. */
export function unwrap(node: Node): Node {
  let n = node;
  while (TRANSPARENT.has(n.type)) {
    const inner = n.namedChildren.find((c) => c !== null && !c.type.endsWith('type') && c.type !== 'type_arguments');
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** The nearest enclosing parent that is not a transparent wrapper, and the child of it on the way up. */
export function valueParent(node: Node): { parent: Node | null; child: Node } {
  let child = node;
  let parent = node.parent;
  while (parent && TRANSPARENT.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The function a node is directly inside, or undefined at the top level. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return p;
  return undefined;
}

/** True when a function node is declared `async`. */
export function isAsyncFunction(fn: Node): boolean {
  // Modifiers come first: stop at the parameters, the arrow or the body.
  for (const c of fn.children) {
    if (!c) continue;
    if (c.type === 'async') return true;
    if (c.type === 'formal_parameters' || c.type === '=>' || c.type === 'statement_block') return false;
  }
  return false;
}

/** The text of a string literal without its quotes (template strings only when they hold no substitution). */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'string') return node.text.slice(1, -1);
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution')) return node.text.slice(1, -1);
  return undefined;
}

/** What a literal evaluates to, as text; undefined for anything computed at run time. */
export function literalValue(node: Node): { value: string; kind: 'number' | 'boolean' | 'string' } | undefined {
  const n = unwrap(node);
  switch (n.type) {
    case 'number':
      return { value: n.text.replace(/_/g, ''), kind: 'number' };
    case 'true':
    case 'false':
      return { value: n.type, kind: 'boolean' };
    case 'unary_expression': {
      const arg = n.childForFieldName('argument');
      const op = n.childForFieldName('operator')?.text ?? n.child(0)?.text;
      if (arg?.type === 'number' && (op === '-' || op === '+')) return { value: `${op === '-' ? '-' : ''}${arg.text}`, kind: 'number' };
      return undefined;
    }
    default: {
      const s = stringValue(n);
      return s === undefined ? undefined : { value: s, kind: 'string' };
    }
  }
}

/** The key of an object-literal pair as written: a property name, a quoted string, a number. */
export function pairKey(pair: Node): { name: string; node: Node } | undefined {
  const key = pair.childForFieldName('key');
  if (!key) return undefined;
  if (key.type === 'property_identifier' || key.type === 'number') return { name: key.text, node: key };
  const s = stringValue(key);
  return s === undefined ? undefined : { name: s, node: key };
}

/** The arguments of a call or `new` expression (empty when the node has none). */
export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args && args.type === 'arguments' ? namedChildren(args).filter((a) => a.type !== 'comment') : [];
}
