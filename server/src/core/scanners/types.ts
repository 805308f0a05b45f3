import type { AnalyzedDocument } from '../model';

/**
 * A code scanner: client source → config groups + code facts. Scanners are async only because a
 * tree-sitter grammar loads (once) on first use; after that, scanning is synchronous work.
 *
 * The type lives apart from the registry (index.ts) so that the registry imports the scanners and the
 * scanners import only this: no import cycle between them.
 */
export interface Scanner {
  scan(path: string, text: string): Promise<AnalyzedDocument>;
}
