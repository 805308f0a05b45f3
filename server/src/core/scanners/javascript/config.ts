import { valueBranches } from '../common/branches';
import type { ConfigEntry, ConfigGroup, Edit, LibraryId, Range, Role, ValueBranch } from '../../model';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';
import { listAppend, listElementRemoval } from '../common/list-edits';
import type { JsLibrary } from './symbols';
import { namedChildren } from '../common/syntax';
import { literalValue, pairKey, unwrap } from './syntax';
import { jsConstant } from './constants';

/**
 * Turns the option objects of kafkajs and @confluentinc/kafka-javascript into config groups: each option is
 * mapped to the Kafka key it stands for, with a `renderValue` that writes a new value back in JavaScript.
 */

/** How a KafkaJS-style option maps to Kafka: the key, and the value translation in both directions. */
interface OptionMapping {
  readonly key: string;
  /** JS literal value → Kafka value; undefined keeps it. */
  readonly toKafka?: (v: string) => string | undefined;
  /** Kafka value → JS source; undefined when it has no spelling here. */
  readonly render: (v: string) => string | undefined;
}

const asNumber = (v: string): string | undefined => (/^-?\d+$/.test(v) ? v : undefined);
const asBoolean = (v: string): string | undefined => (v === 'true' || v === 'false' ? v : undefined);

/** kafkajs takes acks as a number: -1 is `all`. */
const ACKS: OptionMapping = {
  key: 'acks',
  render: (v) => (v === 'all' ? '-1' : ['-1', '0', '1'].includes(v) ? v : undefined),
};

/** Producer options of kafkajs (acks is not one: kafkajs takes it per `send()`). Dotted names are nested objects. */
const PRODUCER_OPTIONS: Readonly<Record<string, OptionMapping>> = {
  idempotent: { key: 'enable.idempotence', render: asBoolean },
  'retry.retries': { key: 'retries', render: asNumber },
  maxInFlightRequests: { key: 'max.in.flight.requests.per.connection', render: asNumber },
  transactionalId: { key: 'transactional.id', render: (v) => JSON.stringify(v) },
  transactionTimeout: { key: 'transaction.timeout.ms', render: asNumber },
};

/** Consumer options of kafkajs (and the `kafkaJS` block of confluent-js). */
const CONSUMER_OPTIONS: Readonly<Record<string, OptionMapping>> = {
  groupId: { key: 'group.id', render: (v) => JSON.stringify(v) },
  sessionTimeout: { key: 'session.timeout.ms', render: asNumber },
  heartbeatInterval: { key: 'heartbeat.interval.ms', render: asNumber },
  maxBytesPerPartition: { key: 'max.partition.fetch.bytes', render: asNumber },
  maxBytes: { key: 'fetch.max.bytes', render: asNumber },
  maxWaitTimeInMs: { key: 'fetch.max.wait.ms', render: asNumber },
  allowAutoTopicCreation: { key: 'allow.auto.create.topics', render: asBoolean },
  readUncommitted: {
    key: 'isolation.level',
    toKafka: (v) => (v === 'true' ? 'read_uncommitted' : v === 'false' ? 'read_committed' : undefined),
    render: (v) => (v === 'read_uncommitted' ? 'true' : v === 'read_committed' ? 'false' : undefined),
  },
};

/** `fromBeginning`: where a group without committed offsets starts. */
const FROM_BEGINNING: OptionMapping = {
  key: 'auto.offset.reset',
  toKafka: (v) => (v === 'true' ? 'earliest' : v === 'false' ? 'latest' : undefined),
  render: (v) => (v === 'earliest' ? 'true' : v === 'latest' ? 'false' : undefined),
};

/** confluent-js takes acks per producer and fromBeginning per consumer, inside the `kafkaJS` block. */
const CONFLUENT_PRODUCER_OPTIONS: Readonly<Record<string, OptionMapping>> = { ...PRODUCER_OPTIONS, acks: ACKS };
const CONFLUENT_CONSUMER_OPTIONS: Readonly<Record<string, OptionMapping>> = { ...CONSUMER_OPTIONS, fromBeginning: FROM_BEGINNING };

