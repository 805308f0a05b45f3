import type { Rule } from '../types';
import { localizedFixes } from '../support';

/** Translates the scanners' `close-without-flush` code facts into findings. */
export const closeWithoutFlush: Rule = {
  meta: {
    id: 'producer/close-without-flush',
    stage: 'producer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    for (const fact of context.document.facts) {
      if (fact.kind !== 'close-without-flush') continue;
      context.report({
        range: fact.range,
        message: context.t('producer/close-without-flush.fact', { detail: context.localize(fact.detail) }),
        severity: fact.severity,
        fixes: localizedFixes(context, fact.fixes),
      });
    }
  },
};
