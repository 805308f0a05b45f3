import type { Rule } from './types';
import { syntaxError } from './config/syntax-error';
import { duplicateKey } from './config/duplicate-key';
import { invalidValue } from './config/invalid-value';
import { unknownKey } from './config/unknown-key';
import { acksZero } from './producer/acks-zero';
import { acksLeaderOnly } from './producer/acks-leader-only';
import { retriesDisabled } from './producer/retries-disabled';
import { idempotenceDisabled } from './producer/idempotence-disabled';
import { unhandledSend } from './producer/unhandled-send';
import { closeWithoutFlush } from './producer/close-without-flush';
import { uncleanLeaderElection } from './broker/unclean-leader-election';
import { replicationFactorTooLow } from './broker/replication-factor-too-low';
import { minInsyncReplicasTooLow } from './broker/min-insync-replicas-too-low';
import { replicationFactorNotAboveMinInsync } from './broker/replication-factor-not-above-min-insync';
import { logDirsInTmp } from './broker/log-dirs-in-tmp';
import { replicationFactorAboveBrokerCount } from './broker/replication-factor-above-broker-count';
import { autoCommitEnabled } from './consumer/auto-commit-enabled';
import { autoOffsetResetLatest } from './consumer/auto-offset-reset-latest';
import { commitBeforeProcessing } from './consumer/commit-before-processing';

/**
 * The explicit rule registry. Order is presentation order (docs, README table): the stages in the order a
 * message travels, then file hygiene. Findings are sorted by position anyway. Adding a rule: see CONTRIBUTING.md.
 */
export const RULES: readonly Rule[] = [
  acksZero,
  acksLeaderOnly,
  retriesDisabled,
  idempotenceDisabled,
  unhandledSend,
  closeWithoutFlush,
  uncleanLeaderElection,
  replicationFactorTooLow,
  minInsyncReplicasTooLow,
  replicationFactorNotAboveMinInsync,
  replicationFactorAboveBrokerCount,
  logDirsInTmp,
  autoCommitEnabled,
  autoOffsetResetLatest,
  commitBeforeProcessing,
  duplicateKey,
  invalidValue,
  unknownKey,
  syntaxError,
];

/** Looks a rule up by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
