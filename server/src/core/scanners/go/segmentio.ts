import type { CodeFix } from '../../model';
import type { GoContext, GroupBuilder } from './context';
import { addRole } from './context';
import { durationMillis, goString, inBranch, literalValue, mentions, namedArgs, nodeRange, placeholder, statementOf, unwrap } from './syntax';
import { commitBeforeProcessing, ignoredSends } from './checks';
import type { Node } from '../common/tree-sitter';
import { msg } from '../../i18n/index';

/**
 * segmentio/kafka-go: a `kafka.Writer{...}` literal is a producer group (built this way it sends with
 * RequireNone unless RequiredAcks is set), a `kafka.ReaderConfig{...}` a consumer group. The deprecated
 * `kafka.NewWriter(kafka.WriterConfig{...})` turns an unset RequiredAcks into RequireAll, so it only becomes
 * a group when RequiredAcks is written. Code facts: `Async: true` without a `Completion` callback, a
 * `WriteMessages` whose error is thrown away, `ReadMessage` on a reader with a GroupID (it commits before the
 * caller processes the message) and `CommitMessages` before the message is processed.
 */

const ACKS: Readonly<Record<string, string>> = { RequireNone: '0', RequireOne: '1', RequireAll: 'all' };

/** Reads kafka-go writers and readers in the file. */
export function scanSegmentio(ctx: GoContext): void {
  if (!ctx.imports('kafka-go')) return;
  const alias = ctx.aliasOf('kafka-go') ?? 'kafka';
  ctx.bindDeclaredTypes({ Writer: 'kg-writer', Reader: 'kg-reader' }, 'kafka-go');

  const readerConfigs = new Map<number, GroupBuilder>();
  const writerConfigs = new Map<number, { group?: GroupBuilder; async?: Field }>();
  /** Writers with `Async: true`, checked for a Completion once every assignment is known. */
  const asyncWriters: { readonly async: Node; readonly value: Node; readonly origin: Node; completion: boolean }[] = [];

  for (const lit of ctx.nodes('composite_literal')) {
    const typeNode = lit.childForFieldName('type');
    const q = ctx.qualified(typeNode);
    const body = lit.childForFieldName('body');
    if (q?.library !== 'kafka-go' || !body || !typeNode) continue;
    const fields = keyedFields(body);
    if (q.name === 'Writer') {
      const insert = ctx.elementInserter(body);
      const group = ctx.addGroup('kafka-go', nodeRange(typeNode), insert && ((_g, key, value) => {
        const rendered = key === 'acks' ? renderAcks(value, alias) : undefined;
        return rendered === undefined ? undefined : insert(`RequiredAcks: ${rendered}`);
      }));
      addRole(group, 'producer');
      const acks = fields.get('RequiredAcks');
      if (acks) addAcks(ctx, group, acks.key, acks.value, alias, false, ctx.listElementRemoval(acks.element));
      ctx.bind('kg-writer', lit, group);
      const async = fields.get('Async');
      if (async && literalValue(async.value) === 'true') {
        asyncWriters.push({ async: async.element, value: async.value, origin: lit, completion: fields.has('Completion') });
      }
    } else if (q.name === 'WriterConfig') {
      const acks = fields.get('RequiredAcks');
      let group: GroupBuilder | undefined;
      if (acks) {
        group = ctx.addGroup('kafka-go', nodeRange(typeNode));
        addRole(group, 'producer');
        addAcks(ctx, group, acks.key, acks.value, alias, true, ctx.listElementRemoval(acks.element));
      }
      const async = fields.get('Async');
      writerConfigs.set(lit.startIndex, { group, async: async && literalValue(async.value) === 'true' ? async : undefined });
      ctx.bind('kg-writer-config', lit, group);
    } else if (q.name === 'ReaderConfig') {
      const group = ctx.addGroup('kafka-go', nodeRange(typeNode));
      addRole(group, 'consumer');
      readerConfigs.set(lit.startIndex, group);
      ctx.bind('kg-reader-config', lit, group);
      readReaderFields(ctx, group, fields, alias);
    }
  }

  // kafka.NewReader(cfg) / kafka.NewWriter(cfg): the object takes its config's group.
  for (const call of ctx.nodes('call_expression')) {
    const q = ctx.callee(call);
    if (q?.library !== 'kafka-go' || (q.name !== 'NewReader' && q.name !== 'NewWriter')) continue;
    const arg = namedArgs(call.childForFieldName('arguments'))[0];
    if (!arg) continue;
    if (q.name === 'NewReader') {
      const group = readerConfigs.get(unwrap(arg).startIndex) ?? ctx.resolveValue(arg, ['kg-reader-config']).find((b) => b.group)?.group;
      ctx.bind('kg-reader', call, group);
    } else {
      const config = writerConfigs.get(unwrap(arg).startIndex) ?? writerConfigs.get(ctx.resolve(arg, ['kg-writer-config'])[0]?.origin?.startIndex ?? -1);
      ctx.bind('kg-writer', call, config?.group);
      if (config?.async) asyncWriters.push({ async: config.async.element, value: config.async.value, origin: call, completion: false });
    }
  }

  // `reader := getKafkaReader(url, topic, groupID)`, where a local function returns the reader or writer it
  // builds: the variable holds that one (segmentio/kafka-go examples/consumer-mongo-db). Only when the function
  // returns exactly one; an async writer stays with the Completion check, whose origin is its literal.
  const asyncBuilt = new Set(asyncWriters.map((w) => w.origin.startIndex));
  for (const call of ctx.nodes('call_expression')) {
    if (call.childForFieldName('function')?.type !== 'identifier') continue;
    for (const kind of ['kg-reader', 'kg-writer'] as const) {
      const made = ctx.resolveValue(call, [kind]).filter((b) => b.origin);
      if (made.length !== 1 || (kind === 'kg-writer' && asyncBuilt.has(made[0].origin!.startIndex))) continue;
      ctx.bind(kind, call, made[0].group);
    }
  }

  // `w.RequiredAcks = kafka.RequireAll`, `w.Completion = ...` after the writer is built.
  const completions = new Set<number>();
  for (const stmt of ctx.nodes('assignment_statement')) {
    const [left] = namedArgs(stmt.childForFieldName('left'));
    const [right] = namedArgs(stmt.childForFieldName('right'));
    if (left?.type !== 'selector_expression' || !right) continue;
    const field = left.childForFieldName('field')?.text;
    const writers = ctx.resolve(left.childForFieldName('operand'), ['kg-writer']);
    if (writers.length === 0) continue;
    if (field === 'Completion') {
      for (const b of writers) if (b.origin) completions.add(b.origin.startIndex);
    } else if (field === 'Async' && literalValue(right) === 'true') {
      const origin = writers.find((b) => b.origin)?.origin;
      if (origin) asyncWriters.push({ async: stmt, value: right, origin, completion: false });
    } else if (field === 'RequiredAcks') {
      for (const g of new Set(writers.map((b) => b.group))) if (g) addAcks(ctx, g, left, right, alias, false, ctx.wholeLines(stmt), inBranch(stmt));
    }
  }

  for (const w of asyncWriters) {
    if (w.completion || completions.has(w.origin.startIndex)) continue;
    const fixes = [{ title: msg('scanner.go.segmentio.fix.sync'), preferred: false, edits: [{ range: nodeRange(w.value), newText: 'false' }] }];
    ctx.addFact(
      'unhandled-send',
      'kafka-go',
      nodeRange(w.async),
      msg('scanner.go.segmentio.asyncNoCompletion'),
      { fixes },
    );
  }

  // A synchronous WriteMessages whose error nobody reads (an async writer returns nil anyway: reported above).
  const asyncOrigins = new Set(asyncWriters.map((w) => w.origin.startIndex));
  ignoredSends(
    ctx,
    'kafka-go',
    ['WriteMessages'],
    ctx.bindings.filter((b) => b.kind === 'kg-writer' && !(b.origin && asyncOrigins.has(b.origin.startIndex))),
    (call) => msg('scanner.go.segmentio.ignoredError', { call }),
  );

  commitBeforeProcessing(ctx, {
    library: 'kafka-go',
    kinds: ['kg-reader'],
    commits: { CommitMessages: 1 },
    polls: ['FetchMessage'],
    detail: (call, message) => msg('scanner.go.segmentio.commitEarly', { call, message }),
  });

  // ReadMessage on a reader with a GroupID commits the offset as it returns the message.
  for (const { call, fn, receiver } of ctx.callsTo('ReadMessage')) {
    const readers = ctx.resolve(receiver, ['kg-reader']);
    if (!readers.some((b) => b.group?.entries.some((e) => e.key === 'group.id'))) continue;
    ctx.addFact(
      'commit-before-processing',
      'kafka-go',
      nodeRange(call),
      msg('scanner.go.segmentio.readMessage', { call: fn.text }),
      { fixes: fetchThenCommit(ctx, call, fn, receiver) },
    );
  }
}

