import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDescription } from '../../server/src/core/i18n/index';
import type { RuleMeta } from '../../server/src/core/rules/types';
import { RULE_LEVELS } from '../../server/src/protocol/settings';

/**
 * The user-facing texts of package.json live in package.nls.json (English) and package.nls.zh-cn.json
 * (Simplified Chinese); package.json names them as `%key%`, which VS Code replaces in the display language.
 *
 * The English texts are those of the generated contributions (server/src/protocol/manifest.ts):
 * `localizeContributions` turns them into `%key%` references and the English bundle, so the drift test of
 * manifest-settings.test.ts covers package.nls.json too. The Chinese rule descriptions come from the i18n
 * catalogue (`ruleDescription(id, 'zh-cn')`); the few other Chinese texts (setting descriptions, levels,
 * command titles) are written in package.nls.zh-cn.json itself, and manifest-nls.test.ts checks them.
 * The extension's `description` (`%extension.description%`) is not generated: both bundles hold it as written.
 */

export const ROOT = join(__dirname, '..', '..', '..');
export const NLS_EN_PATH = join(ROOT, 'package.nls.json');
export const NLS_ZH_CN_PATH = join(ROOT, 'package.nls.zh-cn.json');
/** The Chinese texts of `vscode.l10n.t` in client/src (keys: the English texts). */
export const CLIENT_BUNDLE_ZH_CN_PATH = join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json');

/** A `package.nls*.json` bundle: key → text. */
export type NlsBundle = Record<string, string>;

/** The fields of a contribution whose string value the user reads. */
const TEXT_FIELDS = ['title', 'category', 'description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage'];

/** The characters VS Code accepts in a `%key%` (its manifest reader matches `^%([\w\d.-]+)%$`). */
const KEY_CHARS = /^[\w.-]+$/;

/** Where a text is kept while a manifest part is localized. */
class Collector {
  readonly bundle: NlsBundle = {};

  /** `%key%` for `text`, recording it; one key never stands for two texts. */
  ref(key: string, text: string): string {
    if (!KEY_CHARS.test(key)) throw new Error(`nls key ${key} has characters VS Code does not accept`);
    if (key in this.bundle && this.bundle[key] !== text) throw new Error(`nls key ${key} would stand for two texts`);
    this.bundle[key] = text;
    return `%${key}%`;
  }
}

/** A rule id as a key segment: `producer/acks-zero` → `producer.acks-zero` (a `/` is not allowed in a key). */
const segment = (name: string): string => name.replace(/\//g, '.');

/** True when an enum is the rule levels, whose descriptions are shared by every rule. */
const isRuleLevels = (values: unknown): boolean => Array.isArray(values) && values.join() === RULE_LEVELS.join();

/** A JSON schema of a setting with its texts as `%key%`; keys start with `prefix` (the setting's name). */
function localizeSchema(schema: Record<string, unknown>, prefix: string, texts: Collector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(schema)) {
    if (TEXT_FIELDS.includes(field) && typeof value === 'string') out[field] = texts.ref(`${prefix}.${field}`, value);
    else if (field === 'enumDescriptions' && Array.isArray(value)) {
      const values = schema.enum as string[];
      const base = isRuleLevels(values) ? 'kafkaLint.ruleLevel' : `${prefix}.enum`;
      out[field] = value.map((text: string, i) => texts.ref(`${base}.${values[i]}`, text));
    } else if (field === 'properties' && value && typeof value === 'object') {
      out[field] = Object.fromEntries(
        Object.entries(value as Record<string, Record<string, unknown>>).map(([name, child]) => [name, localizeSchema(child, `${prefix}.${segment(name)}`, texts)]),
      );
    } else if ((field === 'additionalProperties' || field === 'items') && value && typeof value === 'object') {
      out[field] = localizeSchema(value as Record<string, unknown>, `${prefix}.${field}`, texts);
    } else out[field] = value;
  }
  return out;
}

/** The generated parts of package.json that carry texts, as the protocol produces them (English). */
export interface ManifestTexts {
  configuration: Record<string, unknown>;
  commands: Record<string, unknown>[];
}

/**
 * The same parts with every user-facing text as a `%key%`, and the English bundle (package.nls.json).
 * Keys: `configuration.title`, `<setting>.<field>` (`kafkaLint.kafkaVersion.markdownDescription`),
 * `<setting>.enum.<value>`, `kafkaLint.ruleLevel.<level>`, `kafkaLint.rules.<stage>.<name>.markdownDescription`,
 * `command.category`, `command.<name>.title`.
 */
export function localizeContributions(parts: ManifestTexts): { parts: ManifestTexts; bundle: NlsBundle } {
  const texts = new Collector();
  const { title, properties, ...restConfiguration } = parts.configuration as { title: string; properties: Record<string, Record<string, unknown>> };
  const configuration = {
    title: texts.ref('configuration.title', title),
    ...restConfiguration,
    properties: Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, localizeSchema(schema, name, texts)])),
  };
  const commands = parts.commands.map((c) => {
    const name = String(c.command).replace(/^kafkaLint\./, '');
    return {
      ...c,
      title: texts.ref(`command.${name}.title`, String(c.title)),
      ...(typeof c.category === 'string' ? { category: texts.ref('command.category', c.category) } : {}),
    };
  });
  return {
    parts: {
      configuration,
      commands,
    },
    bundle: texts.bundle,
  };
}

/** The nls key of a rule's description in the settings UI. */
export function ruleDescriptionKey(ruleId: string): string {
  return `kafkaLint.rules.${segment(ruleId)}.markdownDescription`;
}

/** A rule's description in the settings UI, as protocol/manifest.ts writes it in English. */
export function ruleSettingText(meta: RuleMeta, locale: 'en' | 'zh-cn'): string {
  return locale === 'en'
    ? `${ruleDescription(meta.id, 'en')} Default: \`${meta.defaultSeverity}\`.`
    : `${ruleDescription(meta.id, 'zh-cn')}默认级别：\`${meta.defaultSeverity}\`。`;
}

/**
 * The Chinese bundle for an English one: the rule descriptions from the i18n catalogue, every other key
 * as written in `current` (package.nls.zh-cn.json); keys the English bundle lacks are dropped, and keys
 * with no Chinese text yet are left out (the test names them).
 */
export function chineseBundle(english: NlsBundle, rules: readonly RuleMeta[], current: NlsBundle): NlsBundle {
  const byKey = new Map(rules.map((r) => [ruleDescriptionKey(r.id), r]));
  const out: NlsBundle = {};
  for (const key of Object.keys(english)) {
    const rule = byKey.get(key);
    if (rule) out[key] = ruleSettingText(rule, 'zh-cn');
    else if (key in current) out[key] = current[key];
  }
  return out;
}

/** Reads a bundle, or `{}` when the file does not exist yet. */
export function readBundle(path: string): NlsBundle {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as NlsBundle;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
}

/** Every `%key%` that package.json (as text) refers to. */
export function referencedKeys(packageJsonText: string): string[] {
  return [...new Set([...packageJsonText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]))];
}
