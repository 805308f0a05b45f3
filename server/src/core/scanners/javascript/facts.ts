import type { CodeFact, CodeFix, LibraryId } from '../../model';
import { eolOf } from '../../text';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';
import { FUNCTION_TYPES, callArguments, enclosingFunction, isAsyncFunction, unwrap, valueParent } from './syntax';
import { msg } from '../../i18n/index';
import type { Message } from '../../i18n/index';

/**
 * The JS/TS code facts: a kafkajs send whose promise nobody observes, and an `eachMessage`/`eachBatch`
 * handler that returns before the work it started has finished (kafkajs resolves, then commits, the
 * offset as soon as the handler's promise settles).
 */

/** The fix that puts `await ` in front of an expression, offered only where `await` is legal. */
function awaitFix(expression: Node, what: string): CodeFix {
  return { title: msg('scanner.js.fix.await', { call: what }), preferred: true, edits: [{ range: { start: expression.startIndex, end: expression.startIndex }, newText: 'await ' }] };
}

/**
 * A `producer.send(...)` (or `sendBatch`, or a transaction's) whose promise is dropped: the call is a
 * statement of its own, not awaited, returned, stored, passed on or chained.
 */
export function unhandledSendFact(call: Node, callee: Node, method: string, library: LibraryId): CodeFact | undefined {
  const { parent } = valueParent(call);
  if (!parent) return undefined;
  const shown = `${callee.text.replace(/\s+/g, '')}()`;
  if (parent.type === 'arrow_function' && isForEachCallback(parent)) {
    // `messages.forEach((m) => producer.send(m))`: the arrow returns the promise, but forEach throws it away.
    return {
      kind: 'unhandled-send',
      library,
      range: nodeRange(callee),
      detail: msg('scanner.js.forEachDropsPromise', { call: shown }),
    };
  }
  const chain = promiseChain(call);
  const swallowed = swallowsFailure(chain.links);
  if (swallowed || dropsRejection(chain)) {
    const fn = enclosingFunction(chain.end);
    const canAwait = !swallowed && fn !== undefined && isAsyncFunction(fn);
    return {
      kind: 'unhandled-send',
      library,
      range: nodeRange(callee),
      detail: msg(swallowed ? 'scanner.js.catchSwallows' : 'scanner.js.thenWithoutRejection', { call: shown }),
      fixes: canAwait ? [awaitFix(chain.end, `${method}()`)] : undefined,
    };
  }
  if (parent.type !== 'expression_statement') {
    const combinator = droppedCombinator(call);
    if (!combinator) return undefined;
    const fn = enclosingFunction(combinator);
    const shownCombinator = `${(combinator.childForFieldName('function') as Node).text.replace(/\s+/g, '')}()`;
    // Awaiting an array does nothing: only a dropped Promise.all() gets the await fix.
    const isPromise = shownCombinator.startsWith('Promise.');
    return {
      kind: 'unhandled-send',
      library,
      range: nodeRange(callee),
      detail: msg('scanner.js.combinatorDropped', {
        call: shown,
        combinator: shownCombinator,
        advice: isPromise ? msg('scanner.js.advice.awaitCombinator', { combinator: shownCombinator }) : msg('scanner.js.advice.awaitAll'),
      }),
      fixes: isPromise && fn !== undefined && isAsyncFunction(fn) ? [awaitFix(combinator, shownCombinator)] : undefined,
    };
  }
  const fn = enclosingFunction(call);
  const canAwait = fn !== undefined && isAsyncFunction(fn);
  return {
    kind: 'unhandled-send',
    library,
    range: nodeRange(callee),
    detail: msg('scanner.js.notAwaited', { call: shown }),
    fixes: canAwait ? [awaitFix(call, `${method}()`)] : undefined,
  };
}

/** One call chained on a send's promise: `.then(ok)`, `.catch(fail)`, `.finally(done)`, … */
interface ChainLink {
  readonly method: string | undefined;
  readonly args: readonly Node[];
}

/**
 * The calls chained on a promise (`send(..).then(ok).catch(fail)`), innermost first, and the outermost of
 * them (the call itself when nothing is chained). `open` is true when the chain goes on with something that
 * is not a call (`send(..).then`), which nothing here judges.
 */
