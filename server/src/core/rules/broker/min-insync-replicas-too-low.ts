import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, fitsCluster, intValue, isPlaceholder, unsafeDefault } from '../support';

/** Minimum-ISR keys and the writes each one guards. */
const KEYS: Readonly<Record<string, string>> = {
  'min.insync.replicas': 'an acks=all write',
  'transaction.state.log.min.isr': 'a transaction state write',
  'share.coordinator.state.topic.min.isr': 'a share-group state write',
};
/** The keys above, without inherited names such as `toString`. */
const KEY_NAMES: ReadonlySet<string> = new Set(Object.keys(KEYS));
const SAFE = '2';

function consequence(key: string): string {
  return `${KEYS[key]} is acknowledged once the leader alone has it: when the in-sync set has shrunk to the leader and that broker fails, acknowledged records are lost`;
}

/** A minimum in-sync replica count below 2 (including a broker that keeps the default of 1). */
export const minInsyncReplicasTooLow: Rule = {
  meta: {
    id: 'broker/min-insync-replicas-too-low',
    stage: 'broker',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const seen = new Set<string>();
      for (const key of KEY_NAMES) {
        const entry = effectiveEntry(group, [key]);
        if (!entry) continue;
        seen.add(key);
        const n = intValue(entry);
        if (isPlaceholder(entry) || n === undefined || n < 1 || n >= 2) continue;
        // A minimum above the number of brokers the file gives the cluster would stop every write.
        const fix = fitsCluster(group, Number(SAFE)) ? setValueFix(entry, SAFE, `Set ${entry.key}=${SAFE}`) : undefined;
        context.report({
          range: entry.valueRange,
          message: `Broker stage: with ${entry.key}=${n} ${consequence(entry.key)}; use ${SAFE} with a replication factor of 3.`,
          fixes: fix ? [fix] : [],
        });
      }
      if (!hasRole(group, 'broker')) return;
      // Kafka's own defaults leave only min.insync.replicas at 1; a dialect (a container image) may set others.
      for (const key of KEY_NAMES) {
        if (seen.has(key)) continue;
        const found = unsafeDefault(key, group, context.options, (v) => v === '1');
        if (!found) continue;
        const fix = fitsCluster(group, Number(SAFE)) ? insertEntryFix(group, key, SAFE, `Add ${key}=${SAFE}`) : undefined;
        context.report({
          range: group.anchor,
          message: `Broker stage: ${defaultPhrase(key, group, context.options, found)}, so ${consequence(key)}; set it to ${SAFE}.`,
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};
