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
 * package.json restates the settings contract (server/src/protocol/settings.ts) and the rule registry.
 * This fails when they drift; `UPDATE_MANIFEST=1 npm test` rewrites the two generated fields instead.
 */
describe('manifest: settings and commands', () => {
  const expectedConfiguration = settingsContribution(RULES.map((r) => r.meta));
  const expectedCommands = commandsContribution();
  const expectedSchema = projectFileSchema(RULES.map((r) => r.meta));

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
  });

  const manifest = (): Manifest => JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as Manifest;

  it('contributes.configuration equals the protocol contract (run with UPDATE_MANIFEST=1 to regenerate)', () => {
    assert.deepEqual(manifest().contributes.configuration, expectedConfiguration);
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
