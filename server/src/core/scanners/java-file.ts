import type { Range } from '../model';
import type { Node } from './tree-sitter';
import type { Decl, JavaKind } from './java-symbols';
import { DECLARATION_TYPES, JavaSymbols, simpleTypeName } from './java-symbols';

/**
 * One pass over a Java syntax tree: the nodes the scanner looks at, grouped by type, and the symbol table
 * built from them. Config and code-fact detection (java-config.ts, java-facts.ts) read this instead of
 * walking the tree again, which keeps a scan linear in the size of the file.
 */

/** The parsed file, as the config and fact detectors see it. */
export interface JavaFile {
  readonly text: string;
  readonly root: Node;
  readonly symbols: JavaSymbols;
  /** Scoping nodes, to find what encloses a node without `Node.parent`. */
  readonly containers: Containers;
  /** Method calls by method name (`send`, `put`, `commitSync`, …), each list in source order. */
  readonly calls: ReadonlyMap<string, readonly Node[]>;
  /** Expression statements by start offset, to tell a call whose value is discarded without `Node.parent`. */
  readonly statements: ReadonlyMap<number, Node>;
  readonly creations: readonly Node[];
  /** Variables holding the records of a `poll()`, in source order. */
  readonly records: readonly Decl[];
  /** `producer::send` and other method references. */
  readonly references: readonly Node[];
  /** Method declarations by name (several for overloads). */
  readonly methods: ReadonlyMap<string, readonly Node[]>;
  /** True when the file shows a Spring listener container (`@KafkaListener`, `@EnableKafka`, a container factory). */
  readonly hasListenerContainer: boolean;
}

/** Kafka-only names whose presence marks a file as Kafka code even without imports (a snippet, same package). */
const KAFKA_NAMES = /\b(KafkaProducer|KafkaConsumer|KafkaTemplate|ProducerConfig|ConsumerConfig|DefaultKafka(Producer|Consumer)Factory|ConcurrentKafkaListenerContainerFactory|KafkaListener|TopicBuilder|NewTopic)\b/;

/** True when the file is Kafka client code (imports or Kafka-only names). */
export function looksLikeKafka(file: JavaFile): boolean {
  return file.symbols.importsKafka || KAFKA_NAMES.test(file.text);
}

/** The method names the config and fact detectors look at; other calls are not kept. */
const CALLS_OF_INTEREST: ReadonlySet<string> = new Set([
  'put',
  'setProperty',
  'putIfAbsent',
  'putAll',
  'load',
  'clear',
  'remove',
  'create',
  'name',
  'send',
  'sendDefault',
  'commitSync',
  'commitAsync',
  'close',
  'flush',
  'commitTransaction',
  'acknowledge',
]);

/** Matches a call text that may name one of {@link CALLS_OF_INTEREST}. */
const CALL_TEXT = new RegExp(`\\b(?:${[...CALLS_OF_INTEREST].join('|')})\\s*\\(`);

/** The statement a call is the whole of (`producer.send(r);`), or undefined when its value is used. */
export function statementOf(file: JavaFile, call: Node): Node | undefined {
  const s = file.statements.get(call.startIndex);
  if (!s || s.endIndex <= call.endIndex) return undefined;
  return file.text.slice(call.endIndex, s.endIndex).trim() === ';' ? s : undefined;
}

/** The calls of one method name, in source order. */
export function callsNamed(file: JavaFile, name: string): readonly Node[] {
  return file.calls.get(name) ?? [];
}

/** Nodes that bound where a declared name is visible. */
const CONTAINER_TYPES = [
  'program',
  'class_body',
  'enum_body',
  'interface_body',
  'block',
  'constructor_body',
  'switch_block',
  'method_declaration',
  'constructor_declaration',
  'lambda_expression',
  'enhanced_for_statement',
  'for_statement',
  'try_with_resources_statement',
  'catch_clause',
] as const;

const CONTAINER_SET: ReadonlySet<string> = new Set(CONTAINER_TYPES);
const DECLARATION_SET: ReadonlySet<string> = new Set(DECLARATION_TYPES);

/**
 * The scoping nodes of a file with their nesting, built from one native traversal. Finding the container of
 * a node this way avoids `Node.parent`, which tree-sitter computes by descending from the root each time.
 */
export class Containers {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly parents: number[] = [];

  constructor(readonly nodes: readonly Node[]) {
    const stack: number[] = [];
    nodes.forEach((n, i) => {
      while (stack.length > 0 && this.ends[stack[stack.length - 1]] < n.endIndex) stack.pop();
      this.starts.push(n.startIndex);
      this.ends.push(n.endIndex);
      this.parents.push(stack.length > 0 ? stack[stack.length - 1] : -1);
      stack.push(i);
    });
  }

  /** Index of the innermost container holding `[start, end)`, or -1. */
  private innermost(start: number, end: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (at >= 0 && this.ends[at] < end) at = this.parents[at];
    return at;
  }

