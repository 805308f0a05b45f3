import type { RuleLevel } from '../core/model';
import { DEFAULT_OPTIONS, normalizeOptions } from '../core/options';
import type { LintOptions, OptionsProblem } from '../core/options';
import type { Locale, LocaleSetting } from '../core/i18n/index';
import { LOCALE_SETTINGS } from '../core/i18n/index';

/**
 * The one typed contract for the `kafkaLint.*` settings. The client contributes them (package.json,
 * checked against this file by test/unit/manifest-settings.test.ts); the server pulls them per scope.
 */

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;
export type TraceLevel = (typeof TRACE_LEVELS)[number];

/** `kafkaLint.*` as the editor stores it. */
export interface KafkaLintSettings {
  /** `kafkaLint.kafkaVersion`: Kafka version whose defaults apply to unset keys. */
  readonly kafkaVersion: string;
  /** `kafkaLint.rules`: rule id → level. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /**
   * `kafkaLint.locale`: the language of messages, hovers and fix titles. `auto` follows the editor's display
   * language (the `locale` of `initialize`); `en` or `zh-cn` choose one whatever the editor's language is.
   */
  readonly locale: LocaleSetting;
  /** `kafkaLint.markdown`: also read the fenced code blocks of Markdown files. */
  readonly markdown: boolean;
  /** `kafkaLint.trace.server`: LSP message tracing in the output channel (read by the client). */
  readonly trace: { readonly server: TraceLevel };
}

export const DEFAULT_SETTINGS: KafkaLintSettings = Object.freeze({
  kafkaVersion: DEFAULT_OPTIONS.kafkaVersion,
  rules: Object.freeze({}),
  locale: 'auto' as LocaleSetting,
  markdown: DEFAULT_OPTIONS.markdown === true,
  trace: Object.freeze({ server: 'off' as TraceLevel }),
});

/** Descriptions shown in the settings UI, one per setting key (without the `kafkaLint.` prefix). */
export const SETTING_DESCRIPTIONS = {
  kafkaVersion: 'Kafka version whose defaults apply to settings you did not write (e.g. "2.8", "3.9"). Overrides "kafkaVersion" in .kafkalint.json when changed from the default.',
  rules: 'Level per rule id: off, hint, info, warning or error. Overrides "rules" in .kafkalint.json.',
  locale:
    'Language of the messages, hovers and quick-fix titles: `auto` follows the display language of the editor; `en` (English) or `zh-cn` (Simplified Chinese) choose one. Rule ids never change with the language.',
  markdown:
    'Also read the fenced code blocks of Markdown files whose language is `go`, `java`, `python`, `js`, `ts`, `properties` or `yaml` and report their findings in the .md file. Overrides "markdown" in .kafkalint.json when turned on.',
  'trace.server': 'Traces the communication between VS Code and the Kafka Lint language server in the "Kafka Lint" output channel.',
} as const;

export const RULE_LEVEL_DESCRIPTIONS: Readonly<Record<RuleLevel, string>> = {
  off: 'The rule does not run.',
  hint: 'Report as a hint (shown faintly, not in the Problems panel).',
  info: 'Report as information.',
  warning: 'Report as a warning.',
  error: 'Report as an error.',
};

export { LOCALE_SETTINGS };

export const LOCALE_SETTING_DESCRIPTIONS: Readonly<Record<LocaleSetting, string>> = {
  auto: 'Follow the display language of the editor (English when it is neither English nor Simplified Chinese).',
  en: 'English.',
  'zh-cn': 'Simplified Chinese (简体中文).',
};

export const TRACE_LEVEL_DESCRIPTIONS: Readonly<Record<TraceLevel, string>> = {
  off: 'No tracing.',
  messages: 'Trace the names of requests and notifications.',
  verbose: 'Trace every message with its parameters.',
};

/**
 * Turns the layers of configuration into engine options: defaults, then `.kafkalint.json`, then editor
 * settings. The editor's `kafkaVersion` only wins when it differs from the default, because the editor
 * always reports a value (its default) even when the user never set one. Never throws; bad values are
 * returned as problems and fall back to the layer below.
 */
export function resolveOptions(editor: unknown, projectFile?: unknown, clientLocale: Locale = DEFAULT_OPTIONS.locale): { options: LintOptions; problems: OptionsProblem[] } {
  const file = normalizeOptions(withoutLocale(projectFile), { ...DEFAULT_OPTIONS, locale: clientLocale });
  let editorInput: unknown = editor;
  if (editor !== null && typeof editor === 'object') {
    const e = editor as Record<string, unknown>;
    if (projectFile !== undefined && e.kafkaVersion === DEFAULT_SETTINGS.kafkaVersion) editorInput = { ...e, kafkaVersion: undefined };
    // Likewise the editor's `markdown: false` (its default) leaves `"markdown": true` of .kafkalint.json on.
    if (projectFile !== undefined && e.markdown === DEFAULT_SETTINGS.markdown) editorInput = { ...(editorInput as Record<string, unknown>), markdown: undefined };
  }
  const merged = normalizeOptions(editorInput, file.options);
  return {
    options: merged.options,
    problems: [...file.problems.map((p) => ({ message: `.kafkalint.json: ${p.message}` })), ...merged.problems.map((p) => ({ message: `settings: ${p.message}` }))],
  };
}

/**
 * A `.kafkalint.json` without its `locale`: the language follows the user (the editor's language, the
 * `kafkaLint.locale` setting, the CLI's `--locale` or environment), not a file the whole team shares.
 */
export function withoutLocale(projectFile: unknown): unknown {
  if (projectFile === null || typeof projectFile !== 'object' || Array.isArray(projectFile) || !('locale' in projectFile)) return projectFile;
  const { locale: _ignored, ...rest } = projectFile as Record<string, unknown>;
  return rest;
}
