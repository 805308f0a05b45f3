import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../model';

/**
 * Loads VS Code's own tree-sitter grammars (WASM, no native build) on first use and keeps one syntax
 * tree per document so that an edit re-parses incrementally.
 *
 * Node indices from web-tree-sitter are UTF-16 code units when the input is a JS string, the same unit
 * as our model's offsets, so `node.startIndex` can be used as an offset directly.
 */

export type { Node, Tree };

export type GrammarName = 'java' | 'javascript' | 'typescript' | 'tsx' | 'python' | 'go';

/** Where the `.wasm` files are: next to the bundle (`dist/wasm`) or in the installed package. */
function wasmDir(): string {
  const bundled = join(__dirname, 'wasm');
  if (existsSync(join(bundled, 'tree-sitter.wasm'))) return bundled;
  return dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
}

let init: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<Language>>();

/** Loads a grammar once; concurrent callers share the same promise. */
export function loadGrammar(name: GrammarName): Promise<Language> {
  let lang = languages.get(name);
  if (!lang) {
    const dir = wasmDir();
    init ??= Parser.init({ locateFile: (file: string) => join(dir, file) });
    lang = init.then(() => Language.load(join(dir, `tree-sitter-${name}.wasm`)));
    // A failed load must not poison later attempts (e.g. a missing file fixed by a rebuild).
    lang.catch(() => languages.delete(name));
    languages.set(name, lang);
  }
  return lang;
}

interface Cached {
  readonly grammar: GrammarName;
  readonly text: string;
  readonly tree: Tree;
}

/** How many documents keep a tree; the least recently parsed is dropped first. */
const MAX_TREES = 64;
const trees = new Map<string, Cached>();
const parsers = new Map<GrammarName, Parser>();

/**
 * Parses `text` for the document `key` (its path or URI). When a tree for the same document and grammar
 * exists, the change between the old and new text is computed (common prefix and suffix), applied to the
 * old tree with `Tree.edit`, and the new tree is parsed incrementally from it.
 *
 * The returned tree stays owned by the cache: do not delete it, and do not keep it past the next call for
 * the same key.
 */
export async function parseDocument(grammar: GrammarName, key: string, text: string): Promise<Tree> {
  const language = await loadGrammar(grammar);
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  const previous = trees.get(key);
  let oldTree: Tree | undefined;
  if (previous && previous.grammar === grammar) {
    if (previous.text === text) {
      trees.delete(key);
      trees.set(key, previous);
      return previous.tree;
    }
    oldTree = previous.tree;
    oldTree.edit(describeChange(previous.text, text));
  }
  const tree = parser.parse(text, oldTree ?? null);
  if (previous) {
    previous.tree.delete();
    trees.delete(key);
  }
  if (!tree) throw new Error(`tree-sitter could not parse ${key}`);
  trees.set(key, { grammar, text, tree });
  while (trees.size > MAX_TREES) {
    const [oldest, cached] = trees.entries().next().value as [string, Cached];
    cached.tree.delete();
    trees.delete(oldest);
  }
  return tree;
}

/** Drops the tree kept for a document (call when the editor closes it). */
export function forgetDocument(key: string): void {
  const cached = trees.get(key);
  if (cached) {
    cached.tree.delete();
    trees.delete(key);
  }
}

/** True while a tree is kept for the document (for tests and diagnostics of the cache). */
export function hasTree(key: string): boolean {
  return trees.has(key);
}

/** The single edit that turns `before` into `after`: the span between their common prefix and suffix. */
export function describeChange(before: string, after: string) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return {
    startIndex: start,
    oldEndIndex: endBefore,
    newEndIndex: endAfter,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, endBefore),
    newEndPosition: pointAt(after, endAfter),
  };
}

/** Row and column (UTF-16 units, like the indices) of an offset; rows split on `\n` as tree-sitter does. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The model range of a syntax node. */
export function nodeRange(node: Node): Range {
  return { start: node.startIndex, end: node.endIndex };
}