  /** The innermost container strictly around `node` (never the node itself), of one of `types` if given. */
  enclosing(node: Node, types?: readonly string[]): Node | undefined {
    let i = this.innermost(node.startIndex, node.endIndex);
    if (i >= 0 && this.starts[i] === node.startIndex && this.ends[i] === node.endIndex && this.nodes[i].type === node.type) i = this.parents[i];
    while (i >= 0 && types && !types.includes(this.nodes[i].type)) i = this.parents[i];
    return i >= 0 ? this.nodes[i] : undefined;
  }

  /** The containers around `node`, innermost first (excluding the node itself). */
  *around(node: Node): IterableIterator<Node> {
    let i = this.innermost(node.startIndex, node.endIndex);
    if (i >= 0 && this.starts[i] === node.startIndex && this.ends[i] === node.endIndex && this.nodes[i].type === node.type) i = this.parents[i];
    for (; i >= 0; i = this.parents[i]) yield this.nodes[i];
  }
}

/** Reads the nodes of interest in one native traversal and builds the symbol table. */
export function readJavaFile(text: string, root: Node): JavaFile {
  const symbols = new JavaSymbols();
  const calls = new Map<string, Node[]>();
  const statements = new Map<number, Node>();
  const creations: Node[] = [];
  const references: Node[] = [];
  const methods = new Map<string, Node[]>();
  const assignments: Node[] = [];
  const declarations: Node[] = [];
  const containerNodes: Node[] = [];
  let hasListenerContainer = false;
  const wanted = [
    ...new Set<string>([
      ...CONTAINER_TYPES,
      ...DECLARATION_TYPES,
      'import_declaration',
      'method_invocation',
      'expression_statement',
      'object_creation_expression',
      'assignment_expression',
      'method_reference',
      'marker_annotation',
      'annotation',
    ]),
  ];
  if (root.type === 'program') containerNodes.push(root);
  for (const node of root.descendantsOfType(wanted)) {
    if (!node) continue;
    const type = node.type;
    if (CONTAINER_SET.has(type)) containerNodes.push(node);
    switch (type) {
      case 'import_declaration':
        symbols.addImport(node);
        break;
      case 'method_invocation': {
        // A cheap text test first: most calls (logging, collections) name none of the methods of interest.
        if (!CALL_TEXT.test(text.slice(node.startIndex, node.endIndex))) break;
        const name = node.childForFieldName('name')?.text;
        if (!name || !CALLS_OF_INTEREST.has(name)) break;
        const list = calls.get(name);
        if (list) list.push(node);
        else calls.set(name, [node]);
        break;
      }
      case 'expression_statement':
        if (!statements.has(node.startIndex)) statements.set(node.startIndex, node);
        break;
      case 'object_creation_expression':
        creations.push(node);
        if (simpleTypeName(node.childForFieldName('type')) === 'ConcurrentKafkaListenerContainerFactory') hasListenerContainer = true;
        break;
      case 'assignment_expression':
        assignments.push(node);
        break;
      case 'method_reference':
        references.push(node);
        break;
      case 'method_declaration': {
        const name = node.childForFieldName('name')?.text;
        if (name) {
          const list = methods.get(name) ?? [];
          list.push(node);
          methods.set(name, list);
        }
        break;
      }
      case 'marker_annotation':
      case 'annotation': {
        const name = node.childForFieldName('name')?.text;
        if (name === 'KafkaListener' || name === 'EnableKafka') hasListenerContainer = true;
        break;
      }
      default:
        if (DECLARATION_SET.has(type)) declarations.push(node);
    }
  }
  const containers = new Containers(containerNodes);
  // Imports first (they decide what `Producer` means), then declarations in source order.
  for (const node of declarations) declare(symbols, containers, node);
  // Assignments after declarations: `this.producer = new KafkaProducer<>(props)` makes a field a producer.
  for (const a of assignments) {
    const decl = symbols.resolve(a.childForFieldName('left'));
    if (!decl) continue;
    // A config variable assigned again may hold settings this file does not show.
    if (decl.kind === 'config') decl.reassigned = true;
    if (decl.kind !== 'other') continue;
    const kind = initKind(symbols, a.childForFieldName('right'));
    if (kind !== 'other') decl.kind = kind;
  }
  const records: Decl[] = [];
  for (const d of symbols.all()) if (d.kind === 'records') records.push(d);
  return { text, root, symbols, containers, records, calls, statements, creations, references, methods, hasListenerContainer };
}

/** True when a declaration's modifiers include `final` (modifiers come first when present). */
function hasFinal(node: Node): boolean {
  const first = node.firstNamedChild;
  return first?.type === 'modifiers' && /\bfinal\b/.test(first.text);
}

/** What an initializer makes a `var` (or an interface-typed name) hold. */
function initKind(symbols: JavaSymbols, init: Node | null): JavaKind {
  if (!init) return 'other';
  if (init.type === 'object_creation_expression') return symbols.kindOfType(simpleTypeName(init.childForFieldName('type')));
  if (init.type === 'method_invocation') {
    const name = init.childForFieldName('name')?.text;
    const object = init.childForFieldName('object');
    const objectKind = symbols.kindOf(object);
    if (name === 'poll' && objectKind === 'consumer') return 'records';
    if (name === 'createProducer' && objectKind === 'producer-factory') return 'producer';
    if (name === 'createConsumer' && objectKind === 'consumer-factory') return 'consumer';
    if ((name === 'of' || name === 'ofEntries') && (object?.text === 'Map' || object?.text === 'java.util.Map')) return 'config';
  }
  return 'other';
}

