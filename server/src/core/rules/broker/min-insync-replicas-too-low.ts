import { hasRole } from '../../model';
import type { Rule, RuleContext } from '../types';
import type { MessageKey } from '../../i18n/index';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, fitsCluster, intValue, isPlaceholder, unsafeDefault } from '../support';

/** Minimum-ISR keys and the writes each one guards (catalogue texts). */
const KEYS = {
  'min.insync.replicas': 'broker/min-insync-replicas-too-low.write.min.insync.replicas',
  'transaction.state.log.min.isr': 'broker/min-insync-replicas-too-low.write.transaction.state.log.min.isr',
  'share.coordinator.state.topic.min.isr': 'broker/min-insync-replicas-too-low.write.share.coordinator.state.topic.min.isr',
} as const satisfies Readonly<Record<string, MessageKey>>;
/** The keys above, without inherited names such as `toString`. */
const KEY_NAMES: ReadonlySet<string> = new Set(Object.keys(KEYS));
const SAFE = '2';

function consequence(context: RuleContext, key: string): string {
  return context.t('broker/min-insync-replicas-too-low.consequence', { write: context.t(KEYS[key as keyof typeof KEYS]) });
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
        const fix = fitsCluster(group, Number(SAFE)) ? setValueFix(entry, SAFE, context.t('fix.set', { key: entry.key, value: SAFE })) : undefined;
        context.report({
          range: entry.valueRange,
          message: context.t('broker/min-insync-replicas-too-low.set', { key: entry.key, value: n, consequence: consequence(context, entry.key), safe: SAFE }),
          fixes: fix ? [fix] : [],
        });
      }
      if (!hasRole(group, 'broker')) return;
      // Kafka's own defaults leave only min.insync.replicas at 1; a dialect (a container image) may set others.
      for (const key of KEY_NAMES) {
        if (seen.has(key)) continue;
        const found = unsafeDefault(key, group, context.options, (v) => v === '1');
        if (!found) continue;
        const fix = fitsCluster(group, Number(SAFE)) ? insertEntryFix(group, key, SAFE, context.t('fix.add', { key, value: SAFE })) : undefined;
        context.report({
          range: group.anchor,
          message: context.t('broker/min-insync-replicas-too-low.default', {
            defaults: defaultPhrase(key, group, context.options, found),
            consequence: consequence(context, key),
            safe: SAFE,
          }),
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};
