import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import type { LintOptions } from '../core/options';
import type { Locale } from '../core/i18n/index';
import { t } from '../core/i18n/index';
import { PROJECT_CONFIG_FILE, SETTINGS_SECTION } from '../protocol/constants';
import { resolveOptions } from '../protocol/settings';
import { uriToPath } from './convert';

/** A `.kafkalint.json` as read from disk: its parsed content, or why it could not be used. */
interface ProjectFile {
  readonly content?: unknown;
  readonly error?: { readonly path: string; readonly reason: string };
}

/** Where the store reports problems the user should see (invalid JSON, bad values). */
export interface SettingsProblemSink {
  (message: string): void;
}

/**
 * Lint options per document, from three layers: defaults, the workspace folder's `.kafkalint.json`, the
 * editor's `kafkaLint.*` settings for the document's scope. Settings are pulled with
 * `workspace/configuration` when the client supports it (per `scopeUri`), else taken from the
 * `didChangeConfiguration` payload. Everything is cached and cleared by {@link clear}.
 */
export class SettingsStore {
  private readonly editorCache = new Map<string, Promise<unknown>>();
  private readonly projectCache = new Map<string, Promise<ProjectFile>>();
  private pushedSettings: unknown;
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullConfiguration: boolean,
    private folders: readonly WorkspaceFolder[],
    private readonly onProblem: SettingsProblemSink,
    /** The editor's display language (`initialize.locale`), used unless `kafkaLint.locale` chooses one. */
    private readonly clientLocale: Locale = 'en',
  ) {}

  /** Replaces the workspace folders (after `workspace/didChangeWorkspaceFolders`). */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders;
    this.projectCache.clear();
  }

  /** Forgets editor settings; `settings` is the payload of `didChangeConfiguration` (used by push-only clients). */
  clear(settings?: unknown): void {
    this.editorCache.clear();
    if (settings !== null && typeof settings === 'object' && SETTINGS_SECTION in settings) {
      this.pushedSettings = (settings as Record<string, unknown>)[SETTINGS_SECTION];
    }
    this.reported.clear();
  }

  /** Forgets the settings of a closed document. */
  forget(uri: string): void {
    this.editorCache.delete(uri);
  }

  /** Forgets the cached `.kafkalint.json` files (after `didChangeWatchedFiles`). */
  clearProjectFiles(): void {
    this.projectCache.clear();
    this.reported.clear();
  }

  /** The options that apply to the document at `uri`. Never rejects. */
  async optionsFor(uri: string): Promise<LintOptions> {
    const folder = this.folderOf(uri);
    const [editor, project] = await Promise.all([this.editorSettings(uri), folder ? this.projectFile(folder) : Promise.resolve<ProjectFile>({})]);
    const { options, problems } = resolveOptions(editor, project.content, this.clientLocale);
    if (project.error) this.report(t(options.locale, 'server.projectFileInvalid', { path: project.error.path, reason: project.error.reason }));
    for (const p of problems) this.report(`Kafka Lint ${p.message}`);
    return options;
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.onProblem(message);
  }

  private editorSettings(uri: string): Promise<unknown> {
    if (!this.pullConfiguration) return Promise.resolve(this.pushedSettings);
    let cached = this.editorCache.get(uri);
    if (!cached) {
      cached = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (v: unknown) => v,
        (err: unknown) => {
          this.connection.console.error(`Kafka Lint: could not read settings for ${uri}: ${String(err)}`);
          return undefined;
        },
      );
      this.editorCache.set(uri, cached);
    }
    return cached;
  }

  /** The workspace folder holding `uri`, or that `uri` is (the innermost one), if any. */
  private folderOf(uri: string): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined;
    for (const f of this.folders) {
      const prefix = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
      if ((uri === f.uri || uri.startsWith(prefix)) && (!best || f.uri.length > best.uri.length)) best = f;
    }
    return best;
  }

  private projectFile(folder: WorkspaceFolder): Promise<ProjectFile> {
    let cached = this.projectCache.get(folder.uri);
    if (!cached) {
      cached = readProjectFile(folder.uri);
      this.projectCache.set(folder.uri, cached);
    }
    return cached;
  }
}

/** Reads and parses `<folder>/.kafkalint.json`; a missing file is no error, invalid JSON is. */
async function readProjectFile(folderUri: string): Promise<ProjectFile> {
  if (!folderUri.startsWith('file:')) return {};
  const path = join(uriToPath(folderUri), PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  try {
    return { content: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (err) {
    return { error: { path, reason: err instanceof Error ? err.message : String(err) } };
  }
}
