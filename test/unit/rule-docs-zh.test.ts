import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { REPOSITORY_URL, ruleDocPath, ruleDocUrl } from '../../server/src/core/rule-docs';
import { RULES } from '../../server/src/core/rules/index';
import { readGlossary, saysTerm } from './i18n/glossary';
import { invariantsOf, strayEnglish } from './i18n/latin';

/**
 * The Chinese title of each section a rule page may have. A page section the English page adds must be
 * given its Chinese title here (and on the Chinese page) before this test passes.
 */
const SECTION_TITLES: Readonly<Record<string, string>> = {
  'What fires it': '触发条件',
  'What stays silent': '不会触发的情况',
  'Conditional values': '条件值',
  Constants: '常量',
  'In client code': '客户端代码中',
  'In a Kafka Streams app': 'Kafka Streams 应用中',
  'Quick fixes': '快速修复',
  Example: '示例',
  'How messages are lost': '消息如何丢失',
  'Safe setting': '安全设置',
  'Safe pattern': '安全写法',
  'When it is fine to ignore': '何时可以忽略',
  'Version notes': '版本说明',
  'In deployment files': '部署文件中',
  Suppressing: '抑制',
  'One root cause, and the per-key findings': '同一根因与逐键的问题',
};

/**
 * Latin words a Chinese rule page may use besides those the catalogue allows (test/unit/i18n/allowed-latin.ts):
 * the names of the client libraries and tools the pages compare, rule levels (the severity column), and the
 * few programming and Kafka Connect terms Chinese technical writing keeps in English.
 */
const DOC_LATIN: ReadonlySet<string> = new Set([
  // Client libraries, languages, tools and products.
  'Boot', 'kafka-clients', 'kafkajs', 'KafkaJS', 'confluentinc/kafka-javascript', 'confluent-kafka-javascript', 'node-rdkafka',
  'confluent-kafka', 'confluent-kafka-python', 'confluent-kafka-go', 'segmentio/kafka-go', 'segmentio', 'zerolog', 'SQLAlchemy', 'aiokafka',
  'Python', 'Go', 'Express', 'docker-compose', 'compose', 'Bitnami', 'Confluent', 'KRaft', 'Operator', 'README', 'Testcontainers', 'spring-kafka-test', 'Debezium', 'Cassandra',
  // Rule levels, as the severity column and settings write them.
  'error', 'warning', 'info',
  // Kafka Connect and programming terms kept in English.
  'worker', 'source', 'sink', 'API', 'promise', 'future', 'lambda', 'for-each',
  // Values of auto.offset.reset named in prose, units and standards.
  'latest', 'earliest', 'MB', 'ms', 'SMTP', 'Unicode', 'properties', 'INI',
]);

/** Names of several words a page keeps in English, with their Chinese gloss beside them. */
const DOC_PHRASES: readonly string[] = ['Eligible Leader Replicas', 'Confluent Platform', 'Schema Registry', 'Control Center', 'Spring Cloud Stream'];

/** A page without its first-line link to the other language. */
function withoutLanguageLink(page: string): string {
  return page.replace(/^\[(English|简体中文)\]\(.*\)$/m, '');
}

/**
 * Code compared across languages, whatever the line breaks; `non-KafkaJS` is written `非 KafkaJS` in Chinese,
 * and `e.g.` (which reads as code) is English prose.
 */
function sameSpelling(code: string): string {
  return code.replace(/\s+/g, ' ').replace(/^non-/, '');
}

