import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { hasChinese, strayEnglish } from './i18n/latin';
import { CLIENT_BUNDLE_ZH_CN_PATH, ROOT } from './manifest-nls';

/** A `vscode.l10n.t(...)` call of the client sources. */
interface L10nCall {
  readonly where: string;
  /** The message (the English text and the bundle key), or undefined when it is not a string literal. */
  readonly message: string | undefined;
  /** Arguments after the message (the values of `{0}`, `{1}` …). */
  readonly argumentCount: number;
}

/** A string literal (or a template's literal part) outside `vscode.l10n.t`, with where it is. */
interface Literal {
  readonly where: string;
  readonly text: string;
}

const CLIENT_SRC = join(ROOT, 'client', 'src');

/** Every `vscode.l10n.t` call and every other string literal of the client, read with the TypeScript parser. */
function readClient(): { calls: L10nCall[]; literals: Literal[] } {
  const calls: L10nCall[] = [];
  const literals: Literal[] = [];
  for (const name of readdirSync(CLIENT_SRC).filter((n) => n.endsWith('.ts')).sort()) {
    const file = ts.createSourceFile(name, readFileSync(join(CLIENT_SRC, name), 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node): string => `${name}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isCallExpression(node) && node.expression.getText(file).replace(/\s/g, '') === 'vscode.l10n.t') {
        const [first, ...rest] = node.arguments;
        const message = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
        calls.push({ where: where(node), message, argumentCount: rest.length });
        rest.forEach(visit);
        return;
      }
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.push({ where: where(node), text: node.text });
      else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) literals.push({ where: where(node), text: node.text });
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { calls, literals };
}

/** The `{0}`, `{1}` … of a vscode.l10n message, sorted. */
const indexesOf = (text: string): number[] => [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort();

/**
 * True when a literal reads as a sentence for the user rather than an id, a glob or a product name: two Latin
 * words in a row, once the product name and codicons (`$(check)`) are taken out.
 */
function readsAsText(text: string): boolean {
  return /[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}/.test(text.replace(/Kafka Lint/g, ' ').replace(/\$\([\w~-]+\)/g, ' '));
}

/**
 * The extension's own texts (status bar, notifications, the panel's first title) go through `vscode.l10n.t`
 * with the English text as the key (package.json `"l10n": "./l10n"`); l10n/bundle.l10n.zh-cn.json holds their
 * Chinese. This reads client/src with the TypeScript parser, so a text added without a translation fails.
 */
describe('client: vscode.l10n texts', () => {
  const { calls, literals } = readClient();
  const bundle = JSON.parse(readFileSync(CLIENT_BUNDLE_ZH_CN_PATH, 'utf8')) as Record<string, string>;
  const messages = [...new Set(calls.flatMap((c) => (c.message === undefined ? [] : [c.message])))];

  it('package.json points VS Code at the l10n folder, and the client translates its texts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(pkg.l10n, './l10n');
    assert.ok(messages.length >= 6, `only ${messages.length} texts`);
    assert.ok(messages.includes('Kafka Lint: running'));
  });

  it('passes a string literal to every vscode.l10n.t call (so it can be checked and extracted)', () => {
    assert.deepEqual(calls.filter((c) => c.message === undefined).map((c) => c.where), []);
  });

  it('has a Chinese text for every message, and no Chinese text for a message the client does not use', () => {
    assert.deepEqual(messages.filter((m) => !(m in bundle)), [], 'missing in l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(bundle).filter((m) => !messages.includes(m)), [], 'unused in l10n/bundle.l10n.zh-cn.json');
  });

  it('gives each call an argument per placeholder, and each Chinese text the same placeholders', () => {
    const wrong: string[] = [];
    for (const c of calls) {
      if (c.message === undefined) continue;
      const used = indexesOf(c.message);
      if (used.some((i) => i >= c.argumentCount) || (c.argumentCount > 0 && Math.max(...used, -1) !== c.argumentCount - 1)) {
        wrong.push(`${c.where}: ${JSON.stringify(c.message)} with ${c.argumentCount} argument(s)`);
      }
      if (c.message in bundle && indexesOf(bundle[c.message]).join() !== used.join()) wrong.push(`${c.where}: the Chinese text has {${indexesOf(bundle[c.message])}}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('writes the Chinese texts in Chinese', () => {
    assert.deepEqual(
      Object.entries(bundle)
        .filter(([, zh]) => strayEnglish(zh).length > 0)
        .map(([en, zh]) => `${en}: ${strayEnglish(zh).join(', ')}`),
      [],
    );
    assert.deepEqual(Object.entries(bundle).filter(([en, zh]) => strayEnglish(en).length > 0 && !hasChinese(zh)).map(([en]) => en), []);
  });

  it('leaves no English sentence in client/src outside vscode.l10n.t', () => {
    assert.deepEqual(literals.filter((l) => readsAsText(l.text)).map((l) => `${l.where}: ${JSON.stringify(l.text)}`), []);
  });

  it('the checks themselves: a sentence is text, ids, globs, codicons and the product name are not', () => {
    for (const text of ['Kafka Lint: stopped (click for the output)', 'Could not start', 'no folder, open one']) assert.equal(readsAsText(text), true, text);
    for (const text of ['Kafka Lint', '$(sync~spin) Kafka Lint', 'kafkaLint.messagePath', '**/.kafkalint.json', 'sync~spin', 'untitled', '--inspect=6009']) {
      assert.equal(readsAsText(text), false, text);
    }
    assert.deepEqual(indexesOf('{1} of {0}'), [0, 1]);
  });
});
