import type { CodeFact, LibraryId } from '../../model';
import type { Node } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';
import { msg } from '../../i18n/index';
import { FUNCTION_TYPES, pairKey, unwrap } from './syntax';

/**
 * kafkajs `commit-after-swallowed-error` facts: an `eachMessage` handler whose last statement is a `try`
 * around the processing of the message with a `catch` that only logs (or does nothing), or the same `try` as
 * the last statement of an `eachBatch` loop over `batch.messages`. The handler then resolves normally, and
 * kafkajs resolves and commits the offset of the message that failed.
 *
 * Deliberately narrow, as the Java check is: only kafkajs itself (the KafkaJS API of
 * `@confluentinc/kafka-javascript` takes its commit settings elsewhere); not when `run()` sets `autoCommit`
 * to anything but `true`; only a `catch` whose every statement is a logging call (`console.*`, `logger.*`,
 * `log.*`, `this.logger.*`) or, in a batch loop, a plain `continue`; only a `try` with no `finally` that is
 * the last thing the handler (or the loop body) does, bar logging, `heartbeat()` and `resolveOffset(..)`,
 * and comes after no call that already processes the message (the `try` may then be a best-effort extra step);
 * and for `eachBatch`, only when the batch's offsets are resolved (`eachBatchAutoResolve` left on, or a
 * `resolveOffset(..)` after the `try`).
 */

