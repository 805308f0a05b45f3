import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { hasRole } from '../../model';
import { effectiveEntry, normalizedValue, unjudgeable } from '../support';

const TOLERANCE = 'errors.tolerance';
const DLQ = 'errors.deadletterqueue.topic.name';
const LOG = 'errors.log.enable';

/**
 * A Kafka Connect sink connector with `errors.tolerance=all` and no dead letter queue
 * (`errors.deadletterqueue.topic.name` unset or blank): a record that fails conversion or a transform is skipped
 * and its offset committed with the rest (WorkerSinkTask `convertMessages`, RetryWithToleranceOperator), and
 * nothing keeps it: the DeadLetterQueueReporter is only created for a non-empty topic name (Worker
 * `sinkTaskReporters`), and the LogReporter writes only with `errors.log.enable=true`.
 *
 * Source connectors are left out: they have no dead letter queue, and what they drop is the producer side's
 * (see the rule's page). No fix: a dead letter queue needs a topic name only the user can choose, and
 * `errors.tolerance=none` stops the task at the first bad record instead.
 */
export const errorsToleranceAllWithoutDlq: Rule = {
  meta: {
    id: 'consumer/errors-tolerance-all-without-dlq',
    stage: 'consumer',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    forEachGroup(context, (group) => {
      if (group.connectorType !== 'sink' || !hasRole(group, 'connect')) return;
      const tolerance = effectiveEntry(group, [TOLERANCE]);
      // Connect trims the value and accepts exactly `none` or `all` (ConfigDef.ValidString is case-sensitive):
      // `ALL` stops the connector from starting, which loses nothing.
      if (!tolerance || unjudgeable(tolerance) || tolerance.value.trim() !== 'all') return;
      const dlq = effectiveEntry(group, [DLQ]);
      if (dlq && (unjudgeable(dlq) || dlq.value.trim() !== '')) return;
      const log = effectiveEntry(group, [LOG]);
      const logKey = !log
        ? 'consumer/errors-tolerance-all-without-dlq.logOff'
        : unjudgeable(log)
          ? 'consumer/errors-tolerance-all-without-dlq.logUnknown'
          : normalizedValue(log) === 'true'
            ? 'consumer/errors-tolerance-all-without-dlq.logOn'
            : 'consumer/errors-tolerance-all-without-dlq.logOff';
      context.report({
        range: tolerance.valueRange,
        message: context.t('consumer/errors-tolerance-all-without-dlq.set', {
          dlq: context.t(dlq ? 'consumer/errors-tolerance-all-without-dlq.dlqEmpty' : 'consumer/errors-tolerance-all-without-dlq.dlqUnset'),
          log: context.t(logKey),
        }),
      });
    });
  },
};
