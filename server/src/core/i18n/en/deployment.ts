/**
 * English texts of the deployment model and the cross-file rules (`core/deployment/`, the rules with
 * `scope: 'deployment'`). Twin: ../zh-cn/deployment.ts.
 */
export const DEPLOYMENT = {
  // What decides a value, how a group was placed in a cluster, lists.
  'deployment.setting.set': '{file} sets {key}={value}',
  'deployment.setting.default': '{file} leaves {key} unset, so the {source} default of {value} applies',
  'deployment.link.cluster': 'cluster {name}',
  'deployment.link.bootstrap': 'the cluster at {address} ({files})',
  'deployment.link.file': 'the cluster in this file',
  'deployment.link.folder': 'the cluster of {files}, the nearest broker configuration',
  'deployment.link.none': 'an unknown cluster',
  'deployment.why.bootstrap': 'the cluster at {address}',
  'deployment.why.folder': 'the nearest broker configuration to this file',
  'deployment.ambiguity.one': ' It may also use the cluster of {names}: nothing in the files says which.',
  'deployment.ambiguity.many': ' It may also use the clusters of {names}: nothing in the files says which.',
  'deployment.list.separator': ', ',
  'deployment.list.last': '{rest} and {last}',
  'deployment.list.more': '{count} more',
  'deployment.reasons.separator': '; ',
  'deployment.topic.one': 'topic {name}',
  'deployment.topic.many': 'topics {names}',
  'deployment.producerLink': ' This producer writes to {cluster}.',
  'deployment.related.writesTopic': 'writes to topic {topic} here',
  'deployment.related.readsTopic': 'reads topic {topic} here',
  'deployment.related.broker': 'the broker answering on {address}',
  'deployment.related.set': '{key}={value} is set here',
  'deployment.related.default': '{key} is not set here: the default of {value} applies',
  'deployment.fix.setIn': 'Set {key}={value} in {file}',
  'deployment.ruleFailed': 'cross-file rule {id} failed ({error}); please report this',
  'deployment.cli.related': 'related',
  // The editor's progress while the server reads the workspace folders for the deployment model.
  'deployment.progress.begin': 'reading {count} workspace files',
  'deployment.progress.report': '{done} of {total} files',

  'producer/acks-all-without-min-isr.description':
    'A producer with acks=all (set or by default) writing to a topic or cluster whose min.insync.replicas is 1 (set or by default), in another file: acks=all degrades to leader-only.',
  'producer/acks-all-without-min-isr.acks.set': 'acks={value} waits only for the replicas that are in sync',
  'producer/acks-all-without-min-isr.acks.default': '{source} defaults acks to all, which waits only for the replicas that are in sync',
  'producer/acks-all-without-min-isr.topic': 'topic {topic} has min.insync.replicas={value} ({file})',
  'producer/acks-all-without-min-isr.topicFromBrokers': 'topic {topic} ({file}) takes its min.insync.replicas from the brokers, and {setting}',
  'producer/acks-all-without-min-isr.cluster': '{setting} for the topics that do not set their own',
  'producer/acks-all-without-min-isr.message':
    'Producer stage: {acks}, and {reasons}: once the in-sync set has shrunk to the leader, the leader alone acknowledges each send and the record is lost if that broker fails, so acks=all is no stronger than acks=1 here; set min.insync.replicas=2 with a replication factor of 3.{link}{unsure}',

  'producer/record-larger-than-broker-accepts.description':
    'A producer max.request.size (librdkafka message.max.bytes, Sarama Producer.MaxMessageBytes, franz-go ProducerBatchMaxBytes) above what its topic (max.message.bytes) or brokers (message.max.bytes) accept, in another file.',
  'producer/record-larger-than-broker-accepts.size.set': '{key}={bytes} lets this producer send requests of up to {bytes} bytes',
  'producer/record-larger-than-broker-accepts.size.default': '{source} lets this producer send requests of up to {bytes} bytes ({key} is not set)',
  'producer/record-larger-than-broker-accepts.accepts.topic': 'topic {topic} accepts batches of at most {bytes} bytes ({file} sets max.message.bytes={bytes})',
  'producer/record-larger-than-broker-accepts.accepts.brokers': 'the brokers accept batches of at most {bytes} bytes ({setting})',
  'producer/record-larger-than-broker-accepts.accepts.topicFromBrokers':
    'topic {topic} ({file}) takes its limit from the brokers, and the brokers accept batches of at most {bytes} bytes ({setting})',
  'producer/record-larger-than-broker-accepts.compressed': ' The broker checks the batch after compression, so compressed batches may still fit.',
  'producer/record-larger-than-broker-accepts.raise.topic': 'the topic max.message.bytes',
  'producer/record-larger-than-broker-accepts.raise.brokers': 'message.max.bytes on the brokers',
  'producer/record-larger-than-broker-accepts.message':
    'Producer stage: {size}, but {accepts}, so the broker refuses a larger record batch with RecordTooLargeException; that error is not retried and the records are lost unless the send result is checked. Lower {key} to at most {limit} or raise {raise}.{compressed}{link}',
  'producer/record-larger-than-broker-accepts.followers':
    'Producer stage: {size} and {accepts}, but {fetch}: before Kafka 0.10.1 a follower cannot fetch a batch larger than that, so a batch between {fetchBytes} and {accepted} bytes is acknowledged by the leader alone, stalls replication, and is lost if that broker fails; keep {key} at most {fetchBytes} or raise replica.fetch.max.bytes on the brokers.',
  'producer/record-larger-than-broker-accepts.related.fetch': 'replica.fetch.max.bytes={bytes} applies here',
  'producer/record-larger-than-broker-accepts.related.limit': 'the limit of {bytes} bytes',

  'broker/topic-overrides-safe-broker.description':
    'A topic config that weakens what its brokers set in another file: unclean leader election turned on, a lower min.insync.replicas, a replication factor below the broker default.',
  'broker/topic-overrides-safe-broker.unclean':
    "Broker stage: {setting} turns unclean leader election back on for topic {topic} although {file} sets {key}={value} for the cluster ({why}): a replica that fell out of sync can become leader of this topic, and the acknowledged records it never copied are truncated away; remove the override so that the topic keeps the cluster's {value}.{unsure}",
  'broker/topic-overrides-safe-broker.minIsr':
    "Broker stage: {setting} on topic {topic} is below the {key}={value} that {file} sets for the cluster ({why}): an acks=all write to this topic is acknowledged by fewer replicas than the cluster requires, and is lost if those fail; use at least the cluster's {value}.{unsure}",
  'broker/topic-overrides-safe-broker.rf':
    "Broker stage: {setting} on topic {topic} is below the {key}={value} that {file} sets for the cluster ({why}): this topic keeps fewer copies of each record than the cluster gives other topics, so losing fewer brokers loses its records; use at least the cluster's {value}.{unsure}",
  'broker/topic-overrides-safe-broker.related': '{key}={value} is set here for the cluster',
  'broker/topic-overrides-safe-broker.fix.remove': 'Remove the {key} override',

  'consumer/reads-aborted-transactions.description':
    'A consumer with isolation.level=read_uncommitted (set or by default) reading a topic that a transactional producer in another file writes: it also gets the records of aborted transactions.',
  'consumer/reads-aborted-transactions.set':
    'Consumer stage: isolation.level={value} hands this consumer every record of {topics}, which the transactional producer of {producers} writes, including records of transactions that are later aborted: it processes writes the producer took back; set isolation.level=read_committed.',
  'consumer/reads-aborted-transactions.default':
    'Consumer stage: {source} defaults isolation.level to read_uncommitted and this consumer leaves it unset, so it gets every record of {topics}, which the transactional producer of {producers} writes, including records of transactions that are later aborted: it processes writes the producer took back; set isolation.level=read_committed.',
  'consumer/reads-aborted-transactions.related.producer': 'transactional producer (transactional.id) writing {topics}',
} as const;
