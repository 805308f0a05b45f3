import type { CodeFix, Edit } from '../../model';
import type { Node } from '../common/tree-sitter';
import type { Binding, BindingKind, GoContext } from './context';
import type { GoLibrary } from './file';
import { processes } from './processing';
import { isAssignment, mentions, namedArgs, nodeRange, statementOf, stringContent } from './syntax';
import { msg } from '../../i18n/index';
import type { Message } from '../../i18n/index';

/**
 * The code-fact checks several Go libraries share, each parameterised by the library's own methods: sends
 * whose error is thrown away, commits made before the message is processed, and Close without Flush.
 */

/** True when a call's results are thrown away: a bare statement, `go`/`defer`, or assigned only to `_`. */
export function resultIgnored(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === 'expression_statement' || parent.type === 'go_statement' || parent.type === 'defer_statement') return true;
  const stmt = parent.parent;
  if (parent.type === 'expression_list' && stmt && isAssignment(stmt) && stmt.childForFieldName('right')?.startIndex === parent.startIndex) {
    return namedArgs(stmt.childForFieldName('left')).every((n) => n.text === '_');
  }
  return false;
}

/**
 * Reports calls of `methods` on the given bindings whose results (and so their error) are thrown away.
 * `chained` names methods that read the result (`ProduceSync(...).FirstErr()`): then the chained call counts.
 */
export function ignoredSends(ctx: GoContext, library: GoLibrary, methods: readonly string[], targets: readonly Binding[], detail: (call: string) => Message, chained: readonly string[] = []): void {
  for (const site of ctx.callsTo(methods)) {
    if (!targets.some((t) => ctx.refersTo(site.receiver, t))) continue;
    let result: Node = site.call;
    const outer = result.parent?.type === 'selector_expression' ? result.parent.parent : null;
    if (outer?.type === 'call_expression' && chained.includes(result.parent?.childForFieldName('field')?.text ?? '')) result = outer;
    if (!resultIgnored(result)) continue;
    ctx.addFact('unhandled-send', library, nodeRange(site.fn), detail(site.fn.text));
  }
}

/**
 * The fix that moves a one-line statement to just after `after` in the same block (or just before it when
 * `after` is a return, continue, break or goto, after which nothing runs). Empty when it cannot be done safely.
 */
export function moveStatementAfter(ctx: GoContext, statement: Node, after: Node): CodeFix[] {
  const remove = ctx.wholeLines(statement);
  const terminator = ['return_statement', 'continue_statement', 'break_statement', 'goto_statement'].includes(after.type);
  const insert = terminator ? ctx.insertLineBefore(after, statement.text) : ctx.insertLineAfter(after, statement.text);
  if (!remove || !insert || statement.text.includes('\n')) return [];
  return [{ title: msg('scanner.fix.moveAfterProcessing', { statement: statement.text }), preferred: true, edits: [{ range: remove, newText: '' }, insert] }];
}

/** How to find a commit call that runs before the message it commits is processed. */
export interface EarlyCommitCheck {
  readonly library: GoLibrary;
  readonly kinds: readonly BindingKind[];
  /**
   * Commit methods, with the index of the argument naming the message; `poll` when the method takes none
   * and commits what the last poll in the same block returned; `named` when its arguments build offsets
   * from a polled message (`StoreOffsets([]kafka.TopicPartition{{..., Offset: msg.TopicPartition.Offset + 1}})`).
   */
  readonly commits: Readonly<Record<string, number | 'poll' | 'named'>>;
  /** Methods whose result holds the polled message(s). */
  readonly polls: readonly string[];
  readonly detail: (call: string, message: string) => Message;
}

/**
 * A commit followed, in the same block, by statements that still use the message it commits (outside
 * logging and metrics calls, see {@link processes}): the offset
 * is stored before the processing, and a crash in between skips the message. The fix moves the commit to
 * the end of the block.
 */
export function commitBeforeProcessing(ctx: GoContext, check: EarlyCommitCheck): void {
  const targets = ctx.bindings.filter((b) => check.kinds.includes(b.kind));
  for (const site of ctx.callsTo(Object.keys(check.commits))) {
    if (!targets.some((t) => ctx.refersTo(site.receiver, t))) continue;
    const statement = statementOf(site.call);
    const list = statement?.parent;
    if (!statement || list?.type !== 'statement_list') continue;
    const siblings = namedArgs(list);
    const how = check.commits[site.method];
    let message: string | undefined;
    if (how === 'poll' || how === 'named') {
      const receiver = site.receiver.text;
      // The names bound by polls on the same receiver earlier in the block, the latest poll first.
      const polled = siblings
        .filter((s) => s.endIndex <= statement.startIndex && isAssignment(s))
        .reverse()
        .filter((s) => namedArgs(s.childForFieldName('right')).some((r) => {
          const fn = r.type === 'call_expression' ? r.childForFieldName('function') : null;
          return fn?.type === 'selector_expression' && fn.childForFieldName('operand')?.text === receiver && check.polls.includes(fn.childForFieldName('field')?.text ?? '');
        }))
        .map((poll) => namedArgs(poll.childForFieldName('left'))[0])
        .filter((first): first is Node => first?.type === 'identifier' && first.text !== '_')
        .map((first) => first.text);
      if (how === 'poll') message = polled[0];
      else {
        const args = site.call.childForFieldName('arguments');
        message = polled.find((name) => args !== null && mentions(args, name));
      }
    } else {
      message = rootIdentifier(namedArgs(site.call.childForFieldName('arguments'))[how]);
    }
    if (!message) continue;
    const name = message;
    const later = siblings.filter((s) => s.startIndex > statement.endIndex);
    // Logging the offset after committing it is not processing the message.
    if (!later.some((s) => processes(s, name))) continue;
    // The fix commits at the end of the block: values derived from the message are processed up to there.
    ctx.addFact('commit-before-processing', check.library, nodeRange(site.call), check.detail(site.fn.text, name), {
      fixes: moveStatementAfter(ctx, statement, later[later.length - 1]),
    });
  }
}

