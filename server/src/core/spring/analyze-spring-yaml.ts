import type { Document, Node, Scalar } from 'yaml';
import type { AnalyzedDocument, ConfigEntry, DocumentKind, Edit, Range, Role } from '../model';
import { looksBinary } from '../properties/analyze-properties';
import { springGroups } from './spring-groups';
import type { SpringItem } from './spring-groups';
import { classifySpringName, springNameFor, springValue, uniformName } from './spring-keys';
import { StreamScan, binderDrops } from './spring-cloud-stream';
import { doubleQuoted, isPlainSafe, plainScalarValue } from '../yaml/scalars';
import type { AnyMap, AnyPair } from '../yaml/source';
import { isTemplateText, templateSource } from '../yaml/templates';
import { msg } from '../i18n/index';
import {
  afterLine,
  anchorScope,
  appendToMap,
  effectivePairs,
  indentOf,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  keyText,
  lineStart,
  mappingOf,
  pairEnd,
  parseYaml,
  renderScalar,
} from '../yaml/source';

/**
 * Spring Boot `application*.yml` / `.yaml` (profile files and multi-document files too): the `spring.kafka`
 * tree and Spring Cloud Stream's Kafka binder settings (`spring.cloud.stream.kafka`, spring-cloud-stream.ts),
 * one group per client. YAML syntax errors are problems; entries of a document with errors are still
 * read (so the editor keeps its findings while the user types) but offer no edits, since offsets in a
 * broken document cannot be trusted to give valid YAML. Any other YAML (Kubernetes manifests, CI files) has no
 * `spring.kafka` content and is not Kafka configuration.
 *
 * Merge keys (`<<: *defaults`, `<<: [*a, *b]`) and aliases of whole mappings are expanded as SnakeYAML does
 * (keys written in place win): a merged setting is reported where its value is written, in the anchored
 * mapping, and a fix to it says that it changes every alias.
 */

/** One step from the document root to a setting: the map and the pair in it. */
interface Step {
  readonly map: AnyMap;
  readonly pair: AnyPair;
}

function emptyYaml(path: string, text: string, kind: DocumentKind): AnalyzedDocument {
  return { path, text, kind, isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '#' };
}

/** The string Spring binds for a scalar node. */
function scalarValue(node: Scalar, text: string): string {
  if (node.type === 'PLAIN' && node.range) {
    const source = text.slice(node.range[0], node.range[1]);
    return /[\r\n]/.test(source) ? String(node.value ?? '') : plainScalarValue(source);
  }
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

/** The value of a leaf node as Spring binds it (lists become comma-separated), or undefined for other shapes. */
function leafValue(node: unknown, doc: Document, text: string): string | undefined {
  if (node === null || node === undefined) return '';
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target && isScalar(target) ? scalarValue(target, text) : undefined;
  }
  if (isScalar(node)) return scalarValue(node, text);
  if (isSeq(node)) {
    const parts: string[] = [];
    for (const item of node.items) {
      if (!isScalar(item)) return undefined;
      parts.push(scalarValue(item, text));
    }
    return parts.join(',');
  }
  return undefined;
}

/**
 * The lines to delete to remove a setting: its pair, or the nearest ancestor pair that would otherwise be
 * left empty (removing the only `acks` under `producer:` removes `producer:` too). Undefined for flow
 * collections or a pair that shares its line with something else.
 */
function removeRangeOf(chain: readonly Step[], text: string): Range | undefined {
  let i = chain.length - 1;
  while (i > 0 && chain[i].map.items.length === 1) i--;
  const { map, pair } = chain[i];
  if (map.flow) return undefined;
  for (let j = i; j < chain.length; j++) if (chain[j].map.flow) return undefined;
  const k = pair.key as Node | null;
  const keyStart = k?.range?.[0];
  const end = pairEnd(pair);
  if (keyStart === undefined || end === undefined) return undefined;
  let start = lineStart(text, keyStart);
  // A byte-order mark stays where it is.
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  if (!/^[ \t]*$/.test(text.slice(start, keyStart))) return undefined;
  const stop = afterLine(text, end);
  return stop === undefined ? undefined : { start, end: stop };
}

/**
 * Finds the map at `segments` (relaxed names; a dotted key may cover several segments) under `root`:
 * undefined when there is none, `'unusual'` when the path exists in a shape we do not edit (a flow
 * mapping, a scalar).
 */
