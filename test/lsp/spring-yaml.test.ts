import * as assert from 'node:assert/strict';
import type { CodeAction, DocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, positionOf, TestClient, serverFixture } from './lsp-test-client';

const YAML = ['spring:', '  kafka:', '    producer:', '      acks: 0', '    consumer:', '      enable-auto-commit: true', ''].join('\n');

/** Spring Boot YAML arrives as language `yaml`; the server reads it by its file name. */
describe('LSP: Spring Boot application.yml', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  it('reports, explains and fixes in YAML syntax', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('src/main/resources/application.yml');
    await client.open(uri, 'yaml', YAML);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const items = report.kind === 'full' ? report.items : [];
    assert.deepEqual(
      items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['producer/acks-zero', 3, 12, 13],
        ['consumer/auto-commit-enabled', 5, 26, 30],
      ],
    );

    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(YAML, 'acks', 1) });
    assert.match((hover!.contents as MarkupContent).value, /\*\*acks\*\*/);

    const line = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: items[0].range,
      context: { diagnostics: [items[0]] },
    });
    const disable = line.find((a) => a.title === 'Disable producer/acks-zero for this line')!;
    assert.equal(applyTextEdits(YAML, editsFor(disable.edit, uri)), YAML.replace('      acks: 0', '      # kafka-lint-disable-next-line producer/acks-zero -- reason\n      acks: 0'));

    const all = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kafkaLint'] },
    });
    assert.equal(all.length, 1);
    assert.equal(applyTextEdits(YAML, editsFor(all[0].edit, uri)), YAML.replace('acks: 0', 'acks: all').replace('enable-auto-commit: true', 'enable-auto-commit: false'));
  });
});
