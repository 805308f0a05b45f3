import type { Fix, Severity } from '../../model';
import type { MessageKey } from '../../i18n/index';
import type { Cluster, TopicDefinition } from '../../deployment/model';
import type { Setting, Texts } from '../../deployment/settings';
import { ambiguity, clusterSetting, whyLinked, groupFix, intOf, isPlaceholderValue, labelOf, lowerIsWeaker, relatedSetting, topicRf, trueIsWeaker } from '../../deployment/settings';
import type { DeploymentRule } from '../types';

/** One topic setting that weakens what the brokers set, and how to say it. */
interface Check {
  readonly topicKey: string;
  readonly brokerKey: string;
  /** The per-file rule that reports the same value on its own; this finding replaces it. */
  readonly supersedes: string;
  readonly severity: Severity;
  readonly weaker: (a: string, b: string) => boolean;
  readonly message: MessageKey & `broker/topic-overrides-safe-broker.${'unclean' | 'minIsr' | 'rf'}`;
}

const CHECKS: readonly Check[] = [
  {
    topicKey: 'unclean.leader.election.enable',
    brokerKey: 'unclean.leader.election.enable',
    supersedes: 'broker/unclean-leader-election',
    severity: 'error',
    weaker: trueIsWeaker,
    message: 'broker/topic-overrides-safe-broker.unclean',
  },
  {
    topicKey: 'min.insync.replicas',
    brokerKey: 'min.insync.replicas',
    supersedes: 'broker/min-insync-replicas-too-low',
    severity: 'warning',
    weaker: lowerIsWeaker,
    message: 'broker/topic-overrides-safe-broker.minIsr',
  },
  {
    topicKey: 'replication.factor',
    brokerKey: 'default.replication.factor',
    supersedes: 'broker/replication-factor-too-low',
    severity: 'warning',
    weaker: lowerIsWeaker,
    message: 'broker/topic-overrides-safe-broker.rf',
  },
];

/**
 * A topic definition whose own setting weakens what its brokers set on purpose: unclean leader election
 * turned back on, a lower `min.insync.replicas`, a replication factor below the broker default.
 */
export const topicOverridesSafeBroker: DeploymentRule = {
  scope: 'deployment',
  meta: {
    id: 'broker/topic-overrides-safe-broker',
    stage: 'broker',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const { options, t } = context;
    for (const topic of context.deployment.topics) {
      for (const check of CHECKS) {
        const entry = topic.ref.group.entries[check.topicKey];
        if (!entry || isPlaceholderValue(entry.value)) continue;
        for (const cluster of topic.link.clusters) {
          const weakest = clusterSetting(cluster, check.brokerKey, options, check.weaker);
          // Only a value the brokers set on purpose (and that every broker holds, written or by default) is weakened.
          const broker = weakest?.entry ? weakest : weakest && writtenAs(cluster, check.brokerKey, weakest.value);
          if (!broker || !check.weaker(entry.value.trim(), broker.value)) continue;
          context.report({
            file: topic.ref.file.file,
            range: entry.span,
            severity: check.severity,
            supersedes: [check.supersedes],
            message: t(check.message, {
              setting: `${check.topicKey}=${entry.value.trim()}`,
              topic: topic.name,
              file: labelOf(broker.ref.file),
              key: broker.key,
              value: broker.value,
              why: whyLinked(t, topic.link, cluster),
              unsure: ambiguity(t, topic.link, cluster),
            }),
            related: [relatedSetting(broker, topic.ref.file, t('broker/topic-overrides-safe-broker.related', { key: broker.key, value: broker.value }))],
            fixes: fixesFor(t, topic, check, broker, topicRf(topic, cluster, options)),
          });
          break;
        }
      }
    }
  },
};

/** A broker of the cluster that writes `key` with this value, as a setting to cite. */
function writtenAs(cluster: Cluster, key: string, value: string): Setting | undefined {
  for (const ref of cluster.brokers) {
    const entry = ref.group.entries[key];
    if (entry && entry.value.trim().toLowerCase() === value.toLowerCase()) return { key, value: entry.value.trim(), ref, entry };
  }
  return undefined;
}

/** `rf`: the topic's replication factor, its own or the cluster's default (undefined when unknown). */
function fixesFor(t: Texts, topic: TopicDefinition, check: Check, broker: Setting, rfValue: number | undefined): Fix[] {
  const shownIn = topic.ref.file;
  const fixes: (Fix | undefined)[] = [];
  if (check.topicKey === 'unclean.leader.election.enable') {
    fixes.push(groupFix(topic.ref, check.topicKey, undefined, t('broker/topic-overrides-safe-broker.fix.remove', { key: check.topicKey }), shownIn));
    fixes.push(groupFix(topic.ref, check.topicKey, 'false', t('fix.set', { key: check.topicKey, value: 'false' }), shownIn, false));
  } else if (check.topicKey === 'min.insync.replicas') {
    const want = intOf(broker.value);
    // The cluster's min ISR must stay below the topic's replication factor, or a single broker down stops writes.
    if (want !== undefined && (rfValue === undefined || want < rfValue)) fixes.push(groupFix(topic.ref, check.topicKey, String(want), t('fix.set', { key: check.topicKey, value: want }), shownIn));
  } else if (broker.value.trim() === '3') {
    fixes.push(groupFix(topic.ref, check.topicKey, '3', t('fix.set', { key: check.topicKey, value: '3' }), shownIn));
  }
  return fixes.filter((f): f is Fix => f !== undefined);
}
