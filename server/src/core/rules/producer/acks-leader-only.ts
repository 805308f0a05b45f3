import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, isPlaceholder, mayTakeIdempotentAcks, unsafeDefault } from '../support';

/** `acks=1`, written or inherited from an old default: only the partition leader has the record when the send succeeds. */
export const acksLeaderOnly: Rule = {
  meta: {
    id: 'producer/acks-leader-only',
    stage: 'producer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const entry = effectiveEntry(group, ['acks', 'request.required.acks'], 'producer');
      if (entry) {
        if (isPlaceholder(entry) || entry.value.trim() !== '1') return;
        const fix = setValueFix(entry, 'all', context.t('fix.set', { key: 'acks', value: 'all' }));
        context.report({
          range: entry.valueRange,
          message: context.t('producer/acks-leader-only.set', { loss: context.t('producer/acks-leader-only.loss') }),
          fixes: fix ? [fix] : [],
        });
        return;
      }
      if (!hasRole(group, 'producer') || mayTakeIdempotentAcks(group)) return;
      const found = unsafeDefault('acks', group, context.options, (v) => v === '1');
      if (!found) return;
      const fix = insertEntryFix(group, 'acks', 'all', context.t('fix.add', { key: 'acks', value: 'all' }));
      context.report({
        range: group.anchor,
        message: context.t('producer/acks-leader-only.default', {
          defaults: defaultPhrase('acks', group, context.options, found),
          loss: context.t('producer/acks-leader-only.loss'),
        }),
        fixes: fix ? [fix] : [],
      });
    });
  },
};
