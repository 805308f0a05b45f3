import type { BROKER_RULES } from '../en/rules-broker';
import type { Translation } from '../placeholders';

/** Broker 阶段规则的简体中文文本。 English: ../en/rules-broker.ts. */
export const BROKER_RULES_ZH_CN = {
  'broker/unclean-leader-election.description': 'unclean.leader.election.enable=true（在 Broker 或主题上设置，或 Kafka 0.11 之前的默认值）：不同步的副本可能成为领导者副本。',
  'broker/replication-factor-too-low.description': '副本因子小于 3（主题、新主题的默认值，或内部的位移主题、事务状态主题和共享状态主题）。',
  'broker/min-insync-replicas-too-low.description': 'min.insync.replicas（或事务状态主题、共享状态主题的最小 ISR）小于 2：仅领导者副本一个就能满足 acks=all。',
  'broker/replication-factor-not-above-min-insync.description': '同一文件中副本因子不大于它的 min.insync.replicas：一个 Broker 宕机，acks=all 的写入就会停止（副本因子更小时，所有写入都会停止）。',
  'broker/log-dirs-in-tmp.description': 'log.dirs、log.dir 或 metadata.log.dir 位于 /tmp 下（示例配置如此，log.dir 的默认值也是如此）。',
  'broker/replication-factor-above-broker-count.description': '副本因子或 min.insync.replicas 大于文件为该集群给出的 Broker 数（Docker Compose 文件中的 Broker 服务、Strimzi 的 `replicas`）：Kafka 无法放置或保持这么多副本。',
  'broker/replication-factor-above-broker-count.rf': 'Broker 阶段：{key}={value}，但此集群的 Broker 数为 {brokers}：Kafka 无法在其上放置 {value} 个副本，因此{consequence}；请增加 Broker，或把 {key} 降到不超过 {brokers}。',
  'broker/replication-factor-above-broker-count.isr': 'Broker 阶段：{key}={value}，但此集群的 Broker 数为 {brokers}：同步副本（ISR）永远不会超过 {brokers} 个，因此{consequence}；请增加 Broker，或把 {key} 降到不超过 {brokers}。',
  'broker/replication-factor-above-broker-count.default': 'Broker 阶段：未设置 {key}，{source} 默认使用 {key}={value}，但此集群的 Broker 数为 {brokers}，因此{consequence}；请把 {key} 设为不超过 {brokers}，或增加 Broker。',
  'broker/replication-factor-above-broker-count.rf.topics': '未单独指定副本因子的主题（包括自动创建的主题）无法创建，向它们写入的生产者会失败',
  'broker/replication-factor-above-broker-count.rf.topic': '该主题无法以这么多副本创建',
  'broker/replication-factor-above-broker-count.rf.offsets': '`__consumer_offsets` 主题无法创建：消费者组既无法加入，也无法提交位移',
  'broker/replication-factor-above-broker-count.rf.transactions': '`__transaction_state` 主题无法创建：事务生产者无法启动',
  'broker/replication-factor-above-broker-count.rf.shareState': '共享组状态主题无法创建：共享组无法消费',
  'broker/replication-factor-above-broker-count.isr.writes': '每次 acks=all 写入都会以 NOT_ENOUGH_REPLICAS 失败，不处理该错误的生产者会丢失这些消息',
  'broker/replication-factor-above-broker-count.isr.transactions': '写入事务状态会失败，事务生产者无法提交',
  'broker/replication-factor-above-broker-count.isr.shareState': '写入共享组状态会失败',
  'broker/replication-factor-above-broker-count.fix.lower': '设置 {key}={value}（与 Broker 数相同）',
  'broker/replication-factor-above-broker-count.fix.add': '添加 {key}={value}（与 Broker 数相同）',
} as const satisfies Translation<typeof BROKER_RULES>;
