import type { CodeFact, CodeFix, Edit } from '../../model';
import { eolOf } from '../../text';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';
import type { JavaFile } from './file';
import { argumentsOf, callsNamed, endsLine, headRange, indentAt, ownLinesRange, statementOf } from './file';
import type { Decl } from './symbols';
import { simpleTypeName } from './symbols';
import { msg } from '../../i18n/index';
import type { Message } from '../../i18n/index';

/**
 * Java code facts: sends whose result nobody reads, offsets committed before the polled records are
 * processed, and producers closed without waiting for their buffer. Only calls on names the symbol table
 * knows to be Kafka clients count: a `send()` on a mail sender or a `commit()` on a database transaction
 * never does.
 */

/** Finds the code facts of a Java file. */
export function findJavaFacts(file: JavaFile): CodeFact[] {
  const facts: CodeFact[] = [];
  // Source order matters only within a kind; each list is in source order.
  for (const name of ['send', 'sendDefault']) {
    for (const call of callsNamed(file, name)) {
      const kind = file.symbols.kindOf(call.childForFieldName('object'));
      if (kind === 'producer' && name === 'send') unhandledProducerSend(file, call, facts);
      else if (kind === 'template') unhandledTemplateSend(file, call, facts);
    }
  }
  for (const name of ['commitSync', 'commitAsync']) {
    for (const call of callsNamed(file, name)) if (file.symbols.kindOf(call.childForFieldName('object')) === 'consumer') commitBeforeProcessing(file, call, facts);
  }
  for (const call of callsNamed(file, 'close')) {
    if (file.symbols.kindOf(call.childForFieldName('object')) === 'producer') closeWithoutWaiting(file, call, facts);
  }
  for (const call of callsNamed(file, 'acknowledge')) acknowledgeBeforeProcessing(file, call, facts);
  for (const ref of file.references) {
    // `records.forEach(producer::send)`: every Future is dropped.
    const target = ref.namedChild(0);
    const method = ref.namedChild(1);
    if (method?.text !== 'send' || file.symbols.kindOf(target) !== 'producer') continue;
    if (!isForEachArgument(ref)) continue;
    facts.push({
      kind: 'unhandled-send',
      library: 'java',
      range: nodeRange(ref),
      detail: msg('scanner.java.methodReferenceSend', { reference: ref.text }),
    });
  }
  return facts;
}

/** True when `node` is an argument of a `forEach(..)` call, whose return values are discarded. */
function isForEachArgument(node: Node): boolean {
  const list = node.parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  const name = call?.type === 'method_invocation' ? call.childForFieldName('name')?.text : undefined;
  return name === 'forEach' || name === 'forEachOrdered';
}

/** True when the value of a call is thrown away: a statement of its own, or the body of a `forEach` lambda. */
function resultIgnored(call: Node): boolean {
  if (statementOf(call)) return true;
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === 'lambda_expression' && parent.childForFieldName('body')?.id === call.id) return isForEachArgument(parent);
  return false;
}

/** The first of `names` that the enclosing method does not already use (a lambda parameter must not shadow a local). */
function freshName(file: JavaFile, at: Node, names: readonly string[]): string {
  const scope = file.containers.enclosing(at, ['method_declaration', 'constructor_declaration', 'class_body']) ?? at;
  const text = file.text.slice(scope.startIndex, scope.endIndex);
  for (const n of names) if (!new RegExp(`\\b${n}\\b`).test(text)) return n;
  return `${names[0]}${scope.startIndex}`;
}

/** What the inserted handler says: a comment the user replaces with real handling. */
const HANDLER_COMMENT = '/* handle the failed send: retry, log, or dead-letter it */';

