import type { ConfigEntry, ConfigGroup, DeploymentLinks, Edit, LibraryId, Range, Role, ValueBranch } from '../../model';
import { eolOf } from '../../text';
import { keyRole } from '../../roles';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';
import { entryIdentity, inBranchOutside } from '../common/syntax';
import type { JavaFile } from './file';
import { argumentsOf, callsNamed, checkPendingPut, endsLine, headRange, indentAt, ownLinesRange, statementOf } from './file';
import type { PendingPut } from './file';
import { KEY_CONSTANTS } from './keys';
import type { Decl, JavaValue, ValueStyle } from './symbols';
import { valueBranches } from '../common/branches';
import { javaString, renderJavaValue, simpleTypeName } from './symbols';

/**
 * Java config in code → config groups.
 *
 * A "config source" is a `Properties`/`Map` variable or an inline `Map.of(...)` literal. Its entries come from
 * the initializer (`Map.of`, `Map.ofEntries`, double-brace `put`s) and from `put`/`setProperty` calls on the
 * variable. Its roles come from where it flows within the file: `new KafkaProducer<>(props)`,
 * `new DefaultKafkaConsumerFactory<>(configs)`, `AdminClient.create(props)`, directly or through a method
 * that returns it (`new KafkaProducer<>(producerProps())`). Topics come from `new NewTopic(..)` and
 * Spring's `TopicBuilder`.
 */

/** One `key → value` written in the code, before it becomes a {@link ConfigEntry}. */
interface EntryDraft {
  readonly key: string;
  readonly rawKey: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
  /** Undefined when the value is an expression the scanner cannot read. */
  readonly value: JavaValue | undefined;
  readonly valueText: string;
  /**
   * The `props.put(...)` call; when it is a whole statement, removing that statement removes the entry. The
   * statement is looked up only when the entry becomes part of a group (`Node.parent` descends from the
   * root again), not for every put into a map that turns out not to be Kafka configuration.
   */
  readonly putCall?: Node;
  /** The literal branches of a conditional value (`flag ? "false" : "true"`). */
  readonly branches?: readonly ValueBranch[];
}

/** Where a config source is handed to a Kafka client. */
interface Flow {
  readonly role: Role;
  readonly library: LibraryId;
  readonly springContainer: boolean;
  readonly anchor: Node;
}

/** A `Properties`/`Map` variable or an inline map literal that holds client settings. */
interface Source {
  readonly decl?: Decl;
  readonly literal?: Node;
  readonly entries: EntryDraft[];
  readonly flows: Flow[];
  /** False when settings may come from elsewhere (a parameter, `putAll`, an unreadable key): no "unset" findings then. */
  complete: boolean;
  /** True when the source was merged into a topic group. */
  consumed: boolean;
  /** `put`/`setProperty` calls on the variable: their statements are where a new one is inserted (after the last). */
  readonly putCalls: Node[];
  /** The statements of {@link Source.putCalls} in source order, once {@link putStatementsOf} has looked them up. */
  putStatements?: Node[];
  /** When the source was first met, which orders the groups (see the pending puts in findJavaConfigGroups). */
  seq: number;
}

/** Kafka client constructors whose config argument we follow: type → (argument index, role). */
const CLIENT_CONSTRUCTORS: Readonly<Record<string, { readonly arg: number; readonly role: Role; readonly factory?: boolean }>> = {
  KafkaProducer: { arg: 0, role: 'producer' },
  KafkaConsumer: { arg: 0, role: 'consumer' },
  DefaultKafkaProducerFactory: { arg: 0, role: 'producer', factory: true },
  DefaultKafkaConsumerFactory: { arg: 0, role: 'consumer', factory: true },
  KafkaStreams: { arg: 1, role: 'streams' },
  StreamsConfig: { arg: 0, role: 'streams' },
};

/** Receivers of `of(..)`/`ofEntries(..)` that build a map literal. */
const MAP_FACTORY_OBJECTS = new Set(['Map', 'java.util.Map', 'ImmutableMap']);
/** Calls that set one setting on a `Properties`/`Map`. */
const PUT_METHODS = new Set(['put', 'setProperty', 'putIfAbsent']);
/** Map.of takes at most ten pairs. */
const MAP_OF_MAX_PAIRS = 10;

