import type { Edit, Role } from '../../model';
import type { Binding, GoContext, GroupBuilder } from './context';
import { addRole } from './context';
import { assignedTo, durationMillis, inBranch, literalValue, mentions, namedArgs, nodeRange, placeholder, statementOf } from './syntax';
import { conditionText, ifArm } from './values';
import { processes } from './processing';
import { ignoredSends, moveStatementAfter } from './checks';
import type { Node } from '../common/tree-sitter';
import { msg } from '../../i18n/index';
import type { Message } from '../../i18n/index';

/**
 * Sarama (IBM/sarama, formerly Shopify/sarama): `sarama.NewConfig()` and the `config.Producer.*` /
 * `config.Consumer.*` fields assigned on it become one config group; the producers and consumer groups built
 * from it give the group its roles. Code facts: `Producer.Return.Errors = false`, an AsyncProducer whose
 * `Errors()` channel nobody reads, a SyncProducer send whose error is thrown away, and `session.MarkMessage`
 * before the message is processed.
 */

/** How one `sarama.Config` field maps to a Kafka key. */
interface SaramaField {
  readonly key: string;
  readonly role?: Role;
  /** The canonical value of the assigned expression. */
  read(value: Node, ctx: GoContext): string;
  /** Go source for a canonical value, or undefined when there is none (or it would not be safe). */
  render(value: string, alias: string, group: GroupBuilder): string | undefined;
}

/** `sarama.X` → X when the selector is on the sarama package. */
function saramaName(node: Node, ctx: GoContext): string | undefined {
  const q = ctx.qualified(node);
  return q?.library === 'sarama' ? q.name : undefined;
}

/** A sarama constant mapped to a canonical value, or an integer literal as written, or a placeholder. */
function readEnum(names: Readonly<Record<string, string>>, ints: Readonly<Record<string, string>> = {}) {
  return (value: Node, ctx: GoContext): string => {
    let v = value;
    // `sarama.RequiredAcks(1)`: a typed conversion of a literal.
    if (v.type === 'call_expression' && saramaName(v.childForFieldName('function') as Node, ctx)) {
      const args = namedArgs(v.childForFieldName('arguments'));
      if (args.length === 1) v = args[0];
    }
    const name = saramaName(v, ctx);
    if (name !== undefined) return names[name] ?? placeholder(value);
    const literal = literalValue(v);
    return ints[literal] ?? (literal.startsWith('${') ? placeholder(value) : literal);
  };
}

const readLiteral = (value: Node): string => literalValue(value);
const readMillis = (value: Node): string => {
  const ms = durationMillis(value);
  return ms === undefined ? placeholder(value) : String(ms);
};
const renderInt = (value: string): string | undefined => (/^-?\d+$/.test(value) && Math.abs(Number(value)) <= 2147483647 ? value : undefined);
const renderBool = (value: string): string | undefined => (value === 'true' || value === 'false' ? value : undefined);

const FIELDS: Readonly<Record<string, SaramaField>> = {
  'Producer.RequiredAcks': {
    key: 'acks',
    role: 'producer',
    read: readEnum({ NoResponse: '0', WaitForLocal: '1', WaitForAll: 'all' }),
    render: (value, alias) => {
      const name = ({ '0': 'NoResponse', '1': 'WaitForLocal', all: 'WaitForAll', '-1': 'WaitForAll' } as Record<string, string>)[value];
      return name ? `${alias}.${name}` : undefined;
    },
  },
  'Producer.Retry.Max': { key: 'retries', role: 'producer', read: readLiteral, render: renderInt },
  'Producer.Idempotent': {
    key: 'enable.idempotence',
    role: 'producer',
    read: readLiteral,
    // Sarama refuses Idempotent = true unless Net.MaxOpenRequests is 1 and acks are WaitForAll: only offer it then.
    render: (value, _alias, group) => {
      if (value === 'false') return value;
      if (value !== 'true') return undefined;
      const last = (key: string) => [...group.entries].reverse().find((e) => e.key === key)?.value;
      return last('max.in.flight.requests.per.connection') === '1' && ['all', '-1'].includes(last('acks') ?? '') ? value : undefined;
    },
  },
  'Producer.MaxMessageBytes': { key: 'max.request.size', role: 'producer', read: readLiteral, render: renderInt },
  'Net.MaxOpenRequests': { key: 'max.in.flight.requests.per.connection', role: 'producer', read: readLiteral, render: renderInt },
  'Consumer.Offsets.AutoCommit.Enable': { key: 'enable.auto.commit', role: 'consumer', read: readLiteral, render: renderBool },
  'Consumer.Offsets.AutoCommit.Interval': { key: 'auto.commit.interval.ms', role: 'consumer', read: readMillis, render: () => undefined },
  'Consumer.Offsets.Initial': {
    key: 'auto.offset.reset',
    role: 'consumer',
    read: readEnum({ OffsetNewest: 'latest', OffsetOldest: 'earliest' }, { '-1': 'latest', '-2': 'earliest' }),
    render: (value, alias) => ({ latest: `${alias}.OffsetNewest`, earliest: `${alias}.OffsetOldest` } as Record<string, string>)[value],
  },
  'Consumer.IsolationLevel': {
    key: 'isolation.level',
    role: 'consumer',
    read: readEnum({ ReadCommitted: 'read_committed', ReadUncommitted: 'read_uncommitted' }),
    render: (value, alias) => ({ read_committed: `${alias}.ReadCommitted`, read_uncommitted: `${alias}.ReadUncommitted` } as Record<string, string>)[value],
  },
  'Consumer.Group.Session.Timeout': { key: 'session.timeout.ms', role: 'consumer', read: readMillis, render: () => undefined },
};

