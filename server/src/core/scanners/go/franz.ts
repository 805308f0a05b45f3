import type { Role } from '../../model';
import type { Binding, GoContext, GroupBuilder } from './context';
import { addRole } from './context';
import { assignedTo, durationMillis, isAssignment, goString, inBranch, literalValue, mentions, namedArgs, nodeRange, placeholder } from './syntax';
import { closeWithoutFlush, commitBeforeProcessing, contextParameter, ignoredSends, importsPlain } from './checks';
import type { Node } from '../common/tree-sitter';
import { msg } from '../../i18n/index';

/**
 * franz-go (`kgo`): each `kgo.NewClient(opts...)` is one config group whose entries are its options, whether
 * written inline or collected in a `[]kgo.Opt` slice (literal and `append`s) in the same function. Roles come
 * from the options and from what the client is used for. Code facts: `Close()` with no `Flush()` before it,
 * `Produce` with no promise (or one that ignores its error), discarded `ProduceSync` results, and commits
 * made before the polled records are processed.
 */

/** Options that show a producer or a consumer without being a setting of their own. */
const ROLE_OPTIONS: Readonly<Record<string, Role>> = {
  DefaultProduceTopic: 'producer',
  MaxBufferedRecords: 'producer',
  MaxBufferedBytes: 'producer',
  ProducerBatchMaxBytes: 'producer',
  ProducerBatchCompression: 'producer',
  RecordDeliveryTimeout: 'producer',
  ProduceRequestTimeout: 'producer',
  ManualFlushing: 'producer',
  RecordPartitioner: 'producer',
  ConsumeTopics: 'consumer',
  ConsumePartitions: 'consumer',
  ConsumeRegex: 'consumer',
  AutoCommitMarks: 'consumer',
  AutoCommitInterval: 'consumer',
  BlockRebalanceOnPoll: 'consumer',
  FetchIsolationLevel: 'consumer',
};

const PRODUCE_METHODS = ['Produce', 'ProduceSync', 'TryProduce', 'BeginTransaction'];
const CONSUME_METHODS = ['PollFetches', 'PollRecords', 'CommitRecords', 'CommitUncommittedOffsets', 'MarkCommitRecords', 'CommitMarkedOffsets'];

/** Reads franz-go clients in the file. */
export function scanFranz(ctx: GoContext): void {
  if (!ctx.imports('franz-go')) return;
  const alias = ctx.aliasOf('franz-go') ?? 'kgo';
  ctx.bindDeclaredTypes({ Client: 'kgo-client' }, 'franz-go');

  for (const call of ctx.nodes('call_expression')) {
    const q = ctx.callee(call);
    if (q?.library !== 'franz-go' || q.name !== 'NewClient') continue;
    const group = ctx.addGroup('franz-go', nodeRange(call.childForFieldName('function') ?? call));
    const binding = ctx.bind('kgo-client', call, group);
    for (const option of optionsOf(ctx, call)) readOption(ctx, group, option, alias);
    if (binding) {
      if (ctx.methodCalls(PRODUCE_METHODS, [binding]).length > 0) addRole(group, 'producer');
      if (ctx.methodCalls(CONSUME_METHODS, [binding]).length > 0) addRole(group, 'consumer');
    }
  }

  const clients = ctx.bindings.filter((b) => b.kind === 'kgo-client');
  ignoredSends(
    ctx,
    'franz-go',
    ['ProduceSync'],
    clients,
    (call) => msg('scanner.go.franz.ignoredResults', { call }),
    ['FirstErr'],
  );
  unreadPromises(ctx, clients);

  commitBeforeProcessing(ctx, {
    library: 'franz-go',
    kinds: ['kgo-client'],
    commits: { CommitUncommittedOffsets: 'poll', CommitMarkedOffsets: 'poll', CommitRecords: 1, MarkCommitRecords: 0 },
    polls: ['PollFetches', 'PollRecords'],
    detail: (call, message) => msg('scanner.go.franz.commitEarly', { call, message }),
  });

  closeWithoutFlush(ctx, {
    library: 'franz-go',
    kinds: ['kgo-client'],
    // Only asynchronous produces leave records in the buffer; ProduceSync waits for each one.
    produces: (bindings) => ctx.methodCalls(['Produce', 'TryProduce'], bindings).length > 0,
    flushCall: (receiver, fn) => {
      const context = contextParameter(fn) ?? (importsPlain(ctx.root, 'context') ? 'context.Background()' : undefined);
      return context === undefined ? undefined : `_ = ${receiver}.Flush(${context})`;
    },
    detail: (receiver) => msg('scanner.go.franz.closeWithoutFlush', { receiver }),
  });
}

