/**
 * The Latin words a Simplified Chinese text may contain besides keys, values and code (see latin.ts).
 * Keep it short and strict: product and library names, acronyms Chinese technical writing keeps, and the
 * few Kafka terms the glossary (server/src/core/i18n/README.md) keeps in English. Every entry must be used
 * by some Chinese text, and none may be an ordinary English word (test/unit/i18n/catalogue.test.ts).
 */
export const ALLOWED_LATIN: ReadonlySet<string> = new Set([
  // Products, projects and libraries.
  'Kafka', 'Lint', 'Connect', 'Strimzi', 'Docker', 'Compose', 'Spring', 'Java', 'franz-go', 'tmpfs',
  'VS', 'Code', 'Markdown',
  // Client libraries as the messages name them (support.ts libraryName).
  'Sarama', 'librdkafka', 'kafka-python', 'kafka-go', 'kafkajs', 'spring-kafka',
  // Acronyms.
  'ISR', 'ID', 'YAML', 'JSON', 'CI',
  // Kafka terms the glossary keeps in English.
  'Broker', 'Unclean',
  // Kafka Lint's own setting names (JSON fields of the settings and .kafkalint.json, never translated).
  'locale', 'rules', 'markdown',
  // Literals and keywords of the client languages, and API names that read like words, as the code writes them.
  'true', 'false', 'null', 'await', 'async', 'goroutine', 'err', 'Future', 'Promise', 'Async', 'Completion', 'Close',
  // Named by the key catalog (catalog/zh-cn.ts): languages, libraries and tools, protocols and security acronyms, KRaft.
  'Python', 'Go', 'confluent-kafka-go', 'Micrometer', 'KRaft', 'KIP', 'API', 'ACL', 'fsync', 'TCP', 'TLS', 'SASL', 'JAAS',
  'Kerberos', 'OAuth', 'SCRAM', 'JKS', 'PEM', 'CA', 'JVM',
]);

/** Names of several words, skipped as a whole (`for` alone is never allowed). */
export const ALLOWED_PHRASES: readonly string[] = ['Spring for Apache Kafka', 'Spring Boot', 'Kafka Streams'];

/**
 * Ordinary English words (lower case) that must never enter the allow-list in any casing: if one of them
 * shows up in a Chinese text, the text is untranslated, and adding it to the list would hide that. `Broker`
 * is the one Kafka term the glossary keeps in English; it is allowed capitalised only.
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  'a an the and or but not no if then else when while with without of to in on at by for from into is are was be been it its this that these those as so do does set use add remove value key file files record records message messages send sent producer consumer topic partition replica leader follower commit default defaults error warning info hint stage safe lost loss'
    .split(' '),
);
