import type { Fix, RelatedLocation, Span } from '../model';
import type { MessageArgs, MessageKey } from '../i18n/index';
import { libraryDefault } from '../catalog/defaults';
import { SPRING_CLOUD_STREAM_DEFAULTS } from '../catalog/spring';
import type { LintOptions } from '../options';
import { defaultSource, kafkaVersionOf } from '../rules/support';
import type { DeploymentEntry, DeploymentFile } from './extract';
import { editKey } from './extract';
import type { Client, Cluster, ClusterLink, GroupRef, TopicDefinition } from './model';

/**
 * What the cross-file rules share: the value a client, a cluster or a topic ends up with (written, or the
 * default that applies), which file and key decide it, and how to name that in a message.
 */

/** A catalogue text in the run's language (the rule context's `t`). */
export type Texts = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

/** A value and what decides it: an entry somewhere, or a default because a group leaves the key unset. */
export interface Setting {
  readonly key: string;
  readonly value: string;
  /** The group that sets it, or that leaves it unset (the default then applies to it). */
  readonly ref: GroupRef;
  /** The entry, when the value is written. */
  readonly entry?: DeploymentEntry;
  /** Where the default comes from (`Kafka 4.1`), when the value is a default. */
  readonly defaultFrom?: string;
}

/** How messages name a file. */
export function labelOf(file: DeploymentFile): string {
  return file.label ?? file.file;
}

/** True for values resolved later (`${MIN_ISR}`): nothing can be said about them. */
export function isPlaceholderValue(value: string): boolean {
  return value.includes('${') || value.includes('{{');
}

