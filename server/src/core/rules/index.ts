import type { AnyRule, DeploymentRule, Rule } from './types';
import { isDeploymentRule } from './types';
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
import { singleBrokerCluster } from './broker/single-broker-cluster';
import { autoCommitEnabled } from './consumer/auto-commit-enabled';
import { autoOffsetResetLatest } from './consumer/auto-offset-reset-latest';
import { commitBeforeProcessing } from './consumer/commit-before-processing';
import { commitAfterSwallowedError } from './consumer/commit-after-swallowed-error';
import { acksAllWithoutMinIsr } from './producer/acks-all-without-min-isr';
import { recordLargerThanBrokerAccepts } from './producer/record-larger-than-broker-accepts';
import { topicOverridesSafeBroker } from './broker/topic-overrides-safe-broker';
import { readsAbortedTransactions } from './consumer/reads-aborted-transactions';
import { errorsToleranceAllWithoutDlq } from './consumer/errors-tolerance-all-without-dlq';

/**
 * The explicit rule registry. Order is presentation order (docs, README table): the stages in the order a
 * message travels, then file hygiene. Findings are sorted by position anyway. Adding a rule: see CONTRIBUTING.md.
 * Both kinds of rule are here: per-document rules (`Rule`) and cross-file rules that read the deployment
 * model (`DeploymentRule`, `scope: 'deployment'`).
 */
export const RULES: readonly AnyRule[] = [
  acksZero,
  acksLeaderOnly,
  acksAllWithoutMinIsr,
  retriesDisabled,
  idempotenceDisabled,
  unhandledSend,
  closeWithoutFlush,
  recordLargerThanBrokerAccepts,
  uncleanLeaderElection,
  replicationFactorTooLow,
  minInsyncReplicasTooLow,
  replicationFactorNotAboveMinInsync,
  replicationFactorAboveBrokerCount,
  singleBrokerCluster,
  topicOverridesSafeBroker,
  logDirsInTmp,
  autoCommitEnabled,
  autoOffsetResetLatest,
  commitBeforeProcessing,
  commitAfterSwallowedError,
  readsAbortedTransactions,
  errorsToleranceAllWithoutDlq,
  duplicateKey,
  invalidValue,
  unknownKey,
  syntaxError,
];

/** The rules that read one document at a time (run by `lint`). */
export const DOCUMENT_RULES: readonly Rule[] = RULES.filter((r): r is Rule => !isDeploymentRule(r));

/** The rules that read the deployment model (run by `lintDeployment`). */
export const DEPLOYMENT_RULES: readonly DeploymentRule[] = RULES.filter(isDeploymentRule);

/** Looks a rule up by id. */
export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
