import type { AnalyzedDocument, DocumentKind } from './model';
import { SCANNERS } from './scanners/index';
import { analyzeProperties } from './properties/analyze-properties';
import { analyzeSpringProperties } from './spring/analyze-spring-properties';
import { analyzeSpringYaml } from './spring/analyze-spring-yaml';

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

/**
 * Reads any supported file into the model. Config files are delegated to {@link analyzeConfig}; client
 * code to the scanner registered for its kind. Never throws on bad input: unreadable text gives a
 * non-Kafka document (no findings).
 */
export async function analyze(path: string, text: string, languageId?: string): Promise<AnalyzedDocument> {
  const kind = documentKind(path, languageId);
  const load = SCANNERS[kind];
  if (load) {
    scannerUsed = true;
    try {
      const scanner = await load();
      return await scanner.scan(path, text);
    } catch {
      // A scanner that cannot read a file (e.g. nesting too deep to parse safely) reports nothing on it.
      return emptyDocument(path, text, kind);
    }
  }
  return analyzeConfig(path, text, languageId);
}

/**
 * Synchronous reader for config files: Kafka `.properties`, Spring Boot `application*.properties` and
 * `application*.yml`. Never throws: a reader failure on hostile input gives a non-Kafka document.
 */
export function analyzeConfig(path: string, text: string, languageId?: string): AnalyzedDocument {
  const kind = documentKind(path, languageId);
  try {
    if (kind === 'properties') return analyzeProperties(path, text, kind);
    if (kind === 'spring-properties') return analyzeSpringProperties(path, text, kind);
    if (kind === 'spring-yaml') return analyzeSpringYaml(path, text, kind);
    return emptyDocument(path, text, kind);
  } catch {
    return emptyDocument(path, text, kind);
  }
}

/**
 * Releases what the scanners keep for a document between edits (its syntax tree, kept so that the next
 * edit re-parses incrementally). Call when the editor closes the document.
 */
export function releaseDocument(path: string): void {
  // Only a scanner ever parsed with tree-sitter; a config-only session never loads it for this.
  if (scannerUsed) void import('./scanners/tree-sitter').then((m) => m.forgetDocument(path));
}

let scannerUsed = false;
