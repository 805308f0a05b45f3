import type { Fix, RelatedLocation } from '../../model';
import type { Client } from '../../deployment/model';
import { clientSetting, groupFix, labelOf, listed, relatedAt, topicsPhrase } from '../../deployment/settings';
import type { DeploymentRule } from '../types';

const KEY = 'isolation.level';
const SAFE = 'read_committed';

/** True when two clients may talk to the same cluster: a shared cluster, or one of them not placed anywhere. */
function sameCluster(a: Client, b: Client): boolean {
  return a.link.clusters.length === 0 || b.link.clusters.length === 0 || a.link.clusters.some((c) => b.link.clusters.includes(c));
}

/**
 * A consumer reading with `isolation.level=read_uncommitted` (set, or its library's default) from a topic
 * that a transactional producer (`transactional.id`) writes: it also receives the records of transactions
 * that were aborted, and of open ones that may still be.
 */
export const readsAbortedTransactions: DeploymentRule = {
  scope: 'deployment',
  meta: {
    id: 'consumer/reads-aborted-transactions',
    stage: 'consumer',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context) {
    const { options, t } = context;
    const producers = context.deployment.clients
      .filter((c) => c.role === 'producer')
      .map((p) => ({ client: p, tx: clientSetting(p, ['transactional.id'], options) }))
      .filter((p) => p.tx?.entry !== undefined && p.tx.value.length > 0);
    if (producers.length === 0) return;
    for (const consumer of context.deployment.clients) {
      if (consumer.role !== 'consumer' || consumer.topics.length === 0) continue;
      const writers = producers.filter((p) => sameCluster(p.client, consumer) && p.client.topics.some((t) => consumer.topics.some((u) => u.name === t.name)));
      if (writers.length === 0) continue;
      const isolation = clientSetting(consumer, [KEY], options);
      if (!isolation || isolation.value.toLowerCase() !== 'read_uncommitted') continue;
      const shownIn = isolation.entry ? isolation.ref.file : consumer.ref.file;
      const range = isolation.entry ? isolation.entry.span : consumer.ref.group.anchor;
      const topics = [...new Set(writers.flatMap((w) => w.client.topics.map((t) => t.name).filter((n) => consumer.topics.some((u) => u.name === n))))];
      const writing = topicsPhrase(t, topics);
      const related: RelatedLocation[] = writers.map((w) =>
        relatedAt(w.tx!.ref, w.tx!.entry!.span, shownIn, t('consumer/reads-aborted-transactions.related.producer', { topics: writing })),
      );
      for (const use of consumer.topics) {
        if (use.ref && use.span && topics.includes(use.name)) related.push(relatedAt(use.ref, use.span, shownIn, t('deployment.related.readsTopic', { topic: use.name })));
      }
      const target = isolation.entry ? isolation.ref : consumer.ref;
      const fix: Fix | undefined = groupFix(target, KEY, SAFE, t('fix.set', { key: KEY, value: SAFE }), shownIn);
      const writerFiles = listed(t, [...new Set(writers.map((w) => labelOf(w.tx!.ref.file)))]);
      context.report({
        file: shownIn.file,
        range,
        message: isolation.entry
          ? t('consumer/reads-aborted-transactions.set', { value: isolation.value, topics: writing, producers: writerFiles })
          : t('consumer/reads-aborted-transactions.default', { source: isolation.defaultFrom ?? '', topics: writing, producers: writerFiles }),
        related,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
