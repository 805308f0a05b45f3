import type { ExplainedConfig } from '../core/effective-config';

/** The text of `kafka-lint config`: per file, a header with the roles and a KEY / VALUE / SOURCE table. */
export function formatEffectiveText(explained: readonly ExplainedConfig[]): string {
  const out: string[] = [];
  for (const { config: c, defaultLabels } of explained) {
    out.push(`${c.file}  ${c.roles.length > 0 ? `(${c.roles.join(', ')})` : '(no Kafka configuration found)'}`);
    if (c.entries.length > 0) {
      const rows = c.entries.map((e) => [e.key, e.value, e.source === 'file' ? `line ${e.line}` : (defaultLabels.get(e.key) ?? 'default')]);
      const header = ['KEY', 'VALUE', 'SOURCE'];
      const widths = [0, 1].map((i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
      const row = (r: string[]) => `  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`.trimEnd();
      out.push(row(header));
      for (const r of rows) out.push(row(r));
    }
    out.push('');
  }
  return out.join('\n');
}
