import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, Tree } from '@vscode/tree-sitter-wasm';
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model';

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
  // Outside a bundle (tests run from out/): the installed package. The name is held in a variable so that
  // esbuild leaves this fallback alone instead of trying to bundle a .wasm path.
  const wasmInPackage = '@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm';
  return dirname(require.resolve(wasmInPackage));
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
  /** The cache's own copy of the last tree: only ever edited and deleted here, never handed out. */
  readonly tree: Tree;
  /** What a scanner kept from its last scan of the document (see {@link keepScanMemo}). */
  memo?: unknown;
}

/** How many documents keep a tree for incremental re-parsing; the least recently parsed is dropped first. */
const MAX_TREES = 64;
const trees = new Map<string, Cached>();
const parsers = new Map<GrammarName, Parser>();

/**
 * Frees the native memory of trees handed to scanners once nothing references them any more. A scanner's
 * document keeps nodes (and so their tree) alive in its lazy fix builders, so a tree must live exactly as
 * long as the last document built from it: not shorter (a freed tree crashes the builder, "memory access
 * out of bounds"), not forever (the WASM heap would grow with every keystroke). `Tree.delete()` reads
 * only the native address in `this[0]`, so the registry holds that address, not the tree itself.
 */
const release = new FinalizationRegistry<number>((address) => {
  Tree.prototype.delete.call({ 0: address } as unknown as Tree);
});

/**
 * Parses `text` for the document `key` (its path or URI) and returns a tree owned by the caller: it stays
 * valid for as long as the caller (or a document holding its nodes) references it, and is freed after.
 *
 * When a tree for the same document and grammar was parsed before, the change between the old and new
 * text is computed (common prefix and suffix), applied to the cache's private copy of the old tree with
 * `Tree.edit`, and the new tree is parsed incrementally from it. Trees handed out earlier are never edited
 * or deleted here, so documents built from them keep their offsets, and two analyses of the same file in
 * flight at once do not disturb each other.
 */
export async function parseDocument(grammar: GrammarName, key: string, text: string): Promise<Tree> {
  if (grammar === 'python' && pythonNestingDepth(text) > MAX_PYTHON_NESTING) {
    throw new Error(`${key} is nested more than ${MAX_PYTHON_NESTING} indentation levels deep; not parsed`);
  }
  const language = await loadGrammar(grammar);
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  const previous = trees.get(key);
  const memo = previous?.grammar === grammar ? previous.memo : undefined;
  let base: Tree | null = null;
  if (previous && previous.grammar === grammar) {
    base = previous.tree;
    if (previous.text !== text) base.edit(describeChange(previous.text, text));
  }
  const tree = parser.parse(text, base);
  if (previous) {
    previous.tree.delete();
    trees.delete(key);
  }
  if (!tree) throw new Error(`tree-sitter could not parse ${key}`);
  trees.set(key, { grammar, text, tree: tree.copy(), memo });
  while (trees.size > MAX_TREES) {
    const [oldest, cached] = trees.entries().next().value as [string, Cached];
    cached.tree.delete();
    trees.delete(oldest);
  }
  release.register(tree, (tree as unknown as { 0: number })[0]);
  return tree;
}

/**
 * Python nesting beyond which a file is not handed to tree-sitter. The Python grammar's external scanner
 * keeps its indent stack in a fixed buffer; around 500 levels it overflows and corrupts the shared WASM
 * instance for every later parse. CPython itself rejects more than 20 nested blocks, so real code never
 * comes near this.
 */
const MAX_PYTHON_NESTING = 100;

/** The deepest indentation nesting of a Python text, counted like Python's tokenizer (tabs to multiples of 8). */
export function pythonNestingDepth(text: string): number {
  const stack: number[] = [0];
  let deepest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    let i = 0;
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 32) width++;
      else if (c === 9) width = (Math.floor(width / 8) + 1) * 8;
      else if (c !== 12) break;
    }
    if (i === line.length || line.charCodeAt(i) === 35 /* # */) continue;
    while (stack.length > 1 && width < stack[stack.length - 1]) stack.pop();
    if (width > stack[stack.length - 1]) stack.push(width);
    if (stack.length - 1 > deepest) deepest = stack.length - 1;
  }
  return deepest;
}

/**
 * Makes the next re-parse of a document as quick as the ones after it. The first incremental re-parse of a
 * tree that came from a full parse costs several times what later ones do (a one-character edit in a
 * 1,400-line Java file: 2.7 ms against 0.45 ms, measured with web-tree-sitter alone, tree-sitter's own
 * work), so the first keystroke after opening a file would pay it. This pays it in idle time instead: the
 * kept tree is re-parsed with a space inserted at the start of a line near the middle and again without
 * it, and the result, a tree of the same text, is kept in its place. True when a tree was primed.
 */
