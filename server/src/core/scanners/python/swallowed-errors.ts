import type { CodeFact, LibraryId } from '../../model';
import type { Node } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';
import { msg } from '../../i18n/index';
import type { CommitContext } from './facts';
import { messageNames, readsAny } from './facts';

/**
 * Python `commit-after-swallowed-error` facts (confluent-kafka, kafka-python, aiokafka): a `consumer.commit(..)`
 * right after a `try` whose broad `except` only logs the failure to process a polled message, in the same
 * iteration of the poll loop (`for msg in consumer:` / `msg = consumer.poll(..)` ... `try: .. except Exception:
 * log.error(..)` then `consumer.commit(..)`); or right after a loop over polled messages
 * (`for msg in consumer.consume(..)`) that ends with such a `try`. The message that failed is committed.
 *
 * Deliberately narrow: only a bare `except:`, `except Exception` or `except BaseException` (alone or in a
 * tuple); only an `except` whose every statement is a logging call (`print`, `log.*`, `logger.*`, `logging.*`,
 * `self.logger.*`, `traceback.print_exc()`) or `pass` (and, inside a loop over a batch, `continue`); only a
 * `try` without `else` or `finally`, after no call that already processes the message; only a commit of no arguments, of the polled message, or with
 * `asynchronous=`; and nothing but logging between the `try` (or loop) and the commit.
 */

/** Exception types that catch every processing failure. */
const BROAD = /^(?:Exception|BaseException|builtins\.(?:Exception|BaseException))$/;

/** Calls that only report: print, loggers, the logging module, tracebacks, warnings. */
const REPORTING = /^(?:print|(?:log|logger|logging|LOG|LOGGER|_log|_logger|self\.log|self\.logger|self\._log|self\._logger|warnings)\.\w+|traceback\.print_exc)$/;

/** The `commit-after-swallowed-error` fact of one `consumer.commit(..)` call, if its loop swallows a failure before it. */
export function swallowedErrorFact(call: Node, library: LibraryId, ctx: CommitContext): CodeFact | undefined {
  const statement = call.parent?.type === 'await' ? call.parent.parent : call.parent;
  const block = statement?.parent;
  if (statement?.type !== 'expression_statement' || block?.type !== 'block') return undefined;
  let before = statement.previousNamedSibling;
  while (before && (before.type === 'comment' || reporting(before))) before = before.previousNamedSibling;
  if (!before) return undefined;
  const what = `${call.childForFieldName('function')?.text ?? 'consumer.commit'}()`;
  if (before.type === 'try_statement') {
    // `try` then the commit, in the body of the poll loop: this iteration's message.
    const loop = block.parent;
    if (!loop || (loop.type !== 'for_statement' && loop.type !== 'while_statement') || !loop.childForFieldName('body')?.equals(block)) return undefined;
    const names = messageNames(loop, ctx);
    if (names.size === 0 || !commitsPolled(call, names)) return undefined;
    const clause = swallowingClause(before, names, false, ctx);
    return clause ? fact(clause, 'scanner.python.swallowedThenCommitted', what, names, library) : undefined;
  }
  if (before.type === 'for_statement') {
    // A loop over a polled batch, then the commit: every message of the batch.
    const names = messageNames(before, ctx);
    const left = before.childForFieldName('left');
    const right = before.childForFieldName('right');
    const body = before.childForFieldName('body');
    if (left?.type !== 'identifier' || !right || !body || !polledBatch(right, names, ctx) || !commitsPolled(call, names)) return undefined;
    const tail = lastStatement(body);
    const record = new Set([left.text]);
    const clause = tail?.type === 'try_statement' ? swallowingClause(tail, record, true, ctx) : undefined;
    return clause ? fact(clause, 'scanner.python.swallowedInBatchThenCommitted', what, record, library) : undefined;
  }
  return undefined;
}

/** The fact on an except clause's head (`except Exception as e`). */
function fact(clause: Node, key: 'scanner.python.swallowedThenCommitted' | 'scanner.python.swallowedInBatchThenCommitted', commit: string, names: ReadonlySet<string>, library: LibraryId): CodeFact {
  const body = namedChildren(clause).find((c) => c.type === 'block');
  const head = clause.text
    .slice(0, body ? body.startIndex - clause.startIndex : clause.text.length)
    .trimEnd()
    .replace(/:$/, '')
    .trimEnd();
  return {
    kind: 'commit-after-swallowed-error',
    library,
    range: { start: clause.startIndex, end: clause.startIndex + head.length },
    detail: msg(key, { except: head.replace(/\s+/g, ' '), record: [...names][0], commit }),
  };
}

