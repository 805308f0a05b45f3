import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, isPlaceholder, unsafeDefault } from '../support';

const LOSS = 'a record that only the leader has written is gone if that leader fails before a follower copies it';

/** `acks=1`, written or inherited from an old default: only the partition leader has the record when the send succeeds. */
export const acksLeaderOnly: Rule = {
  meta: {
    id: 'producer/acks-leader-only',
    stage: 'producer',
    defaultSeverity: 'warning',
    description: 'acks=1 (set, or the default before Kafka 3.0 and in some client libraries): only the leader has the record when the send succeeds.',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const entry = effectiveEntry(group, ['acks', 'request.required.acks'], 'producer');
      if (entry) {
        if (isPlaceholder(entry) || entry.value.trim() !== '1') return;
        const fix = setValueFix(entry, 'all', 'Set acks=all');
        context.report({
          range: entry.valueRange,
          message: `Producer stage: with acks=1 the broker confirms the send as soon as the leader wrote it, so ${LOSS}; use acks=all.`,
          fixes: fix ? [fix] : [],
        });
        return;
      }
      if (!hasRole(group, 'producer')) return;
      const found = unsafeDefault('acks', group, context.options, (v) => v === '1');
      if (!found) return;
      const fix = insertEntryFix(group, 'acks', 'all', 'Add acks=all');
      context.report({
        range: group.anchor,
        message: `Producer stage: ${defaultPhrase('acks', group, context.options, found)}, so ${LOSS}; set acks=all.`,
        fixes: fix ? [fix] : [],
      });
    });
  },
};
