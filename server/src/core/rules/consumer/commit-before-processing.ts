import type { Rule } from '../types';
import { localizedFixes } from '../support';

/** Translates the scanners' `commit-before-processing` code facts into findings. */
export const commitBeforeProcessing: Rule = {
  meta: {
    id: 'consumer/commit-before-processing',
    stage: 'consumer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    for (const fact of context.document.facts) {
      if (fact.kind !== 'commit-before-processing') continue;
      context.report({
        range: fact.range,
        message: context.t('consumer/commit-before-processing.fact', { detail: context.localize(fact.detail) }),
        severity: fact.severity,
        fixes: localizedFixes(context, fact.fixes),
      });
    }
  },
};
