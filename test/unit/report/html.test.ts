import * as assert from 'node:assert/strict';
import { renderHtml } from '../../../server/src/core/report/html';
import type { FileReport } from '../../../server/src/core/report/message-path';
import { messagePath, relativeHref } from '../../../server/src/core/report/message-path';
import { attr, classes, elements, parseHtml, select, selectOne, text } from '../../support/html-dom';
import { PATH_FIXTURE, PATH_OPTIONS, reportsOf } from './fixtures';

const HOSTILE_NAME = `conf/<img src=x onerror=alert(1)>"'&.properties`;
const HOSTILE_VALUE = `0"><script>alert('value')</script>`;

/** A producer file whose name and value try to inject markup. */
const hostile: FileReport = {
  file: HOSTILE_NAME,
  href: relativeHref(HOSTILE_NAME),
  kafka: true,
  stages: ['producer'],
  findings: [
    {
      file: HOSTILE_NAME,
      href: relativeHref(HOSTILE_NAME),
      line: 3,
      column: 6,
      rule: 'config/invalid-value',
      stage: 'config',
      severity: 'error',
      message: `Kafka rejects acks=${HOSTILE_VALUE} <a href="javascript:alert(2)">x</a>`,
    },
  ],
  settings: [{ stage: 'producer', key: 'acks', value: HOSTILE_VALUE, file: HOSTILE_NAME, href: relativeHref(HOSTILE_NAME), line: 3, source: 'file' }],
};

