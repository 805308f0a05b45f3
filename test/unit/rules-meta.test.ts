import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeConfig } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules/index';
import { ruleDescription } from '../../server/src/core/i18n/index';
import { isDeploymentRule } from '../../server/src/core/rules/types';
import { lintWorkspace } from './deployment/helpers';

/**
 * The files a page section shows for a cross-file rule: fenced blocks whose first line names the file
 * (`# file: topic-orders.properties`, `// file: Producer.java`).
 */
function filesOf(section: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [, body] of section.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const m = /^(?:#|\/\/) file: (\S+)\n/.exec(body);
    if (m) files[m[1]] = body;
  }
  return files;
}

/** The text of a `## ` section of a page (up to the next one). */
function section(page: string, title: string): string {
  const start = page.indexOf(`## ${title}\n`);
  if (start < 0) return '';
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next < 0 ? page.length : next);
}

/**
 * Every registered rule is documented and tested: a docs page at docs/rules/<id>.md, a unique `stage/name` id
 * whose stage matches its meta, and at least one unit test that names its id.
 */
describe('rules meta', () => {
  const root = join(__dirname, '..', '..', '..');
  const testRoot = join(root, 'test', 'unit');

  function testSources(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? testSources(p) : n.endsWith('.test.ts') ? [p] : [];
    });
  }
  const tests = testSources(testRoot)
    .filter((p) => !p.endsWith('rules-meta.test.ts'))
    .map((p) => readFileSync(p, 'utf8'));

  it('has rules', () => {
    assert.ok(RULES.length >= 18, `only ${RULES.length} rules registered`);
  });

  it('has unique ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  for (const rule of RULES) {
    const { id, stage } = rule.meta;
    describe(id, () => {
      it('has a stage/name id whose stage is its own', () => {
        assert.match(id, /^(producer|broker|consumer|config)\/[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.equal(id.split('/')[0], stage);
      });

      it('has a description in every language', () => {
        assert.ok(ruleDescription(id, 'en').length > 10, 'no English description');
        assert.ok(ruleDescription(id, 'zh-cn').length > 5, 'no Chinese description');
      });

      it(`has a docs page at docs/rules/${id}.md with the usual sections`, () => {
        const page = join(root, 'docs', 'rules', `${id}.md`);
        assert.ok(existsSync(page), `${page} is missing`);
        const text = readFileSync(page, 'utf8');
        assert.ok(text.startsWith(`# ${id}\n`), 'the page title is the rule id');
        for (const section of ['## What fires it', '## How messages are lost', '## When it is fine to ignore', '## Version notes', '## Suppressing']) {
          assert.ok(text.includes(section), `missing section ${section}`);
        }
        assert.ok(text.includes(`kafka-lint-disable-next-line ${id}`), 'shows how to suppress it');
      });

      it('states its default severity and whether it has a quick fix, as its meta says', () => {
        const text = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
        const row = /\| Stage \| Default severity \| Quick fix \|\n\|[-|]+\|\n\|([^|\n]*)\|([^|\n]*)\|([^|\n]*)\|/.exec(text);
        assert.ok(row, 'the page starts with the stage / severity / quick fix table');
        assert.ok(row[2].trim().startsWith(rule.meta.defaultSeverity), `page says ${row[2].trim()}`);
        assert.equal(row[3].trim().startsWith('yes'), rule.meta.fixable, `page says ${row[3].trim()}`);
      });

      it('is listed in docs/rules/README.md with its default severity and fix column', () => {
        const index = readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8');
        const line = index.split('\n').find((l) => l.includes(`(${id}.md)`));
        assert.ok(line, `${id} is not linked from the index`);
        const cells = line.split('|').map((c) => c.trim());
        assert.ok(cells[2].startsWith(rule.meta.defaultSeverity), `index says ${cells[2]}`);
        assert.equal(cells[3], rule.meta.fixable ? 'yes' : 'no');
      });

      if (isDeploymentRule(rule)) {
        it('shows an example of files that fires it, whose suppression and safe settings silence it', async () => {
          const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
          const example = filesOf(section(page, 'Example'));
          assert.ok(Object.keys(example).length >= 2, 'the Example section shows at least two files, each headed `# file: <path>`');
          const fires = async (files: Record<string, string>): Promise<boolean> =>
            [...(await lintWorkspace(files)).findings.values()].some((list) => list.some((f) => f.ruleId === id));
          assert.ok(await fires(example), 'the example does not fire the rule');
          const suppressing = filesOf(section(page, 'Suppressing'));
          assert.equal(Object.keys(suppressing).length, 1, 'the Suppressing section shows one file of the example, with the comment');
          assert.ok(Object.values(suppressing)[0].includes(`kafka-lint-disable-next-line ${id}`));
          assert.ok(!(await fires({ ...example, ...suppressing })), 'the suppression comment does not silence it');
          const safe = filesOf(section(page, 'Safe setting'));
          assert.ok(Object.keys(safe).length >= 1, 'the Safe setting section shows the file to change');
          assert.ok(!(await fires({ ...example, ...safe })), 'the safe setting still fires it');
        });
        it('has a Simplified Chinese page with the same example and safe files', () => {
          const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
          const zhPath = join(root, 'docs', 'rules', `${id}.zh-CN.md`);
          assert.ok(existsSync(zhPath), `${zhPath} is missing`);
          const zh = readFileSync(zhPath, 'utf8');
          assert.ok(zh.startsWith(`# ${id}\n`), 'the page title is the rule id');
          const zhFiles = [...zh.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
          for (const body of [...Object.values(filesOf(section(page, 'Example'))), ...Object.values(filesOf(section(page, 'Safe setting')))]) {
            assert.ok(zhFiles.includes(body), `the Chinese page lacks the block:\n${body}`);
          }
          assert.ok(zh.includes(`kafka-lint-disable-next-line ${id}`), 'shows how to suppress it');
        });
        it('is named by at least one unit test', () => {
          assert.ok(tests.some((t) => t.includes(`'${id}'`)), `no test under test/unit mentions '${id}'`);
        });
        return;
      }

      it('shows a suppression example that works: the rule fires without the comment and not with it', function () {
        const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
        const example = /## Suppressing\n+```properties\n([\s\S]*?)```/.exec(page)?.[1];
        // Pages of the code rules show their example in the client language.
        if (!example) return this.skip();
        const path = stage === 'broker' ? 'server.properties' : stage === 'consumer' ? 'consumer.properties' : 'producer.properties';
        const without = example.split('\n').filter((l) => !l.includes('kafka-lint-disable')).join('\n');
        assert.ok(lint(analyzeConfig(path, without)).some((f) => f.ruleId === id), 'the example does not fire the rule');
        assert.deepEqual(lint(analyzeConfig(path, example)).filter((f) => f.ruleId === id), []);
      });

      it('shows safe settings that the rule accepts', function () {
        const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
        const section = /## Safe setting\n([\s\S]*?)\n## /.exec(page)?.[1] ?? '';
        const blocks = [...section.matchAll(/```(properties|yaml)\n([\s\S]*?)```/g)];
        if (blocks.length === 0) return this.skip();
        for (const [, language, text] of blocks) {
          const spring = language === 'yaml' || text.includes('spring.kafka.');
          const path = language === 'yaml' ? 'application.yml' : spring ? 'application.properties' : stage === 'broker' ? 'server.properties' : stage === 'consumer' ? 'consumer.properties' : 'producer.properties';
          assert.deepEqual(lint(analyzeConfig(path, text)).filter((f) => f.ruleId === id).map((f) => f.message), [], `${path}:\n${text}`);
        }
      });

      it('is named by at least one unit test', () => {
        assert.ok(tests.some((t) => t.includes(`'${id}'`)), `no test under test/unit mentions '${id}'`);
      });
    });
  }
});
