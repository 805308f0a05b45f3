import type { CONSUMER_RULES } from '../en/rules-consumer';
import type { Translation } from '../placeholders';

/** 消费者阶段规则的简体中文文本。 English: ../en/rules-consumer.ts. */
export const CONSUMER_RULES_ZH_CN = {
  'consumer/auto-commit-enabled.description': 'enable.auto.commit=true，或消费者未设置它（默认值为 true）：无论消息是否已处理，位移都会被提交。',
  'consumer/auto-offset-reset-latest.description': 'auto.offset.reset=latest：新的消费者组，或位移已过期、超出范围的消费者组，会跳过主题中已有的全部消息。',
  'consumer/commit-before-processing.description': '在消息处理之前提交了位移：两者之间一旦崩溃，这些消息就会被跳过。',
} as const satisfies Translation<typeof CONSUMER_RULES>;
