import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL, ruleDocUrl } from '../core/rule-docs';
import type { AnyRule } from '../core/rules/types';
import type { CliFinding } from './format';
import { languageTag, ruleDescription } from '../core/i18n/index';
import type { Locale } from '../core/i18n/index';

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps): one run, the rule
 * registry as the tool's rules, one result per finding with 1-based regions as SARIF expects. Texts are in
 * `locale` (the run's `language` says which); rule ids never change with it.
 */
export function formatSarif(findings: readonly CliFinding[], rules: readonly AnyRule[], version: string, locale: Locale = 'en'): string {
  const level = (s: CliFinding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        language: languageTag(locale),
        tool: {
          driver: {
            name: 'kafka-lint',
            version,
            informationUri: REPOSITORY_URL,
            rules: rules.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: ruleDescription(r.meta.id, locale) },
              helpUri: ruleDocUrl(r.meta.id, locale),
              defaultConfiguration: { level: level(r.meta.defaultSeverity) },
              properties: { stage: r.meta.stage },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: level(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          // Where the finding's cause is set: the other line, or the file and key that decide a cross-file finding.
          ...(f.related && f.related.length > 0
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(r.file) },
                    region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
                  },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif)}\n`;
}

/** A relative path stays a relative URI reference (what code scanning maps onto the repository); an absolute one becomes a file: URI. */
function artifactUri(file: string): string {
  return isAbsolute(file) ? pathToFileURL(file).href : encodeURI(file.split('\\').join('/'));
}
