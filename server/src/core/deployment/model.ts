import type { Span } from '../model';
import { isLoopback } from './addresses';
import type { DeploymentFile, DeploymentGroup } from './extract';

/**
 * The deployment model: from the files of a run (or a workspace), the clusters (brokers), the topics they
 * define, and the producers and consumers, linked by what the files say.
 *
 * Links, strongest first: a cluster name (Strimzi `metadata.name`, a `strimzi.io/cluster` label); a client's
 * `bootstrap.servers` matching a broker's listeners (or a service name another reader reports); the same
 * file (a compose file with brokers and clients); and, when nothing else links them, the folder: the
 * nearest folder above the file that holds a broker file, or failing that the nearest folder whose subtree
 * holds one, but not a broker file inside another project (a file's `project`, the folder of its build file:
 * a sample's app is no client of the next sample's test broker; a broker file in no project, or in a project
 * that holds the client's, is within reach). A service of a compose file reaches no compose file's brokers in
 * another folder (each folder is a compose project with its own network). A client that could belong to several clusters keeps them all,
 * and the rules say so. A client whose bootstrap is a broker its own code starts (Testcontainers, an embedded
 * test broker) belongs to none.
 *
 * Deterministic: files are taken in path order, whatever order they came in, and every list is built in
 * that order, so the same files give the same model and the same findings.
 */

/** One group of one file. */
export interface GroupRef {
  readonly file: DeploymentFile;
  readonly group: DeploymentGroup;
}

/** Brokers that form one cluster. */
export interface Cluster {
  /** Position in {@link Deployment.clusters}. */
  readonly id: number;
  readonly name?: string;
  readonly brokers: readonly GroupRef[];
  /** Every comparable address its brokers answer on. */
  readonly addresses: readonly string[];
  /** Number of brokers when a file states it (compose broker services, Strimzi replicas). */
  readonly brokerCount?: number;
}

/** How a group was placed in a cluster. */
export type LinkVia = 'cluster' | 'bootstrap' | 'file' | 'folder' | 'none';

/** The clusters a group may belong to, and on what evidence. */
export interface ClusterLink {
  /** One cluster when the link is clear; several when the files allow more than one (the rules say so). */
  readonly clusters: readonly Cluster[];
  readonly via: LinkVia;
  /** For `bootstrap`: the address that matched and a broker answering on it. */
  readonly address?: string;
  readonly broker?: GroupRef;
}

/** A topic as a file defines it (a topic config file, `NewTopic`, a Strimzi `KafkaTopic`). */
export interface TopicDefinition {
  readonly name: string;
  readonly ref: GroupRef;
  readonly span: Span;
  readonly link: ClusterLink;
}

/** A topic a client writes to or reads from, with the definitions it resolves to. */
export interface TopicUse {
  readonly name: string;
  /** Where the name is written; undefined when the client names no topic and the folder links it to one. */
  readonly ref?: GroupRef;
  readonly span?: Span;
  readonly definitions: readonly TopicDefinition[];
}

/** A producer or a consumer. */
export interface Client {
  readonly role: 'producer' | 'consumer';
  /** The group the client is (findings about a missing setting go to its anchor). */
  readonly ref: GroupRef;
  /**
   * Where its settings come from, lowest precedence first, `ref` last: a Spring profile file sits on top of
   * the file without profile in the same folder.
   */
  readonly layers: readonly GroupRef[];
  readonly link: ClusterLink;
  readonly topics: readonly TopicUse[];
  readonly profile?: string;
}

/** The whole model. */
export interface Deployment {
  /** The files, in path order. */
  readonly files: readonly DeploymentFile[];
  readonly clusters: readonly Cluster[];
  readonly topics: readonly TopicDefinition[];
  readonly clients: readonly Client[];
}

