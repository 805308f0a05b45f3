import type { KeyDoc } from './types';
import { PRODUCER_KEYS } from './keys/producer';
import { CONSUMER_KEYS } from './keys/consumer';
import { CLIENT_KEYS } from './keys/client';
import { BROKER_KEYS } from './keys/broker';
import { TOPIC_KEYS } from './keys/topic';
import { STREAMS_CONNECT_KEYS } from './keys/streams-connect';

/**
 * The key catalog: what each Kafka key does, in our own words, with its type and valid values.
 * Facts come from ../shared/kafka-facts.md; durability defaults come from defaults.ts so they are stated once.
 * One entry per key name: a key that several roles accept (compression.type) lists all of them.
 */
export const KEYS: readonly KeyDoc[] = [...PRODUCER_KEYS, ...CONSUMER_KEYS, ...CLIENT_KEYS, ...BROKER_KEYS, ...TOPIC_KEYS, ...STREAMS_CONNECT_KEYS];
