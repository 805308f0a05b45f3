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
  'broker/log-dirs-in-tmp.loss': '/tmp 常在重启时被清空（tmpfs、临时文件清理程序），存放在那里的分区也会随之消失',
  'broker/log-dirs-in-tmp.set': 'Broker 阶段：{key} 把 {path} 放在 /tmp 下，但{loss}；请使用持久化的目录。',
  'broker/log-dirs-in-tmp.default':
    'Broker 阶段：log.dirs 和 log.dir 都未设置时，Kafka 把分区存放在默认目录 {path} 中，但{loss}；请把 log.dirs 设为持久化的目录。',
  'broker/min-insync-replicas-too-low.write.min.insync.replicas': 'acks=all 的写入',
  'broker/min-insync-replicas-too-low.write.transaction.state.log.min.isr': '事务状态的写入',
  'broker/min-insync-replicas-too-low.write.share.coordinator.state.topic.min.isr': '共享组状态的写入',
  'broker/min-insync-replicas-too-low.consequence':
    '{write}只要领导者副本一个写入就会被确认：当同步副本集合缩小到只剩领导者副本、而该 Broker 又发生故障时，已确认的消息就会丢失',
  'broker/min-insync-replicas-too-low.set': 'Broker 阶段：{key}={value} 时，{consequence}；请改为 {safe}，并把副本因子设为 3。',
  'broker/min-insync-replicas-too-low.default': 'Broker 阶段：{defaults}，因此{consequence}；请把它设为 {safe}。',
  'broker/replication-factor-not-above-min-insync.below':
    'Broker 阶段：{rfKey}={rf} 小于 {isrKey}={isr}，同步副本集合永远不可能足够大，每一次 acks=all 的写入都会被拒绝；不处理这个错误的生产者会丢失这些消息。',
  'broker/replication-factor-not-above-min-insync.equal':
    'Broker 阶段：{rfKey}={rf} 等于 {isrKey}={isr}，只要一个 Broker 宕机（哪怕是滚动重启），acks=all 的写入就会失败；不处理这个错误的生产者会丢失这些消息。',
  'broker/replication-factor-not-above-min-insync.related': '{key} 在这里被设为 {value}。',
  'broker/replication-factor-too-low.what.default.replication.factor': '所有未显式指定副本因子而创建的主题中的消息',
  'broker/replication-factor-too-low.what.replication.factor': '这个主题的消息',
  'broker/replication-factor-too-low.what.offsets.topic.replication.factor':
    '已提交的消费者位移（消费者组随后会按 auto.offset.reset 重新开始消费）',
  'broker/replication-factor-too-low.what.transaction.state.log.replication.factor': '事务状态（进行中的事务将无法完成）',
  'broker/replication-factor-too-low.what.share.coordinator.state.topic.replication.factor': '共享组的投递状态',
  'broker/replication-factor-too-low.what.config.storage.replication.factor': 'Connect 集群保存的连接器配置（连接器和任务将无法再启动）',
  'broker/replication-factor-too-low.what.offset.storage.replication.factor':
    '源连接器已提交的位移（它们随后会从头重新读取数据源，或跳过数据源已不再保留的数据）',
  'broker/replication-factor-too-low.what.status.storage.replication.factor': '连接器和任务的状态',
  'broker/replication-factor-too-low.what.errors.deadletterqueue.topic.replication.factor': '连接器无法处理、只保存在死信队列中的消息',
  'broker/replication-factor-too-low.single': '只有一份副本：一个 Broker 的磁盘损坏就会丢失{what}',
  'broker/replication-factor-too-low.few': '只有 {rf} 份副本：一个 Broker 宕机后，{what}就没有多余的副本了，再出一次故障就会丢失它们',
  'broker/replication-factor-too-low.set': 'Broker 阶段：{key}={value} 时{consequence}；请改为 {safe}。',
  'broker/replication-factor-too-low.default': 'Broker 阶段：{defaults}，因此{consequence}；请把它设为 {safe}。',
  'broker/unclean-leader-election.loss': '一个已经不同步的副本可能成为领导者副本，而它从未复制到的每一条已确认消息，都会在其他副本上被截断删除',
  'broker/unclean-leader-election.set': 'Broker 阶段：{key}=true 时，{loss}。',
  'broker/unclean-leader-election.default': 'Broker 阶段：{defaults}，因此{loss}；请把它设为 false。',
  'broker/single-broker-cluster.description':
    '显然只配置了一个 Broker 的集群的 Broker 文件（Kafka 的单节点示例、只有一个 Broker 服务的 Docker Compose 文件、只有一个副本的 Strimzi 集群）：用一条汇总列出没有任何冗余的设置。',
  'broker/single-broker-cluster.message':
    'Broker 阶段：此文件配置的是单 Broker 集群（{evidence}）：{count} 项设置没有任何冗余：{settings}。这个 Broker 停止时，整个集群随之停止；它的磁盘丢失时，其上的所有消息、已提交的位移和事务状态都会丢失。只适合本地开发：生产集群至少需要 3 个 Broker，副本因子为 3，最小同步副本（ISR）数为 2。',
  'broker/single-broker-cluster.evidence.brokers': '文件只运行一个 Broker',
  'broker/single-broker-cluster.evidence.voter': '{key} 把这个同时担任 Broker 和控制器的节点列为唯一的投票者',
  'broker/single-broker-cluster.evidence.internal': '副本因子被设为 1，与 Kafka 的单节点示例文件相同',
  'broker/single-broker-cluster.setting.set': '{key}={value}',
  'broker/single-broker-cluster.setting.unset': '{key}（未设置：{value}）',
  'broker/single-broker-cluster.setting.voter': '{key}（只有一个控制器：集群元数据只有一份副本）',
  'broker/single-broker-cluster.related': '{setting}：没有任何冗余。',
} as const satisfies Translation<typeof BROKER_RULES>;