/** Builds the model from any number of files, in any order. Pure. */
export function buildDeployment(input: readonly DeploymentFile[]): Deployment {
  const files = [...input].sort((a, b) => compare(a.file, b.file));
  const refs: GroupRef[] = files.flatMap((file) => file.groups.map((group) => ({ file, group })));
  const clusters = formClusters(refs.filter((r) => r.group.roles.includes('broker')));
  const place = placer(clusters);
  const topics: TopicDefinition[] = [];
  for (const ref of refs) {
    for (const t of ref.group.topics) if (t.use === 'defines') topics.push({ name: t.name, ref, span: t.span, link: place(ref, ref.group) });
  }
  const index = topicIndex(topics);
  const clients: Client[] = [];
  for (const { ref, role, layers } of clientLayers(refs)) {
    const link = place(ref, linkingGroup(layers));
    const used = role === 'producer' ? 'produces' : 'consumes';
    const uses: TopicUse[] = [];
    for (const layer of layers) {
      for (const t of layer.group.topics) {
        if (t.use !== used || uses.some((u) => u.name === t.name)) continue;
        uses.push({ name: t.name, ref: layer, span: t.span, definitions: definitionsFor(index.byName.get(t.name) ?? [], link, ref.file.file) });
      }
    }
    // A client whose code sends to (subscribes to) a topic it does not write as a literal names a topic we
    // cannot see: the only topic of its folder is no evidence then.
    if (uses.length === 0 && !layers.some((l) => l.group.topicsUnnamed)) {
      const only = onlyTopicNear(index, link, ref.file);
      if (only) uses.push({ name: only.name, definitions: [only] });
    }
    clients.push({ role, ref, layers, link, topics: uses, ...(ref.group.profile ? { profile: ref.group.profile } : {}) });
  }
  return { files, clusters, topics, clients };
}

/**
 * Union-find over broker groups: a shared name, file, comparable address (neither loopback nor a compose
 * file's) or (for plain broker files) folder makes one cluster.
 */
