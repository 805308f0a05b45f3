import type { ConfigEntry, ConfigGroup, DeploymentLinks, Edit, Range, Role, TopicRef } from '../model';
import { msg } from '../i18n/index';
import type { Message } from '../i18n/index';

/**
 * Kafka Connect configurations as the clients they create. A worker's `producer.*` / `consumer.*` / `admin.*`
 * settings configure the clients of every task it runs; a connector's `producer.override.*` /
 * `consumer.override.*` / `admin.override.*` configure that connector's clients only. Connect builds each
 * client from its own defaults (library `connect`, catalog/defaults.ts), then the worker's prefixed settings,
 * then the connector's overrides (Worker.java `baseProducerConfigs` / `baseConsumerConfigs`), so each prefix
 * becomes a group of its own with the prefix removed: `producer.acks=0` is the producer's `acks=0`, reported
 * once, on its line. Everything else stays in the worker's or connector's own group.
 */

/** Which kind of Connect configuration a file holds. */
export type ConnectKind = 'worker' | 'connector';

/** Worker settings only a Connect worker has (WorkerConfig, DistributedConfig, StandaloneConfig). */
const WORKER_KEYS: ReadonlySet<string> = new Set([
  'key.converter',
  'value.converter',
  'offset.storage.topic',
  'offset.storage.file.filename',
  'config.storage.topic',
  'status.storage.topic',
  'plugin.path',
  'rest.port',
  'listeners',
  'connector.client.config.override.policy',
]);

/** The prefixes that configure one of Connect's clients, per kind. */
const PREFIXES: Readonly<Record<ConnectKind, readonly (readonly [string, Role])[]>> = {
  worker: [
    ['producer.', 'producer'],
    ['consumer.', 'consumer'],
    ['admin.', 'admin'],
  ],
  connector: [
    ['producer.override.', 'producer'],
    ['consumer.override.', 'consumer'],
    ['admin.override.', 'admin'],
  ],
};

/**
 * What a set of keys says about a Connect file: a connector when it names its class, a worker when it sets
 * a worker-only key; undefined for anything else.
 */
export function connectKindOf(keys: Iterable<string>): ConnectKind | undefined {
  let worker = false;
  for (const k of keys) {
    if (k === 'connector.class') return 'connector';
    if (WORKER_KEYS.has(k)) worker = true;
  }
  return worker ? 'worker' : undefined;
}

/** A setting of one of Connect's clients: the written entry, read under the key the client sees. */
class ClientEntry implements ConfigEntry {
  constructor(
    private readonly written: ConfigEntry,
    readonly key: string,
    readonly role: Role,
    private readonly connectNote: Message,
  ) {}

  /** The written entry's own note (how a compose variable maps) when it has one, else how Connect uses it. */
  get note(): Message {
    return this.written.note ?? this.connectNote;
  }

  get value(): string {
    return this.written.value;
  }

  get rawKey(): string {
    return this.written.rawKey;
  }

  get identity(): string {
    return this.written.identity;
  }

  get keyRange(): Range {
    return this.written.keyRange;
  }

  get valueRange(): Range {
    return this.written.valueRange;
  }

  get removeRange(): Range | undefined {
    return this.written.removeRange;
  }

  get editScope(): Message | undefined {
    return this.written.editScope;
  }

  renderValue(value: string): string | undefined {
    return this.written.renderValue?.(value);
  }
}

/** How a reader lets the Connect groups add a setting: under the Connect key (`producer.override.acks`). */
export type ConnectInsert = (connectKey: string, value: string) => Edit | undefined;

export interface ConnectInput {
  readonly kind: ConnectKind;
  /** Every entry, keyed as Connect reads them (`producer.acks`, `consumer.override.enable.auto.commit`). */
  readonly entries: readonly ConfigEntry[];
  /** Where findings about unset settings go when a client has no setting of its own. */
  readonly anchor: Range;
  readonly insert?: ConnectInsert;
  /** Links of the file itself (the compose service's addresses, for example), merged into the clients'. */
  readonly links?: DeploymentLinks;
  /**
   * The worker's or connector's own group's library: `java` for a `.properties` file, where the worker's own
   * settings are Kafka's.
   */
  readonly ownLibrary?: 'java';
  /** The connector's class when the format gives it outside the config (a Strimzi `KafkaConnector`'s `spec.class`). */
  readonly connectorClass?: string;
}

/** A connector class's own name ending in `Sink` / `Source` (`JdbcSinkConnector`, the `FileStreamSink` alias), not a word inside it (`Resource`). */
const SINK_CLASS = /(?:^|[a-z0-9])Sink(?:Connector)?$/;
const SOURCE_CLASS = /(?:^|[a-z0-9])Source(?:Connector)?$/;

/**
 * Whether a connector is a sink or a source. Connect decides by the class (a `SinkConnector` or a
 * `SourceConnector`), which only the class's name tells a file: `…SinkConnector` / `…SourceConnector`, or the
 * `…Sink` / `…Source` aliases. A class whose name says neither (Debezium's `PostgresConnector`) is a sink when
 * it names `topics` or `topics.regex`, which Connect requires of a sink and only of a sink
 * (SinkConnectorConfig.validate); a source that takes a `topics` setting of its own (MirrorMaker's
 * `MirrorSourceConnector`) says `Source` in its name. Undefined when nothing tells.
 */
