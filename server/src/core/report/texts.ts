/**
 * Every word the message-path report shows, from the message catalogue (core/i18n, area `report`), bound
 * to one locale, so that the HTML and the Markdown renderers say the same thing in the user's language.
 */
import type { DefaultOrigin } from '../effective-config';
import type { Locale } from '../i18n/index';
import { languageTag, ruleDescription, t } from '../i18n/index';
import type { Severity, Stage } from '../model';
import { ruleDocUrl } from '../rule-docs';
import type { SeverityCounts, StageStatus } from './message-path';

/** The glyph shown with each status; colour is never the only sign. */
export const STATUS_ICONS: Readonly<Record<StageStatus, string>> = { fail: '✗', risk: '!', ok: '✓', unseen: '–' };

/** The glyph shown with each severity. */
export const SEVERITY_ICONS: Readonly<Record<Severity, string>> = { error: '✗', warning: '!', info: 'i', hint: '·' };

const STATUSES: readonly StageStatus[] = ['fail', 'risk', 'ok', 'unseen'];

export interface ReportTexts {
  readonly locale: Locale;
  /** The page's `lang` (`en`, `zh-CN`). */
  readonly lang: string;
  readonly title: string;
  stageName(stage: Stage): string;
  /** What the stage is and what decides it, one sentence. */
  stageAbout(stage: Stage): string;
  /** A stage's status, or the hygiene note's (not about losing messages but about files Kafka reads as written). */
  status(stage: Stage, status: StageStatus): string;
  readonly sideNote: string;
  severity(severity: Severity): string;
  /** `2 errors, 1 warning, 3 info`, or the phrase for none. */
  counts(counts: SeverityCounts): string;
  filesChecked(checked: number, kafka: number): string;
  /** `defaults of Kafka 4.1`, or '' when no version is known. */
  defaultsOf(versions: readonly string[]): string;
  /** The SVG's accessible description of the whole path. */
  pathSummary(parts: readonly { name: string; status: string }[]): string;
  /** `Producer: Loses messages`, with the counts when given: `Producer: Loses messages (1 error)`. */
  stageLine(stage: Stage, status: StageStatus, counts?: SeverityCounts): string;
  readonly legend: readonly { readonly status: StageStatus; readonly text: string }[];
  readonly headings: { readonly rules: string; readonly findings: string; readonly settings: string };
  readonly columns: Readonly<Record<'rule' | 'severity' | 'count' | 'what' | 'where' | 'line' | 'explanation' | 'key' | 'value' | 'source', string>>;
  /** Where a setting's value comes from: `explicit`, `default (Kafka 4.1)`, … */
  source(origin: DefaultOrigin | undefined): string;
  /** A rule's one-line description and the page that explains it, in this language. */
  ruleDescription(rule: string): string;
  ruleDocUrl(rule: string): string;
  /** The stage has no configuration in the files read. */
  readonly unseenNote: string;
  /** The stage is configured, but by none of its durability keys (code that only sends, say). */
  readonly noSettings: string;
  generatedBy(version: string): string;
}

const texts = new Map<Locale, ReportTexts>();

/** The report's texts in `locale` (built once per locale). */
export function reportTexts(locale: Locale = 'en'): ReportTexts {
  let found = texts.get(locale);
  if (!found) {
    found = build(locale);
    texts.set(locale, found);
  }
  return found;
}

