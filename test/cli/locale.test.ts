import * as assert from 'node:assert/strict';
import { t } from '../../server/src/core/i18n/index';
import { jsonFindings, runCli, workspace } from './helpers';

const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';
const ZH_MESSAGE = t('zh-cn', 'producer/acks-zero.set', { key: 'acks', loss: t('zh-cn', 'producer/acks-zero.loss') });
const EN_MESSAGE = t('en', 'producer/acks-zero.set', { key: 'acks', loss: t('en', 'producer/acks-zero.loss') });

describe('CLI: the language follows --locale, else LC_ALL / LC_MESSAGES / LANG', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace({ 'producer.properties': PRODUCER });
  });
  afterEach(() => ws.cleanup());

  const messageOf = (stdout: string): string | undefined => jsonFindings(stdout).find((f) => f.rule === 'producer/acks-zero')?.message;

  it('LANG=zh_CN.UTF-8: Chinese messages, the same rule ids and JSON fields as in English', () => {
    const zh = runCli(['--format', 'json', 'producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8' });
    const en = runCli(['--format', 'json', 'producer.properties'], ws.dir, { LANG: 'en_US.UTF-8' });
    assert.equal(zh.code, 1, zh.stderr);
    assert.equal(messageOf(zh.stdout), ZH_MESSAGE);
    assert.equal(messageOf(en.stdout), EN_MESSAGE);
    const shape = (stdout: string) => jsonFindings(stdout).map((f) => ({ ...f, message: '' }));
    assert.deepEqual(shape(zh.stdout), shape(en.stdout));
  });

  it('--locale zh-cn wins over LANG, --locale en over a Chinese LANG; LC_ALL wins over LANG, LC_MESSAGES over LANG', () => {
    assert.equal(messageOf(runCli(['--locale', 'zh-cn', '--format', 'json', 'producer.properties'], ws.dir, { LANG: 'en_US.UTF-8' }).stdout), ZH_MESSAGE);
    assert.equal(messageOf(runCli(['--locale=en', '--format', 'json', 'producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8' }).stdout), EN_MESSAGE);
    assert.equal(messageOf(runCli(['--format', 'json', 'producer.properties'], ws.dir, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }).stdout), ZH_MESSAGE);
    assert.equal(messageOf(runCli(['--format', 'json', 'producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).stdout), EN_MESSAGE);
    assert.equal(messageOf(runCli(['--format', 'json', 'producer.properties'], ws.dir, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.GB2312' }).stdout), ZH_MESSAGE);
    // `auto` leaves it to the environment.
    assert.equal(messageOf(runCli(['--locale', 'auto', '--format', 'json', 'producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8' }).stdout), ZH_MESSAGE);
  });

  it('text output: findings, severity column kept for problem matchers, and the summary in Chinese', () => {
    const r = runCli(['producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8' });
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes(`  producer.properties:2:6  error    ${ZH_MESSAGE}  producer/acks-zero`), r.stdout);
    assert.match(r.stdout, /1 个文件中有 1 个错误(、\d+ 个警告)?(、\d+ 条信息)?（检查了 1 个文件）\n$/);
  });

  it('usage errors and --help in the chosen language; a bad --locale is a usage error', () => {
    const bad = runCli(['--locale', 'fr', 'producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8' });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, "kafka-lint: `--locale` 只能是 `auto`、`en` 或 `zh-cn`，实际为 'fr'\n运行 `kafka-lint --help` 查看用法。\n");
    const badEn = runCli(['--locale', 'fr', 'producer.properties'], ws.dir);
    assert.equal(badEn.stderr, "kafka-lint: --locale must be auto, en or zh-cn; got 'fr'\nRun 'kafka-lint --help' for usage.\n");
    const unknown = runCli(['--nope'], ws.dir, { LANG: 'zh_CN.UTF-8' });
    assert.equal(unknown.stderr, "kafka-lint: 未知选项 '--nope'\n运行 `kafka-lint --help` 查看用法。\n");
    const help = runCli(['--help'], ws.dir, { LANG: 'zh_CN.UTF-8' });
    assert.equal(help.code, 0);
    assert.ok(help.stdout.startsWith('用法：\n  kafka-lint [options] [PATH...]          检查文件和文件夹（默认 `.`）\n'), help.stdout);
    assert.ok(help.stdout.includes('  --locale en|zh-cn|auto     输出语言：'), help.stdout);
    const helpEn = runCli(['--help'], ws.dir);
    assert.ok(helpEn.stdout.startsWith('Usage:\n  kafka-lint [options] [PATH...]          lint files and folders (default: .)\n'), helpEn.stdout);
    assert.ok(helpEn.stdout.includes('  --locale en|zh-cn|auto     language of the output: en or zh-cn'), helpEn.stdout);
  });

  it('"locale" in .kafkalint.json is not read (the language is the user\'s) and says so', () => {
    const project = workspace({ 'producer.properties': PRODUCER, '.kafkalint.json': JSON.stringify({ locale: 'zh-cn' }) });
    try {
      const r = runCli(['--format', 'json', 'producer.properties'], project.dir);
      assert.equal(messageOf(r.stdout), EN_MESSAGE);
      assert.equal(
        r.stderr,
        'kafka-lint: warning: .kafkalint.json: "locale" is not read from an options file: the language follows --locale, else LC_ALL, LC_MESSAGES or LANG\n',
      );
    } finally {
      project.cleanup();
    }
  });

  it('SARIF: rule ids unchanged, the run says its language, and the help links go to the Chinese pages', () => {
    const r = runCli(['--format', 'sarif', 'producer.properties'], ws.dir, { LANG: 'zh_CN.UTF-8' });
    const sarif = JSON.parse(r.stdout) as { runs: { language: string; results: { ruleId: string; message: { text: string } }[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    const run = sarif.runs[0];
    assert.equal(run.language, 'zh-CN');
    const result = run.results.find((x) => x.ruleId === 'producer/acks-zero');
    assert.equal(result?.message.text, ZH_MESSAGE);
    assert.match(run.tool.driver.rules.find((x) => x.id === 'producer/acks-zero')!.helpUri, /producer\/acks-zero\.zh-CN\.md$/);
  });
});
