/**
 * Names shared by the VS Code client and the language server: command ids, custom LSP methods,
 * the languages the server reads and the settings section. Import-free on purpose so the client bundle
 * stays small (type imports only).
 */
import type { MessagePathReport } from '../core/report/message-path';

/** The `kafkaLint` section of the editor settings. */
export const SETTINGS_SECTION = 'kafkaLint';

/** The project file read at the workspace root; same shape as the settings (`kafkaVersion`, `rules`). */
export const PROJECT_CONFIG_FILE = '.kafkalint.json';

/** The `source` of every diagnostic, and the name in fix-all code action kinds. */
export const DIAGNOSTIC_SOURCE = 'kafka-lint';

/** Code action kind for "fix everything fixable in this file" (VS Code's `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.kafkaLint';

/** Commands contributed by the extension (package.json `contributes.commands`). */
export const Commands = {
  showOutput: 'kafkaLint.showOutput',
  restartServer: 'kafkaLint.restartServer',
  fixAll: 'kafkaLint.fixAll',
  showMessagePath: 'kafkaLint.showMessagePath',
} as const;

/**
 * Commands the server executes (`workspace/executeCommand`). `applyAllFixes` takes one
 * {@link ApplyAllFixesArgs} and answers by sending `workspace/applyEdit`.
 */
export const ServerCommands = {
  applyAllFixes: 'kafkaLint.applyAllFixes',
} as const;

export interface ApplyAllFixesArgs {
  readonly uri: string;
  readonly version?: number;
}

/** `initializationOptions` a client may send. */
export interface InitializationOptions {
  /**
   * True when the client itself watches `.kafkalint.json` and sends `didChangeWatchedFiles` (the VS Code
   * extension does); otherwise the server registers the watcher when the client allows it.
   */
  readonly clientWatchesProjectFile?: boolean;
}

/** Custom methods, all `kafkaLint/<name>`. */
export const Methods = {
  /** Server → client notification: the server's view of its configuration ({@link StatusParams}). */
  status: 'kafkaLint/status',
  /** Client → server request: the message-path report ({@link MessagePathParams} → {@link MessagePathResult}). */
  messagePath: 'kafkaLint/messagePath',
} as const;

/**
 * What `kafkaLint/messagePath` reports on: `workspace` (every file of the workspace folders the server reads,
 * open documents as they are in the editor) or one `document` (the editor has no folder open).
 */
export interface MessagePathParams {
  readonly scope: 'workspace' | 'document';
  /** The document, for `scope: 'document'`. */
  readonly uri?: string;
  /**
   * Render the page for a webview too (`html` in the result): the nonce its one style and one script carry,
   * and the webview's `cspSource`. Without it only the report model is sent.
   */
  readonly webview?: { readonly nonce: string; readonly cspSource?: string };
}

/**
 * The files the workspace report reads, as a glob: a change to one on disk may change the picture, so the
 * webview asks again. The same names as the CLI's folder walk (`WATCHED_FILES_GLOB` in files/walk.ts; a unit
 * test keeps them equal).
 */
export const REPORTED_FILES_GLOB = '**/*.{properties,yml,yaml,json,java,ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go}';

/**
 * The files other files are read with (server/src/files/inputs.ts): a compose file's `.env`, the build files
 * that pin client library versions. The server watches them; the report webview refreshes on them too.
 */
export const INPUT_FILES_GLOB = '**/{.env,pom.xml,build.gradle,build.gradle.kts,gradle.properties,libs.versions.toml,pyproject.toml,requirements*.txt}';

export interface MessagePathResult {
  /** The page's title, in the user's language. */
  readonly title: string;
  /** The report model (core/report/message-path.ts): stages, counts, findings, settings; hrefs are document URIs. */
  readonly report: MessagePathReport;
  /** The page, when `webview` was given: file links carry `data-uri`/`data-line`, the script posts `{ type: 'open', uri, line, column }`. */
  readonly html?: string;
}

export interface StatusParams {
  /** `ok`, or `warning` when a settings source (e.g. `.kafkalint.json`) could not be read. */
  readonly state: 'ok' | 'warning';
  readonly message?: string;
}

/** Language ids the server analyses: config files and Kafka client code. */
export const LANGUAGE_IDS = [
  'kafka-properties',
  'properties',
  'yaml',
  'dockercompose',
  'json',
  'java',
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'python',
  'go',
  // Read only with `kafkaLint.markdown` on (the server lints nothing in it otherwise).
  'markdown',
] as const;

export type LanguageId = (typeof LANGUAGE_IDS)[number];
