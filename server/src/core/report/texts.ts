/**
 * Every word the message-path report shows, in one place, so that the HTML and the Markdown renderers say
 * the same thing and a second language is one more table of the same shape.
 */
import type { Severity, Stage } from '../model';
import type { SeverityCounts, StageStatus } from './message-path';

export interface ReportTexts {
  readonly lang: string;
  readonly title: string;
  stageName(stage: Stage): string;
  /** What the stage is and what decides it, one sentence. */
  stageAbout(stage: Stage): string;
  /** A stage's status, as the path shows it. */
  status(status: StageStatus): string;
  /** The hygiene note's status: not about losing messages but about files Kafka reads as written. */
  hygieneStatus(status: StageStatus): string;
  severity(severity: Severity): string;
  /** `2 errors, 1 warning, 3 info`, or the phrase for none. */
  counts(counts: SeverityCounts): string;
  filesChecked(checked: number, kafka: number): string;
  defaultsOf(versions: readonly string[]): string;
  /** The SVG's accessible description of the whole path. */
  pathSummary(parts: readonly { name: string; status: string }[]): string;
  readonly legend: readonly { readonly status: StageStatus; readonly text: string }[];
  readonly headings: { readonly rules: string; readonly findings: string; readonly settings: string };
  readonly columns: {
    readonly rule: string;
    readonly severity: string;
    readonly count: string;
    readonly what: string;
    readonly where: string;
    readonly line: string;
    readonly explanation: string;
    readonly key: string;
    readonly value: string;
    readonly source: string;
  };
  /** The source of a setting written in the file. */
  readonly setInFile: string;
  /** The source of a default whose origin is not known more precisely. */
  readonly defaultSource: string;
  readonly noSettings: string;
  /** The stage has no configuration in the files read. */
  readonly unseenNote: string;
  readonly hygieneNote: string;
  generatedBy(version: string): string;
}

/** The glyph shown with each status; colour is never the only sign. */
export const STATUS_ICONS: Readonly<Record<StageStatus, string>> = { fail: '✗', risk: '!', ok: '✓', unseen: '–' };

/** The glyph shown with each severity. */
export const SEVERITY_ICONS: Readonly<Record<Severity, string>> = { error: '✗', warning: '!', info: 'i', hint: '·' };

const STAGE_NAMES: Readonly<Record<Stage, string>> = { producer: 'Producer', broker: 'Broker', consumer: 'Consumer', config: 'Config hygiene' };

const STAGE_ABOUT: Readonly<Record<Stage, string>> = {
  producer: 'The client that sends: acks, retries and idempotence decide whether a send the broker did not store is noticed and retried, and the code must look at every send’s result.',
  broker: 'The cluster that stores: replicas, min.insync.replicas and leader election decide whether an acknowledged record survives a broker failure.',
  consumer: 'The client that reads: when offsets are committed decides whether a crash skips records that were never processed.',
  config: 'Duplicate keys, values Kafka rejects, unknown keys and syntax errors: not a stage of the path, but each can hide the setting that decides one.',
};

const STATUS: Readonly<Record<StageStatus, string>> = {
  fail: 'Loses messages',
  risk: 'At risk',
  ok: 'No loss found',
  unseen: 'Not configured here',
};

const HYGIENE_STATUS: Readonly<Record<StageStatus, string>> = {
  fail: 'Errors',
  risk: 'Warnings',
  ok: 'Clean',
  unseen: 'Nothing to check',
};

/** The English texts. */
export const EN: ReportTexts = {
  lang: 'en',
  title: 'Kafka Lint: message path',
  stageName: (stage) => STAGE_NAMES[stage],
  stageAbout: (stage) => STAGE_ABOUT[stage],
  status: (status) => STATUS[status],
  hygieneStatus: (status) => HYGIENE_STATUS[status],
  severity: (severity) => severity,
  counts: (c) => {
    const parts: string[] = [];
    if (c.error) parts.push(`${c.error} ${c.error === 1 ? 'error' : 'errors'}`);
    if (c.warning) parts.push(`${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}`);
    if (c.info) parts.push(`${c.info} info`);
    if (c.hint) parts.push(`${c.hint} ${c.hint === 1 ? 'hint' : 'hints'}`);
    return parts.length > 0 ? parts.join(', ') : 'no findings';
  },
  filesChecked: (checked, kafka) => `${checked} ${checked === 1 ? 'file' : 'files'} checked, ${kafka} with Kafka configuration or code`,
  defaultsOf: (versions) => (versions.length > 0 ? `defaults of Kafka ${versions.join(', ')}` : ''),
  pathSummary: (parts) => parts.map((p) => `${p.name}: ${p.status}`).join(' → '),
  legend: [
    { status: 'fail', text: 'loses messages: an error-level finding' },
    { status: 'risk', text: 'at risk: a warning' },
    { status: 'ok', text: 'no loss found: at most info' },
    { status: 'unseen', text: 'not configured in the files read' },
  ],
  headings: { rules: 'Rules', findings: 'Findings', settings: 'Settings that decide it' },
  columns: {
    rule: 'Rule',
    severity: 'Severity',
    count: 'Count',
    what: 'What it finds',
    where: 'Where',
    line: 'Line',
    explanation: 'Why it loses messages',
    key: 'Key',
    value: 'Value',
    source: 'Source',
  },
  setInFile: 'explicit',
  defaultSource: 'default',
  noSettings: 'No setting of this stage in the files read.',
  unseenNote: 'No file read configures this stage, so the report cannot say whether it is safe.',
  hygieneNote: 'Side note',
  generatedBy: (version) => `Generated by Kafka Lint ${version}`,
};

/** The status text of a stage, or of the hygiene note. */
export function statusText(t: ReportTexts, stage: Stage, status: StageStatus): string {
  return stage === 'config' ? t.hygieneStatus(status) : t.status(status);
}
