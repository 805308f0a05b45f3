import type { AnalyzedDocument, DocumentKind } from './model';

/**
 * Entry point from text to model: picks the reader by file name and language id.
 * Config files are read synchronously; client code goes through the async scanners (tree-sitter grammars
 * load on first use).
 */

/** Decides how a file is read, from its path and (in the editor) its language id. */
export function documentKind(path: string, languageId?: string): DocumentKind {
  const name = path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  const isSpring = /^application([-.][^/]*)?\.(properties|ya?ml)$/.test(name) || /^bootstrap([-.][^/]*)?\.(properties|ya?ml)$/.test(name);
  if (/\.ya?ml$/.test(name) || languageId === 'yaml') return 'spring-yaml';
  if (name.endsWith('.properties') || languageId === 'properties' || languageId === 'kafka-properties') {
    return isSpring ? 'spring-properties' : 'properties';
  }
  if (name.endsWith('.java') || languageId === 'java') return 'java';
  if (/\.(ts|tsx|mts|cts)$/.test(name) || languageId === 'typescript' || languageId === 'typescriptreact') return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/.test(name) || languageId === 'javascript' || languageId === 'javascriptreact') return 'javascript';
  if (name.endsWith('.py') || languageId === 'python') return 'python';
  if (name.endsWith('.go') || languageId === 'go') return 'go';
  return 'unknown';
}

/** An empty, non-Kafka document (nothing to report). */
export function emptyDocument(path: string, text: string, kind: DocumentKind = 'unknown'): AnalyzedDocument {
  return { path, text, kind, isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '#' };
}
