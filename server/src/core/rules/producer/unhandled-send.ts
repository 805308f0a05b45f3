import type { Rule } from '../types';
import { localizedFixes } from '../support';

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
      context.report({
        range: fact.range,
        message: context.t('producer/unhandled-send.fact', { detail: context.localize(fact.detail) }),
        severity: fact.severity,
        fixes: localizedFixes(context, fact.fixes),
      });
    }
  },
};