/** A callback's exception parameter and body: a lambda `(metadata, exception) -> ..` or an anonymous `Callback`. */
function callbackParts(callback: Node): { readonly exception: string; readonly body: Node } | undefined {
  let params: Node | null = null;
  let body: Node | null = null;
  if (callback.type === 'lambda_expression') {
    params = callback.childForFieldName('parameters');
    body = callback.childForFieldName('body');
  } else if (callback.type === 'object_creation_expression') {
    const classBody = callback.lastNamedChild;
    const method = classBody?.type === 'class_body' ? classBody.namedChildren.find((m) => m?.type === 'method_declaration' && m.childForFieldName('name')?.text === 'onCompletion') : undefined;
    params = method?.childForFieldName('parameters') ?? null;
    body = method?.childForFieldName('body') ?? null;
  }
  if (!params || !body) return undefined;
  const names = params.namedChildren
    .filter((p): p is Node => p !== null && p.type !== 'line_comment' && p.type !== 'block_comment')
    .map((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text));
  const exception = names.length === 2 ? names[1] : undefined;
  return exception ? { exception, body } : undefined;
}

/** True when a callback body never reads its exception parameter (`(m, e) -> {}`, `(m, e) -> log.info("sent")`). */
function ignoresException(parts: { readonly exception: string; readonly body: Node }): boolean {
  return !new RegExp(`(?<![\\w$])${parts.exception.replace(/\$/g, '\\$')}(?![\\w$])`).test(parts.body.text);
}

/** The fix that fills an empty callback body `{}` with a check of the exception. */
function fillEmptyCallback(parts: { readonly exception: string; readonly body: Node }): CodeFix[] {
  const { body, exception } = parts;
  if (body.type !== 'block' || body.namedChildCount > 0 || body.text.replace(/\s+/g, '') !== '{}') return [];
  return [{ title: msg('scanner.java.fix.handleException'), preferred: true, edits: [{ range: nodeRange(body), newText: `{ if (${exception} != null) { ${HANDLER_COMMENT} } }` }] }];
}

/** `producer.send(record);` with no callback (or one that ignores the exception) and the Future dropped. */
function unhandledProducerSend(file: JavaFile, call: Node, facts: CodeFact[]): void {
  const args = argumentsOf(call);
  if (args.length === 0) return; // half-typed code
  const callback = args.length >= 2 && args[1].type !== 'null_literal' ? args[1] : undefined;
  const parts = callback ? callbackParts(callback) : undefined;
  // A callback passed by name, or one that reads the exception, handles the failure.
  if (callback && (!parts || !ignoresException(parts))) return;
  if (!resultIgnored(call)) return;
  if (inTransaction(file, call)) return;
  const object = call.childForFieldName('object')?.text ?? 'producer';
  if (parts) {
    facts.push({
      kind: 'unhandled-send',
      library: 'java',
      // A multi-line callback: squiggle the first line only.
      range: headRange(file.text, call),
      detail: msg('scanner.java.callbackIgnoresException', { object, exception: parts.exception }),
      fixes: fillEmptyCallback(parts),
    });
    return;
  }
  const fixes: CodeFix[] = [];
  const list = call.childForFieldName('arguments');
  if (args.length === 1 && list && !list.hasError) {
    const md = freshName(file, call, ['metadata', 'recordMetadata', 'sentMetadata']);
    const ex = freshName(file, call, ['exception', 'sendException', 'failure']);
    const edit: Edit = {
      range: { start: args[0].endIndex, end: args[0].endIndex },
      newText: `, (${md}, ${ex}) -> { if (${ex} != null) { ${HANDLER_COMMENT} } }`,
    };
    fixes.push({ title: msg('scanner.java.fix.addCallback'), preferred: true, edits: [edit] });
  }
  facts.push({
    kind: 'unhandled-send',
    library: 'java',
    range: nodeRange(call),
    detail: msg('scanner.java.noCallback', { object }),
    fixes,
  });
}

/**
 * True when the method around a send commits a transaction on the same producer: a failed send then makes
 * `commitTransaction()` throw, so the failure is not silent.
 */
function inTransaction(file: JavaFile, call: Node): boolean {
  const producer = file.symbols.resolve(call.childForFieldName('object'));
  const method = file.containers.enclosing(call, ['method_declaration', 'constructor_declaration']);
  if (!producer || !method) return false;
  return callsNamed(file, 'commitTransaction').some(
    (c) => c.startIndex >= method.startIndex && c.endIndex <= method.endIndex && file.symbols.resolve(c.childForFieldName('object')) === producer,
  );
}

