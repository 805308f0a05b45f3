import type { Document, Node } from 'yaml';
import type { AnalyzedDocument, ComposeServiceFacts, ConfigEntry, ConfigGroup, DeploymentLinks, DocumentKind, DotEnvFile, Range } from '../model';
import { msg } from '../i18n/index';
import type { Message } from '../i18n/index';
import type { ContainerImage } from '../catalog/images';
import { imageOfReference, kafkaVersionOfImage, keyOfVariable, variableForKey } from '../catalog/images';
import { looksBinary } from '../properties/analyze-properties';
import { bootstrapAddresses, normalizeAddress } from '../deployment/addresses';
import { connectGroups } from '../connect/connect-groups';
import type { AnyMap } from '../yaml/source';
import { effectivePairs, indentOf, isScalar, isSeq, keyText, mappingOf, nodeAt, parseYaml, scalarAt } from '../yaml/source';
import { interpolate } from './interpolation';
import type { ComposeVariables } from './dotenv';
import { readDotEnv } from './dotenv';
import { isTemplateText, templateSource } from '../yaml/templates';
import type { EnvVariable, Environment } from './environment';
import { readEnvironment } from './environment';
import { isOverrideName } from './names';

/**
 * docker-compose files (`docker-compose*.yml`, `compose*.yaml`): the services that run a Kafka image
 * (catalog/images.ts) become configurations. A broker service's `environment:` is read by its image's naming
 * rule (`KAFKA_MIN_INSYNC_REPLICAS` → `min.insync.replicas`, Bitnami's `KAFKA_CFG_*`) into one broker group
 * per service, with the image's own defaults (library `cp-kafka`, `bitnami-kafka`), the cluster size (the
 * broker services that share a cluster; KRaft controller-only services do not count) and the addresses the
 * service answers on. A Kafka Connect service's `CONNECT_*` variables become a worker with its producer and
 * consumer (connect/connect-groups.ts). Services of any other image (databases, UIs, applications) are not
 * read: no image documents how their variables reach a Kafka client, and names are not guessed.
 *
 * Settings a service leaves unset are only judged when every setting is visible: a service with an
 * `env_file`, or a Bitnami service that mounts its own `server.properties` (the image then ignores the
 * variables), keeps its explicit settings but claims no role.
 *
 * Compose merges a base file with its override (compose/pairs.ts): given the other file of the pair
 * ({@link ComposePartner}), a service both define runs the override's image, a variable both set is the
 * override's (the base's value of it is not judged), the cluster counts the brokers of both files, and a
 * service whose settings are split between the two files claims no role either.
 */

/**
 * The other file of a base/override pair, as plain data: `is` says which it is, `services` are its
 * {@link ComposeServiceFacts}.
 */
export interface ComposePartner {
  readonly is: 'base' | 'override';
  readonly services: readonly ComposeServiceFacts[];
}

/** Variables some Kafka image reads (`KAFKA_*`, Bitnami's `KAFKA_CFG_*`, Connect's `CONNECT_*`). */
const KAFKA_VARIABLE = /^(KAFKA|CONNECT)_/;

