import type { AnalyzedDocument, ConfigGroup, CountedPool, StrimziSize } from '../model';

/**
 * The broker count of a Strimzi cluster, from every file that says something about it. A `Kafka` resource's
 * brokers are the `spec.replicas` of the `KafkaNodePool`s with the `broker` role whose `strimzi.io/cluster`
 * label names it; only when there is no such pool does `spec.kafka.replicas` count; with no `Kafka` resource
 * of that name in any file, the size is unknown. The pools are often in
 * other files than the `Kafka` resource (one file per pool), so the count is the workspace's (the server's
 * model) or the run's (the CLI's paths), not the file's. A pool and a resource of another namespace do not
 * count for each other; a resource without a namespace matches any (`kubectl apply -n` puts them together).
 * Order-free: sums, and the first `Kafka` replicas in file order, so any order of the files gives one count.
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

/** The broker count of cluster `name` (in `namespace`) by the facts given, or undefined when none says. */
export function brokersOf(facts: readonly SizeFact[], namespace: string | undefined): number | undefined {
  return countOf(facts, namespace).brokers;
}

/** The broker count by the facts given (see {@link brokersOf}) and the broker node pools it sums, in their order. */
function countOf(facts: readonly SizeFact[], namespace: string | undefined): { brokers?: number; pools: readonly SizeFact[] } {
  const matching = facts.filter((f) => sameNamespace(f.size.namespace, namespace));
  // Node pools alone do not make a cluster: without its Kafka resource in some file, no size is known.
  if (!matching.some((f) => f.size.resource === 'Kafka')) return { pools: [] };
  const pools = matching.filter((f) => f.size.resource === 'KafkaNodePool' && f.size.replicas !== undefined);
  if (pools.length > 0) return { brokers: pools.reduce((n, f) => n + (f.size.replicas ?? 0), 0), pools };
  return { brokers: matching.find((f) => f.size.resource === 'Kafka' && f.size.replicas !== undefined)?.size.replicas, pools: [] };
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
  const counts = groups.map((g): ClusterCount => {
    const size = g.strimzi;
    if (!size || g.cluster === undefined || size.resource === 'KafkaNodePool') return { brokers: g.brokerCount };
    const others = (sizes.get(g.cluster) ?? []).filter((f) => f.file !== file);
    if (others.length === 0) return { brokers: g.brokerCount };
    const facts = [...own.filter((f) => f.cluster === g.cluster), ...others].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const { brokers, pools } = countOf(facts, size.namespace);
    if (brokers !== g.brokerCount) changed = true;
    if (!pools.some((p) => p.file !== file)) return { brokers };
    changed = true;
    return { brokers, pools: pools.map((p) => countedPool(p, file)) };
  });
  return changed ? counts : undefined;
}

function countedPool(fact: SizeFact, file: string): CountedPool {
  const { name, replicas, at } = fact.size;
  return {
    ...(fact.file !== file ? { file: fact.file } : {}),
    at: at ?? { start: 0, end: 0 },
    ...(name !== undefined ? { name } : {}),
    replicas: replicas ?? 0,
  };
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
