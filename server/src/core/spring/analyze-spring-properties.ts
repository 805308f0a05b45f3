import type { AnalyzedDocument, DocumentKind, Role } from '../model';
import { PropertiesEntry, appendLineEdit, looksBinary } from '../properties/analyze-properties';
import { escapePropertiesValue, readProperties } from '../properties/reader';
import { springGroups } from './spring-groups';
import type { SpringItem } from './spring-groups';
import { classifySpringName, springNameFor, springValue } from './spring-keys';
import { StreamScan, binderDrops } from './spring-cloud-stream';

/**
 * Spring Boot `application*.properties`: the `spring.kafka.*` lines and Spring Cloud Stream's Kafka binder
 * settings (`spring.cloud.stream.kafka.*`, spring-cloud-stream.ts), one group per client. Other lines
 * (`server.port`, `logging.*`) are ignored; a file with neither is not Kafka configuration.
 */
export function analyzeSpringProperties(path: string, text: string, kind: DocumentKind = 'spring-properties'): AnalyzedDocument {
  if (looksBinary(text)) return { path, text, kind, isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '#' };
  const file = readProperties(text);
  const items: SpringItem[] = [];
  // Boot 2.4+ splits a properties file into documents at `#---` / `!---` lines (profile sections): a key set
  // again in a later document is an override for that profile, not a duplicate.
  const separators: number[] = [];
  const SEPARATOR = /^[#!]---[ \t]*$/gm;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) separators.push(m.index);
  let docIndex = 0;
  const stream = new StreamScan();
  for (const pair of file.pairs) {
    if (pair.problem) continue;
    while (docIndex < separators.length && separators[docIndex] < pair.keyRange.start) docIndex++;
    stream.add(pair.key, pair.keyRange);
    const meta = classifySpringName(pair.key);
    if (!meta || binderDrops(meta, pair.value)) continue;
    const identity = docIndex === 0 ? meta.identity : `#${docIndex}:${meta.identity}`;
    const entry = new PropertiesEntry(pair, meta.key, identity, meta.role, springValue(meta, pair.value));
    items.push({ meta, entry });
  }
  const groups = springGroups(
    items,
    (_role, first) => first?.entry.keyRange ?? { start: file.contentStart, end: file.contentStart },
    (role: Role) => (key: string, value: string) => {
      const name = springNameFor(role, key);
      if (!name) return undefined;
      return appendLineEdit(text, file, `spring.kafka.${name.scope}.${name.path.join('.')}=${escapePropertiesValue(value)}`);
    },
    stream.isBinder ? { roles: stream.roles() } : undefined,
  );
  // A spring.kafka line that Spring cannot load (malformed escape) still makes the file Kafka configuration.
  const isKafka = items.length > 0 || stream.isKafka || file.pairs.some((p) => p.problem !== undefined && /^spring\.kafka\./i.test(p.key));
  return { path, text, kind, isKafka, groups, facts: [], problems: file.problems, commentPrefix: '#' };
}
