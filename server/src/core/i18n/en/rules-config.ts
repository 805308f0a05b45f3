/** English texts of the file-hygiene rules (`core/rules/config/`). Twin: ../zh-cn/rules-config.ts. */
export const CONFIG_RULES = {
  'config/duplicate-key.description': 'A key set twice in one file: the later value silently wins over the one a reader sees first.',
  'config/invalid-value.description': 'A value Kafka rejects at startup (acks=2, enable.auto.commit=yes, a non-numeric or too small replication factor).',
  'config/unknown-key.description': 'A key Kafka does not know in a Kafka .properties file (often a typo), with the closest known key.',
  'config/syntax-error.description': 'Text that Kafka cannot load (a malformed \\u escape, invalid YAML).',
} as const;
