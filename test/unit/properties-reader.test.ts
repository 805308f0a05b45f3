import * as assert from 'node:assert/strict';
import { parseLines } from 'dot-properties';
import { readProperties } from '../../server/src/core/properties/reader';
import { analyzeProperties } from '../../server/src/core/properties/analyze-properties';
import { analyzeConfig } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';

/** The map Java would build: last wins. */
function mapOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of readProperties(text).pairs) if (!p.problem) out[p.key] = p.value;
  return out;
}

/** `[start, end)` of the only occurrence of `needle` in `text` (fails loudly when absent or repeated). */
function span(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `fixture lacks ${JSON.stringify(needle)}`);
  return { start, end: start + needle.length };
}

describe('properties-reader: Java semantics', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['key=value', 'a=1\nb = 2\nc:3\nd 4\n', { a: '1', b: '2', c: '3', d: '4' }],
    ['separators: first of = : or whitespace, one = after whitespace', 'a = = x\nb:=y\nc \t:z\nd\t\t w\n', { a: '= x', b: '=y', c: 'z', d: 'w' }],
    ['leading whitespace of key and value stripped, trailing kept', '   k =  v  \n', { k: 'v  ' }],
    ['comments with # and !, also indented', '# a=1\n! b=2\n   # c=3\nd=4\n', { d: '4' }],
    ['key without value', 'alone\nempty=\n', { alone: '', empty: '' }],
    ['duplicates: last wins', 'acks=0\nacks=all\n', { acks: 'all' }],
    ['escapes', 'k\\ey\\:x=a\\tb\\nc\\\\d\\q\n', { 'key:x': 'a\tb\nc\\dq' }],
    ['escaped separators and spaces in the key', 'a\\ b\\=c=d\n', { 'a b=c': 'd' }],
    ['\\u escapes', 'k=\\u0041\\u00e9\\u20AC\n', { k: 'Aé€' }],
    ['CRLF', 'a=1\r\nb=2\r\n', { a: '1', b: '2' }],
    ['CR only', 'a=1\rb=2\r', { a: '1', b: '2' }],
    ['continuation with LF, leading whitespace of next line dropped', 'a=x,\\\n    y,\\\n\t\fz\n', { a: 'x,y,z' }],
    ['continuation with CRLF', 'a=x,\\\r\n    y\r\nb=2', { a: 'x,y', b: '2' }],
    ['continuation with CR only', 'a=x,\\\r    y\rb=2', { a: 'x,y', b: '2' }],
    ['even backslashes do not continue', 'a=x\\\\\nb=2\n', { a: 'x\\', b: '2' }],
    ['continued key', 'ke\\\n  y=v\n', { key: 'v' }],
    ['continued key over CR', 'ke\\\r  y=v\r', { key: 'v' }],
    ['comment marker on a continuation line is text', 'a=1\\\n  #2\n', { a: '1#2' }],
    ['continuation into a blank line ends the value', 'a=1\\\n\nb=2\n', { a: '1', b: '2' }],
    ['trailing backslash at EOF is dropped', 'a=1\\', { a: '1' }],
    ['a line holding only a backslash joins the next line, which starts afresh', '\\\n#c=3\n\\\nd=4\n', { d: '4' }],
    ['tabs and form feeds as whitespace', '\ta\t=\tb\n\fc\fd\n', { a: 'b', c: 'd' }],
    ['BOM is skipped', '\ufeffacks=0\n', { acks: '0' }],
    ['= value only', '=v\n', { '': 'v' }],
    ['half-typed line', 'acks=all\nenable.', { acks: 'all', 'enable.': '' }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(mapOf(text), expected));
  }
});

describe('properties-reader: ranges', () => {
  it('key, value (without separator and leading blanks) and whole line', () => {
    const text = 'x=1\n  acks \t=  all  \ny=2\n';
    const [, p] = readProperties(text).pairs;
    assert.deepEqual(p.keyRange, span(text, 'acks'));
    assert.deepEqual(p.valueRange, span(text, 'all  '));
    assert.deepEqual(p.lineRange, span(text, '  acks \t=  all  \n'));
    assert.equal(p.rawKey, 'acks');
  });
  it('a continued value spans every physical line, removeRange ends after the last break', () => {
    const text = 'a=1\r\nlist = x,\\\r\n   y\r\nb=2';
    const p = readProperties(text).pairs[1];
    assert.deepEqual(p.valueRange, span(text, 'x,\\\r\n   y'));
    assert.deepEqual(p.lineRange, span(text, 'list = x,\\\r\n   y\r\n'));
    assert.equal(p.continued, true);
  });
  it('empty values sit at the end of the line', () => {
    const text = 'k=\nbare\n';
    const [k, bare] = readProperties(text).pairs;
    assert.deepEqual(k.valueRange, { start: 2, end: 2 });
    assert.equal(k.hasSeparator, true);
    assert.deepEqual(bare.valueRange, { start: 7, end: 7 });
    assert.equal(bare.hasSeparator, false);
  });
  it('the BOM is not part of the first key', () => {
    const text = '\ufeffacks=0\n';
    assert.deepEqual(readProperties(text).pairs[0].keyRange, { start: 1, end: 5 });
    assert.deepEqual(readProperties(text).pairs[0].lineRange, { start: 1, end: 8 });
  });
  it('a key continued over lines has its whole span', () => {
    const text = 'ke\\\n  y=v\n';
    const p = readProperties(text).pairs[0];
    assert.equal(p.rawKey, 'ke\\\n  y');
    assert.deepEqual(p.valueRange, span(text, 'v'));
  });
});

