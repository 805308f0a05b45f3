import type { REPORT } from '../en/report';
import type { Translation } from '../placeholders';

/** 消息路径报告的简体中文文本。English: ../en/report.ts. */
export const REPORT_ZH_CN = {
  'report.title': 'Kafka Lint：消息路径',

  'report.stage.producer': '生产者',
  'report.stage.broker': 'Broker',
  'report.stage.consumer': '消费者',
  'report.stage.config': '配置规范',

  'report.about.producer': '发送消息的客户端：acks、retries 和幂等性决定了 Broker 没有存下的发送能否被察觉并重试，代码也必须检查每次发送的结果。',
  'report.about.broker': '存储消息的集群：副本、min.insync.replicas 和领导者选举决定了已确认的消息能否在 Broker 故障后保住。',
  'report.about.consumer': '读取消息的客户端：位移在何时提交，决定了一次崩溃是否会跳过从未处理过的消息。',
  'report.about.config': '重复的键、Kafka 拒绝的值、未知的键和语法错误：它们不是消息路径上的阶段，但每一项都可能掩盖决定某个阶段的设置。',

  'report.status.fail': '会丢消息',
  'report.status.risk': '有风险',
  'report.status.ok': '未发现丢消息',
  'report.status.unseen': '未配置',

  'report.hygiene.fail': '有错误',
  'report.hygiene.risk': '有警告',
  'report.hygiene.ok': '无问题',
  'report.hygiene.unseen': '无可检查',
  'report.hygiene.sideNote': '附注',

  'report.legend.fail': '会丢消息：有错误级别的问题',
  'report.legend.risk': '有风险：有警告',
  'report.legend.ok': '未发现丢消息：最多只有信息级别的问题',
  'report.legend.unseen': '所读文件中没有配置',

  'report.severity.error': '错误',
  'report.severity.warning': '警告',
  'report.severity.info': '信息',
  'report.severity.hint': '提示',

  'report.count.error.one': '{count} 个错误',
  'report.count.error.other': '{count} 个错误',
  'report.count.warning.one': '{count} 个警告',
  'report.count.warning.other': '{count} 个警告',
  'report.count.info.one': '{count} 条信息',
  'report.count.info.other': '{count} 条信息',
  'report.count.hint.one': '{count} 条提示',
  'report.count.hint.other': '{count} 条提示',
  'report.count.separator': '，',
  'report.count.none': '没有问题',

  'report.summary.files.one': '检查了 {checked} 个文件，其中 {kafka} 个含 Kafka 配置或代码',
  'report.summary.files.other': '检查了 {checked} 个文件，其中 {kafka} 个含 Kafka 配置或代码',
  'report.summary.defaults': '默认值按 Kafka {versions}',
  'report.summary.part': '{name}：{status}',
  'report.summary.partCounts': '{name}：{status}（{counts}）',

  'report.heading.rules': '规则',
  'report.heading.findings': '问题',
  'report.heading.settings': '决定这一阶段的设置',

  'report.column.rule': '规则',
  'report.column.severity': '级别',
  'report.column.count': '次数',
  'report.column.what': '检查内容',
  'report.column.where': '位置',
  'report.column.line': '行',
  'report.column.explanation': '为何会丢消息',
  'report.column.key': '键',
  'report.column.value': '值',
  'report.column.source': '来源',

  'report.source.explicit': '显式设置',
  'report.source.kafka': '默认值（Kafka {version}）',
  'report.source.kafkaIdempotenceOff': '默认值（Kafka {version}；已关闭，因为 acks、retries 或 max.in.flight.requests.per.connection 的设置与之冲突）',
  'report.source.library': '默认值（{library}）',
  'report.source.libraryVersion': '默认值（{library} {version}）',
  'report.source.libraryNewest': '默认值（{library} 的最新版本；各版本不同）',
  'report.source.springContainer': '默认值（Spring 监听器容器）',

  'report.noSettings': '所读文件中没有这一阶段的设置。',
  'report.unseen': '所读文件中没有一个配置了这一阶段，因此报告无法判断它是否安全。',
  'report.generatedBy': '由 Kafka Lint {version} 生成',

  'report.cli.wrote': '已写入 {file}',
  'report.cli.cannotWrite': '无法写入 {file}（{reason}）',
} as const satisfies Translation<typeof REPORT>;
