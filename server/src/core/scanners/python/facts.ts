import type { CodeFact, CodeFix, LibraryId } from '../../model';
import { eolOf } from '../../text';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';
import { msg } from '../../i18n/index';

/**
 * The Python code facts: a kafka-python or aiokafka send whose future is dropped (or an aiokafka send never
 * awaited), a confluent-kafka `produce()` that nobody will hear back from, and a `commit()` that runs before
 * the polled message is processed.
 */

const FUNCTION_OR_CLASS = new Set(['function_definition', 'lambda', 'class_definition']);

export function enclosingScope(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'module') return p;
  return undefined;
}

/** The identifiers with this name in `scope` after `offset` (the future's later uses). */
function usesAfter(scope: Node, name: string, offset: number): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [scope];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.endIndex <= offset) continue;
    if (n.type === 'identifier' && n.startIndex >= offset && n.text === name) out.push(n);
    for (const c of namedChildren(n)) stack.push(c);
  }
  return out;
}

/**
 * Follows `.add_callback(...)` calls chained on a future (`send(..).add_callback(on_ok)`; each returns the
 * future): the outermost such call, how many there were, and whether the chain goes on with anything else
 * (`.add_errback(..)`, `.get()`, an attribute), which sees failures or is not known, so counts as handled.
 */
function callbackChain(future: Node): { readonly end: Node; readonly callbacks: number; readonly other: boolean } {
  let end = future;
  let callbacks = 0;
  for (;;) {
    const attribute = end.parent;
    if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== end.id) return { end, callbacks, other: false };
    const call = attribute.parent;
    const called = call?.type === 'call' && call.childForFieldName('function')?.id === attribute.id;
    if (!call || !called || attribute.childForFieldName('attribute')?.text !== 'add_callback') return { end, callbacks, other: true };
    end = call;
    callbacks++;
  }
}

/** True when a later use of the future only adds success callbacks to it, as a statement of its own. */
function onlyAddsCallbacks(use: Node): boolean {
  const chain = callbackChain(use);
  return !chain.other && chain.callbacks > 0 && chain.end.parent?.type === 'expression_statement';
}

/**
 * kafka-python `producer.send(...)`: the returned future is the only place a failure shows up. Dropped
 * when the call is a statement of its own, or assigned to a name that is never used again; the same when
 * all it gets is `add_callback(..)`, which runs on success only (failures go to `add_errback`).
 */
export function droppedFutureFact(call: Node, callee: Node): CodeFact | undefined {
  const chain = callbackChain(call);
  if (chain.other) return undefined;
  const parent = chain.end.parent;
  if (!parent) return undefined;
  let callbacksOnly = chain.callbacks > 0;
  if (parent.type === 'assignment') {
    const left = parent.childForFieldName('left');
    const scope = enclosingScope(call);
    if (!left || left.type !== 'identifier' || !scope) return undefined;
    const uses = usesAfter(scope, left.text, parent.endIndex);
    if (!uses.every(onlyAddsCallbacks)) return undefined;
    callbacksOnly ||= uses.length > 0;
  } else if (parent.type !== 'expression_statement') {
    return undefined;
  }
  return {
    kind: 'unhandled-send',
    library: 'kafka-python',
    range: nodeRange(callee),
    detail: msg(callbacksOnly ? 'scanner.python.successCallbackOnly' : 'scanner.python.futureDropped', { call: callee.text }),
  };
}

/**
 * aiokafka `producer.send(...)` and `producer.send_and_wait(...)` (AIOKafkaProducer, v0.14.0). Both are
 * coroutines: one that is never awaited never runs, so the record is not even queued. Awaiting `send()` only
 * queues the record and hands back an asyncio future of its delivery; that future is dropped when the awaited
 * send is a statement of its own or is assigned to a name never used again. `send_and_wait()` awaits the
 * future itself, and any other use of the future or the coroutine (awaiting it, a callback, a list, a task)
 * counts as handling it.
 */
