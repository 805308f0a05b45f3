import { ancestors, folderOf, isUnder } from '../deployment/model';
import type { AnalyzedDocument, ConfigGroup, CountedPool, StrimziSize } from '../model';

/**
 * The broker count of a Strimzi cluster, from every file that says something about it. A `Kafka` resource's
 * brokers are the `spec.replicas` of the `KafkaNodePool`s with the `broker` role whose `strimzi.io/cluster`
 * label names it; only when no such pool counts for it does its `spec.kafka.replicas` count. The pools are
 * often in other files than the `Kafka` resource (one file per pool), so the count is the workspace's (the
 * server's model) or the run's (the CLI's paths), not the file's.
 *
 * Each `Kafka` resource is a cluster of its own: Strimzi's examples, and projects with one folder per
 * environment, name every cluster `my-cluster`. A pool or a topic belongs to the nearest `Kafka` resources
 * of its label's name (see {@link homesOf}): those of its own file, else of its folder, else walking up, of
 * the first folder that holds one directly or below it. A topic whose nearest resources disagree on the
 * count has none (it is not judged). A pool and a resource of another namespace do not count for each
 * other; a resource without a namespace matches any (`kubectl apply -n` puts them together).
 * Order-free: facts are taken in path order, so any order of the files gives one count.
 */

/** One resource of one file that bears on a cluster's size. */
export interface SizeFact {
  readonly file: string;
  readonly cluster: string;
  readonly size: StrimziSize;
}

/** The size facts of a set of files, by cluster name, in file order. */
export type StrimziSizes = ReadonlyMap<string, readonly SizeFact[]>;

/** The size facts of one file's groups. */
export function sizeFactsOf(file: string, groups: readonly { readonly cluster?: string; readonly strimzi?: StrimziSize }[]): SizeFact[] {
  const out: SizeFact[] = [];
  for (const g of groups) {
    if (g.cluster === undefined || !g.strimzi || g.strimzi.resource === 'KafkaTopic') continue;
    out.push({ file, cluster: g.cluster, size: g.strimzi });
  }
  return out;
}

