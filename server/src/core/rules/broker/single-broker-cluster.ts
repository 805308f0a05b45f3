import type { ConfigEntry, ConfigGroup, RelatedLocation } from '../../model';
import { hasRole } from '../../model';
import type { Rule, RuleContext } from '../types';
import { forEachGroup } from '../types';
import { brokerPoolsRelated, effectiveEntry, groupDefault, intValue, unjudgeable } from '../support';

/**
 * One summary per broker configuration that evidently runs a cluster of one broker (Kafka's own sample
 * `server.properties`, a compose file with one broker service, a Strimzi cluster of one replica): it names
 * every setting that keeps a single copy or acknowledges with one, so the file reads as one cause ("this is a
 * one-broker cluster") rather than as a list of unrelated warnings. The per-key findings of
 * broker/replication-factor-too-low and broker/min-insync-replicas-too-low stay: each is a key to change,
 * with its own fix, before the file serves more than local development. This one is info and has no fix.
 */

export const SINGLE_BROKER_RULE = 'broker/single-broker-cluster';

/** Broker-wide replication factors: each at 1 keeps one copy of what it governs. */
const RF_KEYS: readonly string[] = [
  'default.replication.factor',
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'share.coordinator.state.topic.replication.factor',
];
/** Minimum ISR keys: each at 1 lets a write be acknowledged by one copy. */
const ISR_KEYS: readonly string[] = ['min.insync.replicas', 'transaction.state.log.min.isr', 'share.coordinator.state.topic.min.isr'];

/** A numeric value as Kafka reads it, or undefined for a placeholder or malformed value. */
function numeric(entry: ConfigEntry | undefined): number | undefined {
  if (!entry || unjudgeable(entry)) return undefined;
  return intValue(entry);
}

/** The voters of a static KRaft quorum (`1@host:9093,2@host:9093`), by id, or undefined when not set. */
function voters(group: ConfigGroup): readonly string[] | undefined {
  const entry = effectiveEntry(group, ['controller.quorum.voters']);
  if (!entry || unjudgeable(entry)) return undefined;
  const list = entry.value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  return list.map((v) => v.split('@')[0]);
}

/** `process.roles` as a set of lower-case roles, or undefined when not set. */
function processRoles(group: ConfigGroup): ReadonlySet<string> | undefined {
  const entry = effectiveEntry(group, ['process.roles']);
  if (!entry || unjudgeable(entry)) return undefined;
  return new Set(entry.value.toLowerCase().split(',').map((r) => r.trim()));
}

type Evidence =
  | { readonly kind: 'brokers' }
  | { readonly kind: 'voter'; readonly entry: ConfigEntry }
  | { readonly kind: 'internal' };

/**
 * What in the file says the cluster has one broker, or undefined when nothing does or something says
 * otherwise: the broker count the file gives (compose services, Strimzi replicas); a combined
 * broker-and-controller node that is the only voter of its quorum; or two broker-wide replication factors
 * set to 1 (Kafka's defaults of 3 for its internal topics cannot be met by one broker, which is why every
 * single-node sample sets them to 1).
 */
function evidenceOf(group: ConfigGroup): Evidence | undefined {
  const brokers = group.links?.brokerCount;
  if (brokers !== undefined) return brokers === 1 ? { kind: 'brokers' } : undefined;
  const quorum = voters(group);
  if (quorum && quorum.length > 1) return undefined;
  const roles = processRoles(group);
  if (roles && !roles.has('broker')) return undefined;
  if (quorum && quorum.length === 1 && roles?.has('controller')) {
    const node = numeric(effectiveEntry(group, ['node.id']));
    if (node === undefined || String(node) === quorum[0]) {
      return { kind: 'voter', entry: effectiveEntry(group, ['controller.quorum.voters']) as ConfigEntry };
    }
  }
  // Only explicit values count: Kafka's own default factor of 1 for new topics says nothing about the cluster.
  const ones = RF_KEYS.filter((key) => numeric(effectiveEntry(group, [key])) === 1);
  return ones.length >= 2 ? { kind: 'internal' } : undefined;
}