/** The mapping of kafkajs `subscribe()` options (kafkajs takes `fromBeginning` there). */
export const SUBSCRIBE_OPTIONS: Readonly<Record<string, OptionMapping>> = { fromBeginning: FROM_BEGINNING };

/** The mapping of `send()` options (kafkajs takes acks per call). */
export const SEND_OPTIONS: Readonly<Record<string, OptionMapping>> = { acks: ACKS };

/** librdkafka spells some values its own way; rules compare Kafka's. */
function librdkafkaValue(key: string, value: string): string {
  if (key === 'auto.offset.reset') {
    const v = value.toLowerCase();
    if (v === 'smallest' || v === 'beginning') return 'earliest';
    if (v === 'largest' || v === 'end') return 'latest';
  }
  return value;
}

/** Writes a Kafka value for a raw librdkafka key, keeping the literal's type (number, boolean, quoted string). */
function renderRaw(key: string, original: Node, quote: string): (v: string) => string | undefined {
  const kind = literalValue(original)?.kind ?? 'string';
  return (v) => {
    if (kind === 'number' && /^-?\d+$/.test(v)) return v;
    if (kind === 'number' && key.endsWith('acks') && v === 'all') return '-1';
    if (kind === 'boolean' && (v === 'true' || v === 'false')) return v;
    return quoteString(v, quote);
  };
}

