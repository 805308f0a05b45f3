import type { Rule } from '../types';

/** Translates the scanners' `unhandled-send` code facts into findings. */
export const unhandledSend: Rule = {
  meta: {
    id: 'producer/unhandled-send',
    stage: 'producer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    for (const fact of context.document.facts) {
      if (fact.kind !== 'unhandled-send') continue;
      context.report({ range: fact.range, message: `Producer stage: ${fact.detail}`, severity: fact.severity, fixes: fact.fixes });
    }
  },
};
