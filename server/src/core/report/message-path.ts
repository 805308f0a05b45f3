/**
 * The message-path report: the path Producer → Broker → Consumer, each stage judged by its worst finding,
 * with the count per rule, where the findings are, and the settings that decide the stage.
 *
 * Pure and in two steps, so that a file can be summarised wherever it was analysed (the CLI's workers, the
 * server's cache) and only plain data travels (the findings' messages are already in the user's language;
 * everything else the renderers say comes from the catalogue): {@link fileReport} turns one analysed file into a
 * serialisable {@link FileReport}; {@link messagePath} joins the files into the {@link MessagePathReport}
 * that the HTML and Markdown renderers draw.
 */
import { findKey } from '../catalog/index';
import { DURABILITY_KEYS, effectiveConfig } from '../effective-config';
import type { DefaultOrigin } from '../effective-config';
import type { AnalyzedDocument, CodeFact, Finding, Role, Severity, Stage } from '../model';
import { RULES } from '../rules/index';
import { documentLineIndex } from '../text';

/** The three stages a message travels, in order. File hygiene (`config`) is a side note, not a stage. */
export type PathStage = 'producer' | 'broker' | 'consumer';

export const PATH_STAGES: readonly PathStage[] = ['producer', 'broker', 'consumer'];

/**
 * How a stage stands: `fail` (red) when its worst finding is an error, `risk` (amber) for a warning, `ok`
 * (green) when it has at most info or hint findings, `unseen` (grey) when no file configures it and nothing
 * was found about it: the report does not call a stage safe that it never saw.
 */
export type StageStatus = 'fail' | 'risk' | 'ok' | 'unseen';

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** One finding as the report lists it: 1-based line and column (UTF-16, as editors count). */
export interface ReportFinding {
  /** The file as shown to the user (relative to where the report was asked for). */
  readonly file: string;
  /** Where a link to the file points: a URL relative to the report (CLI) or the document URI (editor). */
  readonly href: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly stage: Stage;
  readonly severity: Severity;
  /** The finding's one-sentence explanation. */
  readonly message: string;
}

/** A setting that decides a stage: written in a file, or the default that applies because it is not. */
export interface ReportSetting {
  readonly stage: PathStage;
  readonly key: string;
  readonly value: string;
  readonly file: string;
  readonly href: string;
  /** 1-based line of the effective (last) occurrence; null for a default. */
  readonly line: number | null;
  readonly source: 'file' | 'default';
  /** For defaults, where the value comes from (Kafka at a version, a client library, …), as `kafka-lint config` computes it. */
  readonly origin?: DefaultOrigin;
}

/** What one file contributes to the report; plain data (JSON-safe), computed where the file was analysed. */
export interface FileReport {
  readonly file: string;
  readonly href: string;
  /** False for files without Kafka content (counted as checked, nothing else). */
  readonly kafka: boolean;
  /** The stages this file configures or has code for (a producer config, a consumer's commit loop, …). */
  readonly stages: readonly PathStage[];
  readonly findings: readonly ReportFinding[];
  readonly settings: readonly ReportSetting[];
}

/** Where one rule fired in one file. */
export interface RuleLocation {
  readonly file: string;
  readonly href: string;
  readonly line: number;
  readonly column: number;
}

/** One rule within a stage: how often it fired, its worst severity, and where. */
export interface RuleCount {
  readonly rule: string;
  readonly severity: Severity;
  readonly count: number;
  readonly locations: readonly RuleLocation[];
}

/** One stage of the path (or the hygiene side note), as the renderers draw it. */
export interface StageReport {
  readonly stage: Stage;
  readonly status: StageStatus;
  readonly worst?: Severity;
  readonly counts: SeverityCounts;
  /** Rules in registry order (the order a message travels), then any unknown id. */
  readonly rules: readonly RuleCount[];
  /** In file order, then by position. */
  readonly findings: readonly ReportFinding[];
  /** In file order; within a file as `kafka-lint config` lists them. Empty for hygiene. */
  readonly settings: readonly ReportSetting[];
  /** Files that configure this stage, in file order. */
  readonly files: readonly string[];
}

/** The whole report. */
export interface MessagePathReport {
  /** Producer, broker, consumer: the path. */
  readonly stages: readonly StageReport[];
  /** Duplicate keys, invalid values, unknown keys, syntax errors: beside the path. */
  readonly hygiene: StageReport;
  readonly filesChecked: number;
  readonly kafkaFiles: number;
  readonly counts: SeverityCounts;
  /** The Kafka versions whose defaults were applied (one, unless folders differ). */
  readonly kafkaVersions: readonly string[];
}

/** What {@link fileReport} needs about one analysed file. */
export interface FileReportInput {
  readonly file: string;
  readonly href: string;
  readonly document: AnalyzedDocument;
  /** The file's findings after lint (severity overrides and suppressions applied). */
  readonly findings: readonly Finding[];
  /** The Kafka version whose defaults apply to this file. */
  readonly kafkaVersion: string;
}

/** The stages a configuration of each role takes part in. Streams and Connect both produce and consume. */
const ROLE_STAGES: Readonly<Record<Role, readonly PathStage[]>> = {
  producer: ['producer'],
  consumer: ['consumer'],
  broker: ['broker'],
  topic: ['broker'],
  admin: [],
  streams: ['producer', 'consumer'],
  connect: ['producer', 'consumer'],
};

