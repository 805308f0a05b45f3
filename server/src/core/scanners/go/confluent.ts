import type { GoContext, GroupBuilder } from './context';
import { addRole } from './context';
import { goString, inBranch, literalValue, namedArgs, nodeRange, placeholder, statementOf, stringContent, unwrap } from './syntax';
import { conditionText, goValueSource, ifArm } from './values';
import type { ValueBranch } from '../../model';
import { closeWithoutFlush, commitBeforeProcessing } from './checks';
import type { Node } from '../common/tree-sitter';
import { keyRole } from '../../roles';
import { msg } from '../../i18n/index';

/**
 * confluent-kafka-go (librdkafka): each `kafka.ConfigMap{...}` literal is one config group with librdkafka's
 * own keys, plus the `SetKey` calls made on it; `kafka.NewProducer` / `kafka.NewConsumer` give its role.
 * Code facts: `Produce(msg, nil)` with nobody reading `Events()`, `Close()` with no `Flush()` before it, and
 * `Commit`/`CommitMessage`/`CommitOffsets`/`StoreMessage`/`StoreOffsets` before the message is processed.
 */

/** Reads confluent-kafka-go configs and producers in the file. */
export function scanConfluent(ctx: GoContext): void {
  if (!ctx.imports('librdkafka')) return;
  ctx.bindDeclaredTypes({ Producer: 'ck-producer', Consumer: 'ck-consumer', ConfigMap: 'ck-config' }, 'librdkafka');

  const byLiteral = new Map<number, GroupBuilder>();
  for (const lit of ctx.nodes('composite_literal')) {
    const q = ctx.qualified(lit.childForFieldName('type'));
    const body = lit.childForFieldName('body');
    if (q?.library !== 'librdkafka' || q.name !== 'ConfigMap' || !body) continue;
    const insert = ctx.elementInserter(body);
    const group = ctx.addGroup('librdkafka', nodeRange(lit.childForFieldName('type') as Node), insert && ((_g, key, value) => insert(`${goString(key)}: ${goValue(value)}`)));
    byLiteral.set(lit.startIndex, group);
    ctx.bind('ck-config', lit, group);
    for (const el of namedArgs(body)) {
      if (el.type !== 'keyed_element') continue;
      const [keyEl, valueEl] = namedArgs(el);
      const keyNode = keyEl?.namedChildren[0];
      const valueNode = valueEl?.namedChildren[0];
      const key = stringContent(keyNode);
      if (!keyNode || !valueNode || key === undefined) continue;
      const removeRange = ctx.listElementRemoval(el);
      addEntry(ctx, group, key, keyNode, valueNode, removeRange);
    }
  }

  // `cm.SetKey("acks", "all")` on a config map we know.
  for (const { call, receiver } of ctx.callsTo('SetKey')) {
    const groups = ctx.resolve(receiver, ['ck-config']).map((b) => b.group).filter((g): g is GroupBuilder => g !== undefined);
    const [keyNode, valueNode] = namedArgs(call.childForFieldName('arguments'));
    const key = stringContent(keyNode);
    if (key === undefined || !valueNode) continue;
    const statement = call.parent?.type === 'expression_statement' ? call.parent : undefined;
    for (const g of new Set(groups)) addEntry(ctx, g, key, keyNode, valueNode, statement ? ctx.wholeLines(statement) : undefined, inBranch(call));
  }

  // Producers and consumers built from a config map.
  for (const call of ctx.nodes('call_expression')) {
    const q = ctx.callee(call);
    if (q?.library !== 'librdkafka' || (q.name !== 'NewProducer' && q.name !== 'NewConsumer')) continue;
    const role = q.name === 'NewProducer' ? 'producer' : 'consumer';
    const arg = namedArgs(call.childForFieldName('arguments'))[0];
    const groups: GroupBuilder[] = [];
    if (arg) {
      const inline = byLiteral.get(unwrap(arg).startIndex);
      if (inline) groups.push(inline);
      else for (const b of ctx.resolveValue(arg, ['ck-config'])) if (b.group) groups.push(b.group);
    }
    for (const g of groups) addRole(g, role);
    ctx.bind(role === 'producer' ? 'ck-producer' : 'ck-consumer', call, groups[0]);
  }
  // A config map whose use is not visible here: its keys tell what it configures.
  for (const g of byLiteral.values()) {
    if (g.roles.length > 0) continue;
    for (const e of g.entries) {
      const role = keyRole(e.key);
      if (role === 'producer' || role === 'consumer') addRole(g, role);
    }
  }

  unreadDeliveryReports(ctx);

  commitBeforeProcessing(ctx, {
    library: 'librdkafka',
    kinds: ['ck-consumer'],
    commits: { CommitMessage: 0, StoreMessage: 0, Commit: 'poll', StoreOffsets: 'named', CommitOffsets: 'named' },
    polls: ['ReadMessage', 'Poll'],
    detail: (call, message) => msg('scanner.go.confluent.commitEarly', { call, message }),
  });

  closeWithoutFlush(ctx, {
    library: 'librdkafka',
    kinds: ['ck-producer'],
    produces: () => true,
    // CommitTransaction delivers every queued message first; AbortTransaction purges them on purpose (they
    // are the aborted transaction's): either way nothing queued is lost by the Close after it.
    alsoFlushes: ['CommitTransaction', 'AbortTransaction'],
    flushCall: (receiver) => `${receiver}.Flush(15 * 1000)`,
    detail: (receiver) => msg('scanner.go.confluent.closeWithoutFlush', { receiver }),
  });
}