/**
 * `cl.Produce(ctx, r, nil)` (or `TryProduce`), or a promise that never looks at its error: franz-go reports a
 * failed record only through the promise, so the failure goes unseen. An error parameter that is unnamed
 * (`func(*kgo.Record, error) {}`) or `_` cannot be read at all.
 */
function unreadPromises(ctx: GoContext, clients: readonly Binding[]): void {
  for (const site of ctx.callsTo(['Produce', 'TryProduce'])) {
    if (!clients.some((c) => ctx.refersTo(site.receiver, c))) continue;
    const promise = namedArgs(site.call.childForFieldName('arguments'))[2];
    if (!promise) continue;
    let unread = promise.type === 'nil';
    if (promise.type === 'func_literal') {
      const declarations = namedArgs(promise.childForFieldName('parameters')).filter((p) => p.type === 'parameter_declaration');
      // `func(r *kgo.Record, err error)`, `func(_ *kgo.Record, err error)`, `func(*kgo.Record, error)`: the error is the last parameter.
      const count = declarations.reduce((n, p) => n + Math.max(1, p.childrenForFieldName('name').length), 0);
      const lastNames = declarations.length > 0 ? declarations[declarations.length - 1].childrenForFieldName('name') : [];
      const err = lastNames[lastNames.length - 1];
      const body = promise.childForFieldName('body');
      unread = count >= 2 && (!err || err.text === '_' || !body || !mentions(body, err.text));
    }
    if (!unread) continue;
    ctx.addFact(
      'unhandled-send',
      'franz-go',
      nodeRange(promise.type === 'nil' ? site.fn : promise),
      promise.type === 'nil'
        ? msg('scanner.go.franz.noPromise', { call: site.fn.text })
        : msg('scanner.go.franz.promiseIgnoresError'),
    );
  }
}

/**
 * The option expressions a `NewClient` call receives: its direct arguments, and for `opts...` the elements of
 * the `[]kgo.Opt{...}` literal and the `append(opts, ...)` calls bound to that name in the same function.
 */
