import type { CONFIG_RULES } from '../en/rules-config';
import type { Translation } from '../placeholders';

/** 文件规范类规则的简体中文文本。 English: ../en/rules-config.ts. */
export const CONFIG_RULES_ZH_CN = {
  'config/duplicate-key.description': '同一文件中一个配置项设置了两次：后面的值会静默覆盖读者先看到的那个值。',
  'config/invalid-value.description': 'Kafka 启动时会拒绝的值（acks=2、enable.auto.commit=yes、非数字或过小的副本因子）。',
  'config/unknown-key.description': 'Kafka .properties 文件中 Kafka 不认识的配置项（常是拼写错误），并给出最接近的已知配置项。',
  'config/syntax-error.description': 'Kafka 无法加载的文本（格式错误的 \\u 转义、无效的 YAML）。',
} as const satisfies Translation<typeof CONFIG_RULES>;
