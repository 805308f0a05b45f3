import type { Node, Tree } from './tree-sitter';

/**
 * Module-level constants used as config values (`ACKS = "0"` then `Producer({"acks": ACKS})` in Python,
 * `const ACKS = 0` then `send({ acks: ACKS })` in JavaScript/TypeScript): a name with exactly one binding in
 * the whole file, that binding a module-level assignment, reads as the value assigned. The finding then sits
 * on the use and its fix writes the safe literal there, as the Java scanner does for `static final`
 * constants. Each language says what binds a name and what a module-level assignment is; this file keeps
 * the per-tree index of names so that each name is looked up once.
 */

/** One language's view: does this identifier bind its name, and is it a module-level `NAME = value`? */
export interface ConstantGrammar {
  /** The identifier-like node types that can name a variable (`identifier`, `shorthand_property_identifier_pattern`). */
  readonly names: readonly string[];
  /** True when this occurrence binds (assigns, declares, imports, takes as a parameter) its name. */
  isBinding(name: Node): boolean;
  /** The value of a module-level assignment this occurrence is the target of, or undefined. */
  moduleValue(name: Node): Node | undefined;
}

const cache = new WeakMap<Tree, Map<string, Node | null>>();
const occurrences = new WeakMap<Tree, Map<string, Node[]>>();

/** The value a name's only binding assigns at module level, or undefined when it has any other binding. */
export function moduleConstant(use: Node, grammar: ConstantGrammar): Node | undefined {
  if (use.type !== 'identifier') return undefined;
  const tree = use.tree;
  let values = cache.get(tree);
  if (!values) cache.set(tree, (values = new Map()));
  const known = values.get(use.text);
  if (known !== undefined) return known ?? undefined;
  const bindings = occurrencesOf(tree, grammar, use.text).filter((n) => grammar.isBinding(n));
  const value = bindings.length === 1 ? grammar.moduleValue(bindings[0]) : undefined;
  values.set(use.text, value ?? null);
  return value;
}

/** Every occurrence of a name in the tree, from one walk per tree. */
function occurrencesOf(tree: Tree, grammar: ConstantGrammar, name: string): Node[] {
  let index = occurrences.get(tree);
  if (!index) {
    index = new Map();
    for (const n of tree.rootNode.descendantsOfType([...grammar.names])) {
      if (!n) continue;
      const list = index.get(n.text);
      if (list) list.push(n);
      else index.set(n.text, [n]);
    }
    occurrences.set(tree, index);
  }
  return index.get(name) ?? [];
}