/** The integer a value holds (trimmed, as Kafka parses it), or undefined. */
export function intOf(value: string): number | undefined {
  const v = value.trim();
  if (!/^[+-]?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The value of the first of `keys` that a client's layers set (the highest layer wins), else the default of
 * the first key for the client's library. Undefined when neither exists, or the value is a placeholder.
 */
export function clientSetting(client: Client, keys: readonly string[], options: LintOptions): Setting | undefined {
  for (let i = client.layers.length - 1; i >= 0; i--) {
    const ref = client.layers[i];
    for (const key of keys) {
      const entry = ref.group.entries[key];
      if (entry) return isPlaceholderValue(entry.value) ? undefined : { key, value: entry.value.trim(), ref, entry };
    }
  }
  const { group } = client.ref;
  // Spring Cloud Stream's Kafka binder sets acks itself, by a binder version the files do not say.
  if (group.springBinder && SPRING_CLOUD_STREAM_DEFAULTS[keys[0]]) return undefined;
  const def = libraryDefault(keys[0], group.library, kafkaVersionOf(group, options), group.libraryVersion);
  if (!def || def.versionDependent) return undefined;
  return { key: keys[0], value: def.value, ref: client.ref, defaultFrom: defaultSource(group, options, def) };
}

/**
 * The weakest value of a broker key across a cluster's brokers: each broker's written value, or Kafka's
 * default for the configured version where a broker leaves it unset. `weaker(a, b)` is true when `a` is
 * less safe than `b`. Undefined when a broker's value is a placeholder (the cluster's value is then unknown).
 */
export function clusterSetting(cluster: Cluster, key: string, options: LintOptions, weaker: (a: string, b: string) => boolean): Setting | undefined {
  // Every producer of a cluster asks the same question: answered once per model (clusters are rebuilt on each link).
  let byCluster = CLUSTER_SETTINGS.get(options);
  if (!byCluster) CLUSTER_SETTINGS.set(options, (byCluster = new WeakMap()));
  let byOrder = byCluster.get(cluster);
  if (!byOrder) byCluster.set(cluster, (byOrder = new Map()));
  let answers = byOrder.get(weaker);
  if (!answers) byOrder.set(weaker, (answers = new Map()));
  if (answers.has(key)) return answers.get(key);
  const answer = weakestOf(cluster, key, options, weaker);
  answers.set(key, answer);
  return answer;
}

type Weaker = (a: string, b: string) => boolean;
const CLUSTER_SETTINGS = new WeakMap<LintOptions, WeakMap<Cluster, Map<Weaker, Map<string, Setting | undefined>>>>();

function weakestOf(cluster: Cluster, key: string, options: LintOptions, weaker: (a: string, b: string) => boolean): Setting | undefined {
  let worst: Setting | undefined;
  for (const ref of cluster.brokers) {
    const entry = ref.group.entries[key];
    let setting: Setting;
    if (entry) {
      if (isPlaceholderValue(entry.value)) return undefined;
      setting = { key, value: entry.value.trim(), ref, entry };
    } else {
      // The broker's own defaults: an image's dialect, at the Kafka version the file states (else the configured one).
      const def = brokerDefault(key, ref.group.library, kafkaVersionOf(ref.group, options));
      if (!def) return undefined;
      setting = { key, value: def.value, ref, defaultFrom: defaultSource(ref.group, options, def) };
    }
    if (!worst || weaker(setting.value, worst.value)) worst = setting;
  }
  return worst;
}

/** Broker defaults by key, dialect and version: every producer asks for its cluster's brokers' (see the bench). */
const BROKER_DEFAULTS = new Map<string, ReturnType<typeof libraryDefault>>();

function brokerDefault(key: string, library: Parameters<typeof libraryDefault>[1], version: string): ReturnType<typeof libraryDefault> {
  const id = `${key}\u0000${library}\u0000${version}`;
  if (!BROKER_DEFAULTS.has(id)) {
    if (BROKER_DEFAULTS.size > 10000) BROKER_DEFAULTS.clear();
    BROKER_DEFAULTS.set(id, libraryDefault(key, library, version));
  }
  return BROKER_DEFAULTS.get(id);
}

/** The replication factor a cluster gives topics created without one (the weakest broker's `default.replication.factor`). */
export function clusterRf(cluster: Cluster, options: LintOptions): number | undefined {
  const s = clusterSetting(cluster, 'default.replication.factor', options, lowerIsWeaker);
  return s ? intOf(s.value) : undefined;
}

/**
 * A topic's replication factor: its own `replication.factor`, else what its cluster gives topics created
 * without one. Undefined when neither is known (no cluster, a placeholder).
 */
export function topicRf(topic: TopicDefinition, cluster: Cluster | undefined, options: LintOptions): number | undefined {
  const own = topic.ref.group.entries['replication.factor'];
  if (own) return intOf(own.value);
  return cluster ? clusterRf(cluster, options) : undefined;
}

/**
 * A topic's value of `topicKey`: its own entry, else its cluster's `brokerKey` (the broker default for
 * topics that do not override it). Undefined when the topic does not set it and the cluster is unknown.
 */
export function topicSetting(
  topic: TopicDefinition,
  cluster: Cluster | undefined,
  topicKey: string,
  brokerKey: string,
  options: LintOptions,
  weaker: (a: string, b: string) => boolean,
): Setting | undefined {
  const entry = topic.ref.group.entries[topicKey];
  if (entry) return isPlaceholderValue(entry.value) ? undefined : { key: topicKey, value: entry.value.trim(), ref: topic.ref, entry };
  return cluster ? clusterSetting(cluster, brokerKey, options, weaker) : undefined;
}

/** Lower integers are weaker (min ISR, replication factor); non-numbers are never weaker. */
export function lowerIsWeaker(a: string, b: string): boolean {
  const x = intOf(a);
  const y = intOf(b);
  return x !== undefined && (y === undefined || x < y);
}

/** `true` is weaker than anything else (unclean leader election). */
export function trueIsWeaker(a: string, b: string): boolean {
  return a.toLowerCase() === 'true' && b.toLowerCase() !== 'true';
}

/**
 * A setting in words: `topic-orders.properties sets min.insync.replicas=1`, or `server.properties leaves
 * min.insync.replicas unset, so the Kafka 4.1 default of 1 applies`.
 */
export function describeSetting(t: Texts, s: Setting): string {
  const file = labelOf(s.ref.file);
  if (s.entry) return t('deployment.setting.set', { file, key: s.key, value: s.value });
  return t('deployment.setting.default', { file, key: s.key, source: s.defaultFrom ?? '', value: s.value });
}

/** The span a finding about a setting goes on: the written value, or the anchor of the group that leaves it unset. */
export function spanOfSetting(s: Setting): Span {
  return s.entry ? s.entry.span : s.ref.group.anchor;
}

/** A related location pointing at a setting, in the file where it is (`file` left out for the file the finding is in). */
export function relatedSetting(s: Setting, shownIn: DeploymentFile, message: string): RelatedLocation {
  return relatedAt(s.ref, spanOfSetting(s), shownIn, message);
}

/** A related location at `span` of `ref`'s file. */
export function relatedAt(ref: GroupRef, span: Span, shownIn: DeploymentFile, message: string): RelatedLocation {
  return ref.file === shownIn ? { range: span, message } : { range: span, message, file: ref.file.file };
}

/**
 * A quick fix that applies the precomputed edit `key=value` (or `-key`, removal) of a group, marked with the
 * file it edits when that is not the file the finding is shown in. Undefined when the group has no such edit.
 */
export function groupFix(ref: GroupRef, key: string, value: string | undefined, title: string, shownIn: DeploymentFile, preferred = true): Fix | undefined {
  const edits = ref.group.edits[editKey(key, value)];
  if (!edits || edits.length === 0) return undefined;
  return ref.file === shownIn ? { title, preferred, edits } : { title, preferred, edits, file: ref.file.file };
}

/** How a link reads in a message: `the cluster at kafka-1:9092 (server.properties)`. */
export function describeLink(t: Texts, link: ClusterLink, cluster: Cluster): string {
  const files = filesOf(t, cluster);
  switch (link.via) {
    case 'cluster':
      return t('deployment.link.cluster', { name: cluster.name === undefined ? files : nameShared(link, cluster) ? `${cluster.name} (${files})` : cluster.name });
    case 'bootstrap':
      return t('deployment.link.bootstrap', { address: link.address ?? '', files });
    case 'file':
      return t('deployment.link.file');
    case 'folder':
      return t('deployment.link.folder', { files });
    case 'none':
      return t('deployment.link.none');
  }
}

/** Why a group belongs to a cluster whose broker file the message names anyway: `the nearest broker configuration to this file`. */
export function whyLinked(t: Texts, link: ClusterLink, cluster: Cluster): string {
  switch (link.via) {
    case 'cluster':
      return t('deployment.link.cluster', { name: cluster.name ?? '' });
    case 'bootstrap':
      return t('deployment.why.bootstrap', { address: link.address ?? '' });
    case 'file':
      return t('deployment.link.file');
    case 'folder':
      return t('deployment.why.folder');
    case 'none':
      return t('deployment.link.none');
  }
}

/**
 * When a group may belong to several clusters: ` It may also use the cluster of a.properties: nothing in
 * the files says which.` — empty when the link is clear.
 */
export function ambiguity(t: Texts, link: ClusterLink, shown: Cluster): string {
  const others = link.clusters.filter((c) => c !== shown);
  if (others.length === 0) return '';
  const names = listed(t, others.map((c) => (c.name !== undefined && !nameShared(link, c) ? c.name : filesOf(t, c))));
  return t(others.length === 1 ? 'deployment.ambiguity.one' : 'deployment.ambiguity.many', { names });
}

/** The files of a cluster's brokers, as a message lists them. */
function filesOf(t: Texts, cluster: Cluster): string {
  return listed(t, [...new Set(cluster.brokers.map((b) => labelOf(b.file)))]);
}

/** True when another cluster of the link has the same name (Strimzi's examples call every cluster `my-cluster`): its name alone does not tell which. */
function nameShared(link: ClusterLink, cluster: Cluster): boolean {
  return cluster.name !== undefined && link.clusters.some((c) => c !== cluster && c.name === cluster.name);
}

/** `a`, `a and b`, `a, b and c`, and at most three names plus a count. */
export function listed(t: Texts, names: readonly string[]): string {
  const shown = names.length > 3 ? [...names.slice(0, 3), t('deployment.list.more', { count: names.length - 3 })] : [...names];
  if (shown.length <= 1) return shown.join('');
  return t('deployment.list.last', { rest: shown.slice(0, -1).join(t('deployment.list.separator')), last: shown[shown.length - 1] });
}

/** `topic orders`, `topics orders and payments`. */
export function topicsPhrase(t: Texts, names: readonly string[]): string {
  return names.length === 1 ? t('deployment.topic.one', { name: names[0] }) : t('deployment.topic.many', { names: listed(t, names) });
}
