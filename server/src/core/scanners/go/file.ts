import type { LibraryId } from '../../model';
import type { Node } from '../common/tree-sitter';
import { walkTree } from '../common/syntax';
import { GoSource } from './source';
import { stringContent } from './syntax';

/**
 * The syntax of one Go file, indexed for the library passes: which Kafka clients it imports and under which
 * aliases, its nodes by type (one walk), the functions that scope local names, identifiers, selectors and
 * method calls by name, and what a qualified name (`sarama.NewConfig`, `kafka.Writer`) refers to.
 */

/** The Go client libraries we read, by the library id their defaults are filed under. */
export type GoLibrary = Extract<LibraryId, 'sarama' | 'franz-go' | 'librdkafka' | 'kafka-go'>;

/**
 * Import paths of the supported clients, with the package name Go gives them when no alias is written, and
 * how the start of each path is written in the source (see {@link mayImportKafkaClient}). confluent-kafka-go
 * 1.x was also imported through gopkg.in, as many projects still do.
 */
const IMPORTS: readonly { readonly path: RegExp; readonly written: readonly string[]; readonly library: GoLibrary; readonly name: string }[] = [
  { path: /^github\.com\/(IBM|Shopify)\/sarama$/, written: ['github.com/IBM/sarama', 'github.com/Shopify/sarama'], library: 'sarama', name: 'sarama' },
  { path: /^github\.com\/twmb\/franz-go\/pkg\/kgo$/, written: ['github.com/twmb/franz-go/pkg/kgo'], library: 'franz-go', name: 'kgo' },
  {
    path: /^github\.com\/confluentinc\/confluent-kafka-go(\/v\d+)?\/kafka$/,
    written: ['github.com/confluentinc/confluent-kafka-go'],
    library: 'librdkafka',
    name: 'kafka',
  },
  { path: /^gopkg\.in\/confluentinc\/confluent-kafka-go\.v1\/kafka$/, written: ['gopkg.in/confluentinc/confluent-kafka-go.v1/kafka'], library: 'librdkafka', name: 'kafka' },
  { path: /^github\.com\/segmentio\/kafka-go$/, written: ['github.com/segmentio/kafka-go'], library: 'kafka-go', name: 'kafka' },
];

/**
 * True when the text can import one of {@link IMPORTS}: an import path matching one, as written in its string
 * literal, starts with one of its `written` forms (the escapes stringContent decodes cannot spell a letter,
 * a `.` or a `/`). A file without one is not parsed.
 */
export function mayImportKafkaClient(text: string): boolean {
  return IMPORTS.some((i) => i.written.some((w) => text.includes(w)));
}

/** An indexed Go file: see the module comment. */
export class GoFile extends GoSource {
  /** Package alias → library, for the aliases the file imports. */
  readonly aliases = new Map<string, GoLibrary>();
  private readonly byType = new Map<string, Node[]>();
  /** Names declared in each function (by its start offset), to tell a local variable from a package alias. */
  private readonly localNames = new Map<number, Set<string>>();
  private localNamesRead = false;
  /** The file's functions and methods, sorted by position: the scopes of local names. */
  private readonly functions: Node[];
  private identifierIndex?: Map<string, { readonly node: Node; readonly scope: number }[]>;
  private selectorIndex?: Map<string, Node[]>;
  private callIndex?: Map<string, CallSite[]>;

  constructor(
    text: string,
    readonly root: Node,
  ) {
    super(text);
    this.collect();
    this.functions = this.nodes('function_declaration')
      .concat(this.nodes('method_declaration'))
      .sort((a, b) => a.startIndex - b.startIndex);
    for (const spec of this.nodes('import_spec')) {
      const path = stringContent(spec.childForFieldName('path'));
      const lib = path === undefined ? undefined : IMPORTS.find((i) => i.path.test(path));
      if (!lib) continue;
      const name = spec.childForFieldName('name');
      // A blank (`_`) or dot import gives no qualifier to match on; the file still counts as Kafka code.
      const alias = name ? name.text : lib.name;
      this.aliases.set(alias, lib.library);
    }
  }

  /** True when the file imports at least one supported Kafka client. */
  get isKafka(): boolean {
    return this.aliases.size > 0;
  }

  /** True when the file imports `library`. */
  imports(library: GoLibrary): boolean {
    for (const lib of this.aliases.values()) if (lib === library) return true;
    return false;
  }

  /** The alias the file uses for `library` (the first one imported), for rendering new source text. */
  aliasOf(library: GoLibrary): string | undefined {
    for (const [alias, lib] of this.aliases) if (lib === library && alias !== '_' && alias !== '.') return alias;
    return undefined;
  }

  /** Nodes of the given type anywhere in the file, in source order. */
  nodes(type: string): Node[] {
    let list = this.byType.get(type);
    if (!list) {
      // The collected types come from one walk; any other type is looked up on its own.
      list = COLLECTED.has(type) ? [] : this.root.descendantsOfType(type).filter((n): n is Node => n !== null);
      this.byType.set(type, list);
    }
    return list;
  }

  /** One walk over the tree that keeps the nodes of every {@link COLLECTED} type. */
  private collect(): void {
    for (const type of COLLECTED) this.byType.set(type, []);
    walkTree(this.root, COLLECTED, (node) => this.byType.get(node.type)?.push(node));
  }

