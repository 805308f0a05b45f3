/** English texts of the producer-stage rules (`core/rules/producer/`). Twin: ../zh-cn/rules-producer.ts. */
export const PRODUCER_RULES = {
  'producer/acks-zero.description': 'acks=0: the producer does not wait for any broker acknowledgement (fire and forget).',
  'producer/acks-zero.loss': 'the producer never learns whether the broker stored the record: any send that fails is lost silently',
  'producer/acks-zero.set': 'Producer stage: with {key}=0 {loss}; use {key}=all.',
  'producer/acks-zero.default': 'Producer stage: {defaults}, so {loss}; set acks=all.',

  'producer/acks-leader-only.description':
    'acks=1 (set, or the default before Kafka 3.0 and in some client libraries): only the leader has the record when the send succeeds.',
  'producer/acks-leader-only.loss': 'a record that only the leader has written is gone if that leader fails before a follower copies it',
  'producer/acks-leader-only.set': 'Producer stage: with {key}=1 the broker confirms the send as soon as the leader wrote it, so {loss}; use {key}=all.',
  'producer/acks-leader-only.default': 'Producer stage: {defaults}, so {loss}; set acks=all.',

  'producer/retries-disabled.description': 'retries=0 (set, or the default before Kafka 2.1): a transient broker error fails the send instead of retrying it.',
  'producer/retries-disabled.loss':
    'the first transient error (a leader change, a request timeout, too few in-sync replicas) fails the record for good, and it is lost unless the application handles the failure',
  'producer/retries-disabled.set': 'Producer stage: with {key}=0 {loss}; leave retries unset and bound retrying with delivery.timeout.ms.',
  'producer/retries-disabled.default': 'Producer stage: {defaults}, so {loss}; set retries explicitly.',

  'producer/idempotence-disabled.description':
    'enable.idempotence=false, or acks other than all, retries=0 or more than 5 in-flight requests silently switching the default idempotence off.',
  'producer/idempotence-disabled.refusedAtStart':
    'Producer stage: {library} refuses {setting} while its idempotent writes are on by default ({call} returns `{error}`), so the client is never created and sends nothing; use acks=all (or add {optOut} and accept that only the leader, or no broker, confirms a send).',
  'producer/idempotence-disabled.transactionalRefused':
    'Producer stage: {library} refuses a transactional ID with idempotent writes disabled ({call} returns `{error}`), so the transactional client is never created and sends nothing; remove the opt-out.',
  'producer/unhandled-send.description': 'A send whose result nobody checks (no callback, no await, no get()): failures are dropped silently.',
  'producer/close-without-flush.description': 'Close() with no Flush() before it: records still buffered in the client are dropped.',
  'producer/idempotence-disabled.duplicates':
    'a retried send can be written twice or out of order, and consumer logic that drops what looks like a duplicate can drop a real record',
  'producer/idempotence-disabled.configError': 'a configuration error',
  'producer/idempotence-disabled.refusesExplicit':
    'Producer stage: {library} refuses enable.idempotence=true together with {setting} ({error}), so the producer is never created and sends nothing.',
  'producer/idempotence-disabled.transactionalOff':
    'Producer stage: Kafka refuses transactional.id together with {key}=false (ConfigException), so the transactional producer is never created and sends nothing{blockers}.',
  'producer/idempotence-disabled.off':
    'Producer stage: {key}=false turns off idempotent writes, so {duplicates}{blockers}.',
  'producer/idempotence-disabled.blockers': ' (turning it on also needs {changes})',
  'producer/idempotence-disabled.changed': '{key} changed',
  'producer/idempotence-disabled.transactionalConflict':
    'Producer stage: Kafka refuses {setting} on a transactional producer, which needs idempotence (ConfigException), so the producer is never created and sends nothing.',
  'producer/idempotence-disabled.streamsExactlyOnce':
    'Producer stage: with processing.guarantee={guarantee} Kafka Streams makes its producers idempotent and transactional, and Kafka refuses {setting} with that (ConfigException), so Streams never creates its producers and the app processes nothing.',
  'producer/idempotence-disabled.refusesDefault':
    'Producer stage: {source} refuses {setting} while idempotence is on by default (ConfigException since 4.0), so the producer is never created and sends nothing.',
  'producer/idempotence-disabled.silent':
    'Producer stage: {setting} silently switches off the idempotence that {source} turns on by default, so {duplicates}.',
  'producer/unhandled-send.fact': 'Producer stage: {detail}',
  'producer/close-without-flush.fact': 'Producer stage: {detail}',
} as const;
