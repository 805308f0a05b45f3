import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_IDS, Methods, PROJECT_CONFIG_FILE, ServerCommands } from '../../server/src/protocol/constants';
import type { ApplyAllFixesArgs, InitializationOptions, StatusParams } from '../../server/src/protocol/constants';
import { MessagePathPanel } from './message-path';
import { linkLocale, ruleLink } from './rule-links';

let client: LanguageClient | undefined;

/**
 * Starts the Kafka Lint language server (the bundled `dist/server.js`) for Kafka config files and client
 * code, and adds the output channel, the status bar item, the commands and the message-path webview. Everything
 * else lives in the server.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kafka Lint', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/${PROJECT_CONFIG_FILE}`) },
    initializationOptions: { clientWatchesProjectFile: true } satisfies InitializationOptions,
    // The rule id of each diagnostic becomes the link to its page (the server does not send the address).
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withRuleLinks(uri, diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && report.kind === 'full') report.items = withRuleLinks(document instanceof vscode.Uri ? document : document.uri, report.items);
        return report;
      },
    },
  };
  // The id `kafkaLint` makes the client read `kafkaLint.trace.server`.
  const languageClient = new LanguageClient('kafkaLint', 'Kafka Lint', serverOptions, clientOptions);
  client = languageClient;

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = Commands.showOutput;
  const show = (icon: string, tooltip: string): void => {
    status.text = `$(${icon}) Kafka Lint`;
    status.tooltip = tooltip;
    status.show();
  };
  // Texts go through vscode.l10n (l10n/bundle.l10n.zh-cn.json); the server's own messages arrive translated.
  show('sync~spin', vscode.l10n.t('Kafka Lint: starting'));
  languageClient.onDidChangeState((e) => {
    if (e.newState === State.Running) show('check', vscode.l10n.t('Kafka Lint: running'));
    else if (e.newState === State.Starting) show('sync~spin', vscode.l10n.t('Kafka Lint: starting'));
    else show('error', vscode.l10n.t('Kafka Lint: stopped (click for the output)'));
  });
  languageClient.onNotification(Methods.status, (p: StatusParams) => {
    if (p.state === 'warning') show('warning', p.message ?? vscode.l10n.t('Kafka Lint: configuration problem'));
    else if (languageClient.state === State.Running) show('check', vscode.l10n.t('Kafka Lint: running'));
  });

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.restartServer, () => languageClient.restart()),
    vscode.commands.registerCommand(Commands.fixAll, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return;
      const args: ApplyAllFixesArgs = { uri: document.uri.toString(), version: document.version };
      await languageClient.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.applyAllFixes, arguments: [args] });
    }),
    vscode.commands.registerCommand(Commands.showMessagePath, () => void MessagePathPanel.show(languageClient)),
    vscode.window.registerWebviewPanelSerializer(MessagePathPanel.viewType, {
      deserializeWebviewPanel: async (panel) => MessagePathPanel.revive(panel, languageClient),
    }),
  );
  await languageClient.start();
}

/** Links the rule id of each Kafka Lint diagnostic to the rule's page, in the language the server speaks there. */
function withRuleLinks(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const locale = linkLocale(vscode.workspace.getConfiguration('kafkaLint', uri).get('locale'), vscode.env.language);
  for (const d of diagnostics) {
    const href = ruleLink(d.source, d.code, locale);
    if (href) d.code = { value: d.code as string, target: vscode.Uri.parse(href) };
  }
  return diagnostics;
}

/** Stops the server with the extension. */
export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