export function primeDocument(key: string): boolean {
  const cached = trees.get(key);
  const parser = cached && parsers.get(cached.grammar);
  if (!cached || !parser) return false;
  const { text } = cached;
  const lineBreak = text.indexOf('\n', text.length >> 1);
  const at = lineBreak < 0 ? text.length : lineBreak + 1;
  const spaced = `${text.slice(0, at)} ${text.slice(at)}`;
  let tree: Tree | null = cached.tree;
  // Whatever happens below, the kept tree is edited: it is replaced or dropped, never left out of step with its text.
  trees.delete(key);
  try {
    tree.edit(describeChange(text, spaced));
    const withSpace: Tree | null = parser.parse(spaced, tree);
    tree.delete();
    tree = withSpace;
    if (!tree) return false;
    tree.edit(describeChange(spaced, text));
    const restored: Tree | null = parser.parse(text, tree);
    tree.delete();
    tree = restored;
    if (!tree) return false;
    trees.set(key, { grammar: cached.grammar, text, tree, memo: cached.memo });
    tree = null;
    return true;
  } finally {
    tree?.delete();
  }
}

/**
 * What a scanner keeps between scans of one document beside its syntax tree (see MemberMemo in
 * java/file.ts): it goes when the tree does (the document is closed or dropped from the cache, or parsed
 * with another grammar). It must hold only what the text decides: node ids do not carry over from one tree
 * to the next (a node's id is the address of its slot in its parent, and parents are rebuilt).
 */
export function scanMemo(key: string): unknown {
  return trees.get(key)?.memo;
}

/** Keeps `memo` for the document `key` (see {@link scanMemo}); nothing when no tree is kept for it. */
export function keepScanMemo(key: string, memo: unknown): void {
  const cached = trees.get(key);
  if (cached) cached.memo = memo;
}

/** Drops the tree kept for a document (call when the editor closes it). */
export function forgetDocument(key: string): void {
  const cached = trees.get(key);
  if (cached) {
    cached.tree.delete();
    trees.delete(key);
  }
}

/** Drops the trees kept for a document's parts: keys that start with `prefix` (a Markdown file's blocks). */
export function forgetDocumentsUnder(prefix: string): void {
  for (const key of [...trees.keys()]) if (key.startsWith(prefix)) forgetDocument(key);
}

/** True while a tree is kept for the document (for tests and diagnostics of the cache). */
export function hasTree(key: string): boolean {
  return trees.has(key);
}

/** How many UTF-16 units {@link describeChange} compares at once while skipping the unchanged start and end. */
const CHANGE_BLOCK = 256;

/** The single edit that turns `before` into `after`: the span between their common prefix and suffix. */
export function describeChange(before: string, after: string) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  // Equal blocks are skipped by comparing slices (a native comparison), so a keystroke in a long file does
  // not cost a character loop over all of it; the last block is walked character by character.
  while (start + CHANGE_BLOCK <= max && before.slice(start, start + CHANGE_BLOCK) === after.slice(start, start + CHANGE_BLOCK)) start += CHANGE_BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore - CHANGE_BLOCK >= start &&
    endAfter - CHANGE_BLOCK >= start &&
    before.slice(endBefore - CHANGE_BLOCK, endBefore) === after.slice(endAfter - CHANGE_BLOCK, endAfter)
  ) {
    endBefore -= CHANGE_BLOCK;
    endAfter -= CHANGE_BLOCK;
  }
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

/**
 * A list of node types for `Node.descendantsOfType` that answers `includes` from a set. web-tree-sitter
 * turns the names into symbol ids on every call by asking the list, for each of the grammar's symbols
 * (321 in Java), whether it includes that symbol's name: with an array of 20 names that is 6,000 string
 * comparisons, half of the call's cost on a small node. It is still an array (the method checks), so it
 * can be passed wherever a type list is taken.
 */
export class NodeTypeList extends Array<string> {
  private readonly names: ReadonlySet<string>;

  constructor(types: readonly string[]) {
    super();
    this.push(...types);
    this.names = new Set(types);
  }

  override includes(type: string): boolean {
    return this.names.has(type);
  }

  /** Array methods that make a new array (`map`, `filter`, …) make a plain one. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
}

/** The model range of a syntax node. */
export function nodeRange(node: Node): Range {
  return { start: node.startIndex, end: node.endIndex };
}
