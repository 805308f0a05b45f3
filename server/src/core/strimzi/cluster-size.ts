import { ancestors } from '../deployment/model';
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
 * The `Kafka` resources of one cluster name, indexed for {@link homesOf}: by file, by folder, and by every
 * folder above theirs, each list in path order. Built once per list of facts (a run's, a relink's), so that
 * a workspace of many copies of one `my-cluster` costs each pool and topic its depth, not the number of
 * resources.
 */
interface HomeIndex {
  readonly byFile: ReadonlyMap<string, readonly SizeFact[]>;
  readonly direct: ReadonlyMap<string, readonly SizeFact[]>;
  readonly below: ReadonlyMap<string, readonly SizeFact[]>;
  /** Each `Kafka` resource's count: the broker pools it is home to, else its own `spec.kafka.replicas`. */
  readonly counts: ReadonlyMap<SizeFact, Count>;
}

/** What a count is: the brokers, and the broker node pools summed (in path order). */
interface Count {
  readonly brokers?: number;
  readonly pools: readonly SizeFact[];
}

const HOME_INDEXES = new WeakMap<readonly SizeFact[], HomeIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function homeIndex(facts: readonly SizeFact[]): HomeIndex {
  const known = HOME_INDEXES.get(facts);
  if (known) return known;
  const byFile = new Map<string, SizeFact[]>();
  const direct = new Map<string, SizeFact[]>();
  const below = new Map<string, SizeFact[]>();
  const kafkas = facts.filter((f) => f.size.resource === 'Kafka');
  for (const k of kafkas) {
    push(byFile, k.file, k);
    const levels = ancestors(k.file);
    push(direct, levels[0], k);
    for (const level of levels) push(below, level, k);
  }
  const counts = new Map<SizeFact, Count>();
  const index: HomeIndex = { byFile, direct, below, counts };
  const pools = new Map<SizeFact, SizeFact[]>(kafkas.map((k) => [k, []]));
  for (const f of facts) {
    if (f.size.resource !== 'KafkaNodePool' || f.size.replicas === undefined) continue;
    for (const home of homesOf(index, f.file, f.size.namespace)) pools.get(home)?.push(f);
  }
  for (const [k, counted] of pools) {
    counts.set(k, counted.length > 0 ? { brokers: counted.reduce((n, f) => n + (f.size.replicas ?? 0), 0), pools: counted } : { brokers: k.size.replicas, pools: [] });
  }
  HOME_INDEXES.set(facts, index);
  return index;
}

/**
 * The `Kafka` resources (of one name) that a fact of `file` in `namespace` belongs to: of its own file; else
 * of its folder; else, walking up from its folder, of the first folder that holds one directly or else in
 * its subtree. Several when one level holds several (two files of one folder). In path order.
 */
function homesOf(index: HomeIndex, file: string, namespace: string | undefined): readonly SizeFact[] {
  const fits = (list: readonly SizeFact[] | undefined): readonly SizeFact[] => (list ? (namespace === undefined ? list : list.filter((k) => sameNamespace(k.size.namespace, namespace))) : []);
  const sameFile = fits(index.byFile.get(file));
  if (sameFile.length > 0) return sameFile;
  for (const level of ancestors(file)) {
    const d = fits(index.direct.get(level));
    if (d.length > 0) return d;
    const b = fits(index.below.get(level));
    if (b.length > 0) return b;
  }
  return [];
}

/**
 * The count of a `Kafka` resource or a `KafkaTopic` (`target`, of file `file`) by the facts given (all of its
 * cluster name). A `Kafka` target is the fact whose size it is, or `self` when the facts hold an equal copy
 * of it. Node pools alone do not make a cluster: with no `Kafka` resource of the name, no size is known.
 */
function countOf(facts: readonly SizeFact[], file: string, target: StrimziSize, self?: SizeFact): Count {
  const index = homeIndex(facts);
  if (target.resource === 'Kafka') {
    const own = self ?? index.byFile.get(file)?.find((f) => f.size === target);
    return (own && index.counts.get(own)) ?? { pools: [] };
  }
  const homes = homesOf(index, file, target.namespace).map((k) => index.counts.get(k) as Count);
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
  // When the run's facts for this file are an equal copy of its own: each of its facts to its copy, and back.
  const ownOf = new Map<SizeFact, SizeFact>();
  const copyOf = new Map<StrimziSize, SizeFact>();
  const factsOf = (cluster: string): readonly SizeFact[] => {
    const known = merged.get(cluster);
    if (known) return known;
    // The file's own facts in place of what `sizes` holds for it, at its place in path order (sizes are sorted).
    // Usually they are what `sizes` holds (the CLI's run, a relink after the edit): then the list itself, whose
    // counts every file of the cluster shares.
    const base = sizes.get(cluster) ?? [];
    const mine = own.filter((f) => f.cluster === cluster);
    const theirs = base.filter((f) => f.file === file);
    if (mine.length > 0 && sameFacts(mine, theirs) && base.some((f) => f.file !== file)) {
      // This file's pools are pointed at as the file says them (a document's offsets, not the extract's spans).
      theirs.forEach((f, i) => {
        ownOf.set(f, mine[i]);
        copyOf.set(mine[i].size, f);
      });
      merged.set(cluster, base);
      return base;
    }
    const list = base.filter((f) => f.file !== file);
    const at = list.findIndex((f) => f.file > file);
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
    const counted = countOf(facts, file, size, copyOf.get(size));
    let count = shared.get(counted);
    if (!count) {
      const { brokers, pools } = counted;
      count = pools.some((p) => p.file !== file) ? { brokers, pools: pools.map((p) => countedPool(ownOf.get(p) ?? p, file)) } : { brokers };
      shared.set(counted, count);
    }
    if (count.brokers !== g.brokerCount || count.pools) changed = true;
    return count;
  });
  return changed ? counts : undefined;
}

/** True when two lists of one file's size facts say the same (what a relink compares, `at` included). */
function sameFacts(a: readonly SizeFact[], b: readonly SizeFact[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    const [p, q] = [x.size, y.size];
    return (
      x.cluster === y.cluster &&
      p.resource === q.resource &&
      p.namespace === q.namespace &&
      p.replicas === q.replicas &&
      p.name === q.name &&
      p.at?.start === q.at?.start &&
      p.at?.end === q.at?.end
    );
  });
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
