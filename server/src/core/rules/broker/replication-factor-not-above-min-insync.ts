import type { ConfigEntry } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { setValueFix } from '../../fixes';
import { effectiveEntry, intValue, isPlaceholder } from '../support';

/** Which replication factor is measured against which minimum ISR. */
const PAIRS: readonly { readonly rf: readonly string[]; readonly minIsr: string }[] = [
  { rf: ['default.replication.factor'], minIsr: 'min.insync.replicas' },
  { rf: ['replication.factor'], minIsr: 'min.insync.replicas' },
  { rf: ['transaction.state.log.replication.factor'], minIsr: 'transaction.state.log.min.isr' },
  { rf: ['share.coordinator.state.topic.replication.factor'], minIsr: 'share.coordinator.state.topic.min.isr' },
];

function numeric(entry: ConfigEntry | undefined): number | undefined {
  if (!entry || isPlaceholder(entry)) return undefined;
  const n = intValue(entry);
  return n !== undefined && n >= 1 ? n : undefined;
}

/** A replication factor that leaves no spare replica above the minimum ISR in the same configuration. */
export const replicationFactorNotAboveMinInsync: Rule = {
  meta: {
    id: 'broker/replication-factor-not-above-min-insync',
    stage: 'broker',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      for (const pair of PAIRS) {
        const rfEntry = effectiveEntry(group, pair.rf);
        const isrEntry = effectiveEntry(group, [pair.minIsr]);
        const rf = numeric(rfEntry);
        const isr = numeric(isrEntry);
        if (!rfEntry || !isrEntry || rf === undefined || isr === undefined || rf > isr) continue;
        const target = String(isr + 1);
        const fix = setValueFix(rfEntry, target, `Set ${rfEntry.key}=${target}`);
        const below = rf < isr;
        context.report({
          range: rfEntry.valueRange,
          severity: below ? 'error' : undefined,
          message: below
            ? `Broker stage: ${rfEntry.key}=${rf} is below ${pair.minIsr}=${isr}, so the in-sync set can never be large enough and every acks=all write is rejected; producers that do not handle the error lose those records.`
            : `Broker stage: ${rfEntry.key}=${rf} equals ${pair.minIsr}=${isr}, so a single broker down (even a rolling restart) makes acks=all writes fail; producers that do not handle the error lose those records.`,
          related: [{ range: isrEntry.valueRange, message: `${pair.minIsr} is set to ${isr} here.` }],
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};