/** Finds every config group (clients and topics) in a Java file. */
export function findJavaConfigGroups(file: JavaFile): ConfigGroup[] {
  const sources = new Map<number, Source>();
  const byDecl = new Map<Decl, Source>();
  const { symbols } = file;
  /** Counts sources as they are met, and the pending puts in between (a pending put may be where one was first met). */
  let seq = 0;

  const sourceOfDecl = (decl: Decl): Source => {
    let s = byDecl.get(decl);
    if (!s) {
      s = { decl, entries: [], flows: [], complete: isCompleteInit(decl), consumed: false, putCalls: [], seq: seq++ };
      byDecl.set(decl, s);
      sources.set(decl.node.id, s);
      if (decl.init) readMapLiteral(file, decl.init, s);
    }
    return s;
  };
  const sourceOfLiteral = (node: Node): Source => {
    let s = sources.get(node.id);
    if (!s) {
      s = { literal: node, entries: [], flows: [], complete: true, consumed: false, putCalls: [], seq: seq++ };
      sources.set(node.id, s);
      readMapLiteral(file, node, s);
    }
    return s;
  };
  /** The sources an argument expression stands for: a variable, a literal, or a same-file method returning one. */
  const sourcesOfExpr = (expr: Node | undefined, depth = 0): Source[] => {
    if (!expr || depth > 3) return [];
    if (isMapLiteral(expr)) return [sourceOfLiteral(expr)];
    const decl = symbols.resolve(expr);
    if (decl) return decl.kind === 'config' ? [sourceOfDecl(decl)] : [];
    if (expr.type === 'method_invocation') {
      const object = expr.childForFieldName('object');
      if (object && object.type !== 'this') return [];
      const name = expr.childForFieldName('name')?.text;
      const out: Source[] = [];
      for (const m of (name && file.methods.get(name)) || []) {
        for (const ret of m.descendantsOfType('return_statement')) {
          const value = ret?.namedChild(0);
          if (ret && value && file.containers.enclosing(ret, ['method_declaration', 'lambda_expression', 'class_body'])?.id === m.id) out.push(...sourcesOfExpr(value, depth + 1));
        }
      }
      return out;
    }
    return [];
  };

  // Candidate sources: map variables initialized with a literal, and every variable given a `put`.
  for (const decl of symbols.all()) if (decl.kind === 'config' && decl.init && isMapLiteral(decl.init)) sourceOfDecl(decl);
  // Pending puts (file.ts, PendingPut) are where they would be among the calls looked up in the tree, and
  // count in `seq` as if they had made their variable's source; they are looked up in the tree below, only
  // for a variable whose source exists by then.
  const pendingByDecl = new Map<Decl, { readonly put: PendingPut; readonly seq: number }[]>();
  for (const name of PUT_METHODS) {
    const pending = file.pendingPuts.filter((p) => p.method === name);
    let next = 0;
    const deferUntil = (offset: number) => {
      for (; next < pending.length && pending[next].nameStart < offset; next++) {
        const put = pending[next];
        const list = pendingByDecl.get(put.decl);
        const entry = { put, seq: seq++ };
        if (list) list.push(entry);
        else pendingByDecl.set(put.decl, [entry]);
      }
    };
    for (const call of callsNamed(file, name)) {
      const site = file.callSites.get(call);
      deferUntil(site?.nameStart ?? call.startIndex);
      // A call on a plain name was resolved from the text when it was found (file.ts, CallSite.receiver).
      const decl = site?.receiver ?? symbols.resolve(call.childForFieldName('object'));
      if (!decl || decl.kind !== 'config') continue;
      const s = sourceOfDecl(decl);
      const [k, v] = argumentsOf(call);
      if (!k || !v) continue;
      s.putCalls.push(call);
      if (!addEntry(file, s, k, v, call)) s.complete = false;
    }
    deferUntil(Infinity);
  }
  for (const name of ['putAll', 'load', 'clear', 'remove']) {
    for (const call of callsNamed(file, name)) {
      const decl = file.callSites.get(call)?.receiver ?? symbols.resolve(call.childForFieldName('object'));
      if (decl && decl.kind === 'config') sourceOfDecl(decl).complete = false;
    }
  }
  for (const call of callsNamed(file, 'create')) {
    const object = call.childForFieldName('object');
    if (!object || !/^(AdminClient|Admin|KafkaAdminClient)$/.test(object.text)) continue;
    for (const s of sourcesOfExpr(argumentsOf(call)[0])) s.flows.push({ role: 'admin', library: 'java', springContainer: false, anchor: call });
  }
  for (const creation of file.creations) {
    const typeName = simpleTypeName(creation.childForFieldName('type'));
    const ctor = typeName ? CLIENT_CONSTRUCTORS[typeName] : undefined;
    if (!ctor) continue;
    const arg = argumentsOf(creation)[ctor.arg];
    const container = ctor.role === 'consumer' && ctor.factory === true && (file.hasListenerContainer || inBeanMethod(file, creation));
    for (const s of sourcesOfExpr(arg)) {
      s.flows.push({ role: ctor.role, library: container ? 'spring' : 'java', springContainer: container, anchor: creation });
    }
  }

  // Puts after the last client built from a local map configure nothing this file builds (see lastClientEnd).
  const cutoffs = new Map<Source, number>();
  for (const s of sources.values()) {
    const cutoff = lastClientEnd(file, s);
    if (cutoff === undefined) continue;
    cutoffs.set(s, cutoff);
    const late = (call: Node | undefined) => call !== undefined && call.startIndex >= cutoff;
    s.entries.splice(0, s.entries.length, ...s.entries.filter((e) => !late(e.putCall)));
    s.putCalls.splice(0, s.putCalls.length, ...s.putCalls.filter((c) => !late(c)));
  }

  const groups: ConfigGroup[] = [];
  for (const topic of findTopics(file, sourcesOfExpr)) groups.push(topic);
  // The pending puts of a variable whose source something else made and that becomes a group: each, if the
  // tree confirms it, makes the source incomplete, as a put of an unreadable key does. They cannot make a
  // group (no flow, no readable key), so those of any other variable are never looked up in the tree.
  for (const [decl, puts] of pendingByDecl) {
    const s = byDecl.get(decl);
    if (!s || s.consumed || !formsGroup(s)) continue;
    const cutoff = cutoffs.get(s);
    for (const { put, seq: at } of puts) {
      if (cutoff !== undefined && put.nameStart >= cutoff) continue;
      const call = checkPendingPut(file, put);
      if (!call) continue;
      const [k, v] = argumentsOf(call);
      if (!k || !v) continue;
      s.putCalls.push(call);
      s.complete = false;
      s.seq = Math.min(s.seq, at);
    }
  }
  for (const source of [...sources.values()].sort((a, b) => a.seq - b.seq)) {
    if (source.consumed) continue;
    // A map put into between two clients built from it: each client its own group (see perClient).
    const parts = source.decl && pendingByDecl.has(source.decl) ? undefined : (perClient(file, source) ?? perMethod(file, source) ?? perAssignment(file, source));
    for (const s of parts ?? [source]) {
      const group = toGroup(file, s, groups.length);
      if (group) groups.push(group);
    }
  }
  return groups;
}