function quoteString(v: string, quote: string): string {
  return quote + v.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`) + quote;
}

/** The canonical value of an option's value expression; a computed one becomes a `${…}` placeholder that rules leave alone. */
function kafkaValue(valueNode: Node, toKafka?: (v: string) => string | undefined): string {
  const lit = literalValue(valueNode);
  if (!lit) return '${' + valueNode.text + '}';
  return toKafka ? toKafka(lit.value) ?? lit.value : lit.value;
}

/** Builds one group's entries and its insertion point while the option objects are read. */
export class GroupBuilder {
  readonly entries: ConfigEntry[] = [];
  /** False when part of the configuration cannot be read (a spread of an unknown object, a config from elsewhere). */
  complete = true;
  /** node-rdkafka API: `dr_cb`/`dr_msg_cb` is on (or computed), so failed deliveries reach a `delivery-report` event. */
  deliveryReports = false;

  constructor(
    private readonly text: string,
    readonly index: number,
    readonly role: Role,
  ) {}

  /** Reads a KafkaJS-style options object (`kafka.producer({...})`, `send({...})`). */
  readOptions(object: Node, options: Readonly<Record<string, OptionMapping>>, objects: ObjectResolver, prefix = '', depth = 0): void {
    if (depth > 4) return;
    for (const child of namedChildren(object)) {
      if (child.type === 'spread_element') {
        const inner = child.namedChildren.find((c) => c !== null);
        const resolved = inner ? objects(inner) : undefined;
        if (resolved) this.readOptions(resolved, options, objects, prefix, depth + 1);
        else this.complete = false;
        continue;
      }
      if (child.type === 'shorthand_property_identifier') {
        // `{ retry }`: a nested option object held by a variable of the same name.
        const name = prefix + child.text;
        const target = Object.keys(options).some((k) => k.startsWith(`${name}.`)) ? objects(child) : undefined;
        if (target) this.readOptions(target, options, objects, `${name}.`, depth + 1);
        continue;
      }
      if (child.type !== 'pair') continue;
      const key = pairKey(child);
      const value = child.childForFieldName('value');
      if (!key || !value) continue;
      const name = prefix + key.name;
      const target = unwrap(value);
      const nested = Object.keys(options).some((k) => k.startsWith(`${name}.`));
      if (nested && (target.type === 'object' || target.type === 'identifier')) {
        const object = objects(target);
        if (object) this.readOptions(object, options, objects, `${name}.`, depth + 1);
        continue;
      }
      const mapping = options[name];
      if (!mapping) continue;
      // `const ACKS = 1` at module level, used here: read as that literal (javascript/constants.ts).
      const source = jsConstant(value) ?? value;
      const branches = valueBranches(source, (b) => (literalValue(b) ? { value: kafkaValue(b, mapping.toKafka), renderValue: mapping.render } : undefined));
      this.add(mapping.key, literalValue(source) ? kafkaValue(source, mapping.toKafka) : kafkaValue(value), name, key.node, child, value, mapping.render, branches);
    }
  }

  /** Reads an object of raw librdkafka keys (`{ 'enable.auto.commit': true }`), skipping the `kafkaJS` block. */
  readRaw(object: Node, objects: ObjectResolver, skip: ReadonlySet<string> = new Set(), depth = 0): void {
    if (depth > 4) return;
    for (const child of namedChildren(object)) {
      if (child.type === 'spread_element') {
        const inner = child.namedChildren.find((c) => c !== null);
        const resolved = inner ? objects(inner) : undefined;
        if (resolved) this.readRaw(resolved, objects, skip, depth + 1);
        else this.complete = false;
        continue;
      }
      if (child.type !== 'pair') continue;
      const key = pairKey(child);
      const value = child.childForFieldName('value');
      if (key && value && (key.name === 'dr_cb' || key.name === 'dr_msg_cb')) {
        const lit = literalValue(value);
        if (!lit || lit.value !== 'false') this.deliveryReports = true;
      }
      if (!key || !value || key.name === 'kafkaJS' || skip.has(key.name) || !key.name.includes('.') && key.name !== 'acks' && key.name !== 'retries') continue;
      const source = jsConstant(value) ?? value;
      const quote = source.type === 'string' ? source.text[0] : "'";
      const lit = literalValue(source);
      const canonical = lit ? librdkafkaValue(key.name, lit.value) : '${' + value.text + '}';
      const branches = valueBranches(source, (b) => {
        const v = literalValue(b);
        return v ? { value: librdkafkaValue(key.name, v.value), renderValue: renderRaw(key.name, b, b.type === 'string' ? b.text[0] : "'") } : undefined;
      });
      this.add(key.name, canonical, key.name, key.node, child, value, renderRaw(key.name, source, quote), branches);
    }
  }

  private add(key: string, value: string, rawKey: string, keyNode: Node, pair: Node, valueNode: Node, render: (v: string) => string | undefined, branches?: ValueBranch[]): void {
    this.entries.push({
      key,
      value,
      rawKey,
      identity: `${this.index}:${key}`,
      keyRange: nodeRange(keyNode),
      valueRange: nodeRange(valueNode),
      removeRange: listElementRemoval(this.text, nodeRange(removedWith(pair))),
      role: this.role,
      renderValue: render,
      ...(branches ? { branches } : {}),
    });
  }
}

/**
 * What removing a property takes along: the property itself, or, when it is all that KafkaJS's `retry`
 * object holds (`retry: { retries: 0 }`, no comment beside it), the `retry` property, which would be left
 * empty (`retry: {  }`) and means the same as no `retry` at all.
 */
function removedWith(pair: Node): Node {
  const object = pair.parent;
  const outer = object?.parent;
  // Only KafkaJS's `retry`: an empty `kafkaJS: {}` block is not the same as none to every library.
  if (!object || object.type !== 'object' || outer?.type !== 'pair' || outer.parent?.type !== 'object' || pairKey(outer)?.name !== 'retry') return pair;
  return object.namedChildCount === 1 ? outer : pair;
}

/** Finds the object literal an expression stands for (a variable holding one), or undefined. */
export type ObjectResolver = (node: Node) => Node | undefined;

/** The edit that appends `item` inside an object literal. */
export function objectAppend(text: string, object: Node, item: string): Edit {
  const open = object.child(0);
  const members = namedChildren(object).filter((c) => c.type !== 'comment').map(nodeRange);
  return listAppend(text, open ? open.endIndex : object.startIndex + 1, members, item);
}

/** The first property of an object literal with this name, if its value is an object literal too. */
export function nestedObject(object: Node, name: string): Node | undefined {
  for (const child of namedChildren(object)) {
    if (child.type !== 'pair' || pairKey(child)?.name !== name) continue;
    const value = child.childForFieldName('value');
    if (value && unwrap(value).type === 'object') return unwrap(value);
  }
  return undefined;
}

/** The KafkaJS-style property that sets a canonical key at the top level of the options, if there is one. */
function kafkajsItem(role: Role, key: string, value: string): string | undefined {
  if (role !== 'producer') return undefined;
  if (key === 'enable.idempotence' && asBoolean(value)) return `idempotent: ${value}`;
  if (key === 'max.in.flight.requests.per.connection' && asNumber(value)) return `maxInFlightRequests: ${value}`;
  if (key === 'retries' && asNumber(value)) return `retry: { retries: ${value} }`;
  return undefined;
}

/** How `insertEntry` writes a canonical key into a KafkaJS-style options object (retries go into an existing `retry`). */
function kafkajsInsertion(text: string, object: Node, role: Role, key: string, value: string): Edit | undefined {
  const retry = key === 'retries' && role === 'producer' && asNumber(value) ? nestedObject(object, 'retry') : undefined;
  if (retry) return objectAppend(text, retry, `retries: ${value}`);
  const item = kafkajsItem(role, key, value);
  return item ? objectAppend(text, object, item) : undefined;
}

/** What {@link buildOptionsGroup} needs to know about the call it reads. */
export interface OptionsCall {
  readonly library: JsLibrary;
  readonly role: 'producer' | 'consumer';
  /** The config objects passed (an rdkafka constructor takes a global and a topic config). */
  readonly objects: readonly (Node | undefined)[];
  /** True when the call passes something other than object literals (a config from elsewhere). */
  readonly opaque: boolean;
  /** The argument list, for inserting into `kafka.producer()`. */
  readonly args?: Node;
  readonly anchor: Range;
}

/**
 * Reads `kafka.producer({...})`, `kafka.consumer({...})` or `new Kafka.Producer({...}, {...})` into a group.
 * The builder is returned too so that later calls on the same client (`subscribe({ fromBeginning })`) can add to it.
 */
export function buildOptionsGroup(text: string, index: number, call: OptionsCall, objects: ObjectResolver): { group: ConfigGroup; builder: GroupBuilder } {
  const b = new GroupBuilder(text, index, call.role);
  const [first] = call.objects;
  const kafkaJsBlock = first && call.library === 'confluent-js' ? nestedObject(first, 'kafkaJS') : undefined;
  if (call.library === 'kafkajs') {
    if (first) b.readOptions(first, call.role === 'producer' ? PRODUCER_OPTIONS : CONSUMER_OPTIONS, objects);
  } else if (call.library === 'confluent-js') {
    // The promisified consumer stores offsets only after the handler returns, so its auto-commit is not the hazard a raw key suggests.
    const skip = call.role === 'consumer' ? new Set(['enable.auto.commit', 'enable.auto.offset.store']) : new Set<string>();
    if (first) b.readRaw(first, objects, skip);
    if (kafkaJsBlock) b.readOptions(kafkaJsBlock, call.role === 'producer' ? CONFLUENT_PRODUCER_OPTIONS : CONFLUENT_CONSUMER_OPTIONS, objects);
  } else {
    for (const o of call.objects) if (o) b.readRaw(o, objects);
  }
  if (call.opaque) b.complete = false;
  const library: LibraryId = call.library;
  const role = call.role;
  const group: ConfigGroup = {
    roles: b.complete ? [role] : [],
    library,
    entries: b.entries,
    anchor: call.anchor,
    insertEntry(key: string, value: string): Edit | undefined {
      if (call.library === 'kafkajs') {
        if (first) return kafkajsInsertion(text, first, role, key, value);
        const item = call.args && call.objects.length === 0 && !call.opaque ? kafkajsItem(role, key, value) : undefined;
        if (call.args && item) return { range: { start: call.args.startIndex + 1, end: call.args.startIndex + 1 }, newText: `{ ${item} }` };
        return undefined;
      }
      if (call.library === 'confluent-js') {
        if (!kafkaJsBlock) return undefined;
        if (key === 'acks') return ACKS.render(value) ? objectAppend(text, kafkaJsBlock, `acks: ${ACKS.render(value)}`) : undefined;
        if (role === 'consumer' && key === 'auto.offset.reset') {
          const v = FROM_BEGINNING.render(value);
          return v ? objectAppend(text, kafkaJsBlock, `fromBeginning: ${v}`) : undefined;
        }
        return kafkajsInsertion(text, kafkaJsBlock, role, key, value);
      }
      if (!first) return undefined;
      const quote = firstQuote(first);
      const rendered = /^-?\d+$/.test(value) || value === 'true' || value === 'false' ? value : quoteString(value, quote);
      return objectAppend(text, first, `${quoteString(key, quote)}: ${rendered}`);
    },
  };
  return { group, builder: b };
}

/** The quote character the object's keys use (single quotes when none is quoted). */
function firstQuote(object: Node): string {
  for (const c of namedChildren(object)) {
    const k = c.type === 'pair' ? c.childForFieldName('key') : null;
    if (k?.type === 'string') return k.text[0];
  }
  return "'";
}

/** What the options of `new Kafka({...})` set for the producers the client makes (kafkajs). */
const CLIENT_OPTIONS: Readonly<Record<string, OptionMapping>> = { 'retry.retries': PRODUCER_OPTIONS['retry.retries'] };

/** The top-level option names of an options object (`retry` for `{ retry: {...} }` and `{ retry }`). */
function optionNames(object: Node | undefined): Set<string> {
  const names = new Set<string>();
  for (const c of object ? namedChildren(object) : []) {
    const name = c.type === 'pair' ? pairKey(c)?.name : c.type === 'shorthand_property_identifier' ? c.text : undefined;
    if (name !== undefined) names.add(name);
  }
  return names;
}

/**
 * The settings of a `new Kafka({...})` that reach the producers it makes, as a group of their own (no role:
 * only what the client sets is checked, once, however many producers share it).
 *
 * kafkajs merges the client's `retry` into each producer's field by field (`{ ...client.retry,
 * ...producer.retry }`); confluent-js merges raw librdkafka keys one by one and its `kafkaJS` block one
 * top-level option at a time, so a producer's own `kafkaJS.retry` replaces the client's whole `retry`.
 * A setting is kept when some producer made here does not set it itself, or when no producer made here is
 * seen (the client may be exported and used elsewhere). Undefined when nothing is kept.
 *
 * `producers` are the first option objects of the producers made from this client (undefined: none given).
 */
export function buildClientGroup(text: string, index: number, library: 'kafkajs' | 'confluent-js', client: Node, producers: readonly (Node | undefined)[], objects: ObjectResolver, anchor: Range): ConfigGroup | undefined {
  const b = new GroupBuilder(text, index, 'producer');
  /** For each entry read, the producer option that would replace it. */
  let overrides: (producer: Node | undefined, rawKey: string) => boolean;
  if (library === 'kafkajs') {
    b.readOptions(client, CLIENT_OPTIONS, objects);
    overrides = (producer, rawKey) => {
      if (!producer) return false;
      const own = new GroupBuilder(text, index, 'producer');
      own.readOptions(producer, PRODUCER_OPTIONS, objects);
      return own.entries.some((e) => e.rawKey === rawKey);
    };
  } else {
    b.readRaw(client, objects);
    const raw = b.entries.length;
    const block = nestedObject(client, 'kafkaJS');
    if (block) b.readOptions(block, CONFLUENT_PRODUCER_OPTIONS, objects);
    const fromBlock = new Set(b.entries.slice(raw).map((e) => e.rawKey));
    overrides = (producer, rawKey) => {
      if (!producer) return false;
      if (fromBlock.has(rawKey)) return optionNames(nestedObject(producer, 'kafkaJS')).has(rawKey.split('.')[0]);
      return optionNames(producer).has(rawKey);
    };
  }
  const entries = b.entries.filter((e) => producers.length === 0 || producers.some((p) => !overrides(p, e.rawKey)));
  if (entries.length === 0) return undefined;
  return { roles: [], library, entries, anchor };
}