function findMap(root: unknown, segments: readonly string[], text: string): { map: AnyMap } | 'unusual' | undefined {
  if (!isMap(root)) return undefined;
  if (root.flow) return 'unusual';
  if (segments.length === 0) return { map: root };
  for (const pair of root.items) {
    const k = keyText(pair.key, text);
    if (k === undefined) continue;
    const parts = k.split('.');
    if (parts.length > segments.length) continue;
    if (!parts.every((p, i) => uniformName(p) === uniformName(segments[i]))) continue;
    if (parts.length === segments.length) {
      return isMap(pair.value) && !pair.value.flow ? { map: pair.value } : 'unusual';
    }
    const found = findMap(pair.value, segments.slice(parts.length), text);
    if (found) return found;
  }
  return undefined;
}

/**
 * Inserts Kafka key `key` for `role` under `spring: kafka: <role>:` with the file's indentation: the typed
 * property when Boot has one, else under the client's `properties:` map (created when missing). When the
 * client's mapping is missing it is created under `kafka:`. Undefined for shapes we do not edit (flow
 * mappings, dotted `spring.kafka.producer.acks:` keys, tabs).
 */
function yamlInsert(doc: Document, text: string, role: Role, key: string, value: string): Edit | undefined {
  const name = springNameFor(role, key);
  if (!name) return undefined;
  const render = (v: string) => (isPlainSafe(v, false) ? v : doubleQuoted(v));
  const kafka = findMap(doc.contents, ['spring', 'kafka'], text);
  if (kafka === undefined || kafka === 'unusual') return undefined;
  const kafkaIndent = indentOf(kafka.map, text);
  if (kafkaIndent === undefined) return undefined;
  const spring = findMap(doc.contents, ['spring'], text);
  const springIndent = spring && spring !== 'unusual' ? indentOf(spring.map, text) : undefined;
  const step = springIndent !== undefined && kafkaIndent.length > springIndent.length ? ' '.repeat(kafkaIndent.length - springIndent.length) : '  ';
  const client = findMap(doc.contents, ['spring', 'kafka', name.scope], text);
  if (client === 'unusual') return undefined;
  if (!client) {
    const [first, ...rest] = name.path;
    const lines = [`${kafkaIndent}${name.scope}:`];
    if (rest.length === 0) lines.push(`${kafkaIndent}${step}${first}: ${render(value)}`);
    else lines.push(`${kafkaIndent}${step}${first}:`, `${kafkaIndent}${step}${step}${rest.join('.')}: ${render(value)}`);
    return appendToMap(kafka.map, lines, text);
  }
  const indent = indentOf(client.map, text);
  if (indent === undefined) return undefined;
  if (name.path.length === 1) return appendToMap(client.map, [`${indent}${name.path[0]}: ${render(value)}`], text);
  const props = findMap(doc.contents, ['spring', 'kafka', name.scope, 'properties'], text);
  if (props === 'unusual') return undefined;
  if (props) {
    const propsIndent = indentOf(props.map, text);
    if (propsIndent === undefined) return undefined;
    return appendToMap(props.map, [`${propsIndent}${name.path[1]}: ${render(value)}`], text);
  }
  const clientStep = indent.length > kafkaIndent.length ? ' '.repeat(indent.length - kafkaIndent.length) : step;
  return appendToMap(client.map, [`${indent}properties:`, `${indent}${clientStep}${name.path[1]}: ${render(value)}`], text);
}

