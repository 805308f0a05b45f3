import type { Rule } from '../types';

/**
 * Translates the scanners' `commit-after-swallowed-error` code facts into findings: a catch in the processing
 * of polled records that only logs (or ignores) the failure, followed by a commit that marks the failed
 * record as done. No fix: what to do with a failed record (rethrow, dead-letter it) is the application's.
 */
export const commitAfterSwallowedError: Rule = {
  meta: {
    id: 'consumer/commit-after-swallowed-error',
    stage: 'consumer',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    for (const fact of context.document.facts) {
      if (fact.kind !== 'commit-after-swallowed-error') continue;
      context.report({
        range: fact.range,
        message: context.t('consumer/commit-after-swallowed-error.fact', { detail: context.localize(fact.detail) }),
        severity: fact.severity,
      });
    }
  },
};
