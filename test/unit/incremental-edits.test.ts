import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, releaseDocument } from '../../server/src/core/analyze';
import { blankComments, codeTopics } from '../../server/src/core/deployment/code-topics';
import { extractDeployment } from '../../server/src/core/deployment/extract';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument } from '../../server/src/core/model';
import { describeChange, hasTree } from '../../server/src/core/scanners/common/tree-sitter';
import { LineIndex } from '../../server/src/core/text';
import { seededRandom } from './seeded-random';

/**
 * The keystroke path is exactly the from-scratch path. A document edited in the editor is re-parsed
 * incrementally from its previous syntax tree (scanners/common/tree-sitter.ts), and the per-keystroke work
 * after it (the change between two texts, the line index, the comment blanking the deployment extract
 * reads topics through) takes shortcuts for speed. After every one of many random edits of real fixtures
 * (one character typed or deleted, line breaks joined, words and statements pasted, spans cut), the
 * findings with their fixes, the groups and the deployment extract of the incremental analysis must equal
 * those of a fresh analysis of the same text, and each shortcut must equal its plain character-by-character
 * definition.
 */

const CODE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'code');

/** Single characters a user types, the ones that change Java's structure among them. */
const CHARS = ['x', 'a', '0', '1', ' ', '\n', '"', "'", '(', ')', '{', '}', ';', ',', '.', '/', '*', '=', '_', '\\'];

/** Pasted snippets: Kafka calls and keys, comments opened and closed, strings and blocks. */
const SNIPPETS = [
  'producer.send(record);',
  'props.put(ProducerConfig.ACKS_CONFIG, "0");',
  'props.put("enable.auto.commit", "true");',
  'consumer.commitSync();',
  '"acks"',
  '// ',
  '/* ',
  ' */',
  '\n    }\n',
  'if (x) {',
  'new KafkaProducer<>(props)',
  '::send',
  'import org.apache.kafka.clients.producer.*;\n',
];

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly what: string;
}

/** One random edit of `text`: mostly one character typed or deleted, sometimes a line join, a paste or a cut. */
function randomEdit(text: string, next: () => number): Edit {
  const at = Math.floor(next() * (text.length + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const kind = next();
  if (kind < 0.35) return { start: at, end: at, text: pick(CHARS), what: 'type one character' };
  if (kind < 0.6) return { start: Math.max(0, at - 1), end: at, text: '', what: 'delete one character' };
  if (kind < 0.7) {
    const nl = text.indexOf('\n', at);
    if (nl >= 0) return { start: nl, end: nl + 1, text: '', what: 'join two lines' };
  }
  if (kind < 0.85) return { start: at, end: at, text: pick(SNIPPETS), what: 'paste' };
  if (kind < 0.95) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 40)), text: '', what: 'cut a span' };
  return { start: at, end: Math.min(text.length, at + Math.floor(next() * 10)), text: pick(SNIPPETS), what: 'replace a span' };
}

/** Everything a keystroke's analysis feeds the editor and the workspace model, as comparable JSON (fixes computed). */
function snapshot(document: AnalyzedDocument): string {
  const findings = lint(document);
  return JSON.stringify({
    kind: document.kind,
    isKafka: document.isKafka,
    groups: document.groups,
    problems: document.problems,
    findings,
    extract: extractDeployment(document, 'edited-file'),
  });
}

