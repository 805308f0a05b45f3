import type { AnalyzedDocument, CodeFact, ConfigGroup, DocumentKind } from '../../model';
import type { Scanner } from '../types';
import type { GrammarName, Node, Tree } from '../common/tree-sitter';
import { nodeRange, parseDocument } from '../common/tree-sitter';
import type { ObjectResolver } from './config';
import { buildClientGroup, buildOptionsGroup, GroupBuilder, SEND_OPTIONS, SUBSCRIBE_OPTIONS } from './config';
import type { AsyncNames } from './facts';
import { deliveryReportIgnoresErrorFact, earlyOffsetFact, handlerFacts, produceWithoutReportFact, rdkafkaProducerClass, unhandledSendFact } from './facts';
import { swallowedErrorFacts } from './swallowed-errors';
import type { Sym } from './symbols';
import { SymbolTable } from './symbols';
import { namedChildren, walkTree } from '../common/syntax';
import { callArguments, enclosingFunction, isAsyncFunction, pairKey, unwrap } from './syntax';

/**
 * The JavaScript/TypeScript scanner: kafkajs and @confluentinc/kafka-javascript (its KafkaJS API and its
 * node-rdkafka style API) client code → config groups and code facts.
 *
 * Only values that provably come from a Kafka package count: the file must import one, and a `send()` is
 * a Kafka send only when its receiver was made by `kafka.producer()` (or is typed as a kafkajs Producer).
 */

/** The grammar for a path: TSX for `.tsx`, TypeScript for `.ts`/`.mts`/`.cts`, JavaScript otherwise. */
export function grammarFor(path: string, kind: DocumentKind): GrammarName {
  const name = path.toLowerCase();
  if (name.endsWith('.tsx')) return 'tsx';
  if (/\.(ts|mts|cts)$/.test(name)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/.test(name)) return 'javascript';
  return kind === 'typescript' ? 'typescript' : 'javascript';
}

/** Everything the walk collects in one pass, for the passes that follow. */
interface Collected {
  readonly calls: Node[];
  readonly news: Node[];
  readonly objectVars: Map<string, Node>;
  readonly functions: Map<string, Node>;
  readonly methods: Map<string, Node>;
  readonly asyncFunctions: Set<string>;
  readonly asyncMethods: Set<string>;
}

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function']);

/** node-rdkafka consumer methods that commit an offset, or store it for the next auto-commit. */
const RDKAFKA_COMMITS: ReadonlySet<string> = new Set(['commit', 'commitSync', 'commitMessage', 'commitMessageSync', 'offsetsStore']);

/** The node types the collecting walk looks at (bindings, calls, functions). */
const VISITED: ReadonlySet<string> = new Set([
  'import_statement',
  'call_expression',
  'new_expression',
  'variable_declarator',
  'assignment_expression',
  'public_field_definition',
  'field_definition',
  'required_parameter',
  'optional_parameter',
  'function_declaration',
  'method_definition',
]);

function collect(symbols: SymbolTable, walk: (visit: (n: Node) => void) => void): Collected {
  const c: Collected = { calls: [], news: [], objectVars: new Map(), functions: new Map(), methods: new Map(), asyncFunctions: new Set(), asyncMethods: new Set() };
  walk((node) => {
    symbols.collect(node);
    switch (node.type) {
      case 'call_expression':
        c.calls.push(node);
        break;
      case 'new_expression':
        c.news.push(node);
        break;
      case 'function_declaration': {
        const name = node.childForFieldName('name');
        if (name) {
          c.functions.set(name.text, node);
          if (isAsyncFunction(node)) c.asyncFunctions.add(name.text);
        }
        break;
      }
      case 'method_definition': {
        const name = node.childForFieldName('name');
        if (name && node.parent?.type === 'class_body') {
          c.methods.set(name.text, node);
          if (isAsyncFunction(node)) c.asyncMethods.add(name.text);
        }
        break;
      }
      case 'variable_declarator':
      case 'public_field_definition': {
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (!name || !value) break;
        const v = unwrap(value);
        if (v.type === 'object' && node.type === 'variable_declarator') c.objectVars.set(name.text, v);
        if (FUNCTION_VALUES.has(v.type)) {
          if (node.type === 'variable_declarator') {
            c.functions.set(name.text, v);
            if (isAsyncFunction(v)) c.asyncFunctions.add(name.text);
          } else {
            c.methods.set(name.text, v);
            if (isAsyncFunction(v)) c.asyncMethods.add(name.text);
          }
        }
        break;
      }
    }
  });
  return c;
}

