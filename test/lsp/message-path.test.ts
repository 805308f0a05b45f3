import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessagePathResult } from '../../server/src/protocol/constants';
import { Methods } from '../../server/src/protocol/constants';
import { attr, parseHtml, select, selectOne, text } from '../support/html-dom';
import type { TestClient } from './lsp-test-client';
import { serverFixture, waitFor } from './lsp-test-client';

const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';
const CONSUMER = 'bootstrap.servers=localhost:9092\ngroup.id=orders\nenable.auto.commit=true\n';

describe('LSP: kafkaLint/messagePath', function () {
  const server = serverFixture('kafka-lint-message-path-');

  /** Writes a file into the workspace folder (folders created as needed). */
  const put = (name: string, content: string): string => {
    const path = join(server.folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };

  const statuses = (r: MessagePathResult): string[] => [...r.report.stages, r.report.hygiene].map((s) => `${s.stage}:${s.status}`);

  it('reports the workspace from disk, skips node_modules, and takes open documents as the editor has them', async () => {
    put('config/producer.properties', PRODUCER);
    put('config/consumer.properties', CONSUMER);
    put('messages.properties', 'greeting=hello\n');
    put('node_modules/lib/producer.properties', 'acks=0\n');
    const client = await server.start({ pull: true });

    const first = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
    assert.equal(first.title, 'Kafka Lint: message path');
    assert.equal(first.html, undefined);
    assert.deepEqual(statuses(first), ['producer:fail', 'broker:unseen', 'consumer:risk', 'config:ok']);
    assert.equal(first.report.filesChecked, 3);
    assert.equal(first.report.kafkaFiles, 2);
    const producerUri = pathToFileURL(join(server.folder, 'config/producer.properties')).href;
    assert.deepEqual(
      first.report.stages[0].findings.map((f) => [f.file, f.href, f.line, f.column, f.rule, f.severity]),
      [
        // acks=0 is one root cause: producer/idempotence-disabled does not report it again.
        ['config/producer.properties', producerUri, 2, 6, 'producer/acks-zero', 'error'],
      ],
    );
    assert.deepEqual(
      first.report.stages[2].rules.map((r) => [r.rule, r.severity, r.count]),
      [['consumer/auto-commit-enabled', 'warning', 1]],
    );

    // The user fixes acks in the editor without saving: the report follows the open document.
    await client.open(producerUri, 'properties', 'bootstrap.servers=localhost:9092\nacks=all\n');
    const edited = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
    assert.deepEqual(statuses(edited), ['producer:ok', 'broker:unseen', 'consumer:risk', 'config:ok']);
    assert.deepEqual(
      edited.report.stages[0].settings.filter((s) => s.key === 'acks').map((s) => [s.value, s.line, s.source, s.href]),
      [['all', 2, 'file', producerUri]],
    );
  });

  it('sees files changed, added and removed on disk since the last request', async () => {
    const consumer = put('consumer.properties', CONSUMER);
    const client = await server.start({ pull: true });
    assert.deepEqual(statuses(await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' })), [
      'producer:unseen',
      'broker:unseen',
      'consumer:risk',
      'config:ok',
    ]);
    writeFileSync(consumer, 'bootstrap.servers=localhost:9092\ngroup.id=orders\nenable.auto.commit=false\n');
    // The same size as before: the modification time tells the change.
    const later = new Date(Date.now() + 5000);
    utimesSync(consumer, later, later);
    const broker = put('server.properties', 'process.roles=broker,controller\nnode.id=1\nunclean.leader.election.enable=true\n');
    // A new file comes in through the watched files, as the editor announces it (the report walks no folders).
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(broker).href, type: 1 }] });
    const after = await waitFor(async () => {
      const r = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
      return r.report.filesChecked === 2 ? r : undefined;
    });
    assert.deepEqual(statuses(after), ['producer:unseen', 'broker:fail', 'consumer:ok', 'config:ok']);
    assert.ok(after.report.stages[1].rules.some((r) => r.rule === 'broker/unclean-leader-election'), JSON.stringify(after.report.stages[1].rules));
    assert.equal(after.report.filesChecked, 2);
    rmSync(consumer);
    const removed = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
    assert.deepEqual(statuses(removed), ['producer:unseen', 'broker:fail', 'consumer:unseen', 'config:ok']);
    assert.equal(removed.report.filesChecked, 1);
  });

  const workspaceReport = (client: TestClient): Promise<MessagePathResult> =>
    client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' });
  /** The files of the report with their findings' rule ids, in file order. */
  const rulesByFile = (r: MessagePathResult): string[] =>
    [...new Set([...r.report.stages, r.report.hygiene].flatMap((s) => s.findings.map((f) => `${f.file} ${f.rule}`)))].sort();

  it('takes the files from the workspace model: a file created and announced by the watched files is in the next report, one deleted is gone', async () => {
    put('consumer.properties', CONSUMER);
    const client = await server.start({ pull: true });
    const first = await workspaceReport(client);
    assert.equal(first.report.filesChecked, 1);
    assert.deepEqual(rulesByFile(first), ['consumer.properties consumer/auto-commit-enabled']);

    // Written to disk but not announced yet: the report walks no folders, so it is not there.
    const producer = put('app/producer.properties', PRODUCER);
    assert.equal((await workspaceReport(client)).report.filesChecked, 1);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(producer).href, type: 1 }] });
    const created = await waitFor(async () => {
      const r = await workspaceReport(client);
      return r.report.filesChecked === 2 ? r : undefined;
    });
    assert.deepEqual(rulesByFile(created), ['app/producer.properties producer/acks-zero', 'consumer.properties consumer/auto-commit-enabled']);
    assert.deepEqual(statuses(created), ['producer:fail', 'broker:unseen', 'consumer:risk', 'config:ok']);

    rmSync(producer);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(producer).href, type: 3 }] });
    const deleted = await waitFor(async () => {
      const r = await workspaceReport(client);
      return r.report.filesChecked === 1 ? r : undefined;
    });
    assert.deepEqual(rulesByFile(deleted), ['consumer.properties consumer/auto-commit-enabled']);
    assert.deepEqual(statuses(deleted), ['producer:unseen', 'broker:unseen', 'consumer:risk', 'config:ok']);
  });

  it('shows unsaved edits of open documents (a file not on disk yet too), and the disk again when closed', async () => {
    put('consumer.properties', CONSUMER);
    const other = put('other/producer.properties', 'bootstrap.servers=localhost:9092\nacks=all\n');
    const client = await server.start({ pull: true });
    assert.deepEqual(rulesByFile(await workspaceReport(client)), ['consumer.properties consumer/auto-commit-enabled']);
    const uri = pathToFileURL(other).href;
    await client.open(uri, 'properties', 'bootstrap.servers=localhost:9092\nacks=0\n');
    const edited = await workspaceReport(client);
    assert.equal(edited.report.filesChecked, 2);
    assert.deepEqual(rulesByFile(edited), ['consumer.properties consumer/auto-commit-enabled', 'other/producer.properties producer/acks-zero']);
    // A file the editor opened in a folder and has not saved yet (Neovim's `:e new.properties`) is in the report.
    const unsaved = pathToFileURL(join(server.folder, 'new/consumer.properties')).href;
    await client.open(unsaved, 'properties', 'bootstrap.servers=localhost:9092\ngroup.id=billing\nenable.auto.commit=true\n');
    const fresh = await workspaceReport(client);
    assert.equal(fresh.report.filesChecked, 3);
    assert.deepEqual(rulesByFile(fresh), [
      'consumer.properties consumer/auto-commit-enabled',
      'new/consumer.properties consumer/auto-commit-enabled',
      'other/producer.properties producer/acks-zero',
    ]);
    await client.close(unsaved);
    assert.equal((await workspaceReport(client)).report.filesChecked, 2);
    // An open document outside every folder stays out of the workspace report.
    const outside = join(server.folder, '..', `outside-${Date.now()}.properties`);
    writeFileSync(outside, PRODUCER);
    try {
      await client.open(pathToFileURL(outside).href, 'properties', PRODUCER);
      assert.equal((await workspaceReport(client)).report.filesChecked, 2);
    } finally {
      rmSync(outside);
    }
    await client.close(uri);
    const closed = await waitFor(async () => {
      const r = await workspaceReport(client);
      return rulesByFile(r).length === 1 ? r : undefined;
    });
    assert.deepEqual(rulesByFile(closed), ['consumer.properties consumer/auto-commit-enabled']);
  });

  it('renders the page for a webview: the nonce on its one style and one script, file links as document URIs at the line', async () => {
    put('producer.properties', PRODUCER);
    const client = await server.start({ pull: true });
    const result = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace', webview: { nonce: 'abc123', cspSource: 'vscode-webview://test' } });
    const parsed = parseHtml(result.html ?? '');
    assert.deepEqual(parsed.errors, []);
    assert.equal(
      attr(selectOne(parsed.document, 'meta[http-equiv=Content-Security-Policy]'), 'content'),
      "default-src 'none'; img-src vscode-webview://test data:; style-src 'nonce-abc123'; script-src 'nonce-abc123'; base-uri 'none'; form-action 'none'",
    );
    assert.deepEqual(
      [...select(parsed.document, 'style'), ...select(parsed.document, 'script')].map((e) => attr(e, 'nonce')),
      ['abc123', 'abc123'],
    );
    const uri = pathToFileURL(join(server.folder, 'producer.properties')).href;
    const [first] = select(parsed.document, '#stage-producer tr.finding a.loc');
    assert.deepEqual([attr(first, 'href'), attr(first, 'data-uri'), attr(first, 'data-line'), attr(first, 'data-column'), text(first)], ['#', uri, '2', '6', '2:6']);
  });

  it('reports one open document when the editor has no folder', async () => {
    const client = await server.start({ pull: true, withoutWorkspace: true });
    const uri = pathToFileURL(put('orders/consumer.properties', CONSUMER)).href;
    await client.open(uri, 'properties', CONSUMER);
    const result = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'document', uri });
    assert.deepEqual(statuses(result), ['producer:unseen', 'broker:unseen', 'consumer:risk', 'config:ok']);
    assert.equal(result.report.filesChecked, 1);
    assert.deepEqual(
      result.report.stages[2].findings.map((f) => [f.file, f.href, f.line]),
      [['consumer.properties', uri, 3]],
    );
    // A document the server does not read gives an empty report, not an error.
    const other = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'document', uri: 'file:///nowhere/notes.txt' });
    assert.equal(other.report.filesChecked, 0);
  });

  it('shows the cross-file findings of the workspace model, in files open or not, as the diagnostics do', async () => {
    put('config/server.properties', 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=1\nunclean.leader.election.enable=false\ndefault.replication.factor=3\n');
    put('config/topic-orders.properties', 'unclean.leader.election.enable=true\nretention.ms=604800000\n');
    const producer = put('app/producer.properties', 'bootstrap.servers=kafka-1:9092\nacks=all\n');
    const client = await server.start({ pull: true });
    const cross = (r: MessagePathResult): string[][] =>
      [...r.report.stages, r.report.hygiene].flatMap((s) =>
        s.findings.filter((f) => f.rule === 'producer/acks-all-without-min-isr' || f.rule === 'broker/topic-overrides-safe-broker').map((f) => [s.stage, f.file, `${f.line}:${f.column}`, f.rule, f.severity]),
      );
    const expected = [
      ['producer', 'app/producer.properties', '2:6', 'producer/acks-all-without-min-isr', 'warning'],
      ['broker', 'config/topic-orders.properties', '1:32', 'broker/topic-overrides-safe-broker', 'error'],
    ];
    assert.deepEqual(cross(await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' })), expected);
    // Open, the producer shows the same finding as its diagnostics.
    const uri = pathToFileURL(producer).href;
    await client.open(uri, 'properties', 'bootstrap.servers=kafka-1:9092\nacks=all\n');
    assert.ok((await client.pulledDiagnostics(uri)).some((d) => d.code === 'producer/acks-all-without-min-isr'));
    assert.deepEqual(cross(await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace' })), expected);
  });

  it("speaks the editor's language: Simplified Chinese from initialize.locale", async () => {
    put('producer.properties', PRODUCER);
    const client = await server.start({ pull: true, locale: 'zh-cn' });
    const result = await client.request<MessagePathResult>(Methods.messagePath, { scope: 'workspace', webview: { nonce: 'n' } });
    assert.equal(result.title, 'Kafka Lint：消息路径');
    assert.equal(attr(selectOne(parseHtml(result.html ?? '').document, 'html'), 'lang'), 'zh-CN');
    assert.match(result.report.stages[0].findings[0].message, /[\u4e00-\u9fff]/);
  });
});
