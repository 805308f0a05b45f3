import type { AnalyzedDocument } from '../../model';
import type { Scanner } from '../types';
import type { Node } from '../common/tree-sitter';
import { keepScanMemo, parseDocument, scanMemo } from '../common/tree-sitter';
import { findJavaConfigGroups } from './config';
import { findJavaFacts } from './facts';
import { findSwallowedErrorCommits } from './swallowed-errors';
import { looksLikeKafka, MemberMemo, readJavaFile } from './file';

/**
 * The Java scanner: kafka-clients and Spring for Apache Kafka code → config groups and code facts.
 *
 * Config in code (`props.put(ProducerConfig.ACKS_CONFIG, "0")`, `Map.of(..)`, `new NewTopic(.., (short) 1)`)
 * becomes the same model as a `.properties` file, so the config rules apply unchanged; sends, commits and
 * closes become code facts. See config.ts and facts.ts.
 */

/**
 * Scans an already parsed Java tree. Never throws: a file the scanner cannot make sense of yields a
 * non-Kafka document, and half-typed code yields whatever the error-tolerant tree still shows.
 */
export function scanJavaTree(path: string, text: string, root: Node): AnalyzedDocument {
  const empty = notKafka(path, text);
  try {
    // A cheap text test first: a file without Kafka is not read at all.
    if (!looksLikeKafka(text)) return empty;
    // What the last scan of this document found in its class members' text (file.ts, MemberMemo).
    const previous = scanMemo(path);
    const file = readJavaFile(text, root, previous instanceof MemberMemo ? previous : undefined);
    keepScanMemo(path, file.memberMemo);
    return { ...empty, isKafka: true, groups: findJavaConfigGroups(file), facts: [...findJavaFacts(file), ...findSwallowedErrorCommits(file)] };
  } catch {
    // A scanner bug must not take the editor down; the file then simply gets no Java findings.
    return empty;
  }
}

/**
 * The registered scanner: parses (incrementally, per document) and scans. A file whose text shows no Kafka
 * is not parsed at all: most Java files in a project are not Kafka code, and parsing them (a full parse on
 * the first keystroke after opening, about 12 ms in a 1,400-line file, then a re-parse on each one) and
 * keeping their trees bought nothing, since {@link scanJavaTree} returns at the same test.
 */
export const javaScanner: Scanner = {
  async scan(path: string, text: string): Promise<AnalyzedDocument> {
    if (!looksLikeKafka(text)) return notKafka(path, text);
    const tree = await parseDocument('java', path, text);
    return scanJavaTree(path, text, tree.rootNode);
  },
};

/** The document of a Java file that is not Kafka code (nothing to report). */
function notKafka(path: string, text: string): AnalyzedDocument {
  return { path, text, kind: 'java', isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '//' };
}
