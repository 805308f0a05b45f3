import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, DocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, positionOf, TestClient, serverFixture } from './lsp-test-client';

const COMPOSE = [
  'services:',
  '  kafka:',
  '    image: apache/kafka:3.9.0',
  '    environment:',
  '      KAFKA_NODE_ID: 1',
  '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1',
  '      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1',
  '      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1',
  '      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: 1',
  '      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: 1',
  '      KAFKA_LOG_DIRS: /var/lib/kafka/data',
  '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3',
  '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"',
  '',
].join('\n');

/** A compose file arrives as VS Code's `dockercompose` language; the server reads it by its name. */
describe('LSP: docker-compose file', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  it('reports on the variable values, explains a variable name, fixes in place and completes names', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('docker-compose.yml');
    await client.open(uri, 'dockercompose', COMPOSE);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const items = report.kind === 'full' ? report.items : [];
    const rows = items.map((d) => [d.code, d.range.start.line, COMPOSE.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)]);
    assert.deepEqual(
      // The single-copy internal topics (set to 1 on purpose here) are other rules' findings.
      rows.filter(([code]) => !['broker/replication-factor-too-low', 'broker/min-insync-replicas-too-low', 'broker/replication-factor-not-above-min-insync'].includes(String(code))),
      [
        // One broker service with single-copy internal topics: the summary sits on its environment key.
        ['broker/single-broker-cluster', 3, 'environment'],
        ['broker/replication-factor-above-broker-count', 11, '3'],
        ['broker/unclean-leader-election', 12, 'true'],
      ],
    );

    const unclean = items.find((d) => d.code === 'broker/unclean-leader-election')!;

    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(COMPOSE, 'KAFKA_DEFAULT_REPLICATION_FACTOR', 3) });
    const markdown = (hover!.contents as MarkupContent).value;
    assert.ok(markdown.includes('**default.replication.factor**'), markdown);
    assert.ok(markdown.includes('The apache/kafka image sets `default.replication.factor` from `KAFKA_DEFAULT_REPLICATION_FACTOR`'), markdown);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unclean.range, context: { diagnostics: [unclean] } });
    const fix = actions.find((a) => a.title === 'Set unclean.leader.election.enable=false')!;
    const resolved = fix.edit ? fix : await client.request<CodeAction>('codeAction/resolve', fix);
    assert.equal(applyTextEdits(COMPOSE, editsFor(resolved.edit, uri)), COMPOSE.replace('ENABLE: "true"', 'ENABLE: "false"'));

    const line = COMPOSE.split('\n').length - 1;
    await client.edit(uri, { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '      KAFKA_MIN_INS' });
    const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: '      KAFKA_MIN_INS'.length } });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    assert.ok(labels.includes('KAFKA_MIN_INSYNC_REPLICAS'), labels.slice(0, 10).join(', '));
  });
});
