import type { CodeFact } from '../../model';
import type { Node } from '../common/tree-sitter';
import { msg } from '../../i18n/index';
import type { JavaFile } from './file';
import { callsNamed } from './file';
import type { Decl } from './symbols';
import { commitsWholeBatch, polledFrom } from './facts';

/**
 * Java `commit-after-swallowed-error` facts: in the loop over the records a `KafkaConsumer` polled, a broad
 * `catch` around the processing of each record only logs (or does nothing) and the loop goes on, and a
 * commit of the whole batch follows (after the loop, or later in its body): the record whose processing
 * failed is committed as done and never redelivered.
 *
 * Deliberately narrow, since a false finding costs more than a miss: only `catch (Exception | Throwable |
 * RuntimeException ..)` (a narrow catch, a parse error of a poison record, is a chosen skip); only a catch
 * whose every statement is a logging call, `e.printStackTrace()` or a plain `continue` (anything else may
 * rethrow, dead-letter, retry, seek, set a flag or collect the failure); only a `try` with no `finally` that
 * is the last thing the loop body does (code after it may handle a failure the `try` recorded) and comes
 * after no call that already processes the record (the `try` may then be a best-effort extra step); only a
 * no-argument (whole-batch) `commitSync` / `commitAsync` on the same consumer. A consumer that relies on
 * auto-commit has no commit call to anchor on and is not reported.
 */

/** Catch types that catch every processing failure. */
const BROAD_CATCH = /^(?:java\.lang\.)?(?:Exception|Throwable|RuntimeException)$/;

/** Names of a logger or the standard streams: a call on them only reports. */
const LOGGER = /^(?:this\.)?(?:log|logger|LOG|LOGGER|Log|Logger|_log|_logger|[a-z][\w$]*Logger|[A-Z][A-Z0-9_]*_LOGGER|[A-Z][A-Z0-9_]*_LOG)$|^System\.(?:out|err)$/;

/** Methods of a logger or a print stream that only report. */
const LOG_METHOD = /^(?:trace|debug|info|warn|warning|error|fatal|severe|fine|finer|finest|config|log|println|print|printf|format)$/;

