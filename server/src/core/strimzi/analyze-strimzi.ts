import type { Document, Node, Scalar } from 'yaml';
import type { AnalyzedDocument, ConfigEntry, ConfigGroup, DeploymentLinks, DocumentKind, Edit, ParseProblem, Range, StrimziSize, TopicRef } from '../model';
import { brokersOf } from './cluster-size';
import { msg } from '../i18n/index';
import type { Message } from '../i18n/index';
import { isStrimziManaged, STRIMZI_API_GROUP, STRIMZI_CLUSTER_LABEL } from '../catalog/strimzi';
import { connectGroups } from '../connect/connect-groups';
import { looksBinary } from '../properties/analyze-properties';
import { doubleQuoted, isPlainSafe, plainScalarValue } from '../yaml/scalars';
import type { AnyMap } from '../yaml/source';
import { isTemplateText, templateSource } from '../yaml/templates';
import {
  afterLine,
  anchorScope,
  appendToMap,
  effectivePairs,
  indentOf,
  isScalar,
  isSeq,
  keyText,
  lineStart,
  mappingOf,
  nodeAt,
  pairEnd,
  parseYaml,
  renderScalar,
  scalarAt,
} from '../yaml/source';

/**
 * Strimzi custom resources (`apiVersion: kafka.strimzi.io/…`), several per file (`---`):
 *
 * - `Kafka`: `spec.kafka.config` is the brokers' configuration (options Strimzi manages itself, such as
 *   `log.dirs` or `listeners`, are ignored there and not read); the cluster size is the `spec.replicas` of
 *   `KafkaNodePool`s with the `broker` role for this cluster, in this file and (strimzi/cluster-size.ts) in
 *   the other files of the workspace or run, else `spec.kafka.replicas`; the
 *   addresses are the bootstrap service of each internal listener (`<name>-kafka-bootstrap:<port>`).
 * - `KafkaTopic`: `spec.replicas` is the topic's `replication.factor`, `spec.config` its configuration; the
 *   `strimzi.io/cluster` label names the cluster, `spec.topicName` (or `metadata.name`) the topic.
 * - `KafkaConnect` and `KafkaConnector`: `spec.config` as a Connect worker or connector
 *   (connect/connect-groups.ts), `spec.bootstrapServers` as the worker's bootstrap.
 * - `KafkaNodePool`: its broker replicas count for its cluster, whichever file holds the `Kafka`.
 *
 * Values are read as Kubernetes reads YAML (YAML 1.1: `yes` is true). Any other Kubernetes object is not read.
 */

/** What a document is, read from its apiVersion and kind. */
interface Resource {
  readonly doc: Document;
  readonly docIndex: number;
  readonly kind: string;
  readonly root: AnyMap;
  readonly name?: string;
  readonly namespace?: string;
  readonly cluster?: string;
}

function emptyStrimzi(path: string, text: string, kind: DocumentKind, problems: readonly ParseProblem[] = []): AnalyzedDocument {
  return { path, text, kind, isKafka: false, groups: [], facts: [], problems, commentPrefix: '#' };
}