  /** The function or method containing an offset, or undefined at package level. */
  functionAt(offset: number): Node | undefined {
    let lo = 0;
    let hi = this.functions.length - 1;
    let found: Node | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.functions[mid].startIndex <= offset) {
        found = this.functions[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found && offset < found.endIndex ? found : undefined;
  }

  /** The scope key of a node: its function's start offset, or -1 at package level. */
  scopeOf(node: Node): number {
    return this.functionAt(node.startIndex)?.startIndex ?? -1;
  }

  /** Identifiers of the file with a given name. */
  identifiersNamed(name: string, scope?: number): Node[] {
    if (!this.identifierIndex) {
      this.identifierIndex = groupBy(
        this.nodes('identifier').map((node) => ({ node, scope: this.scopeOf(node) })),
        (i) => i.node.text,
      );
    }
    const all = this.identifierIndex.get(name) ?? [];
    return (scope === undefined ? all : all.filter((i) => i.scope === scope)).map((i) => i.node);
  }

  /** Selector expressions of the file whose field has a given name (`x.producer` for `producer`). */
  selectorsNamed(field: string): Node[] {
    if (!this.selectorIndex) this.selectorIndex = groupBy(this.nodes('selector_expression'), (n) => n.childForFieldName('field')?.text ?? '');
    return this.selectorIndex.get(field) ?? [];
  }

  /** Method-style calls `<receiver>.<method>(...)` of the file, for one or more method names, in source order. */
  callsTo(method: string | readonly string[]): CallSite[] {
    if (!this.callIndex) {
      const sites: CallSite[] = [];
      for (const call of this.nodes('call_expression')) {
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'selector_expression') continue;
        const receiver = fn.childForFieldName('operand');
        const name = fn.childForFieldName('field');
        if (receiver && name) sites.push({ call, fn, receiver, method: name.text });
      }
      this.callIndex = groupBy(sites, (c) => c.method);
    }
    const names = typeof method === 'string' ? [method] : method;
    return names.flatMap((m) => this.callIndex?.get(m) ?? []).sort((a, b) => a.call.startIndex - b.call.startIndex);
  }

  /**
   * The library and member a qualified name refers to: `sarama.NewConfig` → sarama / NewConfig, for a
   * selector on an imported package alias or a qualified type (`kafka.Writer`).
   */
  qualified(node: Node | null | undefined): { readonly library: GoLibrary; readonly alias: string; readonly name: string } | undefined {
    if (!node) return undefined;
    if (node.type === 'selector_expression') {
      const operand = node.childForFieldName('operand');
      const field = node.childForFieldName('field');
      if (operand?.type !== 'identifier' || !field) return undefined;
      const library = this.aliases.get(operand.text);
      // A local variable that shadows the package name is not the package.
      if (!library || this.isShadowed(operand)) return undefined;
      return { library, alias: operand.text, name: field.text };
    }
    if (node.type === 'qualified_type') {
      const pkg = node.childForFieldName('package');
      const name = node.childForFieldName('name');
      const library = pkg ? this.aliases.get(pkg.text) : undefined;
      if (!library || !name || !pkg) return undefined;
      return { library, alias: pkg.text, name: name.text };
    }
    if (node.type === 'pointer_type' || node.type === 'parenthesized_type') return this.qualified(node.namedChildren[0]);
    if (node.type === 'generic_type') return this.qualified(node.childForFieldName('type'));
    return undefined;
  }

  /** The qualified callee of a call expression (`sarama.NewConfig()` → NewConfig). */
  callee(call: Node): { readonly library: GoLibrary; readonly alias: string; readonly name: string } | undefined {
    return call.type === 'call_expression' ? this.qualified(call.childForFieldName('function')) : undefined;
  }

  /** True when an identifier named like a package alias is a local variable or parameter in its function. */
  private isShadowed(ident: Node): boolean {
    const scope = this.scopeOf(ident);
    if (scope === -1) return false;
    if (!this.localNamesRead) {
      this.localNamesRead = true;
      // Names declared in each function, gathered once for the whole file.
      for (const decl of this.nodes('short_var_declaration').concat(this.nodes('parameter_declaration'), this.nodes('var_spec'))) {
        const declared = decl.type === 'short_var_declaration' ? decl.childForFieldName('left')?.namedChildren ?? [] : decl.childrenForFieldName('name');
        const key = this.scopeOf(decl);
        let names = this.localNames.get(key);
        if (!names) this.localNames.set(key, (names = new Set()));
        for (const n of declared) if (n) names.add(n.text);
      }
    }
    return this.localNames.get(scope)?.has(ident.text) ?? false;
  }
}

/** The node types the scanner reads, collected in a single walk of the tree. */
const COLLECTED: ReadonlySet<string> = new Set([
  'import_spec',
  'function_declaration',
  'method_declaration',
  'call_expression',
  'assignment_statement',
  'short_var_declaration',
  'parameter_declaration',
  'field_declaration',
  'var_spec',
  'composite_literal',
  'identifier',
  'selector_expression',
]);

/** A call written as `<receiver>.<method>(...)`. */
export interface CallSite {
  readonly call: Node;
  /** The `receiver.method` selector. */
  readonly fn: Node;
  readonly receiver: Node;
  readonly method: string;
}

/** Groups items by a key, keeping source order within each group. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
