import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { analyze, releaseDocument } from '../core/analyze';
import type { DeploymentFile } from '../core/deployment/extract';
import { extractDeployment } from '../core/deployment/extract';
import { combineFindings, lintDeployment } from '../core/deployment/lint';
import { buildDeployment } from '../core/deployment/model';
import { localize, t } from '../core/i18n/index';
import { lint } from '../core/lint';
import type { AnalyzedDocument, Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import { renderHtml } from '../core/report/html';
import { renderMarkdown } from '../core/report/markdown';
import type { FileReport } from '../core/report/message-path';
import { fileReport, messagePath, relativeHref } from '../core/report/message-path';
import type { FoundFile } from '../files/walk';
import { readTextFile } from '../files/read';
import type { CliRequest } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';

/** Where the report command writes; the process streams in production, buffers in tests. */
export interface ReportIo {
  readonly stdout: { write(s: string): unknown };
  readonly cwd: string;
}

/**
 * `kafka-lint report`: lints the files like `kafka-lint` does, summarises each one, and writes the message
 * path as HTML or Markdown, to `--out` or to stdout. Links to the files are relative to the folder of the
 * output file (or the current folder). Returns the exit code of a lint of the same files: 0, or 1 when a
 * finding is an error; 2 when the report cannot be written. The page speaks the run's language
 * (`options.locale`), as the findings' messages do.
 */
export async function runReport(
  request: CliRequest,
  files: readonly FoundFile[],
  options: LintOptions,
  io: ReportIo,
  note: (s: string) => void,
  version: string,
): Promise<number> {
  const out = request.out;
  const outPath = out === undefined ? undefined : resolve(io.cwd, out);
  const base = outPath ? dirname(outPath) : resolve(io.cwd);
  // Each file analysed and linted on its own, then the cross-file pass over every file's extract, exactly as
  // `kafka-lint` does, so that the report shows the findings (and gives the exit code) the lint would.
  const analysed: { display: string; href: string; document: AnalyzedDocument; own: readonly Finding[] }[] = [];
  const extracts: DeploymentFile[] = [];
  for (const file of files) {
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      note(`${file.display}: ${localize(options.locale, read.note)}`);
      continue;
    }
    const href = relativeHref(relative(base, resolve(io.cwd, file.absolute)).split(sep).join('/'));
    try {
      const document = await analyze(file.display, read.text);
      analysed.push({ display: file.display, href, document, own: lint(document, options) });
      extracts.push(extractDeployment(document, file.display));
    } catch (err) {
      note(`${file.display}: ${t(options.locale, 'files.analysisFailed', { reason: err instanceof Error ? err.message : String(err) })}`);
    } finally {
      // The document is kept for its summary; the syntax tree kept for re-parsing after an edit is not.
      releaseDocument(file.display);
    }
  }
  const cross = lintDeployment(buildDeployment(extracts), options);
  for (const failure of cross.failures) note(failure);
  const reports: FileReport[] = analysed.map(({ display, href, document, own }) =>
    fileReport({ file: display, href, document, findings: combineFindings(own, cross.byFile.get(display)), kafkaVersion: options.kafkaVersion }),
  );
  const report = messagePath(reports, [options.kafkaVersion]);
  const text =
    request.format === 'markdown'
      ? renderMarkdown(report, { version, links: outPath !== undefined, locale: options.locale })
      : renderHtml(report, { version, locale: options.locale });
  if (out !== undefined && outPath !== undefined) {
    try {
      writeFileSync(outPath, text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      note(t(options.locale, 'report.cli.cannotWrite', { file: out, reason: code ?? (err instanceof Error ? err.message : String(err)) }));
      return EXIT_USAGE;
    }
    note(t(options.locale, 'report.cli.wrote', { file: out }));
  } else {
    io.stdout.write(text);
  }
  return report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