/** The string Kubernetes binds for a scalar (YAML 1.1 booleans and integers, like SnakeYAML). */
function valueOf(node: Scalar, text: string): string {
  if (node.type === 'PLAIN' && node.range) {
    const source = text.slice(node.range[0], node.range[1]);
    return /[\r\n]/.test(source) ? String(node.value ?? '') : plainScalarValue(source);
  }
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

/** The lines removing a pair deletes, when it stands alone on its lines in a block mapping. */
function ownLines(map: AnyMap, keyNode: Node, end: number | undefined, text: string): Range | undefined {
  if (map.flow || !keyNode.range || end === undefined) return undefined;
  const start = lineStart(text, keyNode.range[0]);
  if (!/^[ \t]*$/.test(text.slice(start, keyNode.range[0]))) return undefined;
  const stop = afterLine(text, end);
  return stop === undefined ? undefined : { start, end: stop };
}

/**
 * The entries of a `config` mapping: every key as Kafka reads it. `skip` leaves out keys the operator
 * manages; `identityPrefix` keeps settings of different resources of one file apart.
 */
function configEntries(map: AnyMap, doc: Document, text: string, editable: boolean, identityPrefix: string, skip: (key: string) => boolean = () => false): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const { pair, map: holder, merged, anchor } of effectivePairs(map, doc, text)) {
    const key = keyText(pair.key, text);
    const keyNode = pair.key as Node;
    if (key === undefined || !keyNode.range || skip(key)) continue;
    let value = pair.value as unknown;
    const valueNode = (value ?? null) as Node | null;
    if (value !== null && value !== undefined && !isScalar(value)) {
      // A list value (`cleanup.policy: [delete, compact]`) is read comma-separated, without edits.
      if (!isSeq(value) || !value.items.every((i) => isScalar(i))) continue;
      value = value.items.map((i) => valueOf(i as Scalar, text)).join(',');
    }
    const scalar = isScalar(pair.value) ? pair.value : null;
    const emptyAt = text[keyNode.range[1]] === ':' ? keyNode.range[1] + 1 : keyNode.range[1];
    const valueRange: Range = valueNode?.range ? { start: valueNode.range[0], end: valueNode.range[1] } : { start: emptyAt, end: emptyAt };
    const shared = merged || anchor !== undefined;
    out.push({
      key,
      value: typeof value === 'string' ? value : scalar ? valueOf(scalar, text) : '',
      rawKey: key,
      identity: identityPrefix + key,
      keyRange: { start: keyNode.range[0], end: keyNode.range[1] },
      valueRange,
      removeRange: editable && !shared ? ownLines(holder, keyNode, pairEnd(pair), text) : undefined,
      renderValue: editable && (scalar || pair.value === null) ? (v: string) => renderScalar(scalar, v, text, holder.flow === true, valueRange.start) : undefined,
      editScope: anchor !== undefined ? anchorScope(anchor) : undefined,
    });
  }
  return out;
}

/** One scalar field of a resource (`spec.replicas`) as the entry of the Kafka key it stands for. */
function fieldEntry(map: AnyMap, field: string, key: string, rawKey: string, note: Message, doc: Document, text: string, editable: boolean, identityPrefix: string): ConfigEntry | undefined {
  for (const { pair, map: holder, merged, anchor } of effectivePairs(map, doc, text)) {
    if (keyText(pair.key, text) !== field) continue;
    const keyNode = pair.key as Node;
    const scalar = isScalar(pair.value) ? pair.value : undefined;
    if (!scalar?.range || !keyNode.range) return undefined;
    const valueRange = { start: scalar.range[0], end: scalar.range[1] };
    return {
      key,
      value: valueOf(scalar, text),
      rawKey,
      identity: identityPrefix + rawKey,
      keyRange: { start: keyNode.range[0], end: keyNode.range[1] },
      valueRange,
      removeRange: editable && !merged && anchor === undefined ? ownLines(holder, keyNode, pairEnd(pair), text) : undefined,
      renderValue: editable ? (v: string) => renderScalar(scalar, v, text, holder.flow === true, valueRange.start) : undefined,
      editScope: anchor !== undefined ? anchorScope(anchor) : undefined,
      note,
    };
  }
  return undefined;
}

/** The key node of `field` in a mapping, for anchors of findings. */
function keyRangeOf(map: AnyMap | undefined, field: string, doc: Document, text: string): Range | undefined {
  if (!map) return undefined;
  for (const { pair } of effectivePairs(map, doc, text)) {
    const k = pair.key as Node;
    if (keyText(pair.key, text) === field && k.range) return { start: k.range[0], end: k.range[1] };
  }
  return undefined;
}

/** A value written in YAML as a new scalar. */
function yamlText(value: string): string {
  return isPlainSafe(value, false) ? value : doubleQuoted(value);
}

/**
 * An edit adding `key: value` to the `config` mapping under `parent` (created when missing), indented like
 * the file; undefined for flow mappings, shared (anchored) mappings and other shapes not edited.
 */
function insertConfig(parent: AnyMap, doc: Document, text: string, key: string, value: string): Edit | undefined {
  const config = mappingOf(nodeAt(parent, 'config', doc, text), doc);
  if (config) {
    if (config.map.flow || config.anchor || config.map.items.length === 0) return undefined;
    const indent = indentOf(config.map, text);
    return indent === undefined ? undefined : appendToMap(config.map, [`${indent}${key}: ${yamlText(value)}`], text);
  }
  if (nodeAt(parent, 'config', doc, text) !== undefined || parent.flow || parent.items.length === 0) return undefined;
  const indent = indentOf(parent, text);
  if (indent === undefined) return undefined;
  return appendToMap(parent, [`${indent}config:`, `${indent}  ${key}: ${yamlText(value)}`], text);
}

