import type { ConfigEntry, ConfigGroup, Fix, LibraryId } from '../../model';
import type { Rule, RuleContext } from '../types';
import { forEachGroup } from '../types';
import { removeEntryFix, setValueFix } from '../../fixes';
import { compareVersions } from '../../catalog/versions';
import { defaultSource, groupDefault, hiddenProducerEntry, intValue, unjudgeable, libraryName, normalizedValue, producerEntry, ruleEnabled, streamsExactlyOnce, unsafeDefault } from '../support';

const IN_FLIGHT = 'max.in.flight.requests.per.connection';
const RETRY_KEYS = ['retries', 'message.send.max.retries'] as const;
/** What a retries=0 that cannot simply be removed becomes: Java's default since 2.1. */
const UNBOUNDED_RETRIES = '2147483647';
/** Libraries that quietly drop their default idempotence on a conflicting setting (others refuse to start instead). */
const SILENT_FALLBACK: readonly LibraryId[] = ['java', 'spring', 'kafka-python'];
/** Kafka releases where the 3.0 default was not applied at all (KAFKA-13598): there is nothing to switch off. */
const DEFAULT_NOT_APPLIED = ['3.0.0', '3.1.0'];
/**
 * Libraries whose client constructor refuses, instead of quietly dropping, a setting that conflicts with the
 * idempotence they turn on by default: the keys it checks and the error it returns. franz-go's config
 * validation (pkg/kgo/config.go) returns "idempotency requires acks=all" unless DisableIdempotentWrite() is given,
 * and "cannot both disable idempotent writes and use transactional IDs".
 */
const REFUSED_AT_START: Partial<Record<LibraryId, { readonly keys: readonly string[]; readonly call: string; readonly error: string; readonly transactionalError: string; readonly optOut: string }>> = {
  'franz-go': {
    keys: ['acks'],
    call: '`kgo.NewClient`',
    error: 'idempotency requires acks=all',
    transactionalError: 'cannot both disable idempotent writes and use transactional IDs',
    optOut: '`kgo.DisableIdempotentWrite()`',
  },
};

interface Conflict {
  readonly entry: ConfigEntry;
  /** What to change it to so idempotence can stay on. */
  readonly fix: () => Fix | undefined;
  /** The rule that already reports this setting as a loss (acks=0, acks=1, retries=0), when there is one. */
  readonly lossRule?: string;
}

/** The settings in a group that idempotent writes cannot work with: acks other than all, retries=0, more than 5 requests in flight. */
function conflicts(context: RuleContext, group: ConfigGroup): Conflict[] {
  const out: Conflict[] = [];
  const acks = producerEntry(group, ['acks', 'request.required.acks']);
  if (acks && !unjudgeable(acks) && ['0', '1'].includes(acks.value.trim())) {
    const lossRule = acks.value.trim() === '0' ? 'producer/acks-zero' : 'producer/acks-leader-only';
    out.push({ entry: acks, fix: () => setValueFix(acks, 'all', context.t('fix.set', { key: acks.key, value: 'all' })), lossRule });
  }
  const retries = producerEntry(group, RETRY_KEYS);
  if (retries && intValue(retries) === 0) {
    // Removing a Streams app's producer.retries=0 would let the unprefixed retries under it decide: set it instead.
    const fix = hiddenProducerEntry(group, retries, RETRY_KEYS)
      ? () => setValueFix(retries, UNBOUNDED_RETRIES, context.t('fix.set', { key: retries.key, value: UNBOUNDED_RETRIES }))
      : () => removeEntryFix(retries, context.t('fix.remove', { key: retries.key, value: '0' }), true);
    out.push({ entry: retries, fix, lossRule: 'producer/retries-disabled' });
  }
  const inFlight = producerEntry(group, [IN_FLIGHT]);
  const n = inFlight ? intValue(inFlight) : undefined;
  if (inFlight && n !== undefined && n > 5) {
    out.push({ entry: inFlight, fix: () => setValueFix(inFlight, '5', context.t('fix.set', { key: inFlight.key, value: '5' })) });
  }
  return out;
}

