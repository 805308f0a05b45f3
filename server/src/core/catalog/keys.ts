import type { KeyDoc } from './types';
import { kafkaDefaultsHistory } from './history';

/**
 * The key catalog: what each Kafka key does, in our own words, with its type and valid values.
 * Facts come from ../shared/kafka-facts.md; defaults come from defaults.ts so they are stated once.
 */
export const KEYS: readonly KeyDoc[] = [
  {
    key: 'acks',
    aliases: ['request.required.acks'],
    roles: ['producer'],
    type: 'string',
    validValues: ['all', '-1', '0', '1'],
    stage: 'producer',
    summary: 'How many replicas must have the record before the broker acknowledges a send.',
    loss: '0 never waits for the broker; 1 waits for the leader only, so a record the followers have not copied yet is gone if the leader dies.',
    safe: 'all (with min.insync.replicas=2 on the topic)',
    defaults: kafkaDefaultsHistory('acks'),
  },
];