/**
 * True when a sent-result future is inspected: chained into `exceptionally`, `handle`, `get`, `join`, a
 * `whenComplete` whose callback reads the exception, or Spring 2.x `addCallback`; or kept (assigned,
 * returned, passed on). `thenAccept`/`thenApply`/`thenRun` pass a failure on to a future that is dropped.
 */
function templateResultHandled(call: Node): boolean {
  let current = call;
  for (;;) {
    const parent = current.parent;
    if (parent?.type === 'method_invocation' && parent.childForFieldName('object')?.id === current.id) {
      const name = parent.childForFieldName('name')?.text ?? '';
      if (/^then(?:Accept|Apply|Run|Compose)(?:Async)?$/.test(name)) {
        current = parent;
        continue;
      }
      if (name === 'whenComplete' || name === 'whenCompleteAsync') {
        const callback = argumentsOf(parent)[0];
        const parts = callback ? callbackParts(callback) : undefined;
        if (parts && ignoresException(parts)) {
          current = parent;
          continue;
        }
      }
      return true;
    }
    return !resultIgnored(current);
  }
}

/** `kafkaTemplate.send(..);` whose CompletableFuture is dropped (or only followed by `thenAccept`). */
function unhandledTemplateSend(file: JavaFile, call: Node, facts: CodeFact[]): void {
  if (argumentsOf(call).length === 0 || templateResultHandled(call)) return;
  const object = call.childForFieldName('object')?.text ?? 'kafkaTemplate';
  const name = call.childForFieldName('name')?.text ?? 'send';
  const fixes: CodeFix[] = [];
  if (statementOf(call) && !call.hasError) {
    const result = freshName(file, call, ['result', 'sendResult']);
    const ex = freshName(file, call, ['ex', 'failure', 'sendFailure']);
    fixes.push({
      title: msg('scanner.java.fix.whenComplete'),
      preferred: true,
      edits: [{ range: { start: call.endIndex, end: call.endIndex }, newText: `.whenComplete((${result}, ${ex}) -> { if (${ex} != null) { ${HANDLER_COMMENT} } })` }],
    });
  }
  facts.push({
    kind: 'unhandled-send',
    library: 'spring',
    range: nodeRange(call),
    detail: msg('scanner.java.futureIgnored', { object, method: name }),
    fixes,
  });
}

/** True when a commit commits the positions of the last poll (no explicit offsets map). */
export function commitsWholeBatch(file: JavaFile, call: Node): boolean {
  const args = argumentsOf(call);
  if (args.length === 0) return true;
  if (args.length > 1) return false;
  const a = args[0];
  if (a.type === 'lambda_expression' || a.type === 'method_reference') return true;
  if (/^(java\.time\.)?Duration\./.test(a.text)) return true;
  const decl = file.symbols.resolve(a);
  return decl?.typeName === 'Duration' || decl?.typeName === 'OffsetCommitCallback';
}

/** The consumer declaration a records variable was polled from. */
export function polledFrom(file: JavaFile, records: Decl): Decl | undefined {
  const init = records.init;
  if (init?.type !== 'method_invocation' || init.childForFieldName('name')?.text !== 'poll') return undefined;
  return file.symbols.resolve(init.childForFieldName('object'));
}

/** References to a declared name from `from` to the end of its scope, in source order. */
function usesOf(file: JavaFile, decl: Decl, from: number): Node[] {
  return identifiersNamed(file, decl.name, from, decl.scopeEnd).filter((id) => file.symbols.lookup(id.text, id.startIndex) === decl);
}

/**
 * The identifiers spelled `name` in `[from, end)`, in source order: a text search, then the node at each
 * hit, far cheaper than visiting every identifier of the block.
 */
