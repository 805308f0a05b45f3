import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import type { AnalyzedDocument } from '../../server/src/core/model';
import { readProperties } from '../../server/src/core/properties/reader';

/**
 * Edits never damage a file: over many generated `.properties` files, setting a value, removing an entry and
 * inserting one change exactly that setting and leave every other one as Java would read it.
 */

/** Java's map (last wins) of a text. */
function javaMap(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of readProperties(text).pairs) if (!p.problem) m.set(p.key, p.value);
  return m;
}

function withEntry(m: Map<string, string>, key: string, value: string | undefined): Map<string, string> {
  const out = new Map(m);
  if (value === undefined) out.delete(key);
  else out.set(key, value);
  return out;
}

function generate(count: number, seed: number): string[] {
  const pieces = ['acks', 'retries', 'a.b', 'k\\ ey', '=', ' = ', ':', ' ', '\t', '1', 'all', 'x y', '\\\n  ', '\\\r\n\t', '\\\\', '\\u0041', '# c', '! c', 'é', '\n', '\n', '\r\n', '\r', '\\'];
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const out: string[] = [];
  for (let f = 0; f < count; f++) {
    let t = '';
    const len = 3 + rnd(30);
    for (let i = 0; i < len; i++) t += pieces[rnd(pieces.length)];
    out.push(t);
  }
  return out;
}

const VALUES = ['all', '', ' leading', 'back\\slash', 'line\nbreak', 'tab\there', '#hash', 'é€', '=:'];

describe('properties-edits: generated files', () => {
  const texts = generate(800, 99);
  it('renderValue changes only that key (when it is the last occurrence)', () => {
    let checked = 0;
    texts.forEach((text, n) => {
      const doc: AnalyzedDocument = analyzeConfig('producer.properties', text);
      const entries = doc.groups[0]?.entries ?? [];
      const before = javaMap(text);
      entries.forEach((e, i) => {
        if (entries.slice(i + 1).some((x) => x.key === e.key)) return;
        const v = VALUES[(n + i) % VALUES.length];
        const out = applyEdits(text, [{ range: e.valueRange, newText: e.renderValue!(v)! }]);
        assert.deepEqual(javaMap(out), withEntry(before, e.key, v), `set ${JSON.stringify(e.key)} in ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
        checked++;
      });
    });
    assert.ok(checked > 250, `only ${checked} edits checked`);
  });
  it('removeRange removes only that line', () => {
    let checked = 0;
    texts.forEach((text) => {
      const entries = analyzeConfig('producer.properties', text).groups[0]?.entries ?? [];
      const before = javaMap(text);
      entries.forEach((e) => {
        if (entries.filter((x) => x.key === e.key).length > 1) return;
        const out = applyEdits(text, [{ range: e.removeRange!, newText: '' }]);
        assert.deepEqual(javaMap(out), withEntry(before, e.key, undefined), `remove ${JSON.stringify(e.key)} from ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
        checked++;
      });
    });
    assert.ok(checked > 250, `only ${checked} edits checked`);
  });
  it('insertEntry adds only that key', () => {
    texts.forEach((text, n) => {
      const g = analyzeConfig('producer.properties', text).groups[0];
      const v = VALUES[n % VALUES.length];
      const out = applyEdits(text, [g.insertEntry!('enable.idempotence', v)!]);
      assert.deepEqual(javaMap(out), withEntry(javaMap(text), 'enable.idempotence', v), `insert into ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
      assert.ok(out.startsWith(text), 'existing text is kept byte for byte');
    });
  });
});