function optionsOf(ctx: GoContext, call: Node): Node[] {
  const out: Node[] = [];
  for (const arg of namedArgs(call.childForFieldName('arguments'))) {
    if (arg.type !== 'variadic_argument') {
      out.push(singleAssignment(ctx, arg) ?? arg);
      continue;
    }
    const name = namedArgs(arg)[0];
    if (name?.type !== 'identifier') continue;
    const scope = ctx.scopeOf(call);
    const sameScope = (n: Node) => {
      const s = ctx.scopeOf(n);
      return s === scope || s === -1;
    };
    for (const lit of ctx.nodes('composite_literal')) {
      if (assignedTo(lit)?.text !== name.text || !sameScope(lit)) continue;
      for (const el of namedArgs(lit.childForFieldName('body'))) if (el.type === 'literal_element' && el.namedChildren[0]) out.push(el.namedChildren[0]);
    }
    for (const app of ctx.nodes('call_expression')) {
      if (app.childForFieldName('function')?.type !== 'identifier' || app.childForFieldName('function')?.text !== 'append' || assignedTo(app)?.text !== name.text || !sameScope(app)) continue;
      const args = namedArgs(app.childForFieldName('arguments'));
      if (args[0]?.text === name.text) out.push(...args.slice(1));
    }
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * The value a local name stands for, when the name is given exactly one call value before `name` in the same
 * function (`acks := kgo.LeaderAck()`, `opt := kgo.RequiredAcks(acks)`): options and their arguments held by
 * variables are read where they are written. Names assigned more than once are not guessed at.
 */
function singleAssignment(ctx: GoContext, name: Node): Node | undefined {
  if (name.type !== 'identifier') return undefined;
  const scope = ctx.scopeOf(name);
  const before = (n: Node) => n.startIndex < name.startIndex;
  const values = ctx.nodes('call_expression').filter((c) => before(c) && assignedTo(c)?.text === name.text && [scope, -1].includes(ctx.scopeOf(c)));
  const assigned = ctx.identifiersNamed(name.text, scope).filter((id) => {
    const stmt = id.parent?.parent;
    return before(id) && id.parent?.type === 'expression_list' && !!stmt && isAssignment(stmt) && stmt.childForFieldName('left')?.startIndex === id.parent.startIndex;
  });
  return values.length === 1 && assigned.length <= 1 ? values[0] : undefined;
}

/** The node to remove with an option: its literal element wrapper when it sits in a slice literal. */
function listItem(option: Node): Node {
  return option.parent?.type === 'literal_element' ? option.parent : option;
}

/** Adds the entry (or role) one `kgo.X(...)` option stands for. */
function readOption(ctx: GoContext, group: GroupBuilder, option: Node, alias: string): void {
  const q = ctx.callee(option);
  if (q?.library !== 'franz-go') return;
  const keyNode = option.childForFieldName('function') as Node;
  const args = namedArgs(option.childForFieldName('arguments'));
  // An option held by a variable (`opt := kgo.X()`) is not removed: that would leave the assignment half written.
  const inList = option.parent?.type === 'argument_list' || option.parent?.type === 'literal_element';
  const removeRange = inList ? ctx.listElementRemoval(listItem(option)) : undefined;
  // An option appended inside an `if` is an alternative, not a repeat.
  const conditional = option.parent?.parent?.type === 'call_expression' && inBranch(option);
  const base = { rawKey: `${q.alias}.${q.name}`, keyRange: nodeRange(keyNode), conditional, ...(removeRange ? { removeRange } : {}) };
  // Render functions outlive the syntax tree: capture the option's text now.
  const optionText = option.text;
  const self = (value: string) => (v: string) => (v === value ? optionText : undefined);
  switch (q.name) {
    case 'RequiredAcks': {
      if (!args[0]) return;
      const level = singleAssignment(ctx, args[0]) ?? args[0];
      const inner = ctx.callee(level);
      const value = inner?.library === 'franz-go' ? ({ NoAck: '0', LeaderAck: '1', AllISRAcks: 'all' } as Record<string, string>)[inner.name] : undefined;
      ctx.addEntry(group, {
        ...base,
        key: 'acks',
        value: value ?? placeholder(level),
        valueRange: nodeRange(level),
        role: 'producer',
        renderValue: (v) => ({ '0': `${alias}.NoAck()`, '1': `${alias}.LeaderAck()`, all: `${alias}.AllISRAcks()`, '-1': `${alias}.AllISRAcks()` } as Record<string, string>)[v],
      });
      return;
    }
    case 'DisableIdempotentWrite':
      ctx.addEntry(group, { ...base, key: 'enable.idempotence', value: 'false', valueRange: nodeRange(option), role: 'producer', renderValue: self('false') });
      return;
    case 'RecordRetries':
      if (!args[0]) return;
      ctx.addEntry(group, {
        ...base,
        key: 'retries',
        value: literalValue(args[0]),
        valueRange: nodeRange(args[0]),
        role: 'producer',
        renderValue: (v) => (/^\d+$/.test(v) ? v : undefined),
      });
      return;
    case 'ProducerLinger': {
      if (!args[0]) return;
      const ms = durationMillis(args[0]);
      ctx.addEntry(group, { ...base, key: 'linger.ms', value: ms === undefined ? placeholder(args[0]) : String(ms), valueRange: nodeRange(args[0]), role: 'producer' });
      return;
    }
    case 'TransactionalID':
      if (!args[0]) return;
      ctx.addEntry(group, { ...base, key: 'transactional.id', value: literalValue(args[0]), valueRange: nodeRange(args[0]), role: 'producer', renderValue: goString });
      return;
    case 'GreedyAutoCommit':
      // Greedy mode commits whatever was polled, processed or not: the Java-style auto-commit hazard.
      // Set to false it becomes DisableAutoCommit(); removing the option (removeRange) restores the safe default.
      ctx.addEntry(group, {
        ...base,
        rawKey: `${q.alias}.GreedyAutoCommit()`,
        key: 'enable.auto.commit',
        value: 'true',
        valueRange: nodeRange(option),
        role: 'consumer',
        renderValue: (v) => (v === 'true' ? optionText : v === 'false' ? `${alias}.DisableAutoCommit()` : undefined),
      });
      return;
    case 'DisableAutoCommit':
      ctx.addEntry(group, { ...base, key: 'enable.auto.commit', value: 'false', valueRange: nodeRange(option), role: 'consumer', renderValue: self('false') });
      return;
    case 'ConsumeResetOffset': {
      if (!args[0]) return;
      const text = args[0].text.replace(/\s+/g, '');
      const value = text === `${q.alias}.NewOffset().AtEnd()` ? 'latest' : text === `${q.alias}.NewOffset().AtStart()` ? 'earliest' : placeholder(args[0]);
      ctx.addEntry(group, {
        ...base,
        key: 'auto.offset.reset',
        value,
        valueRange: nodeRange(args[0]),
        role: 'consumer',
        renderValue: (v) => ({ latest: `${alias}.NewOffset().AtEnd()`, earliest: `${alias}.NewOffset().AtStart()` } as Record<string, string>)[v],
      });
      return;
    }
    case 'ConsumerGroup':
      if (!args[0]) return;
      ctx.addEntry(group, { ...base, key: 'group.id', value: literalValue(args[0]), valueRange: nodeRange(args[0]), role: 'consumer', renderValue: goString });
      return;
    default: {
      const role = ROLE_OPTIONS[q.name];
      if (role) addRole(group, role);
    }
  }
}