/** Receivers whose calls only report. */
const LOGGER = /^(?:console|logger|log|this\.logger|this\.log|this\.#logger|LOGGER|LOG)$/;

/** Methods of a logger or the console that only report. */
const LOG_METHOD = /^(?:trace|debug|info|warn|warning|error|fatal|log)$/;

/** Bookkeeping calls of a batch handler: they keep the session or mark offsets, and process nothing. */
const BOOKKEEPING = /^(?:[\w$]+\.)?(?:heartbeat|resolveOffset|commitOffsetsIfNecessary)$/;

/** What `run()` says about committing: the options that decide whether a resolved offset is committed. */
interface RunOptions {
  /** False when `autoCommit` is set to anything but `true` (the application then commits, or nothing does). */
  readonly autoCommit: boolean;
  /** False when `eachBatchAutoResolve` is set to anything but `true`. */
  readonly autoResolve: boolean;
}

/** Reads `autoCommit` and `eachBatchAutoResolve` from the object given to `run()`. */
function runOptions(options: Node): RunOptions {
  let autoCommit = true;
  let autoResolve = true;
  for (const member of namedChildren(options)) {
    const key = member.type === 'pair' ? pairKey(member)?.name : member.type === 'shorthand_property_identifier' ? member.text : undefined;
    const value = member.type === 'pair' ? member.childForFieldName('value')?.text : undefined;
    if (key === 'autoCommit') autoCommit = value === 'true';
    if (key === 'eachBatchAutoResolve') autoResolve = value === 'true';
    // `...options`: what it spreads is not known.
    if (member.type === 'spread_element') autoCommit = false;
  }
  return { autoCommit, autoResolve };
}

/**
 * The facts of one `eachMessage`/`eachBatch` handler given to a kafkajs `run()` whose options object is
 * `options`: the catch clauses that swallow the failure of a message whose offset is then committed.
 */
export function swallowedErrorFacts(handler: Node, handlerName: 'eachMessage' | 'eachBatch', options: Node, library: LibraryId): CodeFact[] {
  if (library !== 'kafkajs') return [];
  const run = runOptions(options);
  const body = handler.childForFieldName('body');
  if (!run.autoCommit || !body || body.type !== 'statement_block') return [];
  const payload = firstParameter(handler);
  if (!payload) return [];
  const facts: CodeFact[] = [];
  if (handlerName === 'eachMessage') {
    const record = payload.type === 'identifier' ? payload.text : patternName(payload, 'message');
    if (!record) return [];
    for (const clause of swallowingCatches(body, record, false)) facts.push(fact(clause, 'scanner.js.swallowedInEachMessage', handlerName, record, library));
    return facts;
  }
  const batch = payload.type === 'identifier' ? `${payload.text}.batch` : patternName(payload, 'batch');
  if (!batch) return [];
  for (const loop of batchLoops(body, `${batch}.messages`)) {
    const left = loop.childForFieldName('left');
    const loopBody = loop.childForFieldName('body');
    if (left?.type !== 'identifier' || loopBody?.type !== 'statement_block') continue;
    const clauses = swallowingCatches(loopBody, left.text, true);
    // With eachBatchAutoResolve off, only a resolveOffset(..) after the try marks the failed message as done.
    if (clauses.length === 0 || (!run.autoResolve && !resolvesAfter(loopBody, clauses[clauses.length - 1]))) continue;
    for (const clause of clauses) facts.push(fact(clause, 'scanner.js.swallowedInEachBatch', handlerName, left.text, library));
  }
  return facts;
}

/** The fact for one swallowing catch clause, on its head (`catch (err)`, or `catch` without a binding). */
function fact(clause: Node, key: 'scanner.js.swallowedInEachMessage' | 'scanner.js.swallowedInEachBatch', handler: string, record: string, library: LibraryId): CodeFact {
  const body = clause.childForFieldName('body');
  const head = clause.text.slice(0, body ? body.startIndex - clause.startIndex : clause.text.length).trimEnd();
  return {
    kind: 'commit-after-swallowed-error',
    library,
    range: { start: clause.startIndex, end: clause.startIndex + head.length },
    detail: msg(key, { catch: head.replace(/\s+/g, ' '), handler, record }),
  };
}

/** The handler's first parameter: an identifier (`payload`) or an object pattern (`{ message }`), TypeScript types aside. */
function firstParameter(handler: Node): Node | undefined {
  const params = handler.childForFieldName('parameters') ?? handler.childForFieldName('parameter');
  if (!params) return undefined;
  let first: Node | undefined = params.type === 'identifier' ? params : namedChildren(params).filter((p) => p.type !== 'comment')[0];
  if (first && (first.type === 'required_parameter' || first.type === 'optional_parameter')) first = first.childForFieldName('pattern') ?? undefined;
  return first && (first.type === 'identifier' || first.type === 'object_pattern') ? first : undefined;
}

/** The name an object pattern binds to `key` (`{ message }`, `{ message: m }`), or undefined. */
function patternName(pattern: Node, key: string): string | undefined {
  for (const p of namedChildren(pattern)) {
    if (p.type === 'shorthand_property_identifier_pattern' && p.text === key) return key;
    if (p.type === 'pair_pattern' && p.childForFieldName('key')?.text === key) {
      const value = p.childForFieldName('value');
      return value?.type === 'identifier' ? value.text : undefined;
    }
  }
  return undefined;
}

/** `for (const message of batch.messages)` loops in a handler body, outside nested functions. */
function batchLoops(body: Node, messages: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'for_in_statement' && n.childForFieldName('operator')?.text === 'of' && n.childForFieldName('right')?.text.replace(/\s+/g, '') === messages) out.push(n);
    for (const c of namedChildren(n)) if (!FUNCTION_TYPES.has(c.type)) stack.push(c);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * The catch clauses of a block's last `try` (through nested blocks and `if`s) that swallow a failure to
 * process `record`: a `try` with no `finally` whose body names the record, and a catch that only reports.
 */
function swallowingCatches(block: Node, record: string, inLoop: boolean): Node[] {
  const out: Node[] = [];
  for (const statement of tailTries(block)) {
    const body = statement.childForFieldName('body');
    const clause = statement.childForFieldName('handler');
    if (!body || !clause || statement.childForFieldName('finalizer') || !names(body, record) || processedBefore(statement, block, record)) continue;
    if (onlyReports(clause, inLoop)) out.push(clause);
  }
  return out;
}

/**
 * True when a statement before the `try` (in its block, or in the blocks around it up to `block`) already
 * hands the message to a call that is not logging (`await save(message);`): the `try` is then a further,
 * perhaps best-effort, step and its failure need not lose the message.
 */
function processedBefore(statement: Node, block: Node, record: string): boolean {
  for (let n: Node | null = statement; n && !n.equals(block); n = n.parent) {
    for (let s = n.previousNamedSibling; s; s = s.previousNamedSibling) {
      if (s.type === 'expression_statement' && names(s, record) && !reporting(s) && !bookkeeping(s)) return true;
    }
  }
  return false;
}

/** The `try` statements a block ends with, looking into nested blocks and both branches of an `if`. */
function tailTries(block: Node): Node[] {
  const statements = namedChildren(block).filter((c) => c.type !== 'comment' && c.type !== 'empty_statement');
  let i = statements.length - 1;
  while (i >= 0 && (reporting(statements[i]) || bookkeeping(statements[i]))) i--;
  const last = statements[i];
  if (!last) return [];
  if (last.type === 'try_statement') return [last];
  if (last.type === 'statement_block') return tailTries(last);
  if (last.type === 'if_statement') {
    const out: Node[] = [];
    const alternative = last.childForFieldName('alternative');
    for (const branch of [last.childForFieldName('consequence'), alternative ? namedChildren(alternative)[0] : undefined]) {
      if (branch?.type === 'statement_block') out.push(...tailTries(branch));
      else if (branch?.type === 'try_statement') out.push(branch);
    }
    return out;
  }
  return [];
}

/** True when every statement of a catch clause only reports (or there is none); in a loop, `continue` too. */
function onlyReports(clause: Node, inLoop: boolean): boolean {
  const body = clause.childForFieldName('body');
  if (!body || body.hasError) return false;
  return namedChildren(body).every(
    (s) => s.type === 'comment' || s.type === 'empty_statement' || reporting(s) || (inLoop && s.type === 'continue_statement' && namedChildren(s).length === 0),
  );
}

/** The call a statement is the whole of (`f(x);`, `await f(x);`), or undefined. */
function statementCall(s: Node): Node | undefined {
  if (s.type !== 'expression_statement') return undefined;
  let e = s.namedChildren.find((c) => c !== null);
  if (e?.type === 'await_expression') e = e.namedChildren.find((c) => c !== null);
  const call = e ? unwrap(e) : undefined;
  return call?.type === 'call_expression' ? call : undefined;
}

/** True for a statement that is one logging call (`console.error(err)`, `await logger.warn(..)`). */
function reporting(s: Node): boolean {
  const callee = statementCall(s)?.childForFieldName('function');
  if (callee?.type !== 'member_expression') return false;
  const object = callee.childForFieldName('object')?.text ?? '';
  return LOGGER.test(object) && LOG_METHOD.test(callee.childForFieldName('property')?.text ?? '');
}

/** True for `await heartbeat()`, `resolveOffset(message.offset)` and the like. */
function bookkeeping(s: Node): boolean {
  const callee = statementCall(s)?.childForFieldName('function');
  return !!callee && BOOKKEEPING.test(callee.text.replace(/\s+/g, ''));
}

/** True when a `resolveOffset(..)` statement of `block` follows the try that holds `clause`. */
function resolvesAfter(block: Node, clause: Node): boolean {
  return namedChildren(block).some((s) => s.startIndex >= clause.endIndex && /(?:^|\.)resolveOffset$/.test(statementCall(s)?.childForFieldName('function')?.text.replace(/\s+/g, '') ?? ''));
}

/** True when the identifier `name` occurs anywhere under `node`. */
function names(node: Node, name: string): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if ((n.type === 'identifier' || n.type === 'shorthand_property_identifier') && n.text === name) return true;
    for (const c of namedChildren(n)) stack.push(c);
  }
  return false;
}
