import * as assert from 'node:assert/strict';
import type { CodeAction, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient, serverFixture } from './lsp-test-client';

const SINK = ['{', '  "name": "s",', '  "config": {', '    "connector.class": "x.Sink",', '    "topics": "orders",', '    "consumer.override.enable.auto.commit": "true"', '  }', '}', ''].join('\n');

/** A Connect connector config arrives as `json`: findings, fixes, and no comment (JSON has none). */
describe('LSP: Kafka Connect JSON connector configuration', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  it('reports on the override value and offers its fix but no suppression comment', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('connectors/sink.json');
    await client.open(uri, 'json', SINK);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const items = report.kind === 'full' ? report.items : [];
    assert.deepEqual(items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['consumer/auto-commit-enabled', 5, 45, 49]]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: items[0].range, context: { diagnostics: [items[0]] } });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set enable.auto.commit=false (then commit offsets yourself after processing)'],
    );

    const other = client.uri('package.json');
    await client.open(other, 'json', '{ "name": "app", "scripts": { "test": "mocha" } }\n');
    const none = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: other } });
    assert.deepEqual(none.kind === 'full' ? none.items : [], []);
  });
});
