/**
 * The message-path report as one self-contained HTML page: inline CSS and SVG, no network, no script needed
 * to read it (the editor's webview adds one small script that turns file links into "open at this line").
 * Everything taken from the user's files (names, keys, values, messages) goes through {@link escapeHtml}, and
 * the page's Content-Security-Policy forbids scripts anyway (in the webview: all but the one with the nonce).
 */
import type { Severity } from '../model';
import type { MessagePathReport, ReportFinding, ReportSetting, StageReport } from './message-path';
import type { Locale } from '../i18n/index';
import type { ReportTexts } from './texts';
import { reportTexts, SEVERITY_ICONS, STATUS_ICONS } from './texts';

export interface HtmlOptions {
  /** The language of the page (the findings' messages are already in it). */
  readonly locale?: Locale;
  /** Kafka Lint's version, for the footer. */
  readonly version?: string;
  /**
   * Render for a VS Code webview: the hrefs of the report are document URIs, links carry them in
   * `data-uri`/`data-line`/`data-column` and a script (allowed by `nonce`) posts `{ type: 'open', uri, line,
   * column }` to the extension; the colours follow the editor's theme.
   */
  readonly webview?: { readonly nonce: string; readonly cspSource?: string };
}

/** Escapes text for HTML content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Renders the whole page. Pure: the same report and options give the same text. */
export function renderHtml(report: MessagePathReport, options: HtmlOptions = {}): string {
  const t = reportTexts(options.locale);
  const webview = options.webview;
  const nonce = webview ? ` nonce="${escapeHtml(webview.nonce)}"` : '';
  const csp = webview
    ? `default-src 'none'; img-src ${webview.cspSource ? `${webview.cspSource} ` : ''}data:; style-src 'nonce-${webview.nonce}'; script-src 'nonce-${webview.nonce}'; base-uri 'none'; form-action 'none'`
    : "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
  const link = (href: string, line: number | null, column: number | null, label: string): string =>
    webview
      ? `<a class="loc" href="#" data-uri="${escapeHtml(href)}"${line ? ` data-line="${line}"` : ''}${column ? ` data-column="${column}"` : ''}>${escapeHtml(label)}</a>`
      : `<a class="loc" href="${escapeHtml(line ? `${href}#L${line}` : href)}">${escapeHtml(label)}</a>`;

  const summary = [t.filesChecked(report.filesChecked, report.kafkaFiles), t.counts(report.counts), t.defaultsOf(report.kafkaVersions)].filter((s) => s !== '');
  const body = [
    '<header>',
    `<h1>${escapeHtml(t.title)}</h1>`,
    `<p class="summary">${summary.map(escapeHtml).join(' · ')}</p>`,
    '</header>',
    pathFigure(report, t),
    '<main>',
    ...report.stages.map((s) => stageSection(s, t, link)),
    stageSection(report.hygiene, t, link),
    '</main>',
    options.version ? `<footer>${escapeHtml(t.generatedBy(options.version))}</footer>` : '',
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(t.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(t.title)}</title>`,
    `<style${nonce}>${CSS}</style>`,
    '</head>',
    `<body${webview ? ' class="webview"' : ''}>`,
    ...body.filter((line) => line !== ''),
    webview ? `<script${nonce}>${WEBVIEW_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}

type Link = (href: string, line: number | null, column: number | null, label: string) => string;

/** The inline SVG: three stage boxes joined by arrows, the hygiene note below; each box links to its section. */
function pathFigure(report: MessagePathReport, t: ReportTexts): string {
  const width = 260;
  const gap = 80;
  const node = (s: StageReport, x: number, y: number, w: number, h: number, small: boolean): string => {
    const name = t.stageName(s.stage);
    const status = `${STATUS_ICONS[s.status]} ${t.status(s.stage, s.status)}`;
    const cx = x + w / 2;
    const lines = small
      ? [`<text class="name" x="${cx}" y="${y + 27}">${escapeHtml(`${STATUS_ICONS[s.status]} ${t.stageLine(s.stage, s.status, s.counts)}`)}</text>`]
      : [
          `<text class="name" x="${cx}" y="${y + 38}">${escapeHtml(name)}</text>`,
          `<text class="status" x="${cx}" y="${y + 72}">${escapeHtml(status)}</text>`,
          `<text class="counts" x="${cx}" y="${y + 100}">${escapeHtml(t.counts(s.counts))}</text>`,
        ];
    return [
      `<a href="#stage-${s.stage}" class="node ${s.status}${small ? ' side' : ''}">`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14"/>`,
      ...lines,
      '</a>',
    ].join('\n');
  };
  const arrows = [0, 1].map((i) => {
    const x1 = 10 + width * (i + 1) + gap * i + 6;
    const x2 = x1 + gap - 14;
    return `<path class="arrow" d="M${x1} 80 H${x2}" marker-end="url(#arrowhead)"/>`;
  });
  const parts = report.stages.map((s) => ({ name: t.stageName(s.stage), status: t.status(s.stage, s.status) }));
  return [
    '<figure class="path">',
    '<svg viewBox="0 0 960 220" role="img" aria-labelledby="path-title" xmlns="http://www.w3.org/2000/svg">',
    `<title id="path-title">${escapeHtml(t.pathSummary(parts))}</title>`,
    '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrowhead"/></marker></defs>',
    ...report.stages.map((s, i) => node(s, 10 + i * (width + gap), 20, width, 120, false)),
    ...arrows,
    node(report.hygiene, 240, 168, 480, 42, true),
    '</svg>',
    `<figcaption><ul class="legend">${t.legend
      .map((l) => `<li><span class="badge ${l.status}"><span aria-hidden="true">${STATUS_ICONS[l.status]}</span></span> ${escapeHtml(l.text)}</li>`)
      .join('')}</ul></figcaption>`,
    '</figure>',
  ].join('\n');
}

function stageSection(s: StageReport, t: ReportTexts, link: Link): string {
  const out: string[] = [
    `<section class="stage ${s.status}${s.stage === 'config' ? ' side' : ''}" id="stage-${s.stage}">`,
    `<h2><span class="badge ${s.status}"><span aria-hidden="true">${STATUS_ICONS[s.status]}</span> ${escapeHtml(t.status(s.stage, s.status))}</span> ${escapeHtml(t.stageName(s.stage))}${
      s.stage === 'config' ? ` <small>(${escapeHtml(t.sideNote)})</small>` : ''
    }</h2>`,
    `<p class="about">${escapeHtml(t.stageAbout(s.stage))}</p>`,
    `<p class="counts">${escapeHtml(t.counts(s.counts))}</p>`,
  ];
  if (s.status === 'unseen') out.push(`<p class="note">${escapeHtml(t.unseenNote)}</p>`);
  if (s.rules.length > 0) {
    out.push(
      `<h3>${escapeHtml(t.headings.rules)}</h3>`,
      '<table class="rules">',
      `<thead><tr><th>${escapeHtml(t.columns.rule)}</th><th>${escapeHtml(t.columns.severity)}</th><th class="num">${escapeHtml(t.columns.count)}</th><th>${escapeHtml(t.columns.what)}</th></tr></thead>`,
      '<tbody>',
      ...s.rules.map(
        (r) =>
          `<tr><td><a class="rule" href="${escapeHtml(t.ruleDocUrl(r.rule))}"><code>${escapeHtml(r.rule)}</code></a></td><td>${severityBadge(r.severity, t)}</td><td class="num">${r.count}</td><td>${escapeHtml(t.ruleDescription(r.rule))}</td></tr>`,
      ),
      '</tbody>',
      '</table>',
      `<h3>${escapeHtml(t.headings.findings)}</h3>`,
      '<table class="findings">',
      `<thead><tr><th>${escapeHtml(t.columns.line)}</th><th>${escapeHtml(t.columns.severity)}</th><th>${escapeHtml(t.columns.rule)}</th><th>${escapeHtml(t.columns.explanation)}</th></tr></thead>`,
      ...byFile(s.findings).map((list) =>
        ['<tbody>', `<tr class="file"><th colspan="4" scope="rowgroup">${link(list[0].href, null, null, list[0].file)}</th></tr>`, ...list.map((f) => findingRow(f, t, link)), '</tbody>'].join('\n'),
      ),
      '</table>',
    );
  }
  if (s.stage !== 'config' && s.status !== 'unseen') {
    out.push(`<h3>${escapeHtml(t.headings.settings)}</h3>`);
    if (s.settings.length === 0) out.push(`<p class="none">${escapeHtml(t.noSettings)}</p>`);
    else {
      out.push(
        '<table class="settings">',
        `<thead><tr><th>${escapeHtml(t.columns.key)}</th><th>${escapeHtml(t.columns.value)}</th><th>${escapeHtml(t.columns.line)}</th><th>${escapeHtml(t.columns.source)}</th></tr></thead>`,
        ...byFile(s.settings).map((list) =>
          ['<tbody>', `<tr class="file"><th colspan="4" scope="rowgroup">${link(list[0].href, null, null, list[0].file)}</th></tr>`, ...list.map((e) => settingRow(e, t, link)), '</tbody>'].join('\n'),
        ),
        '</table>',
      );
    }
  }
  out.push('</section>');
  return out.join('\n');
}

function severityBadge(severity: Severity, t: ReportTexts): string {
  return `<span class="sev ${severity}"><span aria-hidden="true">${SEVERITY_ICONS[severity]}</span> ${escapeHtml(t.severity(severity))}</span>`;
}

/** Findings or settings in runs of the same file (they arrive in file order). */
function byFile<T extends { readonly file: string }>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const f of items) {
    const last = runs[runs.length - 1];
    if (last && last[0].file === f.file) last.push(f);
    else runs.push([f]);
  }
  return runs;
}

