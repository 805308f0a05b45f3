import type * as JsoncLibrary from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { AnalyzedDocument, ConfigEntry, DocumentKind, Edit, ParseProblem, Range } from '../model';
import { looksBinary } from '../properties/analyze-properties';
import { eolOf } from '../text';
import { msg } from '../i18n/index';
import { connectGroups } from './connect-groups';

/**
 * Kafka Connect connector configurations in JSON, as posted to the REST API (`{"name": …, "config": {…}}`
 * to `POST /connectors`) or as the bare map (`PUT /connectors/<name>/config`): the connector's
 * `producer.override.*` / `consumer.override.*` settings become the clients it configures
 * (connect-groups.ts). Parsed with `jsonc-parser`, which gives every node's offset and length and reads
 * broken JSON as far as it can, so that findings stay while the user types. A JSON file with neither
 * `connector.class` nor a client override (package.json, tsconfig.json, data) is not Kafka configuration.
 *
 * JSON has no comments, and the REST API refuses them: such a file gets no suppression comments (its
 * `commentPrefix` is empty); rules are turned off for it in the settings instead.
 */

let jsoncLibrary: typeof JsoncLibrary | undefined;
function jsonc(): typeof JsoncLibrary {
  return (jsoncLibrary ??= require('jsonc-parser') as typeof JsoncLibrary);
}

function emptyJson(path: string, text: string, kind: DocumentKind, problems: ParseProblem[] = []): AnalyzedDocument {
  return { path, text, kind, isKafka: false, groups: [], facts: [], problems, commentPrefix: '' };
}

/** The span inside a string literal's quotes when the literal holds no escapes, else the whole literal. */
function stringSpan(node: JsonNode, text: string): { range: Range; exact: boolean } {
  const source = text.slice(node.offset, node.offset + node.length);
  const exact = typeof node.value === 'string' && source === JSON.stringify(node.value);
  return exact ? { range: { start: node.offset + 1, end: node.offset + node.length - 1 }, exact } : { range: { start: node.offset, end: node.offset + node.length }, exact };
}

/** Offset of the start of the line holding `offset`. */
function lineStartOf(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}

/** The offset after the line break ending the line that holds `offset`. */
function nextLineOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : Math.min(text.length, i + 1);
}

/**
 * The lines removing a property deletes: only for a property alone on its line that is followed by another
 * (removing the last one would also need the comma before it removed: not offered).
 */
function removeRangeOf(property: JsonNode, next: JsonNode | undefined, text: string): Range | undefined {
  if (!next) return undefined;
  const start = lineStartOf(text, property.offset);
  if (!/^[ \t]*$/.test(text.slice(start, property.offset))) return undefined;
  const end = property.offset + property.length;
  const rest = text.slice(end, nextLineOf(text, end)).replace(/[\r\n]+$/, '');
  if (!/^[ \t]*,[ \t]*$/.test(rest)) return undefined;
  if (lineStartOf(text, next.offset) !== nextLineOf(text, end)) return undefined;
  return { start, end: nextLineOf(text, end) };
}

/** The entry for one `"key": value` property of the configuration object. */
function entryOf(property: JsonNode, next: JsonNode | undefined, text: string, editable: boolean): ConfigEntry | undefined {
  const [keyNode, valueNode] = property.children ?? [];
  if (!keyNode || typeof keyNode.value !== 'string' || !valueNode) return undefined;
  let value: string;
  let valueRange: Range;
  let render: ((v: string) => string) | undefined;
  if (valueNode.type === 'string') {
    const span = stringSpan(valueNode, text);
    value = String(valueNode.value);
    valueRange = span.range;
    render = span.exact ? (v) => JSON.stringify(v).slice(1, -1) : (v) => JSON.stringify(v);
  } else if (valueNode.type === 'number' || valueNode.type === 'boolean') {
    // Connect reads every value as a string; a fix writes one.
    value = String(valueNode.value);
    valueRange = { start: valueNode.offset, end: valueNode.offset + valueNode.length };
    render = (v) => JSON.stringify(v);
  } else {
    return undefined;
  }
  return {
    key: keyNode.value,
    value,
    rawKey: keyNode.value,
    identity: keyNode.value,
    keyRange: stringSpan(keyNode, text).range,
    valueRange,
    removeRange: editable ? removeRangeOf(property, next, text) : undefined,
    renderValue: editable ? render : undefined,
  };
}

