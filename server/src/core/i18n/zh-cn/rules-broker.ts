import type { BROKER_RULES } from '../en/rules-broker';
import type { Translation } from '../placeholders';

/** Broker 阶段规则的简体中文文本。 English: ../en/rules-broker.ts. */
export const BROKER_RULES_ZH_CN = {
  'broker/unclean-leader-election.description': 'unclean.leader.election.enable=true（在 Broker 或主题上设置，或 Kafka 0.11 之前的默认值）：不同步的副本可能成为领导者副本。',
  'broker/replication-factor-too-low.description': '副本因子小于 3（主题、新主题的默认值，或内部的位移主题、事务状态主题和共享状态主题）。',
  'broker/min-insync-replicas-too-low.description': 'min.insync.replicas（或事务状态主题、共享状态主题的最小 ISR）小于 2：仅领导者副本一个就能满足 acks=all。',
  'broker/replication-factor-not-above-min-insync.description': '同一文件中副本因子不大于它的 min.insync.replicas：一个 Broker 宕机，acks=all 的写入就会停止（副本因子更小时，所有写入都会停止）。',
  'broker/log-dirs-in-tmp.description': 'log.dirs、log.dir 或 metadata.log.dir 位于 /tmp 下（示例配置如此，log.dir 的默认值也是如此）。',
} as const satisfies Translation<typeof BROKER_RULES>;
