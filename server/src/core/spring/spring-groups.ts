import type { ConfigEntry, ConfigGroup, Edit, Range, Role } from '../model';
import { keyRole } from '../roles';
import type { SpringKey } from './spring-keys';

/** One `spring.kafka.*` setting found by a reader, before grouping. */
export interface SpringItem {
  readonly meta: SpringKey;
  readonly entry: ConfigEntry;
}

/** The client roles a Spring file can configure, in the order groups are listed. */
const GROUP_ORDER: readonly Role[] = ['producer', 'consumer', 'admin', 'streams'];

/**
 * Splits Spring settings into one group per client (producer, consumer, admin, streams).
 *
 * Settings written for a client (`spring.kafka.producer.*`, `spring.kafka.listener.*` for the consumer)
 * go to its group. Common settings (`spring.kafka.bootstrap-servers`, `spring.kafka.properties.*`) go to
 * the one group whose client accepts the key (`acks` → producer, `isolation.level` → consumer), or to the
 * first group when the key fits every client — never to two groups, so that one line is reported once.
 * A file with only common settings gets a single group without roles.
 *
 * In a file that configures Spring Cloud Stream's Kafka binder (`binder`), its clients (`binder.roles`, named by
 * their bindings) get a group even when no Kafka key is set for them, and every group is marked `springBinder`.
 *
 * Entries are ordered by Spring Boot's merge order (`SpringTier` in spring-keys.ts), then by position, so that the
 * last entry for a key is the one that takes effect.
 */
export function springGroups(
  items: readonly SpringItem[],
  anchorFor: (role: Role | undefined, first: SpringItem | undefined) => Range,
  insertFor: (role: Role) => ((key: string, value: string) => Edit | undefined) | undefined,
  binder?: { readonly roles: ReadonlyMap<Role, Range> },
): ConfigGroup[] {
  const present = new Set<Role>(binder ? [...binder.roles.keys()] : []);
  for (const it of items) {
    const role = it.meta.role ?? keyRole(it.meta.key);
    if (role && GROUP_ORDER.includes(role)) present.add(role);
  }
  const roles = GROUP_ORDER.filter((r) => present.has(r));
  const buckets = new Map<Role | undefined, SpringItem[]>();
  for (const it of items) {
    let target = it.meta.role;
    if (!target || !present.has(target)) {
      const r = keyRole(it.meta.key);
      target = r && present.has(r) ? r : roles[0];
    }
    const list = buckets.get(target) ?? [];
    list.push(it);
    buckets.set(target, list);
  }
  const build = (role: Role | undefined, list: readonly SpringItem[]): ConfigGroup => {
    const ordered = list
      .map((it, i) => ({ it, i }))
      .sort((a, b) => a.it.meta.tier - b.it.meta.tier || a.i - b.i)
      .map((x) => x.it.entry);
    // A binder client without Boot settings of its own (`spring.kafka.producer.*`) is reported where the
    // binder names it (`process-out-0:`, its first `producer-properties` key), not on a common setting.
    const named = role && !list.some((it) => it.meta.role === role && !it.meta.binder) ? binder?.roles.get(role) : undefined;
    return {
      roles: role ? [role] : [],
      library: 'spring',
      entries: ordered,
      anchor: named ?? anchorFor(role, list[0]),
      insertEntry: role ? insertFor(role) : undefined,
      springContainer: role === 'consumer' ? true : undefined,
      springBinder: binder ? true : undefined,
    };
  };
  if (roles.length === 0) return items.length > 0 ? [build(undefined, items)] : [];
  return roles.map((r) => build(r, buckets.get(r) ?? []));
}