/** The field paths `insertEntry` writes for a key that is missing. */
const INSERT_PATH: Readonly<Record<string, string>> = {
  acks: 'Producer.RequiredAcks',
  retries: 'Producer.Retry.Max',
  'enable.auto.commit': 'Consumer.Offsets.AutoCommit.Enable',
  'auto.offset.reset': 'Consumer.Offsets.Initial',
  'isolation.level': 'Consumer.IsolationLevel',
};

/** Constructors that take a config as their last argument, and what they make. */
const CONFIG_USERS: Readonly<Record<string, { readonly role?: Role; readonly sync?: boolean }>> = {
  NewSyncProducer: { role: 'producer', sync: true },
  NewAsyncProducer: { role: 'producer' },
  NewConsumerGroup: { role: 'consumer' },
  NewConsumer: { role: 'consumer' },
  NewClient: {},
};

/** Constructors that take a client as their first argument. */
const CLIENT_USERS: Readonly<Record<string, { readonly role: Role; readonly sync?: boolean }>> = {
  NewSyncProducerFromClient: { role: 'producer', sync: true },
  NewAsyncProducerFromClient: { role: 'producer' },
  NewConsumerGroupFromClient: { role: 'consumer' },
  NewConsumerFromClient: { role: 'consumer' },
};

/** Splits `a.b.Producer.Retry.Max` into the config expression (`a.b`) and the field path (`Producer.Retry.Max`). */
function splitFieldPath(left: Node): { readonly config: Node; readonly path: string } | undefined {
  const chain: Node[] = [];
  let n: Node | null = left;
  while (n?.type === 'selector_expression') {
    chain.push(n);
    n = n.childForFieldName('operand');
  }
  // chain[0] is the whole expression; chain[i]'s operand is chain[i + 1].
  for (let i = chain.length - 1; i >= 0; i--) {
    const operand = chain[i].childForFieldName('operand');
    if (!operand) continue;
    const path = left.text.slice(operand.endIndex - left.startIndex).replace(/\s+/g, '').replace(/^\./, '');
    if (FIELDS[path] || path === 'Producer.Return.Errors' || path === 'Producer.Transaction.ID') return { config: operand, path };
  }
  return undefined;
}

