import { valueBranches } from '../common/branches';
import { findKey } from '../../catalog/index';
import type { ConfigEntry, ConfigGroup, Edit, Range, ValueBranch } from '../../model';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';
import { listAppend, listElementRemoval } from '../common/list-edits';
import { entryIdentity, inBranchOutside, namedChildren } from '../common/syntax';
import type { PyLibrary } from './symbols';
import { pythonConstant } from './constants';

/**
 * Reads Python client configuration into config groups: confluent-kafka's dicts of librdkafka keys
 * (`Producer({'acks': '0'})`, inline or through a variable, with later `conf['k'] = v` and
 * `conf.update({...})`), and the keyword arguments of kafka-python (`KafkaProducer(acks=1)`, `**config`) and
 * aiokafka (`AIOKafkaProducer(acks=1)`).
 */

type Kind = 'string' | 'number' | 'boolean';

/** The text of a plain string literal (no f-string interpolation, no implicit concatenation), or undefined. */
export function pyString(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const parts = namedChildren(node);
  if (parts.some((p) => p.type === 'interpolation')) return undefined;
  const start = parts.find((p) => p.type === 'string_start');
  const end = parts.find((p) => p.type === 'string_end');
  if (!start || !end) return undefined;
  return node.text.slice(start.endIndex - node.startIndex, end.startIndex - node.startIndex);
}

/** The literal branches of `"false" if flag else "true"`, as the entry's `branches`. */
function branchesOf(node: Node, canonical: (v: string) => string): { branches?: ValueBranch[] } {
  const branches = valueBranches(node, (b) => {
    const lit = pyLiteral(b);
    return lit ? { value: canonical(lit.value), renderValue: render(lit.kind, lit.kind === 'string' ? quoteOf(b) : "'") } : undefined;
  });
  return branches ? { branches } : {};
}

/** What a Python literal evaluates to, as Kafka would read it; undefined for anything computed. */
export function pyLiteral(node: Node): { value: string; kind: Kind } | undefined {
  switch (node.type) {
    case 'integer':
    case 'float':
      return { value: node.text.replace(/_/g, ''), kind: 'number' };
    case 'true':
      return { value: 'true', kind: 'boolean' };
    case 'false':
      return { value: 'false', kind: 'boolean' };
    case 'unary_operator': {
      const arg = node.childForFieldName('argument');
      const op = node.childForFieldName('operator')?.text;
      if (arg && (arg.type === 'integer' || arg.type === 'float') && (op === '-' || op === '+')) return { value: `${op === '-' ? '-' : ''}${arg.text}`, kind: 'number' };
      return undefined;
    }
    case 'parenthesized_expression': {
      const inner = namedChildren(node)[0];
      return inner ? pyLiteral(inner) : undefined;
    }
    default: {
      const s = pyString(node);
      return s === undefined ? undefined : { value: s, kind: 'string' };
    }
  }
}

/** The quote a string literal opens with (`'`, `"`), ignoring prefixes; single quotes when unknown. */
function quoteOf(node: Node | undefined): string {
  const start = node?.type === 'string' ? namedChildren(node).find((p) => p.type === 'string_start')?.text : undefined;
  const q = start?.replace(/^[a-zA-Z]+/, '');
  return q === '"' || q === "'" ? q : "'";
}

function quote(v: string, q: string): string {
  return q + v.replace(/\\/g, '\\\\').split(q).join(`\\${q}`) + q;
}

/** A canonical value written as Python source of the same type as the original literal. */
function render(kind: Kind | undefined, q: string): (v: string) => string | undefined {
  return (v) => {
    if (kind !== 'string' && (v === 'true' || v === 'false')) return v === 'true' ? 'True' : 'False';
    if (kind !== 'string' && /^-?\d+$/.test(v)) return v;
    return quote(v, q);
  };
}

/** librdkafka's own value spellings mapped to Kafka's, so rules compare like with like. */
function librdkafkaValue(key: string, value: string): string {
  if (key === 'auto.offset.reset') {
    const v = value.toLowerCase();
    if (v === 'smallest' || v === 'beginning') return 'earliest';
    if (v === 'largest' || v === 'end') return 'latest';
  }
  return value;
}

/** kafka-python keyword → Kafka key (`enable_auto_commit` → `enable.auto.commit`), only for keys Kafka knows. */
export function kafkaPythonKey(name: string): string | undefined {
  const key = name.replace(/_/g, '.');
  return findKey(key) ? key : undefined;
}