/** The change between two texts, computed one character at a time (the definition `describeChange` must keep). */
function plainChange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before[oldEnd - 1] === after[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** Comments blanked one character at a time: the definition `blankComments` must keep. */
function plainBlankComments(text: string, style: 'slash' | 'hash'): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const triple = style === 'hash' && text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n' && !triple && c !== '`') break;
        j++;
      }
      i = j + close.length;
    } else if ((style === 'hash' && c === '#') || (style === 'slash' && c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (style === 'slash' && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else i++;
  }
  return out.join('');
}

/** Line starts found one character at a time (`\n`, `\r\n`, lone `\r`). */
function plainLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** A Java service like the bench's keystroke case, shorter: business methods with a producer, sends and a consumer loop. */
function javaService(methods: number): string {
  const out = [
    'package com.example.orders;',
    'import java.util.*;',
    'import org.apache.kafka.clients.consumer.*;',
    'import org.apache.kafka.clients.producer.*;',
    'public class OrderService {',
    '    private final KafkaProducer<String, String> producer;',
    '    private final Map<String, String> cache = new HashMap<>();',
    '    public OrderService(String servers) {',
    '        Properties props = new Properties();',
    '        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);',
    '        props.put(ProducerConfig.ACKS_CONFIG, "1");',
    '        producer = new KafkaProducer<>(props);',
    '    }',
    '    void consume(KafkaConsumer<String, String> consumer) {',
    '        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));',
    '        consumer.commitSync();',
    '        for (ConsumerRecord<String, String> r : records) cache.put(r.key(), r.value());',
    '    }',
  ];
  for (let i = 0; i < methods; i++) {
    out.push(
      `    public List<String> summarize${i}(List<String> orders, String region) {`,
      '        for (String order : orders) { if (order == null) continue; cache.put(order, region); } // cached',
      '        return orders;',
      '    }',
    );
    if (i % 4 === 0) out.push(`    public void publish${i}(String order) {`, '        producer.send(new ProducerRecord<>("orders", order));', '    }');
  }
  out.push('}', '');
  return out.join('\n');
}

/** The client-code fixtures under one language folder (its sub-folders too), by path. */
function fixtures(language: string): { name: string; text: string }[] {
  const dir = join(CODE, language);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ name: file.slice(dir.length + 1), text: readFileSync(file, 'utf8') }));
}

const CASES: { name: string; text: string; edits: number }[] = [
  ...fixtures('java').map((f) => ({ ...f, edits: 40 })),
  { name: 'OrderService.java', text: javaService(24), edits: 60 },
  { name: 'crlf-producer.java', text: fixtures('java').find((f) => f.name.startsWith('producer-lossy'))!.text.replace(/\n/g, '\r\n'), edits: 30 },
  ...['python', 'go', 'typescript', 'javascript'].flatMap((language) => fixtures(language).slice(0, 3).map((f) => ({ ...f, edits: 15 }))),
];

describe('incremental analysis equals a fresh analysis after every edit', function () {
  this.timeout(120000);

  for (const [n, c] of CASES.entries()) {
    it(`${c.name}: ${c.edits} random edits (seed ${n + 1})`, async () => {
      const next = seededRandom(n + 1);
      const path = `/incremental/${n}/${c.name}`;
      let text = c.text;
      await analyze(path, text);
      try {
        for (let step = 0; step < c.edits; step++) {
          const edit = randomEdit(text, next);
          const before = text;
          text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
          const where = `step ${step}: ${edit.what} ${JSON.stringify(edit.text)} at ${edit.start}-${edit.end}`;

          const change = describeChange(before, text);
          assert.deepEqual({ start: change.startIndex, oldEnd: change.oldEndIndex, newEnd: change.newEndIndex }, plainChange(before, text), where);
          assert.deepEqual([...Array(new LineIndex(text).lineCount).keys()].map((l) => new LineIndex(text).lineStart(l)), plainLineStarts(text), where);
          for (const style of ['slash', 'hash'] as const) assert.equal(blankComments(text, style), plainBlankComments(text, style), `${where} (${style})`);

          const incremental = await analyze(path, text);
          const freshPath = `/fresh/${n}/${step}/${c.name}`;
          const fresh = await analyze(freshPath, text);
          releaseDocument(freshPath);
          assert.equal(snapshot(incremental), snapshot(fresh), where);
          assert.deepEqual(codeTopics(incremental.kind, text), codeTopics(fresh.kind, text), where);
        }
      } finally {
        releaseDocument(path);
      }
    });
  }

  it('keeps the syntax tree between edits (the path above is the incremental one)', async () => {
    const path = '/incremental/kept/OrderService.java';
    const text = javaService(2);
    await analyze(path, text);
    assert.ok(hasTree(path));
    await analyze(path, text.replace('"orders"', '"ordersx"'));
    assert.ok(hasTree(path));
    releaseDocument(path);
  });
});
