import type { ConfigEntry, ConfigGroup, Fix, LibraryId } from '../../model';
import type { Rule, RuleContext } from '../types';
import { forEachGroup } from '../types';
import { removeEntryFix, setValueFix } from '../../fixes';
import { compareVersions } from '../../catalog/versions';
import { defaultSource, effectiveEntry, groupDefault, intValue, isPlaceholder, libraryName, normalizedValue, ruleEnabled } from '../support';

const IN_FLIGHT = 'max.in.flight.requests.per.connection';
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
const REFUSED_AT_START: Partial<Record<LibraryId, { readonly keys: readonly string[]; readonly error: string; readonly transactionalError: string; readonly optOut: string }>> = {
  'franz-go': {
    keys: ['acks'],
    error: '`kgo.NewClient` returns "idempotency requires acks=all"',
    transactionalError: '`kgo.NewClient` returns "cannot both disable idempotent writes and use transactional IDs"',
    optOut: '`kgo.DisableIdempotentWrite()`',
  },
};
const DUPLICATES = 'a retried send can be written twice or out of order, and consumer logic that drops what looks like a duplicate can drop a real record';

interface Conflict {
  readonly entry: ConfigEntry;
  /** What to change it to so idempotence can stay on. */
  readonly fix: () => Fix | undefined;
  /** The rule that already reports this setting as a loss (acks=0, acks=1, retries=0), when there is one. */
  readonly lossRule?: string;
}

/** The settings in a group that idempotent writes cannot work with: acks other than all, retries=0, more than 5 requests in flight. */
function conflicts(group: ConfigGroup): Conflict[] {
  const out: Conflict[] = [];
  const acks = effectiveEntry(group, ['acks', 'request.required.acks'], 'producer');
  if (acks && !isPlaceholder(acks) && ['0', '1'].includes(acks.value.trim())) {
    const lossRule = acks.value.trim() === '0' ? 'producer/acks-zero' : 'producer/acks-leader-only';
    out.push({ entry: acks, fix: () => setValueFix(acks, 'all', `Set ${acks.key}=all`), lossRule });
  }
  const retries = effectiveEntry(group, ['retries', 'message.send.max.retries'], 'producer');
  if (retries && intValue(retries) === 0) {
    out.push({ entry: retries, fix: () => removeEntryFix(retries, `Remove ${retries.key}=0`, true), lossRule: 'producer/retries-disabled' });
  }
  const inFlight = effectiveEntry(group, [IN_FLIGHT], 'producer');
  const n = inFlight ? intValue(inFlight) : undefined;
  if (inFlight && n !== undefined && n > 5) {
    out.push({ entry: inFlight, fix: () => setValueFix(inFlight, '5', `Set ${IN_FLIGHT}=5`) });
  }
  return out;
}

/** A Java producer with a `transactional.id`: Kafka's own client refuses to start one without idempotence. */
function isTransactional(group: ConfigGroup): boolean {
  if (group.library !== 'java' && group.library !== 'spring' && !REFUSED_AT_START[group.library]) return false;
  const id = effectiveEntry(group, ['transactional.id'], 'producer');
  return id !== undefined && id.value.trim() !== '';
}

/** How the library reports a configuration it cannot start with. */
function startupError(group: ConfigGroup): string {
  return group.library === 'java' || group.library === 'spring' ? 'ConfigException' : 'a configuration error';
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
        message: `Producer stage: ${libraryName(group.library)} refuses enable.idempotence=true together with ${c.entry.key}=${c.entry.value.trim()} (${startupError(group)}), so the producer is never created and sends nothing.`,
        fixes: fixesOf(c),
      });
    }
    return;
  }
  if (value !== 'false') return;
  const fixes: Fix[] = [];
  // Turning it back on is only safe when nothing in the group conflicts; otherwise the producer would not start.
  if (found.length === 0) {
    const defaultOn = groupDefault('enable.idempotence', group, context.options)?.value === 'true';
    const remove = defaultOn ? removeEntryFix(entry, 'Remove enable.idempotence=false (use the default, true)', true) : undefined;
    if (remove) fixes.push(remove);
    const set = setValueFix(entry, 'true', 'Set enable.idempotence=true', !remove);
    if (set) fixes.push(set);
  }
  const blockers = found.length > 0 ? ` (turning it on also needs ${found.map((c) => `${c.entry.key} changed`).join(' and ')})` : '';
  const refusal = REFUSED_AT_START[group.library];
  if (transactional && refusal) {
    context.report({
      range: entry.valueRange,
      severity: 'error',
      message: context.t('producer/idempotence-disabled.transactionalRefused', { library: libraryName(group.library), error: refusal.transactionalError }),
      fixes,
    });
    return;
  }
  if (transactional) {
    context.report({
      range: entry.valueRange,
      severity: 'error',
      message: `Producer stage: Kafka refuses transactional.id together with enable.idempotence=false (ConfigException), so the transactional producer is never created and sends nothing${blockers}.`,
      fixes,
    });
    return;
  }
  context.report({
    range: entry.valueRange,
    message: `Producer stage: enable.idempotence=false turns off idempotent writes, so ${DUPLICATES}${blockers}.`,
    fixes,
  });
}

/** Reports settings a transactional producer cannot start with: transactions need idempotence, in every version. */
function checkTransactional(context: RuleContext, found: readonly Conflict[]): void {
  for (const c of found) {
    context.report({
      range: c.entry.valueRange,
      severity: 'error',
      message: `Producer stage: Kafka refuses ${c.entry.key}=${c.entry.value.trim()} on a transactional producer, which needs idempotence (ConfigException), so the producer is never created and sends nothing.`,
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
      const found = conflicts(group);
      const explicit = effectiveEntry(group, ['enable.idempotence'], 'producer');
      const transactional = isTransactional(group);
      if (explicit) {
        if (!isPlaceholder(explicit)) checkExplicit(context, group, explicit, found, transactional);
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
        const setting = `${c.entry.key}=${c.entry.value.trim()}`;
        // One root cause, one finding: the line already reported as losing messages is the finding to fix;
        // fixing it brings the default idempotence back.
        if (c.lossRule && ruleEnabled(context.options, c.lossRule)) continue;
        // Kafka 4.0 made too many in-flight requests with idempotence an error instead of a silent fallback.
        if (c.entry.key === IN_FLIGHT && !def.byLibraryVersion && compareVersions(version, '4.0') >= 0) {
          context.report({
            range: c.entry.valueRange,
            severity: 'error',
            message: `Producer stage: ${source} refuses ${setting} while idempotence is on by default (ConfigException since 4.0), so the producer is never created and sends nothing.`,
            fixes: fixesOf(c),
          });
          continue;
        }
        context.report({
          range: c.entry.valueRange,
          message: `Producer stage: ${setting} silently switches off the idempotence that ${source} turns on by default, so ${DUPLICATES}.`,
          fixes: fixesOf(c),
        });
      }
    });
  },
};