function promiseChain(call: Node): { readonly links: readonly ChainLink[]; readonly end: Node; readonly open: boolean } {
  const links: ChainLink[] = [];
  let end = call;
  for (;;) {
    const { parent: member, child } = valueParent(end);
    if (member?.type !== 'member_expression' || member.childForFieldName('object')?.id !== child.id) return { links, end, open: false };
    const outer = member.parent;
    if (outer?.type !== 'call_expression' || outer.childForFieldName('function')?.id !== member.id) return { links, end, open: true };
    const args = outer.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') ?? [];
    links.push({ method: member.childForFieldName('property')?.text, args });
    end = outer;
  }
}

/**
 * True when the chain reaches a `.catch(() => {})` whose handler does nothing, through `then`/`finally`
 * only: a failed send is caught and dropped there, awaited or not. A handler that does anything (logs,
 * rethrows, counts) is the application's choice.
 */
function swallowsFailure(links: readonly ChainLink[]): boolean {
  for (const { method, args } of links) {
    if (method === 'catch') return args.length === 1 && doesNothing(args[0]);
    if (method !== 'then' && method !== 'finally') return false;
  }
  return false;
}

/** True for `() => {}`, `function () {}`, `() => undefined` and `() => null`. */
function doesNothing(handler: Node): boolean {
  if (handler.type !== 'arrow_function' && handler.type !== 'function_expression' && handler.type !== 'function') return false;
  const body = handler.childForFieldName('body');
  if (!body) return false;
  if (body.type === 'statement_block') return body.namedChildren.every((c) => !c || c.type === 'comment');
  return body.type === 'null' || body.type === 'undefined' || (body.type === 'identifier' && body.text === 'undefined');
}

/**
 * `producer.send(..).then(onSent)` as a statement of its own: `then` with no rejection handler passes a
 * failed send on to the promise it returns, which nobody holds (`finally` passes it on too). A `catch`, a
 * `then(ok, fail)`, or a chain that is awaited, returned or stored handles it, or hands it to someone who can.
 */
function dropsRejection(chain: ReturnType<typeof promiseChain>): boolean {
  if (chain.open || chain.links.length === 0 || valueParent(chain.end).parent?.type !== 'expression_statement') return false;
  return chain.links.every(({ method, args }) => (method === 'then' && args.length === 1) || method === 'finally');
}

/** Which node-rdkafka producer class a producer was made with; `unknown` when the constructor is renamed or hidden. */
export type RdkafkaProducerClass = 'producer' | 'high-level' | 'unknown';

/** The producer class a `new X.Producer(...)` / `new HighLevelProducer(...)` site names. */
export function rdkafkaProducerClass(site: Node | undefined): RdkafkaProducerClass {
  const ctor = site?.type === 'new_expression' ? site.childForFieldName('constructor') : undefined;
  const name = ctor?.type === 'member_expression' ? ctor.childForFieldName('property')?.text : ctor?.type === 'identifier' ? ctor.text : undefined;
  return name === 'Producer' ? 'producer' : name === 'HighLevelProducer' ? 'high-level' : 'unknown';
}

/** True when an argument can hold a function: a function expression, or a name or member holding one. */
function mayBeFunction(arg: Node | undefined): boolean {
  if (!arg) return false;
  const a = unwrap(arg);
  if (FUNCTION_TYPES.has(a.type)) return true;
  return (a.type === 'identifier' && a.text !== 'undefined') || a.type === 'member_expression' || a.type === 'call_expression';
}

/**
 * node-rdkafka style `producer.produce(...)` whose delivery failures nobody hears about.
 *
 * - `Producer.produce(topic, partition, message, key, timestamp, opaque, headers)` takes no callback: its
 *   `opaque` only travels with the report, which is emitted as a `delivery-report` event when the config
 *   sets `dr_cb`/`dr_msg_cb` (the caller checks that). Without them a failed delivery is reported nowhere,
 *   whatever is passed as `opaque`.
 * - `HighLevelProducer` forces `dr_cb` on and hands each report to the callback in the last position
 *   (`..., timestamp, callback` or `..., timestamp, headers, callback`): any function there, or any variable
 *   that may hold one, handles it.
 * - For a producer class the scanner cannot name, a last argument that may be a function counts as handled.
 */
