import type { ConfigEntry, ConfigGroup } from '../../model';
import type { Rule, RuleContext } from '../types';
import { validateValue } from '../../catalog/validate';
import { findKey } from '../../catalog/index';
import { unjudgeable, refusedClass, stageLabel, stageOfKey } from '../support';

/** Spring's own boolean conversion, used for its typed `spring.kafka.*` properties. */
const SPRING_BOOLEANS: Readonly<Record<string, string>> = { true: 'true', on: 'true', yes: 'true', '1': 'true', false: 'false', off: 'false', no: 'false', '0': 'false' };

/**
 * Spring Boot binds its typed properties (`spring.kafka.consumer.enable-auto-commit`) with its own
 * converters (durations like `5s`, sizes like `16KB`, `yes`/`no` booleans) before Kafka sees them; the
 * pass-through maps (`spring.kafka.*.properties.*`) reach Kafka unchanged.
 */
function springTyped(group: ConfigGroup, entry: ConfigEntry): boolean {
  // Spring Cloud Stream's binder hands its maps and its `requiredAcks` String to Kafka as written.
  return group.library === 'spring' && entry.rawKey.startsWith('spring.') && !/\.properties[.[]/.test(entry.rawKey) && !/^spring\.cloud\.stream\./i.test(entry.rawKey);
}

/** The value Kafka ends up validating, or undefined when another layer's conversion makes it unknowable here. */
function valueForKafka(group: ConfigGroup, entry: ConfigEntry): string | undefined {
  if (!springTyped(group, entry)) return entry.value;
  const doc = findKey(entry.key);
  if (doc?.type === 'boolean') return SPRING_BOOLEANS[entry.value.trim().toLowerCase()] ?? entry.value;
  // Only closed string sets go through unchanged; Spring's enum binding also accepts `read-committed`.
  if (doc?.type === 'string' && doc.validValues) return entry.value.replace(/-/g, doc.validValues.some((v) => v.includes('_')) ? '_' : '-');
  return undefined;
}

/** What a rejected value stops, by the role that reads the key. */
function roleWord(context: RuleContext, entry: ConfigEntry): string {
  const roles = findKey(entry.key)?.roles ?? [];
  const role = entry.role ?? (roles.length === 1 ? roles[0] : undefined);
  switch (role) {
    case 'producer':
    case 'consumer':
    case 'broker':
    case 'topic':
      return context.t(`config/invalid-value.${role}`);
    default:
      return context.t('config/invalid-value.other');
  }
}

/**
 * Why Kafka's ConfigDef refuses the entry's value, or undefined: a Java object of the wrong class for the key
 * (an Integer for `acks`), else a value its type or valid set does not take. A placeholder is not judged.
 */
function reasonOf(context: RuleContext, group: ConfigGroup, entry: ConfigEntry): string | undefined {
  const refused = refusedClass(entry);
  if (refused !== undefined) return context.t('validate.notString', { valueClass: refused });
  if (unjudgeable(entry)) return undefined;
  const value = valueForKafka(group, entry);
  return value === undefined ? undefined : validateValue(entry.key, value, context.options.locale);
}

/** A value that Kafka's ConfigDef rejects when the client or broker starts. */
export const invalidValue: Rule = {
  meta: {
    id: 'config/invalid-value',
    stage: 'config',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    const reported = new Set<number>();
    for (const group of context.document.groups) {
      // Other client libraries parse values themselves (librdkafka accepts `smallest`, for one).
      if (group.library !== 'java' && group.library !== 'spring') continue;
      for (const entry of group.entries) {
        // Keys the catalog does not know have nothing to validate (checked first: most keys of a large file).
        if (findKey(entry.key) === undefined || reported.has(entry.keyRange.start)) continue;
        const reason = reasonOf(context, group, entry);
        if (!reason) continue;
        reported.add(entry.keyRange.start);
        const range = entry.valueRange.end > entry.valueRange.start ? entry.valueRange : entry.keyRange;
        context.report({
          range,
          message: context.t('config/invalid-value.set', {
            stage: stageLabel(stageOfKey(entry.key), context.options.locale),
            key: entry.key,
            value: entry.value.trim(),
            reason,
            consequence: roleWord(context, entry),
          }),
        });
      }
    }
  },
};
