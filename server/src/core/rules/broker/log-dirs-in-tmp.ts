import type { ConfigEntry, Range } from '../../model';
import { hasRole } from '../../model';
import type { Rule } from '../types';
import { forEachGroup } from '../types';
import { effectiveEntry, groupDefault, unjudgeable } from '../support';

const KEYS = ['log.dirs', 'log.dir', 'metadata.log.dir'] as const;

function inTmp(path: string): boolean {
  return path === '/tmp' || path.startsWith('/tmp/');
}

/**
 * The ranges of the comma-separated elements under /tmp. Offsets are exact only when the value is written
 * without escapes (the source text equals the value); otherwise the whole value is reported.
 */
function tmpRanges(entry: ConfigEntry, text: string): { range: Range; path: string }[] {
  const elements = entry.value.split(',');
  const paths = elements.map((e) => e.trim()).filter(inTmp);
  if (paths.length === 0) return [];
  const raw = text.slice(entry.valueRange.start, entry.valueRange.end);
  const offset = raw.indexOf(entry.value);
  if (offset < 0) return [{ range: entry.valueRange, path: paths.join(', ') }];
  const out: { range: Range; path: string }[] = [];
  let at = entry.valueRange.start + offset;
  for (const element of elements) {
    const trimmed = element.trim();
    if (inTmp(trimmed)) {
      const start = at + element.indexOf(trimmed);
      out.push({ range: { start, end: start + trimmed.length }, path: trimmed });
    }
    at += element.length + 1;
  }
  return out;
}

/** Broker data or metadata directories under /tmp (written, or Kafka's default `log.dir`). */
export const logDirsInTmp: Rule = {
  meta: {
    id: 'broker/log-dirs-in-tmp',
    stage: 'broker',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    forEachGroup(context, (group) => {
      for (const key of KEYS) {
        const entry = effectiveEntry(group, [key]);
        if (!entry || unjudgeable(entry)) continue;
        for (const { range, path } of tmpRanges(entry, context.document.text)) {
          context.report({ range, message: context.t('broker/log-dirs-in-tmp.set', { key, path, loss: context.t('broker/log-dirs-in-tmp.loss') }) });
        }
      }
      // Neither data key set: the broker falls back to the default log.dir.
      if (!hasRole(group, 'broker') || effectiveEntry(group, ['log.dirs', 'log.dir'])) return;
      const def = groupDefault('log.dir', group, context.options);
      if (!def || !inTmp(def.value)) return;
      context.report({
        range: group.anchor,
        message: context.t('broker/log-dirs-in-tmp.default', { path: def.value, loss: context.t('broker/log-dirs-in-tmp.loss') }),
      });
    });
  },
};