/** The `## ` / `### ` headings of a page, in order, outside fenced blocks. */
function headings(page: string): string[] {
  return page
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((l) => /^#{2,3} /.test(l));
}

/**
 * The fenced blocks of a page, each with the reason of its suppression comments taken out
 * (`-- single-broker test cluster` is prose and is translated; everything else in a block is code).
 */
function codeBlocks(page: string): string[] {
  return [...page.matchAll(/```([a-z]*)\n([\s\S]*?)```/g)].map(
    ([, lang, body]) => `${lang}\n${body.replace(/(kafka-lint-disable(?:-next-line)?\s+\S+(?:[ ,]+[a-z]+\/[a-z0-9-]+)*)\s+--\s.*$/gm, '$1 --')}`,
  );
}

/** The relative links of a page: `[text](target)` whose target is not a URL or an anchor. */
function relativeLinks(page: string): string[] {
  return [...page.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:|^#/.test(t));
}

/**
 * Every registered rule has a Simplified Chinese page next to its English one (`ruleDocPath(id, 'zh-cn')`),
 * the page Chinese diagnostics, hovers, SARIF and the report link to. It says the same as the English page:
 * the same sections in the same order, the same code blocks, the same severity and quick-fix column, and
 * its links lead to the Chinese pages where they exist.
 */
describe('rule pages in Simplified Chinese', () => {
  const root = join(__dirname, '..', '..', '..');
  const glossary = readGlossary();

  for (const rule of RULES) {
    const { id, defaultSeverity, fixable } = rule.meta;
    describe(id, () => {
      const enPath = join(root, ruleDocPath(id, 'en'));
      const zhPath = join(root, ruleDocPath(id, 'zh-cn'));
      const read = (path: string): string => readFileSync(path, 'utf8');

      it('ruleDocUrl(id, "zh-cn") points at a page that exists', () => {
        const url = ruleDocUrl(id, 'zh-cn');
        assert.equal(url, `${REPOSITORY_URL}/blob/main/docs/rules/${id}.zh-CN.md`);
        assert.ok(existsSync(join(root, url.slice(`${REPOSITORY_URL}/blob/main/`.length))), `${zhPath} is missing`);
      });

      it('is titled by the rule id, shows its suppression, and links to the English page and back', () => {
        const zh = read(zhPath);
        assert.ok(zh.startsWith(`# ${id}\n\n[English](${basename(enPath)})\n`), 'the page starts with the rule id and a link to the English page');
        assert.ok(zh.includes(`kafka-lint-disable-next-line ${id}`), 'shows how to suppress it');
        assert.ok(read(enPath).startsWith(`# ${id}\n\n[简体中文](${basename(zhPath)})\n`), 'the English page links to the Chinese page under its title');
      });

      it('states the default severity and quick fix as the meta says', () => {
        const row = /\| 阶段 \| 默认严重级别 \| 快速修复 \|\n\|[-|]+\|\n\|([^|\n]*)\|([^|\n]*)\|([^|\n]*)\|/.exec(read(zhPath));
        assert.ok(row, 'the page starts with the 阶段 / 默认严重级别 / 快速修复 table');
        assert.ok(row[2].trim().startsWith(defaultSeverity), `page says ${row[2].trim()}`);
        assert.equal(row[3].trim().startsWith('有'), fixable, `page says ${row[3].trim()}`);
        if (!fixable) assert.ok(row[3].trim().startsWith('无'), `page says ${row[3].trim()}`);
      });

      it('has the sections of the English page, in the same order', () => {
        const expected = headings(read(enPath)).map((h) => {
          const [, hashes, title] = /^(#+) (.*)$/.exec(h) ?? [];
          const zh = SECTION_TITLES[title];
          assert.ok(zh, `no Chinese title for the section "${title}": add it to SECTION_TITLES`);
          return `${hashes} ${zh}`;
        });
        assert.deepEqual(headings(read(zhPath)), expected);
      });

      it('shows the same code blocks as the English page (only suppression reasons translated)', () => {
        assert.deepEqual(codeBlocks(read(zhPath)), codeBlocks(read(enPath)));
      });

      it('links to pages that exist, the Chinese one where there is one', () => {
        for (const target of relativeLinks(read(zhPath))) {
          const file = normalize(join(dirname(zhPath), target.replace(/#.*$/, '')));
          assert.ok(existsSync(file), `the link ${target} leads nowhere`);
          const zhTwin = file.replace(/\.md$/, '.zh-CN.md');
          if (file !== enPath && !file.endsWith('.zh-CN.md') && existsSync(zhTwin)) {
            assert.fail(`the link ${target} should lead to the Chinese page ${basename(zhTwin)}`);
          }
        }
      });

      it('says the same numbers, keys, settings and code as the English page', () => {
        const invariants = (page: string): string[] => [...new Set(invariantsOf(withoutLanguageLink(page)).map(sameSpelling).filter((c) => c !== 'e.g'))].sort();
        assert.deepEqual(invariants(read(zhPath)), invariants(read(enPath)));
      });

      it('leaves no English in its prose (besides code, keys, values and the names of DOC_LATIN)', () => {
        let zh = withoutLanguageLink(read(zhPath));
        for (const phrase of DOC_PHRASES) zh = zh.split(phrase).join(' ');
        assert.deepEqual([...new Set(strayEnglish(zh).filter((w) => !DOC_LATIN.has(w)))], []);
      });

      it('uses the glossary terms, none of the rejected variants', () => {
        const zh = read(zhPath);
        const en = read(enPath);
        for (const term of glossary.filter((g) => g.required && saysTerm(en, g.english))) {
          assert.ok(term.chinese.some((c) => zh.includes(c)), `the English page says "${term.english}", the Chinese page never says ${term.chinese.join(' / ')}`);
        }
        for (const term of glossary) {
          for (const variant of term.rejected) {
            assert.ok(!zh.includes(variant), `uses "${variant}" (the glossary says ${term.chinese.join(' / ')} for ${term.english})`);
          }
        }
      });
    });
  }
});
