import type { ConfigGroup, Edit, Fix } from '../../model';
import type { Rule } from '../types';
import { isKnownKafkaKey, knownKeyNames } from '../../catalog/known-keys';
import { suggestKey } from '../../catalog/validate';
import { isTemplateField, stageLabel, stageOfKey } from '../support';

/** Past this many unknown keys in one file, findings carry no suggestion: a typo hunt stops paying off. */
const MAX_SUGGESTIONS = 200;

let cachedNames: readonly string[] | undefined;
/** The known names, built once: the same array lets suggestKey reuse its prepared spellings. */
function names(): readonly string[] {
  cachedNames ??= knownKeyNames();
  return cachedNames;
}

/** Suggestions computed before, per unknown key (null: none is close); cleared when full. */
const SUGGESTIONS = new Map<string, string | null>();
const SUGGESTIONS_LIMIT = 10_000;

/** The known key `key` most likely meant, remembered: the edit-distance search is the costly part of this rule. */
function suggestionFor(key: string): string | undefined {
  let suggestion = SUGGESTIONS.get(key);
  if (suggestion === undefined) {
    suggestion = suggestKey(key, names()) ?? null;
    if (SUGGESTIONS.size >= SUGGESTIONS_LIMIT) SUGGESTIONS.clear();
    // A copy of the key: the key itself may be a slice that would keep the whole file's text alive.
    SUGGESTIONS.set([...key].join(''), suggestion);
  }
  return suggestion ?? undefined;
}

/** Shared by every finding without a suggestion (most of them in a file of generated keys); never mutated. */
const NO_FIXES: readonly Fix[] = Object.freeze([]);


/** The group of a Connect connector's own settings (connect/connect-groups.ts): it names the connector's class. */
function isConnectorOwnGroup(group: ConfigGroup): boolean {
  return group.roles.includes('connect') && group.entries.some((e) => e.key === 'connector.class');
}

/** A key Kafka does not know in a plain Kafka `.properties` file: Kafka only logs it, so the intended setting never applies. */
export const unknownKey: Rule = {
  meta: {
    id: 'config/unknown-key',
    stage: 'config',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context) {
    const { document } = context;
    if (!document.isKafka || document.kind !== 'properties') return;
    let suggestionsLeft = MAX_SUGGESTIONS;
    for (const group of document.groups) {
      // A Connect connector's own settings (`connection.url`, `s3.bucket.name`) are its plugin's, which Connect
      // hands them to: Kafka not knowing them says nothing. Its client overrides are checked, in their groups.
      if (isConnectorOwnGroup(group)) continue;
      for (const entry of group.entries) {
        // `{sasl_config}` on a line of its own: the template's program puts settings there.
        if (isKnownKafkaKey(entry.key) || isTemplateField(entry.key)) continue;
        const suggestion = suggestionsLeft-- > 0 ? suggestionFor(entry.key) : undefined;
        const stage = suggestion ? stageOfKey(suggestion) : 'config';
        let fixes = NO_FIXES;
        if (suggestion && /^[A-Za-z0-9._-]+$/.test(suggestion)) {
          const edit: Edit = { range: entry.keyRange, newText: suggestion };
          // A spelling suggestion is a guess: offered as a quick fix, never applied by fix-all, where it could
          // also collide with another rule inserting the key it guesses.
          fixes = [{ title: context.t('config/unknown-key.fix', { key: suggestion }), preferred: false, edits: [edit] }];
        }
        // Without a suggestion the message is two constant parts around the key (the catalogue keeps texts compiled).
        const message = suggestion
          ? context.t('config/unknown-key.suggest', { stage: stageLabel(stage, context.options.locale), key: entry.key, suggestion })
          : context.t('config/unknown-key.plain', { key: entry.key });
        context.report({ range: entry.keyRange, message, fixes });
      }
    }
  },
};
