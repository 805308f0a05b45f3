import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';

/**
 * Fixture files mark each expected finding with a comment line above the line where it starts:
 *   // expect: <rule-id> <the exact squiggled text>
 * A file must produce exactly its expectations; `*-safe.*` files carry none and must produce nothing.
 */
const MARK = /^\s*(?:\/\/|#)\s*expect:\s*(\S+)\s+(.*?)\s*$/;

type Row = [string, number, string];

/** The expectations of a fixture: rule id, 1-based line of the finding's start, squiggled text. */
export function expectations(text: string): Row[] {
  const lines = text.split('\n');
  const rows: Row[] = [];
  let pending: [string, string][] = [];
  lines.forEach((line, i) => {
    const m = MARK.exec(line);
    if (m) {
      pending.push([m[1], m[2]]);
      return;
    }
    for (const [rule, squiggle] of pending) rows.push([rule, i + 1, squiggle]);
    pending = [];
  });
  return rows.sort(compare);
}

function compare(a: Row, b: Row): number {
  return a[1] - b[1] || a[0].localeCompare(b[0]) || a[2].localeCompare(b[2]);
}

/** What linting a fixture actually reports, in the same shape. */
export async function actual(path: string, text: string): Promise<Row[]> {
  const findings = lint(await analyze(path, text));
  return findings.map((f): Row => [f.ruleId, text.slice(0, f.range.start).split('\n').length, text.slice(f.range.start, f.range.end)]).sort(compare);
}

const ROOT = join(__dirname, '../../../test/fixtures/code');

describe('scanner-javascript: fixtures', () => {
  for (const dir of ['typescript', 'javascript']) {
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => /-(lossy|safe)\.[cm]?[jt]sx?$/.test(n))) {
      it(`${dir}/${name}`, async () => {
        const text = readFileSync(join(ROOT, dir, name), 'utf8');
        const expected = expectations(text);
        if (name.includes('-safe.')) assert.deepEqual(expected, [], 'safe fixtures carry no expectations');
        else assert.ok(expected.length > 0, 'lossy fixtures carry expectations');
        assert.deepEqual(await actual(`mem://fixture/${dir}/${name}`, text), expected);
      });
    }
  }
});
