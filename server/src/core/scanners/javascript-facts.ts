import type { CodeFact, Fix, LibraryId } from '../model';
import type { Node } from './tree-sitter';
import { nodeRange } from './tree-sitter';
import { FUNCTION_TYPES, enclosingFunction, isAsyncFunction, namedChildren, unwrap, valueParent } from './javascript-syntax';

/**
 * The JS/TS code facts: a kafkajs send whose promise nobody observes, and an `eachMessage`/`eachBatch`
 * handler that returns before the work it started has finished (kafkajs resolves, then commits, the
 * offset as soon as the handler's promise settles).
 */

/** The fix that puts `await ` in front of an expression, offered only where `await` is legal. */
function awaitFix(expression: Node, what: string): Fix {
  return { title: `Await ${what}`, preferred: true, edits: [{ range: { start: expression.startIndex, end: expression.startIndex }, newText: 'await ' }] };
}

/**
 * A `producer.send(...)` (or `sendBatch`, or a transaction's) whose promise is dropped: the call is a
 * statement of its own, not awaited, returned, stored, passed on or chained.
 */
export function unhandledSendFact(call: Node, callee: Node, method: string, library: LibraryId): CodeFact | undefined {
  const { parent } = valueParent(call);
  if (!parent || parent.type !== 'expression_statement') return undefined;
  const fn = enclosingFunction(call);
  const canAwait = fn !== undefined && isAsyncFunction(fn);
  const shown = `${callee.text.replace(/\s+/g, '')}()`;
  return {
    kind: 'unhandled-send',
    library,
    range: nodeRange(callee),
    detail: `the promise of ${shown} is neither awaited nor given a .catch(), so a send that fails after its retries rejects unobserved and the record is lost without any error; await it (or handle the rejection).`,
    fixes: canAwait ? [awaitFix(call, `${method}()`)] : undefined,
  };
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

function detailFor(kind: Started, what: string, handler: string): string {
  const after = `${handler} returns before that work finishes and the offset is committed while the message is still being processed, so a failure or crash then loses it`;
  switch (kind) {
    case 'scheduled':
      return `${what} defers the processing: ${after}; process the message inside the handler and await it.`;
    case 'async-foreach':
      return `forEach() does not wait for its async callback: ${after}; use for...of with await (or await Promise.all over map()).`;
    default:
      return `${what} starts async work that is not awaited: ${after}; await it.`;
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
