import type { Rule } from '../types';

/** Reports what the reader could not parse: Java's `Properties.load` rejects the whole file on a malformed `\u` escape. */
export const syntaxError: Rule = {
  meta: {
    id: 'config/syntax-error',
    stage: 'config',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    for (const p of context.document.problems) context.report({ range: p.range, message: context.localize(p.message) });
  },
};