/** One setting of the file that gives no redundancy: set here (with its entry) or left at a default of 1. */
interface SingleCopy {
  readonly key: string;
  readonly entry?: ConfigEntry;
  /** The default that applies when the key is unset. */
  readonly value?: string;
}

/** The settings of a group that keep one copy or acknowledge with one: unset ones first, then in source order. */
function singleCopies(group: ConfigGroup, context: RuleContext): SingleCopy[] {
  // A ZooKeeper-mode broker runs Kafka 3.x at most, which has no share-group state topic.
  const zookeeper = effectiveEntry(group, ['zookeeper.connect']) !== undefined;
  const out: SingleCopy[] = [];
  for (const key of [...RF_KEYS, ...ISR_KEYS]) {
    const entry = effectiveEntry(group, [key]);
    if (entry) {
      if (numeric(entry) === 1) out.push({ key, entry });
      continue;
    }
    if (zookeeper && key.startsWith('share.')) continue;
    const def = groupDefault(key, group, context.options);
    if (def && def.value.trim() === '1') out.push({ key, value: def.value.trim() });
  }
  const quorum = voters(group);
  const voterEntry = effectiveEntry(group, ['controller.quorum.voters']);
  if (quorum && quorum.length === 1 && voterEntry) out.push({ key: 'controller.quorum.voters', entry: voterEntry });
  // Unset keys first (the finding sits where they would be added), then the file's own lines in its order.
  const at = (c: SingleCopy): number => (c.entry ? c.entry.valueRange.start : -1);
  return out.map((c, i) => ({ c, i })).sort((a, b) => at(a.c) - at(b.c) || a.i - b.i).map(({ c }) => c);
}

/** How the message names one setting: `offsets.topic.replication.factor=1`, or the unset default. */
function describe(context: RuleContext, copy: SingleCopy): string {
  if (!copy.entry) return context.t('broker/single-broker-cluster.setting.unset', { key: copy.key, value: copy.value ?? '1' });
  if (copy.key === 'controller.quorum.voters') return context.t('broker/single-broker-cluster.setting.voter', { key: copy.key });
  return context.t('broker/single-broker-cluster.setting.set', { key: copy.key, value: copy.entry.value.trim() });
}

/** `a`, `a and b`, `a, b and c`: every name, in the user's language. */
function listed(context: RuleContext, names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return context.t('deployment.list.last', { rest: names.slice(0, -1).join(context.t('deployment.list.separator')), last: names[names.length - 1] });
}

/** A file-level summary: this file configures a single-broker cluster, and these settings give no redundancy. */
export const singleBrokerCluster: Rule = {
  meta: {
    id: SINGLE_BROKER_RULE,
    stage: 'broker',
    defaultSeverity: 'info',
    fixable: false,
  },
  check(context) {
    forEachGroup(context, (group) => {
      if (!hasRole(group, 'broker')) return;
      const evidence = evidenceOf(group);
      if (!evidence) return;
      const copies = singleCopies(group, context);
      // A summary of one setting says nothing its own finding does not.
      if (copies.length < 2) return;
      const why =
        evidence.kind === 'brokers'
          ? context.t('broker/single-broker-cluster.evidence.brokers')
          : evidence.kind === 'voter'
            ? context.t('broker/single-broker-cluster.evidence.voter', { key: 'controller.quorum.voters' })
            : context.t('broker/single-broker-cluster.evidence.internal');
      const related: RelatedLocation[] = copies.flatMap((c) =>
        c.entry ? [{ range: c.entry.valueRange, message: context.t('broker/single-broker-cluster.related', { setting: describe(context, c) }) }] : [],
      );
      // The one broker counted in a node pool of another file: that file decides the summary.
      if (evidence.kind === 'brokers') related.push(...brokerPoolsRelated(context, group));
      context.report({
        range: group.anchor,
        message: context.t('broker/single-broker-cluster.message', {
          evidence: why,
          count: copies.length,
          settings: listed(context, copies.map((c) => describe(context, c))),
        }),
        related,
      });
    });
  },
};
