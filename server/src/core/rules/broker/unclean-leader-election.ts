import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, isPlaceholder, normalizedValue, unsafeDefault } from '../support';

const KEY = 'unclean.leader.election.enable';
const LOSS = 'a replica that fell out of sync can become leader, and every acknowledged record it never copied is truncated away on the other replicas';

/** Unclean leader election on (written, or the default before Kafka 0.11): acknowledged records can be thrown away. */
export const uncleanLeaderElection: Rule = {
  meta: {
    id: 'broker/unclean-leader-election',
    stage: 'broker',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const entry = effectiveEntry(group, [KEY]);
      if (entry) {
        if (isPlaceholder(entry) || normalizedValue(entry) !== 'true') return;
        const fix = setValueFix(entry, 'false', `Set ${KEY}=false`);
        context.report({ range: entry.valueRange, message: `Broker stage: with ${KEY}=true ${LOSS}.`, fixes: fix ? [fix] : [] });
        return;
      }
      if (!hasRole(group, 'broker')) return;
      const found = unsafeDefault(KEY, group, context.options, (v) => v === 'true');
      if (!found) return;
      const fix = insertEntryFix(group, KEY, 'false', `Add ${KEY}=false`);
      context.report({
        range: group.anchor,
        message: `Broker stage: ${defaultPhrase(KEY, group, context.options, found)}, so ${LOSS}; set it to false.`,
        fixes: fix ? [fix] : [],
      });
    });
  },
};
