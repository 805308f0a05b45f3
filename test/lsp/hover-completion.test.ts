import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, positionOf, TestClient, serverFixture } from './lsp-test-client';

const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';

describe('LSP: hover', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  async function hover(uri: string, text: string, needle: string, delta: number): Promise<Hover | null> {
    return client!.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) });
  }

  it('explains a key, with the default for the configured Kafka version, over the key range', async () => {
    let settings: unknown = null;
    client = await server.start({ pull: true, configuration: (p) => p.items.map(() => settings) });
    assert.equal(client.initializeResult!.capabilities.hoverProvider, true);
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const h = await hover(uri, PRODUCER, 'acks', 2);
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /^\*\*acks\*\*/);
    assert.match(value, /\*\*Default\*\* \(Kafka 4\.1\): `all`/);
    assert.deepEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });

    settings = { kafkaVersion: '2.8' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const old = await hover(uri, PRODUCER, 'acks', 2);
    assert.match((old!.contents as MarkupContent).value, /\*\*Default\*\* \(Kafka 2\.8\): `1`/);
  });

  it('explains the finding under the caret, with a link to the rule page', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const h = await hover(uri, PRODUCER, 'acks=0', 5);
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /^\*\*producer\/acks-zero\*\* \(error\)/);
    assert.ok(value.includes('(https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/producer/acks-zero.md)'));
    assert.deepEqual(h!.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } });
  });

  it('answers null on a comment and on a blank line', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    const text = '# acks=0 is in a comment\n\nacks=all\n';
    await client.open(uri, 'properties', text);
    assert.equal(await hover(uri, text, 'acks=0', 1), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } }), null);
  });
  it('answers null on a resource bundle that merely contains Kafka-like keys, and publishes no diagnostic', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('src/main/resources/messages.properties');
    const text = 'app.title=Cluster Console\nacks=Acknowledgements\nretries=Retries\ngroup.id=Consumer group\n';
    await client.open(uri, 'properties', text);
    for (const [needle, delta] of [['acks', 1], ['Acknowledgements', 3], ['retries', 2], ['group.id', 2]] as const) {
      assert.equal(await hover(uri, text, needle, delta), null, needle);
    }
    assert.deepEqual(await client.pulledDiagnostics(uri), []);
  });
});

describe('LSP: completion', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  async function complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = await client!.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  it('completes a key being typed, replacing the typed prefix', async () => {
    client = await server.start({ pull: true });
    assert.deepEqual(client.initializeResult!.capabilities.completionProvider, { triggerCharacters: ['.', '=', ':'] });
    const uri = client.uri('producer.properties');
    const text = 'bootstrap.servers=localhost:9092\nenable.idem\n';
    await client.open(uri, 'properties', text);
    const items = await complete(uri, 1, 11);
    const item = items.find((i) => i.label === 'enable.idempotence');
    assert.ok(item, JSON.stringify(items.map((i) => i.label)));
    assert.equal(item.kind, 10 /* Property */);
    assert.equal((item.documentation as MarkupContent).kind, 'markdown');
    const edit = item.textEdit as TextEdit;
    assert.match(edit.newText, /^enable\.idempotence/);
    assert.equal(applyTextEdits(text, [edit]), `bootstrap.servers=localhost:9092\n${edit.newText}\n`);
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  });

  it('completes values safest first after key=', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    const text = 'acks=\n';
    await client.open(uri, 'properties', text);
    const items = await complete(uri, 0, 5);
    assert.deepEqual(
      items.map((i) => i.label),
      ['all', '-1', '1', '0'],
    );
    assert.ok(items.every((i) => i.kind === 12 /* Value */));
    assert.equal(applyTextEdits(text, [items[0].textEdit as TextEdit]), 'acks=all\n');
  });

  it('offers nothing in a comment or in a file kind it does not complete', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', '# acks\n');
    assert.deepEqual(await complete(uri, 0, 6), []);
    const java = client.uri('P.java');
    await client.open(java, 'java', 'class P {}\n');
    assert.deepEqual(await complete(java, 0, 3), []);
  });
});