/** The span from `from` to the end of `scope`. */
function scopeOf(from: Node, scope: Node | null | undefined): { scopeStart: number; scopeEnd: number } {
  return { scopeStart: from.startIndex, scopeEnd: scope ? scope.endIndex : from.endIndex };
}

/** Adds the names a declaration node introduces to the symbol table. */
function declare(symbols: JavaSymbols, containers: Containers, node: Node): void {
  const add = (declNode: Node, name: Node | null, typeName: string | undefined, init: Node | null, range: { scopeStart: number; scopeEnd: number }, extra: Partial<Decl> = {}) => {
    if (!name || name.type !== 'identifier') return;
    let kind = symbols.kindOfType(typeName);
    if (kind === 'other' || (kind === 'config' && init?.type === 'method_invocation')) {
      const fromInit = initKind(symbols, init);
      if (fromInit !== 'other') kind = fromInit;
    }
    symbols.add({ name: name.text, typeName, kind, node: declNode, statement: undefined, init: init ?? undefined, isFinal: false, ...range, ...extra });
  };
  switch (node.type) {
    case 'local_variable_declaration':
    case 'field_declaration': {
      const typeName = simpleTypeName(node.childForFieldName('type'));
      const isFinal = hasFinal(node);
      const isField = node.type === 'field_declaration';
      const container = containers.enclosing(node);
      for (const d of node.childrenForFieldName('declarator')) {
        if (!d) continue;
        // A field is visible in the whole class body; a local from its declarator to the end of its block.
        const range = isField ? scopeOf(container ?? node, container) : scopeOf(d, container);
        add(d, d.childForFieldName('name'), typeName, d.childForFieldName('value'), range, { isFinal, statement: isField ? undefined : node });
      }
      break;
    }
    case 'formal_parameter':
    case 'catch_formal_parameter': {
      const owner = containers.enclosing(node, ['method_declaration', 'constructor_declaration', 'lambda_expression', 'catch_clause']);
      add(node, node.childForFieldName('name'), simpleTypeName(node.childForFieldName('type')), null, scopeOf(owner ?? node, owner));
      break;
    }
    case 'resource': {
      const owner = containers.enclosing(node, ['try_with_resources_statement']);
      add(node, node.childForFieldName('name'), simpleTypeName(node.childForFieldName('type')), node.childForFieldName('value'), scopeOf(node, owner ?? node));
      break;
    }
    case 'enhanced_for_statement':
      add(node, node.childForFieldName('name'), simpleTypeName(node.childForFieldName('type')), null, scopeOf(node, node));
      break;
    case 'lambda_expression': {
      // Lambda parameters shadow fields of the same name; they hold whatever the caller passes (unknown).
      const params = node.childForFieldName('parameters');
      if (params?.type === 'identifier') add(params, params, undefined, null, scopeOf(node, node));
      else if (params?.type === 'inferred_parameters') {
        for (let i = 0; i < params.namedChildCount; i++) {
          const p = params.namedChild(i);
          if (p) add(p, p, undefined, null, scopeOf(node, node));
        }
      }
      break;
    }
    default:
      break;
  }
}

/** The model range of a node, cut at the end of its first line (a multi-line call squiggles only its head). */
export function headRange(text: string, node: Node): Range {
  const nl = text.indexOf('\n', node.startIndex);
  const end = nl >= 0 && nl < node.endIndex ? nl : node.endIndex;
  let e = end;
  while (e > node.startIndex && /\s/.test(text[e - 1])) e--;
  return { start: node.startIndex, end: e };
}

/** The whitespace at the start of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/**
 * The span of a statement's whole line(s) including the line break, when the statement is alone on its
 * lines (only whitespace around it); undefined otherwise, so a removal never takes neighbouring code.
 */
export function ownLinesRange(text: string, node: Node): Range | undefined {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  if (text.slice(lineStart, node.startIndex).trim() !== '') return undefined;
  let end = text.indexOf('\n', node.endIndex);
  if (end < 0) end = text.length;
  else end += 1;
  if (text.slice(node.endIndex, end).trim() !== '') return undefined;
  return { start: lineStart, end };
}

/** True when nothing but whitespace follows `node` on its last line. */
export function endsLine(text: string, node: Node): boolean {
  const nl = text.indexOf('\n', node.endIndex);
  return text.slice(node.endIndex, nl < 0 ? text.length : nl).trim() === '';
}

/** The arguments of a call or constructor (named children of its argument list). */
export function argumentsOf(node: Node): Node[] {
  const list = node.childForFieldName('arguments');
  const out: Node[] = [];
  if (!list) return out;
  for (let i = 0; i < list.namedChildCount; i++) {
    const c = list.namedChild(i);
    if (c && c.type !== 'line_comment' && c.type !== 'block_comment') out.push(c);
  }
  return out;
}