/** The Kafka version `spec.kafka.version` names (`3.9.0`), or undefined. */
function kafkaVersionAt(kafka: AnyMap, doc: Document, text: string): string | undefined {
  return /^(\d+\.\d+(?:\.\d+)?)$/.exec(scalarAt(kafka, 'version', doc, text) ?? '')?.[1];
}

/** The integer a scalar field holds, or undefined. */
function intAt(map: unknown, field: string, doc: Document, text: string): number | undefined {
  const v = scalarAt(map, field, doc, text);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** The bootstrap addresses a Kafka resource's listeners give clients. */
function bootstrapAddresses(resource: Resource, kafka: AnyMap, text: string): string[] {
  const listeners = nodeAt(kafka, 'listeners', resource.doc, text);
  const out: string[] = [];
  if (!isSeq(listeners) || !resource.name) return out;
  const service = `${resource.name}-kafka-bootstrap`;
  for (const item of listeners.items) {
    const type = scalarAt(item, 'type', resource.doc, text);
    const port = scalarAt(item, 'port', resource.doc, text);
    if (!port || !/^\d+$/.test(port)) continue;
    if (type === 'internal' || type === 'cluster-ip') {
      out.push(`${service}:${port}`);
      if (resource.namespace) out.push(`${service}.${resource.namespace}.svc:${port}`, `${service}.${resource.namespace}.svc.cluster.local:${port}`);
    }
    const host = scalarAt(nodeAt(nodeAt(item, 'configuration', resource.doc, text), 'bootstrap', resource.doc, text), 'host', resource.doc, text);
    if (host) out.push(type === 'route' || type === 'ingress' ? `${host}:443` : `${host}:${port}`);
  }
  return out;
}

/**
 * A name as written, or undefined when it is a placeholder filled in later (`{{ .Values.cluster.name }}` of a
 * template, `${CLUSTER}` of a file envsubst fills): what it names is not known here.
 */
function knownName(value: string | undefined): string | undefined {
  return value === undefined || value.includes('${') || value.includes('{{') ? undefined : value;
}

/** Reads every document's kind, name and cluster label. */
function resources(documents: readonly Document[], text: string): Resource[] {
  const out: Resource[] = [];
  documents.forEach((doc, docIndex) => {
    const root = mappingOf(doc.contents, doc);
    if (!root) return;
    const apiVersion = scalarAt(root.map, 'apiVersion', doc, text);
    const kind = scalarAt(root.map, 'kind', doc, text);
    if (!apiVersion?.startsWith(STRIMZI_API_GROUP) || !kind) return;
    const metadata = nodeAt(root.map, 'metadata', doc, text);
    out.push({
      doc,
      docIndex,
      kind,
      root: root.map,
      name: knownName(scalarAt(metadata, 'name', doc, text)),
      namespace: knownName(scalarAt(metadata, 'namespace', doc, text)),
      cluster: knownName(scalarAt(nodeAt(metadata, 'labels', doc, text), STRIMZI_CLUSTER_LABEL, doc, text)),
    });
  });
  return out;
}

/** What each resource says about its cluster's size (see strimzi/cluster-size.ts), by resource. */
function sizeOf(r: Resource, text: string): StrimziSize | undefined {
  const spec = nodeAt(r.root, 'spec', r.doc, text);
  const ns = r.namespace !== undefined ? { namespace: r.namespace } : {};
  if (r.kind === 'KafkaNodePool') {
    const roles = nodeAt(spec, 'roles', r.doc, text);
    const replicas = intAt(spec, 'replicas', r.doc, text);
    const isBroker = isSeq(roles) && roles.items.some((i) => isScalar(i) && i.value === 'broker');
    // Where the pool says its size, for the findings of the files it counts for: its replicas, else its kind.
    const value = nodeAt(spec, 'replicas', r.doc, text) as Node | undefined;
    const at = value?.range ? { start: value.range[0], end: value.range[1] } : keyRangeOf(r.root, 'kind', r.doc, text);
    return {
      resource: 'KafkaNodePool',
      ...ns,
      ...(isBroker && replicas !== undefined ? { replicas } : {}),
      ...(r.name !== undefined ? { name: r.name } : {}),
      ...(at ? { at } : {}),
    };
  }
  if (r.kind === 'Kafka') {
    const replicas = intAt(nodeAt(spec, 'kafka', r.doc, text), 'replicas', r.doc, text);
    return { resource: 'Kafka', ...ns, ...(replicas !== undefined ? { replicas } : {}) };
  }
  if (r.kind === 'KafkaTopic') return { resource: 'KafkaTopic', ...ns };
  return undefined;
}

/**
 * The brokers of each Kafka cluster as this file alone says (its broker node pools' replicas, else
 * `spec.kafka.replicas`); pools in other files are counted by strimzi/cluster-size.ts `withClusterSizes`.
 */
function brokerCount(r: Resource, cluster: string | undefined, all: readonly Resource[], text: string): number | undefined {
  if (cluster === undefined) return undefined;
  let target: StrimziSize | undefined;
  const facts = all.flatMap((o) => {
    const size = sizeOf(o, text);
    if (o === r) target = size;
    const name = o.kind === 'Kafka' ? o.name : o.cluster;
    return size && name === cluster && size.resource !== 'KafkaTopic' ? [{ file: '', cluster, size }] : [];
  });
  return target ? brokersOf(facts, '', target) : undefined;
}

function kafkaGroup(r: Resource, brokers: number | undefined, text: string): ConfigGroup | undefined {
  const spec = mappingOf(nodeAt(r.root, 'spec', r.doc, text), r.doc);
  const kafka = spec && mappingOf(nodeAt(spec.map, 'kafka', r.doc, text), r.doc);
  if (!spec || !kafka) return undefined;
  const editable = r.doc.errors.length === 0;
  const config = mappingOf(nodeAt(kafka.map, 'config', r.doc, text), r.doc);
  const entries = config ? configEntries(config.map, r.doc, text, editable, `#${r.docIndex}:`, isStrimziManaged) : [];
  const size = sizeOf(r, text);
  const links: DeploymentLinks = { cluster: r.name, brokerCount: brokers, addresses: bootstrapAddresses(r, kafka.map, text), ...(size ? { strimzi: size } : {}) };
  return {
    roles: ['broker'],
    library: 'strimzi',
    kafkaVersion: kafkaVersionAt(kafka.map, r.doc, text),
    entries,
    anchor: keyRangeOf(kafka.map, 'config', r.doc, text) ?? keyRangeOf(spec.map, 'kafka', r.doc, text) ?? { start: 0, end: 0 },
    insertEntry: editable ? (key, value) => insertConfig(kafka.map, r.doc, text, key, value) : undefined,
    links,
  };
}

function topicGroup(r: Resource, brokers: number | undefined, text: string): ConfigGroup | undefined {
  const size = sizeOf(r, text);
  const spec = mappingOf(nodeAt(r.root, 'spec', r.doc, text), r.doc);
  const editable = r.doc.errors.length === 0;
  const prefix = `#${r.docIndex}:`;
  const entries: ConfigEntry[] = [];
  if (spec) {
    const replicas = fieldEntry(spec.map, 'replicas', 'replication.factor', 'spec.replicas', msg('formats.strimzi.topicReplicas'), r.doc, text, editable, prefix);
    if (replicas) entries.push(replicas);
    const config = mappingOf(nodeAt(spec.map, 'config', r.doc, text), r.doc);
    if (config) entries.push(...configEntries(config.map, r.doc, text, editable, prefix));
  }
  // The topic's name: spec.topicName when written, else the resource's own name.
  const topics: TopicRef[] = [];
  const nameSource = spec ? nodeAt(spec.map, 'topicName', r.doc, text) : undefined;
  const metadata = mappingOf(nodeAt(r.root, 'metadata', r.doc, text), r.doc);
  const nameNode = isScalar(nameSource) ? nameSource : metadata ? nodeAt(metadata.map, 'name', r.doc, text) : undefined;
  if (isScalar(nameNode) && nameNode.range && nameNode.value !== null && knownName(String(nameNode.value)) !== undefined) {
    topics.push({ name: String(nameNode.value), range: { start: nameNode.range[0], end: nameNode.range[1] }, use: 'defines' });
  }
  return {
    roles: ['topic'],
    library: 'strimzi',
    entries,
    anchor: keyRangeOf(r.root, 'spec', r.doc, text) ?? keyRangeOf(r.root, 'kind', r.doc, text) ?? { start: 0, end: 0 },
    insertEntry: editable && spec ? (key, value) => insertConfig(spec.map, r.doc, text, key, value) : undefined,
    links: { cluster: r.cluster, brokerCount: brokers, topics: topics.length > 0 ? topics : undefined, ...(size ? { strimzi: size } : {}) },
  };
}

/** KafkaConnect (a worker) and KafkaConnector (a connector): their `spec.config` as Connect reads it. */
function connectResourceGroups(r: Resource, text: string): ConfigGroup[] {
  const spec = mappingOf(nodeAt(r.root, 'spec', r.doc, text), r.doc);
  if (!spec) return [];
  const editable = r.doc.errors.length === 0;
  const config = mappingOf(nodeAt(spec.map, 'config', r.doc, text), r.doc);
  const entries = config ? configEntries(config.map, r.doc, text, editable, `#${r.docIndex}:`) : [];
  const bootstrap = scalarAt(spec.map, 'bootstrapServers', r.doc, text);
  const groups = connectGroups(
    {
      kind: r.kind === 'KafkaConnect' ? 'worker' : 'connector',
      entries,
      anchor: keyRangeOf(spec.map, 'config', r.doc, text) ?? keyRangeOf(r.root, 'spec', r.doc, text) ?? { start: 0, end: 0 },
      insert: editable ? (key, value) => insertConfig(spec.map, r.doc, text, key, value) : undefined,
      links: { cluster: r.kind === 'KafkaConnector' ? r.cluster : r.name, bootstrap: bootstrap ? bootstrap.split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined },
      connectorClass: r.kind === 'KafkaConnector' ? scalarAt(spec.map, 'class', r.doc, text) : undefined,
    },
    text,
  );
  return groups.map((g) => ({ ...g, library: g.library === 'java' ? 'strimzi' : g.library }));
}

/** True for YAML text holding a Strimzi resource (an `apiVersion: kafka.strimzi.io/…` line). */
export function isStrimziText(text: string): boolean {
  return /^[ \t]*apiVersion:[ \t]*["']?kafka\.strimzi\.io\//m.test(text);
}

/** Reads a YAML file of Strimzi resources. Never throws on bad input. */
export function analyzeStrimzi(path: string, text: string, kind: DocumentKind = 'strimzi'): AnalyzedDocument {
  if (looksBinary(text) || !isStrimziText(text)) return emptyStrimzi(path, text, kind);
  const { documents, problems } = parseYaml(templateSource(text));
  // A Helm chart's template of Strimzi resources is not YAML until rendered (yaml/templates.ts).
  if (isTemplateText(text, documents)) return emptyStrimzi(path, text, kind);
  const all = resources(documents, text);
  if (all.length === 0) return emptyStrimzi(path, text, kind, problems);
  const groups: ConfigGroup[] = [];
  for (const r of all) {
    if (r.kind === 'Kafka') {
      const g = kafkaGroup(r, brokerCount(r, r.name, all, text), text);
      if (g) groups.push(g);
    } else if (r.kind === 'KafkaTopic') {
      const g = topicGroup(r, brokerCount(r, r.cluster, all, text), text);
      if (g) groups.push(g);
    } else if (r.kind === 'KafkaConnect' || r.kind === 'KafkaConnector') {
      groups.push(...connectResourceGroups(r, text));
    } else if (r.kind === 'KafkaNodePool') {
      // Its size counts for its cluster, in this file and (strimzi/cluster-size.ts) in the others.
      const size = sizeOf(r, text);
      groups.push({ roles: [], library: 'strimzi', entries: [], anchor: keyRangeOf(r.root, 'kind', r.doc, text) ?? { start: 0, end: 0 }, links: { cluster: r.cluster, ...(size ? { strimzi: size } : {}) } });
    }
  }
  return { path, text, kind, isKafka: true, groups, facts: [], problems, commentPrefix: '#' };
}
