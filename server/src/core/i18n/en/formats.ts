/**
 * English texts of the deployment-format readers (YAML merge keys, docker-compose, Strimzi, Kafka Connect):
 * what hovers say about how an entry is written, and how fix titles name an edit that reaches further.
 * The Simplified Chinese twin is ../zh-cn/formats.ts.
 */
export const FORMATS = {
  /** A fix title with what else the edit changes. */
  'formats.fix.scoped': '{title} ({scope})',
  'formats.yaml.anchorScope': 'in &{anchor}: changes every alias of it',
  'formats.yaml.merged': 'Merged into {path} from the anchor &{anchor} (`<<`); keys written in place win over merged ones.',
  'formats.yaml.mergedInline': 'Merged into {path} from a mapping (`<<`); keys written in place win over merged ones.',
} as const;
