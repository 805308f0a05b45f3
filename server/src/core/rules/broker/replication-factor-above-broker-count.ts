import type { ConfigEntry, ConfigGroup } from '../../model';
import { hasRole } from '../../model';
import type { Rule, RuleContext } from '../types';
import { forEachGroup } from '../types';
import { insertEntryFix, setValueFix } from '../../fixes';
import { brokerPoolsRelated, defaultSource, effectiveEntry, groupDefault, intValue, unjudgeable, unreadOnController } from '../support';

/**
 * Replication factors and minimum in-sync replica counts larger than the cluster can hold, where the file
 * says how many brokers there are (`links.brokerCount`: the broker services of a compose file, a Strimzi
 * cluster's replicas). Kafka cannot place more replicas than it has brokers, and no more replicas than that
 * can be in sync.
 */

/** What each key decides, as the catalogue names the consequence (`…consequence.<what>`). */
const RF_KEYS: Readonly<Record<string, 'topics' | 'topic' | 'offsets' | 'transactions' | 'shareState'>> = {
  'default.replication.factor': 'topics',
  'replication.factor': 'topic',
  'offsets.topic.replication.factor': 'offsets',
  'transaction.state.log.replication.factor': 'transactions',
  'share.coordinator.state.topic.replication.factor': 'shareState',
};
const ISR_KEYS: Readonly<Record<string, 'writes' | 'transactions' | 'shareState'>> = {
  'min.insync.replicas': 'writes',
  'transaction.state.log.min.isr': 'transactions',
  'share.coordinator.state.topic.min.isr': 'shareState',
};
/** Internal-topic keys whose Kafka defaults (3 copies, 2 in sync) a smaller cluster cannot meet. */
const DEFAULTED: readonly string[] = [
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'share.coordinator.state.topic.replication.factor',
  'transaction.state.log.min.isr',
  'share.coordinator.state.topic.min.isr',
];

function consequence(context: RuleContext, key: string): string {
  const rf = RF_KEYS[key];
  if (rf) return context.t(`broker/replication-factor-above-broker-count.rf.${rf}`);
  return context.t(`broker/replication-factor-above-broker-count.isr.${ISR_KEYS[key]}`);
}

function numeric(entry: ConfigEntry | undefined): number | undefined {
  if (!entry || unjudgeable(entry)) return undefined;
  const n = intValue(entry);
  return n !== undefined && n >= 1 ? n : undefined;
}

function checkGroup(context: RuleContext, group: ConfigGroup, brokers: number): void {
  const id = 'broker/replication-factor-above-broker-count';
  const seen = new Set<string>();
  // Node pools in other files that decide the count: each finding names them.
  const related = brokerPoolsRelated(context, group);
  for (const key of [...Object.keys(RF_KEYS), ...Object.keys(ISR_KEYS)]) {
    const entry = effectiveEntry(group, [key]);
    if (entry) seen.add(key);
    const n = numeric(entry);
    if (!entry || n === undefined || n <= brokers || unreadOnController(group, key)) continue;
    const what = RF_KEYS[key] ? 'rf' : 'isr';
    const fix = setValueFix(entry, String(brokers), context.t(`${id}.fix.lower`, { key: entry.key, value: String(brokers) }), false);
    context.report({
      range: entry.valueRange,
      message: context.t(`${id}.${what}`, { key: entry.key, value: n, brokers, consequence: consequence(context, key) }),
      fixes: fix ? [fix] : [],
      ...(related.length > 0 ? { related } : {}),
    });
  }
  if (!hasRole(group, 'broker')) return;
  // A ZooKeeper-mode broker runs Kafka 3.x at most, which has no share-group state topic.
  const zookeeper = effectiveEntry(group, ['zookeeper.connect']) !== undefined;
  for (const key of DEFAULTED) {
    if (seen.has(key) || (zookeeper && key.startsWith('share.'))) continue;
    const def = groupDefault(key, group, context.options);
    const n = def && /^\d+$/.test(def.value) ? Number(def.value) : undefined;
    if (!def || n === undefined || n <= brokers) continue;
    const fix = insertEntryFix(group, key, String(brokers), context.t(`${id}.fix.add`, { key, value: String(brokers) }), false);
    context.report({
      range: group.anchor,
      severity: 'warning',
      message: context.t(`${id}.default`, {
        source: defaultSource(group, context.options, def),
        key,
        value: n,
        brokers,
        consequence: consequence(context, key),
      }),
      fixes: fix ? [fix] : [],
      ...(related.length > 0 ? { related } : {}),
    });
  }
}

/** A replication factor or minimum ISR above the number of brokers the file gives the cluster. */
export const replicationFactorAboveBrokerCount: Rule = {
  meta: {
    id: 'broker/replication-factor-above-broker-count',
    stage: 'broker',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const brokers = group.links?.brokerCount;
      if (brokers === undefined || !Number.isInteger(brokers) || brokers < 1) return;
      checkGroup(context, group, brokers);
    });
  },
};