export function aiokafkaSendFact(call: Node, callee: Node, method: 'send' | 'send_and_wait'): CodeFact | undefined {
  const fact = (key: 'scanner.python.notAwaited' | 'scanner.python.awaitedFutureDropped'): CodeFact => ({
    kind: 'unhandled-send',
    library: 'aiokafka',
    range: nodeRange(callee),
    detail: msg(key, { call: callee.text, object: callee.childForFieldName('object')?.text ?? 'producer' }),
  });
  const parent = call.parent;
  if (parent?.type === 'expression_statement') return fact('scanner.python.notAwaited');
  if (method !== 'send' || parent?.type !== 'await') return undefined;
  const holder = parent.parent;
  if (holder?.type === 'expression_statement') return fact('scanner.python.awaitedFutureDropped');
  if (holder?.type !== 'assignment') return undefined;
  const left = holder.childForFieldName('left');
  const scope = enclosingScope(call);
  if (!left || left.type !== 'identifier' || !scope) return undefined;
  return usesAfter(scope, left.text, holder.endIndex).length === 0 ? fact('scanner.python.awaitedFutureDropped') : undefined;
}

/** confluent-kafka `produce()` arguments after which the delivery callback sits positionally: topic, value, key, partition, on_delivery. */
const ON_DELIVERY_POSITION = 4;

/**
 * confluent-kafka `producer.produce(...)` with no `on_delivery`/`callback` argument, on a producer whose
 * configuration registers no delivery callback: failures are only ever reported to a callback.
 */
export function produceWithoutCallbackFact(call: Node, callee: Node): CodeFact | undefined {
  const argList = call.childForFieldName('arguments');
  const args = argList ? namedChildren(argList).filter((a) => a.type !== 'comment') : [];
  for (const a of args) {
    if (a.type === 'keyword_argument' && ['on_delivery', 'callback'].includes(a.childForFieldName('name')?.text ?? '')) return undefined;
    if (a.type === 'dictionary_splat' || a.type === 'list_splat') return undefined;
  }
  if (args.filter((a) => a.type !== 'keyword_argument').length > ON_DELIVERY_POSITION) return undefined;
  return {
    kind: 'unhandled-send',
    library: 'librdkafka',
    severity: 'info',
    range: nodeRange(callee),
    detail: msg('scanner.python.noDeliveryCallback', { call: callee.text }),
  };
}

/** How the scanner tells a consumer or a processing call apart. */
export interface CommitContext {
  /** True when the expression is a Kafka consumer made in (or typed in) this file. */
  isConsumer(node: Node): boolean;
}

const LOOPS = new Set(['for_statement', 'while_statement']);
const EXITS = new Set(['continue_statement', 'break_statement', 'return_statement', 'raise_statement']);
/** Calls that only report on a message: using the message there is not processing it. */
const REPORTING = /^(print|log|logger|logging|LOG|LOGGER|self\.log(ger)?|warnings)(\.|$)/;

/** Consumer methods that return polled messages: confluent-kafka and kafka-python `poll`/`consume`, aiokafka `getone`/`getmany`. */
const POLLS: ReadonlySet<string> = new Set(['poll', 'consume', 'getone', 'getmany']);

/** Consumer methods that only move offsets around. */
const OFFSET_BOOKKEEPING = new Set(['commit', 'store_offsets', 'position', 'committed', 'seek', 'pause', 'resume']);

/** The statement of `block` (a `block` or `module`) that contains `node`. */
function statementIn(block: Node, node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parent && !n.parent.equals(block)) n = n.parent;
  return n && n.parent ? n : undefined;
}

/** Names bound by an assignment or `for` target: `msg`, `(tp, records)`. */
function targetNames(target: Node, out: Set<string>): void {
  if (target.type === 'identifier') out.add(target.text);
  else for (const c of namedChildren(target)) targetNames(c, out);
}

