import * as assert from 'node:assert/strict';
import type { CodeAction, ConfigurationParams, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, TestClient, waitFor, serverFixture } from './lsp-test-client';

const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';

describe('LSP: code actions', function () {
  const server = serverFixture();
  let client: TestClient | undefined;

  const diagnosticsOf = (uri: string): Promise<Diagnostic[]> => client!.pulledDiagnostics(uri);

  function actionsFor(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client!.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only },
    });
  }

  it('offers the core fix first, then disable for line and file; the fix yields exactly the expected text', async () => {
    client = await server.start({ pull: true });
    assert.equal(client.initializeResult!.capabilities.codeActionProvider && (client.initializeResult!.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, undefined);
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const acksZero = (await diagnosticsOf(uri)).find((d) => d.code === 'producer/acks-zero')!;
    const actions = await actionsFor(uri, acksZero);
    // Without resolve support every action comes with its edit, and none carries resolve data.
    assert.ok(actions.every((a) => a.edit !== undefined && a.data === undefined));
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Set acks=all', 'quickfix', true],
        ['Disable producer/acks-zero for this line', 'quickfix', false],
        ['Disable producer/acks-zero for this file', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, [acksZero]);
    assert.equal(applyTextEdits(PRODUCER, editsFor(actions[0].edit, uri)), 'bootstrap.servers=localhost:9092\nacks=all\n');
    assert.equal(
      applyTextEdits(PRODUCER, editsFor(actions[2].edit, uri)),
      '# kafka-lint-disable producer/acks-zero -- reason\nbootstrap.servers=localhost:9092\nacks=0\n',
    );
  });

  it('a push client gets the same code actions for a published diagnostic; disable-for-line makes the finding go away', async () => {
    client = await server.start();
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const published = await waitFor(() => client!.diagnostics.get(uri));
    const acksZero = published.diagnostics.find((d) => d.code === 'producer/acks-zero')!;
    const offered = await actionsFor(uri, acksZero);
    assert.deepEqual(
      offered.map((a) => a.title),
      ['Set acks=all', 'Disable producer/acks-zero for this line', 'Disable producer/acks-zero for this file'],
    );
    assert.equal(applyTextEdits(PRODUCER, editsFor(offered[0].edit, uri)), 'bootstrap.servers=localhost:9092\nacks=all\n');
    const action = offered.find((a) => a.title === 'Disable producer/acks-zero for this line')!;
    const edits = editsFor(action.edit, uri);
    assert.equal(applyTextEdits(PRODUCER, edits), 'bootstrap.servers=localhost:9092\n# kafka-lint-disable-next-line producer/acks-zero -- reason\nacks=0\n');
    assert.equal(edits.length, 1);
    const version = await client.edit(uri, edits[0]);
    const after = await waitFor(() => (client!.diagnostics.get(uri)?.version === version ? client!.diagnostics.get(uri) : undefined));
    assert.deepEqual(
      after.diagnostics.map((d) => d.code).filter((c) => c === 'producer/acks-zero'),
      [],
    );
  });

  it('offers nothing for a diagnostic of an older version or from another source', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const acksZero = (await diagnosticsOf(uri)).find((d) => d.code === 'producer/acks-zero')!;
    assert.deepEqual(await actionsFor(uri, { ...acksZero, source: 'other-linter' }), []);
    await client.edit(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# producer\n' });
    assert.deepEqual(await actionsFor(uri, acksZero), []);
  });

  it('resolves edits on request for a client with codeAction/resolve; a changed document is refused with ContentModified', async () => {
    client = await server.start({ pull: true, resolveCodeActions: true });
    assert.equal((client.initializeResult!.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const acksZero = (await diagnosticsOf(uri)).find((d) => d.code === 'producer/acks-zero')!;
    const actions = await actionsFor(uri, acksZero);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false, a.edit === undefined]),
      [
        ['Set acks=all', true, true],
        ['Disable producer/acks-zero for this line', false, true],
        ['Disable producer/acks-zero for this file', false, true],
      ],
    );
    const resolved = await Promise.all(actions.map((a) => client!.request<CodeAction>('codeAction/resolve', a)));
    assert.deepEqual(
      resolved.map((a) => applyTextEdits(PRODUCER, editsFor(a.edit, uri))),
      [
        'bootstrap.servers=localhost:9092\nacks=all\n',
        'bootstrap.servers=localhost:9092\n# kafka-lint-disable-next-line producer/acks-zero -- reason\nacks=0\n',
        '# kafka-lint-disable producer/acks-zero -- reason\nbootstrap.servers=localhost:9092\nacks=0\n',
      ],
    );
    assert.deepEqual(resolved[0].diagnostics, [acksZero]);
    // A client that resolves an action after the document changed gets no edit but ContentModified (-32801).
    await client.edit(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# producer\n' });
    await assert.rejects(client.connection.sendRequest('codeAction/resolve', actions[0]), (err: { code?: number }) => err.code === -32801);
    // Actions that are not ours come back as they were.
    const foreign = { title: 'other', data: { something: 1 } };
    assert.deepEqual(await client.request('codeAction/resolve', foreign), foreign);
  });

  it('finds the finding again without data, and after a settings change reorders the findings of the same version', async () => {
    let rules: Record<string, string> = { 'producer/acks-zero': 'off', 'producer/idempotence-disabled': 'off' };
    client = await server.start({ pull: true, configuration: (p: ConfigurationParams) => p.items.map(() => ({ rules })) });
    const uri = client.uri('producer.properties');
    const text = 'bootstrap.servers=localhost:9092\nacks=0\nretries=0\n';
    await client.open(uri, 'properties', text);
    const items = await diagnosticsOf(uri);
    assert.deepEqual(
      items.map((d) => [d.code, d.range.start.line, d.data]),
      [['producer/retries-disabled', 2, 0]],
    );
    const retries = items[0];
    const withData = await actionsFor(uri, retries);
    assert.deepEqual(
      withData.map((a) => a.title),
      ['Remove retries=0 (use the default, 2147483647)', 'Set retries=2147483647', 'Disable producer/retries-disabled for this line', 'Disable producer/retries-disabled for this file'],
    );
    assert.equal(applyTextEdits(text, editsFor(withData[0].edit, uri)), 'bootstrap.servers=localhost:9092\nacks=0\n');
    // A client that does not keep `data`: matched by source, code and range.
    const { data: _dropped, ...bare } = retries;
    assert.deepEqual(
      await actionsFor(uri, bare),
      withData.map((a) => ({ ...a, diagnostics: [bare] })),
    );
    // With every rule on, index 0 is now acks-zero and retries-disabled moved to index 1: the rule and range tell them apart.
    rules = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(async () => (await diagnosticsOf(uri)).length === 2, { message: 'acks-zero turned on' });
    assert.deepEqual(await actionsFor(uri, retries), withData);
    // With retries-disabled off, the retries diagnostic stands for no finding any more: nothing is offered for it.
    rules = { 'producer/retries-disabled': 'off' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(async () => (await diagnosticsOf(uri)).some((d) => d.code === 'producer/idempotence-disabled'), { message: 'retries-disabled turned off' });
    assert.deepEqual(await actionsFor(uri, retries), []);
  });

  it('a finding about the whole file (an unset key) offers the fix and the whole-file directive, not a line directive', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('consumer.properties');
    const text = '# Billing consumer\nbootstrap.servers=localhost:9092\ngroup.id=billing\n';
    await client.open(uri, 'properties', text);
    const [unset] = await diagnosticsOf(uri);
    assert.equal(unset.code, 'consumer/auto-commit-enabled');
    assert.deepEqual(unset.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(unset.message), /^Consumer stage: enable\.auto\.commit is unset, and Kafka 4\.1 defaults it to true, so /);
    const actions = await actionsFor(uri, unset);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add enable.auto.commit=false (then commit offsets yourself after processing)', 'Disable consumer/auto-commit-enabled for this file'],
    );
    assert.equal(applyTextEdits(text, editsFor(actions[0].edit, uri)), `${text}enable.auto.commit=false\n`);
  });

  it('uses versioned documentChanges when the client supports them', async () => {
    client = await server.start({ pull: true, documentChanges: true });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    const acksZero = (await diagnosticsOf(uri)).find((d) => d.code === 'producer/acks-zero')!;
    const [fix] = await actionsFor(uri, acksZero);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.equal(fix.edit!.changes, undefined);
  });

  it('source.fixAll applies every preferred fix that does not overlap another', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    const text = 'bootstrap.servers=localhost:9092\nacks=0\nretries=0\nacks=1\n';
    await client.open(uri, 'properties', text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Fix all auto-fixable Kafka Lint problems', 'source.fixAll.kafkaLint']],
    );
    assert.equal(applyTextEdits(text, editsFor(actions[0].edit, uri)), 'bootstrap.servers=localhost:9092\nacks=all\n');
    // Light-bulb requests (no `only`) do not compute fix-all.
    const plain = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(plain, []);
  });

  it('the applyAllFixes command sends workspace/applyEdit with the fix-all edits', async () => {
    client = await server.start({ pull: true });
    const uri = client.uri('producer.properties');
    await client.open(uri, 'properties', PRODUCER);
    await client.request('workspace/executeCommand', { command: 'kafkaLint.applyAllFixes', arguments: [{ uri, version: 1 }] });
    const applied = await waitFor(() => client!.appliedEdits[0]);
    assert.equal(applyTextEdits(PRODUCER, editsFor(applied.edit, uri)), 'bootstrap.servers=localhost:9092\nacks=all\n');
    // A stale version is ignored.
    await client.request('workspace/executeCommand', { command: 'kafkaLint.applyAllFixes', arguments: [{ uri, version: 7 }] });
    assert.equal(client.appliedEdits.length, 1);
  });
});
