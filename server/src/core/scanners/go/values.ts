import type { Node } from '../common/tree-sitter';
import type { GoFile } from './file';
import { namedArgs, stringContent } from './syntax';

/**
 * What a variable used as a config value holds, when the file says so. Go has no conditional expression:
 * the idiom is a variable given a literal and changed in an `if`,
 *
 *     commit := "false"                      var commit string
 *     if dev { commit = "true" }             if dev { commit = "true" } else { commit = "false" }
 *     kafka.ConfigMap{"enable.auto.commit": commit}
 *
 * which reads as the two branches of `dev` (each judged on its own by lint, core/branches.ts). A variable
 * given one literal and never changed, or a package-level `const acks = "0"` / `var acks = "0"` that nothing
 * else in the file assigns, reads as that literal. Anything else (a parameter, a computed value, a change in
 * a loop, a switch, an else-if chain or a closure, the address taken) leaves the value unread.
 */

/** One literal a variable can hold, and the `if` arm it holds it under. */
export interface GoBranch {
  readonly node: Node;
  readonly condition: string;
  readonly when: boolean;
}

export type GoValueSource = { readonly kind: 'literal'; readonly node: Node } | { readonly kind: 'branches'; readonly branches: readonly GoBranch[] };

/** True for the literals the scanners read as a value: strings, numbers, booleans, a negative integer. */
export function isGoLiteral(node: Node): boolean {
  if (stringContent(node) !== undefined) return true;
  if (node.type === 'int_literal' || node.type === 'float_literal' || node.type === 'true' || node.type === 'false') return true;
  return node.type === 'unary_expression' && node.childForFieldName('operator')?.text === '-' && node.childForFieldName('operand')?.type === 'int_literal';
}

/** How one occurrence of an identifier writes its variable. */
interface Write {
  readonly id: Node;
  /** `declare`: `x := v`, `var x = v`, `const x = v`; `assign`: `x = v`; `other`: anything we do not follow. */
  readonly kind: 'declare' | 'assign' | 'other';
  /** The statement: the short declaration or assignment, or the `var`/`const` declaration. */
  readonly statement: Node;
  /** The value written, when the statement gives this name one. */
  readonly value?: Node;
}

/** The value a list of targets gives its `index`-th name, when values and names pair up one to one. */
function valueAt(values: Node | null, count: number, index: number): Node | undefined {
  const list = namedArgs(values);
  return list.length === count ? list[index] : undefined;
}

/** The write an identifier occurrence makes, or undefined when it only reads the variable. */
function writeOf(id: Node): Write | undefined {
  const parent = id.parent;
  if (!parent) return undefined;
  if (parent.type === 'expression_list') {
    const stmt = parent.parent;
    if (!stmt) return undefined;
    const targets = namedArgs(parent);
    const index = targets.findIndex((t) => t.id === id.id);
    if (stmt.type === 'short_var_declaration' && stmt.childForFieldName('left')?.id === parent.id) {
      return { id, kind: 'declare', statement: stmt, value: valueAt(stmt.childForFieldName('right'), targets.length, index) };
    }
    if (stmt.type === 'assignment_statement' && stmt.childForFieldName('left')?.id === parent.id) {
      const kind = stmt.childForFieldName('operator')?.text === '=' ? 'assign' : 'other';
      return { id, kind, statement: stmt, value: valueAt(stmt.childForFieldName('right'), targets.length, index) };
    }
    // `for k, v := range m`, `case v := <-ch:`.
    if ((stmt.type === 'range_clause' || stmt.type === 'receive_statement') && stmt.childForFieldName('left')?.id === parent.id) return { id, kind: 'other', statement: stmt };
    return undefined;
  }
  if (parent.type === 'var_spec' || parent.type === 'const_spec') {
    const names = parent.childrenForFieldName('name').filter((n): n is Node => n !== null);
    const index = names.findIndex((n) => n.id === id.id);
    if (index < 0) return undefined;
    let decl: Node | null = parent.parent;
    if (decl?.type === 'var_spec_list' || decl?.type === 'const_spec_list') decl = decl.parent;
    const value = valueAt(parent.childForFieldName('value'), names.length, index);
    // `const ( a = "x"; b )` repeats the previous expression (iota): not followed.
    if (parent.type === 'const_spec' && !value) return { id, kind: 'other', statement: decl ?? parent };
    return { id, kind: 'declare', statement: decl ?? parent, value };
  }
  if (parent.type === 'parameter_declaration' || parent.type === 'variadic_parameter_declaration') return { id, kind: 'other', statement: parent };
  if (parent.type === 'inc_statement' || parent.type === 'dec_statement') return { id, kind: 'other', statement: parent };
  // `&x`: written through the pointer, anywhere.
  if (parent.type === 'unary_expression' && parent.childForFieldName('operator')?.text === '&') return { id, kind: 'other', statement: parent };
  if (parent.type === 'type_switch_statement' || parent.type === 'labeled_statement') return { id, kind: 'other', statement: parent };
  return undefined;
}

