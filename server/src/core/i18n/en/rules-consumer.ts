/** English texts of the consumer-stage rules (`core/rules/consumer/`). Twin: ../zh-cn/rules-consumer.ts. */
export const CONSUMER_RULES = {
  'consumer/auto-commit-enabled.description': 'enable.auto.commit=true, or a consumer that leaves it unset (the default is true): offsets are committed whether or not the records were processed.',
  'consumer/auto-offset-reset-latest.description': 'auto.offset.reset=latest: a new group, or one whose offsets expired or fell out of range, skips everything already in the topic.',
  'consumer/commit-before-processing.description': 'An offset committed before the records are processed: a crash in between skips them.',
} as const;
