import type { Node, Tree } from './tree-sitter';

/**
 * Grammar-neutral helpers over tree-sitter trees, shared by the scanners of every language: one linear
 * walk that visits the node types a scanner asks for, and named children without nulls.
 */

/**
 * Visits, once and in source order, every node of the tree whose type is in `types`, without recursion
 * (deeply nested input cannot overflow the stack). Other nodes are never materialized, which keeps the
 * walk cheap on large files.
 */
export function walkTree(tree: Tree | Node, types: ReadonlySet<string>, visit: (node: Node) => void): void {
  const cursor = tree.walk();
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The named children of a node, without the nulls web-tree-sitter may return. */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/**
 * True when `node` sits in a branch or loop (a node whose type is in `branches`: the language's `if`, loops,
 * `catch`/`except`, `case`) that does not also hold `definition`, where the configuration is made: a setting
 * there is an alternative, not a repeat.
 */
export function inBranchOutside(node: Node, definition: Node, branches: ReadonlySet<string>): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.startIndex <= definition.startIndex && n.endIndex >= definition.endIndex) return false;
    if (branches.has(n.type)) return true;
  }
  return false;
}

/**
 * The identity of a config entry a scanner reads, the `index`-th config of its file: one per key, so that a
 * key set twice is a duplicate, unless the setting is conditional (see {@link inBranchOutside}), when the
 * offset of its key (`at`) makes it an alternative of its own.
 */
export function entryIdentity(index: number, key: string, conditional: boolean, at: number): string {
  return conditional ? `${index}:${key}@${at}` : `${index}:${key}`;
}
