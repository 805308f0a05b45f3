import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import {
  commandsContribution,
  jsonValidationContribution,
  menusContribution,
  PROJECT_SCHEMA_PATH,
  projectFileSchema,
  settingsContribution,
} from '../../server/src/protocol/manifest';
import { DEFAULT_SETTINGS, RULE_LEVELS } from '../../server/src/protocol/settings';
import { chineseBundle, localizeContributions, NLS_EN_PATH, NLS_ZH_CN_PATH, readBundle, ruleDescriptionKey, ruleSettingText } from './manifest-nls';

const ROOT = join(__dirname, '..', '..', '..');
const PACKAGE_JSON = join(ROOT, 'package.json');
const SCHEMA = join(ROOT, PROJECT_SCHEMA_PATH);

interface Manifest {
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; enum?: string[]; properties?: Record<string, { enum: string[] }> }> };
    commands: unknown;
    menus: unknown;
    jsonValidation: unknown;
  };
}

/**
 * package.json restates the settings contract (server/src/protocol/settings.ts) and the rule registry, with
 * its texts as `%key%` references into package.nls.json (English) and package.nls.zh-cn.json (manifest-nls.ts).
 * This fails when they drift; `UPDATE_MANIFEST=1 npm test` rewrites the generated fields and bundles instead.
 */
describe('manifest: settings and commands', () => {
  const english = { configuration: settingsContribution(RULES.map((r) => r.meta)), commands: commandsContribution() };
  const localized = localizeContributions(english);
  const expectedConfiguration = localized.parts.configuration;
  const expectedCommands = localized.parts.commands;
  const expectedSchema = projectFileSchema(RULES.map((r) => r.meta));
  /** Replaces each `%key%` of a localized part with its English text, as VS Code does in English. */
  const inEnglish = (part: unknown): unknown =>
    JSON.parse(JSON.stringify(part), (_k, v: unknown) => (typeof v === 'string' && /^%[\w.-]+%$/.test(v) ? readBundle(NLS_EN_PATH)[v.slice(1, -1)] : v));

  before(() => {
    if (process.env.UPDATE_MANIFEST !== '1') return;
    const text = readFileSync(PACKAGE_JSON, 'utf8');
    const pkg = JSON.parse(text) as Record<string, Record<string, unknown>>;
    pkg.contributes = {
      ...pkg.contributes,
      configuration: expectedConfiguration,
      commands: expectedCommands,
      menus: menusContribution(),
      jsonValidation: jsonValidationContribution(),
    };
    writeFileSync(PACKAGE_JSON, `${JSON.stringify(pkg, null, 2)}\n`);
    mkdirSync(dirname(SCHEMA), { recursive: true });
    writeFileSync(SCHEMA, `${JSON.stringify(expectedSchema, null, 2)}\n`);
    // Keys the protocol does not generate (the extension's description) are kept as written.
    const currentEnglish = readBundle(NLS_EN_PATH);
    const written = (t: string): string[] => [...t.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    const kept = Object.fromEntries(written(text).filter((k) => !(k in localized.bundle) && k in currentEnglish).map((k) => [k, currentEnglish[k]]));
    const nlsEnglish = { ...kept, ...localized.bundle };
    writeFileSync(NLS_EN_PATH, `${JSON.stringify(nlsEnglish, null, 2)}\n`);
    const nlsChinese = chineseBundle(nlsEnglish, RULES.map((r) => r.meta), readBundle(NLS_ZH_CN_PATH));
    writeFileSync(NLS_ZH_CN_PATH, `${JSON.stringify(nlsChinese, null, 2)}\n`);
  });

  const manifest = (): Manifest => JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as Manifest;

  it('contributes.configuration equals the protocol contract (run with UPDATE_MANIFEST=1 to regenerate)', () => {
    assert.deepEqual(manifest().contributes.configuration, expectedConfiguration);
  });

  it('package.nls.json holds the English texts of the generated contributions, and VS Code shows them unchanged in English', () => {
    const bundle = readBundle(NLS_EN_PATH);
    const differ = Object.entries(localized.bundle).filter(([k, v]) => bundle[k] !== v);
    assert.deepEqual(differ.map(([k]) => k), [], 'run with UPDATE_MANIFEST=1 to regenerate');
    assert.deepEqual(inEnglish(manifest().contributes.configuration), english.configuration);
    assert.deepEqual(inEnglish(manifest().contributes.commands), english.commands);
  });

  it('package.nls.zh-cn.json describes each rule with its Chinese catalogue description and default level', () => {
    const bundle = readBundle(NLS_ZH_CN_PATH);
    for (const { meta } of RULES) {
      assert.equal(readBundle(NLS_EN_PATH)[ruleDescriptionKey(meta.id)], ruleSettingText(meta, 'en'), meta.id);
      assert.equal(bundle[ruleDescriptionKey(meta.id)], ruleSettingText(meta, 'zh-cn'), meta.id);
    }
  });

  it('lists every registered rule id, and only those, under kafkaLint.rules with every level', () => {
    const rules = manifest().contributes.configuration.properties['kafkaLint.rules'].properties ?? {};
    assert.deepEqual(Object.keys(rules).sort(), RULES.map((r) => r.meta.id).sort());
    for (const [id, schema] of Object.entries(rules)) assert.deepEqual(schema.enum, ['off', 'hint', 'info', 'warning', 'error'], id);
    assert.deepEqual([...RULE_LEVELS], ['off', 'hint', 'info', 'warning', 'error']);
  });

  it('declares exactly the settings of the contract, with its defaults', () => {
    const props = manifest().contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['kafkaLint.kafkaVersion', 'kafkaLint.locale', 'kafkaLint.markdown', 'kafkaLint.rules', 'kafkaLint.trace.server']);
    assert.equal(props['kafkaLint.locale'].default, 'auto');
    assert.deepEqual(props['kafkaLint.locale'].enum, ['auto', 'en', 'zh-cn']);
    assert.equal(props['kafkaLint.kafkaVersion'].default, DEFAULT_SETTINGS.kafkaVersion);
    assert.deepEqual(props['kafkaLint.rules'].default, {});
    assert.equal(props['kafkaLint.markdown'].default, false);
    assert.equal(props['kafkaLint.trace.server'].default, 'off');
    assert.deepEqual(props['kafkaLint.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('contributes.commands and menus equal the command ids of the protocol', () => {
    assert.deepEqual(manifest().contributes.commands, expectedCommands);
    assert.deepEqual(manifest().contributes.menus, menusContribution());
  });

  it('validates .kafkalint.json with a schema of the same settings and rule ids', () => {
    assert.deepEqual(manifest().contributes.jsonValidation, [{ fileMatch: '.kafkalint.json', url: PROJECT_SCHEMA_PATH }]);
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(schema, expectedSchema);
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((r) => r.meta.id).sort());
  });
});