describe('report: HTML', () => {
  const report = messagePath(reportsOf(PATH_FIXTURE, PATH_OPTIONS), ['4.1']);
  const html = renderHtml(report, { version: '9.9.9' });
  const { document, errors } = parseHtml(html);

  it('is a well-formed HTML document (no parse errors) with a title and a language', () => {
    assert.deepEqual(errors, []);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.equal(text(selectOne(document, 'head title')), 'Kafka Lint: message path');
  });

  it('is self-contained: no script, no external resource, and a policy that forbids both', () => {
    assert.deepEqual(select(document, 'script'), []);
    for (const el of elements(document)) {
      for (const a of ['src', 'srcset', 'data', 'poster']) assert.equal(attr(el, a), undefined, `${el.tagName}[${a}]`);
      if (el.tagName === 'link') assert.fail('a <link> element loads a resource');
    }
    const csp = attr(selectOne(document, 'meta[http-equiv=Content-Security-Policy]'), 'content') ?? '';
    assert.match(csp, /^default-src 'none';/);
    assert.doesNotMatch(csp, /script-src/);
    const styles = select(document, 'style');
    assert.equal(styles.length, 1);
    assert.match(text(styles[0]), /@media \(prefers-color-scheme: dark\)/);
    assert.match(text(styles[0]), /@media print/);
  });

  it('draws the path as inline SVG: one box per stage, coloured by status, linking to its section', () => {
    const nodes = select(document, 'figure.path svg a.node');
    assert.deepEqual(
      nodes.map((n) => [attr(n, 'href'), classes(n).filter((c) => c !== 'node')]),
      [
        ['#stage-producer', ['fail']],
        ['#stage-broker', ['ok']],
        ['#stage-consumer', ['risk']],
        ['#stage-config', ['ok', 'side']],
      ],
    );
    assert.equal(select(document, 'svg path.arrow').length, 2);
    assert.equal(text(selectOne(document, 'svg title')), 'Producer: Loses messages → Broker: No loss found → Consumer: At risk');
    for (const n of nodes) assert.ok(document && text(n).length > 0);
    assert.deepEqual(
      nodes.slice(0, 3).map((n) => text(n)),
      ['Producer ✗ Loses messages 1 error', 'Broker ✓ No loss found 1 info', 'Consumer ! At risk 1 warning'],
    );
    assert.equal(text(nodes[3]), '✓ Config hygiene: Clean (no findings)');
  });

  it('has a section per stage whose status reads as an icon and a word, not only a colour', () => {
    const sections = select(document, 'section.stage');
    assert.deepEqual(
      sections.map((s) => [attr(s, 'id'), classes(s).filter((c) => c !== 'stage')]),
      [
        ['stage-producer', ['fail']],
        ['stage-broker', ['ok']],
        ['stage-consumer', ['risk']],
        ['stage-config', ['ok', 'side']],
      ],
    );
    assert.deepEqual(
      sections.map((s) => text(selectOne(s, 'h2'))),
      ['✗ Loses messages Producer', '✓ No loss found Broker', '! At risk Consumer', '✓ Clean Config hygiene (Side note)'],
    );
  });

  it('counts each rule of a stage, with its severity and a link to the rule page', () => {
    const rows = select(document, '#stage-producer table.rules tbody tr');
    assert.deepEqual(
      rows.map((r) => select(r, 'td').map((c) => text(c))),
      [['producer/acks-zero', '✗ error', '1', 'acks=0: the producer does not wait for any broker acknowledgement (fire and forget).']],
    );
    assert.equal(attr(selectOne(rows[0], 'a.rule'), 'href'), 'https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/producer/acks-zero.md');
  });

  it('lists the findings per file with a link to the line (relative to the report) and the explanation', () => {
    const file = selectOne(document, '#stage-consumer table.findings tr.file a.loc');
    assert.deepEqual([attr(file, 'href'), text(file)], ['config/consumer.properties', 'config/consumer.properties']);
    const [row] = select(document, '#stage-consumer table.findings tr.finding');
    const cells = select(row, 'td').map((c) => text(c));
    assert.deepEqual(cells.slice(0, 3), ['3:20', '! warning', 'consumer/auto-commit-enabled']);
    assert.match(cells[3], /^Consumer stage: with enable\.auto\.commit=true offsets of polled records are committed/);
    assert.equal(attr(selectOne(row, 'a.loc'), 'href'), 'config/consumer.properties#L3');
  });

  it('shows the settings that decide each stage, explicit (with a line link) or default (with its origin)', () => {
    const rows = select(document, '#stage-consumer table.settings tbody tr');
    assert.deepEqual(
      rows.map((r) => (classes(r).includes('file') ? ['file', text(r)] : select(r, 'td').map((c) => text(c)))),
      [
        ['file', 'config/consumer.properties'],
        ['enable.auto.commit', 'true', '3', 'explicit'],
        ['auto.commit.interval.ms', '5000', '–', 'default (Kafka 4.1)'],
        ['auto.offset.reset', 'latest', '–', 'default (Kafka 4.1)'],
        ['isolation.level', 'read_uncommitted', '–', 'default (Kafka 4.1)'],
      ],
    );
    assert.equal(attr(selectOne(rows[1], 'a.loc'), 'href'), 'config/consumer.properties#L3');
  });

  it('says when no file configures a stage instead of calling it safe', () => {
    const only = renderHtml(messagePath(reportsOf({ 'producer.properties': 'acks=all\n' }, PATH_OPTIONS), ['4.1']));
    const page = parseHtml(only).document;
    assert.deepEqual(classes(selectOne(page, '#stage-broker')), ['stage', 'unseen']);
    assert.equal(text(selectOne(page, '#stage-broker p.note')), 'No file read configures this stage, so the report cannot say whether it is safe.');
    assert.deepEqual(select(page, '#stage-broker table'), []);
  });

  it('sums up the files checked, the counts and the Kafka version; the footer names the version', () => {
    assert.equal(text(selectOne(document, 'header p.summary')), '4 files checked, 3 with Kafka configuration or code · 1 error, 1 warning, 1 info · defaults of Kafka 4.1');
    assert.equal(text(selectOne(document, 'footer')), 'Generated by Kafka Lint 9.9.9');
  });

  describe('escaping: text from files never becomes markup', () => {
    const page = renderHtml(messagePath([hostile], ['4.1']));
    const parsed = parseHtml(page);

    it('parses without errors and without any element, attribute or link the file smuggled in', () => {
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(select(parsed.document, 'script'), []);
      assert.deepEqual(select(parsed.document, 'img'), []);
      for (const el of elements(parsed.document)) {
        for (const a of el.attrs) assert.doesNotMatch(a.name, /^on/, `${el.tagName} has ${a.name}`);
        if (el.tagName === 'a') assert.doesNotMatch(attr(el, 'href') ?? '', /^javascript:/i);
      }
    });

    it('shows the hostile name, value and message as text, exactly', () => {
      const file = select(parsed.document, '#stage-config tr.file a.loc')[0];
      assert.equal(text(file), HOSTILE_NAME);
      assert.equal(attr(file, 'href'), 'conf/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%22\'%26.properties');
      const message = selectOne(parsed.document, '#stage-config td.message');
      assert.equal(text(message), `Kafka rejects acks=${HOSTILE_VALUE} <a href="javascript:alert(2)">x</a>`);
      const value = select(parsed.document, '#stage-producer table.settings td code')[1];
      assert.equal(text(value), HOSTILE_VALUE);
    });
  });

  describe('in Simplified Chinese', () => {
    const zh = parseHtml(renderHtml(report, { locale: 'zh-cn', version: '9.9.9' }));

    it('declares the language and says every word of its own in Chinese', () => {
      assert.deepEqual(zh.errors, []);
      assert.equal(attr(selectOne(zh.document, 'html'), 'lang'), 'zh-CN');
      assert.equal(text(selectOne(zh.document, 'head title')), 'Kafka Lint：消息路径');
      assert.deepEqual(
        select(zh.document, 'section.stage h2').map((h) => text(h)),
        ['✗ 会丢消息 生产者', '✓ 未发现丢消息 Broker', '! 有风险 消费者', '✓ 无问题 配置规范 (附注)'],
      );
      assert.equal(text(selectOne(zh.document, 'svg title')), '生产者：会丢消息 → Broker：未发现丢消息 → 消费者：有风险');
      assert.equal(text(selectOne(zh.document, 'header p.summary')), '检查了 4 个文件，其中 3 个含 Kafka 配置或代码 · 1 个错误，1 个警告，1 条信息 · 默认值按 Kafka 4.1');
      assert.equal(text(selectOne(zh.document, 'footer')), '由 Kafka Lint 9.9.9 生成');
    });

    it('links the Chinese rule pages and describes the rules and defaults in Chinese', () => {
      const row = selectOne(zh.document, '#stage-producer table.rules tbody tr');
      assert.equal(attr(selectOne(row, 'a.rule'), 'href'), 'https://github.com/kafka-lint/kafka-lint/blob/main/docs/rules/producer/acks-zero.zh-CN.md');
      assert.equal(text(select(row, 'td')[3]), 'acks=0：生产者不等待 Broker 的任何确认（发后即焚）。');
      const sources = select(zh.document, '#stage-consumer table.settings tr.setting').map((r) => text(select(r, 'td')[3]));
      assert.deepEqual(sources, ['显式设置', '默认值（Kafka 4.1）', '默认值（Kafka 4.1）', '默认值（Kafka 4.1）']);
    });
  });

  describe('for a VS Code webview', () => {
    const uri = 'file:///work/a%20b/producer.properties';
    const files: FileReport[] = [{ ...hostile, href: uri, findings: hostile.findings.map((f) => ({ ...f, href: uri })), settings: hostile.settings.map((s) => ({ ...s, href: uri })) }];
    const page = renderHtml(messagePath(files, ['4.1']), { webview: { nonce: 'n0nce', cspSource: 'vscode-webview://x' } });
    const parsed = parseHtml(page);

    it('locks the policy down to the nonce: one style and one script, both carrying it', () => {
      assert.deepEqual(parsed.errors, []);
      const csp = attr(selectOne(parsed.document, 'meta[http-equiv=Content-Security-Policy]'), 'content');
      assert.equal(csp, "default-src 'none'; img-src vscode-webview://x data:; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'; base-uri 'none'; form-action 'none'");
      assert.deepEqual(
        [...select(parsed.document, 'style'), ...select(parsed.document, 'script')].map((e) => [e.tagName, attr(e, 'nonce')]),
        [
          ['style', 'n0nce'],
          ['script', 'n0nce'],
        ],
      );
      assert.match(text(selectOne(parsed.document, 'script')), /acquireVsCodeApi\(\)/);
      assert.match(text(selectOne(parsed.document, 'script')), /postMessage\(\{ type: 'open'/);
    });

    it('turns file links into messages: the URI, line and column in data attributes, no navigation', () => {
      const links = select(parsed.document, 'a[data-uri]');
      assert.ok(links.length >= 3);
      for (const a of links) {
        assert.equal(attr(a, 'href'), '#');
        assert.equal(attr(a, 'data-uri'), uri);
      }
      const finding = selectOne(parsed.document, 'tr.finding a.loc');
      assert.deepEqual([attr(finding, 'data-line'), attr(finding, 'data-column')], ['3', '6']);
    });
  });
});
