import type { RuleMeta } from '../core/rules/types';
import { ruleDescription } from '../core/i18n/index';
import { Commands, LANGUAGE_IDS, PROJECT_CONFIG_FILE, SETTINGS_SECTION } from './constants';
import {
  DEFAULT_SETTINGS,
  RULE_LEVEL_DESCRIPTIONS,
  RULE_LEVELS,
  SETTING_DESCRIPTIONS,
  TRACE_LEVEL_DESCRIPTIONS,
  LOCALE_SETTINGS,
  LOCALE_SETTING_DESCRIPTIONS,
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
          rules.map((r) => [r.id, { ...level, markdownDescription: `${ruleDescription(r.id, 'en')} Default: \`${r.defaultSeverity}\`.` }]),
        ),
        additionalProperties: level,
      },
      [`${SETTINGS_SECTION}.locale`]: {
        type: 'string',
        enum: [...LOCALE_SETTINGS],
        enumDescriptions: LOCALE_SETTINGS.map((l) => LOCALE_SETTING_DESCRIPTIONS[l]),
        default: DEFAULT_SETTINGS.locale,
        scope: 'window',
        markdownDescription: SETTING_DESCRIPTIONS.locale,
      },
      [`${SETTINGS_SECTION}.markdown`]: {
        type: 'boolean',
        default: DEFAULT_SETTINGS.markdown,
        scope: 'resource',
        markdownDescription: SETTING_DESCRIPTIONS.markdown,
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
  [Commands.showMessagePath]: 'Show Message Path',
};

/** `contributes.commands`. */
export function commandsContribution(): Record<string, unknown>[] {
  return Object.values(Commands).map((command) => ({ command, title: COMMAND_TITLES[command], category: 'Kafka Lint' }));
}

/** `contributes.menus`: "Fix All" only in the command palette of a document the server reads. */
export function menusContribution(): Record<string, unknown> {
  return { commandPalette: [{ command: Commands.fixAll, when: `editorLangId =~ /^(${LANGUAGE_IDS.join('|')})$/` }] };
}

/** Where the JSON schema of `.kafkalint.json` lives in the extension. */
export const PROJECT_SCHEMA_PATH = './schemas/kafkalint.schema.json';

/** `contributes.jsonValidation`: completion and validation while editing `.kafkalint.json`. */
export function jsonValidationContribution(): Record<string, unknown>[] {
  return [{ fileMatch: PROJECT_CONFIG_FILE, url: PROJECT_SCHEMA_PATH }];
}

/** The JSON schema of `.kafkalint.json`: the same `kafkaVersion` and `rules` as the editor settings. */
export function projectFileSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  const properties = (settingsContribution(rules).properties ?? {}) as Record<string, Record<string, unknown>>;
  const { scope: _versionScope, default: _versionDefault, ...kafkaVersion } = properties[`${SETTINGS_SECTION}.kafkaVersion`];
  const { scope: _rulesScope, ...rulesSchema } = properties[`${SETTINGS_SECTION}.rules`];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kafka Lint project configuration (.kafkalint.json)',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      kafkaVersion: {
        ...kafkaVersion,
        markdownDescription: 'Kafka version whose defaults apply to settings you did not write (e.g. "2.8", "3.9"). The editor setting `kafkaLint.kafkaVersion` wins when changed from its default.',
      },
      rules: { ...rulesSchema, markdownDescription: 'Level per rule id: off, hint, info, warning or error. The editor setting `kafkaLint.rules` wins per rule.' },
      markdown: {
        type: 'boolean',
        markdownDescription: 'Also read the fenced code blocks of Markdown files and report their findings in the .md file (default: false). The editor setting `kafkaLint.markdown` and the CLI option `--markdown` turn it on too.',
      },
    },
    additionalProperties: false,
  };
}