/** The variables of a service that tell which brokers form one cluster. */
const CLUSTER_VARIABLES: ReadonlySet<string> = new Set(['CLUSTER_ID', 'KAFKA_CLUSTER_ID', 'KAFKA_KRAFT_CLUSTER_ID']);
const CLUSTER_KEYS: readonly string[] = ['controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'zookeeper.connect'];

function emptyCompose(path: string, text: string, kind: DocumentKind, problems: AnalyzedDocument['problems'] = [], compose: readonly ComposeServiceFacts[] = [], dotEnv?: DotEnvFile): AnalyzedDocument {
  return { path, text, kind, isKafka: false, groups: [], facts: [], problems, commentPrefix: '#', ...(compose.length > 0 ? { compose } : {}), ...(dotEnv ? { dotEnv } : {}) };
}

/** One setting read from a variable: the entry, and the variable it came from. */
interface Setting {
  readonly entry: ConfigEntry;
  readonly variable: EnvVariable;
}

/** The entry a variable gives in `image`, or undefined when the image does not read it as a setting. */
function settingOf(image: ContainerImage, variable: EnvVariable): Setting | undefined {
  const mapped = keyOfVariable(image, variable.name);
  if (!mapped) return undefined;
  const params = { image: image.display, name: variable.name, key: mapped.key, prefix: image.prefix };
  let note: Message;
  if (mapped.legacy) {
    const current = image.legacy?.[variable.name] ?? variable.name;
    note = msg('formats.compose.legacy', { image: image.display, name: variable.name, current, key: mapped.key });
  } else if (image.renamed?.[variable.name]) note = msg('formats.compose.variable.renamed', { image: image.display, name: variable.name, key: mapped.key });
  else note = msg(image.naming === 'escaped' ? 'formats.compose.variable.escaped' : 'formats.compose.variable.dots', params);
  const render = variable.render;
  const entry: ConfigEntry = {
    key: mapped.key,
    value: variable.value,
    rawKey: variable.name,
    identity: variable.name,
    keyRange: variable.nameRange,
    valueRange: variable.valueRange,
    removeRange: variable.removeRange,
    renderValue: render ? (v: string) => render(v) : undefined,
    editScope: variable.editScope,
    // A variable's default is the more useful sentence on such a line.
    note: variable.note ?? note,
    ...(variable.setElsewhere ? { setElsewhere: true } : {}),
  };
  return { entry, variable };
}

/** The settings of a service in the order the image applies them (Bitnami's legacy names after the current ones). */
function settingsOf(image: ContainerImage, environment: Environment): Setting[] {
  const current: Setting[] = [];
  const legacy: Setting[] = [];
  for (const variable of environment.variables) {
    const s = settingOf(image, variable);
    if (!s) continue;
    (image.legacy?.[variable.name] ? legacy : current).push(s);
  }
  return [...current, ...legacy];
}

/** The last resolved value of `key` among settings. */
function resolvedOf(settings: readonly Setting[], key: string): string | undefined {
  for (let i = settings.length - 1; i >= 0; i--) if (settings[i].entry.key === key) return settings[i].variable.resolved;
  return undefined;
}

/** `NAME://host:port` listeners, with the listener names a controller uses left out. */
function listenersOf(value: string | undefined, controllerNames: ReadonlySet<string>): { host: string; port: string }[] {
  if (!value) return [];
  const out: { host: string; port: string }[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*([A-Za-z0-9_-]+):\/\/(\[[^\]]*\]|[^:/]*):(\d+)\s*$/.exec(part);
    if (!m || controllerNames.has(m[1].toUpperCase())) continue;
    out.push({ host: m[2], port: m[3] });
  }
  return out;
}

/** Host ports a service publishes (`ports:` short and long syntax). */
function publishedPorts(service: AnyMap, doc: Document, text: string, variables: ComposeVariables | undefined): string[] {
  const ports = nodeAt(service, 'ports', doc, text);
  if (!isSeq(ports)) return [];
  const out: string[] = [];
  for (const item of ports.items) {
    if (isScalar(item) && item.value !== null && item.value !== undefined) {
      const spec = interpolate(String(item.value), variables).resolved.split('/')[0];
      const parts = spec.split(':');
      // `9092`, `9092:9092`, `127.0.0.1:9092:9092`; a range publishes each port, which is left out here.
      const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
      if (published && /^\d+$/.test(published)) out.push(published);
    } else {
      const published = scalarAt(item, 'published', doc, text);
      if (published && /^\d+$/.test(published)) out.push(published);
    }
  }
  return out;
}

/**
 * The addresses a broker service answers on: its advertised listeners as written, its listener ports under
 * the service name, `hostname` and `container_name` (Compose's network resolves all three), and the ports it
 * publishes on the host (`localhost:<port>`). Controller listeners are left out.
 */