/**
 * The keyword arguments AIOKafkaProducer and AIOKafkaConsumer take (aiokafka v0.14.0 `__init__`), among those
 * that spell a Kafka key. Anything else (`retries`, `delivery_timeout_ms`, `batch_size`) is a TypeError there,
 * not a setting, so it is not read as one.
 */
const AIOKAFKA_KWARGS: Readonly<Record<'producer' | 'consumer', ReadonlySet<string>>> = {
  producer: new Set([
    'bootstrap_servers', 'client_id', 'metadata_max_age_ms', 'request_timeout_ms', 'acks', 'compression_type', 'max_request_size',
    'linger_ms', 'retry_backoff_ms', 'security_protocol', 'connections_max_idle_ms', 'enable_idempotence', 'transactional_id',
    'transaction_timeout_ms', 'sasl_mechanism', 'sasl_kerberos_service_name',
  ]),
  consumer: new Set([
    'bootstrap_servers', 'client_id', 'group_id', 'group_instance_id', 'fetch_max_wait_ms', 'fetch_max_bytes', 'fetch_min_bytes',
    'max_partition_fetch_bytes', 'request_timeout_ms', 'retry_backoff_ms', 'auto_offset_reset', 'enable_auto_commit',
    'auto_commit_interval_ms', 'check_crcs', 'metadata_max_age_ms', 'max_poll_interval_ms', 'session_timeout_ms',
    'heartbeat_interval_ms', 'max_poll_records', 'security_protocol', 'exclude_internal_topics', 'connections_max_idle_ms',
    'isolation_level', 'sasl_mechanism', 'sasl_kerberos_service_name', 'client_rack',
  ]),
};

/** An aiokafka keyword → Kafka key, for the keywords its constructor takes ({@link AIOKAFKA_KWARGS}). */
export function aiokafkaKey(name: string, role: 'producer' | 'consumer'): string | undefined {
  return AIOKAFKA_KWARGS[role].has(name) ? kafkaPythonKey(name) : undefined;
}

/** Keys of a confluent-kafka config that register a delivery callback for every produced message. */
export const DELIVERY_CALLBACK_KEYS: ReadonlySet<string> = new Set(['on_delivery', 'on.delivery', 'dr_cb', 'dr_msg_cb', 'delivery.report.callback']);

/** Where a dict-valued variable got its value and what was added to it later, for following `Producer(conf)`. */
export interface DictSource {
  /** Finds the dict literal a name holds at an offset (the last assignment before it), or undefined. */
  dictAt(name: string, before: number): Node | undefined;
  /** `conf['k'] = v` and `conf.update({...})` on that name between two offsets, in source order. */
  additions(name: string, from: number, to: number): readonly Addition[];
}

/** One later change to a dict variable: a subscript assignment, or an `update()` with a dict literal. */
export type Addition =
  | { readonly kind: 'subscript'; readonly key: Node; readonly value: Node; readonly statement: Node }
  | { readonly kind: 'update'; readonly dict: Node }
  | { readonly kind: 'unknown' };

/** The confluent-kafka key whose dict value is merged into the config (see {@link Entries.readDict}). */
const TOPIC_CONFIG = 'default.topic.config';

/** Collects entries for one group. */
class Entries {
  readonly list: ConfigEntry[] = [];
  complete = true;
  /** True when the config registers a delivery callback (confluent-kafka `on_delivery`). */
  hasDeliveryCallback = false;

  constructor(
    private readonly text: string,
    private readonly index: number,
    private readonly role: 'producer' | 'consumer',
    private readonly lib: PyLibrary,
  ) {}

