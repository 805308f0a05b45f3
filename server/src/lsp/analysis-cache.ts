import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, emptyDocument, releaseDocument } from '../core/analyze';
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
}

interface Entry {
  readonly version: number;
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

  constructor(
    private readonly optionsFor: (uri: string) => Promise<LintOptions>,
    private readonly log: (message: string) => void,
  ) {}

  /** The analysis of the document's current version. */
  async get(doc: TextDocument): Promise<Analysis> {
    const text = doc.getText();
    const path = uriToPath(doc.uri);
    let entry = this.entries.get(doc.uri);
    const fresh = !entry || entry.version !== doc.version;
    if (!entry || entry.version !== doc.version) {
      const parsed = analyze(path, text, doc.languageId)
        .catch((err: unknown) => {
          this.log(`Kafka Lint: could not analyze ${doc.uri}: ${describe(err)}`);
          return emptyDocument(path, text);
        })
        .then((document) => ({ document, index: documentLineIndex(document) }));
      entry = { version: doc.version, parsed };
      this.entries.set(doc.uri, entry);
    }
    const [{ document, index }, options] = await Promise.all([entry.parsed, this.optionsFor(doc.uri)]);
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
    if (fresh) this.warmUp.start(document, doc.languageId, options);
    return { uri: doc.uri, version: entry.version, document, index, findings: entry.lint.findings, options };
  }

  /** Drops a closed document, and the syntax tree the scanners kept for it. */
  forget(uri: string): void {
    this.entries.delete(uri);
    releaseDocument(uriToPath(uri));
  }
}

/** An error's message with its stack, for the log. */
export function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