/** Reads sarama configs, producers and consumer-group handlers in the file. */
export function scanSarama(ctx: GoContext): void {
  if (!ctx.imports('sarama')) return;
  const alias = ctx.aliasOf('sarama') ?? 'sarama';
  ctx.bindDeclaredTypes(
    { Config: 'sarama-config', Client: 'sarama-client', AsyncProducer: 'sarama-async', SyncProducer: 'sarama-sync', ConsumerGroupSession: 'sarama-session' },
    'sarama',
  );

  // One group per sarama.NewConfig() call; missing settings are reported there.
  const calls = ctx.nodes('call_expression');
  for (const call of calls) {
    const q = ctx.callee(call);
    if (q?.library !== 'sarama' || q.name !== 'NewConfig') continue;
    const insert = settingInserter(ctx, call);
    const group = ctx.addGroup('sarama', nodeRange(call), insert && ((g, key, value) => insert(g, key, value)));
    ctx.bind('sarama-config', call, group);
  }
  // `cfg := newConfig()`, where a local function returns a sarama.NewConfig(): cfg is that config.
  for (const call of calls) {
    if (call.childForFieldName('function')?.type !== 'identifier') continue;
    for (const g of groupsOf(ctx.resolveValue(call, ['sarama-config']))) ctx.bind('sarama-config', call, g);
  }

  // Producers, consumers and clients built from a config give it its roles.
  for (const call of calls) {
    const q = ctx.callee(call);
    if (q?.library !== 'sarama') continue;
    const args = namedArgs(call.childForFieldName('arguments'));
    const user = CONFIG_USERS[q.name];
    const clientUser = CLIENT_USERS[q.name];
    let groups: GroupBuilder[] = [];
    if (user && args.length > 0) groups = groupsOf(ctx.resolveValue(args[args.length - 1], ['sarama-config']));
    else if (clientUser && args.length > 0) groups = groupsOf(ctx.resolveValue(args[0], ['sarama-client']));
    const use = user ?? clientUser;
    if (!use) continue;
    for (const g of groups) {
      if (use.role) addRole(g, use.role);
      if (use.sync) g.usedBySync = true;
    }
    if (q.name === 'NewClient') ctx.bind('sarama-client', call, groups[0]);
    if (q.name === 'NewAsyncProducer' || q.name === 'NewAsyncProducerFromClient') ctx.bind('sarama-async', call, groups[0]);
    if (q.name === 'NewSyncProducer' || q.name === 'NewSyncProducerFromClient') ctx.bind('sarama-sync', call, groups[0]);
  }

  // `config.Producer.RequiredAcks = sarama.WaitForLocal` and friends.
  const fallback = new Map<string, GroupBuilder>();
  const errorsOff: { readonly statement: Node; readonly groups: GroupBuilder[] }[] = [];
  /** Configs of transactional producers (`Producer.Transaction.ID` set to anything but ""). */
  const transactional = new Set<GroupBuilder>();
  for (const stmt of ctx.nodes('assignment_statement')) {
    if (stmt.childForFieldName('operator')?.text !== '=') continue;
    const lefts = namedArgs(stmt.childForFieldName('left'));
    const rights = namedArgs(stmt.childForFieldName('right'));
    if (lefts.length !== 1 || rights.length !== 1) continue;
    const split = splitFieldPath(lefts[0]);
    if (!split) continue;
    const configs = ctx.resolve(split.config, ['sarama-config']);
    let groups = groupsOf(configs);
    // A config from a factory may be set up differently by each caller: those writes are not duplicates.
    const viaFactory = configs.some((b) => b.origin?.childForFieldName('function')?.type === 'identifier');
    if (groups.length === 0) {
      // A config built elsewhere (a parameter, a struct field): one group per config expression and function.
      const id = `${ctx.scopeOf(stmt)}:${split.config.text}`;
      let g = fallback.get(id);
      if (!g) {
        g = ctx.addGroup('sarama', nodeRange(lefts[0]));
        fallback.set(id, g);
      }
      groups = [g];
    }
    const value = rights[0];
    if (split.path === 'Producer.Transaction.ID') {
      if (literalValue(value) !== '') for (const g of groups) transactional.add(g);
      continue;
    }
    if (split.path === 'Producer.Return.Errors') {
      if (literalValue(value) === 'false') errorsOff.push({ statement: stmt, groups });
      for (const g of groups) addRole(g, 'producer');
      continue;
    }
    const field = FIELDS[split.path];
    const removeRange = ctx.wholeLines(stmt);
    const read = field.read(value, ctx);
    // `if dev { config.Producer.RequiredAcks = sarama.NoResponse }`: the value of that arm only (go/values.ts).
    const arm = read.startsWith('${') ? undefined : ifArm(stmt);
    for (const g of groups) {
      const render = (v: string): string | undefined => field.render(v, alias, g);
      ctx.addEntry(g, {
        key: field.key,
        value: arm ? placeholder(value) : read,
        rawKey: split.path,
        keyRange: nodeRange(lefts[0]),
        valueRange: nodeRange(value),
        ...(removeRange ? { removeRange } : {}),
        role: field.role,
        conditional: viaFactory || inBranch(stmt),
        renderValue: render,
        ...(arm ? { branches: [{ value: read, valueRange: nodeRange(value), condition: conditionText(arm.ifStatement), when: arm.when, renderValue: render }] } : {}),
      });
    }
  }
  // A config that never shows where it is created (a parameter, a struct field, `cfg := opts.SaramaCfg()`):
  // its creator may set what this code leaves unset, so it takes no role and only what is written here is
  // judged. With a NewConfig in the file a role would also duplicate that group's findings.
  for (const g of fallback.values()) g.roles.length = 0;

  for (const off of errorsOff) {
    // A SyncProducer refuses to start with Return.Errors = false: that fails loudly, it loses nothing.
    if (off.groups.some((g) => g.usedBySync)) continue;
    // In a transactional producer a failed message puts the transaction in error (returnError →
    // maybeTransitionToErrorState), and CommitTxn returns that error: the failure is not silent.
    if (off.groups.some((g) => transactional.has(g))) continue;
    ctx.addFact(
      'unhandled-send',
      'sarama',
      nodeRange(off.statement),
      msg('scanner.go.sarama.returnErrorsOff'),
    );
  }

  const silenced = new Set(errorsOff.flatMap((o) => o.groups));
  for (const binding of ctx.bindings) {
    // A producer that is returned or passed on unnamed may be drained by the code that receives it.
    if (binding.kind !== 'sarama-async' || !binding.origin || !binding.name) continue;
    if (binding.group && silenced.has(binding.group)) continue;
    const reach = ctx.follow(binding);
    if (reach.escapes || ctx.methodCalls('Errors', reach.bindings).length > 0) continue;
    const fn = binding.origin.childForFieldName('function');
    ctx.addFact(
      'unhandled-send',
      'sarama',
      nodeRange(fn ?? binding.origin),
      msg('scanner.go.sarama.errorsUnread'),
    );
  }

  ignoredSends(
    ctx,
    'sarama',
    ['SendMessage', 'SendMessages'],
    ctx.bindings.filter((b) => b.kind === 'sarama-sync'),
    (call) => msg('scanner.go.sarama.ignoredResult', { call }),
  );

  markBeforeProcessing(ctx);
}

