// The editor side of `npm run bench`: spawns a built language server over stdio as an editor does and
// speaks LSP to it through vscode-jsonrpc (the JSON-RPC library VS Code's language client uses), so that
// every figure includes what a user waits for: writing the request, the server's work, serialising the
// answer, the pipe, and parsing it on the client side.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/** What VS Code declares for the features measured here: pull diagnostics, code action literals with resolve. */
const CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
};

/**
 * A language server started from `root` (a checkout with `dist/server.js` built), with pull diagnostics.
 * `open`, `change` and `pull` resolve when the message is written or the answer parsed.
 */
export async function startEditorSession(root, { pull = true } = {}) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiting = new Map();
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onRequest(() => null);
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p);
    waiting.get(p.uri)?.(p);
  });
  connection.listen();
  const capabilities = pull ? CAPABILITIES : { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, diagnostic: undefined } };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  const versions = new Map();
  return {
    /** `textDocument/didOpen` of `name` (a file name under a folder that does not exist) with `text`. */
    async open(name, languageId, text) {
      const uri = pathToFileURL(join('/bench-workspace', name)).href;
      versions.set(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    /** One ranged `textDocument/didChange`, as editors send for a keystroke. */
    async change(uri, range, text) {
      const version = versions.get(uri) + 1;
      versions.set(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return version;
    },
    /** `textDocument/diagnostic`: the diagnostics of the document's current version. */
    async pull(uri) {
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return report.items ?? [];
    },
    /** The next `publishDiagnostics` for `uri` with `version` (push sessions). */
    published(uri, version) {
      const now = published.get(uri);
      if (now && now.version === version) return Promise.resolve(now);
      return new Promise((resolve) => waiting.set(uri, (p) => p.version === version && resolve(p)));
    },
    request: (method, params) => connection.sendRequest(method, params),
    async close() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      await new Promise((resolve) => {
        const timer = setTimeout(() => (child.kill(), resolve()), 2000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
    },
  };
}

/** The LSP position of `offset` in `text` (`\n` line breaks). */
export function positionOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Milliseconds `fn` takes, on this side of the connection. */
export async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