/**
 * The fix for `m, err := r.ReadMessage(ctx)`: read with FetchMessage instead and add
 * `r.CommitMessages(ctx, m)` at the end of the block that uses `m`. Empty when the shape is
 * not that simple (the message is not named, or not used in the same block).
 */
function fetchThenCommit(ctx: GoContext, call: Node, fn: Node, receiver: Node): CodeFix[] {
  const statement = statementOf(call);
  const list = statement?.parent;
  const field = fn.childForFieldName('field');
  const context = namedArgs(call.childForFieldName('arguments'))[0];
  if (!statement || list?.type !== 'statement_list' || !field || !context) return [];
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') return [];
  const message = namedArgs(statement.childForFieldName('left'))[0];
  if (message?.type !== 'identifier' || message.text === '_') return [];
  const later = namedArgs(list).filter((s) => s.startIndex > statement.endIndex);
  if (!later.some((s) => mentions(s, message.text))) return [];
  // Commit at the end of the block: values derived from the message (a decoded order) are processed up to there.
  const last = later[later.length - 1];
  const commit = `${receiver.text}.CommitMessages(${context.text}, ${message.text})`;
  const terminator = ['return_statement', 'continue_statement', 'break_statement', 'goto_statement'].includes(last.type);
  // `return &m, nil` (kafka-cronsumer internal/consumer.go), `return handle(m)`: the commit would land before
  // that use, where the message is handed on or processed, so the fix would commit as early as ReadMessage did.
  if (terminator && mentions(last, message.text)) return [];
  const insert = terminator ? ctx.insertLineBefore(last, commit) : ctx.insertLineAfter(last, commit);
  if (!insert) return [];
  return [
    {
      title: msg('scanner.go.segmentio.fix.fetchThenCommit', { commit }),
      preferred: true,
      edits: [{ range: nodeRange(field), newText: 'FetchMessage' }, insert],
    },
  ];
}

