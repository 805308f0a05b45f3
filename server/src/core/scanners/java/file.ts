import type { Range } from '../../model';
import type { Node } from '../common/tree-sitter';
import { NodeTypeList } from '../common/tree-sitter';
import type { Decl, JavaKind } from './symbols';
import { DECLARATION_TYPES, JavaSymbols, simpleTypeName } from './symbols';

/**
 * What the Java scanner reads from a syntax tree: the symbol table, the scoping nodes, and the calls and
 * constructors that matter, each list in source order. Config and code-fact detection (config.ts,
 * facts.ts) read this instead of walking the tree again.
 *
 * Speed matters (the editor re-scans on every keystroke): only the class members that can matter are walked
 * (natively) for scopes and declarations, and the few calls and constructors of interest are found by a text
 * search whose hits are then checked against the tree. Ordinary code (logging, collections, strings) costs
 * almost nothing.
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
  /** Where each call of {@link JavaFile.calls} has its method name and its first argument, as text offsets. */
  readonly callSites: ReadonlyMap<Node, CallSite>;
  /**
   * `put`/`setProperty`/`putIfAbsent` calls that the text alone shows to put an unreadable key into a config
   * variable (`cache.put(order, region)`), in source order, left out of {@link JavaFile.calls}: found by the
   * text search only, not yet checked against the tree (see {@link checkPendingPut}).
   */
  readonly pendingPuts: readonly PendingPut[];
  /** Constructor calls of Kafka types (`new KafkaProducer<>(..)`, `new NewTopic(..)`), in source order. */
  readonly creations: readonly Node[];
  /** Variables holding the records of a `poll()`, in source order. */
  readonly records: readonly Decl[];
  /** `producer::send` method references. */
  readonly references: readonly Node[];
  /** Method declarations by name (several for overloads). */
  readonly methods: ReadonlyMap<string, readonly Node[]>;
  /** True when the file shows a Spring listener container (`@KafkaListener`, `@EnableKafka`, a container factory). */
  readonly hasListenerContainer: boolean;
  /** What this scan found in each class member's text, for the next scan of the document (see {@link MemberMemo}). */
  readonly memberMemo: MemberMemo;
}

/** A call's method name and the offset just after its `(`, both known from the text search that found it. */
export interface CallSite {
  readonly nameStart: number;
  readonly argumentsStart: number;
  /**
   * For a call of a method config.ts reads only on config variables, made on a plain name
   * ({@link plainReceiver}): the config variable that name resolves to, found from the text.
   */
  readonly receiver?: Decl;
}

/**
 * A `put` into a config variable found in the text, whose first argument is a name that cannot stand for a
 * key: such a call only makes its variable's settings incomplete. A class with many of them (a cache map
 * filled in every method) would otherwise cost a dozen calls into WebAssembly per call on every keystroke;
 * config.ts looks them up in the tree only for a variable that becomes a config group.
 */
export interface PendingPut extends CallSite {
  readonly method: string;
  readonly decl: Decl;
}

/** The call a pending put names, when the tree confirms it (not in a comment or a string), else undefined. */
export function checkPendingPut(file: JavaFile, put: PendingPut): Node | undefined {
  return callAt(file.root, put.nameStart, put.argumentsStart, put.method.length);
}

/** The method call whose name starts at `nameStart` (its `(` ends at `argumentsStart`), if there is one. */
function callAt(root: Node, nameStart: number, argumentsStart: number, nameLength: number): Node | undefined {
  // The smallest node holding the name and its `(` is the call itself when the name is a call's name (the
  // name and the argument list are two of its children); asked for directly, because `Node.parent`
  // descends from the root again, past every member of a long class.
  const call = root.descendantForIndex(nameStart, argumentsStart);
  if (call?.type !== 'method_invocation') return undefined;
  const id = call.childForFieldName('name');
  if (!id || id.type !== 'identifier' || id.startIndex !== nameStart || id.endIndex !== nameStart + nameLength) return undefined;
  return call;
}

/** The put methods whose calls on a config variable can be left pending (see {@link PendingPut}). */
const PENDING_METHODS: ReadonlySet<string> = new Set(['put', 'setProperty', 'putIfAbsent']);
/** The methods config.ts reads only on a config variable: a call on anything else is not kept. */
const CONFIG_ONLY_METHODS: ReadonlySet<string> = new Set(['put', 'setProperty', 'putIfAbsent', 'putAll', 'load', 'clear', 'remove']);

