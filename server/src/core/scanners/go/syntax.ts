import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';

/**
 * Go syntax the passes share: literal values as Kafka reads them (`"all"`, `5 * time.Second`), the
 * placeholder for a value known only at run time, where a value is assigned, the statement around a node,
 * and whether it sits in a branch.
 */

export { nodeRange };

/** True for the statements that assign or declare with `=`/`:=`. */
export function isAssignment(node: Node): boolean {
  return node.type === 'short_var_declaration' || node.type === 'assignment_statement';
}

const BRANCHES = new Set([
  'if_statement',
  'for_statement',
  'expression_switch_statement',
  'type_switch_statement',
  'select_statement',
  'expression_case',
  'default_case',
  'communication_case',
  'type_case',
]);

/** True when a node sits inside a branch or loop of its function rather than on the function's straight path. */
export function inBranch(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (BRANCHES.has(n.type)) return true;
    if (n.type === 'function_declaration' || n.type === 'method_declaration' || n.type === 'func_literal') return false;
  }
  return false;
}

/** Strips parentheses and `&` from an expression. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
    else if (n.type === 'unary_expression' && n.childForFieldName('operator')?.text === '&' && n.childForFieldName('operand')) n = n.childForFieldName('operand') as Node;
    else return n;
  }
}

/**
 * The expression a value is assigned to: `x := v`, `x = v`, `var x = v`, `s.f = v`, `a, err := v`.
 * Parentheses and `&` around the value are looked through.
 */
export function assignedTo(value: Node): Node | undefined {
  let v = value;
  while (v.parent && (v.parent.type === 'parenthesized_expression' || (v.parent.type === 'unary_expression' && v.parent.childForFieldName('operator')?.text === '&'))) v = v.parent;
  const list = v.parent;
  if (list?.type !== 'expression_list') return undefined;
  const stmt = list.parent;
  if (!stmt) return undefined;
  const values = list.namedChildren.filter((n): n is Node => n !== null);
  const index = values.findIndex((n) => n.startIndex === v.startIndex && n.endIndex === v.endIndex);
  let targets: Node[] = [];
  if (isAssignment(stmt) && stmt.childForFieldName('right')?.startIndex === list.startIndex) {
    targets = stmt.childForFieldName('left')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  } else if (stmt.type === 'var_spec' && stmt.childForFieldName('value')?.startIndex === list.startIndex) {
    targets = stmt.childrenForFieldName('name').filter((n): n is Node => n !== null);
  }
  if (targets.length === 0 || index < 0) return undefined;
  // `p, err := NewX()`: one call, several results; the Kafka object is the first.
  return values.length === 1 ? targets[0] : targets[index];
}

/**
 * The field a value is stored in as a keyed element of a struct literal: `reader` in `&T{reader: v}` or
 * `pkg.T{reader: v}`. Parentheses and `&` around the value are looked through. Only a literal that names a
 * type counts: the keys of a map or slice literal (`map[string]X{k: v}`) are values, not field names.
 */
export function keyedField(value: Node): Node | undefined {
  let v = value;
  while (v.parent && (v.parent.type === 'parenthesized_expression' || (v.parent.type === 'unary_expression' && v.parent.childForFieldName('operator')?.text === '&'))) v = v.parent;
  const element = v.parent;
  const keyed = element?.parent;
  if (element?.type !== 'literal_element' || keyed?.type !== 'keyed_element' || keyed.childForFieldName('value')?.startIndex !== element.startIndex) return undefined;
  const type = keyed.parent?.parent?.type === 'composite_literal' ? keyed.parent.parent.childForFieldName('type')?.type : undefined;
  if (type !== 'type_identifier' && type !== 'qualified_type' && type !== 'generic_type') return undefined;
  const key = keyed.childForFieldName('key')?.namedChildren[0];
  return key && (key.type === 'identifier' || key.type === 'field_identifier') ? key : undefined;
}

/** The statement (direct child of a statement list) that contains a node. */
export function statementOf(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.parent?.type === 'statement_list' || n.parent?.type === 'source_file') return n;
  }
  return undefined;
}

/** The text inside a Go string literal, with the common escapes decoded; undefined for anything else. */
export function stringContent(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return undefined;
  const inner = node.text.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'" };
  return inner.replace(/\\(.)/g, (m, c: string) => simple[c] ?? m);
}

/** Quotes a value as a Go interpreted string literal. */
export function goString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A Go value as Kafka would read it: string literals unquoted, numbers and booleans as written. Anything
 * computed at run time (a variable, a call) becomes `${expr}`, the placeholder form rules leave alone.
 */
export function literalValue(node: Node): string {
  const s = stringContent(node);
  if (s !== undefined) return s;
  if (node.type === 'int_literal' || node.type === 'float_literal') return node.text.replace(/_/g, '');
  if (node.type === 'true' || node.type === 'false') return node.type;
  if (node.type === 'unary_expression' && node.childForFieldName('operator')?.text === '-') {
    const operand = node.childForFieldName('operand');
    if (operand?.type === 'int_literal') return `-${operand.text.replace(/_/g, '')}`;
  }
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return literalValue(node.namedChildren[0]);
  return placeholder(node);
}

/** The placeholder for a value known only at run time. */
export function placeholder(node: Node): string {
  return `\${${node.text.replace(/\s+/g, ' ')}}`;
}

/** The number of milliseconds a simple Go duration expression stands for (`5 * time.Second`), else undefined. */
export function durationMillis(node: Node): number | undefined {
  const units: Record<string, number> = { Millisecond: 1, Second: 1000, Minute: 60000, Hour: 3600000 };
  const unit = (n: Node | null): number | undefined => {
    if (n?.type !== 'selector_expression' || n.childForFieldName('operand')?.text !== 'time') return undefined;
    return units[n.childForFieldName('field')?.text ?? ''];
  };
  const direct = unit(node);
  if (direct !== undefined) return direct;
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '*') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const [num, u] = left?.type === 'int_literal' ? [left, unit(right)] : [right, unit(left)];
  if (num?.type !== 'int_literal' || u === undefined) return undefined;
  return Number(num.text.replace(/_/g, '')) * u;
}

/** The named children of a node, without nulls and comments. */
export function namedArgs(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((n): n is Node => n !== null && n.type !== 'comment');
}

/** True when an identifier named `name` occurs inside `node`. */
export function mentions(node: Node, name: string): boolean {
  if (node.type === 'identifier' && node.text === name) return true;
  return node.descendantsOfType('identifier').some((n) => n?.text === name);
}
