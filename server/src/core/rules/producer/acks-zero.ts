import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, unjudgeable, producerEntry, unsafeProducerDefault } from '../support';

const ACKS_KEYS = ['acks', 'request.required.acks'] as const;

/** `acks=0`: the producer never hears whether the broker stored the record. */
export const acksZero: Rule = {
  meta: {
    id: 'producer/acks-zero',
    stage: 'producer',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      // A Kafka Streams app's config is judged as the producers Streams creates from it (`producer.acks` first).
      const entry = producerEntry(group, ACKS_KEYS);
      if (entry) {
        if (unjudgeable(entry) || entry.value.trim() !== '0') return;
        // The message and the fix name the key as written: `producer.acks` in a Streams app, librdkafka's alias.
        const key = entry.key;
        const fix = setValueFix(entry, 'all', context.t('fix.set', { key, value: 'all' }));
        const loss = context.t('producer/acks-zero.loss');
        context.report({ range: entry.valueRange, message: context.t('producer/acks-zero.set', { key, loss }), fixes: fix ? [fix] : [] });
        return;
      }
      // Some libraries send without acknowledgements unless told otherwise (a kafka-go Writer literal).
      if (!hasRole(group, 'producer') && !hasRole(group, 'streams')) return;
      const found = unsafeProducerDefault('acks', group, context.options, (v) => v === '0');
      if (!found) return;
      const fix = insertEntryFix(group, 'acks', 'all', context.t('fix.add', { key: 'acks', value: 'all' }));
      context.report({
        range: group.anchor,
        message: context.t('producer/acks-zero.default', { defaults: defaultPhrase('acks', group, context.options, found), loss: context.t('producer/acks-zero.loss') }),
        fixes: fix ? [fix] : [],
      });
    });
  },
};
