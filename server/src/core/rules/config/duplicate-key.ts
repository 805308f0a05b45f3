import type { ConfigEntry } from '../../model';
import type { Rule } from '../types';
import { removeEntryFix } from '../../fixes';
import { documentLineIndex } from '../../text';
import { keyIndex, stageLabel, stageOfKey } from '../support';

/** A key set more than once: only the last occurrence counts, so the earlier one is dead text that misleads readers. */
export const duplicateKey: Rule = {
  meta: {
    id: 'config/duplicate-key',
    stage: 'config',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const reported = new Set<number>();
    const lineOf = (e: ConfigEntry): number => documentLineIndex(context.document).positionAt(e.keyRange.start).line + 1;
    // Per group: two producers in one source file may each set `acks` without clashing.
    for (const group of context.document.groups) {
      // Most files set each key once: the shared key index says so without another map of every entry.
      const index = keyIndex(group);
      if (index.identityIsKey && !index.repeats) continue;
      // Where each identity first appears; a list only for identities set more than once (most are set once).
      const firstAt = new Map<string, number>();
      let repeated: Map<string, ConfigEntry[]> | undefined;
      for (let i = 0; i < group.entries.length; i++) {
        const e = group.entries[i];
        const at = firstAt.get(e.identity);
        if (at === undefined) {
          firstAt.set(e.identity, i);
          continue;
        }
        repeated ??= new Map();
        const list = repeated.get(e.identity);
        if (list) list.push(e);
        else repeated.set(e.identity, [group.entries[at], e]);
      }
      if (!repeated) continue;
      // Reported in the order the identities first appear.
      const lists = [...repeated].sort((a, b) => (firstAt.get(a[0]) ?? 0) - (firstAt.get(b[0]) ?? 0)).map(([, list]) => list);
      for (const list of lists) {
        const winner = list[list.length - 1];
        for (const earlier of list.slice(0, -1)) {
          if (reported.has(earlier.keyRange.start)) continue;
          reported.add(earlier.keyRange.start);
          // Name the Kafka key too when the source spells it differently (`ProducerConfig.ACKS_CONFIG`).
          const name = earlier.rawKey === earlier.key ? earlier.key : `${earlier.rawKey} (${earlier.key})`;
          const fix = removeEntryFix(earlier, context.t('config/duplicate-key.fix', { key: earlier.rawKey, line: lineOf(earlier) }), true);
          const empty = context.t('config/duplicate-key.empty');
          context.report({
            range: earlier.keyRange,
            message: context.t('config/duplicate-key.set', {
              stage: stageLabel(stageOfKey(earlier.key), context.options.locale),
              name,
              line: lineOf(winner),
              winner: winner.value.trim() || empty,
              earlier: earlier.value.trim() || empty,
            }),
            related: [{ range: winner.keyRange, message: context.t('config/duplicate-key.related', { key: winner.rawKey }) }],
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};
