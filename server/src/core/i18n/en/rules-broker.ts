/** English texts of the broker-stage rules (`core/rules/broker/`). Twin: ../zh-cn/rules-broker.ts. */
export const BROKER_RULES = {
  'broker/unclean-leader-election.description': 'unclean.leader.election.enable=true (set on the broker or topic, or the default before Kafka 0.11): an out-of-sync replica may become leader.',
  'broker/replication-factor-too-low.description': 'A replication factor below 3 (topics, the default for new topics, or the internal offsets, transaction and share-state topics).',
  'broker/min-insync-replicas-too-low.description': 'min.insync.replicas (or the transaction/share state topic min ISR) below 2: acks=all can be satisfied by the leader alone.',
  'broker/replication-factor-not-above-min-insync.description': 'A replication factor not above its min.insync.replicas in the same file: one broker down stops acks=all writes (or every write, when it is below).',
  'broker/log-dirs-in-tmp.description': 'log.dirs, log.dir or metadata.log.dir under /tmp (as in the sample configs, and the default log.dir).',
  'broker/replication-factor-above-broker-count.description': 'A replication factor or min.insync.replicas above the number of brokers the file gives the cluster (compose broker services, Strimzi replicas): Kafka cannot place or keep that many copies.',
  'broker/replication-factor-above-broker-count.rf': 'Broker stage: {key}={value}, but the number of brokers in this cluster is {brokers}: Kafka cannot place {value} replicas on it, so {consequence}; add brokers, or lower {key} to at most {brokers}.',
  'broker/replication-factor-above-broker-count.isr': 'Broker stage: {key}={value}, but the number of brokers in this cluster is {brokers}: no more than {brokers} replicas can ever be in sync, so {consequence}; add brokers, or lower {key} to at most {brokers}.',
  'broker/replication-factor-above-broker-count.default': 'Broker stage: {key} is unset, and {source} defaults it to {value}, but the number of brokers in this cluster is {brokers}, so {consequence}; set {key} to at most {brokers}, or add brokers.',
  'broker/replication-factor-above-broker-count.rf.topics': 'topics created without a replication factor of their own (auto-created ones too) cannot be created, and producers writing to them fail',
  'broker/replication-factor-above-broker-count.rf.topic': 'the topic cannot be created with that many replicas',
  'broker/replication-factor-above-broker-count.rf.offsets': 'the `__consumer_offsets` topic cannot be created: consumer groups can neither join nor commit offsets',
  'broker/replication-factor-above-broker-count.rf.transactions': 'the `__transaction_state` topic cannot be created: transactional producers cannot start',
  'broker/replication-factor-above-broker-count.rf.shareState': 'the share-group state topic cannot be created: share groups cannot consume',
  'broker/replication-factor-above-broker-count.isr.writes': 'every acks=all write fails with NOT_ENOUGH_REPLICAS, and producers that do not handle the error lose those records',
  'broker/replication-factor-above-broker-count.isr.transactions': 'writes to the transaction state fail and transactional producers cannot commit',
  'broker/replication-factor-above-broker-count.isr.shareState': 'writes to the share-group state fail',
  'broker/replication-factor-above-broker-count.fix.lower': 'Set {key}={value} (as many as there are brokers)',
  'broker/replication-factor-above-broker-count.fix.add': 'Add {key}={value} (as many as there are brokers)',
  'broker/log-dirs-in-tmp.loss':
    '/tmp is often emptied on reboot (tmpfs, tmp cleaners), and the partitions stored there disappear with it',
  'broker/log-dirs-in-tmp.set':
    'Broker stage: {key} puts {path} under /tmp, but {loss}; use a persistent directory.',
  'broker/log-dirs-in-tmp.default':
    'Broker stage: with neither log.dirs nor log.dir set, Kafka stores partitions in its default {path}, but {loss}; set log.dirs to a persistent directory.',
  'broker/min-insync-replicas-too-low.write.min.insync.replicas': 'an acks=all write',
  'broker/min-insync-replicas-too-low.write.transaction.state.log.min.isr': 'a transaction state write',
  'broker/min-insync-replicas-too-low.write.share.coordinator.state.topic.min.isr':
    'a share-group state write',
  'broker/min-insync-replicas-too-low.consequence':
    '{write} is acknowledged once the leader alone has it: when the in-sync set has shrunk to the leader and that broker fails, acknowledged records are lost',
  'broker/min-insync-replicas-too-low.set':
    'Broker stage: with {key}={value} {consequence}; use {safe} with a replication factor of 3.',
  'broker/min-insync-replicas-too-low.default':
    'Broker stage: {defaults}, so {consequence}; set it to {safe}.',
  'broker/replication-factor-not-above-min-insync.below':
    'Broker stage: {rfKey}={rf} is below {isrKey}={isr}, so the in-sync set can never be large enough and every acks=all write is rejected; producers that do not handle the error lose those records.',
  'broker/replication-factor-not-above-min-insync.equal':
    'Broker stage: {rfKey}={rf} equals {isrKey}={isr}, so a single broker down (even a rolling restart) makes acks=all writes fail; producers that do not handle the error lose those records.',
  'broker/replication-factor-not-above-min-insync.related': '{key} is set to {value} here.',
  'broker/replication-factor-too-low.what.default.replication.factor':
    'the records of every topic created without an explicit replication factor',
  'broker/replication-factor-too-low.what.replication.factor': "this topic's records",
  'broker/replication-factor-too-low.what.offsets.topic.replication.factor':
    'the committed consumer offsets (groups then restart from auto.offset.reset)',
  'broker/replication-factor-too-low.what.transaction.state.log.replication.factor':
    'the transaction state (open transactions can no longer complete)',
  'broker/replication-factor-too-low.what.share.coordinator.state.topic.replication.factor':
    'the share-group delivery state',
  'broker/replication-factor-too-low.what.config.storage.replication.factor':
    "the Connect cluster's connector configurations (connectors and tasks no longer start)",
  'broker/replication-factor-too-low.what.offset.storage.replication.factor':
    "the source connectors' committed offsets (they then read their sources again from the start, or skip what the source no longer holds)",
  'broker/replication-factor-too-low.what.status.storage.replication.factor': 'the status of connectors and tasks',
  'broker/replication-factor-too-low.what.errors.deadletterqueue.topic.replication.factor':
    'the records the connector could not process, kept only in its dead letter queue',
  'broker/replication-factor-too-low.single': "a single copy exists: losing one broker's disk loses {what}",
  'broker/replication-factor-too-low.few':
    'only {rf} copies exist: one broker outage leaves {what} with no spare copy, and a second failure loses them',
  'broker/replication-factor-too-low.set': 'Broker stage: with {key}={value} {consequence}; use {safe}.',
  'broker/replication-factor-too-low.default':
    'Broker stage: {defaults}, so {consequence}; set it to {safe}.',
  'broker/unclean-leader-election.loss':
    'a replica that fell out of sync can become leader, and every acknowledged record it never copied is truncated away on the other replicas',
  'broker/unclean-leader-election.set': 'Broker stage: with {key}=true {loss}.',
  'broker/unclean-leader-election.default': 'Broker stage: {defaults}, so {loss}; set it to false.',
  'broker/single-broker-cluster.description':
    'A broker file that evidently configures a cluster of one broker (Kafka\'s single-node samples, one compose broker service, one Strimzi replica): one summary naming the settings that give no redundancy.',
  'broker/single-broker-cluster.message':
    'Broker stage: this file configures a single-broker cluster ({evidence}): {count} settings give no redundancy: {settings}. When this broker stops, the cluster stops; when its disk is lost, every record, committed offset and transaction state on it is lost. Fine for local development only: a production cluster needs at least 3 brokers, replication factors of 3 and a minimum ISR of 2.',
  'broker/single-broker-cluster.evidence.brokers': 'the file runs one broker',
  'broker/single-broker-cluster.evidence.voter': '{key} names this combined broker and controller as its only voter',
  'broker/single-broker-cluster.evidence.internal': 'its replication factors are set to 1, as in Kafka\'s single-node sample files',
  'broker/single-broker-cluster.setting.set': '{key}={value}',
  'broker/single-broker-cluster.setting.unset': '{key} (unset: {value})',
  'broker/single-broker-cluster.setting.voter': '{key} (one controller: the cluster metadata has a single copy)',
  'broker/single-broker-cluster.related': '{setting}: no redundancy.',
} as const;
