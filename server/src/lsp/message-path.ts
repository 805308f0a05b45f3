import { statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, releaseDocument } from '../core/analyze';
import { combineFindings } from '../core/deployment/lint';
import { lint } from '../core/lint';
import type { Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import { DEFAULT_OPTIONS } from '../core/options';
import { renderHtml } from '../core/report/html';
import type { FileReport } from '../core/report/message-path';
import { fileReport, messagePath } from '../core/report/message-path';
import { reportTexts } from '../core/report/texts';
import { readTextFile } from '../files/read';
import { canonicalPath, collectFiles } from '../files/walk';
import type { MessagePathParams, MessagePathResult } from '../protocol/constants';
import type { Analysis } from './analysis-cache';
import { describe } from './analysis-cache';
import { uriToPath } from './convert';

/** What the service needs of the server: its documents, their analyses, the options per scope, the folders. */
export interface MessagePathHost {
  readonly documents: TextDocuments<TextDocument>;
  /** An open document's analysis with the cross-file findings shown in it (the server's diagnostics). */
  analysisOf(doc: TextDocument): Promise<Analysis>;
  /**
   * The cross-file findings of the workspace model (lsp/workspace-index.ts) by file path, once its first read
   * of the folders is done; ranges are spans of the file as the model read it.
   */
  crossFindings(): Promise<ReadonlyMap<string, readonly Finding[]>>;
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
 * Answers `kafkaLint/messagePath`: the message-path report of the workspace (every file the folder walk
 * of `files/` finds, as the CLI does, open documents as the editor has them) or of one document. Open
 * documents come from the server's analyses, so the report says what the squiggles say; files that are not
 * open are read, analysed and summarised once per size, modification time, options and cross-file findings,
 * and their syntax trees freed at once. The cross-file findings come from the server's workspace model, as
 * in the diagnostics.
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
      const cross = await this.host.crossFindings();
      const seen = new Set<string>();
      // By path, not URI: editors spell file URIs in their own ways (VS Code encodes ':' and '@').
      const open = new Map(this.host.documents.all().map((d) => [uriToPath(d.uri), d]));
      for (const folder of folders) {
        const root = uriToPath(folder.uri);
        const folderOptions = await this.host.optionsFor(folder.uri);
        options ??= folderOptions;
        versions.push(folderOptions.kafkaVersion);
        for (const file of collectFiles([root]).files) {
          if (seen.has(file.absolute)) continue;
          seen.add(file.absolute);
          const doc = open.get(file.absolute);
          const uri = doc?.uri ?? pathToFileURL(file.absolute).href;
          const display = displayName(uri, folders);
          const report = doc && this.host.isSupported(doc) ? this.openReport(doc, await this.host.analysisOf(doc), display) : await this.diskReport(file.absolute, uri, display, folderOptions, cross.get(canonicalPath(file.absolute)));
          if (report) files.push(report);
          // One file at a time, letting keystrokes and diagnostics through in between.
          await new Promise<void>((r) => setImmediate(r));
        }
      }
      for (const path of this.disk.keys()) if (!seen.has(path)) this.disk.delete(path);
      // Open documents not saved in any folder yet (untitled, or outside the folders) are left out: the
      // report is of the workspace as the folders hold it.
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
      stamp = `${st.size}:${st.mtimeMs}:${JSON.stringify(options)}:${display}:${JSON.stringify(cross ?? [])}`;
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
        const document = await analyze(path, read.text);
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

/**
 * The name a file is shown by: its path inside the workspace folder (with the folder's name first when
 * there are several), else its base name.
 */
function displayName(uri: string, folders: readonly WorkspaceFolder[]): string {
  const path = uriToPath(uri);
  for (const folder of folders) {
    const root = uriToPath(folder.uri);
    const rel = relative(root, path);
    if (rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)) {
      const shown = rel.split(sep).join('/');
      return folders.length > 1 ? `${folder.name}/${shown}` : shown;
    }
  }
  return basename(path);
}
