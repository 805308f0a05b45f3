import type { Rule } from '../types';

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
      context.report({ range: fact.range, message: `Producer stage: ${fact.detail}`, severity: fact.severity, fixes: fact.fixes });
    }
  },
};
