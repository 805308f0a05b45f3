import type { DocumentKind } from '../model';
import type { Scanner } from './types';

/**
 * The explicit scanner registry, by document kind. Each entry loads its module on first use so that a
 * server that only ever sees `.properties` files never loads a grammar.
 */
export const SCANNERS: Partial<Record<DocumentKind, () => Promise<Scanner>>> = {
  go: () => import('./go/scanner').then((m) => m.goScanner),
  java: () => import('./java/scanner').then((m) => m.javaScanner),
  javascript: () => import('./javascript/scanner').then((m) => m.javascriptScanner),
  typescript: () => import('./javascript/scanner').then((m) => m.typescriptScanner),
  python: () => import('./python/scanner').then((m) => m.pythonScanner),
};
