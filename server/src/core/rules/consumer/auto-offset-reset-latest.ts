import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { setValueFix } from '../../fixes';
import { effectiveEntry, unjudgeable, normalizedValue } from '../support';

const KEY = 'auto.offset.reset';
/** librdkafka spells "latest" three ways. */
const LATEST = ['latest', 'largest', 'end'];

/** `auto.offset.reset=latest`: a group without a usable committed offset starts at the end of the log. */
export const autoOffsetResetLatest: Rule = {
  meta: {
    id: 'consumer/auto-offset-reset-latest',
    stage: 'consumer',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const entry = effectiveEntry(group, [KEY], 'consumer');
      if (!entry || unjudgeable(entry)) return;
      const value = normalizedValue(entry);
      const librdkafka = group.library === 'librdkafka' || group.library === 'confluent-js';
      if (value !== 'latest' && !(librdkafka && LATEST.includes(value))) return;
      // Choosing to re-read the backlog is a behaviour change, so the fix is offered but not preferred.
      const fix = setValueFix(entry, 'earliest', context.t('consumer/auto-offset-reset-latest.fix', { key: KEY }), false);
      context.report({
        range: entry.valueRange,
        message: context.t('consumer/auto-offset-reset-latest.set', { key: KEY, value: entry.value.trim() }),
        fixes: fix ? [fix] : [],
      });
    });
  },
};