function build(locale: Locale): ReportTexts {
  const count = (severity: Severity, n: number): string => {
    const one = n === 1;
    switch (severity) {
      case 'error':
        return t(locale, one ? 'report.count.error.one' : 'report.count.error.other', { count: n });
      case 'warning':
        return t(locale, one ? 'report.count.warning.one' : 'report.count.warning.other', { count: n });
      case 'info':
        return t(locale, one ? 'report.count.info.one' : 'report.count.info.other', { count: n });
      case 'hint':
        return t(locale, one ? 'report.count.hint.one' : 'report.count.hint.other', { count: n });
    }
  };
  const stageNames: Readonly<Record<Stage, string>> = {
    producer: t(locale, 'report.stage.producer'),
    broker: t(locale, 'report.stage.broker'),
    consumer: t(locale, 'report.stage.consumer'),
    config: t(locale, 'report.stage.config'),
  };
  const about: Readonly<Record<Stage, string>> = {
    producer: t(locale, 'report.about.producer'),
    broker: t(locale, 'report.about.broker'),
    consumer: t(locale, 'report.about.consumer'),
    config: t(locale, 'report.about.config'),
  };
  const status: Readonly<Record<StageStatus, string>> = {
    fail: t(locale, 'report.status.fail'),
    risk: t(locale, 'report.status.risk'),
    ok: t(locale, 'report.status.ok'),
    unseen: t(locale, 'report.status.unseen'),
  };
  const hygiene: Readonly<Record<StageStatus, string>> = {
    fail: t(locale, 'report.hygiene.fail'),
    risk: t(locale, 'report.hygiene.risk'),
    ok: t(locale, 'report.hygiene.ok'),
    unseen: t(locale, 'report.hygiene.unseen'),
  };
  const legend: Readonly<Record<StageStatus, string>> = {
    fail: t(locale, 'report.legend.fail'),
    risk: t(locale, 'report.legend.risk'),
    ok: t(locale, 'report.legend.ok'),
    unseen: t(locale, 'report.legend.unseen'),
  };
  const severities: Readonly<Record<Severity, string>> = {
    error: t(locale, 'report.severity.error'),
    warning: t(locale, 'report.severity.warning'),
    info: t(locale, 'report.severity.info'),
    hint: t(locale, 'report.severity.hint'),
  };
  const statusOf = (stage: Stage, s: StageStatus): string => (stage === 'config' ? hygiene[s] : status[s]);
  const counts = (c: SeverityCounts): string => {
    const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => c[s] > 0).map((s) => count(s, c[s]));
    return parts.length > 0 ? parts.join(t(locale, 'report.count.separator')) : t(locale, 'report.count.none');
  };
  return {
    locale,
    lang: languageTag(locale),
    title: t(locale, 'report.title'),
    stageName: (stage) => stageNames[stage],
    stageAbout: (stage) => about[stage],
    status: statusOf,
    sideNote: t(locale, 'report.hygiene.sideNote'),
    severity: (s) => severities[s],
    counts,
    filesChecked: (checked, kafka) => t(locale, checked === 1 ? 'report.summary.files.one' : 'report.summary.files.other', { checked, kafka }),
    defaultsOf: (versions) => (versions.length > 0 ? t(locale, 'report.summary.defaults', { versions: versions.join(', ') }) : ''),
    pathSummary: (parts) => parts.map((p) => t(locale, 'report.summary.part', p)).join(' → '),
    stageLine: (stage, s, c) => {
      const name = stageNames[stage];
      const text = statusOf(stage, s);
      return c ? t(locale, 'report.summary.partCounts', { name, status: text, counts: counts(c) }) : t(locale, 'report.summary.part', { name, status: text });
    },
    legend: STATUSES.map((s) => ({ status: s, text: legend[s] })),
    headings: { rules: t(locale, 'report.heading.rules'), findings: t(locale, 'report.heading.findings'), settings: t(locale, 'report.heading.settings') },
    columns: {
      rule: t(locale, 'report.column.rule'),
      severity: t(locale, 'report.column.severity'),
      count: t(locale, 'report.column.count'),
      what: t(locale, 'report.column.what'),
      where: t(locale, 'report.column.where'),
      line: t(locale, 'report.column.line'),
      explanation: t(locale, 'report.column.explanation'),
      key: t(locale, 'report.column.key'),
      value: t(locale, 'report.column.value'),
      source: t(locale, 'report.column.source'),
    },
    source: (origin) => {
      if (!origin) return t(locale, 'report.source.explicit');
      switch (origin.kind) {
        case 'spring-container':
          return t(locale, 'report.source.springContainer');
        case 'kafka':
          return t(locale, origin.idempotenceOff ? 'report.source.kafkaIdempotenceOff' : 'report.source.kafka', { version: origin.version });
        case 'library':
          return origin.version
            ? t(locale, 'report.source.libraryVersion', { library: origin.library, version: origin.version })
            : t(locale, origin.variesByVersion ? 'report.source.libraryNewest' : 'report.source.library', { library: origin.library });
      }
    },
    ruleDescription: (rule) => ruleDescription(rule, locale),
    ruleDocUrl: (rule) => ruleDocUrl(rule, locale),
    unseenNote: t(locale, 'report.unseen'),
    noSettings: t(locale, 'report.noSettings'),
    generatedBy: (version) => t(locale, 'report.generatedBy', { version }),
  };
}