/** Calls that hand work to another thread: a `try` around them catches only the hand-off. */
const HAND_OFF = /\.(?:submit|execute|runAsync|supplyAsync|schedule)\s*\(/;

/** Finds the `commit-after-swallowed-error` facts of a Java file, in source order of their catch clauses. */
export function findSwallowedErrorCommits(file: JavaFile): CodeFact[] {
  const commits: Node[] = [];
  for (const name of ['commitSync', 'commitAsync']) {
    for (const call of callsNamed(file, name)) {
      if (file.symbols.kindOf(call.childForFieldName('object')) === 'consumer' && commitsWholeBatch(file, call)) commits.push(call);
    }
  }
  commits.sort((a, b) => a.startIndex - b.startIndex);
  const reported = new Map<number, CodeFact>();
  for (const commit of commits) {
    const consumer = file.symbols.resolve(commit.childForFieldName('object'));
    if (!consumer) continue;
    for (const loop of recordLoopsBefore(file, commit, consumer)) {
      for (const clause of swallowingCatches(loop, commit)) {
        if (reported.has(clause.startIndex)) continue;
        const body = clause.childForFieldName('body');
        const head = file.text.slice(clause.startIndex, body?.startIndex ?? clause.endIndex).trimEnd();
        const object = commit.childForFieldName('object')?.text ?? 'consumer';
        const method = commit.childForFieldName('name')?.text ?? 'commitSync';
        const where = contains(loop.node, commit) ? 'scanner.java.swallowedThenCommittedInLoop' : 'scanner.java.swallowedThenCommitted';
        reported.set(clause.startIndex, {
          kind: 'commit-after-swallowed-error',
          library: 'java',
          range: { start: clause.startIndex, end: clause.startIndex + head.length },
          detail: msg(where, { catch: head.replace(/\s+/g, ' '), record: loop.record, object, method }),
        });
      }
    }
  }
  return [...reported.values()].sort((a, b) => a.range.start - b.range.start);
}

/** A loop over polled records: the for-each statement or `forEach` lambda, and the name of its record. */
interface RecordLoop {
  readonly node: Node;
  /** The loop's body: a block. */
  readonly body: Node;
  readonly record: string;
}

/**
 * The loops over the records `consumer` polled, in the method (or lambda) of the commit, that the commit
 * follows: it comes after the loop, where the loop's records variable is still in view (the batch the loop
 * went through is the one it commits), or inside the loop's body.
 */
function recordLoopsBefore(file: JavaFile, commit: Node, consumer: Decl): RecordLoop[] {
  const scope = file.containers.enclosing(commit, ['method_declaration', 'constructor_declaration', 'lambda_expression']);
  if (!scope) return [];
  const out: RecordLoop[] = [];
  for (const node of file.containers.nodes) {
    if (node.startIndex < scope.startIndex || node.endIndex > scope.endIndex || node.startIndex >= commit.startIndex) continue;
    if (node.type !== 'enhanced_for_statement' && node.type !== 'lambda_expression') continue;
    // The loop must belong to the commit's own method or lambda, not a nested one.
    if (file.containers.enclosing(node, ['method_declaration', 'constructor_declaration', 'lambda_expression'])?.id !== scope.id) continue;
    const loop = recordLoop(file, node, consumer, commit);
    if (loop) out.push(loop);
  }
  return out;
}

/** The node as a loop over records `consumer` polled that `commit` follows, or undefined. */
function recordLoop(file: JavaFile, node: Node, consumer: Decl, commit: Node): RecordLoop | undefined {
  const inside = contains(node, commit);
  if (!inside && node.endIndex > commit.startIndex) return undefined;
  if (node.type === 'enhanced_for_statement') {
    const value = node.childForFieldName('value');
    const body = node.childForFieldName('body');
    const record = node.childForFieldName('name')?.text;
    if (!value || !body || body.type !== 'block' || !record) return undefined;
    // `for (var r : records)`, `for (var r : records.records(tp))`: the commit must still see that records variable.
    const records = value.type === 'method_invocation' ? value.childForFieldName('object') : value;
    const decl = records ? file.symbols.resolve(records) : undefined;
    if (decl && (value.type !== 'method_invocation' || value.childForFieldName('name')?.text === 'records')) {
      if (polledFrom(file, decl) !== consumer || commit.startIndex >= decl.scopeEnd) return undefined;
      return { node, body, record };
    }
    // `for (var r : consumer.poll(timeout))`: the commit must be in the block that holds the loop.
    if (value.type === 'method_invocation' && value.childForFieldName('name')?.text === 'poll' && decl === consumer) {
      const block = node.parent;
      return inside || (block && contains(block, commit)) ? { node, body, record } : undefined;
    }
    return undefined;
  }
  // `records.forEach(r -> { .. })`
  const call = node.parent?.type === 'argument_list' ? node.parent.parent : undefined;
  if (call?.type !== 'method_invocation' || call.childForFieldName('name')?.text !== 'forEach') return undefined;
  const decl = file.symbols.resolve(call.childForFieldName('object'));
  if (!decl || polledFrom(file, decl) !== consumer || commit.startIndex >= decl.scopeEnd) return undefined;
  const params = node.childForFieldName('parameters');
  const record = params?.type === 'identifier' ? params.text : params?.namedChildren.length === 1 ? (params.namedChildren[0]?.type === 'identifier' ? params.namedChildren[0].text : params.namedChildren[0]?.childForFieldName('name')?.text) : undefined;
  const body = node.childForFieldName('body');
  if (!record || !body || body.type !== 'block') return undefined;
  return { node, body, record };
}

/**
 * The catch clauses of the loop body's last `try` (through blocks and `if`s) that swallow a failure of the
 * record's processing. With the commit inside the loop, the statements after the `try` may be the commit's.
 */
function swallowingCatches(loop: RecordLoop, commit: Node): Node[] {
  const out: Node[] = [];
  for (const statement of tailTries(loop.body, commit)) {
    if (statement.endIndex > commit.startIndex) continue;
    const tryBody = statement.childForFieldName('body');
    if (!tryBody || !mentions(tryBody.text, loop.record) || HAND_OFF.test(tryBody.text) || processedBefore(statement, loop.body, loop.record)) continue;
    const clauses = statement.namedChildren.filter((c): c is Node => c !== null && (c.type === 'catch_clause' || c.type === 'finally_clause'));
    if (clauses.some((c) => c.type === 'finally_clause')) continue;
    for (const clause of clauses) if (broadCatch(clause) && onlyReports(clause)) out.push(clause);
  }
  return out;
}

/**
 * True when a statement before the `try` (in its block, or in the blocks around it up to the loop body)
 * already hands the record to a call that is not logging (`store(r);`): the `try` is then a further,
 * perhaps best-effort, step and its failure need not lose the record.
 */
function processedBefore(statement: Node, body: Node, record: string): boolean {
  for (let n: Node | null = statement; n && n.id !== body.id; n = n.parent) {
    for (let s = n.previousNamedSibling; s; s = s.previousNamedSibling) {
      if (s.type === 'expression_statement' && mentions(s.text, record) && !reportingStatement(s)) return true;
    }
  }
  return false;
}

/**
 * The `try` statements that are the last thing a block does, looking into nested blocks and both branches
 * of an `if`; statements after them that only log, or that hold the commit, do not count.
 */
function tailTries(block: Node, commit: Node): Node[] {
  const statements = block.namedChildren.filter((c): c is Node => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment');
  let i = statements.length - 1;
  while (i >= 0 && (contains(statements[i], commit) || statements[i].startIndex >= commit.startIndex || reportingStatement(statements[i]))) i--;
  const last = statements[i];
  if (!last) return [];
  if (last.type === 'try_statement' || last.type === 'try_with_resources_statement') return [last];
  if (last.type === 'block') return tailTries(last, commit);
  if (last.type === 'if_statement') {
    const out: Node[] = [];
    for (const branch of [last.childForFieldName('consequence'), last.childForFieldName('alternative')]) {
      if (branch?.type === 'block') out.push(...tailTries(branch, commit));
      else if (branch?.type === 'try_statement') out.push(branch);
    }
    return out;
  }
  return [];
}

/** True when a catch clause catches every exception type that processing may throw. */
function broadCatch(clause: Node): boolean {
  const param = clause.namedChildren.find((c) => c?.type === 'catch_formal_parameter');
  const types = param?.namedChildren.find((c) => c?.type === 'catch_type');
  return !!types && types.namedChildren.some((t) => t !== null && BROAD_CATCH.test(t.text.replace(/\s+/g, '')));
}

/** True when every statement of a catch clause only reports the failure (or there is none): nothing handles it. */
function onlyReports(clause: Node): boolean {
  const body = clause.childForFieldName('body');
  const param = clause.namedChildren.find((c) => c?.type === 'catch_formal_parameter')?.childForFieldName('name')?.text;
  if (!body || body.hasError) return false;
  for (const s of body.namedChildren) {
    if (!s || s.type === 'line_comment' || s.type === 'block_comment') continue;
    // A plain `continue` goes on to the next record, as the end of the catch does.
    if (s.type === 'continue_statement' && s.namedChildCount === 0) continue;
    if (reportingStatement(s)) continue;
    // `e.printStackTrace();`
    const call = s.type === 'expression_statement' ? s.namedChild(0) : null;
    if (call?.type === 'method_invocation' && call.childForFieldName('name')?.text === 'printStackTrace' && call.childForFieldName('object')?.text === param && (call.childForFieldName('arguments')?.namedChildCount ?? 0) === 0) continue;
    return false;
  }
  return true;
}

/** True for a statement that is one call on a logger or `System.out` / `System.err` (`log.error("..", e);`). */
function reportingStatement(s: Node): boolean {
  if (s.type !== 'expression_statement') return false;
  const call = s.namedChild(0);
  if (call?.type !== 'method_invocation') return false;
  const object = call.childForFieldName('object');
  return !!object && LOGGER.test(object.text) && LOG_METHOD.test(call.childForFieldName('name')?.text ?? '');
}

/** True when `text` names `name` as a whole word. */
function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}

/** True when `inner` lies within `outer`. */
function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}
