import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver/node';
import type { CodeAction, Connection, DocumentDiagnosticParams, DocumentDiagnosticReport, InitializeResult, WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind } from '../core/analyze';
import { parseLocaleTag, t } from '../core/i18n/index';
import { completeAt } from '../core/completion';
import { hoverAt } from '../core/hover';
import { FIX_ALL_KIND, INPUT_FILES_GLOB, Methods, PROJECT_CONFIG_FILE, ServerCommands, SETTINGS_SECTION } from '../protocol/constants';
import type { ApplyAllFixesArgs, InitializationOptions, MessagePathParams, MessagePathResult, StatusParams } from '../protocol/constants';
import { AnalysisCache, describe } from './analysis-cache';
import { editFactory, fixAllAction, quickFixEdits, quickFixes, readQuickFixData, wants } from './code-actions';
import type { EditFactory } from './code-actions';
import { completionsFor } from './completion';
import type { CompletionProvider } from './completion';
import { uriToPath } from './convert';
import { toDiagnostics } from './diagnostics';
import { hoverFor } from './hover';
import type { HoverProvider } from './hover';
import { MessagePathService } from './message-path';
import { SettingsStore } from './settings-store';
import { WorkspaceIndex } from './workspace-index';
import type { ScanProgress } from './workspace-index';
import type { Analysis } from './analysis-cache';
import { AnalysisInputFiles } from '../files/inputs';
import { canonicalPath, WATCHED_FILES_GLOB } from '../files/walk';

/** The core features behind hover and completion; tests and other hosts may swap them. */
export interface CoreProviders {
  readonly hover?: HoverProvider;
  readonly completion?: CompletionProvider;
}

/** The providers the server ships with. */
export const DEFAULT_PROVIDERS: CoreProviders = { hover: hoverAt, completion: completeAt };

/**
 * The first read of the workspace folders starts once the first open document has its diagnostics, or this
 * long after `initialized` when no document is opened: walking a big workspace must not delay them.
 */
const FIRST_SCAN_DELAY_MS = 250;

/** How long push diagnostics wait after the last keystroke. */
const PUSH_DELAY_MS = 150;

const SERVER_VERSION = '0.1.0';

/**
 * Wires the Kafka Lint language features onto a connection and starts listening. The adapter is thin: every
 * answer is computed by core from a cached analysis of the document version and converted here.
 *
 * Diagnostics are pulled (`textDocument/diagnostic`) when the client can, otherwise pushed — never both.
 */
