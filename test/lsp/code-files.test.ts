import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, TestClient, serverFixture } from './lsp-test-client';

const JAVA = [
  'import java.util.Properties;',
  'import org.apache.kafka.clients.producer.KafkaProducer;',
  'import org.apache.kafka.clients.producer.ProducerRecord;',
  '',
  'class Prod {',
  '  void run() {',
  '    Properties props = new Properties();',
  '    props.put("bootstrap.servers", "localhost:9092");',
  '    props.put("acks", "0");',
  '    KafkaProducer<String, String> producer = new KafkaProducer<>(props);',
  '    producer.send(new ProducerRecord<>("t", "v"));',
  '  }',
  '}',
  '',
].join('\n');

/** Client code goes through the tree-sitter scanners inside the bundle: the WASM grammars must load from dist. */
describe('LSP: client code', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  const diagnosticsOf = (uri: string): Promise<Diagnostic[]> => client!.pulledDiagnostics(uri);

  it('reports a Java producer with acks "0" and an unchecked send, with fixes in Java syntax', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('src/Prod.java');
    await client.open(uri, 'java', JAVA);
    const items = await diagnosticsOf(uri);
    assert.deepEqual(
      items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      [
        ['producer/acks-zero', 8, 22, 8, 25],
        ['producer/unhandled-send', 10, 4, 10, 49],
      ],
    );
    const acksZero = items[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: acksZero.range,
      context: { diagnostics: [acksZero] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set acks=all', 'Disable producer/acks-zero for this line', 'Disable producer/acks-zero for this file'],
    );
    assert.equal(applyTextEdits(JAVA, editsFor(actions[0].edit, uri)), JAVA.replace('props.put("acks", "0");', 'props.put("acks", "all");'));
    assert.equal(
      applyTextEdits(JAVA, editsFor(actions[1].edit, uri)),
      JAVA.replace('    props.put("acks", "0");', '    // kafka-lint-disable-next-line producer/acks-zero -- reason\n    props.put("acks", "0");'),
    );
  });
});