  /**
   * `conditional`: the key is added under an `if` (or loop, `except`, `match` case) that the config's own
   * definition is not in. Such additions are alternatives, not repeats: each gets an identity of its own, so
   * it never counts as a duplicate (as in the Go scanner).
   */
  add(rawKey: string, keyNode: Node, valueNode: Node, removable: Range | undefined, conditional = false): void {
    if (DELIVERY_CALLBACK_KEYS.has(rawKey)) this.hasDeliveryCallback = true;
    const key =
      this.lib === 'kafka-python'
        ? kafkaPythonKey(rawKey)
        : this.lib === 'aiokafka'
          ? aiokafkaKey(rawKey, this.role)
          : rawKey.includes('.') || rawKey === 'acks' || rawKey === 'retries'
            ? rawKey
            : undefined;
    if (!key) return;
    // `ACKS = "0"` at module level, used here: read as that literal (python/constants.ts).
    const source = pythonConstant(valueNode) ?? valueNode;
    const lit = pyLiteral(source);
    const value = lit ? (this.lib === 'librdkafka' ? librdkafkaValue(key, lit.value) : lit.value) : '${' + valueNode.text + '}';
    const q = lit?.kind === 'string' ? quoteOf(source) : quoteOf(keyNode);
    this.list.push({
      key,
      value,
      rawKey,
      identity: entryIdentity(this.index, key, conditional, keyNode.startIndex),
      keyRange: nodeRange(keyNode),
      valueRange: nodeRange(valueNode),
      removeRange: removable,
      role: this.role,
      renderValue: render(lit?.kind, q),
      ...branchesOf(source, (v) => (this.lib === 'librdkafka' ? librdkafkaValue(key, v) : v)),
    });
  }

  /** Reads a dict literal: `'key': value` pairs and `**other` splats of dicts the file defines. */
  readDict(dict: Node, dicts: DictSource, depth = 0, conditional = false): void {
    if (depth > 4) return;
    const topicConfigs: Node[] = [];
    for (const child of namedChildren(dict)) {
      if (child.type === 'pair') {
        const keyNode = child.childForFieldName('key');
        const valueNode = child.childForFieldName('value');
        const key = keyNode ? pyString(keyNode) : undefined;
        if (keyNode && valueNode && key === TOPIC_CONFIG && this.lib === 'librdkafka') topicConfigs.push(valueNode);
        else if (keyNode && valueNode && key !== undefined) this.add(key, keyNode, valueNode, listElementRemoval(this.text, nodeRange(child)), conditional);
        else this.complete = false;
      } else if (child.type === 'dictionary_splat') {
        this.readSplat(child, dicts, depth);
      } else if (child.type !== 'comment') {
        this.complete = false;
      }
    }
    // confluent-kafka copies a `default.topic.config` dict into the config itself, over the keys beside it
    // (`acks`, `auto.offset.reset` are read from there by many older examples): its entries come last.
    for (const value of topicConfigs) {
      const nested = value.type === 'dictionary' ? value : value.type === 'identifier' ? dicts.dictAt(value.text, value.startIndex) : undefined;
      if (nested) this.readDict(nested, dicts, depth + 1, conditional);
      else this.complete = false;
    }
  }

  readSplat(splat: Node, dicts: DictSource, depth: number): void {
    const inner = namedChildren(splat)[0];
    const dict = inner?.type === 'dictionary' ? inner : inner?.type === 'identifier' ? dicts.dictAt(inner.text, splat.startIndex) : undefined;
    if (dict) this.readVariable(dict, inner?.type === 'identifier' ? inner.text : undefined, splat.startIndex, dicts, depth + 1);
    else this.complete = false;
  }

  /** Reads a dict literal and, when it came from a variable, the changes made to that variable before `until`. */
  readVariable(dict: Node, name: string | undefined, until: number, dicts: DictSource, depth = 0): void {
    this.readDict(dict, dicts, depth);
    if (!name) return;
    for (const a of dicts.additions(name, dict.endIndex, until)) {
      if (a.kind === 'update') this.readDict(a.dict, dicts, depth + 1, inBranchOutside(a.dict, dict, BRANCHES));
      else if (a.kind === 'unknown') this.complete = false;
      else {
        const key = pyString(a.key);
        if (key === undefined) this.complete = false;
        else this.add(key, a.key, a.value, lineOf(this.text, nodeRange(a.statement)), inBranchOutside(a.statement, dict, BRANCHES));
      }
    }
  }
}

/** Statements whose body runs only on some paths. */
const BRANCHES: ReadonlySet<string> = new Set(['if_statement', 'for_statement', 'while_statement', 'except_clause', 'case_clause']);

/** The whole line(s) of a statement, with the line break, when nothing else shares them. */
function lineOf(text: string, r: Range): Range | undefined {
  const start = text.lastIndexOf('\n', r.start - 1) + 1;
  if (text.slice(start, r.start).trim() !== '') return undefined;
  let end = r.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') return undefined;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end };
}