/** The variable an expression starts from: `fetches` for `fetches.Records()...`, `m` for `m`. */
function rootIdentifier(node: Node | undefined | null): string | undefined {
  let n = node;
  while (n && n.type !== 'identifier') {
    if (n.type === 'selector_expression' || n.type === 'index_expression') n = n.childForFieldName('operand');
    else if (n.type === 'call_expression') n = n.childForFieldName('function');
    else if (n.type === 'variadic_argument' || n.type === 'parenthesized_expression' || n.type === 'unary_expression') n = n.namedChildren[n.namedChildren.length - 1];
    else return undefined;
  }
  return n && n.text !== '_' ? n.text : undefined;
}

/** True when a call runs deferred: `defer x.Close()` or inside a deferred function literal. */
export function isDeferred(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'defer_statement') return true;
    if (n.type === 'function_declaration' || n.type === 'method_declaration') return false;
  }
  return false;
}

/** What the close-without-flush check needs to know about one library. */
export interface CloseCheck {
  readonly library: GoLibrary;
  readonly kinds: readonly BindingKind[];
  /** True when the object behind these bindings sends records (a consumer-only client buffers nothing). */
  readonly produces: (bindings: readonly Binding[]) => boolean;
  /** The Flush call to add for a receiver, or undefined when none can be written safely in that function. */
  readonly flushCall: (receiver: string, fn: Node | null) => string | undefined;
  readonly detail: (receiver: string) => Message;
  /**
   * Methods after which a Close loses nothing, as after `Flush` (confluent-kafka-go's `CommitTransaction`
   * delivers every queued message first, `AbortTransaction` purges the aborted transaction's on purpose).
   */
  readonly alsoFlushes?: readonly string[];
}

/**
 * `x.Close()` on a producer with no `x.Flush(...)` before it in the same function (for a deferred Close,
 * anywhere in the function): the records still buffered are dropped. The fix adds the Flush.
 */
export function closeWithoutFlush(ctx: GoContext, check: CloseCheck): void {
  for (const { call, receiver } of ctx.callsTo('Close')) {
    if (namedArgs(call.childForFieldName('arguments')).length > 0) continue;
    const bindings = ctx.resolve(receiver, check.kinds);
    if (bindings.length === 0 || !check.produces(bindings)) continue;
    const scope = ctx.functionAt(call.startIndex) ?? null;
    const deferred = isDeferred(call);
    const name = receiver.text.replace(/\s+/g, '');
    const flushed = ctx.callsTo(['Flush', ...(check.alsoFlushes ?? [])]).some((site) => {
      if (site.receiver.text.replace(/\s+/g, '') !== name) return false;
      if ((ctx.functionAt(site.call.startIndex) ?? null)?.startIndex !== scope?.startIndex) return false;
      return deferred || site.call.startIndex < call.startIndex;
    });
    if (flushed) continue;
    const flush = check.flushCall(name, scope);
    const fixes: CodeFix[] = [];
    if (flush !== undefined) {
      const statement = call.parent;
      let edit: Edit | undefined;
      if (statement?.type === 'defer_statement') {
        edit = { range: nodeRange(call), newText: `func() { ${flush}; ${call.text} }()` };
      } else if (statement?.type === 'expression_statement' && statement.parent?.type === 'statement_list') {
        edit = ctx.insertLineBefore(statement, flush);
      }
      if (edit) fixes.push({ title: msg('scanner.go.fix.flushBeforeClose', { name }), preferred: true, edits: [edit] });
    }
    ctx.addFact('close-without-flush', check.library, nodeRange(call), check.detail(name), { fixes });
  }
}

/** The name of a `context.Context` parameter of a function, if it has one. */
export function contextParameter(fn: Node | null): string | undefined {
  const params = fn?.childForFieldName('parameters');
  for (const p of namedArgs(params)) {
    if (p.type !== 'parameter_declaration' || p.childForFieldName('type')?.text !== 'context.Context') continue;
    const name = p.childrenForFieldName('name')[0];
    if (name) return name.text;
  }
  return undefined;
}

/** True when the file imports a standard-library package by its plain name (`context`, `time`). */
export function importsPlain(root: Node, path: string): boolean {
  return root.descendantsOfType('import_spec').some((s) => s !== null && !s.childForFieldName('name') && stringContent(s.childForFieldName('path')) === path);
}
