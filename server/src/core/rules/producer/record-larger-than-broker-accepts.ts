import type { LibraryId, RelatedLocation } from '../../model';
import { isAtLeast } from '../../catalog/versions';
import type { Cluster, TopicDefinition } from '../../deployment/model';
import type { Setting, Texts } from '../../deployment/settings';
import { ambiguity, clientSetting, clusterSetting, describeLink, describeSetting, intOf, labelOf, lowerIsWeaker, relatedAt, relatedSetting, topicSetting } from '../../deployment/settings';
import type { DeploymentRule } from '../types';

/**
 * The producer setting that caps what one request (or batch) may carry, per library: the Java client's
 * `max.request.size` (Sarama's `Producer.MaxMessageBytes`, franz-go's `ProducerBatchMaxBytes` and
 * kafka-python's `max_request_size` are read into it), librdkafka's own `message.max.bytes`.
 */
const SIZE_KEY: Readonly<Partial<Record<LibraryId, string>>> = {
  java: 'max.request.size',
  spring: 'max.request.size',
  sarama: 'max.request.size',
  'franz-go': 'max.request.size',
  'kafka-python': 'max.request.size',
  aiokafka: 'max.request.size',
  librdkafka: 'message.max.bytes',
  'confluent-js': 'message.max.bytes',
};

/** Since 0.10.1 (KIP-74) a follower can fetch a batch larger than its `replica.fetch.max.bytes`. */
const FETCH_LIMITS_NOT_ABSOLUTE_SINCE = '0.10.1';

/** What one topic (or the cluster, for topics without their own limit) accepts. */
interface Limit {
  readonly setting: Setting;
  readonly bytes: number;
  readonly cluster?: Cluster;
  readonly topic?: TopicDefinition;
}

/**
 * A producer that may send a batch larger than its topic (`max.message.bytes`) or its brokers
 * (`message.max.bytes`) accept, and, on Kafka before 0.10.1, larger than the followers fetch
 * (`replica.fetch.max.bytes`).
 */
