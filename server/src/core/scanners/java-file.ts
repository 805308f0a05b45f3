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
  readonly symbols: JavaSymbols;
  readonly calls: readonly Node[];
  readonly creations: readonly Node[];
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

/** Reads the nodes of interest in one native traversal and builds the symbol table. */
export function readJavaFile(text: string, root: Node): JavaFile {
  const symbols = new JavaSymbols();
  const calls: Node[] = [];
  const creations: Node[] = [];
  const references: Node[] = [];
  const methods = new Map<string, Node[]>();
  const assignments: Node[] = [];
  let hasListenerContainer = false;
  const wanted = [
    ...DECLARATION_TYPES,
    'import_declaration',
    'method_invocation',
    'object_creation_expression',
    'assignment_expression',
    'method_declaration',
    'method_reference',
    'marker_annotation',
    'annotation',
  ];
  for (const node of root.descendantsOfType(wanted)) {
    if (!node) continue;
    switch (node.type) {
      case 'import_declaration':
        symbols.addImport(node);
        break;
      case 'method_invocation':
        calls.push(node);
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
        declare(symbols, node);
    }
  }
  // Assignments after declarations: `this.producer = new KafkaProducer<>(props)` makes a field a producer.
  for (const a of assignments) {
    const decl = symbols.resolve(a.childForFieldName('left'));
    if (!decl || decl.kind !== 'other') continue;
    const kind = initKind(symbols, a.childForFieldName('right'));
    if (kind !== 'other') decl.kind = kind;
  }
  return { text, symbols, calls, creations, references, methods, hasListenerContainer };
}

/** True when a declaration's modifiers include `final`. */
function hasFinal(node: Node): boolean {
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c?.type === 'modifiers') return /\bfinal\b/.test(c.text);
  }
  return false;
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
function scopeOf(from: Node, scope: Node | null): { scopeStart: number; scopeEnd: number } {
  return { scopeStart: from.startIndex, scopeEnd: scope ? scope.endIndex : from.endIndex };
}

/** Adds the names a declaration node introduces to the symbol table. */
function declare(symbols: JavaSymbols, node: Node): void {
  const add = (name: Node | null, typeName: string | undefined, init: Node | null, range: { scopeStart: number; scopeEnd: number }, extra: Partial<Decl> = {}) => {
    if (!name || name.type !== 'identifier') return;
    let kind = symbols.kindOfType(typeName);
    if (kind === 'other' || (kind === 'config' && init?.type === 'method_invocation')) {
      const fromInit = initKind(symbols, init);
      if (fromInit !== 'other') kind = fromInit;
    }
    symbols.add({
      name: name.text,
      typeName,
      kind,
      node: name.parent ?? name,
      statement: undefined,
      init: init ?? undefined,
      isFinal: false,
      ...range,
      ...extra,
    });
  };
  switch (node.type) {
    case 'local_variable_declaration':
    case 'field_declaration': {
      const typeName = simpleTypeName(node.childForFieldName('type'));
      const isFinal = hasFinal(node);
      const isField = node.type === 'field_declaration';
      for (const d of node.childrenForFieldName('declarator')) {
        if (!d) continue;
        // A field is visible in the whole class body; a local from its declarator to the end of its block.
        const range = isField ? scopeOf(node.parent ?? node, node.parent) : scopeOf(d, node.parent);
        add(d.childForFieldName('name'), typeName, d.childForFieldName('value'), range, { isFinal, statement: isField ? undefined : node });
      }
      break;
    }
    case 'formal_parameter':
    case 'catch_formal_parameter': {
      const owner = node.parent?.parent ?? node.parent;
      add(node.childForFieldName('name'), simpleTypeName(node.childForFieldName('type')), null, scopeOf(owner ?? node, owner));
      break;
    }
    case 'resource': {
      const owner = node.parent?.parent ?? node;
      add(node.childForFieldName('name'), simpleTypeName(node.childForFieldName('type')), node.childForFieldName('value'), scopeOf(node, owner));
      break;
    }
    case 'enhanced_for_statement':
      add(node.childForFieldName('name'), simpleTypeName(node.childForFieldName('type')), null, scopeOf(node, node));
      break;
    case 'lambda_expression': {
      // Lambda parameters shadow fields of the same name; they hold whatever the caller passes (unknown).
      const params = node.childForFieldName('parameters');
      if (params?.type === 'identifier') add(params, undefined, null, scopeOf(node, node));
      else if (params?.type === 'inferred_parameters') {
        for (let i = 0; i < params.namedChildCount; i++) add(params.namedChild(i), undefined, null, scopeOf(node, node));
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

/** The innermost ancestor of `node` of one of `types`, or undefined. */
export function ancestor(node: Node, types: readonly string[], stopAt: readonly string[] = []): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (types.includes(p.type)) return p;
    if (stopAt.includes(p.type)) return undefined;
  }
  return undefined;
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