const FACT_STAGES: Readonly<Record<CodeFact['kind'], PathStage>> = {
  'unhandled-send': 'producer',
  'close-without-flush': 'producer',
  'commit-before-processing': 'consumer',
  'commit-after-swallowed-error': 'consumer',
};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * Summarises one analysed file: its findings with 1-based positions, the stages it configures, and the
 * settings that decide those stages. The settings are the entries `kafka-lint config` computes for the
 * file (keys it sets, last wins, then the defaults of unset durability keys), kept when the key is one of
 * the durability keys of a stage the file configures.
 */
export function fileReport(input: FileReportInput): FileReport {
  const { file, href, document } = input;
  if (!document.isKafka) return { file, href, kafka: false, stages: [], findings: [], settings: [] };
  const index = documentLineIndex(document);
  const findings: ReportFinding[] = input.findings.map((f) => {
    const at = index.positionAt(f.range.start);
    return { file, href, line: at.line + 1, column: at.character + 1, rule: f.ruleId, stage: f.stage, severity: f.severity, message: f.message };
  });

  const stages = new Set<PathStage>();
  for (const group of document.groups) for (const role of group.roles) for (const s of ROLE_STAGES[role]) stages.add(s);
  for (const fact of document.facts) stages.add(FACT_STAGES[fact.kind]);
  for (const f of findings) if (isPathStage(f.stage)) stages.add(f.stage);

  const explained = effectiveConfig(file, document, input.kafkaVersion);
  const settings: ReportSetting[] = [];
  for (const e of explained.config.entries) {
    const stage = decidedStage(e.key);
    if (!stage || !stages.has(stage)) continue;
    const origin = e.source === 'default' ? explained.defaultOrigins.get(e.key) : undefined;
    settings.push({ stage, key: e.key, value: e.value, file, href, line: e.line, source: e.source, ...(origin ? { origin } : {}) });
  }
  return { file, href, kafka: true, stages: PATH_STAGES.filter((s) => stages.has(s)), findings, settings };
}

/**
 * The durability keys of `kafka-lint config` (the ones whose defaults it shows) by the stage they decide;
 * `log.dirs` and `metadata.log.dir` decide where data lives as `log.dir` does.
 */
const DECIDING_KEYS: ReadonlyMap<string, PathStage> = (() => {
  const m = new Map<string, PathStage>();
  for (const [role, keys] of Object.entries(DURABILITY_KEYS) as [Role, readonly string[]][]) {
    // Durability keys are listed for producer, consumer, broker and topic: one stage each.
    const stage = ROLE_STAGES[role][0];
    for (const key of keys) if (stage && !m.has(key)) m.set(key, stage);
  }
  if (m.has('log.dir')) for (const key of ['log.dirs', 'metadata.log.dir']) m.set(key, 'broker');
  return m;
})();

/** The stage a key decides (aliases count as their key), or undefined when it is not a durability key. */
function decidedStage(key: string): PathStage | undefined {
  return DECIDING_KEYS.get(findKey(key)?.key ?? key);
}

function isPathStage(stage: Stage): stage is PathStage {
  return stage !== 'config';
}

/**
 * Joins the files' summaries into the report: per stage its status (by worst finding), counts per severity
 * and per rule (with every location), the findings and the deciding settings. `filesChecked` counts every
 * file read, Kafka or not; files not given (unreadable ones) are simply not in it.
 */
export function messagePath(files: readonly FileReport[], kafkaVersions: readonly string[]): MessagePathReport {
  const all = files.flatMap((f) => f.findings);
  const stageReport = (stage: Stage): StageReport => {
    const findings = all.filter((f) => f.stage === stage).sort(byPosition(files));
    const counts = countBySeverity(findings);
    const worst = SEVERITIES.find((s) => counts[s] > 0);
    const stageFiles = stage === 'config' ? [] : files.filter((f) => f.stages.includes(stage)).map((f) => f.file);
    const seen = stage === 'config' ? files.some((f) => f.kafka) : stageFiles.length > 0;
    return {
      stage,
      status: worst === 'error' ? 'fail' : worst === 'warning' ? 'risk' : findings.length > 0 || seen ? 'ok' : 'unseen',
      ...(worst ? { worst } : {}),
      counts,
      rules: ruleCounts(findings),
      findings,
      settings: stage === 'config' ? [] : files.flatMap((f) => f.settings.filter((s) => s.stage === stage)),
      files: stageFiles,
    };
  };
  return {
    stages: PATH_STAGES.map(stageReport),
    hygiene: stageReport('config'),
    filesChecked: files.length,
    kafkaFiles: files.filter((f) => f.kafka).length,
    counts: countBySeverity(all),
    kafkaVersions: [...new Set(kafkaVersions)],
  };
}

function countBySeverity(findings: readonly ReportFinding[]): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Orders findings by the file's place in the input, then line and column, then rule id. */
function byPosition(files: readonly FileReport[]): (a: ReportFinding, b: ReportFinding) => number {
  const order = new Map(files.map((f, i) => [f.file, i]));
  return (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

function ruleCounts(findings: readonly ReportFinding[]): RuleCount[] {
  const byRule = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const rank = (id: string): number => {
    const i = RULES.findIndex((r) => r.meta.id === id);
    return i < 0 ? RULES.length : i;
  };
  return [...byRule.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([rule, list]) => ({
      rule,
      severity: SEVERITIES.find((s) => list.some((f) => f.severity === s)) ?? 'hint',
      count: list.length,
      locations: list.map(({ file, href, line, column }) => ({ file, href, line, column })),
    }));
}

/**
 * A link from the report to a file, given the file's path relative to the report's folder with `/`
 * separators: each segment percent-encoded, so that no file name can turn into a scheme (`javascript:`), a
 * query or a fragment. The renderers add `#L<line>` (the line anchor repository browsers understand).
 */
export function relativeHref(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}
