import type { AnalyzedDocument, DocumentKind } from '../model';

/**
 * A code scanner: client source → config groups + code facts. Scanners are async only because a
 * tree-sitter grammar loads (once) on first use; after that, scanning is synchronous work.
 */
export interface Scanner {
  scan(path: string, text: string): Promise<AnalyzedDocument>;
}

/**
 * The explicit scanner registry, by document kind. Each entry loads its module on first use so that a
 * server that only ever sees `.properties` files never loads a grammar.
 */
export const SCANNERS: Partial<Record<DocumentKind, () => Promise<Scanner>>> = {
  go: () => import('./go').then((m) => m.goScanner),
  java: () => import('./java').then((m) => m.javaScanner),
  javascript: () => import('./javascript').then((m) => m.javascriptScanner),
  typescript: () => import('./javascript').then((m) => m.typescriptScanner),
  python: () => import('./python').then((m) => m.pythonScanner),
};