/** An edit adding `"key": "value"` after the object's last property, indented like it. */
function insertInto(object: JsonNode, text: string, key: string, value: string): Edit | undefined {
  const last = object.children?.[object.children.length - 1];
  if (!last) return undefined;
  const start = lineStartOf(text, last.offset);
  const indent = text.slice(start, last.offset);
  if (!/^[ \t]+$/.test(indent)) return undefined;
  const at = last.offset + last.length;
  return { range: { start: at, end: at }, newText: `,${eolOf(text)}${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}` };
}

/** The object holding the configuration: `config` of a REST request body, else the object itself. */
function configObject(root: JsonNode | undefined): JsonNode | undefined {
  if (!root || root.type !== 'object') return undefined;
  const config = root.children?.find((p) => p.children?.[0]?.value === 'config')?.children?.[1];
  return config?.type === 'object' ? config : root;
}

/**
 * JSON has no comments, so connector files write them as properties: `"_comment": "…"` (often several in one
 * object), `"//": "…"`, `"#": "…"`. No connector or Kafka key starts that way; Connect hands them to the
 * plugin, which ignores them. They are notes, not settings: a second `_comment` overrides nothing.
 */
function isCommentKey(key: string): boolean {
  return /^(_|\/\/|#)/.test(key);
}

/**
 * True when `text` is a template of JSON another program renders (a Helm chart's connector file with
 * `"tasks.max": {{ .Values.tasksMax }}` or `{{- if … }}` lines, a Jinja `{% if … %}` or `{# … #}`): a `{{`, `{%`
 * or `{#` outside every string and comment, which no JSON holds. Until rendered, what it configures is not
 * knowable, and its tags are syntax errors.
 */
function isTemplateJson(text: string): boolean {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('{#')) return false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '{' && (text[i + 1] === '{' || text[i + 1] === '%' || text[i + 1] === '#')) {
      return true;
    }
  }
  return false;
}

/** Reads a JSON connector configuration. Never throws on bad input. */
export function analyzeConnectJson(path: string, text: string, kind: DocumentKind = 'connect-json'): AnalyzedDocument {
  if (looksBinary(text) || !/"(connector\.class|(producer|consumer|admin)\.override\.[^"]+)"/.test(text)) return emptyJson(path, text, kind);
  if (isTemplateJson(text)) return emptyJson(path, text, kind);
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ParseProblem[] = errors.map((e) => ({
    range: { start: e.offset, end: e.offset + e.length },
    message: msg('parse.json', { detail: jsonc().printParseErrorCode(e.error) }),
  }));
  const object = configObject(root);
  if (!object) return emptyJson(path, text, kind, problems);
  const editable = errors.length === 0;
  const properties = (object.children ?? []).filter((p) => p.type === 'property');
  const entries: ConfigEntry[] = [];
  properties.forEach((p, i) => {
    const e = entryOf(p, properties[i + 1], text, editable);
    if (e && !isCommentKey(e.key)) entries.push(e);
  });
  const isConnector = entries.some((e) => e.key === 'connector.class' || /^(producer|consumer|admin)\.override\./.test(e.key));
  if (!isConnector) return emptyJson(path, text, kind, problems);
  const keyNode = object.parent?.children?.[0];
  const anchor: Range = keyNode && object.parent?.type === 'property' ? stringSpan(keyNode, text).range : { start: object.offset, end: object.offset + 1 };
  const groups = connectGroups({ kind: 'connector', entries, anchor, insert: editable ? (key, value) => insertInto(object, text, key, value) : undefined }, text);
  return { path, text, kind, isKafka: true, groups, facts: [], problems, commentPrefix: '' };
}
