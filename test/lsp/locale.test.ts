import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, ConfigurationParams, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { t } from '../../server/src/core/i18n/index';
import { ruleDocUrl } from '../../server/src/core/rule-docs';
import { findKey } from '../../server/src/core/catalog/index';
import { positionOf, serverFixture, waitFor } from './lsp-test-client';
import type { TestClient } from './lsp-test-client';

const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';

/** The English and Chinese texts the server must send for `acks=0` (from the catalogue, not from the engine). */
const ZH_MESSAGE = t('zh-cn', 'producer/acks-zero.set', { key: 'acks', loss: t('zh-cn', 'producer/acks-zero.loss') });
const EN_MESSAGE = t('en', 'producer/acks-zero.set', { key: 'acks', loss: t('en', 'producer/acks-zero.loss') });

describe('LSP: the language follows initialize.locale and kafkaLint.locale', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  const acksZero = (diagnostics: readonly Diagnostic[]): Diagnostic => {
    const found = diagnostics.find((d) => d.code === 'producer/acks-zero');
    assert.ok(found, `no producer/acks-zero in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    return found;
  };

  it('speaks Simplified Chinese to a client whose display language is zh-cn: message, rule page, hover, fix title, completion', async () => {
    client = await server.start({ pull: true, locale: 'zh-cn', resolveCodeActions: false, configuration: (p: ConfigurationParams) => p.items.map(() => null) });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const diagnostic = acksZero(await client.pulledDiagnostics(uri));
    assert.ok(ZH_MESSAGE.startsWith('生产者阶段：acks=0 时生产者永远无从得知'), ZH_MESSAGE);
    assert.equal(diagnostic.message, ZH_MESSAGE);
    // Rule ids never change with the language; the page does (linked from the hover below).
    assert.equal(diagnostic.code, 'producer/acks-zero');
    assert.match(ruleDocUrl('producer/acks-zero', 'zh-cn'), /\/docs\/rules\/producer\/acks-zero\.zh-CN\.md$/);

    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(PRODUCER, 'acks=0', 5) });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.ok(markdown.startsWith('**producer/acks-zero** (错误)\n\n' + ZH_MESSAGE), markdown);
    assert.ok(markdown.includes('路径：**生产者** ✗ → Broker → 消费者'), markdown);
    assert.ok(markdown.includes(`[规则文档：producer/acks-zero](${ruleDocUrl('producer/acks-zero', 'zh-cn')})`), markdown);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.ok(actions.some((a) => a.title === '设置 acks=all'), JSON.stringify(actions.map((a) => a.title)));

    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    const acks = items.find((i) => i.label === 'acks');
    assert.equal(acks?.detail, 'string · 默认 all');
  });

  it('explains keys in Chinese too: the hover and the completion documentation of a key come from the Chinese key catalog', async () => {
    const text = 'bootstrap.servers=localhost:9092\nlinger.ms=5\n';
    for (const [locale, summary, loss] of [
      ['zh-cn', '生产者在发送一个批次之前，为凑满该批次而等待的时间。', '等待成批的消息只存在于客户端内存中'],
      ['en', findKey('linger.ms')!.summary, findKey('linger.ms')!.loss!.slice(0, 30)],
    ] as const) {
      client = await server.start({ pull: true, locale });
      const uri = client.uri('producer.properties');
      await client.open(uri, 'properties', text);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'linger.ms', 2) });
      const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      assert.ok(markdown.includes(summary), `${locale} hover:\n${markdown}`);
      assert.ok(markdown.includes(loss), `${locale} hover:\n${markdown}`);
      if (locale === 'zh-cn') assert.ok(!markdown.includes(findKey('linger.ms')!.summary), `English summary left in the Chinese hover:\n${markdown}`);

      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
      let linger = items.find((i) => i.label === 'linger.ms');
      assert.ok(linger, 'linger.ms is offered');
      if (linger.documentation === undefined) linger = await client.request<CompletionItem>('completionItem/resolve', linger);
      const doc = typeof linger.documentation === 'string' ? linger.documentation : (linger.documentation?.value ?? '');
      assert.ok(doc.includes(summary), `${locale} completion documentation:\n${doc}`);
    }
  });

  it('kafkaLint.locale "en" overrides the display language, live: the next pull is English', async () => {
    let settings: unknown = null;
    client = await server.start({ pull: true, locale: 'zh-cn', configuration: (p) => p.items.map(() => settings) });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    assert.equal(acksZero(await client.pulledDiagnostics(uri)).message, ZH_MESSAGE);

    settings = { locale: 'en' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client!.refreshRequests.length > 0, { message: 'workspace/diagnostic/refresh' });
    const english = acksZero(await client.pulledDiagnostics(uri));
    assert.equal(english.message, EN_MESSAGE);

    // `auto` gives the choice back to the editor's language.
    settings = { locale: 'auto' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client!.refreshRequests.length > 1);
    assert.equal(acksZero(await client.pulledDiagnostics(uri)).message, ZH_MESSAGE);
  });

  it('kafkaLint.locale "zh-cn" turns Chinese on for an English editor; a push client gets it from the payload', async () => {
    client = await server.start({ locale: 'en' });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    await waitFor(() => client!.diagnostics.get(uri)?.diagnostics.some((d) => d.message === EN_MESSAGE));
    await client.notify('workspace/didChangeConfiguration', { settings: { kafkaLint: { locale: 'zh-cn' } } });
    await waitFor(() => client!.diagnostics.get(uri)?.diagnostics.some((d) => d.message === ZH_MESSAGE), { message: 'Chinese re-publish' });
  });

  for (const [tag, expected] of [
    ['zh-CN', ZH_MESSAGE],
    ['zh-Hans-SG', ZH_MESSAGE],
    ['zh-tw', EN_MESSAGE],
    ['de', EN_MESSAGE],
    [undefined, EN_MESSAGE],
  ] as const) {
    it(`initialize.locale ${tag === undefined ? 'absent' : JSON.stringify(tag)} gives ${expected === ZH_MESSAGE ? 'Chinese' : 'English'}`, async () => {
      client = await server.start({ pull: true, ...(tag !== undefined ? { locale: tag } : {}) });
      const uri = client.uri('producer.properties');
      await client.open(uri, 'properties', PRODUCER);
      assert.equal(acksZero(await client.pulledDiagnostics(uri)).message, expected);
    });
  }

  it('ignores "locale" in .kafkalint.json: the language is the user\'s, not the repository\'s', async () => {
    writeFileSync(join(server.folder, '.kafkalint.json'), JSON.stringify({ locale: 'zh-cn' }));
    client = await server.start({ pull: true, locale: 'en' });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    assert.equal(acksZero(await client.pulledDiagnostics(uri)).message, EN_MESSAGE);
  });
});
