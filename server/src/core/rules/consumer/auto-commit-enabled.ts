import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { defaultPhrase, effectiveEntry, isPlaceholder, normalizedValue, unsafeDefault } from '../support';

const KEY = 'enable.auto.commit';
const LOSS = 'offsets of polled records are committed on a timer whether or not they were processed, and records still being processed when the consumer crashes are skipped on restart';
const FIX_TITLE = 'Set enable.auto.commit=false (then commit offsets yourself after processing)';
const ADD_TITLE = 'Add enable.auto.commit=false (then commit offsets yourself after processing)';

/** Auto-commit on (written, or the client default): offsets can run ahead of processing. */
export const autoCommitEnabled: Rule = {
  meta: {
    id: 'consumer/auto-commit-enabled',
    stage: 'consumer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const entry = effectiveEntry(group, [KEY], 'consumer');
      if (entry) {
        if (isPlaceholder(entry) || normalizedValue(entry) !== 'true') return;
        const fix = setValueFix(entry, 'false', FIX_TITLE);
        context.report({
          range: entry.valueRange,
          message: `Consumer stage: with ${KEY}=true ${LOSS}; commit after processing instead.`,
          fixes: fix ? [fix] : [],
        });
        return;
      }
      if (!hasRole(group, 'consumer')) return;
      // A Spring listener container switches auto-commit off unless it is set explicitly.
      if (group.library === 'spring' && group.springContainer) return;
      const found = unsafeDefault(KEY, group, context.options, (v) => v === 'true');
      if (!found) return;
      const fix = insertEntryFix(group, KEY, 'false', ADD_TITLE);
      context.report({
        range: group.anchor,
        message: `Consumer stage: ${defaultPhrase(KEY, group, context.options, found)}, so ${LOSS}; set it to false and commit after processing.`,
        fixes: fix ? [fix] : [],
      });
    });
  },
};