/** The receiver and method name of `x.method(...)`. */
function methodCall(call: Node): { object: Node; method: string; callee: Node } | undefined {
  const callee = call.childForFieldName('function');
  if (!callee || callee.type !== 'member_expression') return undefined;
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('property')?.text;
  return object && method ? { object, method, callee } : undefined;
}

/** The handler function an `eachMessage`/`eachBatch` property names: inline, a function in the file, or `this.method`. */
function handlerOf(member: Node, c: Collected): Node | undefined {
  if (member.type === 'method_definition') return member;
  if (member.type === 'shorthand_property_identifier') return c.functions.get(member.text);
  const value = member.childForFieldName('value');
  if (!value) return undefined;
  const v = unwrap(value);
  if (FUNCTION_VALUES.has(v.type)) return v;
  if (v.type === 'identifier') return c.functions.get(v.text);
  if (v.type === 'member_expression' && v.childForFieldName('object')?.type === 'this') {
    const prop = v.childForFieldName('property')?.text;
    return prop ? c.methods.get(prop) : undefined;
  }
  return undefined;
}

/** Scans one JS/TS document. Never throws on half-typed code: what tree-sitter could not parse is skipped. */
async function scanJavaScript(path: string, text: string, kind: DocumentKind): Promise<AnalyzedDocument> {
  const empty: AnalyzedDocument = { path, text, kind, isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '//' };
  // Cheap gate: a file that never names a Kafka package cannot import one.
  if (!/kafkajs|@confluentinc\/kafka-javascript|node-rdkafka/.test(text)) return empty;
  const tree = await parseDocument(grammarFor(path, kind), path, text);
  try {
    return analyzeJavaScript(path, text, kind, tree, empty);
  } catch {
    // A scanner bug on unusual input must not take the editor's other diagnostics down: report nothing.
    return empty;
  }
}