export function produceWithoutReportFact(call: Node, callee: Node, producerClass: RdkafkaProducerClass = 'unknown'): CodeFact | undefined {
  const argList = call.childForFieldName('arguments');
  const args = argList ? namedChildren(argList).filter((a) => a.type !== 'comment') : [];
  if (args.some((a) => a.type === 'spread_element')) return undefined;
  const shown = `${callee.text.replace(/\s+/g, '')}()`;
  if (producerClass === 'high-level') {
    // The callback is the 6th argument, or the 7th when headers come before it.
    if (args.length >= 6 && mayBeFunction(args[args.length - 1])) return undefined;
    return {
      kind: 'unhandled-send',
      library: 'librdkafka',
      severity: 'info',
      range: nodeRange(callee),
      detail: msg('scanner.js.highLevelNoCallback', { call: shown }),
    };
  }
  if (producerClass === 'unknown' && mayBeFunction(args[args.length - 1]) && args.length >= 6) return undefined;
  return {
    kind: 'unhandled-send',
    library: 'librdkafka',
    severity: 'info',
    range: nodeRange(callee),
    detail: msg('scanner.js.noDeliveryReport', { call: shown }),
  };
}

const COMBINATOR_CALLEE = /^(Promise\.(all|allSettled|race|any)|.+\.map)$/;

/**
 * The `Promise.all(...)` (or `.map(...)`) a send's promise flows into through arrays, arguments and arrow
 * bodies, when that call's own result is dropped as a statement; undefined otherwise.
 */
function droppedCombinator(call: Node): Node | undefined {
  let n = call;
  for (let depth = 0; depth < 8; depth++) {
    const { parent, child } = valueParent(n);
    if (!parent) return undefined;
    if (parent.type === 'array' || parent.type === 'arguments' || (parent.type === 'arrow_function' && parent.childForFieldName('body')?.equals(child))) {
      n = parent;
      continue;
    }
    if (parent.type !== 'call_expression' || n.type !== 'arguments') return undefined;
    const callee = parent.childForFieldName('function');
    if (!callee || !COMBINATOR_CALLEE.test(callee.text.replace(/\s+/g, ''))) return undefined;
    if (valueParent(parent).parent?.type === 'expression_statement') return parent;
    n = parent;
  }
  return undefined;
}

/** True when an arrow function is passed to `.forEach(...)`, which ignores what its callback returns. */
function isForEachCallback(arrow: Node): boolean {
  const args = arrow.parent;
  const call = args?.type === 'arguments' ? args.parent : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'forEach';
}

/** What the file declares that returns a promise: async functions by name and async methods (called as `this.x()`). */
export interface AsyncNames {
  readonly functions: ReadonlySet<string>;
  readonly methods: ReadonlySet<string>;
}

type Started = 'async-call' | 'promise-chain' | 'promise-combinator' | 'scheduled' | 'async-foreach';

const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const SCHEDULERS = new Set(['setTimeout', 'setImmediate', 'queueMicrotask']);

/** Classifies an expression statement's call: does it start work that outlives the statement? */
function startedWork(call: Node, names: AsyncNames): Started | undefined {
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  const c = unwrap(callee);
  if (c.type === 'identifier') {
    if (names.functions.has(c.text) || c.text === 'fetch') return 'async-call';
    if (SCHEDULERS.has(c.text)) return 'scheduled';
    return undefined;
  }
  if (c.type !== 'member_expression') return undefined;
  const object = c.childForFieldName('object');
  const prop = c.childForFieldName('property')?.text ?? '';
  if (!object) return undefined;
  if (prop === 'then' || prop === 'catch' || prop === 'finally') return 'promise-chain';
  if (object.type === 'identifier' && object.text === 'Promise' && COMBINATORS.has(prop)) return 'promise-combinator';
  if (object.type === 'identifier' && object.text === 'process' && prop === 'nextTick') return 'scheduled';
  if (object.type === 'this' && names.methods.has(prop)) return 'async-call';
  if (prop === 'forEach') {
    const args = call.childForFieldName('arguments');
    const fn = args ? namedChildren(args)[0] : undefined;
    if (fn && FUNCTION_TYPES.has(fn.type) && isAsyncFunction(fn)) return 'async-foreach';
  }
  return undefined;
}

function detailFor(kind: Started, what: string, handler: string): Message {
  const after = msg('scanner.js.unfinishedWork', { handler });
  switch (kind) {
    case 'scheduled':
      return msg('scanner.js.deferred', { call: what, after });
    case 'async-foreach':
      return msg('scanner.js.asyncForEach', { after });
    default:
      return msg('scanner.js.notAwaitedWork', { call: what, after });
  }
}

/**
 * Facts for one `eachMessage`/`eachBatch` handler: statements in its body (not in nested functions, which
 * run later and are judged where they are called) that start async work without awaiting it.
 */