/** The groups behind some bindings, without repeats. */
function groupsOf(bindings: readonly Binding[]): GroupBuilder[] {
  return [...new Set(bindings.map((b) => b.group).filter((g): g is GroupBuilder => g !== undefined))];
}

/**
 * Adds `config.Producer.RequiredAcks = sarama.WaitForAll` as a new line after `config := sarama.NewConfig()`.
 * Everything it needs is read now, so the returned function never touches the syntax tree.
 */
function settingInserter(ctx: GoContext, call: Node): ((group: GroupBuilder, key: string, value: string) => Edit | undefined) | undefined {
  const target = assignedTo(call);
  const statement = statementOf(call);
  if (!target || !statement || statement.parent?.type !== 'statement_list') return undefined;
  const line = ctx.lineAfter(statement);
  if (!line) return undefined;
  const name = target.text;
  const alias = ctx.aliasOf('sarama') ?? 'sarama';
  return (group, key, value) => {
    const path = INSERT_PATH[key];
    const rendered = path ? FIELDS[path]?.render(value, alias, group) : undefined;
    return rendered === undefined ? undefined : line(`${name}.${path} = ${rendered}`);
  };
}

/**
 * `session.MarkMessage(msg, "")` followed, in the same block, by statements that still process `msg` (use it
 * outside logging and metrics calls): the offset is marked (and auto-committed within a second) before the message is processed.
 */
function markBeforeProcessing(ctx: GoContext): void {
  // With auto-commit off, a mark is only committed by an explicit session.Commit().
  const autoCommitOff = ctx.groups.some((g) => g.library === 'sarama' && g.entries.some((e) => e.key === 'enable.auto.commit' && e.value === 'false'));
  for (const { call, fn, receiver } of ctx.callsTo('MarkMessage')) {
    if (ctx.resolve(receiver, ['sarama-session']).length === 0) continue;
    const message = namedArgs(call.childForFieldName('arguments'))[0];
    const statement = call.parent;
    const list = statement?.parent;
    if (message?.type !== 'identifier' || statement?.type !== 'expression_statement' || list?.type !== 'statement_list') continue;
    const later = namedArgs(list).filter((s) => s.startIndex > statement.endIndex);
    // Logging or counting the message after marking it is not processing it (`log.Printf("marked %d", msg.Offset)`).
    const uses = later.filter((s) => processes(s, message.text));
    if (uses.length === 0) continue;
    const lastUse = uses[uses.length - 1];
    // The fix marks at the end of the block: values derived from the message are processed up to there.
    const end = later[later.length - 1];
    let detail: Message = msg('scanner.go.sarama.markEarly', { call: fn.text, message: message.text });
    if (autoCommitOff) {
      const session = receiver.text;
      const commit = ctx
        .callsTo('Commit')
        .find((c) => c.receiver.text === session && c.call.startIndex > statement.endIndex && c.call.startIndex < lastUse.startIndex);
      if (!commit) continue;
      detail = msg('scanner.go.sarama.markCommitEarly', { call: fn.text, message: message.text, session });
    }
    // Moved before a `return handle(msg)` that ends the block, the mark would still precede the processing.
    const before = end.type === 'return_statement' && mentions(end, message.text);
    ctx.addFact('commit-before-processing', 'sarama', nodeRange(call), detail, { fixes: autoCommitOff || before ? [] : moveStatementAfter(ctx, statement, end) });
  }
}
