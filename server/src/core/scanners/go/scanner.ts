import type { AnalyzedDocument } from '../../model';
import type { Scanner } from '../types';
import { parseDocument } from '../common/tree-sitter';
import { GoContext } from './context';
import { mayImportKafkaClient } from './file';
import { scanSarama } from './sarama';
import { scanFranz } from './franz';
import { scanConfluent } from './confluent';
import { scanSegmentio } from './segmentio';

/**
 * The Go scanner: Sarama, franz-go, confluent-kafka-go and segmentio/kafka-go code → config groups (one per
 * `sarama.NewConfig()`, `kgo.NewClient(...)`, `kafka.ConfigMap{...}`, `kafka.Writer{...}` / `ReaderConfig`)
 * and code facts (unhandled sends, commits before processing, Close without Flush).
 *
 * A file is Kafka code only when it imports one of these clients; everything is decided from the syntax
 * tree, so a half-typed file still gives what its intact parts say.
 */
export const goScanner: Scanner = {
  async scan(path: string, text: string): Promise<AnalyzedDocument> {
    const empty: AnalyzedDocument = { path, text, kind: 'go', isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '//' };
    // Cheap gate, as for the other languages: a file that names no client's import path cannot import one.
    if (!mayImportKafkaClient(text)) return empty;
    let tree;
    try {
      tree = await parseDocument('go', path, text);
    } catch {
      return empty;
    }
    const ctx = new GoContext(text, tree.rootNode);
    if (!ctx.isKafka) return empty;
    // Each library pass is independent: a bug in one must not hide what the others found.
    for (const pass of [scanSarama, scanFranz, scanConfluent, scanSegmentio]) {
      try {
        pass(ctx);
      } catch {
        // Keep the other passes' results; an exception here is a scanner bug, not the user's.
      }
    }
    return { ...empty, isKafka: true, groups: ctx.groups, facts: ctx.facts };
  },
};