export const recordLargerThanBrokerAccepts: DeploymentRule = {
  scope: 'deployment',
  meta: {
    id: 'producer/record-larger-than-broker-accepts',
    stage: 'producer',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    const { options, t } = context;
    for (const client of context.deployment.clients) {
      if (client.role !== 'producer') continue;
      const sizeKey = SIZE_KEY[client.ref.group.library];
      if (!sizeKey) continue;
      const size = clientSetting(client, [sizeKey], options);
      const sizeBytes = size ? intOf(size.value) : undefined;
      if (!size || sizeBytes === undefined) continue;
      const limits: Limit[] = [];
      const defined = client.topics.filter((u) => u.definitions.length > 0);
      for (const use of defined) {
        for (const topic of use.definitions) {
          const cluster = topic.link.clusters.find((c) => client.link.clusters.includes(c)) ?? topic.link.clusters[0] ?? client.link.clusters[0];
          const setting = topicSetting(topic, cluster, 'max.message.bytes', 'message.max.bytes', options, lowerIsWeaker);
          const bytes = setting ? intOf(setting.value) : undefined;
          if (setting && bytes !== undefined) limits.push({ setting, bytes, topic, ...(cluster ? { cluster } : {}) });
        }
      }
      if (defined.length === 0 || defined.length < client.topics.length) {
        for (const cluster of client.link.clusters) {
          const setting = clusterSetting(cluster, 'message.max.bytes', options, lowerIsWeaker);
          const bytes = setting ? intOf(setting.value) : undefined;
          if (setting && bytes !== undefined) limits.push({ setting, bytes, cluster });
        }
      }
      if (limits.length === 0) continue;

      const shownIn = size.entry ? size.ref.file : client.ref.file;
      const range = size.entry ? size.entry.span : client.ref.group.anchor;
      const sizeWords = size.entry
        ? t('producer/record-larger-than-broker-accepts.size.set', { key: sizeKey, bytes: sizeBytes })
        : t('producer/record-larger-than-broker-accepts.size.default', { source: size.defaultFrom ?? '', bytes: sizeBytes, key: sizeKey });
      const compression = clientSetting(client, ['compression.type'], options);
      const compressed = compression?.entry !== undefined && compression.value.toLowerCase() !== 'none';
      const limitRelated = (l: Limit): RelatedLocation =>
        relatedSetting(
          l.setting,
          shownIn,
          l.setting.entry ? t('deployment.related.set', { key: l.setting.key, value: l.bytes }) : t('deployment.related.default', { key: l.setting.key, value: l.bytes }),
        );
      const topicsOf = (l: Limit): RelatedLocation[] =>
        client.topics.flatMap((u) =>
          u.ref && u.span && l.topic && u.name === l.topic.name ? [relatedAt(u.ref, u.span, shownIn, t('deployment.related.writesTopic', { topic: u.name }))] : [],
        );

      // Too large for the topic or the brokers: every batch between the two limits is refused.
      const tooSmall = limits.filter((l) => l.bytes < sizeBytes && (size.entry || l.setting.entry));
      if (tooSmall.length > 0) {
        const worst = tooSmall.reduce((a, b) => (b.bytes < a.bytes ? b : a));
        const cluster = worst.cluster && client.link.clusters.includes(worst.cluster) ? worst.cluster : undefined;
        context.report({
          file: shownIn.file,
          range,
          message: t('producer/record-larger-than-broker-accepts.message', {
            size: sizeWords,
            accepts: whoAccepts(t, worst),
            compressed: compressed ? t('producer/record-larger-than-broker-accepts.compressed') : '',
            key: sizeKey,
            limit: worst.bytes,
            raise: t(worst.topic ? 'producer/record-larger-than-broker-accepts.raise.topic' : 'producer/record-larger-than-broker-accepts.raise.brokers'),
            link: cluster ? t('deployment.producerLink', { cluster: describeLink(t, client.link, cluster) }) + ambiguity(t, client.link, cluster) : '',
          }),
          related: [limitRelated(worst), ...topicsOf(worst)],
        });
        continue;
      }

      // Kafka before 0.10.1: accepted by the leader, but too large for the followers to copy.
      if (isAtLeast(options.kafkaVersion, FETCH_LIMITS_NOT_ABSOLUTE_SINCE)) continue;
      for (const l of limits) {
        if (!l.cluster) continue;
        const fetch = clusterSetting(l.cluster, 'replica.fetch.max.bytes', options, lowerIsWeaker);
        const fetchBytes = fetch ? intOf(fetch.value) : undefined;
        const accepted = Math.min(sizeBytes, l.bytes);
        if (!fetch || fetchBytes === undefined || accepted <= fetchBytes || !(size.entry || l.setting.entry || fetch.entry)) continue;
        context.report({
          file: shownIn.file,
          range,
          message: t('producer/record-larger-than-broker-accepts.followers', {
            size: sizeWords,
            accepts: whoAccepts(t, l),
            fetch: describeSetting(t, fetch),
            fetchBytes,
            accepted,
            key: sizeKey,
          }),
          related: [
            relatedSetting(fetch, shownIn, t('producer/record-larger-than-broker-accepts.related.fetch', { bytes: fetchBytes })),
            relatedSetting(l.setting, shownIn, t('producer/record-larger-than-broker-accepts.related.limit', { bytes: l.bytes })),
            ...topicsOf(l),
          ],
        });
        break;
      }
    }
  },
};

/** What accepts the batches, in words: `topic orders accepts batches of at most … (topic-orders.properties sets …)`. */
function whoAccepts(t: Texts, l: Limit): string {
  const { setting, topic } = l;
  if (topic && setting.ref === topic.ref) return t('producer/record-larger-than-broker-accepts.accepts.topic', { topic: topic.name, bytes: l.bytes, file: labelOf(topic.ref.file) });
  if (topic) {
    return t('producer/record-larger-than-broker-accepts.accepts.topicFromBrokers', { topic: topic.name, file: labelOf(topic.ref.file), bytes: l.bytes, setting: describeSetting(t, setting) });
  }
  return t('producer/record-larger-than-broker-accepts.accepts.brokers', { bytes: l.bytes, setting: describeSetting(t, setting) });
}
