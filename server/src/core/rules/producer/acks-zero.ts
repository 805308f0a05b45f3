import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, isPlaceholder, unsafeDefault } from '../support';

const LOSS = 'the producer never learns whether the broker stored the record: any send that fails is lost silently';

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
      const entry = effectiveEntry(group, ['acks', 'request.required.acks'], 'producer');
      if (entry) {
        if (isPlaceholder(entry) || entry.value.trim() !== '0') return;
        const fix = setValueFix(entry, 'all', 'Set acks=all');
        context.report({ range: entry.valueRange, message: `Producer stage: with acks=0 ${LOSS}; use acks=all.`, fixes: fix ? [fix] : [] });
        return;
      }
      // Some libraries send without acknowledgements unless told otherwise (a kafka-go Writer literal).
      if (!hasRole(group, 'producer')) return;
      const found = unsafeDefault('acks', group, context.options, (v) => v === '0');
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