/** True when `node` reads any name of `names`, outside logging calls and outside nested functions. */
export function readsAny(node: Node, names: ReadonlySet<string>, ctx: CommitContext): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'identifier' && names.has(n.text)) return true;
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      if (fn && REPORTING.test(fn.text)) continue;
      if (fn?.type === 'attribute') {
        const object = fn.childForFieldName('object');
        // Another commit or offset store on the consumer is bookkeeping, not processing.
        if (object && OFFSET_BOOKKEEPING.has(fn.childForFieldName('attribute')?.text ?? '') && ctx.isConsumer(object)) continue;
      }
    }
    if (FUNCTION_OR_CLASS.has(n.type)) continue;
    for (const c of namedChildren(n)) stack.push(c);
  }
  return false;
}

/**
 * The names holding a polled message in the scope around a loop (the enclosing function, or the module):
 * `for msg in consumer` targets, names assigned from `consumer.poll()`/`consume()`, and names derived from
 * those (`value = msg.value()`, `for r in records`), in source order.
 */
export function messageNames(loop: Node, ctx: CommitContext): Set<string> {
  let scope: Node = loop;
  while (scope.parent && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const names = new Set<string>();
  const stack: Node[] = [scope.type === 'function_definition' ? scope.childForFieldName('body') ?? scope : scope];
  const ordered: Node[] = [];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (FUNCTION_OR_CLASS.has(n.type)) continue;
    if (n.type === 'assignment' || n.type === 'for_statement') ordered.push(n);
    const kids = namedChildren(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  for (const n of ordered) {
    const target = n.childForFieldName('left');
    const source = n.childForFieldName('right');
    if (!target || !source) continue;
    let fromMessage = (names.size > 0 && readsAny(source, names, ctx)) || (n.type === 'for_statement' && ctx.isConsumer(source));
    // `msg = await consumer.getone()`, `batch = await consumer.getmany(...)` (aiokafka): the awaited call.
    const polled = source.type === 'await' ? namedChildren(source)[0] : source;
    if (!fromMessage && polled?.type === 'call') {
      const fn = polled.childForFieldName('function');
      const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      fromMessage = !!object && POLLS.has(method ?? '') && ctx.isConsumer(object);
    }
    if (fromMessage) targetNames(target, names);
  }
  return names;
}

/**
 * `consumer.commit(...)` inside a poll loop, followed (in the same loop iteration) by code that uses the
 * message: the offset is committed before the message is processed. Offers to move a simple commit
 * statement below the last statement that uses the message, when both sit in the loop body itself.
 */
export function commitBeforeProcessingFact(call: Node, callee: Node, library: LibraryId, text: string, ctx: CommitContext): CodeFact | undefined {
  let loop: Node | undefined;
  for (let p = call.parent; p; p = p.parent) {
    if (LOOPS.has(p.type)) {
      loop = p;
      break;
    }
    if (FUNCTION_OR_CLASS.has(p.type)) return undefined;
  }
  const body = loop?.childForFieldName('body');
  if (!loop || !body) return undefined;
  const names = messageNames(loop, ctx);
  if (names.size === 0) return undefined;
  // Walk out from the commit to the loop body: statements after it, in each enclosing block, run after the commit.
  let inner: Node = call;
  let processing: Node | undefined;
  for (let block = call.parent; block; block = block.parent) {
    if (block.type !== 'block') continue;
    const statement = statementIn(block, inner);
    if (!statement) break;
    let exits = false;
    for (let s = statement.nextNamedSibling; s; s = s.nextNamedSibling) {
      if (EXITS.has(s.type)) {
        exits = true;
        break;
      }
      if (readsAny(s, names, ctx)) processing = s;
    }
    if (processing || exits || block.equals(body)) break;
    inner = block;
  }
  if (!processing) return undefined;
  const what = `${callee.text}()`;
  const stores = callee.childForFieldName('attribute')?.text === 'store_offsets';
  return {
    kind: 'commit-before-processing',
    library,
    range: nodeRange(callee),
    detail: stores
      ? msg('scanner.python.storeEarly', { call: what })
      : msg('scanner.python.commitEarly', { call: what }),
    fixes: moveFix(call, body, names, text, ctx),
  };
}

/** Moves a one-line `consumer.commit(...)` statement of the loop body below the last statement there that uses the message. */
function moveFix(call: Node, body: Node, names: ReadonlySet<string>, text: string, ctx: CommitContext): CodeFix[] | undefined {
  // `await consumer.commit()` (aiokafka) moves with its `await`.
  const statement = call.parent?.type === 'await' ? call.parent.parent : call.parent;
  if (statement?.type !== 'expression_statement' || !statement.parent?.equals(body)) return undefined;
  let last: Node | undefined;
  for (let s = statement.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (EXITS.has(s.type)) return undefined;
    if (readsAny(s, names, ctx)) last = s;
  }
  if (!last) return undefined;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  if (indent.trim() !== '') return undefined;
  let end = statement.endIndex;
  if (text[end] === '\r') end++;
  if (text[end] !== '\n') return undefined;
  end++;
  const eol = eolOf(text);
  // After the whole line of the last use, so a trailing comment stays where it was.
  let lastEnd = text.indexOf('\n', last.endIndex);
  if (lastEnd < 0) lastEnd = text.length;
  else if (text[lastEnd - 1] === '\r') lastEnd--;
  return [
    {
      title: msg('scanner.fix.moveAfterProcessing', { statement: `${call.childForFieldName('function')?.text ?? 'commit'}()` }),
      preferred: true,
      edits: [
        { range: { start: lineStart, end }, newText: '' },
        { range: { start: lastEnd, end: lastEnd }, newText: `${eol}${indent}${statement.text}` },
      ],
    },
  ];
}

/** True when a call's arguments say "do not wait": `close(0)`, `close(timeout=0)`, `close(timeout=0.0)`. */
function zeroTimeout(call: Node): boolean {
  const argList = call.childForFieldName('arguments');
  for (const a of argList ? namedChildren(argList) : []) {
    const value = a.type === 'keyword_argument' ? (a.childForFieldName('name')?.text === 'timeout' ? a.childForFieldName('value') : null) : a;
    if (value && (value.type === 'integer' || value.type === 'float') && Number(value.text) === 0) return true;
  }
  return false;
}

/**
 * kafka-python `producer.close(timeout=0)` with no `flush()` on that producer before it in the same scope
 * (the function that holds the close, or the module body): a zero timeout fails whatever is still buffered.
 * A flush in another function may never run before this close. The fix flushes first, on its own line.
 */
export function zeroTimeoutCloseFact(call: Node, callee: Node, text: string, flushes: readonly Node[]): CodeFact | undefined {
  if (!zeroTimeout(call)) return undefined;
  const scope = enclosingScope(call);
  if (flushes.some((f) => f.startIndex < call.startIndex && scope !== undefined && enclosingScope(f)?.equals(scope))) return undefined;
  const object = callee.childForFieldName('object')?.text ?? 'producer';
  const statement = call.parent?.type === 'expression_statement' ? call.parent : undefined;
  let fixes: CodeFix[] | undefined;
  if (statement) {
    const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
    const indent = text.slice(lineStart, statement.startIndex);
    const eol = eolOf(text);
    if (indent.trim() === '') fixes = [{ title: msg('scanner.fix.flushBeforeClose', { object }), preferred: true, edits: [{ range: { start: statement.startIndex, end: statement.startIndex }, newText: `${object}.flush()${eol}${indent}` }] }];
  }
  return {
    kind: 'close-without-flush',
    library: 'kafka-python',
    range: nodeRange(call),
    detail: msg('scanner.python.closeWithoutWaiting', { call: call.text.replace(/\s+/g, ' '), object }),
    fixes,
  };
}

/**
 * A confluent-kafka producer created in this file that queues records with `produce()` but is never
 * flushed (or closed) here: whatever is still queued when the process exits is dropped.
 */
export function neverFlushedFact(anchor: Node): CodeFact {
  return {
    kind: 'close-without-flush',
    library: 'librdkafka',
    severity: 'info',
    range: nodeRange(anchor),
    detail: msg('scanner.python.neverFlushed'),
  };
}
