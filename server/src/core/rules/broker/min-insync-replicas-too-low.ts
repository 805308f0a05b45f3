import { hasRole } from '../../model';
import type { ConfigEntry, ConfigGroup, Edit, Fix } from '../../model';
import type { Rule, RuleContext } from '../types';
import type { MessageKey } from '../../i18n/index';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, fitsCluster, intValue, unjudgeable, unreadOnController, unsafeDefault } from '../support';
import { pairedReplicationFactors } from './replication-factor-not-above-min-insync';

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

/**
 * Sets a minimum ISR of 1 to 2, and with it each replication factor measured against it that would then be
 * no more than the minimum (1 or 2, written or by default): alone, the new minimum would reject every
 * acks=all write to those topics. The factor's edit is the one broker/replication-factor-too-low offers (3),
 * so fix-all takes it once. No fix when a factor cannot be told or raised.
 */
function raiseFix(context: RuleContext, group: ConfigGroup, entry: ConfigEntry): Fix | undefined {
  const own = setValueFix(entry, SAFE, context.t('fix.set', { key: entry.key, value: SAFE }));
  if (!own) return undefined;
  const raised: { key: string; edits: readonly Edit[] }[] = [];
  for (const key of pairedReplicationFactors(entry.key)) {
    const rf = effectiveEntry(group, [key]);
    if (rf) {
      const n = intValue(rf);
      if (unjudgeable(rf) || n === undefined) return undefined;
      if (n < 1 || n > Number(SAFE)) continue;
      const fix = fitsCluster(group, Number(RF_SAFE)) ? setValueFix(rf, RF_SAFE, '') : undefined;
      if (!fix) return undefined;
      raised.push({ key: rf.key, edits: fix.edits });
    } else if (hasRole(group, 'broker') && unsafeDefault(key, group, context.options, (v) => /^\d+$/.test(v) && Number(v) <= Number(SAFE))) {
      const fix = fitsCluster(group, Number(RF_SAFE)) ? insertEntryFix(group, key, RF_SAFE, '') : undefined;
      if (!fix) return undefined;
      raised.push({ key, edits: fix.edits });
    }
  }
  if (raised.length === 0) return own;
  const title = context.t('fix.setBoth', { key: entry.key, value: SAFE, key2: raised.map((r) => r.key).join(', '), value2: RF_SAFE });
  return { ...own, title, edits: [...own.edits, ...raised.flatMap((r) => r.edits)] };
}

/** The replication factor broker/replication-factor-too-low sets. */
const RF_SAFE = '3';

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
        if (unreadOnController(group, key)) continue;
        const n = intValue(entry);
        if (unjudgeable(entry) || n === undefined || n < 1 || n >= 2) continue;
        // A minimum above the number of brokers the file gives the cluster would stop every write.
        const fix = fitsCluster(group, Number(SAFE)) ? raiseFix(context, group, entry) : undefined;
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
