import { statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, releaseDocument } from '../core/analyze';
import type { AnalysisInputs } from '../core/analyze';
import { combineFindings } from '../core/deployment/lint';
import { lint } from '../core/lint';
import type { AnalyzedDocument, Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import { DEFAULT_OPTIONS } from '../core/options';
import { renderHtml } from '../core/report/html';
import type { FileReport } from '../core/report/message-path';
import { fileReport, messagePath } from '../core/report/message-path';
import { reportTexts } from '../core/report/texts';
import { readTextFile } from '../files/read';
import { canonicalPath } from '../files/walk';
import type { MessagePathParams, MessagePathResult } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { describe } from './analysis-cache';
import { uriToPath } from './convert';
import type { WorkspaceFileFindings } from './workspace-index';
import { isInside, isWalked } from './workspace-index';

/** What the service needs of the server: its documents, their analyses, the options per scope, the folders. */
export interface MessagePathHost {
  readonly documents: TextDocuments<TextDocument>;
  /** An open document's analysis with the cross-file findings shown in it (the server's diagnostics). */
  analysisOf(doc: TextDocument): Promise<Analysis>;
  /**
   * The files of the workspace model (lsp/workspace-index.ts: read from the folders on start, kept current by
   * open documents and watched files) with their cross-file findings, once its first read of the folders is
   * done; ranges are spans of the file as the model read it.
   */
  workspaceFiles(): Promise<readonly WorkspaceFileFindings[]>;
  /**
   * A file's document read from disk as the workspace model judges it (lsp/workspace-index.ts `inWorkspace`:
   * Strimzi counts of every file, a compose file merged with its base or override), and the model's revision
   * of what that depends on.
   */
  inWorkspace(document: AnalyzedDocument, path: string): AnalyzedDocument;
  /** What a file is read with besides its text (files/inputs.ts), as the server's analyses read it. */
  inputsOf(path: string): AnalysisInputs | undefined;
  revisionOf(path: string): number;
  /** The options of a document (by URI) or of a folder's files that are not open (by the folder's URI). */
  optionsFor(uri: string): Promise<LintOptions>;
  folders(): readonly WorkspaceFolder[];
  isSupported(doc: TextDocument): boolean;
  log(message: string): void;
}

/** A file read from disk, summarised; reused while its size, time and options stay the same. */
interface DiskEntry {
  readonly stamp: string;
  readonly report: FileReport | undefined;
}

/**
 * Answers `kafkaLint/messagePath`: the message-path report of the workspace or of one document. The
 * workspace's files are the server's workspace model's (lsp/workspace-index.ts: the files the CLI's folder
 * walk finds, read once on start and kept current by open documents and watched files; no walk per request),
 * open documents as the editor has them. Open documents come from the server's analyses, so the report says
 * what the squiggles say; files that are not open are read, analysed and summarised once per size,
 * modification time, options and cross-file findings, and their syntax trees freed at once (the model holds
 * only each file's deployment extract). The cross-file findings come from the model, as in the diagnostics.
 */
export class MessagePathService {
  private readonly disk = new Map<string, DiskEntry>();

  constructor(private readonly host: MessagePathHost) {}

  async report(params: MessagePathParams): Promise<MessagePathResult> {
    const folders = this.host.folders().filter((f) => f.uri.startsWith('file:'));
    const files: FileReport[] = [];
    const versions: string[] = [];
    let options: LintOptions | undefined;
    if (params.scope === 'document' || folders.length === 0) {
      const doc = params.uri ? this.host.documents.get(params.uri) : undefined;
      if (doc && this.host.isSupported(doc)) {
        const analysis = await this.host.analysisOf(doc);
        options = analysis.options;
        files.push(this.openReport(doc, analysis, displayName(doc.uri, folders)));
        versions.push(analysis.options.kafkaVersion);
      }
    } else {
      // The files are the workspace model's (no walk of the folders per request): what it read from the folders,
      // what watched files created or deleted since, and the open documents it was given.
      const indexed = await this.host.workspaceFiles();
      const cross = new Map(indexed.map((f) => [f.path, f.crossFindings]));
      const optionsOf = new Map<WorkspaceFolder, LintOptions>();
      for (const folder of folders) {
        const folderOptions = await this.host.optionsFor(folder.uri);
        optionsOf.set(folder, folderOptions);
        options ??= folderOptions;
        versions.push(folderOptions.kafkaVersion);
      }
      // By real path, not URI: editors spell file URIs in their own ways (VS Code encodes ':' and '@'), and a
      // file reached through a linked folder is one file. Open documents the model has not taken yet count too.
      const byPath = new Map<string, { reached: string; uri: string; doc?: TextDocument }>();
      for (const f of indexed) byPath.set(f.path, { reached: uriToPath(f.uri), uri: f.uri });
      for (const doc of this.host.documents.all()) {
        if (!doc.uri.startsWith('file:') || !this.host.isSupported(doc)) continue;
        const reached = uriToPath(doc.uri);
        byPath.set(canonicalPath(reached), { reached, uri: doc.uri, doc });
      }
      const seen = new Set<string>();
      for (const [path, { reached, uri, doc }] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        // Open documents not saved in any folder (untitled, or outside the folders) are left out: the report is
        // of the workspace as the folders hold it.
        const folder = folderOf(reached, folders) ?? folderOf(path, folders);
        if (!folder || !(isWalked(reached, folders) || isWalked(path, folders))) continue;
        seen.add(path);
        const display = displayName(uri, folders);
        const report = doc ? this.openReport(doc, await this.host.analysisOf(doc), display) : await this.diskReport(path, uri, display, optionsOf.get(folder) ?? DEFAULT_OPTIONS, cross.get(path));
        if (report) files.push(report);
        // One file at a time, letting keystrokes and diagnostics through in between.
        await new Promise<void>((r) => setImmediate(r));
      }
      for (const path of this.disk.keys()) if (!seen.has(path)) this.disk.delete(path);
    }
    const locale = (options ?? DEFAULT_OPTIONS).locale;
    const report = messagePath(files, versions.length > 0 ? versions : [DEFAULT_OPTIONS.kafkaVersion]);
    return {
      title: reportTexts(locale).title,
      report,
      ...(params.webview ? { html: renderHtml(report, { locale, webview: params.webview }) } : {}),
    };
  }

  private openReport(doc: TextDocument, analysis: Analysis, display: string): FileReport {
    return fileReport({ file: display, href: doc.uri, document: analysis.document, findings: analysis.findings, kafkaVersion: analysis.options.kafkaVersion });
  }

  private async diskReport(absolute: string, uri: string, display: string, options: LintOptions, cross: readonly Finding[] | undefined): Promise<FileReport | undefined> {
    let stamp: string;
    try {
      const st = statSync(absolute);
      stamp = `${st.size}:${st.mtimeMs}:${JSON.stringify(options)}:${display}:${this.host.revisionOf(absolute)}:${JSON.stringify(cross ?? [])}`;
    } catch {
      return undefined;
    }
    const cached = this.disk.get(absolute);
    if (cached?.stamp === stamp) return cached.report;
    const read = readTextFile(absolute);
    let report: FileReport | undefined;
    if (read.ok) {
      const path = uriToPath(uri);
      try {
        const document = this.host.inWorkspace(await analyze(path, read.text, undefined, this.host.inputsOf(absolute)), absolute);
        report = fileReport({ file: display, href: uri, document, findings: combineFindings(lint(document, options), cross), kafkaVersion: options.kafkaVersion });
      } catch (err) {
        this.host.log(`Kafka Lint: could not analyze ${uri} for the message path: ${describe(err)}`);
      } finally {
        releaseDocument(path);
      }
    }
    this.disk.set(absolute, { stamp, report });
    return report;
  }
}

/** The innermost workspace folder holding the path: its options are the file's. */
function folderOf(path: string, folders: readonly WorkspaceFolder[]): WorkspaceFolder | undefined {
  let best: { folder: WorkspaceFolder; length: number } | undefined;
  for (const folder of folders) {
    const root = uriToPath(folder.uri);
    if (!isInside(root, path)) continue;
    if (!best || root.length > best.length) best = { folder, length: root.length };
  }
  return best?.folder;
}

/**
 * The name a file is shown by: its path inside the workspace folder (with the folder's name first when
 * there are several), else its base name.
 */
function displayName(uri: string, folders: readonly WorkspaceFolder[]): string {
  const path = uriToPath(uri);
  for (const folder of folders) {
    const root = uriToPath(folder.uri);
    if (isInside(root, path)) {
      const shown = relative(root, path).split(sep).join('/');
      return folders.length > 1 ? `${folder.name}/${shown}` : shown;
    }
  }
  return basename(path);
}
