import type { Fix, RelatedLocation } from '../../model';
import type { Cluster, TopicDefinition } from '../../deployment/model';
import type { Setting, Texts } from '../../deployment/settings';
import {
  ambiguity,
  clientSetting,
  clusterRf,
  clusterSetting,
  describeLink,
  describeSetting,
  groupFix,
  intOf,
  labelOf,
  lowerIsWeaker,
  relatedAt,
  relatedSetting,
  spanOfSetting,
  topicRf,
  topicSetting,
} from '../../deployment/settings';
import type { DeploymentRule } from '../types';

const KEY = 'min.insync.replicas';
const SAFE = '2';

/** A min ISR that lets the leader alone acknowledge an acks=all write. */
function isLeaderOnly(s: Setting): boolean {
  const n = intOf(s.value);
  return n !== undefined && n <= 1;
}

/** What decides the min ISR for one topic (or the cluster's default for the topics the producer writes). */
interface Decider {
  readonly setting: Setting;
  readonly cluster?: Cluster;
  readonly topic?: TopicDefinition;
  /** The replication factor the fix must respect, when known. */
  readonly rf?: number;
}

/** True when the topic itself sets the min ISR (rather than taking the brokers'). */
function topicDecides(d: Decider): boolean {
  return d.topic !== undefined && d.setting.ref === d.topic.ref;
}

/**
 * A producer with acks=all (written or by default) whose topic, or whose cluster for topics without their
 * own value, has `min.insync.replicas` 1 (written or by default): acks=all then waits for the leader alone.
 */
export const acksAllWithoutMinIsr: DeploymentRule = {
  scope: 'deployment',
  meta: {
    id: 'producer/acks-all-without-min-isr',
    stage: 'producer',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const { options, t } = context;
    for (const client of context.deployment.clients) {
      if (client.role !== 'producer') continue;
      const acks = clientSetting(client, ['acks', 'request.required.acks'], options);
      if (!acks || !['all', '-1'].includes(acks.value.toLowerCase())) continue;
      const deciders: Decider[] = [];
      const add = (d: Decider | undefined): void => {
        if (!d || !isLeaderOnly(d.setting)) return;
        const span = spanOfSetting(d.setting);
        if (!deciders.some((x) => x.setting.ref.file === d.setting.ref.file && spanOfSetting(x.setting).start === span.start)) deciders.push(d);
      };
      const defined = client.topics.filter((u) => u.definitions.length > 0);
      for (const use of defined) {
        for (const topic of use.definitions) {
          const cluster = topic.link.clusters.find((c) => client.link.clusters.includes(c)) ?? topic.link.clusters[0] ?? client.link.clusters[0];
          const setting = topicSetting(topic, cluster, KEY, KEY, options, lowerIsWeaker);
          if (!setting) continue;
          // A topic without its own replication factor gets the cluster's default.replication.factor.
          const rf = topicRf(topic, cluster, options);
          add({ setting, topic, ...(cluster ? { cluster } : {}), ...(rf !== undefined ? { rf } : {}) });
        }
      }
      // Topics the producer names without a definition anywhere, or a producer that names none: the cluster's value.
      if (defined.length === 0 || defined.length < client.topics.length) {
        for (const cluster of client.link.clusters) {
          const setting = clusterSetting(cluster, KEY, options, lowerIsWeaker);
          if (setting) add({ setting, cluster, rf: clusterRf(cluster, options) });
        }
      }
      if (deciders.length === 0) continue;

      const shownIn = acks.entry ? acks.ref.file : client.ref.file;
      const range = acks.entry ? acks.entry.span : client.ref.group.anchor;
      // How the producer was placed matters when a broker file decides (is it really this producer's cluster?).
      const byCluster = deciders.find((d) => d.cluster && !topicDecides(d) && client.link.clusters.includes(d.cluster))?.cluster;
      const cluster = byCluster ?? deciders.find((d) => d.cluster && client.link.clusters.includes(d.cluster))?.cluster;
      const related: RelatedLocation[] = deciders.map((d) =>
        relatedSetting(
          d.setting,
          shownIn,
          d.setting.entry ? t('deployment.related.set', { key: KEY, value: d.setting.value }) : t('deployment.related.default', { key: KEY, value: d.setting.value }),
        ),
      );
      for (const use of client.topics) {
        if (use.ref && use.span && !(use.ref.file === shownIn && use.span.start === range.start)) {
          related.push(relatedAt(use.ref, use.span, shownIn, t('deployment.related.writesTopic', { topic: use.name })));
        }
      }
      if (client.link.via === 'bootstrap' && client.link.broker && client.link.address) {
        const listener = client.link.broker.group.entries['advertised.listeners'] ?? client.link.broker.group.entries.listeners;
        if (listener) related.push(relatedAt(client.link.broker, listener.span, shownIn, t('deployment.related.broker', { address: client.link.address })));
      }
      const fixes: Fix[] = [];
      for (const d of deciders) {
        if (d.rf !== undefined && d.rf < 3) continue;
        // A cluster value decided by one of several weak brokers needs every one of them changed: no single fix.
        if (!topicDecides(d)) {
          const weak = d.cluster?.brokers.filter((b) => {
            const own = b.group.entries[KEY];
            return !own || (intOf(own.value) ?? 2) <= 1;
          });
          if (weak && weak.length > 1) continue;
        }
        const title = t('deployment.fix.setIn', { key: KEY, value: SAFE, file: labelOf(d.setting.ref.file) });
        const fix = groupFix(d.setting.ref, KEY, SAFE, title, shownIn, fixes.length === 0);
        if (fix) fixes.push(fix);
      }
      context.report({
        file: shownIn.file,
        range,
        message: t('producer/acks-all-without-min-isr.message', {
          acks: acks.entry
            ? t('producer/acks-all-without-min-isr.acks.set', { value: acks.value })
            : t('producer/acks-all-without-min-isr.acks.default', { source: acks.defaultFrom ?? '' }),
          reasons: deciders.map((d) => decided(t, d)).join(t('deployment.reasons.separator')),
          link: byCluster ? t('deployment.producerLink', { cluster: describeLink(t, client.link, byCluster) }) : '',
          unsure: cluster ? ambiguity(t, client.link, cluster) : '',
        }),
        related,
        fixes,
      });
    }
  },
};

/** One decider in words: `topic orders has min.insync.replicas=1 (topic-orders.properties)`. */
function decided(t: Texts, d: Decider): string {
  const { setting, topic } = d;
  if (topic && topicDecides(d)) return t('producer/acks-all-without-min-isr.topic', { topic: topic.name, value: setting.value, file: labelOf(topic.ref.file) });
  if (topic) return t('producer/acks-all-without-min-isr.topicFromBrokers', { topic: topic.name, file: labelOf(topic.ref.file), setting: describeSetting(t, setting) });
  return t('producer/acks-all-without-min-isr.cluster', { setting: describeSetting(t, setting) });
}
