import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, positionOf, TestClient, waitFor, serverFixture } from './lsp-test-client';

const PRODUCER = [
  'import java.util.Properties;',
  'import org.apache.kafka.clients.producer.*;',
  '',
  'public class Publisher {',
  '    private final KafkaProducer<String, String> producer;',
  '',
  '    public Publisher() {',
  '        Properties props = new Properties();',
  '        props.put(ProducerConfig.ACKS_CONFIG, "0");',
  '        producer = new KafkaProducer<>(props);',
  '    }',
  '',
  '    public void publish(ProducerRecord<String, String> record) {',
  '        producer.send(record);',
  '    }',
  '}',
  '',
].join('\n');

describe('LSP: Java documents', function () {
  const server = serverFixture('kafka-lint-java-');
  let client: TestClient | undefined;

  const diagnosticsOf = (uri: string): Promise<Diagnostic[]> => client!.pulledDiagnostics(uri);

  it('diagnoses a Java file, re-diagnoses after a one-character edit, and applies the send quick fix', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('Publisher.java');
    await client.open(uri, 'java', PRODUCER);

    const first = await diagnosticsOf(uri);
    assert.deepEqual(
      first.map((d) => [d.code, d.range.start, d.range.end]),
      [
        ['producer/acks-zero', positionOf(PRODUCER, '"0"'), positionOf(PRODUCER, '"0"', 3)],
        ['producer/unhandled-send', positionOf(PRODUCER, 'producer.send(record)'), positionOf(PRODUCER, 'producer.send(record)', 'producer.send(record)'.length)],
      ],
    );

    // Type one character: "0" becomes "1" (acks=1), an edit inside the string literal.
    const at = positionOf(PRODUCER, '"0"', 1);
    await client.edit(uri, { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '1' });
    const second = await waitFor(async () => {
      const d = await diagnosticsOf(uri);
      return d.some((x) => x.code === 'producer/acks-leader-only') ? d : undefined;
    }, { message: 'acks-leader-only after the edit' });
    assert.equal(second.some((d) => d.code === 'producer/acks-zero'), false);

    const send = second.find((d) => d.code === 'producer/unhandled-send');
    assert.ok(send);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: send.range,
      context: { diagnostics: [send] },
    });
    assert.equal(actions[0].title, 'Add a callback that handles a failed send');
    assert.equal(actions[0].isPreferred, true);
    const after = applyTextEdits(client.text(uri), editsFor(actions[0].edit, uri));
    assert.equal(
      after,
      PRODUCER.replace('"0"', '"1"').replace(
        'producer.send(record);',
        'producer.send(record, (metadata, exception) -> { if (exception != null) { /* handle the failed send: retry, log, or dead-letter it */ } });',
      ),
    );

    // The fixed text, sent back as the editor would, has no unhandled send left.
    const edits = editsFor(actions[0].edit, uri);
    await client.edit(uri, edits[0]);
    const third = await waitFor(async () => {
      const d = await diagnosticsOf(uri);
      return d.every((x) => x.code !== 'producer/unhandled-send') ? d : undefined;
    }, { message: 'no unhandled send after the fix' });
    assert.deepEqual(third.map((d) => d.code), ['producer/acks-leader-only']);
  });

  it('shows the acks docs when hovering ProducerConfig.ACKS_CONFIG', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('Publisher.java');
    await client.open(uri, 'java', PRODUCER);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(PRODUCER, 'ACKS_CONFIG', 2) });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /\backs\b/);
    assert.deepEqual(hover.range, { start: positionOf(PRODUCER, 'ProducerConfig.ACKS_CONFIG'), end: positionOf(PRODUCER, 'ProducerConfig.ACKS_CONFIG', 'ProducerConfig.ACKS_CONFIG'.length) });
  });

  it('pushes diagnostics for Java to a client without pull support, and none for a mail sender', async () => {
    client = await server.start();
    const kafka = client.uri('Publisher.java');
    const mail = client.uri('Mailer.java');
    await client.open(mail, 'java', 'class Mailer {\n  void f(JavaMailSender sender, Message m) { sender.send(m); }\n}\n');
    await client.open(kafka, 'java', PRODUCER);
    const published = await waitFor(() => client!.diagnostics.get(kafka), { message: 'publishDiagnostics for Publisher.java' });
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['producer/acks-zero', 'producer/unhandled-send']);
    // The mail document was opened first, so its (empty) publication has arrived by now.
    const mailDiagnostics = await waitFor(() => client!.diagnostics.get(mail), { message: 'publishDiagnostics for Mailer.java' });
    assert.deepEqual(mailDiagnostics.diagnostics, []);
  });
});