/** Kafka-only names whose presence marks a file as Kafka code even without imports (a snippet, same package). */
const KAFKA_NAMES = /\b(KafkaProducer|KafkaConsumer|KafkaTemplate|ProducerConfig|ConsumerConfig|DefaultKafka(Producer|Consumer)Factory|ConcurrentKafkaListenerContainerFactory|KafkaListener|TopicBuilder|NewTopic)\b/;

/** Imports of kafka-clients, Kafka Streams or Spring for Apache Kafka. */
const KAFKA_IMPORT = /\bimport\s+(?:static\s+)?org\s*\.\s*(?:apache|springframework)\s*\.\s*kafka\s*\./;

/** True when the text is Kafka client code (imports or Kafka-only names); decided before any tree walk. */
export function looksLikeKafka(text: string): boolean {
  return KAFKA_IMPORT.test(text) || KAFKA_NAMES.test(text);
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

/**
 * Finds candidate calls: one of {@link CALLS_OF_INTEREST} followed by `(`; that the name is not the end of a
 * longer one (`reput(`) is checked by hand (see {@link callCandidates}): with a look-behind in front, V8
 * tries the expression at every position of the file, half again as slow on a long class.
 */
const CALL_TEXT = new RegExp(`(${[...CALLS_OF_INTEREST].join('|')})\\s*\\(`, 'g');

/**
 * The matches of {@link CALL_TEXT} whose name does not follow a `[\w$]` character, as `(?<![\w$])` in front
 * would give; after a match that does, the search goes on from its next character, as it would there.
 */
function* callCandidates(text: string): Generator<RegExpExecArray> {
  CALL_TEXT.lastIndex = 0;
  for (let m = CALL_TEXT.exec(text); m; m = CALL_TEXT.exec(text)) {
    if (m.index > 0 && isNameChar(text.charCodeAt(m.index - 1))) CALL_TEXT.lastIndex = m.index + 1;
    else yield m;
  }
}

/** Kafka types whose constructor calls the scanner follows. */
const CREATION_TEXT =
  /\bnew\s+(?:[\w$]+\s*\.\s*)*(KafkaProducer|KafkaConsumer|DefaultKafkaProducerFactory|DefaultKafkaConsumerFactory|KafkaStreams|StreamsConfig|NewTopic|ConcurrentKafkaListenerContainerFactory)\b/g;

/** Declarations that may hold a Kafka client, a config map, polled records, or a constant. */
const INTERESTING_DECLARATION = /Kafka|Producer|Consumer|Properties|Map\b|Hashtable|Records|Factory|Template|Operations|Duration|Acknowledgment|Callback|\bvar\b|\bfinal\b/;

/** The statement a call is the whole of (`producer.send(r);`), or undefined when its value is used. */
export function statementOf(call: Node): Node | undefined {
  const parent = call.parent;
  return parent?.type === 'expression_statement' ? parent : undefined;
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

/** The head of a declaration that names its type and variable (not a loop body or a lambda body). */
function declarationHead(text: string, node: Node): string {
  const start = node.startIndex;
  let end = node.endIndex;
  if (node.type === 'enhanced_for_statement') end = Math.min(end, indexOr(text.indexOf(':', start), end));
  else if (node.type === 'lambda_expression') end = Math.min(end, indexOr(text.indexOf('->', start), end));
  return text.slice(start, end);
}

function indexOr(i: number, fallback: number): number {
  return i < 0 ? fallback : i;
}

/** The node a text hit names, when it is that exact identifier/keyword in the tree (not in a comment or string). */
function tokenAt(root: Node, start: number, end: number): Node | undefined {
  const n = root.descendantForIndex(start, end);
  return n && n.startIndex === start && n.endIndex === end ? n : undefined;
}

/** Words that make a class member worth reading in full: Kafka types, keys, and the calls that matter. */
const RELEVANT_MEMBER =
  /Kafka|Producer|Consumer|Records|Config|Topic|Acknowledgment|poll|send|commit|acknowledge|flush|Properties|"(?:acks|retries)"|"[a-z]+(?:\.[a-z]+)+"|::\s*send\b/;

/** Above this many regions one walk of the whole tree is cheaper than a walk per region. */
const MAX_SEPARATE_WALKS = 24;

const TYPE_DECLARATIONS: ReadonlySet<string> = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration']);
const WALKED_TYPES = new NodeTypeList([...new Set<string>([...CONTAINER_TYPES, ...DECLARATION_TYPES, 'import_declaration'])]);

/** What one scan reads of a class member from the tree (its kind and its length, each a call into WebAssembly), and what its text says. */
interface MemberFacts {
  readonly type: string;
  readonly length: number;
  said?: TextFacts;
}

/** What a class member's text says, found once per distinct text and kept from one scan to the next. */
interface TextFacts {
  /** Whether the text has a word of {@link RELEVANT_MEMBER}. */
  relevant?: boolean;
  /** A method's name (null when it has none). */
  name?: string | null;
  /** The names the member calls (`name(`). */
  calls?: readonly string[];
  /** Whether the text mentions a name of the expression `source`. */
  mentions?: { readonly source: string; readonly found: boolean };
}

/**
 * What the last scan of a document found in each class member's text, by that text: a keystroke changes
 * one member, and the regular expressions and name look-ups of every other member are answered from here.
 * Kept beside the document's syntax tree (scanMemo in common/tree-sitter.ts).
 */
export class MemberMemo {
  constructor(readonly byText: ReadonlyMap<string, TextFacts>) {}
}

/**
 * The members of one scan: kind and length read from the tree once (selectRegions and neededLater both
 * ask), and what their text says taken from the last scan's {@link MemberMemo} where the text is the same.
 */
class MemberTable {
  private readonly facts = new Map<Node, MemberFacts>();
  private readonly next = new Map<string, TextFacts>();

  constructor(private readonly previous: MemberMemo | undefined) {}

  of(member: Node): MemberFacts {
    let facts = this.facts.get(member);
    if (!facts) {
      facts = { type: member.type, length: member.endIndex - member.startIndex };
      this.facts.set(member, facts);
    }
    return facts;
  }

  /** The member's text. */
  textOf(text: string, member: Node): string {
    return text.slice(member.startIndex, member.startIndex + this.of(member).length);
  }

  private said(text: string, member: Node): TextFacts {
    const facts = this.of(member);
    if (!facts.said) {
      const own = this.textOf(text, member);
      facts.said = this.next.get(own) ?? this.previous?.byText.get(own) ?? {};
      this.next.set(own, facts.said);
    }
    return facts.said;
  }

  relevant(text: string, member: Node): boolean {
    const facts = this.said(text, member);
    facts.relevant ??= RELEVANT_MEMBER.test(this.textOf(text, member));
    return facts.relevant;
  }

  /** A method's name: the same text parses to the same declaration, so it is looked up in the tree once. */
  nameOf(text: string, member: Node): string | null {
    const facts = this.said(text, member);
    if (facts.name === undefined) facts.name = member.childForFieldName('name')?.text ?? null;
    return facts.name;
  }

  callsOf(text: string, member: Node): readonly string[] {
    const facts = this.said(text, member);
    if (!facts.calls) {
      const found: string[] = [];
      const call = /([\w$]+)\s*\(/g;
      const body = this.textOf(text, member);
      for (let m = call.exec(body); m; m = call.exec(body)) found.push(m[1]);
      facts.calls = found;
    }
    return facts.calls;
  }

  mentions(text: string, member: Node, names: RegExp): boolean {
    const facts = this.said(text, member);
    if (facts.mentions?.source !== names.source) facts.mentions = { source: names.source, found: names.test(this.textOf(text, member)) };
    return facts.mentions.found;
  }

  /** What this scan found, for the next one. */
  memo(): MemberMemo {
    return new MemberMemo(this.next);
  }
}

/**
 * Splits the file into the parts to read in full (imports, fields, and the members that mention Kafka) and
 * the members skipped for now (ordinary business code), which keeps a keystroke in a long file cheap. Type
 * declarations are entered recursively; their bodies are scopes.
 */
function selectRegions(text: string, root: Node, scopes: Node[], table: MemberTable): { regions: Node[]; skipped: Node[] } {
  const regions: Node[] = [];
  const skipped: Node[] = [];
  const visit = (parent: Node) => {
    // `namedChildren` in one call: `namedChild(i)` walks from the first child each time.
    for (const member of parent.namedChildren) {
      if (!member) continue;
      const type = table.of(member).type;
      if (TYPE_DECLARATIONS.has(type)) {
        const body = member.childForFieldName('body');
        if (body) {
          scopes.push(body);
          visit(body);
        }
      } else if (type === 'field_declaration' || type === 'import_declaration' || type === 'ERROR' || table.relevant(text, member)) {
        regions.push(member);
      } else skipped.push(member);
    }
  };
  visit(root);
  return { regions, skipped };
}

/**
 * The skipped members that matter after all: methods a relevant member calls by name (one that builds and
 * returns a client's config), and members that mention a name holding a Kafka client or config (a local of
 * the same name there must shadow it).
 */
function neededLater(text: string, regions: readonly Node[], skipped: readonly Node[], names: readonly string[], table: MemberTable): Node[] {
  if (skipped.length === 0) return [];
  const called = new Set<string>();
  if (skipped.some((m) => table.of(m).type === 'method_declaration')) {
    for (const r of regions) for (const name of table.callsOf(text, r)) called.add(name);
  }
  const mentions = names.length > 0 ? new RegExp(`(?<![\\w$])(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`) : undefined;
  return skipped.filter((member) => {
    if (table.of(member).type === 'method_declaration') {
      const name = table.nameOf(text, member);
      if (name && called.has(name)) return true;
    }
    return mentions !== undefined && table.mentions(text, member, mentions);
  });
}

/**
 * True when a config variable is given Kafka settings (`props.put(ProducerConfig.ACKS_CONFIG, ..)`,
 * `props.put("acks", ..)`) or handed to a Kafka client; a plain cache map is not.
 */
function holdsKafkaConfig(text: string, decl: Decl): boolean {
  const name = decl.name.replace(/\$/g, '\\$');
  const put = new RegExp(
    `(?<![\\w$])${name}\\s*\\.\\s*(?:put|setProperty|putIfAbsent)\\s*\\(\\s*(?:[\\w.]*Configs?\\s*\\.|[A-Z_]+_CONFIG\\b|MAX_IN_FLIGHT|"(?:acks|retries|[a-z]+(?:\\.[a-z]+)+)")`,
  );
  const handed = new RegExp(`(?:Kafka\\w*|Factory|create)\\s*(?:<[^>]*>)?\\s*\\(\\s*(?:[^()]*,\\s*)?${name}(?![\\w$])`);
  return put.test(text) || handed.test(text) || (decl.init !== undefined && /Config|"(?:acks|retries)"|"[a-z]+\.[a-z]/.test(decl.init.text));
}

/**
 * Reads the scopes, declarations, calls and constructors of interest and builds the symbol table.
 * `previous` is the {@link JavaFile.memberMemo} of the document's last scan, when there was one.
 */
export function readJavaFile(text: string, root: Node, previous?: MemberMemo): JavaFile {
  const symbols = new JavaSymbols();
  const table = new MemberTable(previous);
  const containerNodes: Node[] = [];
  const scopes: Node[] = [];
  if (root.type === 'program') scopes.push(root);
  const { regions, skipped } = selectRegions(text, root, scopes, table);
  containerNodes.push(...scopes);

  /** Reads the scopes and declarations of some regions; returns the declarations, to declare once scopes are known. */
  const walk = (list: readonly Node[]): Node[] => {
    const declarations: Node[] = [];
    const take = (node: Node | null) => {
      if (!node) return;
      const type = node.type;
      if (CONTAINER_SET.has(type)) containerNodes.push(node);
      if (type === 'import_declaration') symbols.addImport(node);
      else if (DECLARATION_SET.has(type)) declarations.push(node);
    };
    if (list.length <= MAX_SEPARATE_WALKS) {
      for (const region of list) for (const node of region.descendantsOfType(WALKED_TYPES)) take(node);
      return declarations;
    }
    // Many regions (a file that is mostly Kafka code): one walk of the whole tree, keeping what lies in them.
    const sorted = [...list].sort((a, b) => a.startIndex - b.startIndex);
    let r = 0;
    for (const node of root.descendantsOfType(WALKED_TYPES)) {
      if (!node) continue;
      while (r < sorted.length && sorted[r].endIndex <= node.startIndex) r++;
      if (r < sorted.length && sorted[r].startIndex <= node.startIndex && node.endIndex <= sorted[r].endIndex) take(node);
    }
    return declarations;
  };
  const containersNow = () => new Containers([...containerNodes].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex));
  /** Declarations that can matter first; then the others only when they shadow one of those names. */
  const declareAll = (declarations: readonly Node[], containers: Containers) => {
    const deferred: Node[] = [];
    for (const node of declarations) {
      if (INTERESTING_DECLARATION.test(declarationHead(text, node))) declare(symbols, containers, node);
      else deferred.push(node);
    }
    const names = [...symbols.names()].filter((n) => /^[\w$]+$/.test(n));
    if (names.length > 0 && deferred.length > 0) {
      const shadows = new RegExp(`(?<![\\w$])(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`);
      for (const node of deferred) if (shadows.test(declarationHead(text, node))) declare(symbols, containers, node);
    }
  };

  const first = walk(regions);
  let containers = containersNow();
  declareAll(first, containers);
  const kafkaNames = new Set<string>();
  // Only fields are visible in other members. Config maps count only when they hold Kafka settings; a cache map does not.
  for (const d of symbols.all()) {
    if (d.isField && d.kind !== 'other' && (d.kind !== 'config' || holdsKafkaConfig(text, d)) && /^[\w$]+$/.test(d.name)) kafkaNames.add(d.name);
  }
  const later = neededLater(text, regions, skipped, [...kafkaNames], table);
  if (later.length > 0) {
    const declarations = walk(later);
    containers = containersNow();
    declareAll(declarations, containers);
  }

  // A `var` initialized from a field declared further down the class: resolve it now that all names are known.
  for (const d of symbols.all()) {
    if (d.kind !== 'other' || !d.init) continue;
    const kind = initKind(symbols, d.init);
    if (kind !== 'other') d.kind = kind;
  }

  const calls = new Map<string, Node[]>();
  const callSites = new Map<Node, CallSite>();
  const pendingPuts: PendingPut[] = [];
  for (const m of callCandidates(text)) {
    const method = m[1];
    const argumentsStart = m.index + m[0].length;
    let receiver: Decl | undefined;
    if (CONFIG_ONLY_METHODS.has(method)) {
      // A call on a plain name: resolved from the text as config.ts would resolve the call's object.
      const plain = plainReceiver(text, m.index);
      receiver = plain && symbols.lookup(plain.name, plain.at);
      if (plain && receiver?.kind !== 'config') continue;
      const key = receiver && PENDING_METHODS.has(method) ? plainFirstArgument(text, argumentsStart) : undefined;
      if (receiver && key && !symbols.mayNameKey(key.name, key.at)) {
        pendingPuts.push({ method, decl: receiver, nameStart: m.index, argumentsStart });
        continue;
      }
    }
    const call = callAt(root, m.index, argumentsStart, method.length);
    if (!call) continue;
    const list = calls.get(method);
    if (list) list.push(call);
    else calls.set(method, [call]);
    callSites.set(call, { nameStart: m.index, argumentsStart, receiver });
  }

  const creations: Node[] = [];
  // The words first: V8 finds them with a fast literal search, where the expression is tried at every `@`.
  let hasListenerContainer = (text.includes('KafkaListener') || text.includes('EnableKafka')) && /@(?:[\w.]+\.)?(?:KafkaListener|EnableKafka)\b/.test(text);
  CREATION_TEXT.lastIndex = 0;
  for (let m = CREATION_TEXT.exec(text); m; m = CREATION_TEXT.exec(text)) {
    const keyword = tokenAt(root, m.index, m.index + 3);
    const creation = keyword?.parent;
    if (!keyword || creation?.type !== 'object_creation_expression' || creation.startIndex !== m.index) continue;
    creations.push(creation);
    if (m[1] === 'ConcurrentKafkaListenerContainerFactory') hasListenerContainer = true;
    // `this.producer = new KafkaProducer<>(props)` makes a field declared with an unknown type a producer.
    const assignment = creation.parent;
    if (assignment?.type === 'assignment_expression' && assignment.childForFieldName('right')?.id === creation.id) {
      const decl = symbols.resolve(assignment.childForFieldName('left'));
      const kind = initKind(symbols, creation);
      if (decl && decl.kind === 'other' && kind !== 'other') decl.kind = kind;
    }
  }

  // A config variable assigned again (`props = loadDefaults()`) may hold settings this file does not show.
  for (const decl of symbols.all()) {
    if (decl.kind !== 'config') continue;
    const again = new RegExp(`(?<![\\w$.])${decl.name.replace(/\$/g, '\\$')}\\s*=(?!=)`, 'g');
    again.lastIndex = decl.node.endIndex;
    for (let m = again.exec(text); m && m.index < decl.scopeEnd; m = again.exec(text)) {
      const id = tokenAt(root, m.index, m.index + decl.name.length);
      if (id?.parent?.type === 'assignment_expression' && symbols.lookup(decl.name, m.index) === decl) {
        decl.reassigned = true;
        (decl.reassignments ??= []).push(id.parent);
      }
    }
  }

  const references: Node[] = [];
  const refText = /::\s*send\b/g;
  for (let m = refText.exec(text); m; m = refText.exec(text)) {
    const colons = tokenAt(root, m.index, m.index + 2);
    const ref = colons?.parent;
    if (ref?.type === 'method_reference') references.push(ref);
  }

  const methods = new Map<string, Node[]>();
  for (const node of containerNodes) {
    if (node.type !== 'method_declaration') continue;
    const name = node.childForFieldName('name')?.text;
    if (!name) continue;
    const list = methods.get(name);
    if (list) list.push(node);
    else methods.set(name, [node]);
  }

  const records: Decl[] = [];
  for (const d of symbols.all()) if (d.kind === 'records') records.push(d);
  records.sort((a, b) => a.scopeStart - b.scopeStart);
  return { text, root, symbols, containers, records, calls, callSites, pendingPuts, creations, references, methods, hasListenerContainer, memberMemo: table.memo() };
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
        add(d, d.childForFieldName('name'), typeName, d.childForFieldName('value'), range, { isFinal, isField, statement: isField ? undefined : node });
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
        for (const p of params.namedChildren) if (p) add(p, p, undefined, null, scopeOf(node, node));
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

/**
 * The receiver of a call when the text shows it is a plain name (`cache.put(..)`: `cache` and its offset),
 * read back from the method name at `nameStart`; undefined for anything else (`this.cache.put`, `get().put`,
 * a comment or a name with non-ASCII letters in the way), which the caller then reads from the tree. Either
 * way it is the name {@link JavaSymbols.resolve} would look up for the call's `object`, without the calls
 * into WebAssembly that reading the tree costs.
 */
export function plainReceiver(text: string, nameStart: number): { readonly name: string; readonly at: number } | undefined {
  let i = nameStart;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === 0 || text[i - 1] !== '.') return undefined;
  i--;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > 0 && isNameChar(text.charCodeAt(i - 1))) i--;
  if (i === end || !isNameStart(text.charCodeAt(i))) return undefined;
  // What comes before must end the expression there: not a `.` (a longer chain), not a letter the ASCII
  // test above does not know (part of a longer name).
  if (i > 0 && !BEFORE_NAME.has(text[i - 1]) && !isSpace(text.charCodeAt(i - 1))) return undefined;
  return { name: text.slice(i, end), at: i };
}

/**
 * The first argument of a call when the text shows it is a plain name followed by a second argument
 * (`put(order, region)`: `order` and its offset), undefined for anything else (a literal, a constant of a
 * class, a comment in the way), which the caller then reads from the tree.
 */
export function plainFirstArgument(text: string, argumentsStart: number): { readonly name: string; readonly at: number } | undefined {
  PLAIN_FIRST_ARGUMENT.lastIndex = argumentsStart;
  const m = PLAIN_FIRST_ARGUMENT.exec(text);
  return m ? { name: m[1], at: argumentsStart + m[0].indexOf(m[1]) } : undefined;
}

/** A name, a comma, and the start of another expression (a name, a number, a string, a parenthesis, a sign). */
const PLAIN_FIRST_ARGUMENT = /\s*([A-Za-z_$][\w$]*)\s*,\s*[\w$"'(-]/y;

/** Characters after which a name starts an expression of its own. */
const BEFORE_NAME: ReadonlySet<string> = new Set(['(', '{', '}', ';', ',', '=', '!', '&', '|', '?', ':', '+', '-', '*', '/', '%', '<', '>', '[', '^', '~']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

function isNameStart(c: number): boolean {
  return isNameChar(c) && !(c >= 48 && c <= 57);
}

/** The arguments of a call or constructor (named children of its argument list). */
export function argumentsOf(node: Node): Node[] {
  const list = node.childForFieldName('arguments');
  const out: Node[] = [];
  if (!list) return out;
  for (const c of list.namedChildren) {
    if (!c) continue;
    // Each `type` read is a call into WebAssembly: read it once.
    const type = c.type;
    if (type !== 'line_comment' && type !== 'block_comment') out.push(c);
  }
  return out;
}