/**
 * One source per client built from it, when the map is put into between the clients:
 *
 *     props.put(ConsumerConfig.GROUP_ID_CONFIG, "a");
 *     first = new KafkaConsumer<>(props);
 *     props.put(ConsumerConfig.GROUP_ID_CONFIG, "b");
 *     second = new KafkaConsumer<>(props);
 *
 * Each client copies the map when it is built, so `first` has group.id a and `second` group.id b: neither
 * put is a duplicate that the other overrides, and a lossy setting of the first client counts for it. The
 * source of client k holds the entries put before it, less those a later put before it sets again (an
 * unconditional put of the same key); an entry several clients take is judged once (lint drops identical
 * findings). Told only where {@link lastClientEnd} could tell it: a local variable assigned once, every
 * client built in its own function outside any loop ({@link builtOnce}), and between the first client and
 * the last no use of the variable but puts and those clients ({@link onlyPuts}). Otherwise undefined: one
 * source, every put counts.
 */
function perClient(file: JavaFile, s: Source): Source[] | undefined {
  const decl = s.decl;
  if (!decl || decl.isField || decl.reassigned || s.flows.length < 2 || s.putCalls.length === 0) return undefined;
  const flows = [...s.flows].sort((a, b) => a.anchor.startIndex - b.anchor.startIndex);
  const firstEnd = flows[0].anchor.endIndex;
  const lastEnd = flows[flows.length - 1].anchor.endIndex;
  if (!s.putCalls.some((c) => c.startIndex >= firstEnd && c.startIndex < lastEnd)) return undefined;
  const owner = file.containers.enclosing(decl.node, FUNCTION_TYPES);
  if (!owner || !flows.every((f) => builtOnce(file, f.anchor, owner))) return undefined;
  // Between the first client and the last: only puts into the variable and the clients themselves.
  if (!onlyPuts(file, decl, owner, firstEnd, lastEnd, flows.map((f) => f.anchor))) return undefined;
  // The client an entry is put for first: the number of clients built before its put.
  const ends = flows.map((f) => f.anchor.endIndex);
  const segment = (e: EntryDraft): number => (e.putCall ? ends.filter((end) => end <= e.putCall!.startIndex).length : 0);
  const segments = s.entries.map(segment);
  const unconditional = s.entries.map((e) => e.putCall === undefined || !inBranchOutside(e.putCall, decl.node, BRANCHES));
  return flows.map((flow, k) => {
    const entries = s.entries.filter((e, i) => {
      if (segments[i] > k) return false;
      // Set again before client k by a later client's put: client k does not see this value.
      return !s.entries.some((o, j) => j !== i && o.key === e.key && unconditional[j] && segments[j] > segments[i] && segments[j] <= k);
    });
    const putCalls = s.putCalls.filter((c) => c.startIndex < flow.anchor.endIndex);
    return partOf(s, k, flows.length, entries, [flow], putCalls);
  });
}

/**
 * Part `k` of `n` of a source that {@link perClient}, {@link perMethod} or {@link perAssignment} split: the
 * source's variable and completeness, its own entries, clients and puts, ordered just after the source.
 */
function partOf(s: Source, k: number, n: number, entries: EntryDraft[], flows: Source['flows'], putCalls: Source['putCalls']): Source {
  return { decl: s.decl, entries, flows, complete: s.complete, consumed: false, putCalls, seq: s.seq + k / (n + 1) };
}

/**
 * One source per client built from a field map, when each client is built in a method of its own:
 *
 *     private Properties props = new Properties();
 *     void setUp() { props.put(BOOTSTRAP_SERVERS_CONFIG, "k:9092"); }
 *     void fast()  { props.put(ACKS_CONFIG, "0");   producer = new KafkaProducer<>(props); }
 *     void safe()  { props.put(ACKS_CONFIG, "all"); producer = new KafkaProducer<>(props); }
 *
 * as test classes do (a field filled in `@Before`, each test adding its own setting). Each client copies the
 * map in its own method, after that method's puts: `fast`'s producer has acks=0, and `safe`'s put is no later
 * value that overrides it. The source of a client holds the field's initializer, the puts of the methods that
 * build no client (the set-up they share) and the puts of its own method before it; the puts of another
 * client's method are left out, as a test class gets a new instance per test. Told only when every client is
 * built once ({@link builtOnce}) in a method of its own and, in that method, nothing but puts uses the field
 * before the client ({@link onlyPuts}). Otherwise undefined: one source, every put counts.
 */
