import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, positionOf, TestClient, waitFor, serverFixture } from './lsp-test-client';

// The emoji makes UTF-16 columns differ from code points: ranges after it must still be exact.
const TS = [
  `import { Kafka } from 'kafkajs';`,
  ``,
  `const kafka = new Kafka({ clientId: '🚀orders', brokers: ['b:9092'] });`,
  `const producer = kafka.producer();`,
  ``,
  `export async function publish(order: { id: string }) {`,
  `  producer.send({ topic: 'orders', messages: [{ value: order.id }], acks: 1 });`,
  `}`,
  ``,
].join('\n');

type Row = [string | number | undefined, number, number, number, number];
const rows = (items: Diagnostic[]): Row[] => items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

describe('LSP: TypeScript client code', function () {
  const server = serverFixture('kafka-lint-lsp-ts-');
  let client: TestClient | undefined;

  const pulled = (uri: string): Promise<Diagnostic[]> => client!.pulledDiagnostics(uri);

  it('diagnoses a kafkajs file, follows a one-character edit, and applies the await fix (pull)', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('src/publish.ts');
    await client.open(uri, 'typescript', TS);
    assert.deepEqual(rows(await pulled(uri)), [
      ['producer/unhandled-send', 6, 2, 6, 15],
      ['producer/acks-leader-only', 6, 74, 6, 75],
    ]);

    // One character: a line break before the function moves both findings down a line.
    await client.edit(uri, { range: { start: positionOf(TS, 'export'), end: positionOf(TS, 'export') }, newText: '\n' });
    const text = client.text(uri);
    const moved = await waitFor(async () => {
      const items = await pulled(uri);
      return items.length === 2 && items[0].range.start.line === 7 ? items : undefined;
    }, { message: 'diagnostics after the edit' });
    assert.deepEqual(rows(moved), [
      ['producer/unhandled-send', 7, 2, 7, 15],
      ['producer/acks-leader-only', 7, 74, 7, 75],
    ]);

    const send = moved[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: send.range,
      context: { diagnostics: [send] },
    });
    assert.equal(actions[0].title, 'Await send()');
    assert.equal(applyTextEdits(text, editsFor(actions[0].edit, uri)), text.replace('  producer.send(', '  await producer.send('));

    const acks = moved[1];
    const acksActions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: acks.range,
      context: { diagnostics: [acks] },
    });
    assert.equal(applyTextEdits(text, editsFor(acksActions[0].edit, uri)), text.replace('acks: 1 }', 'acks: -1 }'));
  });

  it('pushes diagnostics to a client without pull support, and clears them when the send is awaited', async () => {
    client = await server.start();
    const uri = client.uri('src/publish.ts');
    await client.open(uri, 'typescript', TS);
    const first = await waitFor(() => {
      const p = client!.diagnostics.get(uri);
      return p && p.diagnostics.length === 2 ? p : undefined;
    }, { message: 'pushed diagnostics' });
    assert.deepEqual(rows(first.diagnostics), [
      ['producer/unhandled-send', 6, 2, 6, 15],
      ['producer/acks-leader-only', 6, 74, 6, 75],
    ]);
    const at = positionOf(TS, 'producer.send');
    await client.edit(uri, { range: { start: at, end: at }, newText: 'await ' });
    const after = await waitFor(() => {
      const p = client!.diagnostics.get(uri);
      return p && p.diagnostics.length === 1 ? p : undefined;
    }, { message: 'diagnostics after awaiting the send' });
    assert.deepEqual(rows(after.diagnostics), [['producer/acks-leader-only', 6, 80, 6, 81]]);
  });

  it('a TypeScript file that does not use Kafka gets no diagnostics', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('src/mail.ts');
    await client.open(uri, 'typescript', `export async function notify(res: { send(s: string): void }) {\n  res.send('ok');\n}\n`);
    assert.deepEqual(await pulled(uri), []);
  });
});
