import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';

/**
 * YAML files that are templates (Helm's Go templates, Jinja, Mustache placeholders a script fills in): a file
 * whose structure the template decides is not read; a file whose only tags are values is read, with those values
 * as placeholders (never "unset", never an invalid value).
 */

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

function findings(path: string, text: string, kafkaVersion = DEFAULT_OPTIONS.kafkaVersion): string[] {
  return lint(analyzeConfig(path, text), { ...DEFAULT_OPTIONS, kafkaVersion }).map((f) => `${f.ruleId}: ${text.slice(f.range.start, f.range.end)}`);
}

const HELM_KAFKA = lines(
  '{{- if .Values.kafka.enabled }}',
  'apiVersion: kafka.strimzi.io/v1beta2',
  'kind: Kafka',
  'metadata:',
  '  name: {{ .Values.cluster.name }}',
  'spec:',
  '  kafka:',
  '    replicas: {{ .Values.kafka.replicas }}',
  '    config:',
  '      offsets.topic.replication.factor: 1',
  '      min.insync.replicas: {{ .Values.kafka.minInsyncReplicas }}',
  '      {{- range $key, $value := .Values.kafka.config }}',
  '      {{ $key }}: {{ $value }}',
  '      {{- end }}',
  '{{- end }}',
);

describe('yaml templates: a Helm template is not read until rendered', () => {
  it('a Strimzi Kafka template: no syntax errors, no settings, no finding', () => {
    const doc = analyzeConfig('charts/kafka/templates/kafka.yaml', HELM_KAFKA);
    assert.equal(doc.kind, 'strimzi');
    assert.equal(doc.isKafka, false);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(findings('charts/kafka/templates/kafka.yaml', HELM_KAFKA), []);
    assert.deepEqual(findings('charts/kafka/templates/kafka.yaml', HELM_KAFKA, '2.0'), []);
  });

  it('a KafkaTopic per value (a range around the documents)', () => {
    const text = lines(
      '{{- range .Values.topics }}',
      '---',
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: KafkaTopic',
      'metadata:',
      '  name: {{ .name }}',
      '  labels:',
      '    strimzi.io/cluster: {{ $.Values.cluster.name }}',
      'spec:',
      '  replicas: 1',
      '{{- end }}',
    );
    assert.equal(analyzeConfig('templates/topics.yaml', text).isKafka, false);
    assert.deepEqual(findings('templates/topics.yaml', text), []);
  });

  it('a value that is a block of YAML (config: {{ toYaml .Values.config | nindent 6 }}) is structure, not a placeholder', () => {
    const kafka = (config: string) =>
      lines('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata:', '  name: c2', 'spec:', '  kafka:', '    replicas: {{ .Values.indent }}', `    config: ${config}`);
    for (const config of ['{{ toYaml .Values.kafka.config | nindent 6 }}', '{{- .Values.kafka.config | toYaml | indent 6 }}', '{{ tpl (toYaml .Values.config) . }}']) {
      assert.equal(analyzeConfig('templates/kafka.yaml', kafka(config)).isKafka, false, config);
      assert.deepEqual(findings('templates/kafka.yaml', kafka(config)), [], config);
    }
    // A value merely named like one of those functions is a placeholder: the file is read.
    const read = analyzeConfig('templates/kafka.yaml', kafka('{ min.insync.replicas: 1 }'));
    assert.equal(read.isKafka, true);
    assert.deepEqual(findings('templates/kafka.yaml', kafka('{ min.insync.replicas: 1 }')).sort(), ['broker/min-insync-replicas-too-low: 1', 'broker/replication-factor-too-low: config']);
  });

  it('a Helm or Jinja template of an application.yml', () => {
    const helm = lines('spring:', '  kafka:', '    producer:', '      {{- toYaml .Values.producer | nindent 6 }}', '    consumer:', '      enable-auto-commit: true');
    const jinja = lines('spring:', '  kafka:', '{% if kafka_tx %}', '    producer:', '      transaction-id-prefix: tx-', '{% endif %}', '    producer:', '      acks: {% if fast %}1{% else %}all{% endif %}');
    const jinjaComment = lines('{# Managed by Ansible #}', 'spring:', '  kafka:', '    producer:', '      acks: {{ kafka_acks }}');
    for (const text of [helm, jinja, jinjaComment]) {
      const doc = analyzeConfig('src/main/resources/application.yml', text);
      assert.equal(doc.isKafka, false, text);
      assert.deepEqual(doc.problems, []);
      assert.deepEqual(findings('src/main/resources/application.yml', text, '2.0'), []);
    }
  });
});

