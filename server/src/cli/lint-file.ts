import { localize, t } from '../core/i18n/index';
import { analyze, releaseDocument } from '../core/analyze';
import type { AnalysisInputs } from '../core/analyze';
import type { ComposePairing } from '../core/compose/pairs';
import { withComposePartner } from '../core/compose/pairs';
import { extractDeployment } from '../core/deployment/extract';
import type { DeploymentFile } from '../core/deployment/extract';
import { lint } from '../core/lint';
import type { StrimziSizes } from '../core/strimzi/cluster-size';
import { withClusterSizes } from '../core/strimzi/cluster-size';
import type { ComposeServiceFacts } from '../core/model';
import type { LintOptions } from '../core/options';
import { LineIndex } from '../core/text';
import { inputsOf } from '../files/inputs';
import { readTextFile } from '../files/read';
import type { CliFinding } from './format';
import { toCliFindings } from './format';

/** One file to lint. `text` is set when the main thread read it already (to look it up in the cache). */
export interface LintJob {
  readonly display: string;
  readonly absolute: string;
  readonly text?: string;
  /** Which of the run's option sets grades the file (pool.ts `scoped`; see options-file.ts); 0 or absent: the base options. */
  readonly scope?: number;
  /**
   * What the file is analysed with besides its text (a compose file's `.env`, its project's library versions),
   * when the main thread read it already (it is part of the cache key); null: nothing. Undefined: read here.
   */
  readonly inputs?: AnalysisInputs | null;
}

/**
 * What a pass over all files needs from each one: the deployment model's per-file extract (#8). Plain data:
 * it survives a structured clone (worker → main thread) and JSON (the cache), like the rest of
 * {@link FileResult}.
 */
export type FileExtract = DeploymentFile;

/**
 * What linting one file gives the main thread, from a worker thread, from the main thread itself or from the
 * cache: plain data only (structured clone, JSON).
 */
export interface FileResult {
  /** `linted`; `skipped` when the file could not be read as text; `failed` when analysis threw. */
  readonly status: 'linted' | 'skipped' | 'failed';
  /** The findings in output shape, in the order lint reports them (empty unless `linted`). */
  readonly findings: readonly CliFinding[];
  /** Why a file was skipped or failed, for stderr (`cannot read file (EACCES)`). */
  readonly note?: string;
  /** What the deployment model needs of the file (core/deployment/extract.ts), for the cross-file pass. */
  readonly extract?: FileExtract;
}

/** The other file of a compose file's base/override pair (compose/pairs.ts), and its services. */
export interface ComposeMerge {
  readonly pairing: ComposePairing;
  readonly services: readonly ComposeServiceFacts[];
}

/**
 * Reads (unless the job carries the text), analyzes and lints one file. Never throws: an unreadable file
 * or an analyzer bug becomes a result with a note, so that one file never stops the run.
 */
export async function lintFile(job: LintJob, options: LintOptions, sizes?: StrimziSizes, compose?: ComposeMerge): Promise<FileResult> {
  let text = job.text;
  if (text === undefined) {
    const read = readTextFile(job.absolute);
    if (!read.ok) return { status: 'skipped', findings: [], note: localize(options.locale, read.note) };
    text = read.text;
  }
  try {
    const inputs = job.inputs === undefined ? inputsOf(job.absolute) : (job.inputs ?? undefined);
    const read = await analyze(job.display, text, undefined, inputs);
    // Read as Compose merges it with the other file of its base/override pair, the second look run.ts takes.
    const document = compose ? withComposePartner(read, compose.pairing, compose.services) : read;
    // With the run's Strimzi cluster sizes (node pools in other files), the second look run.ts takes.
    const linted = sizes ? withClusterSizes(document, job.display, sizes) : document;
    const findings = toCliFindings(job.display, text, lint(linted, options), new LineIndex(text));
    return { status: 'linted', findings, extract: extractDeployment(document, job.display) };
  } catch (err) {
    return { status: 'failed', findings: [], note: t(options.locale, 'files.analysisFailed', { reason: err instanceof Error ? err.message : String(err) }) };
  } finally {
    // Each file is read once: the syntax tree kept for re-parsing it after an edit is of no use here.
    releaseDocument(job.display);
  }
}