function perMethod(file: JavaFile, s: Source): Source[] | undefined {
  const decl = s.decl;
  if (!decl || !decl.isField || decl.reassigned || s.flows.length < 2 || s.putCalls.length === 0) return undefined;
  const flows = [...s.flows].sort((a, b) => a.anchor.startIndex - b.anchor.startIndex);
  const owners: Node[] = [];
  for (const f of flows) {
    const owner = file.containers.enclosing(f.anchor, FUNCTION_TYPES);
    if (!owner || owner.type !== 'method_declaration' || owners.some((o) => o.id === owner.id) || !builtOnce(file, f.anchor, owner)) return undefined;
    if (!onlyPuts(file, decl, owner, owner.startIndex, f.anchor.startIndex)) return undefined;
    owners.push(owner);
  }
  const ownerOf = (call: Node | undefined): number => {
    if (!call) return -1;
    const id = file.containers.enclosing(call, FUNCTION_TYPES)?.id;
    return owners.findIndex((o) => o.id === id);
  };
  // For client k: the initializer, the shared set-up, and its own method's puts before it.
  const seen = (call: Node | undefined, k: number): boolean => {
    const at = ownerOf(call);
    return at === -1 || (at === k && call!.startIndex < flows[k].anchor.startIndex);
  };
  return flows.map((flow, k) =>
    partOf(
      s,
      k,
      flows.length,
      s.entries.filter((e) => seen(e.putCall, k)),
      [flow],
      s.putCalls.filter((c) => seen(c, k)),
    ),
  );
}

/**
 * One source per map a local variable holds, when it is given a new empty map between examples:
 *
 *     Map<String, String> config = new HashMap<>();
 *     config.put("acks", "1");
 *     config = new HashMap<>();
 *     config.put("acks", "all");
 *
 * as example code does to show one client after another. The puts before `config = new HashMap<>()` go into
 * the map that statement drops, so the later `acks` is no repeat that overrides the first, and a lossy value
 * of the first map counts for it. Each source holds its map's puts and the clients built while the variable
 * held it. Told only for a variable declared with an empty map, each new one an empty map too
 * (`new HashMap<>()`, `new Properties()`) assigned by a statement of the declaring function's own code, in no
 * branch or loop, and the puts and clients all in that code. Otherwise undefined: one source, every put counts.
 */
function perAssignment(file: JavaFile, s: Source): Source[] | undefined {
  const decl = s.decl;
  const assignments = decl?.reassignments;
  if (!decl || decl.isField || !assignments || assignments.length === 0 || !decl.init || !isEmptyMap(decl.init)) return undefined;
  const owner = file.containers.enclosing(decl.node, FUNCTION_TYPES);
  if (!owner) return undefined;
  const ownCode = (n: Node) => file.containers.enclosing(n, FUNCTION_TYPES)?.id === owner.id;
  for (const a of assignments) {
    const right = a.childForFieldName('right');
    if (!right || !isEmptyMap(right) || a.parent?.type !== 'expression_statement' || !ownCode(a)) return undefined;
    for (let n = a.parent.parent; n && n.id !== owner.id; n = n.parent) if (LOOP_TYPES.has(n.type) || BRANCHES.has(n.type)) return undefined;
  }
  if (!s.putCalls.every(ownCode) || !s.flows.every((f) => ownCode(f.anchor))) return undefined;
  // The map a position sees: the number of new maps assigned before it.
  const starts = assignments.map((a) => a.endIndex);
  const mapAt = (offset: number) => starts.filter((end) => end <= offset).length;
  const parts: Source[] = [];
  for (let k = 0; k <= assignments.length; k++) {
    const flows = s.flows.filter((f) => mapAt(f.anchor.startIndex) === k);
    const entries = s.entries.filter((e) => (e.putCall ? mapAt(e.putCall.startIndex) : 0) === k);
    if (entries.length === 0 && flows.length === 0) continue;
    const putCalls = s.putCalls.filter((c) => mapAt(c.startIndex) === k);
    parts.push(partOf(s, k, assignments.length + 1, entries, flows, putCalls));
  }
  return parts.length > 1 ? parts : undefined;
}

/** `new HashMap<>()`, `new Properties()`: a new map with nothing in it. */
function isEmptyMap(node: Node): boolean {
  return node.type === 'object_creation_expression' && isMapLiteral(node) && argumentsOf(node).length === 0 && !hasClassBody(node);
}