export function handlerFacts(handler: Node, handlerName: string, names: AsyncNames, library: LibraryId, isKafkaSend: (call: Node) => boolean): CodeFact[] {
  const body = handler.childForFieldName('body');
  if (!body || body.type !== 'statement_block') return [];
  const canAwait = isAsyncFunction(handler);
  const facts: CodeFact[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    for (const child of namedChildren(node).reverse()) {
      if (FUNCTION_TYPES.has(child.type)) continue;
      if (child.type !== 'expression_statement') {
        stack.push(child);
        continue;
      }
      const expr = child.namedChildren.find((c) => c !== null);
      const call = expr ? unwrap(expr) : undefined;
      if (!call || call.type !== 'call_expression' || isKafkaSend(call)) continue;
      const kind = startedWork(call, names);
      if (!kind) continue;
      const callee = call.childForFieldName('function') as Node;
      const what = `${callee.text.replace(/\s+/g, '')}()`;
      const awaitable = kind === 'async-call' || kind === 'promise-chain' || kind === 'promise-combinator';
      facts.push({
        kind: 'commit-before-processing',
        library,
        range: nodeRange(callee),
        detail: detailFor(kind, what, handlerName),
        fixes: awaitable && canAwait && expr ? [awaitFix(expr, what)] : undefined,
      });
    }
  }
  return facts.sort((a, b) => a.range.start - b.range.start);
}

/** Calls that only report on a message, or keep the session alive: using the message there is not processing it. */
const BOOKKEEPING = /^(console|logger|log|this\.logger|this\.log)\.|^(heartbeat|resolveOffset|commitOffsetsIfNecessary|uncommittedOffsets)$|\.(heartbeat|resolveOffset|commitOffsets|commitOffsetsIfNecessary)$/;
const JS_EXITS = new Set(['return_statement', 'break_statement', 'continue_statement', 'throw_statement']);

/**
 * The names whose offsets a resolve/commit call marks: roots of `x.offset`, `xs[i].offset` and `x.lastOffset()` in its
 * arguments, and (for node-rdkafka's `commitMessage(message)`) the message arguments themselves.
 */
function offsetOwners(call: Node): Set<string> {
  const names = new Set<string>();
  const args = call.childForFieldName('arguments');
  for (const a of args ? namedChildren(args) : []) if (a.type === 'identifier') names.add(a.text);
  const stack: Node[] = args ? [args] : [];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'member_expression') {
      const prop = n.childForFieldName('property')?.text;
      let root = n.childForFieldName('object');
      if (prop === 'offset' || prop === 'lastOffset') {
        // Through indexing too: `batch.messages[batch.messages.length - 1].offset` marks the batch.
        while (root && (root.type === 'member_expression' || root.type === 'subscript_expression')) root = root.childForFieldName('object');
        if (root?.type === 'identifier') names.add(root.text);
      }
    }
    for (const c of namedChildren(n)) stack.push(c);
  }
  return names;
}

/** True when `node` reads one of `names` outside logging and offset bookkeeping calls. */
function jsReadsAny(node: Node, names: ReadonlySet<string>): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if ((n.type === 'identifier' || n.type === 'shorthand_property_identifier') && names.has(n.text)) return true;
    if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function');
      if (fn && BOOKKEEPING.test(fn.text.replace(/\s+/g, ''))) continue;
    }
    for (const c of namedChildren(n)) stack.push(c);
  }
  return false;
}

/** The statement of `block` that contains `node`. */
function jsStatementIn(block: Node, node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parent && !n.parent.equals(block)) n = n.parent;
  return n && n.parent ? n : undefined;
}

/**
 * `resolveOffset(message.offset)` or `consumer.commitOffsets([...])` in a handler, followed by code that
 * still processes that message: the offset is marked done before the work is. The fix moves a one-line
 * statement below the last statement of the same block that uses the message.
 */
