import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import type { ConfigGroup, DocumentKind, LibraryId } from '../../model';
import { compareVersions } from '../../catalog/versions';
import type { LintOptions } from '../../options';
import { defaultPhrase, effectiveEntry, groupDefault, kafkaVersionOf, unjudgeable, normalizedValue, unsafeDefault } from '../support';

const KEY = 'enable.auto.commit';
/** librdkafka's offset store: auto-commit commits only the offsets stored in it. */
const STORE = 'enable.auto.offset.store';
/**
 * Libraries whose auto-commit commits only the offsets the application marked as done (Sarama:
 * `session.MarkMessage` / `MarkOffset`), as librdkafka does with its offset store off: at-least-once when
 * the application marks after processing, and marking before processing is a `commit-before-processing`
 * code fact. Their auto-commit, written or by default, is not this rule's hazard.
 */
const COMMITS_MARKED_ONLY: ReadonlySet<LibraryId> = new Set<LibraryId>(['sarama']);

/** Auto-commit on (written, or the client default): offsets can run ahead of processing. */
export const autoCommitEnabled: Rule = {
  meta: {
    id: 'consumer/auto-commit-enabled',
    stage: 'consumer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      if (COMMITS_MARKED_ONLY.has(group.library) || storesOffsetsManually(group, context.options)) return;
      // A consumer in no group commits nothing, whatever enable.auto.commit says.
      if (group.groupless) return;
      const entry = effectiveEntry(group, [KEY], 'consumer');
      if (entry) {
        if (unjudgeable(entry) || normalizedValue(entry) !== 'true') return;
        const fix = setValueFix(entry, 'false', context.t('consumer/auto-commit-enabled.fixSet'));
        context.report({
          range: entry.valueRange,
          message: context.t('consumer/auto-commit-enabled.set', { key: KEY, loss: context.t('consumer/auto-commit-enabled.loss') }),
          fixes: fix ? [fix] : [],
        });
        return;
      }
      if (!hasRole(group, 'consumer')) return;
      // A Spring listener container switches auto-commit off unless it is set explicitly.
      if (group.library === 'spring' && group.springContainer) return;
      if (withoutGroup(group, context.document.kind, context.options)) return;
      const found = unsafeDefault(KEY, group, context.options, (v) => v === 'true');
      if (!found) return;
      const fix = insertEntryFix(group, KEY, 'false', context.t('consumer/auto-commit-enabled.fixAdd'));
      context.report({
        range: group.anchor,
        message: context.t('consumer/auto-commit-enabled.default', {
          defaults: defaultPhrase(KEY, group, context.options, found),
          loss: context.t('consumer/auto-commit-enabled.loss'),
        }),
        fixes: fix ? [fix] : [],
      });
    });
  },
};

/**
 * True when Java client code builds a consumer here (`new KafkaConsumer<>(props)`, not a helper's map a caller
 * may add to) whose whole config is visible and has no `group.id` (one that
 * assigns its partitions itself, or only reads offsets): since Kafka 2.2 (KIP-289) the consumer turns the
 * `enable.auto.commit` default off when `group.id` is null, and commits nothing (KafkaConsumer /
 * `ConsumerConfig.maybeOverrideEnableAutoCommit`). Before 2.2 the default group id was `""`, with auto-commit on.
 */
function withoutGroup(group: ConfigGroup, kind: DocumentKind, options: LintOptions): boolean {
  if (kind !== 'java' || group.library !== 'java' || !group.builtHere) return false;
  if (compareVersions(kafkaVersionOf(group, options), '2.2') < 0) return false;
  return !group.entries.some((e) => e.key === 'group.id');
}

/**
 * True when the group's client keeps an offset store (its library has a default for
 * `enable.auto.offset.store`: librdkafka and its bindings) and the group turns automatic storing off: the
 * auto-commit then commits only the offsets the application stored itself (`store_offsets`, `StoreMessage`,
 * `offsetsStore`), which is at-least-once when it stores after processing. Storing before processing is a
 * `commit-before-processing` code fact.
 */
function storesOffsetsManually(group: ConfigGroup, options: LintOptions): boolean {
  if (!groupDefault(STORE, group, options)) return false;
  const store = effectiveEntry(group, [STORE], 'consumer');
  return store !== undefined && !unjudgeable(store) && normalizedValue(store) === 'false';
}
