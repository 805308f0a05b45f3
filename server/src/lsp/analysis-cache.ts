import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, emptyDocument, primeDocument, releaseDocument } from '../core/analyze';
import type { AnalysisInputs } from '../core/analyze';
import { lint } from '../core/lint';
import type { AnalyzedDocument, Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import { documentLineIndex } from '../core/text';
import type { LineIndex } from '../core/text';
import { uriToPath } from './convert';
import { WarmUp } from './warm-up';

/** One document version, analyzed and linted with the options that apply to it. */
export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly document: AnalyzedDocument;
  readonly index: LineIndex;
  readonly findings: readonly Finding[];
  readonly options: LintOptions;
  /**
   * Counts the times this version was analysed again because a file it is read with changed (a compose
   * file's `.env`): part of a pull report's result id.
   */
  readonly inputsRevision?: number;
  /** What the version was read with besides its text, when anything (see AnalysisInputs). */
  readonly inputs?: AnalysisInputs;
  /**
   * Set when cross-file findings were added (workspace-index.ts): how a path they name (a related location,
   * a fix in another file) becomes a URI, and that file's open version (null when not open).
   */
  readonly workspace?: {
    uriOf(path: string): string;
    versionOf(path: string): number | null;
    /** False when the file's text changed since the model read it (its fixes' positions would be stale). */
    isCurrent(path: string): boolean;
  };
}

interface Entry {
  readonly version: number;
  /** What the version was read with besides its text (see AnalysisInputs; the same object while unchanged), and its revision. */
  readonly inputs: AnalysisInputs | undefined;
  readonly inputsRevision: number;
  readonly parsed: Promise<{ readonly document: AnalyzedDocument; readonly index: LineIndex }>;
  lint?: { readonly key: string; readonly findings: readonly Finding[] };
}

/**
 * Analyses each document version once: diagnostics, hovers, code actions and fix-all of the same version
 * share one parse. Lint results are kept per options, so a settings change re-lints without re-parsing.
 * Never rejects: an analyzer failure is logged and gives an empty (non-Kafka) document.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Warms up the code of each document kind after its first analysis (see warm-up.ts). */
  readonly warmUp = new WarmUp();

  /**
   * @param optionsFor the options of a document, by URI
   * @param log where failures are reported
   * @param respond what the server does with an analysis to answer the client (conversion to diagnostics),
   *   replayed by the warm-up so that it is compiled too
   * @param inputsOf what a document (by path) is read with besides its text, as the disk has it now (a compose
   *   file's `.env`), the same object while unchanged: asked on every analysis, a version is analysed again
   *   when it is another
   */
  constructor(
    private readonly optionsFor: (uri: string) => Promise<LintOptions>,
    private readonly log: (message: string) => void,
    private readonly respond: (analysis: Analysis) => unknown = () => undefined,
    private readonly inputsOf: (path: string) => AnalysisInputs | undefined = () => undefined,
  ) {}

  /** The analysis of the document's current version. */
  async get(doc: TextDocument): Promise<Analysis> {
    return this.analysisOf(doc, () => this.optionsFor(doc.uri));
  }

  private async analysisOf(doc: TextDocument, optionsOf: () => Promise<LintOptions>): Promise<Analysis> {
    const text = doc.getText();
    const path = uriToPath(doc.uri);
    let entry = this.entries.get(doc.uri);
    const opened = !entry;
    const inputs = doc.uri.startsWith('file:') ? this.inputsOf(path) : undefined;
    const fresh = !entry || entry.version !== doc.version || entry.inputs !== inputs;
    if (!entry || fresh) {
      const inputsRevision = entry && entry.version === doc.version ? entry.inputsRevision + 1 : 0;
      const parsed = analyze(path, text, doc.languageId, inputs)
        .catch((err: unknown) => {
          this.log(`Kafka Lint: could not analyze ${doc.uri}: ${describe(err)}`);
          return emptyDocument(path, text);
        })
        .then((document) => ({ document, index: documentLineIndex(document) }));
      entry = { version: doc.version, inputs, inputsRevision, parsed };
      this.entries.set(doc.uri, entry);
    }
    const [parsed, options] = await Promise.all([entry.parsed, optionsOf()]);
    const { index } = parsed;
    // A Markdown file is read only with `kafkaLint.markdown` on: otherwise no hover, completion or finding in it.
    const document = parsed.document.kind === 'markdown' && !options.markdown ? emptyDocument(path, text, 'markdown') : parsed.document;
    const key = JSON.stringify(options);
    if (!entry.lint || entry.lint.key !== key) {
      let findings: readonly Finding[] = [];
      try {
        findings = lint(document, options);
      } catch (err) {
        this.log(`Kafka Lint: could not lint ${doc.uri}: ${describe(err)}`);
      }
      entry.lint = { key, findings };
    }
    if (fresh && document.isKafka && this.warmUp.wants(document.kind, text.length)) this.startWarmUp(doc, document.kind, options);
    // Not the warm-up's private copy (startWarmUp), which is edited at once and dropped.
    if (opened && !doc.uri.startsWith(WARM_UP_SCHEME)) {
      const version = doc.version;
      const kind = document.kind;
      const code = document.isKafka;
      this.warmUp.prime(
        text.length,
        () => this.entries.get(doc.uri)?.version === version,
        () => {
          // Every document, Kafka or not: the first ranged change would otherwise compute the line offsets of
          // the whole text while the user waits (a 1,400-line file: 7-12 ms, its loop not yet compiled).
          computeLineOffsets(doc);
          return code ? primeDocument(path, kind) : Promise.resolve(false);
        },
      );
    }
    return { uri: doc.uri, version: entry.version, document, index, findings: entry.lint.findings, options, ...(entry.inputsRevision > 0 ? { inputsRevision: entry.inputsRevision } : {}), ...(entry.inputs ? { inputs: entry.inputs } : {}) };
  }

  /**
   * Replays what a keystroke in `doc` costs on a private copy (its own URI, so its own entry and syntax
   * tree, dropped at the end): a ranged one-character change, the analysis and lint of the new version,
   * and the server's answer built from it (see warm-up.ts). (`doc`'s own line offsets are computed when it
   * is primed, see analysisOf.)
   */
  private startWarmUp(doc: TextDocument, kind: AnalyzedDocument['kind'], options: LintOptions): void {
    const uri = `${WARM_UP_SCHEME}${uriToPath(doc.uri)}`;
    const copy = TextDocument.create(uri, doc.languageId, 0, doc.getText());
    const at = copy.positionAt(copy.getText().length >> 1);
    const typed = { start: at, end: at };
    const deleted = { start: at, end: { line: at.line, character: at.character + 1 } };
    this.warmUp.start(
      kind,
      async (n) => {
        TextDocument.update(copy, [n % 2 === 0 ? { range: typed, text: ' ' } : { range: deleted, text: '' }], copy.version + 1);
        this.respond(await this.analysisOf(copy, () => Promise.resolve(options)));
      },
      () => this.forget(uri),
    );
  }

  /** Drops a closed document, and the syntax tree the scanners kept for it. */
  forget(uri: string): void {
    this.entries.delete(uri);
    releaseDocument(uriToPath(uri));
  }
}

/** The URI scheme of the warm-up's private copies of documents. */
const WARM_UP_SCHEME = 'kafka-lint-warm-up:';

/** Makes a TextDocument compute its line offsets now; it does so lazily, on the first position lookup or ranged change. */
function computeLineOffsets(doc: TextDocument): void {
  doc.positionAt(0);
}

/** An error's message with its stack, for the log. */
export function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