describe('yaml templates: placeholders as values are read as placeholders', () => {
  it('Strimzi: a templated min.insync.replicas is not "unset", a literal lossy value is still reported', () => {
    const text = lines(
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: Kafka',
      'metadata:',
      '  name: {{ .Values.cluster.name }}',
      'spec:',
      '  kafka:',
      '    replicas: {{ .Values.replicas }}',
      '    config:',
      '      default.replication.factor: 3',
      '      min.insync.replicas: {{ .Values.minIsr }}',
      '      offsets.topic.replication.factor: 1',
    );
    const doc = analyzeConfig('k8s/kafka.yaml', text);
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.problems, []);
    const broker = doc.groups.find((g) => g.roles.includes('broker'));
    assert.equal(broker?.entries.find((e) => e.key === 'min.insync.replicas')?.value, '{{ .Values.minIsr }}');
    assert.deepEqual(findings('k8s/kafka.yaml', text), ['broker/replication-factor-too-low: 1']);
  });

  it('Spring: placeholders to fill in (a README’s application.yml) are neither unset nor invalid; latest is still reported', () => {
    const text = lines(
      'spring:',
      '  kafka:',
      '    bootstrap-servers: {{ your kafka server }}',
      '    producer:',
      '      acks: {{ acks }}',
      '      retries: "{{ retries }}"',
      '    consumer:',
      '      group-id: {{ kafka group id }}',
      '      auto-offset-reset: latest',
    );
    const doc = analyzeConfig('src/main/resources/application.yml', text);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(
      doc.groups.flatMap((g) => g.entries.map((e) => `${e.key}=${e.value}`)),
      ['bootstrap.servers={{ your kafka server }}', 'acks={{ acks }}', 'retries={{ retries }}', 'group.id={{ kafka group id }}', 'auto.offset.reset=latest'],
    );
    assert.deepEqual(findings('src/main/resources/application.yml', text, '2.0'), ['consumer/auto-offset-reset-latest: latest']);
  });

  it('Strimzi: a templated name or cluster label names nothing (knative-extensions/eventing-kafka-broker test/rekt/resources/kafkatopic/topic.yaml)', () => {
    const text = lines(
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: KafkaTopic',
      'metadata:',
      '  name: {{ .name }}',
      '  namespace: {{ .clusterNamespace }}',
      '  labels:',
      '    strimzi.io/cluster: {{ .clusterName }}',
      'spec:',
      '  partitions: {{ .partitions }}',
      '  replicas: 1',
    );
    const doc = analyzeConfig('test/rekt/resources/kafkatopic/topic.yaml', text);
    assert.deepEqual(doc.problems, []);
    const [topic] = doc.groups;
    assert.deepEqual(topic.roles, ['topic']);
    assert.equal(topic.links?.cluster, undefined);
    assert.equal(topic.links?.topics, undefined);
    assert.equal(topic.links?.strimzi?.namespace, undefined);
    assert.deepEqual(findings('test/rekt/resources/kafkatopic/topic.yaml', text), ['broker/replication-factor-too-low: 1']);
  });

  it('a Mustache text in a block scalar is a string, not a template of the file', () => {
    const text = lines('spring:', '  kafka:', '    producer:', '      acks: 0', 'mail:', '  body: |', '    {{#items}}', '    {{name}}: {{price}}', '    {{/items}}');
    const doc = analyzeConfig('src/main/resources/application.yml', text);
    assert.equal(doc.isKafka, true);
    assert.deepEqual(findings('src/main/resources/application.yml', text), ['producer/acks-zero: 0']);
  });
});
