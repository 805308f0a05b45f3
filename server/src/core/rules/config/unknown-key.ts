import type { Edit, Fix } from '../../model';
import type { Rule } from '../types';
import { isKnownKafkaKey, knownKeyNames } from '../../catalog/known-keys';
import { suggestKey } from '../../catalog/validate';
import { stageLabel, stageOfKey } from '../support';

/** Past this many unknown keys in one file, findings carry no suggestion: a typo hunt stops paying off. */
const MAX_SUGGESTIONS = 200;

let cachedNames: readonly string[] | undefined;
/** The known names, built once: the same array lets suggestKey reuse its prepared spellings. */
function names(): readonly string[] {
  cachedNames ??= knownKeyNames();
  return cachedNames;
}

/** A key Kafka does not know in a plain Kafka `.properties` file: Kafka only logs it, so the intended setting never applies. */
export const unknownKey: Rule = {
  meta: {
    id: 'config/unknown-key',
    stage: 'config',
    defaultSeverity: 'info',
    description: 'A key Kafka does not know in a Kafka .properties file (often a typo), with the closest known key.',
    fixable: true,
  },
  check(context) {
    const { document } = context;
    if (!document.isKafka || document.kind !== 'properties') return;
    let suggestionsLeft = MAX_SUGGESTIONS;
    for (const group of document.groups) {
      for (const entry of group.entries) {
        if (isKnownKafkaKey(entry.key)) continue;
        const suggestion = suggestionsLeft-- > 0 ? suggestKey(entry.key, names()) : undefined;
        const stage = suggestion ? stageOfKey(suggestion) : 'config';
        const fixes: Fix[] = [];
        if (suggestion && /^[A-Za-z0-9._-]+$/.test(suggestion)) {
          const edit: Edit = { range: entry.keyRange, newText: suggestion };
          fixes.push({ title: `Change to ${suggestion}`, preferred: true, edits: [edit] });
        }
        const hint = suggestion ? `; did you mean ${suggestion}?` : '.';
        context.report({
          range: entry.keyRange,
          message: `${stageLabel(stage)}: Kafka does not know ${entry.key} and only logs it as unused, so this setting never takes effect${hint}`,
          fixes,
        });
      }
    }
  },
};
