/** English texts of the file-hygiene rules (`core/rules/config/`). Twin: ../zh-cn/rules-config.ts. */
export const CONFIG_RULES = {
  'config/duplicate-key.description': 'A key set twice in one file: the later value silently wins over the one a reader sees first.',
  'config/invalid-value.description': 'A value Kafka rejects at startup (acks=2, enable.auto.commit=yes, a non-numeric or too small replication factor).',
  'config/unknown-key.description': 'A key Kafka does not know in a Kafka .properties file (often a typo), with the closest known key.',
  'config/syntax-error.description': 'Text that Kafka cannot load (a malformed \\u escape, invalid YAML).',
  'config/duplicate-key.set':
    '{stage}: {name} is set again on line {line}, and that later value ({winner}) wins, so this one ({earlier}) is ignored.',
  'config/duplicate-key.empty': 'empty',
  'config/duplicate-key.related': '{key} is set again here, and this value wins.',
  'config/duplicate-key.fix': 'Remove the earlier {key} (line {line})',
  'config/invalid-value.set':
    '{stage}: Kafka rejects {key}={value} (it {reason}) with a ConfigException, so {consequence}.',
  'config/invalid-value.producer': 'the producer is never created and sends nothing',
  'config/invalid-value.consumer': 'the consumer is never created and reads nothing',
  'config/invalid-value.broker': 'the broker does not start',
  'config/invalid-value.topic': 'the topic cannot be created or altered with it',
  'config/invalid-value.other': 'the client or broker that reads it fails to start',
  'config/unknown-key.suggest':
    '{stage}: Kafka does not know {key} and only logs it as unused, so this setting never takes effect; did you mean {suggestion}?',
  'config/unknown-key.plain':
    'Config: Kafka does not know {key} and only logs it as unused, so this setting never takes effect.',
  'config/unknown-key.fix': 'Change to {key}',
  'validate.oneOf': 'must be one of {values}',
  'validate.notString': 'takes only a String, and the code puts a {valueClass}',
  'validate.atLeast': 'must be at least {min}',
  'validate.atMost': 'must be at most {max}',
  'validate.whole': 'must be a whole number ({type})',
  'validate.outOfRangeAn': 'is out of range for an {type}',
  'validate.outOfRangeA': 'is out of range for a {type}',
  'validate.boolean': 'must be true or false',
  'validate.number': 'must be a number',
  'validate.listElement': 'contains {element}, but each element {rule}',
  'validate.emptyElement': 'an empty element',
  'parse.unicodeEscape':
    "Malformed \\uXXXX escape: Java's Properties.load rejects the whole file (\"\\u\" must be followed by four hex digits).",
  'parse.yaml': 'YAML syntax error: {detail}',
  'parse.json': 'JSON syntax error: {detail}',
} as const;