function identifiersNamed(file: JavaFile, name: string, from: number, end: number): Node[] {
  const out: Node[] = [];
  const pattern = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  pattern.lastIndex = from;
  for (let m = pattern.exec(file.text); m && m.index < end; m = pattern.exec(file.text)) {
    const id = file.root.descendantForIndex(m.index, m.index + name.length);
    if (id && id.type === 'identifier' && id.startIndex === m.index) out.push(id);
  }
  return out;
}

/** Uses of a records variable that process it (anything but `isEmpty()` / `count()`), in source order. */
function processingUses(file: JavaFile, records: Decl): Node[] {
  return usesOf(file, records, records.node.endIndex).filter((id) => {
    const parent = id.parent;
    if (parent?.type !== 'method_invocation' || parent.childForFieldName('object')?.id !== id.id) return true;
    const name = parent.childForFieldName('name')?.text;
    return name !== 'isEmpty' && name !== 'count';
  });
}

/** True when `inner` lies within `outer`. */
function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** The loop (for-each or `records.forEach(..)` lambda) over the records variable that contains `node`, if any. */
function loopOverRecords(file: JavaFile, node: Node, records: Decl | undefined, consumer: Decl): Node | undefined {
  for (const p of file.containers.around(node)) {
    if (p.type === 'method_declaration' || p.type === 'class_body') return undefined;
    if (p.type === 'enhanced_for_statement') {
      const value = p.childForFieldName('value');
      if (!value) continue;
      if (records && file.symbols.resolve(value) === records) return p;
      // `for (var r : records.records(tp))` or `for (var r : consumer.poll(timeout))`.
      const inner = value.type === 'method_invocation' ? value.childForFieldName('object') : undefined;
      const calledName = value.type === 'method_invocation' ? value.childForFieldName('name')?.text : undefined;
      if (records && inner && file.symbols.resolve(inner) === records) return p;
      if (calledName === 'poll' && inner && file.symbols.resolve(inner) === consumer) return p;
    }
    if (p.type === 'lambda_expression' && records) {
      const call = p.parent?.parent;
      if (call?.type === 'method_invocation' && call.childForFieldName('name')?.text === 'forEach' && file.symbols.resolve(call.childForFieldName('object')) === records) return p;
    }
  }
  return undefined;
}

/** `consumer.commitSync()` after `poll()` and before (or inside) the processing of the polled records. */
function commitBeforeProcessing(file: JavaFile, call: Node, facts: CodeFact[]): void {
  if (!commitsWholeBatch(file, call)) return;
  const consumer = file.symbols.resolve(call.childForFieldName('object'));
  if (!consumer) return;
  const method = call.childForFieldName('name')?.text ?? 'commitSync';
  const object = call.childForFieldName('object')?.text ?? 'consumer';
  // The latest poll of this consumer whose records variable is visible at the commit.
  let records: Decl | undefined;
  for (const d of file.records) {
    if (call.startIndex < d.scopeStart || call.startIndex >= d.scopeEnd) continue;
    if (polledFrom(file, d) !== consumer) continue;
    if (!records || d.scopeStart > records.scopeStart) records = d;
  }
  if (records) {
    const uses = processingUses(file, records);
    const first = uses[0];
    if (first && call.startIndex < first.startIndex && !contains(call, first)) {
      facts.push({
        kind: 'commit-before-processing',
        library: 'java',
        range: nodeRange(call),
        detail: msg('scanner.java.commitBeforeProcessing', { object, method }),
        fixes: moveCommitFix(file, call, uses),
      });
      return;
    }
    const before = uses.filter((u) => u.endIndex <= call.startIndex && u.startIndex >= records!.node.endIndex);
    const last = before[before.length - 1];
    if (last && !loopOverRecords(file, call, records, consumer) && before.every((u) => handedOff(file, u)) && !WAITS.test(file.text.slice(last.endIndex, call.startIndex))) {
      facts.push({
        kind: 'commit-before-processing',
        library: 'java',
        range: nodeRange(call),
        detail: msg('scanner.java.commitWhileProcessing', { object, method }),
      });
      return;
    }
  }
  const loop = loopOverRecords(file, call, records, consumer);
  if (loop) {
    facts.push({
      kind: 'commit-before-processing',
      library: 'java',
      range: nodeRange(call),
      detail: msg('scanner.java.commitInLoop', { object, method }),
      fixes: moveOutOfLoopFix(file, call, loop),
    });
  }
}

