import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Registration,
  RegistrationParams,
  ShowMessageParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The bundled server the tests speak to, exactly as the extension and `kafka-lint-lsp` start it. */
export const SERVER_PATH = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface TestClientOptions {
  /** Declare `textDocument.diagnostic` (pull diagnostics); otherwise the server must push. */
  readonly pull?: boolean;
  /** Declare `workspace.configuration` and answer each item with this (default: no settings). */
  readonly configuration?: (params: ConfigurationParams) => unknown[];
  /** Workspace folder path (file system). */
  readonly folder?: string;
  /** Declare `codeAction/resolve` support for `edit` (with `dataSupport`), as VS Code does. */
  readonly resolveCodeActions?: boolean;
  /** Declare `workspace.workspaceEdit.documentChanges`. */
  readonly documentChanges?: boolean;
  /** Another copy of the server bundle (default {@link SERVER_PATH}). */
  readonly serverPath?: string;
  /** Sent as `initializationOptions`. */
  readonly initializationOptions?: unknown;
  /** Declare `window.workDoneProgress` (the server may then report progress with `$/progress`). */
  readonly workDoneProgress?: boolean;
  /** Sent as `initialize`'s `locale` (VS Code sends its display language, e.g. `zh-cn`). */
  readonly locale?: string;
  /** `stdio` (`--stdio`, as `kafka-lint-lsp` and most editors) or `ipc` (`--node-ipc`, as the VS Code client). */
  readonly transport?: 'stdio' | 'ipc';
}

/**
 * A minimal LSP client over real JSON-RPC to `node dist/server.js --stdio` (or `--node-ipc`): it records what the server
 * sends (diagnostics, messages, edits to apply, configuration requests) and offers {@link waitFor} to poll.
 */
export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly publishCount = new Map<string, number>();
  readonly shownMessages: ShowMessageParams[] = [];
  readonly logMessages: LogMessageParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly refreshRequests: number[] = [];
  readonly registrations: Registration[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  initializeResult?: InitializeResult;
  /** What the client answers to `workspace/workspaceFolders`. */
  workspaceFolders: { uri: string; name: string }[] | null = null;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private exited = false;
  private stopping = false;
  /** Why the server ended when nobody asked it to, for the failure message. */
  crash?: string;
  stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    private readonly options: TestClientOptions,
  ) {
    process.on('exit', (code, signal) => {
      this.exited = true;
      // A server that dies must fail the test at once: disposing rejects every pending request.
      if (!this.stopping) {
        this.crash = `server exited (code ${code}, signal ${signal}): ${this.stderr}`;
        connection.dispose();
      }
    });
    process.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  /** Spawns the server and performs `initialize` / `initialized`. */
  static async start(options: TestClientOptions = {}): Promise<TestClient> {
    const server = options.serverPath ?? SERVER_PATH;
    const ipc = options.transport === 'ipc';
    const child = ipc
      ? spawn(process.execPath, [server, '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.publishCount.set(p.uri, (client.publishCount.get(p.uri) ?? 0) + 1);
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => void client.shownMessages.push(p));
    connection.onNotification('window/logMessage', (p: LogMessageParams) => void client.logMessages.push(p));
    connection.onNotification((method: string, params: unknown) => void client.notifications.push({ method, params }));
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      client.configurationRequests.push(p);
      return options.configuration ? options.configuration(p) : p.items.map(() => null);
    });
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.appliedEdits.push(p);
      return { applied: true };
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests.push(Date.now());
      return null;
    });
    connection.onRequest('workspace/workspaceFolders', () => client.workspaceFolders);
    connection.onRequest('client/registerCapability', (p: RegistrationParams) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    // JSON-RPC keeps `$/progress` for its own progress handlers: record it as a notification.
    connection.onUnhandledProgress((p) => void client.notifications.push({ method: '$/progress', params: p }));
    connection.listen();

    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          ...(options.resolveCodeActions ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      workspace: {
        configuration: options.configuration !== undefined,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: options.documentChanges === true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
    };
    const folderUri = options.folder ? pathToFileURL(options.folder).href : null;
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      capabilities,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'ws' }] : null,
      initializationOptions: options.initializationOptions,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** A `file:` URI for a path in the workspace folder (or the given absolute path). */
  uri(name: string): string {
    return pathToFileURL(this.options.folder ? join(this.options.folder, name) : name).href;
  }

  /** `textDocument/didOpen`, version 1. */
  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** `textDocument/didChange` with one incremental edit; returns the new version. */
  async edit(uri: string, edit: TextEdit): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyTextEdits(this.texts.get(uri) ?? '', [edit]));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    return version;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Pulls the document's diagnostics (`textDocument/diagnostic`); an `unchanged` report gives none. */
  async pulledDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params).catch((err: unknown) => {
      throw new Error(`${method}: ${err instanceof Error ? err.message : String(err)}${this.crash ? ` (${this.crash})` : ''}`);
    });
  }

  notify(method: string, params: unknown): Promise<void> {
    if (method === 'exit') this.stopping = true;
    return this.connection.sendNotification(method, params);
  }

  /** `shutdown` then `exit`; waits for the process to end and kills it if it does not. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 2000);
      await this.connection.sendNotification('exit');
      await waitFor(() => this.exited, { timeout: 2000 });
    } catch {
      // The server did not shut down in time: the after hook must still leave no process behind.
    } finally {
      this.connection.dispose();
      if (!this.exited) this.process.kill('SIGKILL');
    }
  }

  get hasExited(): boolean {
    return this.exited;
  }

  get exitCode(): number | null {
    return this.process.exitCode;
  }
}

/** Polls `check` until it returns a truthy value (returned) or the timeout passes (throws with `message`). */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 5000, interval = 10, message = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

/** Applies LSP text edits to a text, as an editor would. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), [...edits]);
}

/** The edits a workspace edit makes to `uri`, from `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  return out;
}

/** A position from a marker-free search: the position of the `nth` occurrence of `needle` plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  const offset = at + delta;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * Mocha hooks for a suite that talks to the server: each test gets a fresh temporary workspace folder, and
 * every client it started with {@link ServerFixture.start} is stopped afterwards, so no server outlives
 * its test.
 */
export interface ServerFixture {
  /** The current test's workspace folder. */
  readonly folder: string;
  /** Starts a server with the current folder as its workspace (or none, to test folders added later). */
  start(options?: Omit<TestClientOptions, 'folder'> & { readonly withoutWorkspace?: boolean }): Promise<TestClient>;
}

/** Registers the hooks of a {@link ServerFixture} in the enclosing `describe`. */
export function serverFixture(prefix = 'kafka-lint-lsp-'): ServerFixture {
  let folder = '';
  const started: TestClient[] = [];
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const client of started.splice(0)) await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    get folder() {
      return folder;
    },
    async start({ withoutWorkspace, ...options } = {}) {
      const client = await TestClient.start(withoutWorkspace ? options : { ...options, folder });
      started.push(client);
      return client;
    },
  };
}