/** True when a loop's iterable is a batch of polled messages: a name holding one, or `consumer.consume(..)` itself. */
function polledBatch(right: Node, names: ReadonlySet<string>, ctx: CommitContext): boolean {
  if (right.type === 'identifier') return names.has(right.text);
  const fn = right.type === 'call' ? right.childForFieldName('function') : undefined;
  const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  return !!object && (method === 'consume' || method === 'poll') && ctx.isConsumer(object);
}

/** True when a commit commits the consumer's position or a polled message: no arguments, the message, `asynchronous=`. */
function commitsPolled(call: Node, names: ReadonlySet<string>): boolean {
  const args = call.childForFieldName('arguments');
  for (const a of args ? namedChildren(args) : []) {
    if (a.type === 'comment') continue;
    if (a.type === 'identifier' && names.has(a.text)) continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name === 'asynchronous') continue;
      if (name === 'message' && value?.type === 'identifier' && names.has(value.text)) continue;
    }
    return false;
  }
  return true;
}

/** The last statement of a block, logging calls aside. */
function lastStatement(block: Node): Node | undefined {
  const statements = namedChildren(block).filter((c) => c.type !== 'comment');
  let i = statements.length - 1;
  while (i >= 0 && reporting(statements[i])) i--;
  return statements[i];
}

/**
 * The broad except clause of a `try` around the processing of `names` that only reports the failure, or
 * undefined (also when the `try` has an `else` or `finally`, which may handle what the `except` noted).
 */
function swallowingClause(statement: Node, names: ReadonlySet<string>, inLoop: boolean, ctx: CommitContext): Node | undefined {
  const parts = namedChildren(statement);
  const body = statement.childForFieldName('body');
  if (!body || !readsAny(body, names, ctx) || parts.some((p) => p.type === 'else_clause' || p.type === 'finally_clause')) return undefined;
  // A call before the try that already processes the message (`store(msg)`): the try is a further, perhaps best-effort, step.
  for (let s = statement.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (callStatement(s) && !reporting(s) && readsAny(s, names, ctx)) return undefined;
  }
  return parts.find((p) => p.type === 'except_clause' && broad(p) && onlyReports(p, inLoop));
}

/** True for a bare `except:` and an `except` of `Exception` / `BaseException` (alone, in a tuple, or `as e`). */
function broad(clause: Node): boolean {
  const first = namedChildren(clause).find((c) => c.type !== 'comment');
  if (!first || first.type === 'block') return true;
  const types = first.type === 'as_pattern' ? namedChildren(first)[0] : first;
  if (!types) return false;
  const list = types.type === 'tuple' || types.type === 'parenthesized_expression' ? namedChildren(types) : [types];
  return list.some((t) => BROAD.test(t.text));
}

/** True when every statement of an except clause only reports (`pass`; in a batch loop, `continue` too). */
function onlyReports(clause: Node, inLoop: boolean): boolean {
  const body = namedChildren(clause).find((c) => c.type === 'block');
  if (!body || body.hasError) return false;
  return namedChildren(body).every((s) => s.type === 'comment' || s.type === 'pass_statement' || reporting(s) || (inLoop && s.type === 'continue_statement'));
}

/** True for a statement that is one call, awaited or not (`store(msg)`, `await save(msg)`), not an assignment. */
function callStatement(s: Node): boolean {
  if (s.type !== 'expression_statement') return false;
  const e = namedChildren(s)[0];
  const call = e?.type === 'await' ? namedChildren(e)[0] : e;
  return call?.type === 'call';
}

/** True for a statement that is one logging call (`log.error(..)`, `print(..)`, `traceback.print_exc()`). */
function reporting(s: Node): boolean {
  if (s.type !== 'expression_statement') return false;
  const call = namedChildren(s)[0];
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return !!fn && REPORTING.test(fn.text.replace(/\s+/g, ''));
}
