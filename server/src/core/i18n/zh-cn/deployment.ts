import type { DEPLOYMENT } from '../en/deployment';
import type { Translation } from '../placeholders';

/** 部署模型与跨文件规则的简体中文文本。English: ../en/deployment.ts. */
export const DEPLOYMENT_ZH_CN = {
  'deployment.setting.set': '{file} 设置了 {key}={value}',
  'deployment.setting.default': '{file} 未设置 {key}，因此使用 {source} 的默认值 {value}',
  'deployment.link.cluster': '集群 {name}',
  'deployment.link.bootstrap': '位于 {address} 的集群（{files}）',
  'deployment.link.file': '本文件中的集群',
  'deployment.link.folder': '{files} 所在的集群，即最近的 Broker 配置',
  'deployment.link.none': '未知的集群',
  'deployment.why.bootstrap': '位于 {address} 的集群',
  'deployment.why.folder': '离本文件最近的 Broker 配置',
  'deployment.ambiguity.one': '它也可能使用 {names} 所在的集群：文件中没有任何信息说明是哪一个。',
  'deployment.ambiguity.many': '它也可能使用 {names} 所在的那些集群：文件中没有任何信息说明是哪一个。',
  'deployment.list.separator': '、',
  'deployment.list.last': '{rest} 和 {last}',
  'deployment.list.more': '另外 {count} 个',
  'deployment.reasons.separator': '；',
  'deployment.topic.one': '主题 {name}',
  'deployment.topic.many': '主题 {names}',
  'deployment.producerLink': '该生产者写入{cluster}。',
  'deployment.related.writesTopic': '在此写入主题 {topic}',
  'deployment.related.readsTopic': '在此读取主题 {topic}',
  'deployment.related.broker': '监听 {address} 的 Broker',
  'deployment.related.set': '此处设置了 {key}={value}',
  'deployment.related.default': '此处未设置 {key}：使用默认值 {value}',
  'deployment.fix.setIn': '在 {file} 中设置 {key}={value}',
  'deployment.ruleFailed': '跨文件规则 {id} 执行失败（{error}）；请报告此问题',
  'deployment.cli.related': '相关',
  'deployment.progress.begin': '正在读取工作区的 {count} 个文件',
  'deployment.progress.report': '已读取 {done} 个文件，共 {total} 个',

  'producer/acks-all-without-min-isr.description':
    '生产者使用 acks=all（显式设置或默认值），而它写入的主题或集群在另一个文件中的 min.insync.replicas 为 1（显式设置或默认值）：acks=all 退化为只有领导者副本确认。',
  'producer/acks-all-without-min-isr.acks.set': 'acks={value} 只等待同步副本（ISR）',
  'producer/acks-all-without-min-isr.acks.default': '{source} 默认 acks 为 all，它只等待同步副本（ISR）',
  'producer/acks-all-without-min-isr.topic': '主题 {topic} 的 min.insync.replicas={value}（{file}）',
  'producer/acks-all-without-min-isr.topicFromBrokers': '主题 {topic}（{file}）的 min.insync.replicas 取自 Broker，而{setting}',
  'producer/acks-all-without-min-isr.cluster': '对于未自行设置的主题，{setting}',
  'producer/acks-all-without-min-isr.message':
    '生产者阶段：{acks}，而{reasons}：一旦同步副本（ISR）缩小到只剩领导者副本，每次发送都只由领导者副本确认，若该 Broker 发生故障，消息就会丢失，因此这里的 acks=all 并不比 acks=1 更可靠；请设置 min.insync.replicas=2，并把副本因子设为 3。{link}{unsure}',

  'producer/record-larger-than-broker-accepts.description':
    '生产者的 max.request.size（librdkafka 的 message.max.bytes、Sarama 的 Producer.MaxMessageBytes、franz-go 的 ProducerBatchMaxBytes）超过了另一个文件中其主题（max.message.bytes）或 Broker（message.max.bytes）所接受的大小。',
  'producer/record-larger-than-broker-accepts.size.set': '{key}={bytes} 允许该生产者发送最大 {bytes} 字节的请求',
  'producer/record-larger-than-broker-accepts.size.default': '{source} 允许该生产者发送最大 {bytes} 字节的请求（未设置 {key}）',
  'producer/record-larger-than-broker-accepts.accepts.topic': '主题 {topic} 只接受最大 {bytes} 字节的批次（{file} 设置了 max.message.bytes={bytes}）',
  'producer/record-larger-than-broker-accepts.accepts.brokers': 'Broker 只接受最大 {bytes} 字节的批次（{setting}）',
  'producer/record-larger-than-broker-accepts.accepts.topicFromBrokers': '主题 {topic}（{file}）的上限取自 Broker，而 Broker 只接受最大 {bytes} 字节的批次（{setting}）',
  'producer/record-larger-than-broker-accepts.compressed': 'Broker 检查的是压缩后的批次，因此压缩后的批次仍可能在上限之内。',
  'producer/record-larger-than-broker-accepts.raise.topic': '主题的 max.message.bytes',
  'producer/record-larger-than-broker-accepts.raise.brokers': 'Broker 上的 message.max.bytes',
  'producer/record-larger-than-broker-accepts.message':
    '生产者阶段：{size}，但{accepts}，因此 Broker 会以 RecordTooLargeException 拒绝更大的消息批次；该错误不会重试，除非检查了发送结果，否则这些消息就会丢失。请把 {key} 降到不超过 {limit}，或调高{raise}。{compressed}{link}',
  'producer/record-larger-than-broker-accepts.followers':
    '生产者阶段：{size}，且{accepts}，但{fetch}：Kafka 0.10.1 之前追随者副本无法拉取大于该值的批次，因此大小在 {fetchBytes} 到 {accepted} 字节之间的批次只由领导者副本确认，会让复制停滞，若该 Broker 发生故障就会丢失；请把 {key} 保持在不超过 {fetchBytes}，或调高 Broker 上的 replica.fetch.max.bytes。',
  'producer/record-larger-than-broker-accepts.related.fetch': '此处适用 replica.fetch.max.bytes={bytes}',
  'producer/record-larger-than-broker-accepts.related.limit': '{bytes} 字节的上限',

  'broker/topic-overrides-safe-broker.description':
    '主题配置削弱了其 Broker 在另一个文件中的设置：重新打开 Unclean 领导者选举、更低的 min.insync.replicas、低于 Broker 默认值的副本因子。',
  'broker/topic-overrides-safe-broker.unclean':
    'Broker 阶段：{setting} 为主题 {topic} 重新打开了 Unclean 领导者选举，而 {file} 为集群设置了 {key}={value}（{why}）：已失去同步的副本可能成为该主题的领导者副本，它从未复制到的已确认消息会被截断丢弃；请删除这项覆盖，让该主题沿用集群的 {value}。{unsure}',
  'broker/topic-overrides-safe-broker.minIsr':
    'Broker 阶段：主题 {topic} 上的 {setting} 低于 {file} 为集群设置的 {key}={value}（{why}）：写入该主题的 acks=all 消息由少于集群要求数量的副本确认，这些副本发生故障时消息就会丢失；请至少使用集群的 {value}。{unsure}',
  'broker/topic-overrides-safe-broker.rf':
    'Broker 阶段：主题 {topic} 上的 {setting} 低于 {file} 为集群设置的 {key}={value}（{why}）：该主题每条消息保存的份数少于集群给其他主题的份数，因此更少的 Broker 故障就会让它的消息丢失；请至少使用集群的 {value}。{unsure}',
  'broker/topic-overrides-safe-broker.related': '此处为集群设置了 {key}={value}',
  'broker/topic-overrides-safe-broker.fix.remove': '删除对 {key} 的覆盖',

  'consumer/reads-aborted-transactions.description':
    '消费者以 isolation.level=read_uncommitted（显式设置或默认值）读取另一个文件中的事务型生产者写入的主题：它也会收到已中止事务中的消息。',
  'consumer/reads-aborted-transactions.set':
    '消费者阶段：isolation.level={value} 会把 {topics} 的每条消息都交给该消费者，包括 {producers} 的事务型生产者写入、之后被中止的事务中的消息：它会处理生产者已撤回的写入；请设置 isolation.level=read_committed。',
  'consumer/reads-aborted-transactions.default':
    '消费者阶段：{source} 默认 isolation.level 为 read_uncommitted，而该消费者未设置它，因此它会收到 {topics} 的每条消息，包括 {producers} 的事务型生产者写入、之后被中止的事务中的消息：它会处理生产者已撤回的写入；请设置 isolation.level=read_committed。',
  'consumer/reads-aborted-transactions.related.producer': '写入 {topics} 的事务型生产者（transactional.id）',
} as const satisfies Translation<typeof DEPLOYMENT>;
