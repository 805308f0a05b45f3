import { libraryDefault } from './defaults';
import type { VersionedValue } from './types';
import { NEWEST_KAFKA_VERSION } from './versions';

/** Kafka's own default history for `key` from defaults.ts, so the key catalog never restates a default. */
export function kafkaDefaultsHistory(key: string): readonly VersionedValue[] | undefined {
  return libraryDefault(key, 'java', NEWEST_KAFKA_VERSION)?.history;
}
