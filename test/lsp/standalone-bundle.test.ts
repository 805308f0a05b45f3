import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { SERVER_PATH, TestClient } from './lsp-test-client';

/**
 * The packaged extension ships only `dist/` (see .vscodeignore): the server bundle must run with no
 * node_modules around it, loading the tree-sitter grammars from `dist/wasm`.
 */
describe('LSP: the server bundle on its own', function () {
  let dir: string;
  let client: TestClient | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-lint-bundle-'));
    cpSync(SERVER_PATH, join(dir, 'dist', 'server.js'));
    cpSync(join(dirname(SERVER_PATH), 'wasm'), join(dir, 'dist', 'wasm'), { recursive: true });
    // Guard the premise: nothing above the copy may provide node_modules.
    for (let d = dir; d !== dirname(d); d = dirname(d)) assert.equal(existsSync(join(d, 'node_modules')), false, d);
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyses .properties and Java client code without node_modules', async () => {
    client = await TestClient.start({ pull: true, folder: join(dir, 'ws'), serverPath: join(dir, 'dist', 'server.js') });
    const props = client.uri('producer.properties');
    await client.open(props, 'properties', 'acks=0\n');
    const java = client.uri('P.java');
    await client.open(java, 'java', 'import java.util.Properties;\nclass P { void f() { Properties p = new Properties(); p.put("acks", "0"); new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p); } }\n');
    for (const uri of [props, java]) {
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      const codes = report.kind === 'full' ? report.items.map((d) => d.code) : [];
      assert.ok(codes.includes('producer/acks-zero'), `${uri}: ${JSON.stringify(codes)} ${client.stderr}`);
    }
  });
});