/**
 * One `"key": value` of a config map, rendered back in the same kind of Go literal it was written as. A
 * variable is read through what it holds (go/values.ts): a constant as its literal, a variable changed in
 * an `if` as the branches of that `if`. A `SetKey` written in an `if` arm is that arm's branch.
 */
function addEntry(ctx: GoContext, group: GroupBuilder, key: string, keyNode: Node, valueNode: Node, removeRange: ReturnType<GoContext['wholeLines']>, conditional = false): void {
  const source = goValueSource(ctx, valueNode);
  const literal = source?.kind === 'literal' ? source.node : valueNode;
  let branches: ValueBranch[] | undefined =
    source?.kind === 'branches'
      ? source.branches.map((b) => ({ value: literalValue(b.node), valueRange: nodeRange(b.node), condition: b.condition, when: b.when, renderValue: renderLike(b.node, key) }))
      : undefined;
  let value = source?.kind === 'branches' ? placeholder(valueNode) : literalValue(literal);
  // `if dev { cm.SetKey("acks", "0") }`: only that arm sets it.
  const statement = conditional ? statementOf(valueNode) : undefined;
  const arm = statement && !branches && !value.startsWith('${') ? ifArm(statement) : undefined;
  if (arm) {
    branches = [{ value, valueRange: nodeRange(valueNode), condition: conditionText(arm.ifStatement), when: arm.when, renderValue: renderLike(literal, key) }];
    value = placeholder(valueNode);
  }
  ctx.addEntry(group, {
    key,
    value,
    rawKey: keyNode.text,
    keyRange: nodeRange(keyNode),
    valueRange: nodeRange(valueNode),
    ...(removeRange ? { removeRange } : {}),
    role: roleOf(key),
    conditional,
    renderValue: renderLike(literal, key),
    ...(branches ? { branches } : {}),
  });
}

/** Writes a value as the same kind of Go literal as `original`. */
function renderLike(original: Node, key: string): (v: string) => string | undefined {
  const kind = original.type;
  return (v) => {
    if ((kind === 'true' || kind === 'false') && (v === 'true' || v === 'false')) return v;
    if (kind === 'int_literal' && /^-?\d+$/.test(v)) return v;
    // An acks written as a number stays a number: librdkafka reads -1 as all.
    if (kind === 'int_literal' && v === 'all' && (key === 'acks' || key === 'request.required.acks')) return '-1';
    return goString(v);
  };
}

/** A new config map value: booleans and integers bare, anything else as a string (librdkafka parses both). */
function goValue(value: string): string {
  return value === 'true' || value === 'false' || /^-?\d+$/.test(value) ? value : goString(value);
}

/** The role a librdkafka key belongs to, when it belongs to only one of producer and consumer. */
function roleOf(key: string): 'producer' | 'consumer' | undefined {
  const role = keyRole(key);
  return role === 'producer' || role === 'consumer' ? role : undefined;
}

/**
 * A `Produce` followed, in the same function, by a `CommitTransaction` on the same producer whose error is
 * looked at: librdkafka delivers every queued message before committing and fails the commit when one of
 * them failed, so the failure is seen. A commit whose error is thrown away (`p.CommitTransaction(nil)` as a
 * statement of its own) reports nothing.
 */
function inCheckedCommit(ctx: GoContext, produce: Node, receiver: Node): boolean {
  const scope = ctx.functionAt(produce.startIndex)?.startIndex;
  const name = receiver.text.replace(/\s+/g, '');
  return ctx.callsTo('CommitTransaction').some(
    (site) =>
      site.receiver.text.replace(/\s+/g, '') === name &&
      site.call.startIndex > produce.startIndex &&
      ctx.functionAt(site.call.startIndex)?.startIndex === scope &&
      site.call.parent?.type !== 'expression_statement',
  );
}

/**
 * `p.Produce(msg, nil)`: with no delivery channel the report goes to `p.Events()`; when nothing in the file
 * reads that channel (and the producer is not handed elsewhere), a failed delivery is seen by no one.
 */
function unreadDeliveryReports(ctx: GoContext): void {
  for (const { call, fn, receiver } of ctx.callsTo('Produce')) {
    const bindings = ctx.resolve(receiver, ['ck-producer']);
    const args = namedArgs(call.childForFieldName('arguments'));
    if (bindings.length === 0 || args.length !== 2 || args[1].type !== 'nil') continue;
    // With go.delivery.reports off there is no report to read at all.
    const reportsOff = bindings.some((b) => b.group?.entries.some((e) => e.key === 'go.delivery.reports' && e.value === 'false'));
    if (reportsOff) {
      ctx.addFact(
        'unhandled-send',
        'librdkafka',
        nodeRange(fn),
        msg('scanner.go.confluent.reportsOff', { call: fn.text }),
      );
      continue;
    }
    if (inCheckedCommit(ctx, call, receiver)) continue;
    // A producer known only by its declared type may be built (and its events read) anywhere: stay quiet.
    const built = bindings.filter((b) => b.origin);
    if (built.length === 0) continue;
    const reach = built.map((b) => ctx.follow(b));
    const readers = [...bindings, ...reach.flatMap((r) => r.bindings)];
    if (reach.some((r) => r.escapes) || ctx.methodCalls('Events', readers).length > 0) continue;
    ctx.addFact(
      'unhandled-send',
      'librdkafka',
      nodeRange(fn),
      msg('scanner.go.confluent.noChannel', { call: fn.text, receiver: receiver.text }),
      { severity: 'info' },
    );
  }
}
