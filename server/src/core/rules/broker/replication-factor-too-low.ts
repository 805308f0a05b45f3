import { hasRole } from '../../model';
import type { Rule, RuleContext } from '../types';
import type { MessageKey } from '../../i18n/index';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, fitsCluster, intValue, unjudgeable, unreadOnController, ruleEnabled, unsafeDefault } from '../support';
import { pairedMinIsr, replicaPairs, RF_ISR_RULE } from './replication-factor-not-above-min-insync';

/** Replication-factor keys and what a single broker failure costs when each is too low (catalogue texts). */
const KEYS = {
  'default.replication.factor': 'broker/replication-factor-too-low.what.default.replication.factor',
  'replication.factor': 'broker/replication-factor-too-low.what.replication.factor',
  'offsets.topic.replication.factor': 'broker/replication-factor-too-low.what.offsets.topic.replication.factor',
  'transaction.state.log.replication.factor': 'broker/replication-factor-too-low.what.transaction.state.log.replication.factor',
  'share.coordinator.state.topic.replication.factor': 'broker/replication-factor-too-low.what.share.coordinator.state.topic.replication.factor',
  // A Connect worker's internal topics and a sink connector's dead letter queue: Connect creates them with
  // these factors (each defaults to 3), so they are only ever set, never defaulted low.
  'config.storage.replication.factor': 'broker/replication-factor-too-low.what.config.storage.replication.factor',
  'offset.storage.replication.factor': 'broker/replication-factor-too-low.what.offset.storage.replication.factor',
  'status.storage.replication.factor': 'broker/replication-factor-too-low.what.status.storage.replication.factor',
  'errors.deadletterqueue.topic.replication.factor': 'broker/replication-factor-too-low.what.errors.deadletterqueue.topic.replication.factor',
} as const satisfies Readonly<Record<string, MessageKey>>;
/** The keys above, without inherited names such as `toString`. */
const KEY_NAMES: ReadonlySet<string> = new Set(Object.keys(KEYS));
const SAFE = '3';

function consequence(context: RuleContext, key: string, rf: number): string {
  const what = context.t(KEYS[key as keyof typeof KEYS]);
  return rf <= 1 ? context.t('broker/replication-factor-too-low.single', { what }) : context.t('broker/replication-factor-too-low.few', { rf, what });
}

/** Replication factors below 3 (including a broker that keeps the default of 1 for new topics). */
export const replicationFactorTooLow: Rule = {
  meta: {
    id: 'broker/replication-factor-too-low',
    stage: 'broker',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const seen = new Set<string>();
      // A factor below its minimum ISR is broker/replication-factor-not-above-min-insync's error, whose fix
      // (one above the minimum, so 3 or more) settles this finding too: one root cause, one finding.
      const belowMinIsr = ruleEnabled(context.options, RF_ISR_RULE)
        ? new Set(replicaPairs(group).filter((p) => p.rf < p.isr).map((p) => p.rfEntry))
        : new Set<unknown>();
      for (const key of KEY_NAMES) {
        const entry = effectiveEntry(group, [key]);
        if (!entry) continue;
        seen.add(key);
        if (unreadOnController(group, key)) continue;
        const rf = intValue(entry);
        // -1 asks for the broker default; malformed values are config/invalid-value's business.
        if (unjudgeable(entry) || rf === undefined || rf < 1 || rf >= 3 || belowMinIsr.has(entry)) continue;
        // Raising it past the number of brokers the file gives the cluster would make the topic impossible.
        const fix = fitsCluster(group, Number(SAFE)) ? setValueFix(entry, SAFE, context.t('fix.set', { key: entry.key, value: SAFE })) : undefined;
        context.report({
          range: entry.valueRange,
          message: context.t('broker/replication-factor-too-low.set', { key: entry.key, value: rf, consequence: consequence(context, entry.key, rf), safe: SAFE }),
          fixes: fix ? [fix] : [],
        });
      }
      if (!hasRole(group, 'broker')) return;
      // Kafka's own defaults leave only default.replication.factor low; a dialect (a container image) may set others.
      for (const key of KEY_NAMES) {
        if (seen.has(key)) continue;
        const found = unsafeDefault(key, group, context.options, (v) => /^\d+$/.test(v) && Number(v) < 3);
        if (!found) continue;
        // Added beside a minimum ISR of 3 or more, 3 copies would leave no spare: one above the minimum then.
        const target = String(Math.max(Number(SAFE), (pairedMinIsr(group, key) ?? 0) + 1));
        const fix = fitsCluster(group, Number(target)) ? insertEntryFix(group, key, target, context.t('fix.add', { key, value: target })) : undefined;
        context.report({
          range: group.anchor,
          message: context.t('broker/replication-factor-too-low.default', {
            defaults: defaultPhrase(key, group, context.options, found),
            consequence: consequence(context, key, Number(found.value)),
            safe: target,
          }),
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};