function formClusters(brokers: readonly GroupRef[]): Cluster[] {
  const parent = brokers.map((_b, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const names = brokers.map((b) => b.group.cluster);
  const union = (a: number, b: number): void => {
    if (names[a] !== undefined && names[b] !== undefined && names[a] !== names[b]) return;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byKey = new Map<string, number>();
  const join = (key: string, i: number): void => {
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i);
    else union(first, i);
  };
  brokers.forEach((b, i) => {
    // A named cluster is a Strimzi `Kafka` resource: one per file and name, since Strimzi's examples and
    // projects with a folder per environment give every cluster the same name (`my-cluster`).
    join(`file\u0000${b.file.file}`, i);
    // The same `localhost:9092` in two folders is usually two dev clusters: loopback addresses do not join.
    // Nor do a compose file's or a Strimzi file's: their service names (`broker:29092`,
    // `my-cluster-kafka-bootstrap:9092`) resolve only on their own project's network or namespace, and the
    // file describes its whole cluster (its brokers already join by file).
    if (b.file.kind !== 'compose' && b.file.kind !== 'strimzi') for (const a of b.group.addresses) if (!isLoopback(a)) join(`address\u0000${a}`, i);
    // server-1.properties, server-2.properties … next to each other are brokers of one cluster; compose and
    // Strimzi files describe a whole cluster each, so two of them in a folder stay two.
    if (b.group.brokerCount === undefined && b.group.cluster === undefined) join(`folder\u0000${folderOf(b.file.file)}`, i);
  });
  const components = new Map<number, GroupRef[]>();
  brokers.forEach((b, i) => {
    const root = find(i);
    const list = components.get(root) ?? [];
    list.push(b);
    components.set(root, list);
  });
  return [...components.values()].map((members, id) => {
    const name = members.find((m) => m.group.cluster !== undefined)?.group.cluster;
    const counts = members.map((m) => m.group.brokerCount).filter((n): n is number => n !== undefined);
    return {
      id,
      ...(name !== undefined ? { name } : {}),
      brokers: members,
      addresses: [...new Set(members.flatMap((m) => m.group.addresses))],
      ...(counts.length > 0 ? { brokerCount: Math.max(...counts) } : {}),
    };
  });
}

/** What links a client: the highest layer that names a cluster or a bootstrap (a profile overrides its base). */
function linkingGroup(layers: readonly GroupRef[]): Pick<DeploymentGroup, 'cluster' | 'bootstrap' | 'bootstrapUnknown' | 'brokerInCode'> {
  let cluster: string | undefined;
  let bootstrap: readonly string[] = [];
  let bootstrapUnknown = false;
  let brokerInCode = false;
  for (const { group } of layers) {
    if (group.cluster !== undefined) cluster = group.cluster;
    if (group.bootstrap.length > 0 || group.bootstrapUnknown) {
      bootstrap = group.bootstrap;
      bootstrapUnknown = group.bootstrapUnknown;
      brokerInCode = group.brokerInCode === true;
    }
  }
  return { ...(cluster !== undefined ? { cluster } : {}), bootstrap, bootstrapUnknown, ...(brokerInCode ? { brokerInCode } : {}) };
}

/** Places a group in clusters, strongest evidence first (see the module comment). */
function placer(clusters: readonly Cluster[]): (ref: GroupRef, linking: Pick<DeploymentGroup, 'cluster' | 'bootstrap' | 'bootstrapUnknown' | 'brokerInCode'>) => ClusterLink {
  const nearest = nearestIn(clusters);
  // Each cluster by broker group, name, address and file, in cluster order: placing a client costs what it names.
  const ownCluster = new Map<DeploymentGroup, Cluster>();
  const byName = new Map<string, Cluster[]>();
  const byAddress = new Map<string, Cluster[]>();
  const byFile = new Map<DeploymentFile, Cluster[]>();
  const push = <K>(map: Map<K, Cluster[]>, key: K, c: Cluster): void => {
    const list = map.get(key);
    if (!list) map.set(key, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  for (const c of clusters) {
    if (c.name !== undefined) push(byName, c.name, c);
    for (const a of c.addresses) push(byAddress, a, c);
    for (const b of c.brokers) {
      if (!ownCluster.has(b.group)) ownCluster.set(b.group, c);
      push(byFile, b.file, c);
    }
  }
  const unaddressed = clusters.filter((c) => c.addresses.length === 0);
  // The clusters a bootstrap list names, in cluster order, once per distinct list: many compose files of one
  // service name (`kafka:9092`, each its own cluster) make these long, and copies of a project repeat them.
  const byBootstrap = new Map<string, readonly Cluster[]>();
  const matching = (bootstrap: readonly string[]): readonly Cluster[] => {
    const key = bootstrap.join('\u0000');
    let found = byBootstrap.get(key);
    if (!found) {
      const lists = bootstrap.map((a) => byAddress.get(a)).filter((l): l is Cluster[] => l !== undefined);
      found = lists.length <= 1 ? (lists[0] ?? []) : [...new Set(lists.flat())].sort((a, b) => a.id - b.id);
      byBootstrap.set(key, found);
    }
    return found;
  };
  return (ref, linking) => {
    if (ref.group.roles.includes('broker')) {
      const own = ownCluster.get(ref.group);
      if (own) return { clusters: [own], via: linking.cluster !== undefined ? 'cluster' : 'file' };
    }
    // A broker the client's own code starts (a Testcontainers container, an embedded broker) is no file's.
    if (linking.brokerInCode) return { clusters: [], via: 'none' };
    if (linking.cluster !== undefined) {
      const named = byName.get(linking.cluster) ?? [];
      // A topic or a pool labelled `my-cluster` means the Kafka resource of its own file, else the nearest.
      const own = named.length > 1 ? named.filter((c) => byFile.get(ref.file)?.includes(c)) : [];
      if (named.length > 0) return { clusters: own.length > 0 ? own : nearest(named, ref.file.file), via: 'cluster' };
    }
    let pool = clusters;
    if (linking.bootstrap.length > 0) {
      const matched = matching(linking.bootstrap);
      if (matched.length > 0) {
        // A compose service naming `broker:29092` means the broker of its own file, wherever else that name is used.
        const own = matched.filter((c) => byFile.get(ref.file)?.includes(c));
        // `localhost:9092` is every developer's machine: like a folder, it links only within reach of the project.
        const loopback = linking.bootstrap.every((a) => isLoopback(a));
        const near = own.length > 0 ? own : composeReach(nearest(matched, ref.file.file, loopback ? (ref.file.project ?? NO_PROJECT) : undefined));
        if (near.length > 0) {
          const address = linking.bootstrap.find((a) => near.some((c) => c.addresses.includes(a))) as string;
          const broker = near[0].brokers.find((b) => b.group.addresses.includes(address));
          return { clusters: near, via: 'bootstrap', address, ...(broker ? { broker } : {}) };
        }
      }
      // A bootstrap that names none of the brokers' stated addresses is not theirs; brokers that state no
      // address (`listeners=PLAINTEXT://:9092`) may still be it.
      pool = unaddressed;
    }
    const sameFile = (byFile.get(ref.file) ?? []).filter((c) => pool === clusters || c.addresses.length === 0);
    if (sameFile.length > 0) return { clusters: sameFile, via: 'file' };
    // By folder alone: not into another project (a sample's app is no client of the next sample's broker).
    const near = composeReach(nearest(pool, ref.file.file, ref.file.project ?? NO_PROJECT));
    return near.length > 0 ? { clusters: near, via: 'folder' } : { clusters: [], via: 'none' };

    /**
     * For a service of a compose file, the clusters it can reach: docker compose makes a project, with its
     * own network, of each folder, so a compose file's brokers in another folder are no service's by name
     * or by folder (a worker whose bootstrap is `${CCLOUD_BROKER_HOST}:9092` writes elsewhere). Files of one
     * folder (`-f docker-compose.yml -f docker-compose.connect.yml`) and broker files of other kinds stay.
     */
    function composeReach(found: Cluster[]): Cluster[] {
      if (ref.file.kind !== 'compose') return found;
      const folder = folderOfFile(ref.file);
      return found.filter((c) => c.brokers.some((b) => b.file.kind !== 'compose' || folderOfFile(b.file) === folder));
    }
  };
}

/**
 * The clusters nearest a file by folder: walking up from the file's folder, the first folder that directly
 * holds a broker file of some cluster, or else whose subtree holds one. Indexed once per model by folder
 * (direct) and by every folder above a broker file (subtree), so that each question costs the file's depth,
 * not the number of clusters. `among` is a subset of the clusters in their order; so is the answer.
 */
function nearestIn(all: readonly Cluster[]): (among: readonly Cluster[], file: string, project?: string) => Cluster[] {
  const direct = new Map<string, Cluster[]>();
  const below = new Map<string, Cluster[]>();
  const add = (index: Map<string, Cluster[]>, folder: string, c: Cluster): void => {
    const list = index.get(folder);
    if (!list) index.set(folder, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  for (const c of all) {
    for (const folder of brokerFolders(c)) {
      add(direct, folder, c);
      add(below, folder, c);
      for (const up of ancestors(`${folder}/_`).slice(1)) add(below, up, c);
    }
  }
  // The same lists (a cluster list of `byAddress` or `byName`) are asked about for every client naming them.
  const members = new WeakMap<readonly Cluster[], ReadonlySet<Cluster>>();
  const memberOf = (among: readonly Cluster[]): ReadonlySet<Cluster> => {
    let set = members.get(among);
    if (!set) members.set(among, (set = new Set(among)));
    return set;
  };
  return (among, file, project) => {
    if (among.length <= 1 && project === undefined) return [...among];
    const member = among.length === all.length ? undefined : memberOf(among);
    const pick = (list: readonly Cluster[] | undefined, reach?: string): Cluster[] => {
      if (!list) return [];
      const found = list.filter((c) => (!member || member.has(c)) && (reach === undefined || reaches(c, reach)));
      return found.length > 1 ? found.sort((x, y) => x.id - y.id) : found;
    };
    for (const level of ancestors(file)) {
      // A broker file in this folder, above the file, is in the file's project or one around it.
      const d = pick(direct.get(level));
      if (d.length > 0) return d;
      const b = pick(below.get(level), project);
      if (b.length > 0) return b;
    }
    return project === undefined ? [...among] : [];
  };
}

/** What {@link nearestIn} is given for a file that is in no project: only clusters in none are reached below. */
const NO_PROJECT = '';

/** The projects of a cluster's broker files; `undefined` in the list for a broker file in no project. */
const CLUSTER_PROJECTS = new WeakMap<Cluster, readonly (string | undefined)[]>();

/**
 * True when a file of `project` (`NO_PROJECT` for none) may be linked by folder to the cluster: one of its
 * broker files is in no project, or in that project or one that holds it (a multi-module build's root).
 */
function reaches(cluster: Cluster, project: string): boolean {
  let projects = CLUSTER_PROJECTS.get(cluster);
  if (!projects) CLUSTER_PROJECTS.set(cluster, (projects = [...new Set(cluster.brokers.map((b) => b.file.project))]));
  return projects.some((p) => reachesProject(p, project));
}

/** True when a file of `project` (`NO_PROJECT` for none) may be linked by folder to a file of project `target`. */
function reachesProject(target: string | undefined, project: string): boolean {
  return target === undefined || (project !== NO_PROJECT && inFolder(project, target));
}

/** True when `folder` is `outer` or inside it (absolute paths, either separator). */
function inFolder(folder: string, outer: string): boolean {
  const a = folder.replace(/\\/g, '/');
  const b = outer.replace(/\\/g, '/').replace(/\/$/, '');
  return a === b || a.startsWith(`${b}/`);
}

/** The topic definitions by name, by folder, and by every folder above theirs, each list in definition order. */
interface TopicIndex {
  readonly byName: ReadonlyMap<string, readonly TopicDefinition[]>;
  readonly direct: ReadonlyMap<string, readonly TopicDefinition[]>;
  readonly below: ReadonlyMap<string, readonly TopicDefinition[]>;
  /** By cluster, and those placed in none. */
  /** `direct` and `below` of the definitions in each cluster (key: the cluster) and in none (key: undefined). */
  readonly near: ReadonlyMap<Cluster | undefined, FolderIndex>;
}

interface FolderIndex {
  readonly direct: ReadonlyMap<string, readonly TopicDefinition[]>;
  readonly below: ReadonlyMap<string, readonly TopicDefinition[]>;
}

interface FolderLists {
  readonly direct: Map<string, TopicDefinition[]>;
  readonly below: Map<string, TopicDefinition[]>;
}

function topicIndex(topics: readonly TopicDefinition[]): TopicIndex {
  const byName = new Map<string, TopicDefinition[]>();
  const direct = new Map<string, TopicDefinition[]>();
  const below = new Map<string, TopicDefinition[]>();
  const near = new Map<Cluster | undefined, FolderLists>();
  const add = <K>(map: Map<K, TopicDefinition[]>, key: K, t: TopicDefinition): void => {
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  };
  const nearOf = (c: Cluster | undefined): FolderLists => {
    let known = near.get(c);
    if (!known) near.set(c, (known = { direct: new Map(), below: new Map() }));
    return known;
  };
  for (const t of topics) {
    add(byName, t.name, t);
    const folder = folderOfFile(t.ref.file);
    const levels = ancestors(`${folder}/_`);
    const indexes = [{ direct, below }, ...(t.link.clusters.length === 0 ? [undefined] : [...new Set(t.link.clusters)]).map(nearOf)];
    for (const at of indexes) {
      add(at.direct, folder, t);
      for (const up of levels) add(at.below, up, t);
    }
  }
  return { byName, direct, below, near };
}

/** Topic definitions named alike (`named`) that a client linked by `link` may write to. */
function definitionsFor(named: readonly TopicDefinition[], link: ClusterLink, file: string): TopicDefinition[] {
  if (named.length === 0) return [];
  if (link.clusters.length > 0) {
    const same = named.filter((t) => t.link.clusters.some((c) => link.clusters.includes(c)));
    if (same.length > 0) return same;
  }
  // Definitions in no cluster (no broker file anywhere near them): the nearest by folder.
  return nearestTopics(
    named.filter((t) => t.link.clusters.length === 0),
    file,
  );
}

/**
 * For a client that names no topic: the single topic defined nearest to it (same folder first, then the
 * folders above), within its clusters; undefined when there is none or more than one.
 */
function onlyTopicNear(index: TopicIndex, link: ClusterLink, client: DeploymentFile): TopicDefinition | undefined {
  // The compatible definitions are those in one of the client's clusters and those in none; every definition
  // when the client is in no cluster. Each level of the walk (the file's depth in steps) looks them up in the
  // folder indexes and stops counting at two, so a client costs its depth, not the number of topics.
  const indexes: readonly FolderIndex[] =
    link.clusters.length === 0 ? [index] : [undefined, ...new Set(link.clusters)].flatMap((c) => index.near.get(c) ?? []);
  const project = client.project ?? NO_PROJECT;
  const distinct = (level: string, which: 'direct' | 'below'): TopicDefinition[] => {
    const found = new Set<TopicDefinition>();
    for (const at of indexes) {
      for (const t of at[which].get(level) ?? []) {
        // Below the file's folders, not into another project (as for clusters).
        if (which === 'below' && !reachesProject(t.ref.file.project, project)) continue;
        found.add(t);
        if (found.size > 1) return [...found];
      }
    }
    return [...found];
  };
  for (const level of ancestors(client.file)) {
    const direct = distinct(level, 'direct');
    const list = direct.length > 0 ? direct : distinct(level, 'below');
    if (list.length > 0) return list.length === 1 ? list[0] : undefined;
  }
  return undefined;
}

function nearestTopics(topics: readonly TopicDefinition[], file: string): TopicDefinition[] {
  if (topics.length <= 1) return [...topics];
  for (const level of ancestors(file)) {
    const direct = topics.filter((t) => folderOfFile(t.ref.file) === level);
    if (direct.length > 0) return direct;
    const below = topics.filter((t) => isUnder(folderOfFile(t.ref.file), level));
    if (below.length > 0) return below;
  }
  return [...topics];
}

/**
 * Every producer and consumer, with the groups its settings come from. A group with the role is a client of
 * its own; a Spring profile file (`application-prod.yml`) makes one client per role of its folder's Spring
 * files, its groups (including one holding only common settings such as `bootstrap-servers`) on top of the
 * groups of the files without profile.
 */
function clientLayers(refs: readonly GroupRef[]): { ref: GroupRef; role: 'producer' | 'consumer'; layers: GroupRef[] }[] {
  const out: { ref: GroupRef; role: 'producer' | 'consumer'; layers: GroupRef[] }[] = [];
  const done = new Set<DeploymentFile>();
  // The groups of each file, and the Spring groups without profile by folder, in model order.
  const byFile = new Map<DeploymentFile, GroupRef[]>();
  const springBase = new Map<string, GroupRef[]>();
  for (const r of refs) {
    const own = byFile.get(r.file);
    if (own) own.push(r);
    else byFile.set(r.file, [r]);
    if (isSpring(r.file) && r.group.profile === undefined) {
      const folder = folderOfFile(r.file);
      const list = springBase.get(folder);
      if (list) list.push(r);
      else springBase.set(folder, [r]);
    }
  }
  for (const ref of refs) {
    const { file, group } = ref;
    if (isSpring(file) && group.profile !== undefined) {
      if (done.has(file)) continue;
      done.add(file);
      const base = (springBase.get(folderOfFile(file)) ?? []).filter((r) => r.file !== file);
      const own = byFile.get(file) ?? [];
      for (const role of ['producer', 'consumer'] as const) {
        const fits = (r: GroupRef): boolean => r.group.roles.includes(role) || r.group.roles.length === 0;
        if (![...base, ...own].some((r) => r.group.roles.includes(role))) continue;
        const top = own.find((r) => r.group.roles.includes(role)) ?? own.find((r) => r.group.roles.length === 0);
        if (!top) continue;
        out.push({ ref: top, role, layers: [...base.filter(fits), ...own.filter((r) => fits(r) && r !== top), top] });
      }
      continue;
    }
    for (const role of ['producer', 'consumer'] as const) if (group.roles.includes(role)) out.push({ ref, role, layers: [ref] });
  }
  return out;
}

function isSpring(file: DeploymentFile): boolean {
  return file.kind === 'spring-properties' || file.kind === 'spring-yaml';
}

/** The folder part of a path, with forward slashes (`''` for a bare file name). */
export function folderOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : p.slice(0, i);
}

/*
 * Linking asks "which is nearest to this file" for every client and topic: the folders of a file, of a
 * cluster's brokers and a file's ancestors are computed once per object (2,000 files relink in milliseconds).
 */
const FILE_FOLDERS = new WeakMap<DeploymentFile, string>();
const CLUSTER_FOLDERS = new WeakMap<Cluster, string[]>();
/** Ancestors by path; bounded, since a long-running server sees paths come and go. */
const ANCESTORS = new Map<string, string[]>();

function folderOfFile(file: DeploymentFile): string {
  let folder = FILE_FOLDERS.get(file);
  if (folder === undefined) FILE_FOLDERS.set(file, (folder = folderOf(file.file)));
  return folder;
}

/** The distinct folders of a cluster's broker files. */
function brokerFolders(cluster: Cluster): string[] {
  let folders = CLUSTER_FOLDERS.get(cluster);
  if (!folders) CLUSTER_FOLDERS.set(cluster, (folders = [...new Set(cluster.brokers.map((b) => folderOfFile(b.file)))]));
  return folders;
}

/** The folders above a file, nearest first, ending with `''` (the top, which holds every path). */
export function ancestors(path: string): readonly string[] {
  let known = ANCESTORS.get(path);
  if (!known) {
    if (ANCESTORS.size > 50000) ANCESTORS.clear();
    ANCESTORS.set(path, (known = ancestorsOf(path)));
  }
  return known;
}

function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  let folder = folderOf(path);
  for (;;) {
    out.push(folder);
    if (folder === '' || folder === '/') break;
    const next = folderOf(folder);
    if (next === folder) break;
    folder = next;
  }
  if (out[out.length - 1] !== '') out.push('');
  return out;
}

/** True when `folder` is `level` or inside it. */
function isUnder(folder: string, level: string): boolean {
  if (level === '') return true;
  if (level === '/') return folder.startsWith('/');
  return folder === level || folder.startsWith(`${level}/`);
}

/** Code-point order, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
