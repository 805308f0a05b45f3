import type { Rule } from './types';
import { syntaxError } from './config/syntax-error';
import { acksZero } from './producer/acks-zero';
import { unhandledSend } from './producer/unhandled-send';
import { closeWithoutFlush } from './producer/close-without-flush';
import { commitBeforeProcessing } from './consumer/commit-before-processing';

/**
 * The explicit rule registry. Order is presentation order (docs, README table); findings are sorted by
 * position anyway. Adding a rule: see CONTRIBUTING.md.
 */
export const RULES: readonly Rule[] = [
  acksZero,
  unhandledSend,
  closeWithoutFlush,
  commitBeforeProcessing,
  syntaxError,
];

/** Looks a rule up by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