/** Indexes size facts by cluster name, files in path order whatever order they came in. */
export function strimziSizes(facts: readonly SizeFact[]): StrimziSizes {
  const byCluster = new Map<string, SizeFact[]>();
  for (const f of [...facts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const list = byCluster.get(f.cluster);
    if (list) list.push(f);
    else byCluster.set(f.cluster, [f]);
  }
  return byCluster;
}

function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * The `Kafka` resources (among `kafkas`, all of one name) that a fact of `file` in `namespace` belongs to:
 * of its own file; else of its folder; else, walking up from its folder, of the first folder that holds one
 * directly or else in its subtree. Several when one level holds several (two files of one folder). In
 * `kafkas`' order.
 */
function homesOf(file: string, namespace: string | undefined, kafkas: readonly SizeFact[]): readonly SizeFact[] {
  const candidates = kafkas.filter((k) => sameNamespace(k.size.namespace, namespace));
  if (candidates.length <= 1) return candidates;
  const sameFile = candidates.filter((k) => k.file === file);
  if (sameFile.length > 0) return sameFile;
  const folders = candidates.map((k) => folderOf(k.file));
  for (const level of ancestors(file)) {
    const direct = candidates.filter((_k, i) => folders[i] === level);
    if (direct.length > 0) return direct;
    const below = candidates.filter((_k, i) => isUnder(folders[i], level));
    if (below.length > 0) return below;
  }
  return candidates;
}

/** What a count is: the brokers, and the broker node pools summed (in path order). */
interface Count {
  readonly brokers?: number;
  readonly pools: readonly SizeFact[];
}

/** Each `Kafka` resource's count among `facts` (all of one cluster name), computed once per list of facts. */
const KAFKA_COUNTS = new WeakMap<readonly SizeFact[], ReadonlyMap<SizeFact, Count>>();

function kafkaCounts(facts: readonly SizeFact[]): ReadonlyMap<SizeFact, Count> {
  let counts = KAFKA_COUNTS.get(facts);
  if (counts) return counts;
  const kafkas = facts.filter((f) => f.size.resource === 'Kafka');
  const pools = new Map<SizeFact, SizeFact[]>(kafkas.map((k) => [k, []]));
  for (const f of facts) {
    if (f.size.resource !== 'KafkaNodePool' || f.size.replicas === undefined) continue;
    for (const home of homesOf(f.file, f.size.namespace, kafkas)) pools.get(home)?.push(f);
  }
  const out = new Map<SizeFact, Count>();
  for (const [k, counted] of pools) {
    out.set(k, counted.length > 0 ? { brokers: counted.reduce((n, f) => n + (f.size.replicas ?? 0), 0), pools: counted } : { brokers: k.size.replicas, pools: [] });
  }
  KAFKA_COUNTS.set(facts, (counts = out));
  return counts;
}

/**
 * The count of a `Kafka` resource or a `KafkaTopic` (`target`, of file `file`) by the facts given (all of its
 * cluster name; a `Kafka` target must be one of them). Node pools alone do not make a cluster: with no `Kafka`
 * resource of the name, no size is known.
 */
function countOf(facts: readonly SizeFact[], file: string, target: StrimziSize): Count {
  const counts = kafkaCounts(facts);
  if (target.resource === 'Kafka') {
    const own = facts.find((f) => f.file === file && f.size === target);
    return (own && counts.get(own)) ?? { pools: [] };
  }
  const homes = homesOf(
    file,
    target.namespace,
    facts.filter((f) => f.size.resource === 'Kafka'),
  ).map((k) => counts.get(k) as Count);
  if (homes.length === 0 || homes.some((c) => c.brokers !== homes[0].brokers)) return { pools: [] };
  return homes[0];
}

/**
 * The broker count of `target` (a `Kafka` resource among `facts`, or a `KafkaTopic`, of file `file`) by the
 * facts given (all of its cluster name), or undefined when none says.
 */
export function brokersOf(facts: readonly SizeFact[], file: string, target: StrimziSize): number | undefined {
  return countOf(facts, file, target).brokers;
}

/** The size facts of files (deployment extracts: `file`, and groups with `cluster` and `strimzi`). */
export function sizesOf(files: readonly { readonly file: string; readonly groups: readonly SizedGroup[] }[]): StrimziSizes {
  return strimziSizes(files.flatMap((f) => sizeFactsOf(f.file, f.groups)));
}

/** What {@link countsAcross} reads of a group: a `ConfigGroup`'s links or a `DeploymentGroup`. */
interface SizedGroup {
  readonly cluster?: string;
  readonly strimzi?: StrimziSize;
  readonly brokerCount?: number;
}

/** A group's broker count over every file, and the broker node pools counted when one of them is in another file. */
export interface ClusterCount {
  readonly brokers?: number;
  readonly pools?: readonly CountedPool[];
}

/**
 * Each group's broker count over every file (`sizes`, from all files; this file's own entries are replaced
 * by `groups`), or undefined when no group's count differs from what it says itself and no node pool of
 * another file counts toward it. A group whose count a pool in another file decides (even to the number its
 * file says alone) carries the pools counted, so that its findings can point at them.
 */
export function countsAcross(groups: readonly SizedGroup[], file: string, sizes: StrimziSizes): ClusterCount[] | undefined {
  if (sizes.size === 0 || !groups.some((g) => g.strimzi)) return undefined;
  const own = sizeFactsOf(file, groups);
  let changed = false;
  // A file's Kafka and its topics usually name one cluster: its facts over every file are put together once.
  const merged = new Map<string, readonly SizeFact[]>();
  const factsOf = (cluster: string): readonly SizeFact[] => {
    const known = merged.get(cluster);
    if (known) return known;
    // The file's own facts in place of what `sizes` holds for it, at its place in path order (sizes are sorted).
    const list = (sizes.get(cluster) ?? []).filter((f) => f.file !== file);
    const at = list.findIndex((f) => f.file > file);
    const mine = own.filter((f) => f.cluster === cluster);
    const facts = list.length === 0 ? list : at < 0 ? [...list, ...mine] : [...list.slice(0, at), ...mine, ...list.slice(at)];
    merged.set(cluster, facts);
    return facts;
  };
  // Groups counted by one Kafka resource (a Kafka and its topics) share one count.
  const shared = new Map<Count, ClusterCount>();
  const counts = groups.map((g): ClusterCount => {
    const size = g.strimzi;
    if (!size || g.cluster === undefined || size.resource === 'KafkaNodePool') return { brokers: g.brokerCount };
    const facts = factsOf(g.cluster);
    if (!facts.some((f) => f.file !== file)) return { brokers: g.brokerCount };
    const counted = countOf(facts, file, size);
    let count = shared.get(counted);
    if (!count) {
      const { brokers, pools } = counted;
      count = pools.some((p) => p.file !== file) ? { brokers, pools: pools.map((p) => countedPool(p, file)) } : { brokers };
      shared.set(counted, count);
    }
    if (count.brokers !== g.brokerCount || count.pools) changed = true;
    return count;
  });
  return changed ? counts : undefined;
}

function countedPool(fact: SizeFact, file: string): CountedPool {
  // Plain assignments rather than spreads: a cluster of many pools gives each of its files one per pool.
  const { name, replicas, at } = fact.size;
  const pool: { file?: string; at: CountedPool['at']; name?: string; replicas: number } = { at: at ?? { start: 0, end: 0 }, replicas: replicas ?? 0 };
  if (fact.file !== file) pool.file = fact.file;
  if (name !== undefined) pool.name = name;
  return pool;
}

/**
 * The document with each Strimzi `Kafka` and `KafkaTopic` group's `brokerCount` counted over every file
 * (see {@link countsAcross}), and `brokerPools` naming the pools counted when another file holds one; the
 * same document when nothing changes. Pure.
 */
export function withClusterSizes(document: AnalyzedDocument, file: string, sizes: StrimziSizes): AnalyzedDocument {
  const counts = countsAcross(
    document.groups.map((g) => g.links ?? {}),
    file,
    sizes,
  );
  if (!counts) return document;
  const groups = document.groups.map((group, i): ConfigGroup => {
    const { brokers, pools } = counts[i];
    if (!group.links || (brokers === group.links.brokerCount && !pools)) return group;
    const { brokerCount: _old, brokerPools: _pools, ...rest } = group.links;
    return { ...group, links: { ...rest, ...(brokers !== undefined ? { brokerCount: brokers } : {}), ...(pools ? { brokerPools: pools } : {}) } };
  });
  return { ...document, groups };
}

/**
 * A workspace's Strimzi cluster sizes kept from one relink to the next (the server relinks on each
 * keystroke). Nothing is counted here: a file's counts are computed when it is linted
 * ({@link withClusterSizes}); this tells which files to re-publish. An edit that changes no file's size
 * facts (clusters, counts, node pools and where they are) costs one pass over the Strimzi files' groups;
 * one that does marks the files of the clusters whose facts changed (their `Kafka` and `KafkaTopic`
 * resources) and the edited file, in one pass over the facts: no count per file, which in a workspace of
 * many files of one cluster was quadratic. Order-free like the rest of this module.
 */
export class ClusterSizeIndex {
  private parts: ReadonlyMap<string, string> = new Map();
  private current: StrimziSizes = new Map();
  private clusters: ReadonlyMap<string, string> = new Map();
  /** Per file, the clusters its Kafka and KafkaTopic resources count from. */
  private counted: ReadonlyMap<string, readonly string[]> = new Map();

  /** The sizes at the last {@link update}. */
  get sizes(): StrimziSizes {
    return this.current;
  }

  /** Takes every file's extract; returns the files whose findings may change with the sizes (to re-publish). */
  update(files: readonly { readonly file: string; readonly groups: readonly SizedGroup[] }[]): string[] {
    const parts = new Map<string, string>();
    const counted = new Map<string, string[]>();
    for (const f of files) {
      if (!f.groups.some((g) => g.strimzi)) continue;
      parts.set(f.file, JSON.stringify(f.groups.map((g) => [g.cluster, g.brokerCount, g.strimzi])));
      const names = f.groups.flatMap((g) => (g.strimzi && g.strimzi.resource !== 'KafkaNodePool' && g.cluster !== undefined ? [g.cluster] : []));
      if (names.length > 0) counted.set(f.file, [...new Set(names)]);
    }
    const edited = [...new Set([...parts.keys(), ...this.parts.keys()])].filter((path) => parts.get(path) !== this.parts.get(path));
    if (edited.length === 0) return [];
    this.parts = parts;
    this.current = sizesOf(files);
    const clusters = new Map<string, string>();
    for (const [name, facts] of this.current) clusters.set(name, JSON.stringify(facts));
    const changedClusters = new Set([...clusters.keys(), ...this.clusters.keys()].filter((name) => clusters.get(name) !== this.clusters.get(name)));
    const changed = new Set(edited);
    for (const map of [this.counted, counted]) {
      for (const [path, names] of map) if (names.some((name) => changedClusters.has(name))) changed.add(path);
    }
    this.clusters = clusters;
    this.counted = counted;
    return [...changed].sort();
  }
}
