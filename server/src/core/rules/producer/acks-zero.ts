import { lastEntryOf } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { setValueFix } from '../../fixes';

/** `acks=0`: the producer never hears whether the broker stored the record. */
export const acksZero: Rule = {
  meta: {
    id: 'producer/acks-zero',
    stage: 'producer',
    defaultSeverity: 'error',
    description: 'acks=0: the producer does not wait for any broker acknowledgement (fire and forget).',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const entry = lastEntryOf(group, ['acks', 'request.required.acks']);
      if (!entry || entry.value.trim() !== '0') return;
      const fix = setValueFix(entry, 'all', 'Set acks=all');
      context.report({
        range: entry.valueRange,
        message:
          'Producer stage: with acks=0 the producer never learns whether the broker stored the record, so any send that fails is lost silently; use acks=all.',
        fixes: fix ? [fix] : [],
      });
    });
  },
};
