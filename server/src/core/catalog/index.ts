import type { Role } from '../model';
import type { KeyDoc } from './types';
import { KEYS } from './keys';

export type { KeyDoc, ValueType, VersionedValue } from './types';
export { libraryDefault, kafkaDefault } from './defaults';
export type { DefaultValue } from './defaults';
export { KAFKA_VERSIONS, NEWEST_KAFKA_VERSION, compareVersions, isAtLeast } from './versions';
export { isKnownKafkaKey, knownKeyNames, kafkaKeyNames, nestedCatalogKey } from './known-keys';
export { SPRING_PROPERTIES, SPRING_PROPERTY_MAPS, findSpringProperty } from './spring';
export type { SpringProperty } from './spring';

const BY_KEY: ReadonlyMap<string, KeyDoc> = (() => {
  const m = new Map<string, KeyDoc>();
  for (const k of KEYS) {
    m.set(k.key, k);
    for (const a of k.aliases ?? []) if (!m.has(a)) m.set(a, k);
  }
  return m;
})();

/** The catalog entry for a canonical key or one of its aliases. */
export function findKey(key: string): KeyDoc | undefined {
  return BY_KEY.get(key);
}

/** Every key the catalog knows, optionally only those a role accepts. */
export function allKeys(role?: Role): readonly KeyDoc[] {
  return role ? KEYS.filter((k) => k.roles.includes(role)) : KEYS;
}
