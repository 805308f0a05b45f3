import { performance } from 'node:perf_hooks';
import { analyze, releaseDocument } from '../core/analyze';
import { lint } from '../core/lint';
import type { AnalyzedDocument, DocumentKind } from '../core/model';
import type { LintOptions } from '../core/options';

/** At most this many warm-up analyses per document kind. */
const MAX_ROUNDS = 12;
/** Warm-up stops once it has used this much time in all. */
const BUDGET_MS = 200;
/** Bigger files are not warmed up: a round would take long enough to hold up a request that came meanwhile. */
const MAX_CHARS = 200_000;

/**
 * Idle-time warm-up of the code a keystroke runs. The first re-analysis after a file is opened runs code V8
 * has not compiled yet: tree-sitter's incremental re-parse (WebAssembly compiled lazily, function by
 * function) and the scanner's and rules' JavaScript, still interpreted. That first keystroke took about
 * 50 ms on a 1,400-line Java file where a warm one takes 3 ms. So, right after the first analysis of each
 * document kind, while the editor is idle, a private copy of that document is analyzed again a few times
 * with a one-character edit, and the user's first keystroke finds compiled code.
 *
 * Each round yields to the event loop first and the warm-up stops as soon as any document is opened or
 * changed, so it only ever uses time nobody waits for; it runs once per kind per server process (compiled
 * code is shared by every document) and never on big files (see {@link MAX_CHARS}).
 */
export class WarmUp {
  private readonly warmed = new Set<DocumentKind>();
  private activity = 0;
  /** Rounds run so far, for tests and the log. */
  rounds = 0;

  /** Called on every didOpen/didChange: the user is active, warm-up stops. */
  noteActivity(): void {
    this.activity++;
  }

  /** Starts warming the kind of `document` after its first analysis, unless that kind was warmed before. */
  start(document: AnalyzedDocument, languageId: string | undefined, options: LintOptions): void {
    if (!document.isKafka || this.warmed.has(document.kind) || document.text.length > MAX_CHARS) return;
    this.warmed.add(document.kind);
    const since = this.activity;
    // Same file name (so the same reader and roles), its own syntax tree; dropped at the end.
    const key = `kafka-lint-warm-up:${document.path}`;
    const text = document.text;
    const middle = text.length >> 1;
    const edited = `${text.slice(0, middle)} ${text.slice(middle)}`;
    void (async () => {
      let spent = 0;
      try {
        for (let round = 0; round < MAX_ROUNDS && spent < BUDGET_MS; round++) {
          // A timer, not setImmediate: incoming messages are read and dispatched before it fires.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (this.activity !== since) break;
          const started = performance.now();
          lint(await analyze(key, round % 2 === 0 ? edited : text, languageId), options);
          spent += performance.now() - started;
          this.rounds++;
        }
      } catch {
        // Best effort: a failure here only means the first keystroke is not faster.
      } finally {
        releaseDocument(key);
      }
    })();
  }
}