/** Reads a parsed JS/TS tree into the model (synchronous: the grammar is loaded by now). */
function analyzeJavaScript(path: string, text: string, kind: DocumentKind, tree: Tree, empty: AnalyzedDocument): AnalyzedDocument {
  const symbols = new SymbolTable();
  const c = collect(symbols, (visit) => walkTree(tree, VISITED, visit));
  symbols.settle();
  if (!symbols.importsKafka) return empty;

  const objects: ObjectResolver = (node) => {
    const n = unwrap(node);
    if (n.type === 'object') return n;
    // `{ retry }` names the variable it takes its value from.
    return n.type === 'identifier' || n.type === 'shorthand_property_identifier' ? c.objectVars.get(n.text) : undefined;
  };
  const groups: ConfigGroup[] = [];
  const builders = new Map<number, GroupBuilder>();
  /** The producers made from each `new Kafka(...)` of the file, by the client's node id: their first option objects. */
  const producersOf = new Map<number, { readonly client: Node; readonly producers: (Node | undefined)[] }>();
  const facts: CodeFact[] = [];
  const names: AsyncNames = { functions: c.asyncFunctions, methods: c.asyncMethods };

  // Clients made in this file, in source order: one group each.
  const sites = [...c.calls, ...c.news].sort((a, b) => a.startIndex - b.startIndex);
  for (const node of sites) {
    const sym = symbols.resolve(node);
    if (!sym || (sym.t !== 'producer' && sym.t !== 'consumer') || sym.site?.id !== node.id) continue;
    const args = callArguments(node);
    const argList = node.childForFieldName('arguments') ?? undefined;
    const configs = sym.lib === 'librdkafka' ? args.slice(0, 2) : args.slice(0, 1);
    const resolved = configs.map((a) => objects(a));
    // `kafka.producer` or `new Kafka.Producer`, without the arguments: where findings about the client as a whole go.
    const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function') ?? node;
    const anchor = { start: node.startIndex, end: callee.endIndex };
    const { group, builder } = buildOptionsGroup(
      text,
      groups.length,
      { library: sym.lib, role: sym.t, objects: resolved, opaque: resolved.some((o) => !o), args: argList, anchor },
      objects,
    );
    builders.set(node.id, builder);
    groups.push(group);
    if (sym.t === 'producer' && sym.client) {
      const made = producersOf.get(sym.client.id);
      if (made) made.producers.push(resolved[0]);
      else producersOf.set(sym.client.id, { client: sym.client, producers: [resolved[0]] });
    }
  }
  // `new Kafka({...})`: what the client hands to the producers it makes (kafkajs, confluent-js), once.
  for (const node of c.news) {
    const sym = symbols.resolve(node);
    if (sym?.t !== 'kafka' || sym.site?.id !== node.id) continue;
    const arg = callArguments(node)[0];
    const options = arg ? objects(arg) : undefined;
    if (!options) continue;
    const callee = node.childForFieldName('constructor') ?? node;
    const group = buildClientGroup(text, groups.length, sym.lib, options, producersOf.get(node.id)?.producers ?? [], objects, { start: node.startIndex, end: callee.endIndex });
    if (group) groups.push(group);
  }

  const isKafkaSend = (call: Node): boolean => {
    const m = methodCall(call);
    if (!m || (m.method !== 'send' && m.method !== 'sendBatch')) return false;
    const s = symbols.resolve(m.object);
    return !!s && (s.t === 'producer' || s.t === 'transaction') && s.lib !== 'librdkafka';
  };

  for (const call of c.calls) {
    const m = methodCall(call);
    if (!m) continue;
    const sym = symbols.resolve(m.object);
    if (!sym) continue;
    if ((sym.t === 'producer' || sym.t === 'transaction') && isKafkaSend(call)) {
      if (sym.lib === 'kafkajs') addSendAcks(text, call, groups, objects);
      const fact = unhandledSendFact(call, m.callee, m.method, sym.lib);
      if (fact) facts.push(fact);
    } else if (sym.t === 'producer' && sym.lib === 'librdkafka' && m.method === 'produce') {
      // Only when the producer's whole configuration is known: a config from elsewhere may turn reports on.
      const config = sym.site ? builders.get(sym.site.id) : undefined;
      const fact = config && config.complete && !config.deliveryReports ? produceWithoutReportFact(call, m.callee, rdkafkaProducerClass(sym.site)) : undefined;
      if (fact) facts.push(fact);
    } else if (sym.t === 'producer' && sym.lib === 'librdkafka' && m.method === 'on') {
      const fact = deliveryReportIgnoresErrorFact(call);
      if (fact) facts.push(fact);
    } else if (sym.t === 'consumer' && sym.lib === 'librdkafka' && RDKAFKA_COMMITS.has(m.method)) {
      // node-rdkafka style: `consumer.on('data', (message) => { consumer.commitMessage(message); handle(message); })`.
      const fn = enclosingFunction(call);
      const body = fn?.childForFieldName('body');
      const fact = body && body.type === 'statement_block' ? earlyOffsetFact(call, body, 'librdkafka', text) : undefined;
      if (fact) facts.push(fact);
    } else if (sym.t === 'consumer' && sym.lib === 'kafkajs' && m.method === 'subscribe') {
      addSubscribe(text, call, sym, builders, groups, objects);
    } else if (sym.t === 'consumer' && sym.lib !== 'librdkafka' && m.method === 'run') {
      const options = callArguments(call)[0];
      const object = options ? objects(options) : undefined;
      for (const member of object ? namedChildren(object) : []) {
        const name = member.type === 'shorthand_property_identifier' ? member.text : member.type === 'method_definition' ? member.childForFieldName('name')?.text : member.type === 'pair' ? pairKey(member)?.name : undefined;
        if (name !== 'eachMessage' && name !== 'eachBatch') continue;
        const handler = handlerOf(member, c);
        if (!handler) continue;
        facts.push(...handlerFacts(handler, name, names, sym.lib, isKafkaSend));
        if (object) facts.push(...swallowedErrorFacts(handler, name, object, sym.lib));
        const body = handler.childForFieldName('body');
        for (const offsetCall of body ? offsetCalls(body, symbols) : []) {
          const fact = earlyOffsetFact(offsetCall, body as Node, sym.lib, text);
          if (fact) facts.push(fact);
        }
      }
    }
  }
  return { path, text, kind, isKafka: true, groups, facts: dedupe(facts), problems: [], commentPrefix: '//' };
}

