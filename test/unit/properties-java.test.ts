import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readProperties } from '../../server/src/core/properties/reader';

/**
 * Differential test: our reader against `java.util.Properties.load(Reader)` itself, over hand-written tricky
 * files and a few hundred generated ones. Needs `javac` and `java` (Java 17, as on CI).
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const JAVA_SRC = join(ROOT, 'test', 'java', 'PropsDump.java');
const JAVA_OUT = join(ROOT, 'out', 'test', 'java');
const FIXTURES = join(ROOT, 'out', 'test', 'properties-java-fixtures');

const TRICKY: Record<string, string> = {
  'plain.properties': 'bootstrap.servers=localhost:9092\nacks=all\n',
  'separators.properties': 'a = = x\nb:=y\nc \t:z\nd\t\t w\ne\nf=\n=g\n:h\n',
  'whitespace.properties': '   k =  v  \n\t\fm\f=\fn\n',
  'comments.properties': '# a=1\n! b=2\n   # c=3\nd=4 # not a comment\n#\\\ne=5\n',
  'duplicates.properties': 'acks=0\nacks=1\nacks=all\n',
  'escapes.properties': 'k\\ey\\:x=a\\tb\\nc\\\\d\\q\\r\\f\\=\\:\\ \na\\ b\\=c=d\n\\#notcomment=1\n',
  'unicode.properties': 'k=\\u0041\\u00e9\\u20AC\\uD83D\\uDE00\nraw=é€😀\n\\u0061cks=0\n',
  'crlf.properties': 'a=1\r\nb=2\r\n\r\nc=x,\\\r\n    y\r\n',
  'cr.properties': 'a=1\rb=2\r\rc=x,\\\r    y\rd=\\\r\r',
  'mixed-breaks.properties': 'a=1\r\nb=2\nc=3\rd=4\n\re=5',
  'continuation.properties': 'a=x,\\\n    y,\\\n\t\fz\nb=1\\\n\nc=2\\\\\nd=3\\\\\\\n  4\n',
  'continued-key.properties': 'ke\\\n  y=v\nke\\\r\n  y2=v\nke\\\r  y3=v\n',
  'continued-separator.properties': 'k\\\n  =v\nm \\\n  : w\n',
  'comment-after-continuation.properties': 'a=1\\\n  #2\nb=1\\\n  !2\n',
  'lone-backslash.properties': '\\\n#c=3\n\\\nd=4\n  \\\n   e=5\n',
  'trailing-backslash.properties': 'a=1\nb=2\\',
  'trailing-backslash-break.properties': 'a=1\nb=2\\\n',
  'trailing-backslash-blank.properties': 'a=1\nb=2\\\n   ',
  'half-typed.properties': 'acks=all\nenable.',
  'empty.properties': '',
  'only-comments.properties': '# one\n! two',
  'bom.properties': '\ufeffacks=0\n',
  'unicode-continued.properties': 'k=\\u00\\\n  41\n',
  'malformed-u.properties': 'a=1\nb=x\\u12G4y\nc=3\n',
  'short-u.properties': 'k=\\u00\n',
  'malformed-u-key.properties': 'k\\uzz=1\n',
};

/** Generated files: random mixes of the characters that matter to the format. */
function generated(count: number): Record<string, string> {
  const alphabet = ['a', 'b', '=', ':', ' ', '\t', '\f', '#', '!', '\\', '\\', '\r', '\n', '\r\n', 'u', '0', '4', '1', 'é', '\\u0041', '\\\n  ', '\\\r\n '];
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const out: Record<string, string> = {};
  for (let f = 0; f < count; f++) {
    let s = '';
    const len = 5 + rnd(40);
    for (let i = 0; i < len; i++) s += alphabet[rnd(alphabet.length)];
    out[`gen-${f}.properties`] = s;
  }
  return out;
}

/** Ours, in the shape PropsDump prints. */
function ours(text: string): Record<string, string> | { $error: true } {
  const file = readProperties(text);
  if (file.problems.length > 0) return { $error: true };
  const map: Record<string, string> = {};
  for (const p of file.pairs) map[p.key] = p.value;
  return map;
}

function javaMaps(files: Record<string, string>): Record<string, Record<string, string>> {
  rmSync(FIXTURES, { recursive: true, force: true });
  mkdirSync(FIXTURES, { recursive: true });
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const p = join(FIXTURES, name);
    writeFileSync(p, text, 'utf8');
    paths.push(p);
  }
  const json = execFileSync('java', ['-cp', JAVA_OUT, 'PropsDump', ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(json) as Record<string, Record<string, string>>;
}

describe('properties-java: our reader equals java.util.Properties.load', function () {
  this.timeout(120000);
  const files = { ...TRICKY, ...generated(400) };
  let java: Record<string, Record<string, string>> = {};

  before(() => {
    try {
      mkdirSync(JAVA_OUT, { recursive: true });
      execFileSync('javac', ['-d', JAVA_OUT, JAVA_SRC], { stdio: 'pipe' });
    } catch (err) {
      throw new Error(`This test needs a JDK (javac and java 17 on PATH) to compile test/java/PropsDump.java: ${(err as Error).message}`);
    }
    java = javaMaps(files);
  });

  for (const name of Object.keys(TRICKY)) {
    it(name, () => {
      const expected = java[name];
      assert.ok(expected, `Java printed nothing for ${name}`);
      const actual = ours(TRICKY[name]);
      if ('$error' in expected) assert.deepEqual(actual, { $error: true }, `Java rejects ${name}: ${expected.$error}`);
      else assert.deepEqual(actual, expected);
    });
  }

  it('400 generated files', () => {
    const mismatches: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      if (!name.startsWith('gen-')) continue;
      const expected = java[name];
      const actual = ours(text);
      const same = '$error' in expected ? '$error' in actual : JSON.stringify(sortKeys(actual)) === JSON.stringify(sortKeys(expected));
      if (!same) mismatches.push(`${JSON.stringify(text)}: java ${JSON.stringify(expected)} ours ${JSON.stringify(actual)}`);
    }
    assert.deepEqual(mismatches.slice(0, 5), []);
  });
});

function sortKeys(o: object): Array<[string, unknown]> {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