/** The nearest function literal around a node, inside its declared function. */
function closureOf(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'func_literal') return n;
    if (n.type === 'function_declaration' || n.type === 'method_declaration') return undefined;
  }
  return undefined;
}

/** True when a node sits inside a `for` loop of its function. */
function inLoop(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'for_statement') return true;
    if (n.type === 'function_declaration' || n.type === 'method_declaration' || n.type === 'func_literal') return false;
  }
  return false;
}

/** The statement of `list` that contains `node`. */
function statementIn(list: Node, node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) if (n.parent?.id === list.id) return n;
  return undefined;
}

/** The `if` whose arm (a block) directly holds a statement, and which arm; undefined elsewhere. */
export function ifArm(statement: Node): { readonly ifStatement: Node; readonly when: boolean } | undefined {
  const list = statement.parent;
  const block = list?.type === 'statement_list' ? list.parent : undefined;
  const ifStatement = block?.type === 'block' ? block.parent : undefined;
  if (!block || ifStatement?.type !== 'if_statement') return undefined;
  // An else-if arm applies only when earlier conditions were false too: the message could not say so.
  if (ifStatement.parent?.type === 'if_statement' || ifStatement.childForFieldName('alternative')?.type === 'if_statement') return undefined;
  if (ifStatement.childForFieldName('consequence')?.id === block.id) return { ifStatement, when: true };
  if (ifStatement.childForFieldName('alternative')?.id === block.id) return { ifStatement, when: false };
  return undefined;
}

/** The condition of an `if`, as written, on one line. */
export function conditionText(ifStatement: Node): string {
  return (ifStatement.childForFieldName('condition')?.text ?? '').replace(/\s+/g, ' ');
}

/** What an identifier used as a value holds (see the module comment), or undefined when it cannot be told. */
export function goValueSource(file: GoFile, use: Node): GoValueSource | undefined {
  if (use.type !== 'identifier') return undefined;
  const scope = file.scopeOf(use);
  const local = scope === -1 ? [] : file.identifiersNamed(use.text, scope).map(writeOf).filter((w): w is Write => w !== undefined);
  if (local.length === 0) return packageConstant(file, use);
  return localValue(use, local);
}

/** A package-level `const`/`var` with a literal, when nothing else in the file writes that name. */
function packageConstant(file: GoFile, use: Node): GoValueSource | undefined {
  const writes = file.identifiersNamed(use.text).map(writeOf).filter((w): w is Write => w !== undefined);
  if (writes.length !== 1) return undefined;
  const [w] = writes;
  if (w.kind !== 'declare' || !w.value || w.statement.parent?.type !== 'source_file' || !isGoLiteral(w.value)) return undefined;
  return { kind: 'literal', node: w.value };
}

/** A local variable declared on the use's path, maybe changed in the arms of one `if` between the two. */
function localValue(use: Node, all: Write[]): GoValueSource | undefined {
  const useClosure = closureOf(use)?.id;
  const loop = inLoop(use);
  const writes: Write[] = [];
  for (const w of all) {
    if (w.kind === 'other' || closureOf(w.id)?.id !== useClosure) return undefined;
    if (w.id.startIndex < use.startIndex) writes.push(w);
    else if (loop) return undefined;
  }
  const [decl, ...changes] = writes.sort((a, b) => a.id.startIndex - b.id.startIndex);
  if (decl?.kind !== 'declare' || changes.some((c) => c.kind !== 'assign')) return undefined;
  const list = decl.statement.parent;
  if (list?.type !== 'statement_list') return undefined;
  const useStatement = statementIn(list, use);
  if (!useStatement || useStatement.id === decl.statement.id) return undefined;
  if (changes.length === 0) return decl.value && isGoLiteral(decl.value) ? { kind: 'literal', node: decl.value } : undefined;

  // Every change sits directly in an arm of the same `if`, one per arm, on the path from the declaration to the use.
  let ifStatement: Node | undefined;
  const arms = new Map<boolean, Node>();
  for (const c of changes) {
    const arm = ifArm(c.statement);
    if (!arm || (ifStatement && arm.ifStatement.id !== ifStatement.id) || arms.has(arm.when) || !c.value || !isGoLiteral(c.value)) return undefined;
    ifStatement = arm.ifStatement;
    arms.set(arm.when, c.value);
  }
  if (!ifStatement || ifStatement.parent?.id !== list.id || ifStatement.startIndex < decl.statement.endIndex || ifStatement.endIndex > useStatement.startIndex) return undefined;
  const condition = conditionText(ifStatement);
  const branches: GoBranch[] = [];
  for (const when of [true, false]) {
    // An arm that does not assign keeps the declared value.
    const node = arms.get(when) ?? decl.value;
    if (!node || !isGoLiteral(node)) return undefined;
    branches.push({ node, condition, when });
  }
  return { kind: 'branches', branches };
}
