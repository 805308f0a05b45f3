/** English texts of the consumer-stage rules (`core/rules/consumer/`). Twin: ../zh-cn/rules-consumer.ts. */
export const CONSUMER_RULES = {
  'consumer/auto-commit-enabled.description': 'enable.auto.commit=true, or a consumer that leaves it unset (the default is true): offsets are committed whether or not the records were processed.',
  'consumer/auto-offset-reset-latest.description': 'auto.offset.reset=latest: a new group, or one whose offsets expired or fell out of range, skips everything already in the topic.',
  'consumer/commit-before-processing.description': 'An offset committed before the records are processed: a crash in between skips them.',
  'consumer/commit-after-swallowed-error.description':
    'A catch in the processing of polled records that only logs the failure, then a commit: the record that failed is committed as done and never redelivered.',
  'consumer/auto-commit-enabled.loss':
    'offsets of polled records are committed on a timer whether or not they were processed, and records still being processed when the consumer crashes are skipped on restart',
  'consumer/auto-commit-enabled.set':
    'Consumer stage: with {key}=true {loss}; commit after processing instead.',
  'consumer/auto-commit-enabled.default':
    'Consumer stage: {defaults}, so {loss}; set it to false and commit after processing.',
  'consumer/auto-commit-enabled.fixSet':
    'Set enable.auto.commit=false (then commit offsets yourself after processing)',
  'consumer/auto-commit-enabled.fixAdd':
    'Add enable.auto.commit=false (then commit offsets yourself after processing)',
  'consumer/auto-offset-reset-latest.set':
    'Consumer stage: with {key}={value} a group that has no valid committed offset (new, expired after offsets.retention.minutes, or deleted by retention) jumps to the end of the log and never reads the records before it.',
  'consumer/auto-offset-reset-latest.fix':
    'Set {key}=earliest (a group without a committed offset reads the existing records)',
  'consumer/commit-before-processing.fact': 'Consumer stage: {detail}',
  'consumer/commit-after-swallowed-error.fact': 'Consumer stage: {detail}',
  'consumer/errors-tolerance-all-without-dlq.description':
    'errors.tolerance=all on a Kafka Connect sink connector without a dead letter queue: records that fail conversion or a transform are skipped, their offsets committed, and no copy is kept.',
  'consumer/errors-tolerance-all-without-dlq.set':
    'Consumer stage: errors.tolerance=all with {dlq}: this sink connector skips every record that fails conversion or a transform and commits its offset, keeping no copy ({log}). Set errors.deadletterqueue.topic.name, with errors.deadletterqueue.context.headers.enable=true and an errors.deadletterqueue.topic.replication.factor of at least 3, or keep errors.tolerance=none.',
  'consumer/errors-tolerance-all-without-dlq.dlqUnset': 'no errors.deadletterqueue.topic.name',
  'consumer/errors-tolerance-all-without-dlq.dlqEmpty': 'an empty errors.deadletterqueue.topic.name',
  'consumer/errors-tolerance-all-without-dlq.logOff': 'errors.log.enable is false, so not even the Connect log notes the failures',
  'consumer/errors-tolerance-all-without-dlq.logOn': 'errors.log.enable=true only writes each failure to the Connect log, never the record itself',
  'consumer/errors-tolerance-all-without-dlq.logUnknown': 'at most the Connect log notes each failure',
} as const;
