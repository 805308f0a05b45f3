import type { RuleMeta } from '../core/rules/types';
import { Commands, SETTINGS_SECTION } from './constants';
import {
  DEFAULT_SETTINGS,
  RULE_LEVEL_DESCRIPTIONS,
  RULE_LEVELS,
  SETTING_DESCRIPTIONS,
  TRACE_LEVEL_DESCRIPTIONS,
  TRACE_LEVELS,
} from './settings';

/**
 * The parts of package.json that restate the settings contract and the command ids, derived from this
 * package so that they cannot drift: test/unit/manifest-settings.test.ts compares package.json with these
 * (and rewrites package.json when run with UPDATE_MANIFEST=1).
 */

/** `contributes.configuration`: one entry per `kafkaLint.*` setting; `kafkaLint.rules` lists every rule. */
export function settingsContribution(rules: readonly RuleMeta[]): Record<string, unknown> {
  const level = {
    type: 'string',
    enum: [...RULE_LEVELS],
    enumDescriptions: RULE_LEVELS.map((l) => RULE_LEVEL_DESCRIPTIONS[l]),
  };
  return {
    title: 'Kafka Lint',
    properties: {
      [`${SETTINGS_SECTION}.kafkaVersion`]: {
        type: 'string',
        default: DEFAULT_SETTINGS.kafkaVersion,
        pattern: '^\\d+(\\.\\d+){0,2}$',
        patternErrorMessage: 'A Kafka version such as 2.8 or 3.9.1.',
        scope: 'resource',
        markdownDescription: SETTING_DESCRIPTIONS.kafkaVersion,
      },
      [`${SETTINGS_SECTION}.rules`]: {
        type: 'object',
        default: DEFAULT_SETTINGS.rules,
        scope: 'resource',
        markdownDescription: SETTING_DESCRIPTIONS.rules,
        properties: Object.fromEntries(
          rules.map((r) => [r.id, { ...level, markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`.` }]),
        ),
        additionalProperties: level,
      },
      [`${SETTINGS_SECTION}.trace.server`]: {
        type: 'string',
        enum: [...TRACE_LEVELS],
        enumDescriptions: TRACE_LEVELS.map((l) => TRACE_LEVEL_DESCRIPTIONS[l]),
        default: DEFAULT_SETTINGS.trace.server,
        scope: 'window',
        markdownDescription: SETTING_DESCRIPTIONS['trace.server'],
      },
    },
  };
}

/** Titles of the contributed commands (shown as "Kafka Lint: <title>"). */
export const COMMAND_TITLES: Readonly<Record<(typeof Commands)[keyof typeof Commands], string>> = {
  [Commands.showOutput]: 'Show Output',
  [Commands.restartServer]: 'Restart Server',
  [Commands.fixAll]: 'Fix All Auto-Fixable Problems',
};

/** `contributes.commands`. */
export function commandsContribution(): Record<string, unknown>[] {
  return Object.values(Commands).map((command) => ({ command, title: COMMAND_TITLES[command], category: 'Kafka Lint' }));
}
