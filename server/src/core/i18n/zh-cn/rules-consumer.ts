import type { CONSUMER_RULES } from '../en/rules-consumer';
import type { Translation } from '../placeholders';

/** 消费者阶段规则的简体中文文本。 English: ../en/rules-consumer.ts. */
export const CONSUMER_RULES_ZH_CN = {
  'consumer/auto-commit-enabled.description': 'enable.auto.commit=true，或消费者未设置它（默认值为 true）：无论消息是否已处理，位移都会被提交。',
  'consumer/auto-offset-reset-latest.description': 'auto.offset.reset=latest：新的消费者组，或位移已过期、超出范围的消费者组，会跳过主题中已有的全部消息。',
  'consumer/commit-before-processing.description': '在消息处理之前提交了位移：两者之间一旦崩溃，这些消息就会被跳过。',
  'consumer/commit-after-swallowed-error.description': '处理拉取到的消息时捕获的失败只被记录到日志，之后又提交了位移：失败的消息被当作已完成提交，不会再被投递。',
  'consumer/auto-commit-enabled.loss': '拉取到的消息的位移会按定时器提交，不管它们是否已经处理完；消费者崩溃时仍在处理中的消息，重启后会被跳过',
  'consumer/auto-commit-enabled.set': '消费者阶段：{key}=true 时，{loss}；请改为在处理完成后再提交。',
  'consumer/auto-commit-enabled.default': '消费者阶段：{defaults}，因此{loss}；请把它设为 false，并在处理完成后再提交。',
  'consumer/auto-commit-enabled.fixSet': '设置 enable.auto.commit=false（之后在处理完成后自行提交位移）',
  'consumer/auto-commit-enabled.fixAdd': '添加 enable.auto.commit=false（之后在处理完成后自行提交位移）',
  'consumer/auto-offset-reset-latest.set':
    '消费者阶段：{key}={value} 时，没有有效已提交位移的消费者组（新建的、超过 offsets.retention.minutes 而过期的，或被保留策略删除的）会直接跳到日志末尾，永远不会读取之前的消息。',
  'consumer/auto-offset-reset-latest.fix': '设置 {key}=earliest（没有已提交位移的消费者组会读取已有的消息）',
  'consumer/commit-before-processing.fact': '消费者阶段：{detail}',
  'consumer/commit-after-swallowed-error.fact': '消费者阶段：{detail}',
  'consumer/errors-tolerance-all-without-dlq.description':
    'Kafka Connect 目标端连接器设置了 errors.tolerance=all 却没有死信队列：转换格式失败或单消息转换失败的消息会被跳过，其位移照常提交，不留任何副本。',
  'consumer/errors-tolerance-all-without-dlq.set':
    '消费者阶段：errors.tolerance=all 且{dlq}：这个目标端连接器会跳过每一条转换格式失败或单消息转换失败的消息并提交其位移，不留任何副本（{log}）。请设置 errors.deadletterqueue.topic.name，同时设置 errors.deadletterqueue.context.headers.enable=true，并让 errors.deadletterqueue.topic.replication.factor 至少为 3；或者保持 errors.tolerance=none。',
  'consumer/errors-tolerance-all-without-dlq.dlqUnset': '没有设置 errors.deadletterqueue.topic.name',
  'consumer/errors-tolerance-all-without-dlq.dlqEmpty': 'errors.deadletterqueue.topic.name 为空',
  'consumer/errors-tolerance-all-without-dlq.logOff': 'errors.log.enable 为 false，连 Connect 日志都不会记下这些失败',
  'consumer/errors-tolerance-all-without-dlq.logOn': 'errors.log.enable=true 只会把每次失败写入 Connect 日志，从不写入消息本身',
  'consumer/errors-tolerance-all-without-dlq.logUnknown': '最多只有 Connect 日志会记下每次失败',
} as const satisfies Translation<typeof CONSUMER_RULES>;