/** `resolveOffset(...)`, `payload.resolveOffset(...)` and `consumer.commitOffsets(...)` calls anywhere in a handler body. */
function offsetCalls(body: Node, symbols: SymbolTable): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'call_expression') {
      const callee = n.childForFieldName('function');
      if (callee?.type === 'identifier' && callee.text === 'resolveOffset') out.push(n);
      else if (callee?.type === 'member_expression') {
        const prop = callee.childForFieldName('property')?.text;
        const object = callee.childForFieldName('object');
        if (prop === 'resolveOffset' || (prop === 'commitOffsets' && object && symbols.resolve(object)?.t === 'consumer')) out.push(n);
      }
    }
    for (const c of namedChildren(n)) stack.push(c);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/** A kafkajs `send({ acks })`: acks is per call, so each such send is its own group of one entry. */
function addSendAcks(text: string, call: Node, groups: ConfigGroup[], objects: ObjectResolver): void {
  const arg = callArguments(call)[0];
  const object = arg ? objects(arg) : undefined;
  if (!object) return;
  const b = new GroupBuilder(text, groups.length, 'producer');
  b.readOptions(object, SEND_OPTIONS, objects);
  if (b.entries.length === 0) return;
  // No role: an unset setting on a single send says nothing; only what the send itself sets is checked.
  groups.push({ roles: [], library: 'kafkajs', entries: b.entries, anchor: nodeRange(call.childForFieldName('function') ?? call) });
}

/** kafkajs `subscribe({ fromBeginning })`: joins the consumer's group when the consumer was made in this file. */
function addSubscribe(text: string, call: Node, sym: Extract<Sym, { t: 'consumer' }>, builders: Map<number, GroupBuilder>, groups: ConfigGroup[], objects: ObjectResolver): void {
  const arg = callArguments(call)[0];
  const object = arg ? objects(arg) : undefined;
  if (!object) return;
  const existing = sym.site ? builders.get(sym.site.id) : undefined;
  if (existing) {
    existing.readOptions(object, SUBSCRIBE_OPTIONS, objects);
    return;
  }
  const b = new GroupBuilder(text, groups.length, 'consumer');
  b.readOptions(object, SUBSCRIBE_OPTIONS, objects);
  if (b.entries.length > 0) groups.push({ roles: [], library: 'kafkajs', entries: b.entries, anchor: nodeRange(call.childForFieldName('function') ?? call) });
}

/** One fact per range and kind (a handler shared by two `run()` calls is reported once). */
function dedupe(facts: CodeFact[]): CodeFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = `${f.kind}:${f.range.start}:${f.range.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Scanner for `.js`, `.jsx`, `.mjs`, `.cjs`. */
export const javascriptScanner: Scanner = { scan: (path, text) => scanJavaScript(path, text, 'javascript') };

/** Scanner for `.ts`, `.tsx`, `.mts`, `.cts`. */
export const typescriptScanner: Scanner = { scan: (path, text) => scanJavaScript(path, text, 'typescript') };
