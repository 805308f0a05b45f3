import type { Document } from 'yaml';
import { yaml } from './source';

/**
 * YAML files that are templates another program renders: a Helm chart's `templates/kafka.yaml` (Go templates:
 * `{{- if .Values.kafka.enabled }}`, `{{ .Values.replicas }}`, `{{- toYaml . | nindent 6 }}`), an Ansible
 * role's `application.yml` (Jinja: `{{ kafka_acks }}`, `{% if … %}`), a file a script fills in
 * (`bootstrap-servers: {{CCLOUD_ENDPOINT}}`). YAML reads `{{` where a node starts as a flow mapping whose first
 * key is another one, and `{%` not at all.
 */

/**
 * A template tag that starts a line (after its indentation): a control action, an included block, a templated key,
 * a Jinja comment (`{# … #}`).
 */
const LINE_TAG = /^[ \t]*(\{\{|\{%|\{#)/gm;

/** A template tag as a value: after `key:` or a list item's `- `. */
const VALUE_TAG = /^[ \t]*(?:(?:-[ \t]+)+|(?:-[ \t]+)*[^#\r\n]*?:[ \t]+)(\{\{|\{%)/gm;

/**
 * A value tag that writes YAML structure rather than a scalar: `config: {{- toYaml .Values.config | nindent 6 }}`
 * puts a whole mapping there (`toYaml`, `toJson`, `tpl` and the indenting functions only make sense for that).
 */
const BLOCK_ACTION = /(?:^\{\{-?\s*|\|\s*|\(\s*)(?:toYaml|toJson|toPrettyJson|tpl|nindent|indent)\b/;

/** True when the value tag at `offset` stands for a scalar: a `{{ … }}` that is no {@link BLOCK_ACTION}. */
function isPlaceholder(text: string, offset: number): boolean {
  if (!text.startsWith('{{', offset)) return false;
  const end = text.indexOf('}}', offset);
  return !BLOCK_ACTION.test(text.slice(offset, end < 0 ? offset + 200 : end));
}

/** The offsets of the tags `pattern` finds (the tag is its group). */
function tagOffsets(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m.index + m[0].length - m[1].length);
  }
  return out;
}

/** True when some offset lies outside every scalar of the documents (a block scalar's text is a string, not a template). */
function outsideScalars(offsets: readonly number[], documents: readonly Document[]): boolean {
  if (offsets.length === 0) return false;
  const scalars: (readonly [number, number])[] = [];
  for (const doc of documents) {
    yaml().visit(doc, {
      Scalar(_key, node) {
        if (node.range) scalars.push([node.range[0], node.range[1]]);
      },
    });
  }
  return offsets.some((at) => !scalars.some(([start, end]) => start <= at && at < end));
}

/**
 * The text to parse for a YAML text that may hold template placeholders as values (`replicas: {{ .Values.replicas }}`,
 * `- {{ . }}`; {@link isPlaceholder}): each such `{{` becomes `${`, same length, so that the value parses as the plain scalar it stands
 * for, not as a mapping (the setting would look unset). Readers slice a plain value from the original text, so it
 * reads `{{ .Values.replicas }}`; a field read from the parsed node reads `${ .Values.replicas }}`: both are
 * placeholders, which rules do not judge (rules/support.ts `unjudgeable`, deployment/settings.ts
 * `isPlaceholderValue`). Offsets are unchanged (a block scalar's line that looks like such a value is changed
 * too, in its parsed value only). The text itself when it holds no `{{`.
 */
export function templateSource(text: string): string {
  if (!text.includes('{{')) return text;
  const offsets = tagOffsets(text, VALUE_TAG);
  if (offsets.length === 0) return text;
  let out = '';
  let at = 0;
  for (const o of offsets) {
    if (!isPlaceholder(text, o)) continue;
    out += text.slice(at, o) + '${';
    at = o + 2;
  }
  return out + text.slice(at);
}

/**
 * True when `text` is a template whose structure is only known once rendered: a template tag starts a line
 * outside every scalar of the parsed `documents` (`{{- if … }}`, `{{- range … }}`, `{{- include … | nindent 4 }}`,
 * `{{ $key }}: {{ $value }}`, `{# a Jinja comment #}`), or a value is a Jinja statement (`{% … %}`) or a block of
 * YAML ({@link BLOCK_ACTION}). Such a file's settings are not knowable: `{{- range … }}` lines add settings no
 * reader sees, conditions drop others, and its control lines are YAML syntax errors. The YAML readers read it as
 * no Kafka configuration. A text whose only tags are scalar values is read, with those values as placeholders
 * ({@link templateSource}).
 */
export function isTemplateText(text: string, documents: readonly Document[]): boolean {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('{#')) return false;
  const blocks = tagOffsets(text, VALUE_TAG).filter((o) => !isPlaceholder(text, o));
  return outsideScalars([...tagOffsets(text, LINE_TAG), ...blocks], documents);
}
