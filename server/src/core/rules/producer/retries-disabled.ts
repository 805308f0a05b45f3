import { hasRole } from '../../model';
import type { Fix } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, removeEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, hiddenProducerEntry, intValue, unjudgeable, producerDefault, producerEntry, unsafeProducerDefault } from '../support';

const RETRY_KEYS = ['retries', 'message.send.max.retries'] as const;
/** What to write when the default itself is 0: retry until the delivery timeout (Java's default since 2.1). */
const UNBOUNDED = '2147483647';

/** `retries=0`, written or inherited from Kafka < 2.1: a transient broker error fails the send at once. */
export const retriesDisabled: Rule = {
  meta: {
    id: 'producer/retries-disabled',
    stage: 'producer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      // A Kafka Streams app's config is judged as the producers Streams creates from it (`producer.retries` first).
      const entry = producerEntry(group, RETRY_KEYS);
      if (entry) {
        if (unjudgeable(entry) || intValue(entry) !== 0) return;
        // Removing the line is the cleanest fix, but only where the default actually retries: in every version
        // the options allow (kafka-python's default was 0 before 2.2.0, and its installed version may be older),
        // and only when no other line takes over (an unprefixed retries under a Streams app's producer.retries).
        const current = producerDefault('retries', group, context.options)?.value;
        const defaultRetries =
          current !== undefined &&
          current !== '0' &&
          !unsafeProducerDefault('retries', group, context.options, (v) => v === '0') &&
          !hiddenProducerEntry(group, entry, RETRY_KEYS);
        const remove = defaultRetries
          ? removeEntryFix(entry, context.t('fix.removeUseDefault', { key: entry.key, value: '0', default: current }), true)
          : undefined;
        const target = defaultRetries ? current : UNBOUNDED;
        const set = setValueFix(entry, target, context.t('fix.set', { key: entry.key, value: target }), !remove);
        const fixes = [remove, set].filter((f): f is Fix => f !== undefined);
        context.report({
          range: entry.valueRange,
          message: context.t('producer/retries-disabled.set', { key: entry.key, loss: context.t('producer/retries-disabled.loss') }),
          fixes,
        });
        return;
      }
      if (!hasRole(group, 'producer') && !hasRole(group, 'streams')) return;
      const found = unsafeProducerDefault('retries', group, context.options, (v) => v === '0');
      if (!found) return;
      const fix = insertEntryFix(group, 'retries', UNBOUNDED, context.t('fix.add', { key: 'retries', value: UNBOUNDED }));
      context.report({
        range: group.anchor,
        message: context.t('producer/retries-disabled.default', {
          defaults: defaultPhrase('retries', group, context.options, found),
          loss: context.t('producer/retries-disabled.loss'),
        }),
        fixes: fix ? [fix] : [],
      });
    });
  },
};
