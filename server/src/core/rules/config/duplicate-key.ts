import type { ConfigEntry } from '../../model';
import type { Rule } from '../types';
import { removeEntryFix } from '../../fixes';
import { LineIndex } from '../../text';
import { stageLabel, stageOfKey } from '../support';

/** A key set more than once: only the last occurrence counts, so the earlier one is dead text that misleads readers. */
export const duplicateKey: Rule = {
  meta: {
    id: 'config/duplicate-key',
    stage: 'config',
    defaultSeverity: 'warning',
    description: 'A key set twice in one file: the later value silently wins over the one a reader sees first.',
    fixable: true,
  },
  check(context) {
    const index = new LineIndex(context.document.text);
    const reported = new Set<number>();
    const lineOf = (e: ConfigEntry): number => index.positionAt(e.keyRange.start).line + 1;
    // Per group: two producers in one source file may each set `acks` without clashing.
    for (const group of context.document.groups) {
      const byIdentity = new Map<string, ConfigEntry[]>();
      for (const e of group.entries) {
        const list = byIdentity.get(e.identity);
        if (list) list.push(e);
        else byIdentity.set(e.identity, [e]);
      }
      for (const list of byIdentity.values()) {
        if (list.length < 2) continue;
        const winner = list[list.length - 1];
        for (const earlier of list.slice(0, -1)) {
          if (reported.has(earlier.keyRange.start)) continue;
          reported.add(earlier.keyRange.start);
          // Name the Kafka key too when the source spells it differently (`ProducerConfig.ACKS_CONFIG`).
          const name = earlier.rawKey === earlier.key ? earlier.key : `${earlier.rawKey} (${earlier.key})`;
          const fix = removeEntryFix(earlier, `Remove the earlier ${earlier.rawKey} (line ${lineOf(earlier)})`, true);
          context.report({
            range: earlier.keyRange,
            message: `${stageLabel(stageOfKey(earlier.key))}: ${name} is set again on line ${lineOf(winner)}, and that later value (${winner.value.trim() || 'empty'}) wins, so this one (${earlier.value.trim() || 'empty'}) is ignored.`,
            related: [{ range: winner.keyRange, message: `${winner.rawKey} is set again here, and this value wins.` }],
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};