function addressesOf(name: string, service: AnyMap, settings: readonly Setting[], doc: Document, text: string, variables: ComposeVariables | undefined): string[] {
  const controllers = new Set(
    (resolvedOf(settings, 'controller.listener.names') ?? '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== ''),
  );
  const hosts = [name, scalarAt(service, 'hostname', doc, text), scalarAt(service, 'container_name', doc, text)].filter((h): h is string => !!h);
  const out: string[] = [];
  const add = (a: string) => {
    if (!out.includes(a)) out.push(a);
  };
  for (const l of listenersOf(resolvedOf(settings, 'advertised.listeners'), controllers)) if (l.host && l.host !== '0.0.0.0') add(`${l.host}:${l.port}`);
  // Kafka listens on PLAINTEXT://:9092 when no listener is set.
  const listeners = resolvedOf(settings, 'listeners') ?? resolvedOf(settings, 'advertised.listeners') ?? 'PLAINTEXT://:9092';
  for (const l of listenersOf(listeners, controllers)) for (const h of hosts) add(`${h}:${l.port}`);
  for (const p of publishedPorts(service, doc, text, variables)) add(`localhost:${p}`);
  return out;
}

/** Does a service mount a `server.properties` where Bitnami looks for one (so the variables are ignored)? */
function mountsServerProperties(image: ContainerImage, targets: readonly string[], environment: Environment): boolean {
  const mounted = image.mountedConfig;
  if (!mounted) return false;
  const folder = environment.variables.find((v) => v.name === mounted.variable)?.resolved || mounted.folder;
  const target = `${folder.replace(/\/+$/, '')}/server.properties`;
  return targets.includes(target);
}

/** Does a service mount a folder (or a `server.properties` in it) that the image reads before its variables? */
function mountsAppendedConfig(image: ContainerImage, targets: readonly string[]): boolean {
  const folder = image.appendedConfigFolder;
  if (!folder) return false;
  return targets.some((target) => target === folder || target === `${folder}/server.properties`);
}

/**
 * Where a service's volumes are mounted in the container, without a trailing slash: the part after the first
 * `:` of the short syntax (`./conf:/etc/kafka:ro`), or `target` of the long one.
 */
function volumeTargets(service: AnyMap, doc: Document, text: string, variables: ComposeVariables | undefined): string[] {
  const volumes = nodeAt(service, 'volumes', doc, text);
  if (!isSeq(volumes)) return [];
  const out: string[] = [];
  for (const item of volumes.items) {
    const to = isScalar(item) && item.value !== null && item.value !== undefined ? interpolate(String(item.value), variables).resolved.split(':')[1] : scalarAt(item, 'target', doc, text);
    if (to) out.push(to.replace(/\/+$/, ''));
  }
  return out;
}

/** What a service runs, read from its `environment` by its image. */
interface Service {
  readonly name: string;
  readonly nameRange: Range;
  readonly doc: Document;
  /** The project's `.env` variables the service's values were read with. */
  readonly variables?: ComposeVariables;
  readonly image: ContainerImage;
  /** The Kafka version the image tag names, when it does. */
  readonly kafkaVersion?: string;
  readonly map: AnyMap;
  readonly environment: Environment;
  readonly settings: readonly Setting[];
  /** True when settings it leaves unset may be set where this file cannot see (env_file, a mounted server.properties). */
  readonly partial: boolean;
  /** Broker: holds data (broker or broker,controller); controller: KRaft controller only. */
  readonly process: 'broker' | 'controller';
  readonly clusterMarks: readonly string[];
}

/** The indentation step of the file (services' keys under `services:`), two spaces when it cannot be told. */
function stepOf(services: AnyMap, service: AnyMap, text: string): string {
  const outer = indentOf(services, text);
  const inner = indentOf(service, text);
  return outer !== undefined && inner !== undefined && inner.length > outer.length ? ' '.repeat(inner.length - outer.length) : '  ';
}

/** The resolved `image` of a service, when it names one. */
function imageReferenceOf(service: AnyMap, doc: Document, text: string, variables: ComposeVariables | undefined): string | undefined {
  const reference = scalarAt(service, 'image', doc, text);
  return reference ? interpolate(reference, variables).resolved : undefined;
}

/**
 * What a service says for the other file of a base/override pair: for one that runs a Kafka image or names
 * none (an override often gives only what it changes); undefined for services of other images.
 */
function factsOf(name: string, service: AnyMap, environment: Environment, doc: Document, text: string, dotEnv: ComposeVariables | undefined): ComposeServiceFacts | undefined {
  const image = imageReferenceOf(service, doc, text, dotEnv);
  const found = image !== undefined ? imageOfReference(image) : undefined;
  if (image !== undefined && !found) return undefined;
  // A container that only runs Kafka's tools is nothing the other file's services are merged with.
  if (found && processOf(found.image, service, doc, text) === 'other') return undefined;
  const variables = environment.variables.map((v) => [v.name, v.resolved] as const);
  const envFile = nodeAt(service, 'env_file', doc, text) !== undefined;
  // A service of no image is kept when it may add to a Kafka service: a web app's override says nothing here.
  if (!found && !envFile && !variables.some(([n]) => KAFKA_VARIABLE.test(n) || CLUSTER_VARIABLES.has(n))) return undefined;
  return { name, ...(image !== undefined ? { image } : {}), variables, envFile, volumes: volumeTargets(service, doc, text, dotEnv) };
}

/** Which brokers a service joins and what it runs, from a setting's value by key and its variables by name. */
function membershipOf(valueOf: (key: string) => string | undefined, variable: (name: string) => string | undefined): { process: 'broker' | 'controller'; marks: string[] } {
  const roles = (valueOf('process.roles') ?? '').toLowerCase();
  const process = roles !== '' && !roles.includes('broker') && roles.includes('controller') ? 'controller' : 'broker';
  const marks: string[] = [];
  for (const name of CLUSTER_VARIABLES) {
    const v = variable(name);
    if (v) marks.push(`id:${v}`);
  }
  for (const key of CLUSTER_KEYS) {
    const v = valueOf(key);
    if (v) marks.push(`${key}:${v.replace(/\s+/g, '')}`);
  }
  return { process, marks };
}

/** The last value the facts give a variable whose name `matches`. */
function lastOf(facts: ComposeServiceFacts | undefined, matches: (name: string) => boolean): string | undefined {
  let found: string | undefined;
  for (const [n, v] of facts?.variables ?? []) if (matches(n)) found = v;
  return found;
}

/** The value the facts give `key` in `image`, and a variable by name (empty as unset). */
function settingOfFacts(image: ContainerImage, facts: ComposeServiceFacts | undefined, key: string): string | undefined {
  return lastOf(facts, (n) => keyOfVariable(image, n)?.key === key);
}
function variableOf(facts: ComposeServiceFacts | undefined, name: string): string | undefined {
  return lastOf(facts, (n) => n === name) || undefined;
}

/** A service of this file as it runs, merged with its `partner` file's; `read`: its own `environment`. */
function readService(name: string, keyNode: Node, service: AnyMap, read: Environment, doc: Document, text: string, partner: ComposePartner | undefined, variables: ComposeVariables | undefined): Service | undefined {
  if (!keyNode.range) return undefined;
  // The same service in the other file of a base/override pair.
  const other = partner?.services.find((s) => s.name === name);
  const own = imageReferenceOf(service, doc, text, variables);
  // The override's image wins.
  const reference = partner?.is === 'override' ? (other?.image ?? own) : (own ?? other?.image);
  if (!reference) return undefined;
  const found = imageOfReference(reference);
  if (!found) return undefined;
  const { image } = found;
  const runs = processOf(image, service, doc, text);
  if (runs === 'other') return undefined;
  // A variable the override sets again is the override's: this file's value of it never reaches the broker.
  const again = partner?.is === 'override' && other ? new Set(other.variables.map(([n]) => n)) : undefined;
  const environment: Environment = again && read.variables.some((v) => again.has(v.name)) ? { ...read, variables: read.variables.filter((v) => !again.has(v.name)) } : read;
  const targets = other ? [...volumeTargets(service, doc, text, variables), ...other.volumes] : volumeTargets(service, doc, text, variables);
  const ignoresVariables = runs === 'kafka-from-file' || mountsServerProperties(image, targets, environment);
  const settings = ignoresVariables ? [] : settingsOf(image, environment);
  // Values of the merged service: the override's win over the base's.
  const ownValue = (key: string) => resolvedOf(settings, key);
  const otherValue = (key: string) => settingOfFacts(image, other, key);
  const ownVariable = (n: string) => environment.variables.filter((v) => v.name === n && v.resolved !== '').pop()?.resolved;
  const otherVariable = (n: string) => variableOf(other, n);
  const overridden = partner?.is === 'override';
  const { process, marks } = membershipOf(
    (key) => (overridden ? (otherValue(key) ?? ownValue(key)) : (ownValue(key) ?? otherValue(key))),
    (n) => (overridden ? (otherVariable(n) ?? ownVariable(n)) : (ownVariable(n) ?? otherVariable(n))),
  );
  // Settings of the service written in the other file too: what this file leaves unset may be set there.
  const split = other !== undefined && (other.envFile || other.variables.some(([n]) => keyOfVariable(image, n) !== undefined));
  return {
    name,
    nameRange: { start: keyNode.range[0], end: keyNode.range[1] },
    doc,
    ...(variables ? { variables } : {}),
    image,
    kafkaVersion: kafkaVersionOfImage(found),
    map: service,
    environment,
    settings,
    partial: ignoresVariables || mountsAppendedConfig(image, targets) || nodeAt(service, 'env_file', doc, text) !== undefined || split,
    process,
    clusterMarks: marks,
  };
}

/**
 * What a service's `command` and `entrypoint` run: the image's own start (`image`: as the image documents it;
 * a wrapper such as `bash -c "confluent-hub install … && /etc/confluent/docker/run"` still runs it), Kafka
 * started from a file the variables never reach (`kafka-server-start.sh /config/server.properties`), or
 * something else: a container of a Kafka image that only runs `kafka-topics` or `cub kafka-ready` against the
 * brokers, which is no broker and configures none.
 */
function processOf(image: ContainerImage, service: AnyMap, doc: Document, text: string): 'image' | 'kafka-from-file' | 'other' {
  const written = [commandText(nodeAt(service, 'entrypoint', doc, text)), commandText(nodeAt(service, 'command', doc, text))].filter((c) => c !== undefined);
  if (written.length === 0) return 'image';
  const all = written.join(' ');
  if (all.includes(image.start)) return 'image';
  return /\b(kafka-server-start|connect-distributed|connect-standalone)\b|kafka\.Kafka\b/.test(all) ? 'kafka-from-file' : 'other';
}

/** The text of a `command`/`entrypoint` (a string, or a list of strings), or undefined when unset or empty. */
function commandText(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined || String(node.value).trim() === '' ? undefined : String(node.value);
  if (isSeq(node)) {
    const parts = node.items.flatMap((item) => (isScalar(item) && item.value !== null && item.value !== undefined ? [String(item.value)] : []));
    return parts.length > 0 ? parts.join(' ') : undefined;
  }
  return undefined;
}

/** A broker of the other file of a pair that this file does not define: it counts in the cluster sizes. */
function memberOfPartner(facts: ComposeServiceFacts): Member | undefined {
  const found = facts.image ? imageOfReference(facts.image) : undefined;
  if (!found || found.image.role !== 'broker') return undefined;
  const { image } = found;
  const { process, marks } = membershipOf(
    (key) => settingOfFacts(image, facts, key),
    (n) => variableOf(facts, n),
  );
  return { role: image.role, process, clusterMarks: marks };
}

/** What the cluster sizes need of a service. */
interface Member {
  readonly role: ContainerImage['role'];
  readonly process: 'broker' | 'controller';
  readonly clusterMarks: readonly string[];
}

/**
 * Which broker services form one cluster: those that share a cluster id, a controller quorum or a ZooKeeper
 * connection. Services that say none of these join the only cluster when there is one, and form one together
 * otherwise. Returns, per member (by index), the number of data brokers in its cluster.
 */
function clusterSizes(members: readonly Member[]): number[] {
  const brokers = members.flatMap((s, i) => (s.role === 'broker' ? [i] : []));
  const parent = brokers.map((_s, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byMark = new Map<string, number>();
  const of = (i: number) => members[brokers[i]];
  brokers.forEach((_m, i) => {
    for (const mark of of(i).clusterMarks) {
      const j = byMark.get(mark);
      if (j === undefined) byMark.set(mark, i);
      else parent[find(i)] = find(j);
    }
  });
  const marked = new Set(brokers.flatMap((_m, i) => (of(i).clusterMarks.length > 0 ? [find(i)] : [])));
  const unmarkedRoot = marked.size === 1 ? [...marked][0] : brokers.findIndex((_m, i) => of(i).clusterMarks.length === 0);
  brokers.forEach((_m, i) => {
    if (of(i).clusterMarks.length === 0 && unmarkedRoot >= 0) parent[find(i)] = find(unmarkedRoot);
  });
  const counts = new Map<number, number>();
  brokers.forEach((_m, i) => {
    if (of(i).process === 'broker') counts.set(find(i), (counts.get(find(i)) ?? 0) + 1);
  });
  const out = members.map(() => 0);
  brokers.forEach((m, i) => (out[m] = counts.get(find(i)) ?? 0));
  return out;
}

/** The group of a broker service. */
function brokerGroup(service: Service, brokerCount: number, text: string): ConfigGroup {
  const { image, environment } = service;
  const links: DeploymentLinks = {
    addresses: addressesOf(service.name, service.map, service.settings, service.doc, text, service.variables),
    brokerCount: brokerCount > 0 ? brokerCount : undefined,
  };
  return {
    roles: service.partial || service.process === 'controller' ? [] : ['broker'],
    library: image.library,
    kafkaVersion: service.kafkaVersion,
    entries: service.settings.map((s) => s.entry),
    anchor: environment.keyRange ?? service.nameRange,
    insertEntry: (key, value) => {
      const name = variableForKey(image, key);
      return name ? environment.insert(name, value) : undefined;
    },
    links,
  };
}

/**
 * The groups of a Kafka Connect service: the worker and the clients it creates. `brokerCount`: the size of
 * the cluster its bootstrap servers name in this file, given to the worker's own group, whose internal
 * topics Connect creates there (a fix never raises their factors past it).
 */
function connectServiceGroups(service: Service, text: string, brokerCount: number | undefined): ConfigGroup[] {
  const { image, environment } = service;
  const [own, ...clients] = connectGroups(
    {
      kind: 'worker',
      entries: service.settings.map((s) => s.entry),
      anchor: environment.keyRange ?? service.nameRange,
      insert: (key, value) => {
        const name = variableForKey(image, key);
        return name ? environment.insert(name, value) : undefined;
      },
    },
    text,
  );
  // The worker and the clients it creates run the Kafka of the image tag (cp-kafka-connect:5.5.3 is Kafka 2.5).
  const version = service.kafkaVersion !== undefined ? { kafkaVersion: service.kafkaVersion } : {};
  return [{ ...own, ...version, links: { ...own.links, ...(brokerCount !== undefined ? { brokerCount } : {}) } }, ...clients.map((g) => ({ ...g, ...version }))];
}

/**
 * The number of brokers of the cluster a Connect service's `bootstrap.servers` name, when every address it
 * names is a broker service's of this file and they are all of one cluster; else undefined. Addresses are
 * compared as the deployment model compares them (deployment/addresses.ts).
 */
function bootstrapClusterSize(service: Service, brokers: readonly ConfigGroup[]): number | undefined {
  const servers = bootstrapAddresses(resolvedOf(service.settings, 'bootstrap.servers') ?? '');
  if (servers.length === 0) return undefined;
  const sizes = new Set<number | undefined>();
  for (const server of servers) {
    const broker = brokers.find((g) => g.links?.addresses?.some((a) => normalizeAddress(a) === server));
    if (!broker) return undefined;
    sizes.add(broker.links?.brokerCount);
  }
  const [size] = sizes;
  return sizes.size === 1 ? size : undefined;
}

/**
 * Reads a docker-compose file. Never throws on bad input. `partner`: the other file of its base/override pair
 * (compose/pairs.ts), which Compose merges with it.
 */
export function analyzeCompose(path: string, text: string, kind: DocumentKind = 'compose', partner?: ComposePartner, dotEnv?: DotEnvFile): AnalyzedDocument {
  // Every image read here has `kafka` in its name except Confluent's cp-server images (written here or in the
  // `.env` file, `image: ${KAFKA_IMAGE}`); an override may name no image at all, and take its base's.
  // An override (which may set only `CONNECT_*` variables of its base's service) is read whatever it says.
  const mentionsKafka = (t: string) => /kafka|cp-server/i.test(t);
  if (looksBinary(text) || (!partner && !isOverrideName(path) && !mentionsKafka(text) && !(dotEnv && mentionsKafka(dotEnv.text)))) return emptyCompose(path, text, kind, [], [], dotEnv);
  const variables = dotEnv ? readDotEnv(dotEnv) : undefined;
  const { documents, problems } = parseYaml(templateSource(text));
  // A template of a compose file (Ansible's Jinja, a Helm-style generator) is not YAML until rendered (yaml/templates.ts).
  if (isTemplateText(text, documents)) return emptyCompose(path, text, kind, [], [], dotEnv);
  const services: Service[] = [];
  const facts: ComposeServiceFacts[] = [];
  const names = new Set<string>();
  for (const doc of documents) {
    const root = mappingOf(doc.contents, doc);
    if (!root) continue;
    const servicesNode = mappingOf(nodeAt(root.map, 'services', doc, text), doc);
    if (!servicesNode) continue;
    const editable = doc.errors.length === 0;
    for (const { pair } of effectivePairs(servicesNode.map, doc, text)) {
      const name = keyText(pair.key, text);
      if (name === undefined) continue;
      names.add(name);
      const mapping = mappingOf(pair.value, doc);
      if (!mapping) continue;
      const read = readEnvironment(mapping.map, doc, text, editable, stepOf(servicesNode.map, mapping.map, text), variables);
      const known = factsOf(name, mapping.map, read, doc, text, variables);
      if (known) facts.push(known);
      const s = readService(name, pair.key as Node, mapping.map, read, doc, text, partner, variables);
      if (s) services.push(s);
    }
  }
  if (services.length === 0) return emptyCompose(path, text, kind, problems, facts, dotEnv);
  // The brokers of the other file of a pair that this one does not define are in the same project's clusters.
  const theirs = (partner?.services ?? []).flatMap((f) => (names.has(f.name) ? [] : [memberOfPartner(f)].filter((m): m is Member => m !== undefined)));
  const counted = clusterSizes([...services.map((s) => ({ role: s.image.role, process: s.process, clusterMarks: s.clusterMarks })), ...theirs]);
  // Broker groups first: a Connect service's worker takes the size of the cluster its bootstrap servers name.
  const brokers = new Map<Service, ConfigGroup>();
  services.forEach((s, i) => {
    if (s.image.role !== 'connect') brokers.set(s, brokerGroup(s, counted[i], text));
  });
  const brokerGroups = [...brokers.values()];
  const groups = services.flatMap((s) => brokers.get(s) ?? connectServiceGroups(s, text, bootstrapClusterSize(s, brokerGroups)));
  return { path, text, kind, isKafka: true, groups, facts: [], problems, commentPrefix: '#', ...(facts.length > 0 ? { compose: facts } : {}), ...(dotEnv ? { dotEnv } : {}) };
}
