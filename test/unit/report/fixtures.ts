import { analyzeConfig } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import type { RuleLevel } from '../../../server/src/core/model';
import { normalizeOptions } from '../../../server/src/core/options';
import type { LintOptions } from '../../../server/src/core/options';
import type { FileReport } from '../../../server/src/core/report/message-path';
import { fileReport, relativeHref } from '../../../server/src/core/report/message-path';
import { RULES } from '../../../server/src/core/rules/index';

/** Options with every rule off but `keep` (at their default level, or the level given), so new rules do not change a fixture. */
export function onlyRules(keep: Readonly<Record<string, RuleLevel | 'default'>>, kafkaVersion = '4.1'): LintOptions {
  const rules: Record<string, RuleLevel> = {};
  for (const r of RULES) {
    const level = keep[r.meta.id];
    if (level === undefined) rules[r.meta.id] = 'off';
    else if (level !== 'default') rules[r.meta.id] = level;
  }
  return normalizeOptions({ kafkaVersion, rules }).options;
}

/** Analyses and lints config files (path → text) and summarises each for the report, links relative to their path. */
export function reportsOf(files: Readonly<Record<string, string>>, options: LintOptions): FileReport[] {
  return Object.entries(files).map(([file, text]) => {
    const document = analyzeConfig(file, text);
    return fileReport({ file, href: relativeHref(file), document, findings: lint(document, options), kafkaVersion: options.kafkaVersion });
  });
}

/** A producer that loses messages, a consumer at risk, a broker with only an info finding, and a non-Kafka file. */
export const PATH_FIXTURE: Readonly<Record<string, string>> = {
  'config/producer.properties': 'bootstrap.servers=kafka:9092\nacks=0\n',
  'config/consumer.properties': 'bootstrap.servers=kafka:9092\ngroup.id=billing\nenable.auto.commit=true\n',
  'config/server.properties': 'process.roles=broker\nnode.id=1\nmin.insync.replicas=1\ndefault.replication.factor=3\n',
  'i18n/messages.properties': 'greeting=Hello\nfarewell=Bye\n',
};

export const PATH_OPTIONS = onlyRules({
  'producer/acks-zero': 'default',
  'consumer/auto-commit-enabled': 'default',
  'broker/min-insync-replicas-too-low': 'info',
});