/** The variable an argument names: `conf` or `self.conf`. */
function variableName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  const object = node.type === 'attribute' ? node.childForFieldName('object') : undefined;
  const attr = node.childForFieldName('attribute');
  return object?.type === 'identifier' && object.text === 'self' && attr ? `self.${attr.text}` : undefined;
}

/** A producer/consumer construction to read. */
export interface ClientCall {
  readonly call: Node;
  readonly lib: PyLibrary;
  readonly role: 'producer' | 'consumer';
}

/** A group plus what the code-fact checks need to know about the configuration behind it. */
export interface PyGroup {
  readonly group: ConfigGroup;
  readonly hasDeliveryCallback: boolean;
  readonly complete: boolean;
}

/** Builds the group for one `Producer(...)`, `Consumer(...)`, `KafkaProducer(...)` or `KafkaConsumer(...)` call. */
export function buildPythonGroup(text: string, index: number, client: ClientCall, dicts: DictSource): PyGroup {
  const { call, lib, role } = client;
  const e = new Entries(text, index, role, lib);
  const argList = call.childForFieldName('arguments');
  const args = argList ? namedChildren(argList).filter((a) => a.type !== 'comment') : [];
  /** The dict literal a fix can add to (confluent-kafka), when there is exactly one. */
  let target: Node | undefined;
  if (lib === 'librdkafka') {
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'dictionary_splat' && a.type !== 'list_splat');
    const first = positional[0];
    if (first?.type === 'dictionary') {
      e.readDict(first, dicts);
      target = first;
    } else if (first && variableName(first)) {
      const name = variableName(first) as string;
      const dict = dicts.dictAt(name, call.startIndex);
      if (dict) {
        e.readVariable(dict, name, call.startIndex, dicts);
        target = dict;
      } else e.complete = false;
    } else if (first) e.complete = false;
    for (const a of args) {
      if (a.type === 'dictionary_splat') {
        e.readSplat(a, dicts, 0);
        const inner = namedChildren(a)[0];
        if (!target && inner?.type === 'dictionary') target = inner;
      } else if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        if (name && DELIVERY_CALLBACK_KEYS.has(name)) e.hasDeliveryCallback = true;
      } else if (a.type === 'list_splat') e.complete = false;
    }
    if (args.length === 0) e.complete = false;
  } else {
    for (const a of args) {
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name');
        const value = a.childForFieldName('value');
        if (name && value) e.add(name.text, name, value, listElementRemoval(text, nodeRange(a)));
      } else if (a.type === 'dictionary_splat') e.readSplat(a, dicts, 0);
      else if (a.type === 'list_splat') e.complete = false;
    }
  }
  const callee = call.childForFieldName('function') ?? call;
  // kafka-python and aiokafka take `group_id` as a keyword only (the positional arguments are topics), and
  // `None`, its default, joins no group: with every argument in view, no group id means no commits at all.
  const groupId = e.list.find((entry) => entry.key === 'group.id');
  const groupless = lib !== 'librdkafka' && role === 'consumer' && e.complete && (groupId === undefined || groupId.value === '${None}');
  const group: ConfigGroup = {
    roles: e.complete ? [role] : [],
    library: lib,
    entries: e.list,
    anchor: nodeRange(callee),
    ...(groupless ? { groupless } : {}),
    insertEntry(key: string, value: string): Edit | undefined {
      const literal = value === 'true' ? 'True' : value === 'false' ? 'False' : /^-?\d+$/.test(value) ? value : undefined;
      if (lib === 'kafka-python' || lib === 'aiokafka') {
        if (!argList) return undefined;
        const snake = key.replace(/\./g, '_');
        if ((lib === 'aiokafka' ? aiokafkaKey(snake, role) : kafkaPythonKey(snake)) !== key) return undefined;
        return listAppend(text, argList.startIndex + 1, args.map(nodeRange), `${snake}=${literal ?? quote(value, "'")}`);
      }
      if (!target) return undefined;
      const pairs = namedChildren(target).filter((c) => c.type !== 'comment');
      const q = quoteOf(pairs.find((p) => p.type === 'pair')?.childForFieldName('key') ?? undefined);
      return listAppend(text, target.startIndex + 1, pairs.map(nodeRange), `${quote(key, q)}: ${literal ?? quote(value, q)}`);
    },
  };
  return { group, hasDeliveryCallback: e.hasDeliveryCallback, complete: e.complete };
}
