import type { CONFIG_RULES } from '../en/rules-config';
import type { Translation } from '../placeholders';

/** 文件规范类规则的简体中文文本。 English: ../en/rules-config.ts. */
export const CONFIG_RULES_ZH_CN = {
  'config/duplicate-key.description': '同一文件中一个配置项设置了两次：后面的值会静默覆盖读者先看到的那个值。',
  'config/invalid-value.description': 'Kafka 启动时会拒绝的值（acks=2、enable.auto.commit=yes、非数字或过小的副本因子）。',
  'config/unknown-key.description': 'Kafka .properties 文件中 Kafka 不认识的配置项（常是拼写错误），并给出最接近的已知配置项。',
  'config/syntax-error.description': 'Kafka 无法加载的文本（格式错误的 \\u 转义、无效的 YAML）。',
  'config/duplicate-key.set': '{stage}：{name} 在第 {line} 行又被设置了一次，后面的值（{winner}）生效，因此这里的值（{earlier}）被忽略。',
  'config/duplicate-key.empty': '空',
  'config/duplicate-key.related': '{key} 在这里再次被设置，这个值生效。',
  'config/duplicate-key.fix': '删除前面的 {key}（第 {line} 行）',
  'config/invalid-value.set':
    '{stage}：Kafka 会以 ConfigException 拒绝 {key}={value}（它{reason}），因此{consequence}。',
  'config/invalid-value.producer': '生产者根本不会被创建，什么也发送不了',
  'config/invalid-value.consumer': '消费者根本不会被创建，什么也读不到',
  'config/invalid-value.broker': 'Broker 无法启动',
  'config/invalid-value.topic': '无法用它创建或修改主题',
  'config/invalid-value.other': '读取它的客户端或 Broker 无法启动',
  'config/unknown-key.suggest': '{stage}：Kafka 不认识 {key}，只会在日志中把它记为未使用，因此这项设置永远不会生效；你是不是想写 {suggestion}？',
  'config/unknown-key.plain': '配置：Kafka 不认识 {key}，只会在日志中把它记为未使用，因此这项设置永远不会生效。',
  'config/unknown-key.fix': '改为 {key}',
  'validate.notString': '只接受字符串，而代码放入的是 {valueClass}',
  'validate.oneOf': '必须是 {values} 之一',
  'validate.atLeast': '不能小于 {min}',
  'validate.atMost': '不能大于 {max}',
  'validate.whole': '必须是整数（{type}）',
  'validate.outOfRangeAn': '超出了 {type} 的取值范围',
  'validate.outOfRangeA': '超出了 {type} 的取值范围',
  'validate.boolean': '必须是 true 或 false',
  'validate.number': '必须是数字',
  'validate.listElement': '包含 {element}，但每个元素都{rule}',
  'validate.emptyElement': '一个空元素',
  'parse.unicodeEscape': '格式错误的 \\uXXXX 转义：Java 的 Properties.load 会拒绝整个文件（"\\u" 后面必须跟四个十六进制数字）。',
  'parse.yaml': 'YAML 语法错误：{detail}',
  'parse.json': 'JSON 语法错误：{detail}',
} as const satisfies Translation<typeof CONFIG_RULES>;