/** Where a local variable's uses are bounded: the code that runs in one call. */
const FUNCTION_TYPES = ['method_declaration', 'constructor_declaration', 'lambda_expression'] as const;
/** Statements that run their body again, so that a put after a client's creation may come before the next one. */
const LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement']);
/** Calls that set one setting, by name, as the text shows them after the variable's name. */
const PUT_AFTER_NAME = /^\s*\.\s*(?:put|setProperty|putIfAbsent)\s*\(/;

/**
 * The offset after which puts into a source configure none of the clients this file builds from it, or
 * undefined when that cannot be told. A client takes a copy of its settings when it is built
 * (`new KafkaProducer<>(props)` reads `props` then), so in
 *
 *     props.put(ProducerConfig.ACKS_CONFIG, "0");
 *     producer = new KafkaProducer<>(props);
 *     props.put(ProducerConfig.ACKS_CONFIG, "all");
 *
 * the producer has acks=0: the later put is not part of its configuration (it is not a duplicate that wins,
 * and a setting a fix adds must go before the creation). Told only for a local variable, assigned once, whose
 * clients are all built in its own method outside any loop, and which is used after the last of them only
 * by puts; anything else (a field, a map handed on or built in a loop) keeps every put.
 */
function lastClientEnd(file: JavaFile, s: Source): number | undefined {
  const decl = s.decl;
  if (!decl || decl.isField || decl.reassigned || s.flows.length === 0 || s.putCalls.length === 0) return undefined;
  let last = s.flows[0].anchor;
  for (const f of s.flows) if (f.anchor.endIndex > last.endIndex) last = f.anchor;
  const cutoff = last.endIndex;
  if (!s.putCalls.some((c) => c.startIndex >= cutoff) && !file.pendingPuts.some((p) => p.decl === decl && p.nameStart >= cutoff)) return undefined;
  const owner = file.containers.enclosing(decl.node, FUNCTION_TYPES);
  if (!owner || !builtOnce(file, last, owner)) return undefined;
  // Every use after the last client: a put.
  return onlyPuts(file, decl, owner, cutoff, decl.scopeEnd) ? cutoff : undefined;
}

/** True when a client is built in `owner`'s own code (not a lambda of it) and in no loop there. */
function builtOnce(file: JavaFile, creation: Node, owner: Node): boolean {
  if (file.containers.enclosing(creation, FUNCTION_TYPES)?.id !== owner.id) return false;
  for (let n = creation.parent; n && n.id !== owner.id; n = n.parent) if (LOOP_TYPES.has(n.type)) return false;
  return true;
}

/**
 * True when every use of the variable from `from` to `to` is a put into it in `owner`'s own code (not a lambda
 * that may run earlier or later), uses inside `clients` (the creations that take it) aside.
 */
function onlyPuts(file: JavaFile, decl: Decl, owner: Node, from: number, to: number, clients: readonly Node[] = []): boolean {
  const name = decl.name.replace(/\$/g, '\\$');
  const use = new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g');
  use.lastIndex = from;
  for (let m = use.exec(file.text); m && m.index < to; m = use.exec(file.text)) {
    const at = m.index;
    if (clients.some((c) => c.startIndex <= at && at < c.endIndex)) continue;
    if (!PUT_AFTER_NAME.test(file.text.slice(at + m[0].length, at + m[0].length + 40))) return false;
    const id = file.root.descendantForIndex(at, at + m[0].length);
    if (!id || file.containers.enclosing(id, FUNCTION_TYPES)?.id !== owner.id) return false;
  }
  return true;
}

/** True when `node` is inside a method annotated `@Bean` (Spring wires such factories into its listener containers). */
function inBeanMethod(file: JavaFile, node: Node): boolean {
  const method = file.containers.enclosing(node, ['method_declaration']);
  if (!method) return false;
  const first = method.firstNamedChild;
  return first?.type === 'modifiers' && /@Bean\b/.test(first.text);
}

/** True when a variable's initializer shows every setting it starts with (`new Properties()`, `Map.of(..)`). */
function isCompleteInit(decl: Decl): boolean {
  const init = decl.init;
  if (!init || decl.reassigned) return false;
  if (isMapLiteral(init)) return true;
  if (init.type === 'object_creation_expression') {
    const args = argumentsOf(init);
    return args.length === 0 || (args.length === 1 && isMapLiteral(args[0]));
  }
  return false;
}

/** `Map.of(..)`, `Map.ofEntries(..)`, `new HashMap<>(Map.of(..))`, `new Properties() {{ put(..); }}`. */
function isMapLiteral(node: Node): boolean {
  if (node.type === 'method_invocation') {
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('name')?.text;
    return !!object && MAP_FACTORY_OBJECTS.has(object.text) && (name === 'of' || name === 'ofEntries');
  }
  if (node.type === 'object_creation_expression') {
    const t = simpleTypeName(node.childForFieldName('type'));
    if (!t || !['Properties', 'HashMap', 'LinkedHashMap', 'TreeMap', 'ConcurrentHashMap', 'Hashtable'].includes(t)) return false;
    const args = argumentsOf(node);
    return hasClassBody(node) !== undefined || (args.length === 1 && isMapLiteral(args[0])) || args.length === 0;
  }
  return false;
}

/** The anonymous class body of a `new X() {{ .. }}` expression. */
function hasClassBody(node: Node): Node | undefined {
  const last = node.lastNamedChild;
  return last?.type === 'class_body' ? last : undefined;
}

/** Reads the entries a map literal starts with into `s`. */
function readMapLiteral(file: JavaFile, node: Node, s: Source): void {
  if (node.type === 'method_invocation') {
    const name = node.childForFieldName('name')?.text;
    const object = node.childForFieldName('object');
    if (!object || !MAP_FACTORY_OBJECTS.has(object.text)) return;
    const args = argumentsOf(node);
    if (name === 'of') {
      for (let i = 0; i + 1 < args.length; i += 2) if (!addEntry(file, s, args[i], args[i + 1])) s.complete = false;
    } else if (name === 'ofEntries') {
      for (const e of args) {
        const ename = e.type === 'method_invocation' ? e.childForFieldName('name')?.text : undefined;
        const pair = ename === 'entry' ? argumentsOf(e) : [];
        if (pair.length !== 2 || !addEntry(file, s, pair[0], pair[1])) s.complete = false;
      }
    }
    return;
  }
  if (node.type === 'object_creation_expression') {
    const args = argumentsOf(node);
    if (args.length === 1) readMapLiteral(file, args[0], s);
    const body = hasClassBody(node);
    if (!body) return;
    // Double-brace initialization: `new Properties() {{ put(k, v); }}`.
    for (const call of body.descendantsOfType('method_invocation')) {
      if (!call) continue;
      const name = call.childForFieldName('name')?.text;
      const object = call.childForFieldName('object');
      if (!name || !PUT_METHODS.has(name) || (object && object.type !== 'this')) continue;
      const [k, v] = argumentsOf(call);
      if (k && v && !addEntry(file, s, k, v)) s.complete = false;
    }
  }
}

/** Adds `key → value` to a source; false when the key is not readable (then the source is incomplete). */
function addEntry(file: JavaFile, s: Source, keyNode: Node, valueNode: Node, putCall?: Node): boolean {
  const key = file.symbols.evaluateKey(keyNode);
  if (key === undefined) return false;
  s.entries.push({
    key,
    rawKey: keyNode.text,
    keyRange: nodeRange(keyNode),
    valueRange: nodeRange(valueNode),
    value: file.symbols.evaluate(valueNode),
    valueText: valueNode.text,
    putCall,
    branches: valueBranches(valueNode, (branch) => {
      const v = file.symbols.evaluate(branch);
      return v && { value: v.value, renderValue: (value: string) => renderJavaValue(v.style, value) };
    }),
  });
  return true;
}

/** False when {@link toGroup} is sure to make no group of the source: no client takes it and no key says what it configures. */
function formsGroup(s: Source): boolean {
  return s.flows.length > 0 || s.entries.some((e) => GROUP_ROLES.has(keyRole(e.key) as Role));
}

/** The roles a source's keys give it when no client in the file takes it (see {@link toGroup}). */
const GROUP_ROLES: ReadonlySet<Role> = new Set<Role>(['producer', 'consumer', 'topic']);

/** Turns a source into a group, or undefined when nothing shows it configures Kafka. */
function toGroup(file: JavaFile, s: Source, index: number): ConfigGroup | undefined {
  const roles: Role[] = [];
  for (const f of s.flows) if (!roles.includes(f.role)) roles.push(f.role);
  const fromKeys = roles.length === 0;
  if (fromKeys) {
    // No client in this file takes it: the keys say what it configures (serializers → producer, group.id → consumer).
    const seen = new Set<Role>();
    for (const e of s.entries) {
      const r = keyRole(e.key);
      if (r === 'producer' || r === 'consumer' || r === 'topic' || r === 'streams') seen.add(r);
    }
    if (seen.size === 0) return undefined;
    // A Kafka Streams key (`application.id`, `processing.guarantee`) makes it a Streams app's config, as if
    // handed to `new KafkaStreams(..)` here: its consumer keys are for the consumers Streams builds, which
    // commit as Streams decides (it turns auto-commit off), not a plain consumer's.
    if (seen.has('streams')) roles.push('streams');
    else for (const r of ['producer', 'consumer', 'topic'] as const) if (seen.has(r)) roles.push(r);
  }
  const flow = s.flows[0];
  const library: LibraryId = flow ? flow.library : 'java';
  const springContainer = s.flows.some((f) => f.springContainer);
  // "Unset" findings only when the whole config is visible here: a parameter or a `putAll` may set anything.
  const effectiveRoles = s.complete ? roles : [];
  const entryRole = roles.length === 1 ? roles[0] : undefined;
  // Calls were gathered per method name; Kafka's last-wins rule needs source order.
  s.entries.sort((a, b) => a.keyRange.start - b.keyRange.start);
  const entries: ConfigEntry[] = s.entries.map((e) => toEntry(file, e, index, entryRole, s.decl?.node ?? s.literal));
  const anchorNode = flow?.anchor ?? s.literal ?? s.decl?.node;
  if (!anchorNode) return undefined;
  const bootstrap = s.entries.filter((e) => e.key === 'bootstrap.servers').pop();
  const brokerInCode = bootstrap !== undefined && bootstrap.value === undefined && startedInCode(file, bootstrap.valueText);
  return {
    ...(brokerInCode ? { links: { brokerInCode: true } } : {}),
    roles: effectiveRoles,
    library,
    entries,
    anchor: headRange(file.text, anchorNode),
    springContainer: springContainer || undefined,
    builtHere: fromKeys ? undefined : true,
    insertEntry: (key, value) => insertEntry(file, s, key, value),
  };
}

/**
 * Types of the brokers tests start in their own code: Testcontainers' Kafka and Redpanda containers,
 * spring-kafka-test's embedded brokers, the embedded clusters of Kafka's and Confluent's test kits.
 */
const BROKER_IN_CODE_TYPES: ReadonlySet<string> = new Set([
  'KafkaContainer',
  'ConfluentKafkaContainer',
  'RedpandaContainer',
  'EmbeddedKafkaBroker',
  'EmbeddedKafkaZKBroker',
  'EmbeddedKafkaKraftBroker',
  'EmbeddedKafkaCluster',
  'EmbeddedSingleNodeKafkaCluster',
  'KafkaClusterTestKit',
]);
/** `kafka.getBootstrapServers()`, `embeddedKafka.getBrokersAsString()`, `CLUSTER.bootstrapServers()`. */
const BROKER_ADDRESS_CALL = /^([A-Za-z_$][\w$]*)\s*\.\s*(?:getBootstrapServers|getBrokersAsString|bootstrapServers)\s*\(\s*\)$/;

/**
 * True when a `bootstrap.servers` value is the address of a broker the file's code starts: a call above on
 * a variable declared (or created) in the file with one of {@link BROKER_IN_CODE_TYPES}. The same call on
 * anything else (Spring Boot's `KafkaProperties.getBootstrapServers()`, the application's settings) is not.
 */
function startedInCode(file: JavaFile, valueText: string): boolean {
  const call = BROKER_ADDRESS_CALL.exec(valueText.trim());
  if (!call) return false;
  const name = call[1].replace(/\$/g, '\\$');
  // `KafkaContainer kafka = …`, `EmbeddedKafkaBroker embeddedKafka;`, `var kafka = new KafkaContainer(…)`.
  const declared = new RegExp(`(?:\\b([A-Z][\\w$]*)\\s*(?:<[^<>;=(){}]*>)?\\s+${name}\\s*[;=,)]|(?<![\\w$.])${name}\\s*=\\s*new\\s+([A-Z][\\w$]*))`, 'g');
  for (let m = declared.exec(file.text); m; m = declared.exec(file.text)) {
    if (BROKER_IN_CODE_TYPES.has(m[1] ?? m[2])) return true;
  }
  return false;
}

/** The statements of a source's `put` calls that are whole statements, in source order (looked up once). */
function putStatementsOf(s: Source): Node[] {
  s.putStatements ??= s.putCalls
    .map(statementOf)
    .filter((n): n is Node => n !== undefined)
    .sort((a, b) => a.startIndex - b.startIndex);
  return s.putStatements;
}

/** Statements whose body runs only on some paths. */
const BRANCHES: ReadonlySet<string> = new Set([
  'if_statement',
  'for_statement',
  'enhanced_for_statement',
  'while_statement',
  'do_statement',
  'switch_block_statement_group',
  'switch_rule',
  'catch_clause',
]);

/** A draft entry as the model's entry, with its Java rendering. */
function toEntry(file: JavaFile, e: EntryDraft, index: number, role: Role | undefined, definition?: Node): ConfigEntry {
  const style: ValueStyle = e.value?.style ?? 'other';
  // A put under an `if` (or in a loop, a `case`, a `catch`) that the map itself is not in is an alternative,
  // not a repeat: an identity of its own keeps it from counting as a duplicate (as in the Go and Python scanners).
  const conditional = e.putCall !== undefined && definition !== undefined && inBranchOutside(e.putCall, definition, BRANCHES);
  const statement = e.putCall ? statementOf(e.putCall) : undefined;
  const removeRange = statement ? ownLinesRange(file.text, statement) : undefined;
  return {
    key: e.key,
    // An expression we cannot evaluate reads as a placeholder: rules skip it instead of guessing.
    value: e.value ? e.value.value : `\${${e.valueText}}`,
    rawKey: e.rawKey,
    identity: entryIdentity(index, e.key, conditional, e.keyRange.start),
    keyRange: e.keyRange,
    valueRange: e.valueRange,
    removeRange,
    role,
    renderValue: e.value ? (v: string) => renderJavaValue(style, v) : undefined,
    ...(e.branches ? { branches: e.branches } : {}),
    ...(VALUE_CLASSES[style] ? { valueClass: VALUE_CLASSES[style] } : {}),
  };
}

/** The class of the object a value of each style puts into a map (a Java `int` is boxed to an Integer). */
const VALUE_CLASSES: Partial<Record<ValueStyle, string>> = {
  int: 'java.lang.Integer',
  long: 'java.lang.Long',
  short: 'java.lang.Short',
  bool: 'java.lang.Boolean',
  boolObj: 'java.lang.Boolean',
};

/**
 * How the source spells keys: the constant of the config class it already uses (`ProducerConfig.ACKS_CONFIG`,
 * or a bare `ACKS_CONFIG` when that class is statically imported with `.*`), else a string literal.
 */
function spellKey(file: JavaFile, s: Source, key: string): string {
  for (const e of s.entries) {
    const raw = e.rawKey.replace(/\s+/g, '');
    const qualified = /^(?:[\w.]*\.)?(\w+)\.\w+$/.exec(raw);
    const bareClass = /^\w+$/.test(raw) ? file.symbols.staticConstantClass(raw) : undefined;
    const cls = qualified?.[1] ?? bareClass;
    const constants = cls ? KEY_CONSTANTS[cls] : undefined;
    if (!cls || !constants) continue;
    const name = Object.keys(constants).find((n) => constants[n] === key);
    if (!name) continue;
    if (qualified) return `${cls}.${name}`;
    if (file.symbols.hasStaticWildcard(cls)) return name;
  }
  return javaString(key);
}

/** The edit that adds `key = value` to a source, in its own style; undefined when no safe place exists. */
function insertEntry(file: JavaFile, s: Source, key: string, value: string): Edit | undefined {
  const keyText = spellKey(file, s, key);
  const valueText = javaString(value);
  const literal = s.literal ?? (s.decl?.init && isMapLiteral(s.decl.init) && putStatementsOf(s).length === 0 ? s.decl.init : undefined);
  if (literal && literal.type === 'method_invocation') return insertIntoMapFactory(file, literal, keyText, valueText);
  const decl = s.decl;
  if (!decl) return undefined;
  // After the last put in the declaration's own block, else after the declaration itself.
  const block = decl.statement?.parent;
  const puts = putStatementsOf(s).filter((p) => (block ? p.parent?.id === block.id : true));
  const after = puts.length > 0 ? puts[puts.length - 1] : decl.statement;
  if (!after || !endsLine(file.text, after)) return undefined;
  const lastCall = puts.length > 0 ? puts[puts.length - 1].namedChild(0) : undefined;
  const method = lastCall?.childForFieldName('name')?.text ?? (decl.typeName === 'Properties' ? 'setProperty' : 'put');
  const object = lastCall?.childForFieldName('object')?.text ?? decl.name;
  const indent = indentAt(file.text, after.startIndex);
  return { range: { start: after.endIndex, end: after.endIndex }, newText: `${eolOf(file.text)}${indent}${object}.${method === 'putIfAbsent' ? 'put' : method}(${keyText}, ${valueText});` };
}

/** Adds a pair to `Map.of(..)` (at most ten pairs) or an entry to `Map.ofEntries(..)`. */
function insertIntoMapFactory(file: JavaFile, call: Node, keyText: string, valueText: string): Edit | undefined {
  const name = call.childForFieldName('name')?.text;
  const list = call.childForFieldName('arguments');
  if (!list || list.hasError) return undefined;
  const args = argumentsOf(call);
  const item = name === 'of' ? `${keyText}, ${valueText}` : `Map.entry(${keyText}, ${valueText})`;
  if (name === 'of' && args.length / 2 >= MAP_OF_MAX_PAIRS) return undefined;
  if (args.length === 0) return { range: { start: list.startIndex + 1, end: list.startIndex + 1 }, newText: item };
  const last = args[args.length - 1];
  const multiLine = file.text.slice(list.startIndex, last.startIndex).includes('\n');
  const sep = multiLine ? `,${eolOf(file.text)}${indentAt(file.text, last.startIndex)}` : ', ';
  return { range: { start: last.endIndex, end: last.endIndex }, newText: `${sep}${item}` };
}

/**
 * Topics created in code: `new NewTopic(name, partitions, (short) rf)` (with `.configs(map)`) and Spring's
 * `TopicBuilder.name(..).replicas(n).config(k, v)`.
 */
function findTopics(file: JavaFile, sourcesOfExpr: (expr: Node | undefined) => Source[]): ConfigGroup[] {
  const groups: ConfigGroup[] = [];
  const build = (anchor: Node, library: LibraryId, rf: { node: Node; rawKey: string; value: JavaValue } | undefined, extra: EntryDraft[], nameArg: Node | undefined) => {
    const index = groups.length;
    const entries: ConfigEntry[] = [];
    if (rf) {
      const range = nodeRange(rf.node);
      entries.push({
        key: 'replication.factor',
        value: rf.value.value,
        rawKey: rf.rawKey,
        identity: `topic${index}:replication.factor`,
        keyRange: range,
        valueRange: range,
        role: 'topic',
        renderValue: (v) => renderJavaValue(rf.value.style, v),
      });
    }
    for (const e of extra) entries.push({ ...toEntry(file, e, index, 'topic'), identity: `topic${index}:${e.key}` });
    if (entries.length === 0) return;
    // The topic's name, when the code states it (a literal or a constant): the deployment model links it by name.
    const name = nameArg ? file.symbols.evaluate(nameArg)?.value : undefined;
    const links: DeploymentLinks | undefined = name ? { topics: [{ name, use: 'defines', range: nodeRange(nameArg!) }] } : undefined;
    groups.push({ roles: ['topic'], library, entries, anchor: headRange(file.text, anchor), ...(links ? { links } : {}) });
  };
  const configsOf = (arg: Node | undefined): EntryDraft[] => {
    const out: EntryDraft[] = [];
    for (const s of sourcesOfExpr(arg)) {
      s.consumed = true;
      out.push(...s.entries);
    }
    return out;
  };

  for (const creation of file.creations) {
    if (simpleTypeName(creation.childForFieldName('type')) !== 'NewTopic') continue;
    const args = argumentsOf(creation);
    let rfNode = args.length === 3 ? args[2] : undefined;
    // `Optional.of((short) 3)`: the value inside; `Optional.empty()` keeps the broker default (no entry).
    if (rfNode?.type === 'method_invocation' && rfNode.childForFieldName('name')?.text === 'of') rfNode = argumentsOf(rfNode)[0];
    const value = rfNode ? file.symbols.evaluate(rfNode) : undefined;
    const extra: EntryDraft[] = [];
    for (let p = creation.parent, obj: Node = creation; p?.type === 'method_invocation' && p.childForFieldName('object')?.id === obj.id; obj = p, p = p.parent) {
      if (p.childForFieldName('name')?.text === 'configs') extra.push(...configsOf(argumentsOf(p)[0]));
    }
    build(creation, 'java', rfNode && value && /^-?\d+$/.test(value.value) ? { node: rfNode, rawKey: 'replicationFactor', value } : undefined, extra, args[0]);
  }

  for (const call of callsNamed(file, 'name')) {
    const object = call.childForFieldName('object');
    if (!object || !/(^|\.)TopicBuilder$/.test(object.text)) continue;
    let rf: { node: Node; rawKey: string; value: JavaValue } | undefined;
    const extra: EntryDraft[] = [];
    for (let p = call.parent, obj: Node = call; p?.type === 'method_invocation' && p.childForFieldName('object')?.id === obj.id; obj = p, p = p.parent) {
      const name = p.childForFieldName('name')?.text;
      const args = argumentsOf(p);
      if (name === 'replicas' && args.length === 1) {
        const value = file.symbols.evaluate(args[0]);
        rf = value && /^-?\d+$/.test(value.value) ? { node: args[0], rawKey: 'replicas', value } : undefined;
      } else if (name === 'config' && args.length === 2) {
        const key = file.symbols.evaluateKey(args[0]);
        if (key !== undefined) {
          extra.push({ key, rawKey: args[0].text, keyRange: nodeRange(args[0]), valueRange: nodeRange(args[1]), value: file.symbols.evaluate(args[1]), valueText: args[1].text });
        }
      } else if (name === 'configs' && args.length === 1) extra.push(...configsOf(args[0]));
    }
    build(call, 'spring', rf, extra, argumentsOf(call)[0]);
  }
  return groups;
}