describe('properties-reader: malformed input', () => {
  it('a malformed \\u escape is a problem with its range; the rest is still read', () => {
    const text = 'a=1\nb=x\\u12G4y\nc=3\n';
    const f = readProperties(text);
    assert.equal(f.problems.length, 1);
    assert.deepEqual(f.problems[0].range, span(text, '\\u12G4'));
    assert.deepEqual(mapOf(text), { a: '1', c: '3' });
  });
  it('a \\u escape cut short by the end of the value', () => {
    const text = 'k=\\u00\n';
    const f = readProperties(text);
    assert.deepEqual(f.problems[0].range, span(text, '\\u00'));
  });
  it('a malformed \\u escape in a key', () => {
    const text = 'k\\uzz=1\n';
    assert.deepEqual(readProperties(text).problems[0].range, span(text, '\\uzz'));
  });
  it('binary text is not Kafka and has no entries', () => {
    const doc = analyzeProperties('producer.properties', 'acks=0\u0000\u0001\u0002');
    assert.equal(doc.isKafka, false);
    assert.equal(doc.groups.length, 0);
  });
  it('random bytes never throw', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 97);
    const alphabet = 'ab=:# \t\f\\\r\nu0!';
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let i = 0; i < 40; i++) s += alphabet[rnd() % alphabet.length];
      const f = readProperties(s);
      for (const p of f.pairs) {
        assert.ok(p.keyRange.start <= p.keyRange.end && p.valueRange.end <= s.length && p.lineRange.end <= s.length);
      }
    }
  });
  it('50,000 lines read in time linear in the lines: ten times the lines, not a hundred times the time', () => {
    const textOf = (n: number) => {
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(i % 10 === 0 ? `# comment ${i}` : `key.number.${i} = value-${i},\\u0041`);
      return lines.join('\n');
    };
    // An escape on every line is a worst case. Measured against a tenth of the file in the same run (best of
    // five in CPU time each), so that a slow or busy machine cannot fail it: linear reading gives about 10x,
    // a quadratic slip 100x.
    const cpu = (text: string, pairs: number) => {
      let best = Infinity;
      for (let r = 0; r < 5; r++) {
        const c0 = process.cpuUsage();
        const f = readProperties(text);
        const c = process.cpuUsage(c0);
        best = Math.min(best, (c.user + c.system) / 1000);
        assert.equal(f.pairs.length, pairs);
      }
      return best;
    };
    const tenth = cpu(textOf(5000), 4500);
    const whole = cpu(textOf(50000), 45000);
    assert.ok(whole < 30 * Math.max(tenth, 1), `readProperties: 50,000 lines took ${whole.toFixed(1)} ms of CPU, 5,000 lines ${tenth.toFixed(1)} ms`);
  });
});

describe('properties-reader: where dot-properties diverges from Java', () => {
  // These pin why the reader does not use dot-properties' parseLines: each row is a case where it gives a
  // different map than java.util.Properties (checked against Java in properties-java.test.ts).
  const value = (text: string, key: string) => {
    for (const n of parseLines(text, true)) if (n.type === 'PAIR' && (n as unknown as { key: string }).key === key) return (n as unknown as { value: string }).value;
    return undefined;
  };
  it('continuation over a CR-only break keeps the indentation in dot-properties', () => {
    const text = 'a=x,\\\r    y\r';
    assert.equal(value(text, 'a'), 'x,\r    y');
    assert.equal(mapOf(text).a, 'x,y');
  });
  it('a key continued over CRLF is cut in two by dot-properties', () => {
    const text = 'ke\\\r\n  y=v\r\n';
    assert.equal(value(text, 'key'), undefined);
    assert.deepEqual(mapOf(text), { key: 'v' });
  });
  it('a malformed \\u escape is kept as text by dot-properties', () => {
    assert.equal(value('k=\\uZZZZ\n', 'k'), 'uZZZZ');
    assert.equal(readProperties('k=\\uZZZZ\n').problems.length, 1);
  });
});

