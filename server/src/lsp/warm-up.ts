import type { DocumentKind } from '../core/model';

/**
 * At most this many warm-up rounds per document kind. V8 marks the scanner's larger functions for its
 * optimising compiler only after a few dozen calls: with 12 rounds they were still being compiled during
 * the user's first keystrokes (turns 3-12 in a 1,400-line Java file 10-25% slower than with 40).
 */
const MAX_ROUNDS = 40;
/** Warm-up stops once its rounds have taken this much time in all (it yields between rounds and stops at the next edit or open). */
const BUDGET_MS = 800;
/** The first round waits this long: a user who types at once after opening gets no round in the way. */
const IDLE_BEFORE_MS = 100;
/** How many times priming a document waits again for the user to pause before it goes ahead anyway. */
const MAX_PRIME_WAITS = 3;
/** Bigger files are not warmed up: a round would take long enough to hold up a request that came meanwhile. */
const MAX_CHARS = 200_000;

/**
 * Idle-time warm-up of the code a keystroke runs. The first re-diagnosis after a file is opened runs code
 * V8 has not compiled yet: the ranged text sync (line offsets of the whole text), tree-sitter's incremental
 * re-parse (WebAssembly compiled lazily, function by function), the scanner, the line index and the
 * conversion to diagnostics, each still interpreted; so the first keystroke cost several times what later
 * ones cost. After the first analysis of each document kind, while the editor is idle, the caller's `round`
 * replays that path on a private copy of the document with a one-character edit a few times, and the
 * user's first keystroke finds compiled code.
 *
 * Each round waits for the event loop (a timer, so incoming messages are read and dispatched first) and the
 * warm-up stops as soon as any document is opened or changed: it only uses time nobody waits for. It runs
 * once per kind per server process (compiled code serves every document) and never on big files.
 */
export class WarmUp {
  private readonly warmed = new Set<DocumentKind>();
  private activity = 0;
  /** Rounds run so far (tests read it). */
  rounds = 0;
  /** Documents primed so far (tests read it). */
  primed = 0;

  /** Called on every didOpen/didChange: the user is active, warm-up stops. */
  noteActivity(): void {
    this.activity++;
  }

  /** True when a document of `kind` and `length` characters should be warmed up now. */
  wants(kind: DocumentKind, length: number): boolean {
    return !this.warmed.has(kind) && length <= MAX_CHARS;
  }

  /**
   * Runs `prime()` once for a document of `length` characters just analyzed for the first time, in idle
   * time: after {@link IDLE_BEFORE_MS} without any didOpen/didChange (waiting again, a few times at most,
   * while the user is busy elsewhere), and only while `wanted()` holds (the document is open and has not
   * been edited: its first edit has then paid what priming saves). Big files are left alone, as in
   * {@link WarmUp.start}. Priming is per document, not per kind: it readies that document, not compiled
   * code (the caller, analysis-cache.ts, has every document compute its line offsets and a Kafka code file
   * prime its syntax tree, see primeDocument in core/scanners/common/tree-sitter.ts). `prime()` resolves to
   * true when it primed a syntax tree, which {@link WarmUp.primed} counts.
   */
  prime(length: number, wanted: () => boolean, prime: () => Promise<boolean>): void {
    if (length > MAX_CHARS) return;
    const attempt = (waitsLeft: number) => {
      const since = this.activity;
      setTimeout(() => {
        if (!wanted()) return;
        if (this.activity !== since && waitsLeft > 0) return attempt(waitsLeft - 1);
        prime()
          .then((done) => {
            if (done) this.primed++;
          })
          // Best effort, as the rounds: a failure only means the first keystroke is not faster.
          .catch(() => undefined);
      }, IDLE_BEFORE_MS);
    };
    attempt(MAX_PRIME_WAITS);
  }

  /**
   * Runs `round(0)`, `round(1)`, … in idle time for `kind`, then `done()` (also after a failure or when
   * stopped early). Rounds alternate between an edit and its undo, as the caller implements them.
   */
  start(kind: DocumentKind, round: (n: number) => Promise<void>, done: () => void): void {
    if (this.warmed.has(kind)) return;
    this.warmed.add(kind);
    const since = this.activity;
    void (async () => {
      let spent = 0;
      try {
        for (let n = 0; n < MAX_ROUNDS && spent < BUDGET_MS; n++) {
          await new Promise((resolve) => setTimeout(resolve, n === 0 ? IDLE_BEFORE_MS : 0));
          if (this.activity !== since) break;
          const started = performance.now();
          await round(n);
          spent += performance.now() - started;
          this.rounds++;
        }
      } catch {
        // Best effort: a failure here only means the first keystroke is not faster.
      } finally {
        done();
      }
    })();
  }
}
