/**
 * English texts of hovers and completion documentation: the labels around a key's docs and a finding.
 * The key docs themselves (summary, loss, safe value) live in the catalog (catalog/localized.ts). Twin: ../zh-cn/hover.ts.
 */
export const HOVER = {
  'hover.stage.producer': 'Producer',
  'hover.stage.broker': 'Broker',
  'hover.stage.consumer': 'Consumer',

  'hover.role.producer': 'producer',
  'hover.role.consumer': 'consumer',
  'hover.role.broker': 'broker',
  'hover.role.topic': 'topic',
  'hover.role.admin': 'admin',
  'hover.role.streams': 'streams',
  'hover.role.connect': 'connect',
  'hover.list.separator': ', ',

  'hover.severity.error': 'error',
  'hover.severity.warning': 'warning',
  'hover.severity.info': 'info',
  'hover.severity.hint': 'hint',

  /** One step of a default's history: `` `1` before 3.0 ``, `` `all` since 3.0 ``, and with its reason. */
  'hover.history.first': '{value}',
  'hover.history.before': '{value} before {since}',
  'hover.history.since': '{value} since {since}',
  'hover.history.note': '{entry} ({note})',
  'hover.history': 'History: {history}',

  'hover.key.nested': '{written} sets {key} for {scope}.',
  'hover.key.alias': '{written} is another name for {key}.',
  'hover.key.writtenAs': 'Written here as {raw}; Kafka reads it as {key}.',
  'hover.scope.listener': 'the listener {name} only',
  'hover.scope.override': "this connector's {client} only",
  'hover.scope.streamsTopics': 'the internal topics Kafka Streams creates',
  'hover.scope.embedded': 'the embedded {name} client',
  'hover.key.setHere': 'Set here to {value}: {meaning}.',
  'hover.key.values': 'Values: {values}',
  'hover.key.commonValues': 'Common values: {values}',
  'hover.key.valueWithDoc': '{value} ({doc})',
  'hover.key.range': 'Range: {min} to {max}',
  'hover.key.rangeMin': 'Range: at least {min}',
  'hover.key.rangeMax': 'Range: at most {max}',
  'hover.key.since': 'Since Kafka {version}.',
  'hover.key.removedGone': '**Removed in Kafka {version}**: Kafka {running} no longer reads it.',
  'hover.key.removed': 'Removed in Kafka {version}.',
  'hover.key.protects': 'Protects: {path}',
  'hover.key.risk': 'Risk: {text}',
  'hover.key.safe': 'Safe: {text}',

  'hover.finding.path': 'Path: {path}',
  'hover.finding.how': 'How it is lost: {text}',
  'hover.finding.safe': 'Safe value: {text}',
  'hover.finding.doc': 'Rule documentation: {id}',

  'hover.default.springContainer':
    "**Default** (Spring listener container): {off}: the container turns auto-commit off unless it is set; a consumer created outside a container keeps Kafka's {on}.",
  'hover.default.whereKafka': 'Kafka {version}',
  'hover.default.whereSpring': 'Kafka {version}; Spring Boot passes it through',
  'hover.default.value': '**Default** ({where}): {value}',
  'hover.default.none': '**Default** ({where}): none, the key was added in Kafka {since}',
  'hover.default.versionDependent': '**Default** ({name}): depends on the installed version',
  'hover.default.notRecorded': '**Default** ({name}): not recorded; the Java client uses {value} (Kafka {version})',
  'hover.library.java': 'the Java client',

  'hover.readable.paren': ' ({text})',
  'hover.readable.longMax': '{name}: no limit',
  'hover.unit.day.one': '1 day',
  'hover.unit.day.many': '{count} days',
  'hover.unit.hour.one': '1 hour',
  'hover.unit.hour.many': '{count} hours',
  'hover.unit.minute.one': '1 minute',
  'hover.unit.minute.many': '{count} minutes',
  'hover.unit.second.one': '1 second',
  'hover.unit.second.many': '{count} seconds',

  'completion.detail.default': '{type} · default {value}',
  'completion.detail.kafkaKey': 'Kafka key',
  'completion.spring.property': "Spring Boot property for Kafka's {key}.",
  'completion.spring.setting': 'Spring for Apache Kafka setting.',
  'completion.value.default': 'default in Kafka {version}',
  'completion.value.springUnset': 'what a Spring listener container uses when unset',
} as const;