describe('properties-analyze: entries and edits', () => {
  it('one java group with entries, identity = key, removeRange = line', () => {
    const text = 'bootstrap.servers=localhost:9092\nacks=0\n';
    const doc = analyzeConfig('producer.properties', text);
    assert.equal(doc.kind, 'properties');
    assert.equal(doc.isKafka, true);
    assert.equal(doc.commentPrefix, '#');
    assert.equal(doc.groups.length, 1);
    const g = doc.groups[0];
    assert.equal(g.library, 'java');
    assert.deepEqual(g.roles, ['producer']);
    assert.deepEqual(g.anchor, { start: 0, end: 0 }, 'a key the file does not set belongs to the whole file');
    const acks = g.entries[1];
    assert.equal(acks.key, 'acks');
    assert.equal(acks.identity, 'acks');
    assert.equal(acks.role, 'producer');
    assert.equal(applyEdits(text, [{ range: acks.removeRange!, newText: '' }]), 'bootstrap.servers=localhost:9092\n');
  });
  const render: Array<[string, string, string, string]> = [
    ['plain', 'acks = 0\n', 'all', 'acks = all\n'],
    ['CRLF kept', 'a=1\r\nacks=0\r\nb=2\r\n', 'all', 'a=1\r\nacks=all\r\nb=2\r\n'],
    ['continued value replaced as a whole', 'acks=0\\\n  1\nb=2\n', 'all', 'acks=all\nb=2\n'],
    ['bare key gets a separator', 'acks\n', 'all', 'acks=all\n'],
    ['empty value', 'acks=\n', '-1', 'acks=-1\n'],
    ['leading space and backslash escaped', 'k=v\n', ' a\\b', 'k=\\ a\\\\b\n'],
    ['non-Latin-1 kept as is', 'k=v\n', 'é€', 'k=é€\n'],
  ];
  for (const [name, text, v, expected] of render) {
    it(`renderValue: ${name}`, () => {
      const entries = analyzeProperties('producer.properties', text).groups[0].entries;
      const e = entries[0].key === 'a' ? entries[1] : entries[0];
      const out = applyEdits(text, [{ range: e.valueRange, newText: e.renderValue!(v)! }]);
      assert.equal(out, expected);
      const k = e.key;
      assert.equal(mapOf(out)[k], v);
    });
  }
  const insert: Array<[string, string, string]> = [
    ['LF file', 'acks=all\n', 'acks=all\nenable.idempotence=true\n'],
    ['no final break', 'acks=all', 'acks=all\nenable.idempotence=true\n'],
    ['CRLF file', 'acks=all\r\n', 'acks=all\r\nenable.idempotence=true\r\n'],
    ['CR file', 'acks=all\r', 'acks=all\renable.idempotence=true\r'],
    ['empty file', '', 'enable.idempotence=true\n'],
    ['only a BOM', '\ufeff', '\ufeffenable.idempotence=true\n'],
    ['BOM and CRLF', '\ufeffacks=all\r\n', '\ufeffacks=all\r\nenable.idempotence=true\r\n'],
    ['ends inside a continuation without break', 'acks=all\\', 'acks=all\\\n\nenable.idempotence=true\n'],
    ['ends inside a continuation with break', 'acks=all\\\n', 'acks=all\\\n\nenable.idempotence=true\n'],
    ['ends with a comment', 'acks=all\n# end', 'acks=all\n# end\nenable.idempotence=true\n'],
  ];
  for (const [name, text, expected] of insert) {
    it(`insertEntry: ${name}`, () => {
      const g = analyzeProperties('producer.properties', text).groups[0];
      const out = applyEdits(text, [g.insertEntry!('enable.idempotence', 'true')!]);
      assert.equal(out, expected);
      assert.equal(mapOf(out)['enable.idempotence'], 'true');
      if (text.startsWith('acks')) assert.equal(mapOf(out).acks, 'all');
    });
  }
  it('insertEntry escapes a key that needs it', () => {
    const g = analyzeProperties('producer.properties', 'a=1\n').groups[0];
    const out = applyEdits('a=1\n', [g.insertEntry!('we ird:key', ' v')!]);
    assert.equal(out, 'a=1\nwe\\ ird\\:key=\\ v\n');
    assert.equal(mapOf(out)['we ird:key'], ' v');
  });
  it('a line with a malformed escape is left out and reported', () => {
    const doc = analyzeProperties('producer.properties', 'acks=\\u00zz\nretries=0\n');
    assert.deepEqual(doc.groups[0].entries.map((e) => e.key), ['retries']);
    assert.equal(doc.problems.length, 1);
  });
  it('the anchor is the start of the file, zero-width, after a byte-order mark', () => {
    assert.deepEqual(analyzeProperties('producer.properties', '# only a comment\n').groups[0].anchor, { start: 0, end: 0 });
    assert.deepEqual(analyzeProperties('producer.properties', '\ufeff# license\n\nacks=all\n').groups[0].anchor, { start: 1, end: 1 });
  });
});