/** Moves a commit statement out of a for-each loop body to just after the loop. */
function moveOutOfLoopFix(file: JavaFile, call: Node, loop: Node): CodeFix[] {
  let statement = statementOf(call);
  if (!statement || loop.type !== 'enhanced_for_statement') return [];
  // `try { consumer.commitSync(); } catch (..) {..}`: the try exists for the commit and moves with it.
  for (let block = statement.parent; block?.type === 'block' && block.parent?.type === 'try_statement' && block.parent.childForFieldName('body')?.id === block.id; block = statement.parent) {
    if (block.namedChildren.filter((c) => c && c.type !== 'line_comment' && c.type !== 'block_comment').length !== 1) break;
    statement = block.parent;
  }
  // Only a statement of the loop body itself: one under an `if` would run unconditionally after the loop.
  if (statement.parent?.id !== loop.childForFieldName('body')?.id) return [];
  const remove = ownLinesRange(file.text, statement);
  const loopStart = file.text.lastIndexOf('\n', loop.startIndex - 1) + 1;
  // The loop must start its own line and end one, so that the moved line lands between whole statements.
  if (!remove || file.text.slice(loopStart, loop.startIndex).trim() !== '' || !endsLine(file.text, loop)) return [];
  const indent = indentAt(file.text, loop.startIndex);
  const eol = eolOf(file.text);
  // The moved lines keep their layout, one level out: each loses the indentation the statement gains.
  const from = indentAt(file.text, statement.startIndex);
  const moved = statement.text.split(eol).map((line, i) => (i > 0 && line.startsWith(from) ? indent + line.slice(from.length) : line)).join(eol);
  return [
    {
      title: msg('scanner.java.fix.commitAfterLoop'),
      preferred: true,
      edits: [
        { range: remove, newText: '' },
        { range: { start: loop.endIndex, end: loop.endIndex }, newText: `${eol}${indent}${moved}` },
      ],
    },
  ];
}