export function earlyOffsetFact(call: Node, handlerBody: Node, library: LibraryId, text: string): CodeFact | undefined {
  const names = offsetOwners(call);
  if (names.size === 0) return undefined;
  let inner: Node = call;
  let processing: Node | undefined;
  let home: Node | undefined;
  for (let block = call.parent; block; block = block.parent) {
    if (block.type !== 'statement_block') continue;
    const statement = jsStatementIn(block, inner);
    if (!statement) break;
    home ??= statement;
    let exits = false;
    for (let s = statement.nextNamedSibling; s; s = s.nextNamedSibling) {
      if (JS_EXITS.has(s.type)) {
        exits = true;
        break;
      }
      if (s.type !== 'comment' && jsReadsAny(s, names)) processing = s;
    }
    if (processing || exits || block.equals(handlerBody) || FUNCTION_TYPES.has(block.parent?.type ?? '')) break;
    inner = block;
  }
  if (!processing || !home) return undefined;
  const callee = call.childForFieldName('function') as Node;
  const what = `${callee.text.replace(/\s+/g, '')}()`;
  const commits = /commit/i.test(what);
  const stores = /offsetsStore\(\)$/.test(what);
  return {
    kind: 'commit-before-processing',
    library,
    range: nodeRange(callee),
    detail: commits
      ? msg('scanner.js.commitEarly', { call: what })
      : stores
        ? msg('scanner.js.storeEarly', { call: what })
        : msg('scanner.js.resolveEarly', { call: what }),
    fixes: moveBelow(home, processing, text, what),
  };
}

/** Moves a one-line statement below `last` (a later statement of the same block), keeping its indentation. */
function moveBelow(statement: Node, last: Node, text: string, what: string): CodeFix[] | undefined {
  if (statement.type !== 'expression_statement' || !last.parent?.equals(statement.parent as Node)) return undefined;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  if (indent.trim() !== '' || statement.text.includes('\n')) return undefined;
  let end = statement.endIndex;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const eol = eolOf(text);
  if (text.slice(end, end + eol.length) !== eol) return undefined;
  end += eol.length;
  let insertAt = text.indexOf('\n', last.endIndex);
  if (insertAt < 0) insertAt = text.length;
  else if (text[insertAt - 1] === '\r') insertAt--;
  return [
    {
      title: msg('scanner.fix.moveAfterProcessing', { statement: what }),
      preferred: true,
      edits: [
        { range: { start: lineStart, end }, newText: '' },
        { range: { start: insertAt, end: insertAt }, newText: `${eol}${indent}${statement.text}` },
      ],
    },
  ];
}

/**
 * node-rdkafka style `producer.on('delivery-report', (err, report) => { ... })` whose handler never looks at its
 * error: the event is the only place a failed delivery is reported (with `dr_cb`/`dr_msg_cb` on), so such a
 * handler drops every failure (Blizzard/node-rdkafka examples/producer.md, Azure/azure-event-hubs-for-kafka
 * quickstart/node/producer.js). A handler without parameters, or whose first is `_`-named or never mentioned in
 * its body, ignores it; a body that reads `arguments` may not. A handler held in a variable is not judged.
 */
export function deliveryReportIgnoresErrorFact(call: Node): CodeFact | undefined {
  const args = callArguments(call);
  const [event, handler] = args;
  if (args.length !== 2 || !event || !handler || !FUNCTION_TYPES.has(handler.type)) return undefined;
  if ((event.type !== 'string' && event.type !== 'template_string') || event.text.slice(1, -1) !== 'delivery-report') return undefined;
  const params = handler.childForFieldName('parameters') ?? handler.childForFieldName('parameter');
  const body = handler.childForFieldName('body');
  if (!params || !body) return undefined;
  // `err => ...`: a lone parameter without parentheses is the parameters node itself.
  const first = params.type === 'identifier' ? params : namedChildren(params).filter((p) => p.type !== 'comment')[0];
  const name = first ? unwrapParameter(first) : undefined;
  if (first && name === undefined) return undefined; // a destructured or unusual first parameter: not judged
  if (mentionsName(body, 'arguments')) return undefined;
  if (name !== undefined && !name.startsWith('_') && mentionsName(body, name)) return undefined;
  return {
    kind: 'unhandled-send',
    library: 'librdkafka',
    range: nodeRange(params),
    detail: msg('scanner.js.deliveryReportIgnoresError'),
  };
}

/** The name a simple parameter binds (`err`, `err: Error`, `err = null`), or undefined for a pattern. */
function unwrapParameter(p: Node): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'required_parameter' || p.type === 'optional_parameter') {
    const pattern = p.childForFieldName('pattern');
    return pattern?.type === 'identifier' ? pattern.text : undefined;
  }
  if (p.type === 'assignment_pattern') {
    const left = p.childForFieldName('left');
    return left?.type === 'identifier' ? left.text : undefined;
  }
  return undefined;
}

/** True when an identifier `name` occurs anywhere under `node`. */
function mentionsName(node: Node, name: string): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'identifier' && n.text === name) return true;
    for (const c of namedChildren(n)) stack.push(c);
  }
  return false;
}
