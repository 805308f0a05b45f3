import type { Finding, Range, Severity, Stage } from '../core/model';
import { isSpan } from '../core/model';
import { LineIndex } from '../core/text';
import { t } from '../core/i18n/index';
import type { Locale } from '../core/i18n/index';

/**
 * A finding as the CLI prints it: the JSON contract other tools read. Lines and columns are 1-based;
 * the column counts UTF-16 code units, as the editor does; `endColumn` is just past the last character.
 */
export interface CliFinding {
  readonly file: string;
  readonly rule: string;
  readonly stage: Stage;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /**
   * Other places the finding depends on (the line a duplicate key is set again; for a cross-file finding, the
   * file and key that decide it). Present only when there are some.
   */
  readonly related?: readonly CliRelated[];
}

/** A related location, in the same 1-based positions as the finding. */
export interface CliRelated {
  readonly file: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Converts core findings (offsets) to CLI findings (1-based positions) for one file. A related location in
 * another file carries its own positions (a span), since that file's text is not at hand here.
 */
export function toCliFindings(file: string, text: string, findings: readonly Finding[], index: LineIndex = new LineIndex(text)): CliFinding[] {
  const at = (range: Range) => {
    if (isSpan(range)) return { line: range.line + 1, column: range.character + 1, endLine: range.endLine + 1, endColumn: range.endCharacter + 1 };
    const start = index.positionAt(range.start);
    const end = index.positionAt(range.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  return findings.map((f) => {
    const finding: CliFinding = { file, rule: f.ruleId, stage: f.stage, severity: f.severity, message: f.message, ...at(f.range) };
    if (!f.related || f.related.length === 0) return finding;
    return { ...finding, related: f.related.map((r) => ({ file: r.file ?? file, message: r.message, ...at(r.range) })) };
  });
}

/** The whole `--format json` output: one object, one line, newline-terminated. */
export function formatJson(findings: readonly CliFinding[]): string {
  return `${JSON.stringify({ findings })}\n`;
}

/** ANSI styling, or identity functions when colors are off. */
export interface Colors {
  bold(s: string): string;
  dim(s: string): string;
  severity(severity: Severity, s: string): string;
}

const PLAIN: Colors = { bold: (s) => s, dim: (s) => s, severity: (_severity, s) => s };

const ANSI: Colors = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  severity: (severity, s) => {
    const code = severity === 'error' ? 31 : severity === 'warning' ? 33 : severity === 'info' ? 36 : 90;
    return `\x1b[${code}m${s}\x1b[39m`;
  },
};

/**
 * Colors only for a terminal and only when `NO_COLOR` is not set at all (https://no-color.org), so that
 * piped output and CI logs stay plain.
 */
export function pickColors(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  return stream.isTTY === true && env.NO_COLOR === undefined ? ANSI : PLAIN;
}

/** `3 errors, 5 warnings, 1 info, 2 hints`: only the severities that occur, errors first. */
export function countsPhrase(findings: readonly CliFinding[], locale: Locale = 'en'): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts: string[] = [];
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const hints = count('hint');
  if (errors) parts.push(errors === 1 ? t(locale, 'cli.count.errorOne') : t(locale, 'cli.count.errorMany', { count: errors }));
  if (warnings) parts.push(warnings === 1 ? t(locale, 'cli.count.warningOne') : t(locale, 'cli.count.warningMany', { count: warnings }));
  if (infos) parts.push(t(locale, 'cli.count.info', { count: infos }));
  if (hints) parts.push(hints === 1 ? t(locale, 'cli.count.hintOne') : t(locale, 'cli.count.hintMany', { count: hints }));
  return parts.join(t(locale, 'cli.list.comma'));
}

/**
 * The text report: findings grouped by file (files in the order linted), one line per finding in the
 * `file:line:col  severity  message  rule-id` shape terminals and editors make clickable, then a summary.
 */
export function formatText(findings: readonly CliFinding[], filesChecked: number, colors: Colors = PLAIN, locale: Locale = 'en'): string {
  const related = t(locale, 'deployment.cli.related');
  const lines: string[] = [];
  const byFile = new Map<string, CliFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, list] of byFile) {
    lines.push(colors.bold(file));
    for (const f of list) {
      const severity = colors.severity(f.severity, f.severity.padEnd(7));
      lines.push(`  ${f.file}:${f.line}:${f.column}  ${severity}  ${f.message}  ${colors.dim(f.rule)}`);
      for (const r of f.related ?? []) lines.push(colors.dim(`    ${related}  ${r.file}:${r.line}:${r.column}  ${r.message}`));
    }
    lines.push('');
  }
  const checked = filesChecked === 1 ? t(locale, 'cli.text.checkedOne') : t(locale, 'cli.text.checkedMany', { count: filesChecked });
  if (findings.length === 0) {
    lines.push(t(locale, 'cli.text.noProblems', { checked }));
  } else {
    const count = byFile.size;
    const files = count === 1 ? t(locale, 'cli.text.filesOne') : t(locale, 'cli.text.filesMany', { count });
    lines.push(colors.bold(t(locale, 'cli.text.summary', { counts: countsPhrase(findings, locale), files, checked })));
  }
  return `${lines.join('\n')}\n`;
}