/** Calls that hand work to another thread. */
const ASYNC_CALLS = /\.(?:submit|execute|runAsync|supplyAsync|schedule)\s*\(/;
/** Calls that wait for handed-off work. */
const WAITS = /\.(?:get|join|awaitTermination|invokeAll|await)\s*\(/;

/**
 * True when a use of the records runs on another thread: inside a lambda given to `submit`/`execute`/
 * `runAsync`, or as the loop whose body only hands each record to such a call.
 */
function handedOff(file: JavaFile, use: Node): boolean {
  for (const c of file.containers.around(use)) {
    if (c.type === 'method_declaration' || c.type === 'class_body') break;
    if (c.type !== 'lambda_expression') continue;
    const call = c.parent?.type === 'argument_list' ? c.parent.parent : undefined;
    const name = call?.type === 'method_invocation' ? call.childForFieldName('name')?.text : undefined;
    if (name && /^(?:submit|execute|runAsync|supplyAsync|schedule)$/.test(name)) return true;
  }
  const parent = use.parent;
  // `for (var r : records) executor.submit(() -> handle(r));`
  if (parent?.type === 'enhanced_for_statement' && parent.childForFieldName('value')?.id === use.id) {
    const body = parent.childForFieldName('body')?.text ?? '';
    return ASYNC_CALLS.test(body) && !WAITS.test(body);
  }
  // `records.forEach(r -> executor.submit(() -> handle(r)));`
  if (parent?.type === 'method_invocation' && parent.childForFieldName('name')?.text === 'forEach') {
    const args = parent.childForFieldName('arguments')?.text ?? '';
    return ASYNC_CALLS.test(args) && !WAITS.test(args);
  }
  return false;
}

/** Moves the commit statement below the last statement of its block that uses the records. */
/** Statements after which nothing in their block runs. */
const JUMPS: ReadonlySet<string> = new Set(['return_statement', 'throw_statement', 'break_statement', 'continue_statement', 'yield_statement']);

function moveCommitFix(file: JavaFile, call: Node, uses: readonly Node[], title: Message = msg('scanner.java.fix.commitAfterProcessing')): CodeFix[] {
  const statement = statementOf(call);
  const block = statement?.parent;
  if (!statement || !block || block.type !== 'block') return [];
  const remove = ownLinesRange(file.text, statement);
  const last = uses[uses.length - 1];
  let target: Node | null = last;
  while (target && target.parent?.id !== block.id) target = target.parent;
  if (!remove || !target || target.startIndex < statement.endIndex || !endsLine(file.text, target)) return [];
  // Nothing runs after a jump (Java rejects the unreachable statement), and before it would still be before
  // the processing the jump's own expression does (`return records.stream()...collect(..)`): no safe place.
  if (JUMPS.has(target.type)) return [];
  const indent = indentAt(file.text, statement.startIndex);
  return [
    {
      title,
      preferred: true,
      edits: [
        { range: remove, newText: '' },
        { range: { start: target.endIndex, end: target.endIndex }, newText: `${eolOf(file.text)}${indent}${statement.text}` },
      ],
    },
  ];
}

/**
 * Spring `ack.acknowledge()` in a listener method before the code that uses the record: with manual acks
 * the offset is committed (at once with MANUAL_IMMEDIATE) although the record is not processed yet.
 */
function acknowledgeBeforeProcessing(file: JavaFile, call: Node, facts: CodeFact[]): void {
  if (argumentsOf(call).length !== 0) return;
  const ack = file.symbols.resolve(call.childForFieldName('object'));
  if (!ack || ack.typeName !== 'Acknowledgment' || ack.node.type !== 'formal_parameter') return;
  const statement = statementOf(call);
  const method = file.containers.enclosing(ack.node, ['method_declaration', 'lambda_expression']);
  if (!statement || !method) return;
  // The listener's other parameters (the record, the payload, the batch) are what it processes; the scanner
  // declares only names that may hold Kafka objects, so they are read from the method's own parameter list.
  // `ack.acknowledge(); return;` (a duplicate or an invalid record skipped): the code below never runs after it.
  let reach = method.endIndex;
  for (let s = statement.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === 'return_statement' || s.type === 'throw_statement') {
      reach = s.endIndex;
      break;
    }
  }
  const uses: Node[] = [];
  for (const name of processedParameters(method, ack)) uses.push(...processingUsesAfter(file, name, statement.endIndex, method).filter((u) => u.endIndex <= reach));
  if (uses.length === 0) return;
  uses.sort((a, b) => a.startIndex - b.startIndex);
  const object = call.childForFieldName('object')?.text ?? 'ack';
  facts.push({
    kind: 'commit-before-processing',
    library: 'spring',
    range: nodeRange(call),
    detail: msg('scanner.java.acknowledgeEarly', { object }),
    fixes: moveCommitFix(file, call, uses, msg('scanner.java.fix.acknowledgeAfterProcessing')),
  });
}

/** Parameter types a listener takes as tools, not as what it processes. */
const LISTENER_TOOLS: ReadonlySet<string> = new Set(['Acknowledgment', 'Consumer']);

/**
 * The names of a listener's parameters that carry what it processes: every parameter but the
 * `Acknowledgment`, a `Consumer` (to seek or pause) and `@Header`/`@Headers` values (the key, topic,
 * partition or offset: metadata a log line or an error handler reads).
 */
function processedParameters(method: Node, ack: Decl): string[] {
  const list = method.childForFieldName('parameters');
  const out: string[] = [];
  for (const p of list?.namedChildren ?? []) {
    if (!p || p.type !== 'formal_parameter') continue;
    const name = p.childForFieldName('name')?.text;
    if (!name || name === ack.name) continue;
    if (LISTENER_TOOLS.has(simpleTypeName(p.childForFieldName('type')) ?? '')) continue;
    const modifiers = p.firstNamedChild?.type === 'modifiers' ? p.firstNamedChild.text : '';
    if (/@(?:[\w.]+\.)?Headers?\b/.test(modifiers)) continue;
    out.push(name);
  }
  return out;
}

/** Receivers whose calls only report (a logger, `System.out`): a use there is not processing. */
const REPORTING_RECEIVER = /^(?:log|logger|LOG|LOGGER|Log|Logger|System\.(?:out|err))$/;

/**
 * Uses of the parameter `name` after `from` in `method` that process it: not in a logging call and not in
 * a `catch` block (error handling runs after processing failed, not as part of it).
 */
function processingUsesAfter(file: JavaFile, name: string, from: number, method: Node): Node[] {
  return identifiersNamed(file, name, from, method.endIndex).filter((id) => {
    if (file.text[id.startIndex - 1] === '.') return false;
    // A local or lambda parameter of the same name is another variable.
    const shadow = file.symbols.lookup(name, id.startIndex);
    return (!shadow || shadow.node.type === 'formal_parameter') && !reportingOrHandling(id, method);
  });
}

/** True when `node` is inside a logging call or a `catch` block, below `method`. */
function reportingOrHandling(node: Node, method: Node): boolean {
  for (let n = node.parent; n && n.id !== method.id; n = n.parent) {
    if (n.type === 'catch_clause') return true;
    if (n.type === 'method_invocation') {
      const object = n.childForFieldName('object');
      if (object && REPORTING_RECEIVER.test(object.text)) return true;
    }
  }
  return false;
}

/** True when a close timeout is zero (`Duration.ZERO`, `Duration.ofMillis(0)`, `close(0, TimeUnit.SECONDS)`). */
function zeroTimeout(file: JavaFile, args: readonly Node[]): boolean {
  const a = args[0];
  if (!a) return false;
  const text = a.text.replace(/\s+/g, '');
  if (/^(java\.time\.)?Duration\.ZERO$/.test(text)) return true;
  if (a.type === 'method_invocation' && /^(java\.time\.)?Duration\.of\w+$/.test(`${a.childForFieldName('object')?.text}.${a.childForFieldName('name')?.text}`)) {
    return file.symbols.evaluate(argumentsOf(a)[0])?.value === '0';
  }
  return args.length === 2 && file.symbols.evaluate(a)?.value === '0';
}

/** `producer.close(Duration.ZERO)` with no `flush()` before it in the same method. */
function closeWithoutWaiting(file: JavaFile, call: Node, facts: CodeFact[]): void {
  if (!zeroTimeout(file, argumentsOf(call))) return;
  const producer = file.symbols.resolve(call.childForFieldName('object'));
  const scope = file.containers.enclosing(call, ['method_declaration', 'constructor_declaration', 'lambda_expression']);
  if (!producer || !scope) return;
  for (const other of callsNamed(file, 'flush')) {
    if (other.startIndex >= call.startIndex) break;
    if (other.startIndex < scope.startIndex) continue;
    if (file.symbols.resolve(other.childForFieldName('object')) === producer) return;
  }
  const object = call.childForFieldName('object')?.text ?? 'producer';
  const statement = statementOf(call);
  const fixes: CodeFix[] = [];
  if (statement && ownLinesRange(file.text, statement)) {
    const indent = indentAt(file.text, statement.startIndex);
    fixes.push({ title: msg('scanner.fix.flushBeforeClose', { object }), preferred: true, edits: [{ range: { start: statement.startIndex, end: statement.startIndex }, newText: `${object}.flush();${eolOf(file.text)}${indent}` }] });
  }
  facts.push({
    kind: 'close-without-flush',
    library: 'java',
    range: nodeRange(call),
    detail: msg('scanner.java.closeWithoutWaiting', { call: call.text.replace(/\s+/g, ' ') }),
    fixes,
  });
}