/** A Java producer with a `transactional.id`: Kafka's own client refuses to start one without idempotence. */
function isTransactional(group: ConfigGroup): boolean {
  if (group.library !== 'java' && group.library !== 'spring' && !REFUSED_AT_START[group.library]) return false;
  const id = producerEntry(group, ['transactional.id']);
  return id !== undefined && id.value.trim() !== '';
}

/** How the library reports a configuration it cannot start with. */
function startupError(context: RuleContext, group: ConfigGroup): string {
  return group.library === 'java' || group.library === 'spring' ? 'ConfigException' : context.t('producer/idempotence-disabled.configError');
}

/** A setting as the messages quote it: `acks=1`. */
function settingOf(entry: ConfigEntry): string {
  return `${entry.key}=${entry.value.trim()}`;
}

function fixesOf(conflict: Conflict): Fix[] {
  const f = conflict.fix();
  return f ? [f] : [];
}

/** An explicit `enable.idempotence` value: false switches it off; true with a conflict stops the producer from starting. */
function checkExplicit(context: RuleContext, group: ConfigGroup, entry: ConfigEntry, found: readonly Conflict[], transactional: boolean): void {
  const value = normalizedValue(entry);
  if (value === 'true' && transactional) {
    checkTransactional(context, found);
    return;
  }
  if (value === 'true') {
    for (const c of found) {
      context.report({
        range: c.entry.valueRange,
        severity: 'error',
        message: context.t('producer/idempotence-disabled.refusesExplicit', {
          library: libraryName(group.library),
          setting: settingOf(c.entry),
          error: startupError(context, group),
        }),
        fixes: fixesOf(c),
      });
    }
    return;
  }
  if (value !== 'false') return;
  const fixes: Fix[] = [];
  // Turning it back on is only safe when nothing in the group conflicts; otherwise the producer would not start.
  if (found.length === 0) {
    // Removing a Streams app's producer.enable.idempotence would let an unprefixed one under it decide. And
    // only where every version the options allow defaults it on: kafka-python 2.2 and 2.3 take the argument
    // but default it to False, and the installed version may be one of them.
    const defaultOn =
      groupDefault('enable.idempotence', group, context.options)?.value === 'true' &&
      !unsafeDefault('enable.idempotence', group, context.options, (v) => v === 'false') &&
      !hiddenProducerEntry(group, entry, ['enable.idempotence']);
    const remove = defaultOn
      ? removeEntryFix(entry, context.t('fix.removeUseDefault', { key: entry.key, value: 'false', default: 'true' }), true)
      : undefined;
    if (remove) fixes.push(remove);
    const set = setValueFix(entry, 'true', context.t('fix.set', { key: entry.key, value: 'true' }), !remove);
    if (set) fixes.push(set);
  }
  const changes = found.map((c) => context.t('producer/idempotence-disabled.changed', { key: c.entry.key })).join(context.t('list.and'));
  const blockers = found.length > 0 ? context.t('producer/idempotence-disabled.blockers', { changes }) : '';
  const refusal = REFUSED_AT_START[group.library];
  if (transactional && refusal) {
    context.report({
      range: entry.valueRange,
      severity: 'error',
      message: context.t('producer/idempotence-disabled.transactionalRefused', { library: libraryName(group.library), call: refusal.call, error: refusal.transactionalError }),
      fixes,
    });
    return;
  }
  if (transactional) {
    context.report({
      range: entry.valueRange,
      severity: 'error',
      message: context.t('producer/idempotence-disabled.transactionalOff', { key: entry.key, blockers }),
      fixes,
    });
    return;
  }
  context.report({
    range: entry.valueRange,
    message: context.t('producer/idempotence-disabled.off', { key: entry.key, duplicates: context.t('producer/idempotence-disabled.duplicates'), blockers }),
    fixes,
  });
}