export function connectorTypeOf(connectorClass: string | undefined, entries: readonly ConfigEntry[]): 'sink' | 'source' | undefined {
  const written = connectorClass ?? last(entries, 'connector.class')?.value;
  const name = written !== undefined && !written.includes('${') && !written.includes('{{') ? (written.trim().split('.').pop() ?? '') : '';
  const sink = SINK_CLASS.test(name);
  const source = SOURCE_CLASS.test(name);
  if (sink !== source) return sink ? 'sink' : 'source';
  const named = (key: string): boolean => (last(entries, key)?.value.trim() ?? '') !== '';
  return named('topics') || named('topics.regex') ? 'sink' : undefined;
}

/** The topics named in a comma-separated value (`topics=a, b`), with their spans when the value is written as read. */
function topicsOf(entry: ConfigEntry, use: TopicRef['use'], text: string): TopicRef[] {
  const exact = text.slice(entry.valueRange.start, entry.valueRange.end) === entry.value;
  const out: TopicRef[] = [];
  let at = 0;
  for (const part of entry.value.split(',')) {
    const name = part.trim();
    if (name !== '') {
      const start = entry.valueRange.start + at + part.indexOf(name);
      out.push({ name, use, range: exact ? { start, end: start + name.length } : entry.valueRange });
    }
    at += part.length + 1;
  }
  return out;
}

/** The last entry for `key`, Connect applying settings in the order they are written. */
function last(entries: readonly ConfigEntry[], key: string): ConfigEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}

/** The group field for a connector's type, absent when it is unknown. */
function connectorTypeField(type: 'sink' | 'source' | undefined): { connectorType?: 'sink' | 'source' } {
  return type ? { connectorType: type } : {};
}

/** Splits a comma-separated `bootstrap.servers` into its addresses. */
function bootstrapOf(entry: ConfigEntry | undefined): string[] | undefined {
  if (!entry) return undefined;
  const list = entry.value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return list.length > 0 ? list : undefined;
}

/**
 * The groups of a Connect worker or connector: its own (roles `connect`), then one per client it configures.
 * A worker always gets a producer and a consumer group (its tasks' clients, with Connect's defaults); a
 * connector gets the clients it overrides, a consumer when it names `topics` (a sink), and a producer when it
 * names a dead letter queue. `text` is the document text (for topic spans).
 */
export function connectGroups(input: ConnectInput, text: string): ConfigGroup[] {
  const { kind, entries } = input;
  const own: ConfigEntry[] = [];
  const byRole = new Map<Role, ConfigEntry[]>();
  for (const entry of entries) {
    const prefix = PREFIXES[kind].find(([p]) => entry.key.startsWith(p) && entry.key.length > p.length);
    if (!prefix) {
      own.push(entry);
      continue;
    }
    const [p, role] = prefix;
    const list = byRole.get(role) ?? [];
    const params = { rawKey: entry.key, key: entry.key.slice(p.length) };
    const note = kind === 'worker' ? msg(`formats.connect.worker.${role as 'producer' | 'consumer' | 'admin'}`, params) : msg(`formats.connect.override.${role as 'producer' | 'consumer' | 'admin'}`, params);
    list.push(new ClientEntry(entry, entry.key.slice(p.length), role, note));
    byRole.set(role, list);
  }
  const workerBootstrap = kind === 'worker' ? bootstrapOf(last(own, 'bootstrap.servers')) : undefined;
  const ownGroup: ConfigGroup = {
    roles: ['connect'],
    library: input.ownLibrary ?? 'java',
    entries: own,
    anchor: input.anchor,
    insertEntry: input.insert ? (key, value) => input.insert?.(key, value) : undefined,
    links: { ...input.links, bootstrap: workerBootstrap ?? input.links?.bootstrap },
    ...(kind === 'connector' ? connectorTypeField(connectorTypeOf(input.connectorClass, own)) : {}),
  };
  const wanted = new Set<Role>(byRole.keys());
  const sinkTopics = last(own, 'topics');
  const dlq = last(own, 'errors.deadletterqueue.topic.name');
  if (kind === 'worker') {
    wanted.add('producer');
    wanted.add('consumer');
  } else {
    if (sinkTopics || last(own, 'topics.regex')) wanted.add('consumer');
    if (dlq && dlq.value.trim() !== '') wanted.add('producer');
  }
  const groups: ConfigGroup[] = [ownGroup];
  for (const [prefix, role] of PREFIXES[kind]) {
    if (!wanted.has(role)) continue;
    const clientEntries = byRole.get(role) ?? [];
    const topics: TopicRef[] = [];
    if (role === 'consumer' && sinkTopics) topics.push(...topicsOf(sinkTopics, 'consumes', text));
    if (role === 'producer' && dlq && dlq.value.trim() !== '') topics.push(...topicsOf(dlq, 'produces', text));
    const bootstrap = bootstrapOf(last(clientEntries, 'bootstrap.servers')) ?? ownGroup.links?.bootstrap;
    groups.push({
      roles: [role],
      library: 'connect',
      entries: clientEntries,
      anchor: clientEntries[0]?.keyRange ?? input.anchor,
      insertEntry: input.insert ? (key, value) => input.insert?.(prefix + key, value) : undefined,
      links: { ...input.links, bootstrap, topics: topics.length > 0 ? topics : undefined },
    });
  }
  return groups;
}
