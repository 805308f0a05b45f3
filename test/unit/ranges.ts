import * as assert from 'node:assert/strict';
import type { Range } from '../../server/src/core/model';

/**
 * The range of the `nth` occurrence of `snippet` in `text` (fails when there is none). A snippet may mark
 * the range inside some context with `[[` and `]]`: `Retry.Max = [[0]]` is the `0` after `Retry.Max = `.
 */
export function at(text: string, snippet: string, nth = 0): Range {
  const open = snippet.indexOf('[[');
  const close = snippet.indexOf(']]');
  const plain = open >= 0 ? snippet.replace('[[', '').replace(']]', '') : snippet;
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(plain, i + 1);
    assert.ok(i >= 0, `snippet not found: ${snippet} (#${nth})`);
  }
  return open >= 0 ? { start: i + open, end: i + close - 2 } : { start: i, end: i + plain.length };
}
