import type { Rule } from '../types';

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
      context.report({ range: fact.range, message: `Consumer stage: ${fact.detail}`, severity: fact.severity, fixes: fact.fixes });
    }
  },
};
