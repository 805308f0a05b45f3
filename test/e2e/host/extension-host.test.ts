import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Polls `fn` until it returns a truthy value or the time runs out; never sleeps a fixed time. */
async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return folder.uri;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function kafkaDiagnostics(doc: vscode.TextDocument, expected: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`${expected} on ${doc.uri.path}`, () => {
    const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'kafka-lint');
    return ds.some((d) => codeOf(d) === expected) ? ds : undefined;
  });
}

describe('Kafka Lint in the extension host', () => {
  it('reports producer/acks-zero on the value of acks=0 with a link to the rule page', async () => {
    const doc = await open('producer.properties');
    const ds = await kafkaDiagnostics(doc, 'producer/acks-zero');
    const d = ds.find((x) => codeOf(x) === 'producer/acks-zero')!;
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('acks='));
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [line, 5, 6]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof d.code === 'object' && /docs\/rules\/producer\/acks-zero\.md$/.test(d.code.target.toString()));
  });

  it('reports broker and consumer rules in their files', async () => {
    const broker = await kafkaDiagnostics(await open('server.properties'), 'broker/unclean-leader-election');
    assert.ok(broker.some((d) => codeOf(d) === 'broker/log-dirs-in-tmp'));
    await kafkaDiagnostics(await open('consumer.properties'), 'consumer/auto-commit-enabled');
  });

  it('reports client code: an unchecked Java send', async () => {
    await kafkaDiagnostics(await open('src/OrderProducer.java'), 'producer/unhandled-send');
  });

  it('explains acks=0 in a hover that names the producer stage and the safe value', async () => {
    const doc = await open('producer.properties');
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('acks='));
    const hovers = await waitFor('a hover', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 5));
      return hs && hs.length > 0 ? hs : undefined;
    });
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /Path: \*\*Producer\*\* ✗ → Broker → Consumer/);
    assert.match(text, /Safe value: all/);
    assert.match(text, /docs\/rules\/producer\/acks-zero\.md/);
  });

  it('offers the quick fix that sets acks=all, and applying it changes only that value', async () => {
    const doc = await open('producer.properties');
    const before = doc.getText();
    const ds = await kafkaDiagnostics(doc, 'producer/acks-zero');
    const d = ds.find((x) => codeOf(x) === 'producer/acks-zero')!;
    // VS Code lists quick fixes first and asks the server for the chosen one's edit (codeAction/resolve):
    // the last argument resolves the first actions here as choosing them in the menu would.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => a.title === 'Set acks=all');
    assert.ok(fix?.edit, `quick fix offered among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Disable producer/acks-zero for this line'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), before.replace('acks=0', 'acks=all'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.getText(), before);
  });
});
