import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, unjudgeable, mayTakeIdempotentAcks, producerEntry, unsafeProducerDefault } from '../support';

const ACKS_KEYS = ['acks', 'request.required.acks'] as const;

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
      // A Kafka Streams app's config is judged as the producers Streams creates from it (`producer.acks` first).
      const entry = producerEntry(group, ACKS_KEYS);
      if (entry) {
        if (unjudgeable(entry) || entry.value.trim() !== '1') return;
        // The message and the fix name the key as written: `producer.acks` in a Streams app, librdkafka's alias.
        const key = entry.key;
        const fix = setValueFix(entry, 'all', context.t('fix.set', { key, value: 'all' }));
        context.report({
          range: entry.valueRange,
          message: context.t('producer/acks-leader-only.set', { key, loss: context.t('producer/acks-leader-only.loss') }),
          fixes: fix ? [fix] : [],
        });
        return;
      }
      if (!hasRole(group, 'producer') && !hasRole(group, 'streams')) return;
      if (mayTakeIdempotentAcks(group)) return;
      const found = unsafeProducerDefault('acks', group, context.options, (v) => v === '1');
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
