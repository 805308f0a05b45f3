import type { ConfigEntry } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { setValueFix } from '../../fixes';
import type { ConfigGroup } from '../../model';
import { effectiveEntry, fitsCluster, intValue, unjudgeable, unreadOnController, ruleEnabled } from '../support';

/** Which replication factor is measured against which minimum ISR. */
const PAIRS: readonly { readonly rf: readonly string[]; readonly minIsr: string }[] = [
  { rf: ['default.replication.factor'], minIsr: 'min.insync.replicas' },
  { rf: ['replication.factor'], minIsr: 'min.insync.replicas' },
  { rf: ['transaction.state.log.replication.factor'], minIsr: 'transaction.state.log.min.isr' },
  { rf: ['share.coordinator.state.topic.replication.factor'], minIsr: 'share.coordinator.state.topic.min.isr' },
];

function numeric(entry: ConfigEntry | undefined): number | undefined {
  if (!entry || unjudgeable(entry)) return undefined;
  const n = intValue(entry);
  return n !== undefined && n >= 1 ? n : undefined;
}

/** A replication factor and the minimum ISR it is measured against, both set in the group, the first not above the second. */
export interface ReplicaPair {
  readonly rfEntry: ConfigEntry;
  readonly isrEntry: ConfigEntry;
  readonly rf: number;
  readonly isr: number;
  readonly minIsrKey: string;
}

/** The pairs of a group whose replication factor is not above its minimum ISR (the findings of this rule, before it stays silent). */
export function replicaPairs(group: ConfigGroup): ReplicaPair[] {
  const out: ReplicaPair[] = [];
  for (const pair of PAIRS) {
    const rfEntry = effectiveEntry(group, pair.rf);
    const isrEntry = effectiveEntry(group, [pair.minIsr]);
    const rf = numeric(rfEntry);
    const isr = numeric(isrEntry);
    if (!rfEntry || !isrEntry || rf === undefined || isr === undefined || rf > isr || unreadOnController(group, pair.minIsr)) continue;
    out.push({ rfEntry, isrEntry, rf, isr, minIsrKey: pair.minIsr });
  }
  return out;
}

/** The replication-factor keys measured against minimum-ISR key `minIsrKey`. */
export function pairedReplicationFactors(minIsrKey: string): readonly string[] {
  return PAIRS.filter((p) => p.minIsr === minIsrKey).flatMap((p) => p.rf);
}

/** The minimum ISR set in the group beside replication-factor key `rfKey`, when it is a number. */
export function pairedMinIsr(group: ConfigGroup, rfKey: string): number | undefined {
  const pair = PAIRS.find((p) => p.rf.includes(rfKey));
  return pair ? numeric(effectiveEntry(group, [pair.minIsr])) : undefined;
}

export const RF_ISR_RULE = 'broker/replication-factor-not-above-min-insync';
const RF_TOO_LOW = 'broker/replication-factor-too-low';

/**
 * A replication factor that leaves no spare replica above the minimum ISR in the same configuration.
 *
 * One root cause, one finding: a factor equal to its minimum and below 3 (1 and 1, 2 and 2) is
 * broker/replication-factor-too-low's finding (and min-insync-replicas-too-low's for 1), whose fixes (3, and
 * 2 in sync) also give a spare replica; this rule stays silent there while that rule is on. A factor *below*
 * its minimum is this rule's error, and broker/replication-factor-too-low leaves that line to it: the fix
 * here (one above the minimum, at least 3 since the minimum is then 2 or more) settles both.
 */
export const replicationFactorNotAboveMinInsync: Rule = {
  meta: {
    id: RF_ISR_RULE,
    stage: 'broker',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      for (const { rfEntry, isrEntry, rf, isr, minIsrKey } of replicaPairs(group)) {
        const below = rf < isr;
        if (!below && rf < 3 && ruleEnabled(context.options, RF_TOO_LOW)) continue;
        const target = isr + 1;
        // Raising it past the number of brokers the file gives the cluster would make topics impossible.
        const fix = fitsCluster(group, target) ? setValueFix(rfEntry, String(target), context.t('fix.set', { key: rfEntry.key, value: target })) : undefined;
        const values = { rfKey: rfEntry.key, rf, isrKey: minIsrKey, isr };
        context.report({
          range: rfEntry.valueRange,
          severity: below ? 'error' : undefined,
          message: below
            ? context.t('broker/replication-factor-not-above-min-insync.below', values)
            : context.t('broker/replication-factor-not-above-min-insync.equal', values),
          related: [{ range: isrEntry.valueRange, message: context.t('broker/replication-factor-not-above-min-insync.related', { key: minIsrKey, value: isr }) }],
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};
