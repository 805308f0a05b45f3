import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import type { Finding } from '../../../server/src/core/model';
import { normalizeOptions } from '../../../server/src/core/options';
import type { LintOptions } from '../../../server/src/core/options';

/**
 * The pattern fixtures of issue #10 (test/patterns/<pattern>/): files shaped like the README snippets and
 * library examples users copy, named `<name>-lossy.<ext>` or `<name>-safe.<ext>`. They live outside
 * test/fixtures so that the robustness corpus, which mutates every file there, does not grow with them.
 *
 * A comment line marks each finding expected on the next non-comment line, with the exact squiggled text:
 *   // expect: <rule-id> <squiggled text>        (`#` in Python, properties and YAML, `<!-- … -->` in Markdown)
 *   // expect-message: <text the message contains>   (optional, for the expectation just above)
 * A lossy file must produce exactly its expectations, a safe file nothing at all.
 */

const ROOT = join(__dirname, '../../../../test/patterns');
const MARK = /^\s*(?:\/\/|#|<!--)\s*expect:\s*(\S+)\s+(.*?)\s*(?:-->)?\s*$/;
const MESSAGE = /^\s*(?:\/\/|#|<!--)\s*expect-message:\s*(.*?)\s*(?:-->)?\s*$/;

/** One expected or actual finding: rule id, 1-based line of its start, the squiggled text. */
export type Row = [rule: string, line: number, squiggle: string];

interface Expected {
  readonly row: Row;
  readonly messages: string[];
}

/** The expectations a fixture's comments state. */
export function expectations(text: string): Expected[] {
  const out: Expected[] = [];
  let pending: Expected[] = [];
  text.split('\n').forEach((line, i) => {
    const mark = MARK.exec(line);
    if (mark) {
      pending.push({ row: [mark[1], -1, mark[2]], messages: [] });
      return;
    }
    const message = MESSAGE.exec(line);
    if (message && pending.length > 0) {
      pending[pending.length - 1].messages.push(message[1]);
      return;
    }
    for (const p of pending) out.push({ row: [p.row[0], i + 1, p.row[2]], messages: p.messages });
    pending = [];
  });
  return out.sort((a, b) => compare(a.row, b.row));
}

function compare(a: Row, b: Row): number {
  return a[1] - b[1] || a[0].localeCompare(b[0]) || a[2].localeCompare(b[2]);
}

/** Options for the fixtures: Markdown code blocks are read (off by default). */
export const FIXTURE_OPTIONS: LintOptions = normalizeOptions({ markdown: true }).options;

/** Lints a fixture text as the file `name`. */
export async function lintFixture(name: string, text: string, options: LintOptions = FIXTURE_OPTIONS): Promise<Finding[]> {
  return lint(await analyze(`/fixtures/${name}`, text), options);
}

/** The row of an actual finding. */
export function rowOf(text: string, f: Finding): Row {
  return [f.ruleId, text.slice(0, f.range.start).split('\n').length, text.slice(f.range.start, f.range.end)];
}

/** The fixture files of one pattern folder. */
export function fixtureFiles(pattern: string): string[] {
  return readdirSync(join(ROOT, pattern)).filter((n) => /-(lossy|safe)\.[a-z]+$/.test(n)).sort();
}

/** Reads one fixture. */
export function readFixture(pattern: string, name: string): string {
  return readFileSync(join(ROOT, pattern, name), 'utf8');
}

/** Declares one test per fixture file of a pattern folder: exactly the expected findings, messages included. */
export function describeFixtures(pattern: string): void {
  describe(`${pattern}: fixtures`, () => {
    const names = fixtureFiles(pattern);
    it('has lossy and safe fixtures', () => {
      assert.ok(names.some((n) => n.includes('-lossy.')), 'no lossy fixture');
      assert.ok(names.some((n) => n.includes('-safe.')), 'no safe fixture');
    });
    for (const name of names) {
      it(name, async () => {
        const text = readFixture(pattern, name);
        const expected = expectations(text);
        if (name.includes('-safe.')) assert.deepEqual(expected, [], 'safe fixtures carry no expectations');
        else assert.ok(expected.length > 0, 'lossy fixtures carry expectations');
        const findings = await lintFixture(name, text);
        const actual = findings.map((f) => ({ row: rowOf(text, f), message: f.message })).sort((a, b) => compare(a.row, b.row));
        assert.deepEqual(
          actual.map((a) => a.row),
          expected.map((e) => e.row),
          actual.map((a) => `${a.row.join(' | ')}\n    ${a.message}`).join('\n'),
        );
        expected.forEach((e, i) => {
          for (const m of e.messages) assert.ok(actual[i].message.includes(m), `${e.row.join(' | ')}: message lacks ${JSON.stringify(m)}:\n${actual[i].message}`);
        });
      });
    }
  });
}
