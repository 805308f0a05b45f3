/** English texts about options and settings: problems found while reading them. Twin: ../zh-cn/settings.ts. */
export const SETTINGS = {
  'options.locale': 'locale must be one of auto, en, zh-cn; got {got}',
  'options.kafkaVersion': 'kafkaVersion must look like "3.9" or "2.8.1"; got {got}',
  'options.ruleLevel': 'rules.{id} must be one of {levels}; got {got}',
  'options.markdown': 'markdown must be true or false; got {got}',
  'options.rules': 'rules must be an object of rule id to level',

  'server.fixAll': 'Fix all auto-fixable Kafka Lint problems',
  'server.projectFileInvalid': 'Kafka Lint: {path} is not valid JSON ({reason}); it is ignored until fixed.',
  'server.truncated': 'Kafka Lint shows {shown} of the {total} findings of this file (an editor shows at most 1,000 per file); run kafka-lint on the file for all of them.',
} as const;
