/** English texts of the broker-stage rules (`core/rules/broker/`). Twin: ../zh-cn/rules-broker.ts. */
export const BROKER_RULES = {
  'broker/unclean-leader-election.description': 'unclean.leader.election.enable=true (set on the broker or topic, or the default before Kafka 0.11): an out-of-sync replica may become leader.',
  'broker/replication-factor-too-low.description': 'A replication factor below 3 (topics, the default for new topics, or the internal offsets, transaction and share-state topics).',
  'broker/min-insync-replicas-too-low.description': 'min.insync.replicas (or the transaction/share state topic min ISR) below 2: acks=all can be satisfied by the leader alone.',
  'broker/replication-factor-not-above-min-insync.description': 'A replication factor not above its min.insync.replicas in the same file: one broker down stops acks=all writes (or every write, when it is below).',
  'broker/log-dirs-in-tmp.description': 'log.dirs, log.dir or metadata.log.dir under /tmp (as in the sample configs, and the default log.dir).',
} as const;
