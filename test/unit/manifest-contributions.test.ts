import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_IDS, PROJECT_CONFIG_FILE } from '../../server/src/protocol/constants';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string): any => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** Every regex in a TextMate grammar, with where it sits. */
function grammarRegexes(node: unknown, path = ''): { path: string; source: string }[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    ['match', 'begin', 'end'].includes(k) && typeof v === 'string' ? [{ path: `${path}.${k}`, source: v }] : grammarRegexes(v, `${path}.${k}`),
  );
}

describe('manifest: activation, languages, grammar', () => {
  const pkg = read('package.json');

  it('starts from dist/client.js, on each language the server reads, on a .kafkalint.json and for a restored message-path panel, never on "*"', () => {
    assert.equal(pkg.main, './dist/client.js');
    // onWebviewPanel: the message-path panel VS Code restores after a reload needs its serializer.
    assert.deepEqual(pkg.activationEvents, [...LANGUAGE_IDS.map((l) => `onLanguage:${l}`), `workspaceContains:**/${PROJECT_CONFIG_FILE}`, 'onWebviewPanel:kafkaLint.messagePath']);
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true } });
    assert.deepEqual(pkg.categories, ['Linters']);
  });

  it('contributes the Kafka Properties language for Kafka file names, with its configuration and grammar', () => {
    const [language] = pkg.contributes.languages;
    assert.equal(language.id, 'kafka-properties');
    assert.equal(language.aliases[0], 'Kafka Properties');
    assert.deepEqual(language.filenames, ['server.properties', 'producer.properties', 'consumer.properties', 'broker.properties', 'controller.properties']);
    assert.deepEqual(language.filenamePatterns, ['connect-*.properties', '*.kafka.properties']);
    assert.ok(existsSync(join(ROOT, language.configuration)), language.configuration);
    const config = read(language.configuration);
    assert.deepEqual(config.comments, { lineComment: '#' });
    const [grammar] = pkg.contributes.grammars;
    assert.equal(grammar.language, 'kafka-properties');
    assert.equal(read(grammar.path).scopeName, grammar.scopeName);
  });

  describe('the TextMate grammar', () => {
    const grammar = read('syntaxes/kafka-properties.tmLanguage.json');
    const compile = (source: string): RegExp => new RegExp(source);
    const property = grammar.repository.property;

    it('has only regexes that compile', () => {
      const all = grammarRegexes(grammar);
      assert.ok(all.length >= 8);
      for (const r of all) assert.doesNotThrow(() => compile(r.source), r.path);
    });

    const keys: [string, string, string | undefined][] = [
      ['acks=0', 'acks', '='],
      ['  bootstrap.servers : a:9092', 'bootstrap.servers', ':'],
      ['retries 5', 'retries', undefined],
      ['my\\ key\\=x = v', 'my\\ key\\=x', '='],
      ['enable.idempotence', 'enable.idempotence', undefined],
    ];
    for (const [line, key, separator] of keys) {
      it(`reads key ${JSON.stringify(key)} and separator ${JSON.stringify(separator)} in ${JSON.stringify(line)}`, () => {
        const m = compile(property.begin).exec(line);
        assert.ok(m);
        assert.equal(m[1], key);
        assert.equal(m[2], separator);
      });
    }

    const ends: [string, boolean][] = [
      ['acks=all', true],
      ['sasl.jaas.config=a \\', false],
      ['path=C:\\\\', true],
      ['x=a\\\\\\', false],
      ['', true],
    ];
    for (const [line, ends_] of ends) {
      it(`${ends_ ? 'ends' : 'continues'} the value after ${JSON.stringify(line)}`, () => {
        assert.equal(compile(property.end).test(line), ends_);
      });
    }

    it('marks comments, escapes, malformed \\u escapes and continuations', () => {
      assert.ok(compile(grammar.repository.comment.match).test('  # acks=0'));
      assert.ok(compile(grammar.repository.comment.match).test('! note'));
      assert.ok(!compile(grammar.repository.comment.match).test('a=#1'));
      const byName = (part: string): RegExp => compile(grammar.repository.escape.patterns.find((p: { name: string }) => p.name.includes(part)).match);
      assert.equal(byName('escape.unicode').exec('x\\u00e9y')?.[0], '\\u00e9');
      assert.equal(byName('invalid.illegal').exec('x\\u12g')?.[0], '\\u12');
      assert.equal(byName('invalid.illegal').exec('x\\u00e9'), null);
      assert.ok(byName('continuation').test('value \\'));
    });
  });
});
