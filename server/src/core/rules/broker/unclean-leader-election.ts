import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, unjudgeable, normalizedValue, unsafeDefault } from '../support';

const KEY = 'unclean.leader.election.enable';

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
        if (unjudgeable(entry) || normalizedValue(entry) !== 'true') return;
        const fix = setValueFix(entry, 'false', context.t('fix.set', { key: KEY, value: 'false' }));
        const message = context.t('broker/unclean-leader-election.set', { key: KEY, loss: context.t('broker/unclean-leader-election.loss') });
        context.report({ range: entry.valueRange, message, fixes: fix ? [fix] : [] });
        return;
      }
      if (!hasRole(group, 'broker')) return;
      const found = unsafeDefault(KEY, group, context.options, (v) => v === 'true');
      if (!found) return;
      const fix = insertEntryFix(group, KEY, 'false', context.t('fix.add', { key: KEY, value: 'false' }));
      context.report({
        range: group.anchor,
        message: context.t('broker/unclean-leader-election.default', {
          defaults: defaultPhrase(KEY, group, context.options, found),
          loss: context.t('broker/unclean-leader-election.loss'),
        }),
        fixes: fix ? [fix] : [],
      });
    });
  },
};