export function startServer(connection: Connection, providers: CoreProviders = DEFAULT_PROVIDERS): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string): void => connection.console.error(message);
  let pull = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let folderSupport = false;
  let registerWatcher = false;
  /** The client lets the server register file watchers: workspace files changed on disk re-link the model. */
  let watchFiles = false;
  let makeEdit: EditFactory = editFactory(false);
  /** The client resolves code actions (`codeAction/resolve` with `edit`): quick fixes are listed without their edits. */
  let lazyEdits = false;
  let settings: SettingsStore | undefined;
  let cache: AnalysisCache | undefined;
  let messagePath: MessagePathService | undefined;
  /** The deployment model of the workspace folders: cross-file findings (workspace-index.ts). */
  let workspace: WorkspaceIndex | undefined;
  let progressSupport = false;
  /** Pending start of the first workspace read (see FIRST_SCAN_DELAY_MS); undefined once started. */
  let firstScan: NodeJS.Timeout | undefined;
  /** The first read of the workspace folders, once started: the message path waits for it. */
  let firstRead: Promise<void> | undefined;
  let workspaceFolders: readonly WorkspaceFolder[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  let settingsGeneration = 0;

  process.on('uncaughtException', (err) => log(`Kafka Lint: uncaught error: ${describe(err)}`));
  process.on('unhandledRejection', (err) => log(`Kafka Lint: unhandled rejection: ${describe(err)}`));

  /** Runs a handler, logging any error and answering `fallback` instead of failing the request. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => Promise<R> | R): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (err) {
        log(`Kafka Lint: ${name} failed: ${describe(err)}`);
        return fallback;
      }
    };
  }

  // Core decides what a document is (its path first, the language id only when the path says nothing), so
  // any editor's ids work: Neovim's `jproperties` or `""`, eglot's mode names, Helix's names.
  const isSupported = (doc: TextDocument): boolean => documentKind(uriToPath(doc.uri), doc.languageId) !== 'unknown';

  function reportSettingsProblem(message: string): void {
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    void connection.sendNotification(Methods.status, { state: 'warning', message } satisfies StatusParams);
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pull = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderSupport = caps.workspace?.workspaceFolders === true;
    progressSupport = caps.window?.workDoneProgress === true;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    registerWatcher = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && init.clientWatchesProjectFile !== true;
    makeEdit = editFactory(caps.workspace?.workspaceEdit?.documentChanges === true);
    const codeAction = caps.textDocument?.codeAction;
    lazyEdits =
      codeAction?.codeActionLiteralSupport !== undefined && codeAction.dataSupport === true && codeAction.resolveSupport?.properties.includes('edit') === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    // VS Code sends its display language (`zh-cn`); other editors send a BCP 47 tag or nothing.
    const clientLocale = parseLocaleTag(params.locale) ?? 'en';
    settings = new SettingsStore(connection, caps.workspace?.configuration === true, folders, reportSettingsProblem, clientLocale);
    const store = settings;
    // The warm-up replays the answer to a keystroke: the diagnostics' JSON and the workspace model's extract.
    // What files are read with besides their text (a compose file's `.env`, the project's library versions),
    // for open documents and the model alike: read again when they changed on disk.
    const inputFiles = new AnalysisInputFiles();
    const inputsOf = (path: string) => inputFiles.inputsOf(path);
    cache = new AnalysisCache(
      (uri) => store.optionsFor(uri),
      log,
      (analysis) => {
        workspace?.rehearse(analysis);
        return JSON.stringify(toDiagnostics(analysis));
      },
      inputsOf,
    );
    workspaceFolders = folders;
    workspace = new WorkspaceIndex({
      folders: () => workspaceFolders,
      optionsFor: (uri) => store.optionsFor(uri),
      log,
      changed: (paths) => crossFindingsChanged(paths),
      inputFiles,
    });
    const model = workspace;
    messagePath = new MessagePathService({
      documents,
      analysisOf,
      workspaceFiles: async () => {
        // The report waits for the first read of the folders, so that it shows every file and cross-file finding.
        if (!model.ready) await startFirstScan();
        return model.allFiles();
      },
      inWorkspace: (document, path) => model.inWorkspace(document, path),
      inputsOf: (path) => model.inputsOf(path),
      revisionOf: (path) => model.revisionOfPath(path),
      optionsFor: (uri) => store.optionsFor(uri),
      folders: () => workspaceFolders,
      isSupported,
      log,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
          ...(lazyEdits ? { resolveProvider: true } : {}),
        },
        hoverProvider: providers.hover !== undefined,
        completionProvider: providers.completion !== undefined ? { triggerCharacters: ['.', '=', ':'] } : undefined,
        executeCommandProvider: { commands: [ServerCommands.applyAllFixes] },
        // A file's diagnostics depend on other files (cross-file findings): pull clients re-pull on refresh.
        diagnosticProvider: pull ? { identifier: 'kafka-lint', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        workspace: folderSupport ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
      },
      serverInfo: { name: 'kafka-lint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    const failed = (err: unknown): void => log(`Kafka Lint: registration failed: ${describe(err)}`);
    if (dynamicConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(failed);
    if (registerWatcher) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_CONFIG_FILE}` }] }).catch(failed);
    }
    // The files the workspace model reads (the CLI walk's names), so that a change on disk re-links it.
    // And folders created or deleted: that is one event for the folder, which the files' glob does not match.
    if (watchFiles) {
      // And what files are read with: `.env` files and build files (files/inputs.ts).
      const watchers = [{ globPattern: WATCHED_FILES_GLOB }, { globPattern: INPUT_FILES_GLOB }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(failed);
    }
    firstScan = setTimeout(startFirstScan, FIRST_SCAN_DELAY_MS);
    if (folderSupport) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          workspaceFolders = folders ?? [];
          settings?.setFolders(workspaceFolders);
          refresh();
          if (firstRead) void scanWorkspace();
        }, log);
      });
    }
  });

  /** Publishes diagnostics for a document (push clients only); skipped when a newer version arrived meanwhile. */
  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || !cache || !isSupported(doc)) return;
    const analysis = await analysisOf(doc);
    if (documents.get(uri)?.version !== analysis.version) return;
    await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: toDiagnostics(analysis) });
    firstDiagnosticsSent();
  }

  /** Starts the first read of the folders unless it has started; resolves when it is done. */
  function startFirstScan(): Promise<void> {
    clearTimeout(firstScan);
    firstScan = undefined;
    firstRead ??= scanWorkspace();
    return firstRead;
  }

  /** The open file has its first diagnostics: the workspace read may begin. */
  function firstDiagnosticsSent(): void {
    if (!firstRead && firstScan !== undefined) setImmediate(startFirstScan);
  }

  /**
   * A document's analysis with the cross-file findings shown in it: the workspace model takes this version's
   * extract first (the editor's text wins over the disk), so both agree on every offset.
   */
  async function analysisOf(doc: TextDocument): Promise<Analysis> {
    const analysis = await cache!.get(doc);
    if (!workspace) return analysis;
    workspace.update(analysis);
    return workspace.combine(analysis);
  }

  /**
   * Reads the workspace folders into the model in the background, with progress when the client shows it;
   * resolves when the read is done (a failed read is logged by the model).
   */
  function scanWorkspace(): Promise<void> {
    if (!workspace) return Promise.resolve();
    const index = workspace;
    return (async () => {
      let progress: ScanProgress | undefined;
      if (progressSupport) {
        try {
          const reporter = await connection.window.createWorkDoneProgress();
          progress = {
            begin: (total, locale) => reporter.begin('Kafka Lint', 0, t(locale, 'deployment.progress.begin', { count: total }), false),
            report: (done, total, locale) => reporter.report(Math.floor((done * 100) / Math.max(total, 1)), t(locale, 'deployment.progress.report', { done, total })),
            done: () => reporter.done(),
          };
        } catch (err) {
          log(`Kafka Lint: progress not available: ${describe(err)}`);
        }
      }
      await index.scan(progress);
    })();
  }

  /** Cross-file findings of these files changed: open ones are re-published (push) or refreshed (pull). */
  function crossFindingsChanged(paths: readonly string[]): void {
    const changed = new Set(paths);
    // The index names files by real path (a file reached through a link is one file).
    const open = documents.all().filter((d) => changed.has(canonicalPath(uriToPath(d.uri))) && isSupported(d));
    if (open.length === 0) return;
    if (pull) {
      if (refreshSupport) connection.languages.diagnostics.refresh().catch((err: unknown) => log(`Kafka Lint: diagnostics refresh failed: ${describe(err)}`));
      return;
    }
    for (const doc of open) if (!timers.has(doc.uri)) schedulePublish(doc.uri, 0);
  }

  function schedulePublish(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri).catch((err: unknown) => log(`Kafka Lint: diagnostics for ${uri} failed: ${describe(err)}`));
      }, delay),
    );
  }

  /** After a settings change: ask pull clients to re-pull, re-publish for push clients. */
  function refresh(): void {
    settingsGeneration++;
    void connection.sendNotification(Methods.status, { state: 'ok' } satisfies StatusParams);
    if (pull) {
      if (refreshSupport) connection.languages.diagnostics.refresh().catch((err: unknown) => log(`Kafka Lint: diagnostics refresh failed: ${describe(err)}`));
      return;
    }
    for (const doc of documents.all()) schedulePublish(doc.uri, 0);
  }

  documents.onDidChangeContent((e) => {
    cache?.warmUp.noteActivity();
    if (!pull) schedulePublish(e.document.uri, e.document.version <= 1 ? 0 : PUSH_DELAY_MS);
  });

  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache?.forget(e.document.uri);
    settings?.forget(e.document.uri);
    workspace?.forget(e.document.uri);
    void workspace?.closed(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // Pull reports are identified by document version and settings generation: the same pair means the
  // same diagnostics, so the server answers `unchanged` instead of resending them.
  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, async (params: DocumentDiagnosticParams) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !cache || !isSupported(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const generation = settingsGeneration;
      const analysis = await analysisOf(doc);
      // The cross-file part: the relink that last changed this file's cross-file findings.
      const resultId = `${analysis.version}.${analysis.inputsRevision ?? 0}@${generation}@${workspace?.revisionOf(doc.uri) ?? 0}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      firstDiagnosticsSent();
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toDiagnostics(analysis) };
    }),
  );

  connection.onDidChangeConfiguration((params) => {
    settings?.clear(params.settings);
    refresh();
    void workspace?.settingsChanged();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const files = params.changes.filter((c) => !c.uri.endsWith(`/${PROJECT_CONFIG_FILE}`));
    if (files.length > 0) void workspace?.watched(files.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })));
    if (files.length === params.changes.length) return;
    settings?.clearProjectFiles();
    refresh();
    void workspace?.settingsChanged();
  });

  connection.onCodeAction(
    guard('code actions', [] as CodeAction[], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !cache || !isSupported(doc)) return [];
      const only = params.context.only;
      const quick = wants(only, CodeActionKind.QuickFix) && params.context.diagnostics.length > 0;
      // Fix-all only when asked for (source action menu, codeActionsOnSave), not in every light bulb.
      const all = only !== undefined && wants(only, FIX_ALL_KIND);
      if (!quick && !all) return [];
      const analysis = await analysisOf(doc);
      const actions: CodeAction[] = quick ? quickFixes(params, analysis, makeEdit, lazyEdits) : [];
      const fixAll = all ? fixAllAction(analysis, makeEdit) : undefined;
      if (fixAll) actions.push(fixAll);
      return actions;
    }),
  );

  // The edit of the quick fix the user chose, computed from the analysis of the version it was offered for.
  // A document changed since is refused with ContentModified, which clients take as "nothing to apply".
  connection.onCodeActionResolve(async (action) => {
    const data = readQuickFixData(action.data);
    if (!data || !cache) return action;
    const doc = documents.get(data.uri);
    const stale = (): ResponseError<void> => new ResponseError(LSPErrorCodes.ContentModified, `Kafka Lint: ${data.uri} changed since the quick fix was offered`);
    if (!doc || doc.version !== data.version) throw stale();
    let edits;
    try {
      edits = quickFixEdits(await analysisOf(doc), data);
    } catch (err) {
      log(`Kafka Lint: code action resolve failed: ${describe(err)}`);
      return action;
    }
    if (!edits) throw stale();
    return { ...action, edit: makeEdit(data.uri, data.version, edits) };
  });

  connection.onExecuteCommand(
    guard('command', undefined, async (params) => {
      if (params.command !== ServerCommands.applyAllFixes || !cache) return undefined;
      const args = params.arguments?.[0] as Partial<ApplyAllFixesArgs> | undefined;
      const doc = args?.uri ? documents.get(args.uri) : undefined;
      if (!doc || !isSupported(doc) || (args?.version !== undefined && args.version !== doc.version)) return undefined;
      const action = fixAllAction(await analysisOf(doc), makeEdit);
      if (action?.edit) await connection.workspace.applyEdit({ label: 'Kafka Lint: fix all', edit: action.edit });
      return undefined;
    }),
  );

  // The message-path report (the editor's "Show Message Path" webview; any client may ask for the model).
  connection.onRequest(Methods.messagePath, async (params: MessagePathParams): Promise<MessagePathResult> => {
    if (!messagePath) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Kafka Lint: not initialized');
    try {
      return await messagePath.report(params);
    } catch (err) {
      log(`Kafka Lint: message path failed: ${describe(err)}`);
      throw new ResponseError(ErrorCodes.InternalError, `Kafka Lint: the message path could not be computed (${err instanceof Error ? err.message : String(err)})`);
    }
  });

  connection.onHover(
    guard('hover', null, async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!providers.hover || !doc || !cache || !isSupported(doc)) return null;
      // With the cross-file findings: a hover on acks=all explains the min ISR decided in another file.
      const analysis = await analysisOf(doc);
      return hoverFor(analysis, analysis.index.offsetAt(params.position), providers.hover);
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!providers.completion || !doc || !isSupported(doc) || !settings) return [];
      // The options are cached per document; only their language matters here (the documentation's).
      const { locale } = await settings.optionsFor(doc.uri);
      const kind = documentKind(uriToPath(doc.uri), doc.languageId, doc.getText());
      return completionsFor(doc, kind, doc.offsetAt(params.position), providers.completion, locale);
    }),
  );

  connection.onShutdown(() => {
    clearTimeout(firstScan);
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}
