/**
 * The two checks the message-path panel makes before it acts, kept free of `vscode` so unit tests run them:
 * which file a click in the page may open, and whether a change of diagnostics is one of ours.
 */

/**
 * Every `href` the report model holds (findings, their related locations, settings, files): the only
 * documents the page links, so the only ones a message from the page may ask the editor to open. A page
 * whose script was subverted could otherwise have the extension open any file of the machine.
 */
export function reportedHrefs(report: unknown): Set<string> {
  const hrefs = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === 'href' && typeof item === 'string') hrefs.add(item);
      else visit(item);
    }
  };
  visit(report);
  return hrefs;
}

/** What a diagnostic looks like to {@link OwnDiagnostics}: the fields of `vscode.Diagnostic` it compares. */
export interface DiagnosticLike {
  readonly source?: string;
  readonly code?: unknown;
  readonly message: string;
  readonly severity?: number;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/**
 * Remembers, per document, what the diagnostics of one source (Kafka Lint's) were, so that the panel asks the
 * server again only when those changed: every other extension's diagnostics (TypeScript, ESLint …) change on
 * each keystroke, and a refresh walks and stats the whole workspace.
 */
export class OwnDiagnostics {
  private readonly last = new Map<string, string>();

  constructor(private readonly source: string) {}

  /**
   * Records the documents' current diagnostics; true when ours changed for any of them (appeared, changed
   * or went away).
   */
  changed(uris: readonly string[], diagnosticsOf: (uri: string) => readonly DiagnosticLike[]): boolean {
    let changed = false;
    for (const uri of uris) {
      const ours = diagnosticsOf(uri).filter((d) => d.source === this.source);
      const signature = ours.length === 0 ? '' : JSON.stringify(ours.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, typeof d.code === 'object' ? (d.code as { value?: unknown } | null)?.value : d.code, d.message]));
      if ((this.last.get(uri) ?? '') !== signature) changed = true;
      if (signature === '') this.last.delete(uri);
      else this.last.set(uri, signature);
    }
    return changed;
  }
}