/** A keyed field of a struct literal: the element, its key and its value expression. */
interface Field {
  readonly element: Node;
  readonly key: Node;
  readonly value: Node;
}

/** The `Name: value` elements of a struct literal body, by field name (the last one wins). */
function keyedFields(body: Node): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const el of namedArgs(body)) {
    if (el.type !== 'keyed_element') continue;
    const [k, v] = namedArgs(el);
    const key = k?.namedChildren[0];
    const value = v?.namedChildren[0];
    if (key && value && (key.type === 'identifier' || key.type === 'field_identifier')) out.set(key.text, { element: el, key, value });
  }
  return out;
}

/** `kafka.RequireAll`-style source for a canonical acks value. */
function renderAcks(value: string, alias: string): string | undefined {
  return ({ '0': `${alias}.RequireNone`, '1': `${alias}.RequireOne`, all: `${alias}.RequireAll`, '-1': `${alias}.RequireAll` } as Record<string, string>)[value];
}

/**
 * The acks entry of a writer. In a `WriterConfig` (an int field) 0 means "all", as `NewWriter` reads it;
 * in a `Writer` it means none.
 */
function addAcks(ctx: GoContext, group: GroupBuilder, key: Node, value: Node, alias: string, writerConfig: boolean, removeRange: ReturnType<GoContext['wholeLines']>, conditional = false): void {
  let v = value;
  const conversion = ctx.callee(v);
  if (conversion?.library === 'kafka-go' && conversion.name === 'RequiredAcks') v = namedArgs(v.childForFieldName('arguments'))[0] ?? v;
  const q = ctx.qualified(v);
  let canonical = q?.library === 'kafka-go' ? ACKS[q.name] : literalValue(v);
  if (canonical === undefined) canonical = placeholder(value);
  if (canonical === '-1') canonical = 'all';
  if (writerConfig && canonical === '0') canonical = 'all';
  const isInt = value.type === 'int_literal' || value.type === 'unary_expression';
  ctx.addEntry(group, {
    key: 'acks',
    value: canonical,
    rawKey: key.text,
    keyRange: nodeRange(key),
    valueRange: nodeRange(value),
    ...(removeRange ? { removeRange } : {}),
    role: 'producer',
    conditional,
    renderValue: (target) => {
      if (writerConfig || isInt) return ({ '1': '1', all: '-1', '-1': '-1', ...(writerConfig ? {} : { '0': '0' }) } as Record<string, string>)[target];
      return renderAcks(target, alias);
    },
  });
}

/** GroupID, StartOffset and CommitInterval of a `kafka.ReaderConfig`. */
function readReaderFields(ctx: GoContext, group: GroupBuilder, fields: Map<string, Field>, alias: string): void {
  const group_ = fields.get('GroupID');
  if (group_) {
    ctx.addEntry(group, { key: 'group.id', value: literalValue(group_.value), rawKey: 'GroupID', keyRange: nodeRange(group_.key), valueRange: nodeRange(group_.value), role: 'consumer', renderValue: goString });
  }
  const start = fields.get('StartOffset');
  if (start) {
    const q = ctx.qualified(start.value);
    const named = q?.library === 'kafka-go' ? ({ FirstOffset: 'earliest', LastOffset: 'latest' } as Record<string, string>)[q.name] : undefined;
    const literal = literalValue(start.value);
    const value = named ?? ({ '-2': 'earliest', '-1': 'latest' } as Record<string, string>)[literal] ?? placeholder(start.value);
    ctx.addEntry(group, {
      key: 'auto.offset.reset',
      value,
      rawKey: 'StartOffset',
      keyRange: nodeRange(start.key),
      valueRange: nodeRange(start.value),
      role: 'consumer',
      renderValue: (v) => ({ earliest: `${alias}.FirstOffset`, latest: `${alias}.LastOffset` } as Record<string, string>)[v],
    });
  }
  const interval = fields.get('CommitInterval');
  if (interval) {
    const ms = durationMillis(interval.value);
    const value = ms !== undefined ? String(ms) : literalValue(interval.value) === '0' ? '0' : placeholder(interval.value);
    ctx.addEntry(group, { key: 'auto.commit.interval.ms', value, rawKey: 'CommitInterval', keyRange: nodeRange(interval.key), valueRange: nodeRange(interval.value), role: 'consumer' });
  }
}
