import type { PRODUCER_RULES } from '../en/rules-producer';
import type { Translation } from '../placeholders';

/** 生产者阶段规则的简体中文文本。English: ../en/rules-producer.ts. */
export const PRODUCER_RULES_ZH_CN = {
  'producer/acks-zero.description': 'acks=0：生产者不等待 Broker 的任何确认（发后即焚）。',
  'producer/acks-zero.loss': '生产者永远无从得知 Broker 是否存下了消息：任何发送失败的消息都会静默丢失',
  'producer/acks-zero.set': '生产者阶段：{key}=0 时{loss}；请改用 {key}=all。',
  'producer/acks-zero.default': '生产者阶段：{defaults}，因此{loss}；请设置 acks=all。',

  'producer/acks-leader-only.description': 'acks=1（显式设置，或 Kafka 3.0 之前以及部分客户端库的默认值）：发送成功时只有领导者副本写入了消息。',
  'producer/acks-leader-only.loss': '若领导者副本在追随者副本复制消息之前发生故障，只有它写入过的消息就会丢失',
  'producer/acks-leader-only.set': '生产者阶段：{key}=1 时领导者副本一写入，Broker 就确认发送成功，因此{loss}；请改用 {key}=all。',
  'producer/acks-leader-only.default': '生产者阶段：{defaults}，因此{loss}；请设置 acks=all。',

  'producer/retries-disabled.description': 'retries=0（显式设置，或 Kafka 2.1 之前的默认值）：Broker 的瞬时错误会让发送直接失败，而不是重试。',
  'producer/retries-disabled.loss':
    '第一次瞬时错误（领导者副本切换、请求超时、同步副本不足）就会让消息彻底发送失败，除非应用处理了这个失败，否则消息就丢失了',
  'producer/retries-disabled.set': '生产者阶段：{key}=0 时{loss}；请保持 retries 不设置，用 delivery.timeout.ms 限制重试的总时长。',
  'producer/retries-disabled.default': '生产者阶段：{defaults}，因此{loss}；请显式设置 retries。',

  'producer/idempotence-disabled.description':
    'enable.idempotence=false，或 acks 不为 all、retries=0、在途请求超过 5 个，导致默认开启的幂等性被静默关闭。',
  'producer/idempotence-disabled.refusedAtStart':
    '生产者阶段：{library} 默认开启幂等写入，此时不接受 {setting}（{call} 返回 `{error}`），因此客户端根本不会被创建，也发不出任何消息；请改用 acks=all（或添加 {optOut}，并接受发送只由领导者副本确认、甚至没有任何 Broker 确认）。',
  'producer/idempotence-disabled.transactionalRefused':
    '生产者阶段：{library} 不接受在关闭幂等写入的同时使用事务 ID（{call} 返回 `{error}`），因此事务客户端根本不会被创建，也发不出任何消息；请去掉关闭幂等的选项。',
  'producer/unhandled-send.description': '发送结果无人检查（没有回调、没有 await、没有 get()）：发送失败被静默丢弃。',
  'producer/close-without-flush.description': '调用 Close() 之前没有调用 Flush()：仍缓存在客户端中的消息会被丢弃。',
  'producer/idempotence-disabled.duplicates': '一次重试的发送可能被写入两次或乱序，而丢弃“看似重复”消息的消费者逻辑可能会丢掉一条真实的消息',
  'producer/idempotence-disabled.configError': '配置错误',
  'producer/idempotence-disabled.refusesExplicit':
    '生产者阶段：{library} 不接受 enable.idempotence=true 与 {setting} 同时出现（{error}），因此生产者根本不会被创建，什么也发送不了。',
  'producer/idempotence-disabled.transactionalOff':
    '生产者阶段：Kafka 不接受 transactional.id 与 {key}=false 同时出现（ConfigException），因此事务型生产者根本不会被创建，什么也发送不了{blockers}。',
  'producer/idempotence-disabled.off': '生产者阶段：{key}=false 会关闭幂等写入，因此{duplicates}{blockers}。',
  'producer/idempotence-disabled.blockers': '（要开启它，还需要{changes}）',
  'producer/idempotence-disabled.changed': '修改 {key}',
  'producer/idempotence-disabled.transactionalConflict':
    '生产者阶段：Kafka 不接受事务型生产者上的 {setting}，因为事务型生产者需要幂等性（ConfigException），因此生产者根本不会被创建，什么也发送不了。',
  'producer/idempotence-disabled.streamsExactlyOnce':
    '生产者阶段：processing.guarantee={guarantee} 时 Kafka Streams 会让其生产者开启幂等并使用事务，而 Kafka 在这种情况下拒绝 {setting}（ConfigException），因此 Kafka Streams 无法创建生产者，应用什么也处理不了。',
  'producer/idempotence-disabled.refusesDefault':
    '生产者阶段：在默认开启幂等性时，{source} 不接受 {setting}（自 4.0 起抛出 ConfigException），因此生产者根本不会被创建，什么也发送不了。',
  'producer/idempotence-disabled.silent': '生产者阶段：{setting} 会静默关闭幂等性（{source} 默认开启了它），因此{duplicates}。',
  'producer/unhandled-send.fact': '生产者阶段：{detail}',
  'producer/close-without-flush.fact': '生产者阶段：{detail}',
} as const satisfies Translation<typeof PRODUCER_RULES>;
