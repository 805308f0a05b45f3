import * as assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/core/model';
import { applyEdits } from '../../server/src/core/fixes';
import { fixAllEdits } from '../../server/src/core/fixes';

/** A finding at `start` carrying `fix` (or none). */
function finding(ruleId: string, start: number, fix: Fix | undefined): Finding {
  return { ruleId, stage: 'producer', severity: 'warning', message: ruleId, range: { start, end: start + 1 }, fixes: fix ? [fix] : [] };
}
/** A fix from `[start, end, newText]` edits. */
const fix = (preferred: boolean, ...edits: [number, number, string][]): Fix => ({
  title: 't',
  preferred,
  edits: edits.map(([start, end, newText]) => ({ range: { start, end }, newText })),
});

describe('fix-all selection', () => {
  const text = 'abcdefghij';
  const cases: [string, Finding[], string][] = [
    ['applies preferred fixes only', [finding('a', 0, fix(true, [0, 1, 'A'])), finding('b', 2, fix(false, [2, 3, 'C']))], 'Abcdefghij'],
    ['skips a fix overlapping an earlier one', [finding('a', 0, fix(true, [0, 3, 'X'])), finding('b', 2, fix(true, [2, 4, 'Y']))], 'Xdefghij'],
    ['skips a second edit at the same offset', [finding('a', 5, fix(true, [5, 5, '1'])), finding('b', 5, fix(true, [5, 5, '2']))], 'abcde1fghij'],
    ['keeps an insert right after a replaced span', [finding('a', 0, fix(true, [0, 2, ''])), finding('b', 2, fix(true, [2, 2, '+']))], '+cdefghij'],
    [
      'drops a whole multi-edit fix when one of its edits conflicts',
      [finding('a', 1, fix(true, [1, 2, 'B'])), finding('b', 3, fix(true, [8, 9, 'I'], [1, 2, 'Z']))],
      'aBcdefghij',
    ],
    ['ignores findings without fixes', [finding('a', 0, undefined)], 'abcdefghij'],
  ];
  for (const [name, findings, expected] of cases) {
    it(name, () => assert.equal(applyEdits(text, fixAllEdits(findings)), expected));
  }
});
