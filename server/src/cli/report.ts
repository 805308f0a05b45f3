import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { analyze, releaseDocument } from '../core/analyze';
import type { DeploymentFile } from '../core/deployment/extract';
import { extractDeployment } from '../core/deployment/extract';
import { projectOf } from '../files/projects';
import { combineFindings } from '../core/deployment/lint';
import { localize, t } from '../core/i18n/index';
import { lint } from '../core/lint';
import { countsAcross, sizesOf, withClusterSizes } from '../core/strimzi/cluster-size';
import { withComposePartner } from '../core/compose/pairs';
import { composeMerges } from './compose-pairs';
import type { AnalyzedDocument, Finding } from '../core/model';
import { renderHtml } from '../core/report/html';
import { renderMarkdown } from '../core/report/markdown';
import type { FileReport } from '../core/report/message-path';
import { fileReport, messagePath, relativeHref } from '../core/report/message-path';
import type { FoundFile } from '../files/walk';
import { inputsOf } from '../files/inputs';
import { readTextFile } from '../files/read';
import type { CliRequest } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes';
import type { OptionScopes } from './options-file';
import { crossFindingsByScope, optionSets, scopeOfFile } from './options-file';

/** Where the report command writes; the process streams in production, buffers in tests. */
export interface ReportIo {
  readonly stdout: { write(s: string): unknown };
  readonly cwd: string;
}

/**
 * `kafka-lint report`: lints the files like `kafka-lint` does, summarises each one, and writes the message
 * path as HTML or Markdown, to `--out` or to stdout. Links to the files are relative to the folder of the
 * output file (or the current folder). Returns the exit code of a lint of the same files: 0, or 1 when a
 * finding is an error; 2 when the report cannot be written. Each file is graded, and its unset keys get
 * their defaults, with the options of its own scope (options-file.ts), as `kafka-lint` grades it; the page
 * speaks the run's language (the base options' `locale`), as the findings' messages do.
 */
export async function runReport(
  request: CliRequest,
  files: readonly FoundFile[],
  scopes: OptionScopes,
  io: ReportIo,
  note: (s: string) => void,
  version: string,
): Promise<number> {
  const out = request.out;
  const outPath = out === undefined ? undefined : resolve(io.cwd, out);
  const base = outPath ? dirname(outPath) : resolve(io.cwd);
  // Each file analysed and linted on its own, then the cross-file pass over every file's extract, exactly as
  // `kafka-lint` does, so that the report shows the findings (and gives the exit code) the lint would.
  const { locale } = scopes.base;
  const sets = optionSets(scopes);
  const analysed: { display: string; absolute: string; href: string; document: AnalyzedDocument; own: readonly Finding[]; readonly scope: number }[] = [];
  const extracts: DeploymentFile[] = [];
  for (const file of files) {
    const scope = scopeOfFile(scopes, file.absolute);
    const options = sets[scope];
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      note(`${file.display}: ${localize(locale, read.note)}`);
      continue;
    }
    const href = relativeHref(relative(base, resolve(io.cwd, file.absolute)).split(sep).join('/'));
    try {
      const document = await analyze(file.display, read.text, undefined, inputsOf(file.absolute));
      const own = lint(document, options);
      const extract = extractDeployment(document, file.display);
      // Pushed together: the cross-file pass reads file i's scope beside extract i.
      analysed.push({ display: file.display, absolute: file.absolute, href, document, own, scope });
      extracts.push({ ...extract, ...projectOf(file.absolute) });
    } catch (err) {
      note(`${file.display}: ${t(locale, 'files.analysisFailed', { reason: err instanceof Error ? err.message : String(err) })}`);
    } finally {
      // The document is kept for its summary; the syntax tree kept for re-parsing after an edit is not.
      releaseDocument(file.display);
    }
  }
  // A Strimzi cluster's brokers may come from node pools in other files: linted again with the run's counts,
  // as `kafka-lint` does after its pool (run.ts), so that the report shows the same findings.
  const sizes = sizesOf(extracts);
  analysed.forEach((a, i) => {
    if (countsAcross(extracts[i].groups, a.display, sizes)) a.own = lint(withClusterSizes(a.document, a.display, sizes), sets[a.scope]);
  });
  // Compose merges a folder's base file with its override: each is linted again with what the other says.
  // Its extract too: the cross-file pass reads the settings the broker runs with.
  for (const [i, merge] of composeMerges(analysed, (j) => extracts[j].compose)) {
    const a = analysed[i];
    a.document = withComposePartner(a.document, merge.pairing, merge.services);
    a.own = lint(a.document, sets[a.scope]);
    extracts[i] = { ...extractDeployment(a.document, a.display), ...projectOf(a.absolute) };
  }
  const cross = crossFindingsByScope(extracts, analysed.map((a) => a.scope), sets, note);
  const reports: FileReport[] = analysed.map(({ display, href, document, own, scope }) =>
    fileReport({ file: display, href, document, findings: combineFindings(own, cross.get(display)), kafkaVersion: sets[scope].kafkaVersion }),
  );
  // The versions whose defaults the files were given, in file order (the base options' when no file was read).
  const versions = analysed.map((a) => sets[a.scope].kafkaVersion);
  const report = messagePath(reports, versions.length > 0 ? versions : [scopes.base.kafkaVersion]);
  const text =
    request.format === 'markdown'
      ? renderMarkdown(report, { version, links: outPath !== undefined, locale })
      : renderHtml(report, { version, locale });
  if (out !== undefined && outPath !== undefined) {
    try {
      writeFileSync(outPath, text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      note(t(locale, 'report.cli.cannotWrite', { file: out, reason: code ?? (err instanceof Error ? err.message : String(err)) }));
      return EXIT_USAGE;
    }
    note(t(locale, 'report.cli.wrote', { file: out }));
  } else {
    io.stdout.write(text);
  }
  return report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
