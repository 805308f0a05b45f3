/**
 * The message-path report as Markdown, for CI job summaries (GitHub's `$GITHUB_STEP_SUMMARY`, GitLab notes):
 * a compact text diagram of the path, then per stage a table of rules, of findings and of deciding settings.
 * Text from the user's files is escaped so that it can neither break a table nor inject markup or HTML.
 */
import type { MessagePathReport, ReportFinding, ReportSetting, StageReport } from './message-path';
import type { Locale } from '../i18n/index';
import type { ReportTexts } from './texts';
import { reportTexts, SEVERITY_ICONS, STATUS_ICONS } from './texts';

export interface MarkdownOptions {
  /** The language of the summary (the findings' messages are already in it). */
  readonly locale?: Locale;
  readonly version?: string;
  /**
   * True to link file locations (`[file:9](href#L9)`), when the Markdown is written to a file whose
   * folder the hrefs are relative to; false (printing to a job summary) shows them as plain text.
   */
  readonly links?: boolean;
}

/**
 * Escapes text for Markdown inline content and table cells: emphasis, code, link brackets, strike-through,
 * pipes and HTML. User text never starts a line (it sits in a cell or after a label), so block markers
 * (`#`, `-`, `1.`) need no escape.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** Renders the report as Markdown. Pure. */
export function renderMarkdown(report: MessagePathReport, options: MarkdownOptions = {}): string {
  const t = reportTexts(options.locale);
  const where = (f: { file: string; href: string }, line: number | null, column?: number): string => {
    const label = escapeMarkdown(line ? `${f.file}:${line}${column ? `:${column}` : ''}` : f.file);
    return options.links ? `[${label}](<${f.href}${line ? `#L${line}` : ''}>)` : label;
  };
  const out: string[] = [`## ${escapeMarkdown(t.title)}`, '', '```text', diagram(report, t), '```', ''];
  const summary = [t.filesChecked(report.filesChecked, report.kafkaFiles), t.counts(report.counts), t.defaultsOf(report.kafkaVersions)].filter((s) => s !== '');
  out.push(escapeMarkdown(summary.join(' · ')), '');
  for (const s of [...report.stages, report.hygiene]) out.push(...stage(s, t, where));
  if (options.version) out.push(`<sub>${escapeMarkdown(t.generatedBy(options.version))}</sub>`, '');
  return out.join('\n');
}

/** `[✗ Producer] ──▶ [! Broker] ──▶ [✓ Consumer]` over one line per stage with its status and counts. */
function diagram(report: MessagePathReport, t: ReportTexts): string {
  const boxes = report.stages.map((s) => `[${STATUS_ICONS[s.status]} ${t.stageName(s.stage)}]`);
  const lines = [boxes.join(' ──▶ ')];
  for (const s of [...report.stages, report.hygiene]) {
    lines.push(`  ${STATUS_ICONS[s.status]} ${t.stageLine(s.stage, s.status, s.counts)}`);
  }
  // Inside a fenced block only a fence can escape; no stage name or count contains one.
  return lines.join('\n');
}

type Where = (f: { file: string; href: string }, line: number | null, column?: number) => string;

function stage(s: StageReport, t: ReportTexts, where: Where): string[] {
  const head = `### ${STATUS_ICONS[s.status]} ${escapeMarkdown(t.stageLine(s.stage, s.status))}`;
  const out = [head, '', escapeMarkdown(t.counts(s.counts)), ''];
  if (s.status === 'unseen') return [...out, `_${escapeMarkdown(t.unseenNote)}_`, ''];
  if (s.rules.length > 0) {
    out.push(
      row([t.columns.rule, t.columns.severity, t.columns.count, t.columns.what].map(escapeMarkdown)),
      '| --- | --- | ---: | --- |',
      ...s.rules.map((r) => row([`[${escapeMarkdown(r.rule)}](${t.ruleDocUrl(r.rule)})`, severity(r.severity, t), String(r.count), escapeMarkdown(t.ruleDescription(r.rule))])),
      '',
      row([t.columns.where, t.columns.severity, t.columns.rule, t.columns.explanation].map(escapeMarkdown)),
      '| --- | --- | --- | --- |',
      ...s.findings.map((f: ReportFinding) => row([where(f, f.line, f.column), severity(f.severity, t), escapeMarkdown(f.rule), escapeMarkdown(f.message)])),
      '',
    );
  }
  if (s.stage !== 'config') {
    out.push(`**${escapeMarkdown(t.headings.settings)}**`, '');
    if (s.settings.length === 0) out.push(escapeMarkdown(t.noSettings), '');
    else {
      out.push(
        row([t.columns.key, t.columns.value, t.columns.where, t.columns.source].map(escapeMarkdown)),
        '| --- | --- | --- | --- |',
        ...s.settings.map((e: ReportSetting) =>
          row([escapeMarkdown(e.key), escapeMarkdown(e.value), where(e, e.line), escapeMarkdown(t.source(e.source === 'file' ? undefined : e.origin))]),
        ),
        '',
      );
    }
  }
  return out;
}

function severity(s: ReportFinding['severity'], t: ReportTexts): string {
  return `${SEVERITY_ICONS[s]} ${escapeMarkdown(t.severity(s))}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