/** Reads a Spring Boot YAML file. Never throws on bad input. */
export function analyzeSpringYaml(path: string, text: string, kind: DocumentKind = 'spring-yaml'): AnalyzedDocument {
  // Only files that mention both words can hold spring.kafka settings: skip parsing the rest (big Kubernetes
  // or Helm files).
  if (looksBinary(text) || !/kafka/i.test(text) || !/spring/i.test(text)) return emptyYaml(path, text, kind);
  const { documents, problems } = parseYaml(templateSource(text));
  // A template of an application.yml (Helm, Ansible) is not YAML until rendered (yaml/templates.ts).
  if (isTemplateText(text, documents)) return emptyYaml(path, text, kind);
  const items: SpringItem[] = [];
  let firstEditable: Document | undefined;
  const clientKeys = new Map<Role, Range>();
  const stream = new StreamScan();
  documents.forEach((doc, docIndex) => {
    const editable = doc.errors.length === 0;
    // Settings in a later document (a profile section) are not duplicates of the same key in the first one.
    const docPrefix = docIndex === 0 ? '' : `#${docIndex}:`;
    let hasKafka = false;
    // `shared`: the anchor of an enclosing mapping that other places alias, whose settings this one edits too.
    const walk = (node: unknown, segments: readonly string[], chain: readonly Step[], inFlow: boolean, depth: number, shared: string | undefined): void => {
      const mapping = mappingOf(node, doc);
      // Aliases can nest mappings without bound (`a: &a {b: *a}` is refused by the parser, but deep chains are not).
      if (!mapping || depth > 64) return;
      for (const { pair, map, merged, anchor: own } of effectivePairs(mapping.map, doc, text)) {
        const anchor = own ?? shared ?? mapping.anchor;
        const k = keyText(pair.key, text);
        if (k === undefined) continue;
        const path = [...segments, k];
        const joined = path.join('.');
        const lower = joined.toLowerCase();
        const inside = lower.startsWith('spring.kafka.');
        // Spring Cloud Stream's Kafka binder (spring-cloud-stream.ts) and the bindings that name its clients.
        const inStream = lower.startsWith('spring.cloud.stream.');
        if (!inside && !inStream && !'spring.kafka'.startsWith(lower) && !'spring.cloud.stream'.startsWith(lower)) continue;
        const steps = [...chain, { map, pair }];
        const flow = inFlow || map.flow === true;
        const keyNode = pair.key as Node;
        if (inStream && keyNode.range) {
          stream.add(joined, { start: keyNode.range[0], end: keyNode.range[1] });
          if (lower.startsWith('spring.cloud.stream.kafka.')) hasKafka = true;
        }
        if (mappingOf(pair.value, doc)) {
          if (lower === 'spring.kafka') hasKafka = true;
          const clientScope = /^spring\.kafka\.(producer|consumer|admin|streams)$/.exec(lower)?.[1] as Role | undefined;
          if (clientScope && keyNode.range && !clientKeys.has(clientScope)) clientKeys.set(clientScope, { start: keyNode.range[0], end: keyNode.range[1] });
          walk(pair.value, path, steps, flow, depth + 1, anchor);
          continue;
        }
        if (!inside && !inStream) continue;
        if (inside) hasKafka = true;
        const meta = classifySpringName(joined);
        const raw = leafValue(pair.value, doc, text);
        if (!meta || raw === undefined || !keyNode.range || binderDrops(meta, raw)) continue;
        const valueNode = (pair.value ?? null) as Node | null;
        // An empty section (`producer:` with nothing under it yet) is not a setting.
        if (!meta.property && !meta.passThrough && (valueNode === null || (isScalar(valueNode) && valueNode.value === null))) continue;
        // An empty value sits just after the key's colon; a half-typed key without one (at the end of the
        // text) has its empty value at the key's end.
        const emptyAt = text[keyNode.range[1]] === ':' ? keyNode.range[1] + 1 : keyNode.range[1];
        const valueRange: Range = valueNode?.range ? { start: valueNode.range[0], end: valueNode.range[1] } : { start: emptyAt, end: emptyAt };
        const scalar = valueNode === null ? null : isScalar(valueNode) ? valueNode : undefined;
        // A pair in an anchored mapping is shared by every alias: it can be re-valued (the title says so) but not removed.
        const sharedPair = merged || anchor !== undefined;
        const entry: ConfigEntry = {
          key: meta.key,
          value: springValue(meta, raw),
          rawKey: joined,
          identity: docPrefix + meta.identity,
          keyRange: { start: keyNode.range[0], end: keyNode.range[1] },
          valueRange,
          removeRange: editable && !sharedPair ? removeRangeOf(steps, text) : undefined,
          role: meta.role,
          renderValue: editable && scalar !== undefined ? (v: string) => renderScalar(scalar, v, text, flow, valueRange.start) : undefined,
          editScope: anchor !== undefined ? anchorScope(anchor) : undefined,
          note: !merged ? undefined : anchor !== undefined ? msg('formats.yaml.merged', { path: joined, anchor }) : msg('formats.yaml.mergedInline', { path: joined }),
        };
        items.push({ meta, entry });
      }
    };
    walk(doc.contents, [], [], false, 0, undefined);
    if (hasKafka && editable && !firstEditable) firstEditable = doc;
  });
  if (items.length === 0 && !stream.isKafka) return { ...emptyYaml(path, text, kind), problems };
  const groups = springGroups(
    items,
    (role, first) => (role && clientKeys.get(role)) ?? first?.entry.keyRange ?? { start: 0, end: 0 },
    (role) => {
      const doc = firstEditable;
      return doc ? (key: string, value: string) => yamlInsert(doc, text, role, key, value) : undefined;
    },
    stream.isBinder ? { roles: stream.roles() } : undefined,
  );
  return { path, text, kind, isKafka: true, groups, facts: [], problems, commentPrefix: '#' };
}
