import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, INPUT_FILES_GLOB, REPORTED_FILES_GLOB } from '../../server/src/protocol/constants';
import type { MessagePathParams, MessagePathResult } from '../../server/src/protocol/constants';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol/constants';
import { OwnDiagnostics, reportedHrefs } from './message-path-guards';

/** How long the page waits after the last change of diagnostics before asking the server again. */
const REFRESH_DELAY_MS = 300;

/** What the page posts when a file link is clicked. */
interface OpenMessage {
  readonly type: 'open';
  readonly uri: string;
  readonly line: number;
  readonly column: number;
}

/**
 * "Kafka Lint: Show Message Path": one webview with the message-path page of the workspace (or, with no
 * folder open, of the active file). The server computes the report and renders the page (the same renderer
 * as `kafka-lint report`); this panel only asks for it, shows it, asks again when diagnostics change, and
 * opens a file at the line when the page says a link was clicked.
 */
export class MessagePathPanel implements vscode.Disposable {
  private static current: MessagePathPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** A change arrived while the panel was hidden: refresh when it shows again. */
  private stale = false;
  /** Increases per request, so that a slow answer never replaces a newer one. */
  private generation = 0;
  private documentUri: string | undefined;
  /** The documents the page on show links: the only ones a message from the page may open. */
  private linked = new Set<string>();
  /** Kafka Lint's diagnostics as last seen, so other extensions' diagnostics do not refresh the page. */
  private readonly ownDiagnostics = new OwnDiagnostics(DIAGNOSTIC_SOURCE);
  private readonly watcher = vscode.workspace.createFileSystemWatcher(REPORTED_FILES_GLOB);
  /** The files other files are read with (`.env`, build files): a change there changes their findings too. */
  private readonly inputsWatcher = vscode.workspace.createFileSystemWatcher(INPUT_FILES_GLOB);

  /** Shows the panel (creating it, or revealing the open one) and refreshes it. */
  static show(client: LanguageClient): MessagePathPanel {
    const active = activeDocumentUri();
    if (MessagePathPanel.current) {
      if (active) MessagePathPanel.current.documentUri = active;
      MessagePathPanel.current.panel.reveal();
      void MessagePathPanel.current.refresh();
      return MessagePathPanel.current;
    }
    // The title until the server's page (with its own, translated title) arrives.
    const title = vscode.l10n.t('Kafka Lint: message path');
    const panel = vscode.window.createWebviewPanel(MessagePathPanel.viewType, title, vscode.ViewColumn.Active, { ...WEBVIEW_OPTIONS, enableFindWidget: true });
    MessagePathPanel.current = new MessagePathPanel(panel, client, active);
    return MessagePathPanel.current;
  }

  /** The panel type, also named by the `onWebviewPanel` activation event. */
  static readonly viewType = 'kafkaLint.messagePath';

  /**
   * Brings back the panel VS Code restores after a reload (the webview serializer): the page is asked for
   * afresh, and the page's own state (its scroll position) is kept by VS Code.
   */
  static revive(panel: vscode.WebviewPanel, client: LanguageClient): void {
    panel.webview.options = WEBVIEW_OPTIONS;
    MessagePathPanel.current?.dispose();
    MessagePathPanel.current = new MessagePathPanel(panel, client, activeDocumentUri());
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    documentUri: string | undefined,
  ) {
    this.documentUri = documentUri;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.refresh();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const documents = new Map(e.uris.filter((uri) => uri.scheme === 'file' || uri.scheme === 'untitled').map((uri) => [uri.toString(), uri]));
        if (this.ownDiagnostics.changed([...documents.keys()], (key) => vscode.languages.getDiagnostics(documents.get(key)!))) this.scheduleRefresh();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.scheduleRefresh()),
      // Files changed outside the editor (a checkout, a build): their findings are not diagnostics of any
      // open document, so only the disk tells.
      this.watcher,
      this.watcher.onDidChange(() => this.scheduleRefresh()),
      this.watcher.onDidCreate(() => this.scheduleRefresh()),
      this.watcher.onDidDelete(() => this.scheduleRefresh()),
      this.inputsWatcher,
      this.inputsWatcher.onDidChange(() => this.scheduleRefresh()),
      this.inputsWatcher.onDidCreate(() => this.scheduleRefresh()),
      this.inputsWatcher.onDidDelete(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleRefresh()),
      vscode.window.onDidChangeActiveTextEditor(() => {
        // Without a folder the page follows the file being edited.
        const active = activeDocumentUri();
        if (!hasFolders() && active && active !== this.documentUri) {
          this.documentUri = active;
          this.scheduleRefresh();
        }
      }),
    );
    void this.refresh();
  }

  private scheduleRefresh(): void {
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the page and shows it. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.stale = false;
    const generation = ++this.generation;
    const nonce = randomBytes(18).toString('base64url');
    const params: MessagePathParams = hasFolders()
      ? { scope: 'workspace', webview: { nonce, cspSource: this.panel.webview.cspSource } }
      : { scope: 'document', uri: this.documentUri, webview: { nonce, cspSource: this.panel.webview.cspSource } };
    let result: MessagePathResult;
    try {
      result = await this.client.sendRequest<MessagePathResult>(Methods.messagePath, params);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (generation === this.generation) void vscode.window.showErrorMessage(vscode.l10n.t('Kafka Lint could not draw the message path: {0}', reason));
      return;
    }
    if (generation !== this.generation || !result.html) return;
    this.panel.title = result.title;
    this.linked = reportedHrefs(result.report);
    this.panel.webview.html = result.html;
  }

  /** A click on a file link in the page: open the file at the line and column (1-based). */
  private async onMessage(message: unknown): Promise<void> {
    if (!isOpenMessage(message) || !this.linked.has(message.uri)) return;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(message.uri, true);
    } catch {
      return;
    }
    // The page only ever links the documents it reports on (checked above); never anything but a document.
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return;
    const at = new vscode.Position(Math.max(0, message.line - 1), Math.max(0, message.column - 1));
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: false });
  }

  dispose(): void {
    if (MessagePathPanel.current === this) MessagePathPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** The page runs its one script and loads nothing: no file of the extension or the workspace is served to it. */
const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

function hasFolders(): boolean {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
}

function activeDocumentUri(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') ? doc.uri.toString() : undefined;
}

function isOpenMessage(m: unknown): m is OpenMessage {
  if (m === null || typeof m !== 'object') return false;
  const o = m as Record<string, unknown>;
  return o.type === 'open' && typeof o.uri === 'string' && Number.isInteger(o.line) && Number.isInteger(o.column);
}