function findingRow(f: ReportFinding, t: ReportTexts, link: Link): string {
  return `<tr class="finding ${f.severity}"><td>${link(f.href, f.line, f.column, `${f.line}:${f.column}`)}</td><td>${severityBadge(f.severity, t)}</td><td><code>${escapeHtml(f.rule)}</code></td><td class="message">${escapeHtml(f.message)}</td></tr>`;
}

function settingRow(e: ReportSetting, t: ReportTexts, link: Link): string {
  const where = e.line ? link(e.href, e.line, null, String(e.line)) : '–';
  const source = t.source(e.source === 'file' ? undefined : e.origin);
  return `<tr class="setting ${e.source === 'file' ? 'explicit' : 'default'}"><td><code>${escapeHtml(e.key)}</code></td><td><code>${escapeHtml(e.value)}</code></td><td>${where}</td><td>${escapeHtml(source)}</td></tr>`;
}

/**
 * The webview's only script: a click (or Enter) on a file link asks the extension to open the file at the
 * line; the scroll position survives a refresh of the page.
 */
const WEBVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  if (state.scrollY) window.scrollTo(0, state.scrollY);
  window.addEventListener('scroll', () => vscode.setState({ scrollY: window.scrollY }), { passive: true });
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[data-uri]') : null;
    if (!a) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', uri: a.dataset.uri, line: Number(a.dataset.line || 1), column: Number(a.dataset.column || 1) });
  });
})();`;

const CSS = `
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --link: #0b5cad; --code-bg: #f3f5f7;
  --fail: #b3261e; --fail-bg: #fdeceb; --risk: #8a5300; --risk-bg: #fff3dc; --ok: #1a7335; --ok-bg: #e6f4ea;
  --unseen: #5f6b76; --unseen-bg: #eef1f4;
  --font: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16191d; --fg: #e6e8eb; --muted: #a3acb5; --border: #3a4149; --link: #7cb7ff; --code-bg: #23282e;
    --fail: #ff8a80; --fail-bg: #3b1d1b; --risk: #ffc35c; --risk-bg: #3a2c12; --ok: #7ddc91; --ok-bg: #173222;
    --unseen: #aab4be; --unseen-bg: #272c32;
  }
}
body.vscode-light {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --link: #0b5cad; --code-bg: #f3f5f7;
  --fail: #b3261e; --fail-bg: #fdeceb; --risk: #8a5300; --risk-bg: #fff3dc; --ok: #1a7335; --ok-bg: #e6f4ea;
  --unseen: #5f6b76; --unseen-bg: #eef1f4;
}
body.vscode-dark, body.vscode-high-contrast {
  --bg: #16191d; --fg: #e6e8eb; --muted: #a3acb5; --border: #3a4149; --link: #7cb7ff; --code-bg: #23282e;
  --fail: #ff8a80; --fail-bg: #3b1d1b; --risk: #ffc35c; --risk-bg: #3a2c12; --ok: #7ddc91; --ok-bg: #173222;
  --unseen: #aab4be; --unseen-bg: #272c32;
}
body.webview { --bg: var(--vscode-editor-background, #16191d); --fg: var(--vscode-editor-foreground, #e6e8eb); --font: var(--vscode-font-family, system-ui, sans-serif); }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 24px 32px 48px; max-width: 1280px; background: var(--bg); color: var(--fg); font: 15px/1.5 var(--font); }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 0 0 6px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
h2 small { font-size: 0.7em; color: var(--muted); font-weight: normal; }
h3 { font-size: 1em; margin: 18px 0 6px; }
a { color: var(--link); }
code { font-family: var(--mono); font-size: 0.9em; background: var(--code-bg); padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
table.rules code, table.findings td code { white-space: nowrap; overflow-wrap: normal; }
tr.file th { color: var(--fg); padding-top: 12px; font-weight: 600; }
tr.file a.loc { white-space: normal; overflow-wrap: anywhere; }
.summary, .about, .counts, .none, .note, footer { color: var(--muted); margin: 4px 0; }
.note { font-style: italic; }
figure.path { margin: 16px 0 24px; }
figure.path svg { width: 100%; max-width: 960px; height: auto; display: block; }
.node rect { stroke-width: 3; }
.node text { text-anchor: middle; fill: var(--fg); font-family: var(--font); }
.node .name { font-size: 24px; font-weight: 700; }
.node .status { font-size: 20px; font-weight: 600; }
.node .counts { font-size: 15px; fill: var(--muted); }
.node.side text { font-size: 16px; font-weight: 600; }
.node.side rect { stroke-dasharray: 6 4; stroke-width: 2; }
.node.fail rect { fill: var(--fail-bg); stroke: var(--fail); } .node.fail .status { fill: var(--fail); }
.node.risk rect { fill: var(--risk-bg); stroke: var(--risk); } .node.risk .status { fill: var(--risk); }
.node.ok rect { fill: var(--ok-bg); stroke: var(--ok); } .node.ok .status { fill: var(--ok); }
.node.unseen rect { fill: var(--unseen-bg); stroke: var(--unseen); stroke-dasharray: 8 5; } .node.unseen .status { fill: var(--unseen); }
.node:focus-visible rect, .node:hover rect { stroke-width: 5; }
.arrow { stroke: var(--muted); stroke-width: 4; fill: none; }
.arrowhead { fill: var(--muted); }
.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 20px; color: var(--muted); font-size: 0.9em; }
.badge { display: inline-block; min-width: 1.6em; padding: 1px 10px; border-radius: 999px; font-weight: 700; font-size: 0.85em; text-align: center; border: 2px solid currentColor; }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.risk { color: var(--risk); background: var(--risk-bg); }
.badge.ok { color: var(--ok); background: var(--ok-bg); }
.badge.unseen { color: var(--unseen); background: var(--unseen-bg); }
section.stage { border: 1px solid var(--border); border-left: 8px solid var(--unseen); border-radius: 8px; padding: 16px 20px; margin: 0 0 20px; }
section.stage.fail { border-left-color: var(--fail); }
section.stage.risk { border-left-color: var(--risk); }
section.stage.ok { border-left-color: var(--ok); }
section.stage.side { border-left-style: dashed; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--border); }
th { font-weight: 600; color: var(--muted); }
td.num, th.num { text-align: right; }
td.message { min-width: 22em; }
tr.default td { color: var(--muted); }
.sev { white-space: nowrap; font-weight: 600; }
.sev.error { color: var(--fail); } .sev.warning { color: var(--risk); } .sev.info, .sev.hint { color: var(--muted); }
a.loc { white-space: nowrap; font-family: var(--mono); font-size: 0.9em; }
footer { margin-top: 32px; font-size: 0.85em; }
@media print {
  :root, body { --bg: #fff; --fg: #000; --muted: #333; --border: #999; --link: #000; --code-bg: transparent; }
  body { padding: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { text-decoration: none; }
  section.stage { break-inside: auto; border-left-width: 6px; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  figure.path { break-inside: avoid; }
}
`.trim();