/** Reports settings a transactional producer cannot start with: transactions need idempotence, in every version. */
function checkTransactional(context: RuleContext, found: readonly Conflict[]): void {
  for (const c of found) {
    context.report({
      range: c.entry.valueRange,
      severity: 'error',
      message: context.t('producer/idempotence-disabled.transactionalConflict', { setting: settingOf(c.entry) }),
      fixes: fixesOf(c),
    });
  }
}

/**
 * A Kafka Streams app under exactly-once: Streams puts enable.idempotence=true in place of the app's own value
 * (which it drops with a warning) and makes its producers transactional, but passes acks and retries on, so the
 * Kafka producer refuses acks other than all and retries=0 (catalog/streams.ts). Too many in-flight requests are
 * left out: Streams itself overrode them before 2.8 and refuses them since, which differs by version.
 */
function checkStreamsExactlyOnce(context: RuleContext, group: ConfigGroup, guarantee: string): void {
  for (const c of conflicts(context, group)) {
    if (c.entry.key.endsWith(IN_FLIGHT)) continue;
    context.report({
      range: c.entry.valueRange,
      severity: 'error',
      message: context.t('producer/idempotence-disabled.streamsExactlyOnce', { guarantee, setting: settingOf(c.entry) }),
      fixes: fixesOf(c),
    });
  }
}

/** Idempotence switched off explicitly, or silently by a setting it cannot work with. */
export const idempotenceDisabled: Rule = {
  meta: {
    id: 'producer/idempotence-disabled',
    stage: 'producer',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context) {
    forEachGroup(context, (group) => {
      const guarantee = streamsExactlyOnce(group);
      if (guarantee) {
        checkStreamsExactlyOnce(context, group, guarantee);
        return;
      }
      const found = conflicts(context, group);
      const explicit = producerEntry(group, ['enable.idempotence']);
      const transactional = isTransactional(group);
      if (explicit) {
        if (!unjudgeable(explicit)) checkExplicit(context, group, explicit, found, transactional);
        return;
      }
      const refusal = REFUSED_AT_START[group.library];
      if (refusal) {
        if (groupDefault('enable.idempotence', group, context.options)?.value !== 'true') return;
        for (const c of found.filter((f) => refusal.keys.includes(f.entry.key))) {
          const fix = setValueFix(c.entry, 'all', context.t('fix.set', { key: c.entry.key, value: 'all' }));
          context.report({
            range: c.entry.valueRange,
            severity: 'error',
            message: context.t('producer/idempotence-disabled.refusedAtStart', {
              library: libraryName(group.library),
              setting: `${c.entry.key}=${c.entry.value.trim()}`,
              call: refusal.call,
              error: refusal.error,
              optOut: refusal.optOut,
            }),
            fixes: fix ? [fix] : [],
          });
        }
        return;
      }
      if (transactional) {
        checkTransactional(context, found);
        return;
      }
      if (found.length === 0 || !SILENT_FALLBACK.includes(group.library)) return;
      const def = groupDefault('enable.idempotence', group, context.options);
      if (!def || def.value !== 'true') return;
      const version = context.options.kafkaVersion;
      if (!def.byLibraryVersion && DEFAULT_NOT_APPLIED.includes(version)) return;
      const source = defaultSource(group, context.options, def);
      for (const c of found) {
        const setting = settingOf(c.entry);
        // One root cause, one finding: the line already reported as losing messages is the finding to fix;
        // fixing it brings the default idempotence back.
        if (c.lossRule && ruleEnabled(context.options, c.lossRule)) continue;
        // Kafka 4.0 made too many in-flight requests with idempotence an error instead of a silent fallback.
        if (c.entry.key === IN_FLIGHT && !def.byLibraryVersion && compareVersions(version, '4.0') >= 0) {
          context.report({
            range: c.entry.valueRange,
            severity: 'error',
            message: context.t('producer/idempotence-disabled.refusesDefault', { source, setting }),
            fixes: fixesOf(c),
          });
          continue;
        }
        context.report({
          range: c.entry.valueRange,
          message: context.t('producer/idempotence-disabled.silent', { setting, source, duplicates: context.t('producer/idempotence-disabled.duplicates') }),
          fixes: fixesOf(c),
        });
      }
    });
  },
};
