import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { hoverAt } from '../../server/src/core/hover';
import { lint } from '../../server/src/core/lint';
import { extractDeployment } from '../../server/src/core/deployment/extract';
import type { DeploymentFile } from '../../server/src/core/deployment/extract';
import { buildDeployment } from '../../server/src/core/deployment/model';
import { lintDeployment } from '../../server/src/core/deployment/lint';
import type { AnalyzedDocument, Edit, Finding, Range } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import type { LintOptions } from '../../server/src/core/options';
import { seededRandom } from './seeded-random';

/**
 * Cross-cutting robustness suite: every example and fixture, synthetic hostile inputs and seeded
 * mutations of the corpus go through analyze → lint → fixes → fix-all → hover → completion, under every path
 * that could plausibly hold them. Each case must not throw, must finish within its budget, and must keep every
 * range (model, findings, related, edits, hover, completion) inside the text and every fix inside its span.
 * Softer expectations (a preferred fix removes its finding, fix-all adds no duplicate key or parse problem,
 * edits keep the file's line breaks, completion ranges hold the caret) are printed, not failed.
 * After every hostile case the analyzer must still read a set of canary files as before (no state leaks).
 *
 * The cases run in worker threads (this same file, loaded with `isMainThread === false`), so that a case
 * stuck in synchronous code is terminated and reported as a hang instead of freezing mocha.
 * Everything is deterministic: texts and sampled offsets come from a seeded PRNG.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SEED = 0x6b61666b; // "kafk"

/**
 * Paths under which any text may be opened, one per reader / scanner / grammar. `name|languageId` is an
 * editor buffer whose name says nothing (an untitled file) and whose language id picks the reader.
 */
const ALL_PATHS = [
  'producer.properties',
  'application.properties',
  'application.yml',
  'Foo.java',
  'a.ts',
  'a.tsx',
  'a.js',
  'a.jsx',
  'a.py',
  'a.go',
  // Deployment formats: compose, Strimzi (YAML whose text declares kafka.strimzi.io), Connect JSON.
  'docker-compose.yml',
  'k8s/kafka.yaml',
  'connectors/sink.json',
  'Untitled-1|kafka-properties',
  'Untitled-1|yaml',
  'Untitled-1|javascriptreact',
  'Untitled-1|typescriptreact',
  // Odd spellings a caller may pass: a URI, a Windows path in capitals, a bare extension, nothing.
  'file:///work/my%20app/Producer.PROPERTIES',
  'C:\\work\\APPLICATION-PROD.YML',
  '.properties',
  '',
] as const;

/** Splits `name|languageId`. */
const pathAndLanguage = (p: string): [string, string | undefined] => {
  const bar = p.indexOf('|');
  return bar < 0 ? [p, undefined] : [p.slice(0, bar), p.slice(bar + 1)];
};

/** Lint options: today's defaults, and an old Kafka whose defaults trigger the "unset key" rules and their insert fixes. */
const OPTION_SETS: readonly LintOptions[] = [DEFAULT_OPTIONS, { kafkaVersion: '2.0', rules: {}, locale: 'en' }];

/** Lines that make each code scanner treat a text as Kafka client code (so it does its full work). */
const KAFKA_HEADER: Readonly<Record<string, string>> = {
  java: 'import org.apache.kafka.clients.producer.KafkaProducer;\n',
  ts: "import { Kafka } from 'kafkajs';\n",
  js: "const { Kafka } = require('kafkajs');\n",
  py: 'from kafka import KafkaProducer\n',
  go: 'package a\n\nimport "github.com/IBM/sarama"\n\n',
};

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** A stable 32-bit hash of a string (FNV-1a), to derive one PRNG per case from its id. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const rngFor = (id: string): (() => number) => seededRandom(SEED ^ hash(id));
const intBelow = (rnd: () => number, n: number): number => Math.floor(rnd() * n);

/** `count` distinct sorted offsets in [0, length], always including both ends. */
function sampleOffsets(rnd: () => number, length: number, count: number, interesting: readonly number[] = []): number[] {
  const set = new Set<number>([0, length]);
  for (const o of interesting) if (set.size < count / 2 && o >= 0 && o <= length) set.add(o);
  for (let tries = 0; set.size < Math.min(count, length + 1) && tries < count * 4; tries++) set.add(intBelow(rnd, length + 1));
  return [...set].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

/** One input text and the paths to open it under. */
interface Case {
  readonly id: string;
  /** The mocha test that reports this case (one per corpus file, one per synthetic input). */
  readonly test: string;
  readonly paths: readonly string[];
  /** Time allowed for analyze + lint of one path. */
  readonly budgetMs: number;
  /** Hover and completion offsets to sample (0 to skip). */
  readonly probes: number;
  /** True for the files that must never get a finding (under their own path). */
  readonly nonKafka?: boolean;
  readonly text: () => string;
}

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** The path a corpus file is opened under by default: its own name (a Spring name stays a Spring name). */
function ownPath(file: string): string {
  return basename(file);
}

/** Extra paths worth trying for a mutated corpus file of this extension. */
function pathsFor(file: string): string[] {
  const name = ownPath(file);
  if (name.endsWith('.properties')) return /^application/.test(name) ? [name, 'producer.properties'] : [name, 'application.properties'];
  return [name];
}

/** Random bytes decoded as `encoding`. */
function randomText(id: string, bytes: number, encoding: 'utf8' | 'latin1'): string {
  const rnd = rngFor(id);
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = intBelow(rnd, 256);
  return buf.toString(encoding);
}

const repeatLines = (n: number, line: (i: number) => string, eol = '\n'): string => Array.from({ length: n }, (_, i) => line(i)).join(eol) + eol;

/** A 50,000-line properties file: comments, blanks, known keys (duplicated), continuations, escapes. */
function bigProperties(unknownKeys: boolean): string {
  const known = ['acks', 'retries', 'linger.ms', 'batch.size', 'enable.idempotence', 'compression.type', 'client.id', 'max.in.flight.requests.per.connection'];
  const values = ['0', '1', 'all', 'true', 'false', 'lz4', '5', '-1', ''];
  return repeatLines(50_000, (i) => {
    if (i % 10 === 0) return `# section ${i}`;
    if (i % 17 === 0) return '';
    if (i % 23 === 0) return `client.id=line-${i}-\\`;
    if (unknownKeys && i % 3 === 0) return `app.topic.orders-${i}.retention=${i}`;
    return `${known[i % known.length]}=${values[i % values.length]}`;
  });
}

/** A 20,000-line Spring YAML file: kafka sections, lists, block scalars, anchors. */
function bigYaml(): string {
  const lines: string[] = ['spring:', '  kafka:', '    producer:', '      acks: 0', '      retries: 0', '    consumer:', '      enable-auto-commit: true'];
  for (let i = 0; lines.length < 20_000; i++) {
    lines.push(`app${i}:`, `  name: service-${i}`, `  tags: [a, b, "c${i}"]`, '  notes: |', `    line one ${i}`, '    line two', `  ref: &r${i} {x: ${i}}`, `  copy: *r${i}`, '  list:', `    - ${i}`);
  }
  return lines.join('\n') + '\n';
}

/** `depth` nested brackets inside a Kafka client file of language `lang`. */
function nested(lang: 'java' | 'ts' | 'js' | 'go' | 'py', depth: number, closed: boolean): string {
  const open = (s: string) => s.repeat(depth);
  const expr = `${open('(')}1${closed ? ')'.repeat(depth) : ''}`;
  const arr = `${open('[')}1${closed ? ']'.repeat(depth) : ''}`;
  switch (lang) {
    case 'java':
      return `${KAFKA_HEADER.java}class A {\n  void f(KafkaProducer<String, String> p) {\n    int x = ${expr};\n    ${open('{')}${closed ? '}'.repeat(depth) : ''}\n    p.send(null);\n  }\n}\n`;
    case 'ts':
    case 'js':
      return `${KAFKA_HEADER[lang]}const producer = new Kafka({ brokers: [] }).producer({ acks: 0 });\nconst x = ${expr};\nconst y = ${arr};\nconst z = ${open('{a:')}1${closed ? '}'.repeat(depth) : ''};\nproducer.send({ topic: 't', messages: [] });\n`;
    case 'go':
      return `${KAFKA_HEADER.go}func f() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\tx := ${expr}\n\t_ = x\n\t${open('{')}${closed ? '}'.repeat(depth) : ''}\n}\n`;
    case 'py':
      return `${KAFKA_HEADER.py}p = KafkaProducer(acks=0)\nx = ${expr}\ny = ${arr}\np.send("t", b"v")\n`;
  }
}

/** Unterminated strings, comments and brackets per code language, each as a Kafka client file. */
const UNTERMINATED: Readonly<Record<string, readonly string[]>> = {
  java: [
    'class A { void f(KafkaProducer p) { p.send(new ProducerRecord<>("t", "unterminated',
    'class A { /* unterminated comment p.send(r);',
    'class A { void f() { props.put(ProducerConfig.ACKS_CONFIG, "0"); String s = """\n text block',
    'class A { void f() { props.put("acks", \'0',
    'class A { void f() { props.put(ProducerConfig.ACKS_CONFIG, "0"',
    '@KafkaListener(topics = {"a", ',
  ],
  ts: [
    "const p = new Kafka({ brokers: ['a'] }).producer();\np.send({ topic: 'unterminated",
    'const p = new Kafka({}).producer(); /* unterminated',
    'const p = new Kafka({}).producer(); const s = `template ${p.send({ topic: "t"',
    'const c = kafka.consumer({ groupId: "g", autoCommit: true',
    'type T = { a: string\nconst p = new Kafka({}).producer(',
    'const re = /unterminated[regex',
  ],
  js: [
    "const p = new Kafka({ brokers: ['a'] }).producer();\np.send({ topic: 'unterminated",
    'const p = new Kafka({}).producer(); /* unterminated',
    'const p = new Kafka({}).producer(); const s = `template ${p.send({ topic: "t"',
    'const c = kafka.consumer({ groupId: "g", autoCommit: true',
    '<div>{p.send(</div>',
  ],
  py: [
    'p = KafkaProducer(acks=0)\np.send("t", b"unterminated',
    'p = KafkaProducer(acks=0)\ns = """unterminated\np.send("t", b"v")',
    "p = KafkaProducer(acks=0, retries=[0, (1, {'a': ",
    'def f(:\n    p.send(',
    'c = Consumer({"enable.auto.commit": True, "group.id": "g"',
    "\tp = KafkaProducer(acks='all')\n  p.send('t')\n\t\tx = (",
  ],
  go: [
    'func f() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\ts := "unterminated',
    'func f() {\n\t/* unterminated comment',
    'func f() {\n\ts := `raw unterminated',
    'func f() {\n\tw := &kafka.Writer{RequiredAcks: kafka.RequireNone,',
    "func f() {\n\tc := '",
    'func f(p sarama.SyncProducer) {\n\tp.SendMessage(&sarama.ProducerMessage{Topic: "t"',
  ],
};

const PROPERTIES_SNIPPETS: readonly [string, string][] = [
  ['trailing-backslash-eof', 'acks=0\nretries=5\\'],
  ['trailing-backslash-eof-crlf', 'acks=0\r\nretries=5\\\r\n'],
  ['double-backslash-eof', 'acks=0\\\\'],
  ['cut-unicode-escape-1', 'acks=\\u'],
  ['cut-unicode-escape-2', 'acks=\\u00'],
  ['cut-unicode-escape-3', 'acks=\\u003'],
  ['cut-unicode-escape-key', '\\u006'],
  ['bad-unicode-escape', 'acks=\\uZZZZ\nretries=0'],
  ['keys-without-values', 'acks\nretries\nenable.idempotence=\nlinger.ms:\nbatch.size \n'],
  ['half-typed-lines', 'ac\nacks=\nacks=al\nretries=-\nenable.auto.commit=tr\nspring.kafka.producer.'],
  ['separators-only', '=\n:\n = \n\\=\n\\:\n='],
  ['tabs-and-form-feeds', '\tacks\t=\t0\n\fretries\f:\f0\n \t\f# comment\n\f\f\n'],
  ['continuation-chain', 'acks=\\\n  \\\n  \\\n  0\n'],
  ['lone-cr', 'acks=0\rretries=0\renable.idempotence=false\r'],
  ['mixed-eol', 'acks=0\r\nretries=0\renable.idempotence=false\n\n\r\r\nlinger.ms=5'],
  ['comment-continuation', '# comment \\\nacks=0\n! other \\\nretries=0'],
  ['duplicate-keys', 'acks=0\nacks=1\nacks=all\nacks=0\n'],
  ['unicode-keys', 'ácks=0\n\u{1F600}=1\nacks=\u{1F600}\n'],
];

const YAML_SNIPPETS: readonly [string, string][] = [
  ['yaml-tabs', 'spring:\n\tkafka:\n\t\tproducer:\n\t\t\tacks: 0\n'],
  ['yaml-unterminated-quote', 'spring:\n  kafka:\n    producer:\n      acks: "0\n'],
  ['yaml-unterminated-flow', 'spring:\n  kafka: {producer: {acks: 0, retries: [1, 2\n'],
  ['yaml-keys-without-values', 'spring:\n  kafka:\n    producer:\n      acks:\n      retries:\n'],
  ['yaml-half-typed', 'spring:\n  kafka:\n    prod'],
  ['yaml-multi-doc', 'spring:\n  kafka:\n    producer:\n      acks: 0\n---\nspring:\n  kafka:\n    producer:\n      acks: 0\n...\n---\n'],
  ['yaml-anchors', 'base: &b\n  acks: 0\nspring:\n  kafka:\n    producer:\n      <<: *b\n      properties: *b\n'],
  ['yaml-alias-cycle', 'a: &a [*a]\nspring: {kafka: {producer: {acks: *a}}}\n'],
  ['yaml-bad-indent', 'spring:\n  kafka:\n   producer:\n     acks: 0\n  consumer:\n      enable-auto-commit: true\n'],
  ['yaml-crlf', 'spring:\r\n  kafka:\r\n    producer:\r\n      acks: 0\r\n'],
  ['yaml-lone-cr', 'spring:\r  kafka:\r    producer:\r      acks: 0\r'],
  ['yaml-block-scalar', 'spring:\n  kafka:\n    producer:\n      acks: |\n        0\n      retries: >-\n'],
  ['yaml-dotted-keys', 'spring.kafka.producer.acks: 0\nspring:\n  kafka.consumer.enable-auto-commit: true\n'],
  ['yaml-key-at-eof', 'spring:\n  kafka:\n    bootstrap-servers: a\n    client-id'],
  ['yaml-comment-only', '# spring:\n#   kafka:\n'],
  ['yaml-directive', '%YAML 1.2\n%TAG ! tag:x,2026:\n---\nspring: {kafka: {producer: {acks: !int 0}}}\n'],
];

/** Every synthetic input: hostile bytes, huge files, cut escapes, unterminated code. */
function syntheticCases(): Case[] {
  const cases: Case[] = [];
  const everywhere = (id: string, text: () => string, budgetMs = 2000, probes = 30): void => {
    cases.push({ id: `synthetic/${id}`, test: `synthetic: ${id}`, paths: ALL_PATHS, budgetMs, probes, text });
  };
  everywhere('empty', () => '');
  everywhere('bom-only', () => '\uFEFF');
  everywhere('bom-then-acks', () => '\uFEFFacks=0\n');
  everywhere('nul-bytes', () => '\0'.repeat(64) + 'acks=0\0\n\0retries=0');
  everywhere('random-bytes-utf8', () => randomText('utf8', 64 * 1024, 'utf8'), 4000, 30);
  everywhere('random-bytes-latin1', () => randomText('latin1', 64 * 1024, 'latin1'), 4000, 30);
  everywhere('lone-surrogates', () => 'acks=\uD800\nretries=\uDC00\n\uD83D=\uDE00\n\uDFFF\uD800');
  everywhere('crlf-lone-cr-mixed', () => 'acks=0\r\nretries=0\rlinger.ms=1\n\r\n\r\rbatch.size=1\r');
  everywhere('tabs-form-feeds', () => '\t\f\v\u00a0\u2028\u2029acks\t=\f0\u2028retries=0\u2029\n');
  everywhere('only-newlines', () => '\n'.repeat(1000) + '\r'.repeat(1000) + '\r\n'.repeat(1000));
  // Huge inputs: one path per reader / scanner (the odd spellings add nothing here but time).
  const MAIN_PATHS = ['producer.properties', 'application.properties', 'application.yml', 'Foo.java', 'a.tsx', 'a.js', 'a.py', 'a.go'];
  cases.push({ id: 'synthetic/long-line-1mb', test: 'synthetic: long-line-1mb', paths: MAIN_PATHS, budgetMs: 6000, probes: 8, text: () => 'acks=' + 'a'.repeat(1 << 20) });
  cases.push({ id: 'synthetic/long-line-1mb-no-separator', test: 'synthetic: long-line-1mb-no-separator', paths: MAIN_PATHS, budgetMs: 6000, probes: 8, text: () => 'x'.repeat(1 << 20) });
  for (const [lang, header] of Object.entries(KAFKA_HEADER)) {
    cases.push({
      id: `synthetic/long-line-1mb-kafka-${lang}`,
      test: `synthetic: 1 MB single line in a Kafka ${lang} file`,
      paths: [lang === 'java' ? 'Foo.java' : `a.${lang}`],
      budgetMs: 6000,
      probes: 8,
      text: () => `${header}${lang === 'go' ? 'var s = "' : lang === 'java' ? 'class A { String s = "' : 'const s = "'}${'x'.repeat(1 << 20)}"`,
    });
  }
  cases.push({ id: 'synthetic/properties-50000-lines', test: 'synthetic: 50,000-line properties file (known keys)', paths: ['consumer.properties'], budgetMs: 15_000, probes: 10, text: () => bigProperties(false) });
  cases.push({ id: 'synthetic/properties-50000-lines-unknown', test: 'synthetic: 50,000-line properties file (a third unknown keys)', paths: ['producer.properties'], budgetMs: 15_000, probes: 10, text: () => bigProperties(true) });
  cases.push({ id: 'synthetic/yaml-20000-lines', test: 'synthetic: 20,000-line YAML file', paths: ['application.yml', 'docker-compose.yml'], budgetMs: 10_000, probes: 10, text: bigYaml });
  for (const [id, text] of PROPERTIES_SNIPPETS) {
    cases.push({ id: `synthetic/${id}`, test: `synthetic: properties ${id}`, paths: ['producer.properties', 'application.properties', 'consumer.properties'], budgetMs: 2000, probes: 30, text: () => text });
  }
  for (const [id, text] of YAML_SNIPPETS) {
    cases.push({ id: `synthetic/${id}`, test: `synthetic: ${id}`, paths: ['application.yml', 'application-prod.yaml'], budgetMs: 2000, probes: 30, text: () => text });
  }
  for (const [lang, snippets] of Object.entries(UNTERMINATED)) {
    const path = lang === 'java' ? 'Foo.java' : `a.${lang}`;
    snippets.forEach((snippet, i) => {
      cases.push({ id: `synthetic/unterminated-${lang}-${i}`, test: `synthetic: unterminated ${lang} #${i}`, paths: [path], budgetMs: 2000, probes: 30, text: () => KAFKA_HEADER[lang] + snippet });
    });
  }
  // Nested functions and blocks (scopes, not just brackets), with the Kafka call in the innermost one.
  const deepCode: Readonly<Record<string, (n: number) => string>> = {
    java: (n) => `${KAFKA_HEADER.java}class A { void f(KafkaProducer<String, String> producer) {\n${'Runnable r = () -> {\n'.repeat(n)}producer.send(null);\n${'};\n'.repeat(n)}} }\n`,
    ts: (n) => `${KAFKA_HEADER.ts}const producer = new Kafka({ brokers: [] }).producer();\n${'const f = () => {\n'.repeat(n)}producer.send({ topic: 't', messages: [] });\n${'};\n'.repeat(n)}`,
    js: (n) => `${KAFKA_HEADER.js}const producer = new Kafka({ brokers: [] }).producer();\n${'function f() {\n'.repeat(n)}producer.send({ topic: 't', messages: [] });\n${'}\n'.repeat(n)}`,
    go: (n) => `${KAFKA_HEADER.go}func f(p sarama.AsyncProducer) {\n${'func() {\n'.repeat(n)}p.Close()\n${'}()\n'.repeat(n)}}\n`,
    py: (n) => `${KAFKA_HEADER.py}p = KafkaProducer(acks=0)\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}def f():\n`).join('')}${' '.repeat(n)}p.send("t", b"v")\n`,
  };
  cases.push({
    id: 'synthetic/nested-template-5000-ts',
    test: 'synthetic: 5,000 nested template literals in TypeScript',
    paths: ['a.ts'],
    budgetMs: 4000,
    probes: 10,
    text: () => `${KAFKA_HEADER.ts}const s = ${'`a${'.repeat(5000)}1${'}b`'.repeat(5000)};\n`,
  });
  cases.push({
    id: 'synthetic/nested-jsx-5000-tsx',
    test: 'synthetic: 5,000 nested JSX elements in TSX',
    paths: ['a.tsx', 'a.jsx'],
    budgetMs: 4000,
    probes: 10,
    text: () => `${KAFKA_HEADER.ts}const e = ${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)};\n`,
  });
  for (const [lang, make] of Object.entries(deepCode)) {
    const path = lang === 'java' ? 'Foo.java' : `a.${lang}`;
    for (const depth of lang === 'py' ? [300, 1000] : [3000]) {
      cases.push({ id: `synthetic/nested-scopes-${depth}-${lang}`, test: `synthetic: ${depth} nested functions in ${lang}`, paths: [path], budgetMs: 4000, probes: 10, text: () => make(depth) });
    }
  }
  for (const lang of ['java', 'ts', 'js', 'go', 'py'] as const) {
    const path = lang === 'java' ? 'Foo.java' : `a.${lang}`;
    for (const closed of [true, false]) {
      cases.push({
        id: `synthetic/nested-10000-${lang}-${closed ? 'closed' : 'open'}`,
        test: `synthetic: 10,000 nested brackets in ${lang} (${closed ? 'closed' : 'unclosed'})`,
        paths: [path],
        budgetMs: 4000,
        probes: 10,
        text: () => nested(lang, 10_000, closed),
      });
    }
  }
  return cases;
}

/** Offsets right after characters where a cut or an edit is most likely to confuse a reader. */
function interestingOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length && out.length < 200; i++) if ('=:"\'`\\({[/#\n\r$'.includes(text[i])) out.push(i + 1);
  return out;
}

const INSERTIONS = ['"', "'", '`', '\\', '\n', '\r', '=', ':', '#', '{', '}', '(', ')', '[', ']', '\0', '\uD800', '\t', ' ', '-', '*', '/', '\u00e9'];

/** The corpus (examples/ and test/fixtures/) and, per file, its seeded mutations. */
function corpusCases(): Case[] {
  const files = [...filesUnder(join(ROOT, 'examples')), ...filesUnder(join(ROOT, 'test', 'fixtures'))];
  const cases: Case[] = [];
  for (const file of files) {
    const rel = relative(ROOT, file);
    const test = `corpus: ${rel}`;
    const nonKafka = rel.startsWith('test/fixtures/robustness/non-kafka/') || /(^|\/)not-kafka[^/]*$/.test(rel);
    const read = (): string => readFileSync(file, 'utf8');
    const own = pathsFor(file);
    cases.push({ id: `${rel}#original`, test, paths: [...new Set([...own, ...ALL_PATHS])], budgetMs: 2000, probes: 30, nonKafka, text: read });
    // Truncations: half at characters that open or end something, half anywhere.
    const original = read();
    const cuts = sampleOffsets(rngFor(`${rel}#cuts`), original.length, 50, pick(rngFor(`${rel}#icuts`), interestingOffsets(original), 25));
    for (const at of cuts) cases.push({ id: `${rel}#cut@${at}`, test, paths: own, budgetMs: 2000, probes: 4, text: () => read().slice(0, at) });
    const rnd = rngFor(`${rel}#edits`);
    for (let i = 0; i < 10; i++) {
      const at = intBelow(rnd, Math.max(1, original.length));
      cases.push({ id: `${rel}#delete@${at}`, test, paths: own, budgetMs: 2000, probes: 4, text: () => read().slice(0, at) + read().slice(at + 1) });
    }
    for (let i = 0; i < 10; i++) {
      const at = intBelow(rnd, original.length + 1);
      const ch = INSERTIONS[intBelow(rnd, INSERTIONS.length)];
      cases.push({ id: `${rel}#insert@${at}:${JSON.stringify(ch)}`, test, paths: own, budgetMs: 2000, probes: 4, text: () => read().slice(0, at) + ch + read().slice(at) });
    }
    // Line-level edits: a duplicated line (duplicate keys, repeated sends), a deleted line, two lines joined.
    const lineCount = original.split('\n').length;
    for (let i = 0; i < 4; i++) {
      const at = intBelow(rnd, lineCount);
      const lines = (): string[] => read().split('\n');
      cases.push({ id: `${rel}#dup-line@${at}`, test, paths: own, budgetMs: 2000, probes: 4, text: () => lines().flatMap((l, j) => (j === at ? [l, l] : [l])).join('\n') });
      cases.push({ id: `${rel}#drop-line@${at}`, test, paths: own, budgetMs: 2000, probes: 4, text: () => lines().filter((_, j) => j !== at).join('\n') });
      cases.push({ id: `${rel}#join-line@${at}`, test, paths: own, budgetMs: 2000, probes: 4, text: () => lines().reduce((acc, l, j) => (j === 0 ? l : acc + (j === at ? '' : '\n') + l), '') });
    }
    const crlf = (): string => read().replace(/\r?\n/g, '\r\n');
    cases.push({ id: `${rel}#crlf`, test, paths: own, budgetMs: 2000, probes: 30, text: crlf });
    cases.push({ id: `${rel}#cr`, test, paths: own, budgetMs: 2000, probes: 30, text: () => crlf().replace(/\r\n/g, '\r') });
    cases.push({
      id: `${rel}#mixed-eol`,
      test,
      paths: own,
      budgetMs: 2000,
      probes: 10,
      text: () => read().split('\n').reduce((acc, line, i) => (i === 0 ? line : acc + ['\n', '\r\n', '\r'][i % 3] + line), ''),
    });
  }
  return cases;
}

/** Up to `n` elements of `xs`, sampled without replacement. */
function pick<T>(rnd: () => number, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(intBelow(rnd, copy.length), 1)[0]);
  return out;
}

/** The whole table, in a fixed order (the main thread and the workers build the same one). */
function allCases(): Case[] {
  return [...syntheticCases(), ...corpusCases()];
}

// ---------------------------------------------------------------------------------------------------------
// Checks

/** One broken contract in one run. `soft` ones are reported but do not fail the suite. */
interface Violation {
  readonly caseId: string;
  readonly path: string;
  readonly what: string;
  readonly soft?: boolean;
}

interface CaseResult {
  readonly index: number;
  readonly worstMs: number;
  readonly worstPath: string;
  /** Wall time of the whole case, checks included. */
  readonly totalMs: number;
  /** True when the analyzer no longer reads the canary files right after this case: the worker is replaced. */
  readonly poisoned?: boolean;
  readonly violations: readonly Violation[];
}

function badRange(r: Range | undefined, length: number): string | undefined {
  if (!r) return 'missing range';
  if (!Number.isInteger(r.start) || !Number.isInteger(r.end)) return `non-integer range [${r.start},${r.end})`;
  if (r.start < 0 || r.end > length || r.start > r.end) return `range [${r.start},${r.end}) outside [0,${length}] or reversed`;
  return undefined;
}

/** True when `offset` falls between the two halves of a CRLF or of a surrogate pair. */
function splitsPair(text: string, offset: number): string | undefined {
  if (offset <= 0 || offset >= text.length) return undefined;
  if (text[offset - 1] === '\r' && text[offset] === '\n') return 'a CRLF';
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) return 'a surrogate pair';
  return undefined;
}

/** `LF`, `CRLF` or `CR` when every line break of `text` is of that one kind; undefined for none or a mix. */
function lineBreakStyle(text: string): 'LF' | 'CRLF' | 'CR' | undefined {
  const kinds = new Set((text.match(/\r\n|\r|\n/g) ?? []).map((b) => (b === '\r\n' ? 'CRLF' : b === '\r' ? 'CR' : 'LF')));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** Flags user-facing text that shows a JavaScript value instead of words (`undefined`, `NaN`, `[object Object]`), unless the file itself says it. */
const GARBLED = ['undefined', 'NaN', '[object Object]'].map((word) => ({ word, re: new RegExp(`(^|[^\\w.])${word.replace(/[[\]]/g, '\\$&')}($|[^\\w])`) }));
function garbled(where: string, shown: string, text: string, bad: (what: string, soft?: boolean) => void): void {
  for (const { word, re } of GARBLED) {
    if (re.test(shown) && !text.includes(word)) bad(`${where} shows "${word}": ${JSON.stringify(shown.slice(0, 160))}`);
  }
}

const describeEdit = (e: Edit): string => `[${e.range.start},${e.range.end})→${JSON.stringify(e.newText).slice(0, 60)}`;

/** Checks a fix's edits: in range, not overlapping, not splitting pairs, and applying them changes only their spans. */
function checkEdits(text: string, edits: readonly Edit[], where: string, bad: (what: string, soft?: boolean) => void): string | undefined {
  if (edits.length === 0) {
    bad(`${where}: fix without edits`);
    return undefined;
  }
  for (const e of edits) {
    const r = badRange(e.range, text.length);
    if (r) {
      bad(`${where}: edit ${describeEdit(e)}: ${r}`);
      return undefined;
    }
    if (typeof e.newText !== 'string') bad(`${where}: edit newText is not a string`);
    for (const o of [e.range.start, e.range.end]) {
      const split = splitsPair(text, o);
      if (split) bad(`${where}: edit ${describeEdit(e)} splits ${split} at ${o}`);
    }
  }
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].range.start < sorted[i - 1].range.end) bad(`${where}: edits overlap: ${describeEdit(sorted[i - 1])} and ${describeEdit(sorted[i])}`);
  }
  const style = lineBreakStyle(text);
  for (const e of edits) {
    const inserted = lineBreakStyle(e.newText);
    if (style && inserted && inserted !== style) bad(`${where}: edit ${describeEdit(e)} writes ${inserted} line breaks into a ${style} file`, true);
  }
  const out = applyEdits(text, edits);
  const first = sorted[0].range.start;
  const last = sorted[sorted.length - 1].range.end;
  if (!out.startsWith(text.slice(0, first))) bad(`${where}: text before the first edit changed`);
  if (!out.endsWith(text.slice(last))) bad(`${where}: text after the last edit changed`);
  const expected = text.length + edits.reduce((n, e) => n + e.newText.length - (e.range.end - e.range.start), 0);
  if (out.length !== expected) bad(`${where}: applied text has length ${out.length}, expected ${expected}`);
  return out;
}

/** Checks every range the model exposes (entries, anchors, facts, problems) and the entries' edit builders. */
function checkModel(doc: AnalyzedDocument, text: string, bad: (what: string, soft?: boolean) => void): void {
  const n = text.length;
  if (doc.text !== text) bad(`document.text differs from the input (${doc.text.length} vs ${n} chars)`);
  if (!Array.isArray(doc.groups) || !Array.isArray(doc.facts) || !Array.isArray(doc.problems)) {
    bad('document without groups/facts/problems arrays');
    return;
  }
  // Range checks cover everything; the costlier edit checks a sample (a 50,000-line file has 40,000 entries).
  let applied = 0;
  doc.groups.forEach((g, gi) => {
    const r = badRange(g.anchor, n);
    if (r) bad(`group ${gi} anchor: ${r}`);
    for (const e of g.entries) {
      const full = applied++ < MAX_EDIT_CHECKS;
      for (const [name, range] of [['keyRange', e.keyRange], ['valueRange', e.valueRange]] as const) {
        const b = badRange(range, n);
        if (b) bad(`entry ${e.rawKey} ${name}: ${b}`);
      }
      if (e.removeRange) {
        const b = badRange(e.removeRange, n);
        if (b) bad(`entry ${e.rawKey} removeRange: ${b}`);
        else if (full) checkEdits(text, [{ range: e.removeRange, newText: '' }], `entry ${e.rawKey} removeRange`, bad);
      }
      if (!full) continue;
      for (const v of ['all', '0', 'a "quoted" \\ value\n']) {
        try {
          const rendered = e.renderValue?.(v);
          if (rendered !== undefined && typeof rendered !== 'string') bad(`entry ${e.rawKey} renderValue(${JSON.stringify(v)}) is not a string`);
        } catch (err) {
          bad(`entry ${e.rawKey} renderValue(${JSON.stringify(v)}) threw: ${String(err)}`);
        }
      }
    }
    for (const key of gi < MAX_EDIT_CHECKS ? ['acks', 'enable.auto.commit'] : []) {
      try {
        const edit = g.insertEntry?.(key, key === 'acks' ? 'all' : 'false');
        if (edit) checkEdits(text, [edit], `group ${gi} insertEntry(${key})`, bad);
      } catch (err) {
        bad(`group ${gi} insertEntry(${key}) threw: ${String(err)}`);
      }
    }
  });
  for (const f of doc.facts) {
    const r = badRange(f.range, n);
    if (r) bad(`fact ${f.kind}: ${r}`);
  }
  for (const p of doc.problems) {
    const r = badRange(p.range, n);
    if (r) bad(`problem "${p.message}": ${r}`);
  }
}

/** Per run: how many edits are applied in full, and how many preferred fixes are re-analyzed (the rest get range checks). */
const MAX_EDIT_CHECKS = 100;
const MAX_REFIXES = 12;

const CONFIG_KINDS = new Set(['properties', 'spring-properties', 'spring-yaml']);

/** Runs one text under one path through every core entry point. */
async function runOne(c: Case, text: string, path: string, bad: (what: string, soft?: boolean) => void): Promise<number> {
  const t0 = performance.now();
  let doc: AnalyzedDocument;
  const [file, languageId] = pathAndLanguage(path);
  try {
    doc = await analyze(file, text, languageId);
  } catch (err) {
    bad(`analyze threw: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err)}`);
    return performance.now() - t0;
  }
  const findingSets: Finding[][] = [];
  for (const options of OPTION_SETS) {
    try {
      findingSets.push(lint(doc, options));
    } catch (err) {
      bad(`lint(${options.kafkaVersion}) threw: ${String(err)}`);
      findingSets.push([]);
    }
  }
  let ms = performance.now() - t0;
  if (ms > c.budgetMs) {
    // The build machines are shared: time it once more before calling it slow.
    const t1 = performance.now();
    await analyze(file, text, languageId).then((d) => OPTION_SETS.map((o) => lint(d, o))).catch(() => undefined);
    ms = Math.min(ms, performance.now() - t1);
    if (ms > c.budgetMs) bad(`analyze + lint took ${ms.toFixed(0)} ms twice (budget ${c.budgetMs} ms)`);
  }

  checkModel(doc, text, bad);
  await checkDeployment(doc, text, file, bad);
  if (c.nonKafka && path === pathsFor(c.id.split('#')[0])[0]) {
    const all = findingSets.flat();
    if (all.length > 0) bad(`non-Kafka file got ${all.length} finding(s): ${all.map((f) => `${f.ruleId}@${f.range.start}`).join(', ')}`);
  }
  const findings = findingSets.flat();
  const seenFixes = new Set<string>();
  let refixes = 0;
  const before = { doc, findings };
  let texts = 0;
  for (const f of findings) {
    const where = `${f.ruleId}@[${f.range?.start},${f.range?.end})`;
    if (/failed on this file/.test(f.message)) bad(`rule crashed (caught by lint): ${f.message}`);
    if (typeof f.message !== 'string' || f.message.length === 0) bad(`${where}: empty message`);
    // Messages are templates: the first thousand findings show every kind a file has.
    if (texts++ < 1000) {
      garbled(`${where} message`, f.message, text, bad);
      for (const fix of f.fixes ?? []) garbled(`${where} fix title`, fix.title, text, bad);
      for (const rel of f.related ?? []) garbled(`${where} related message`, rel.message, text, bad);
    }
    const r = badRange(f.range, text.length);
    if (r) bad(`${where}: ${r}`);
    for (const rel of f.related ?? []) {
      const rr = badRange(rel.range, text.length);
      if (rr) bad(`${where} related "${rel.message}": ${rr}`);
    }
    for (const fix of f.fixes ?? []) {
      if (seenFixes.size >= MAX_EDIT_CHECKS) {
        for (const e of fix.edits ?? []) {
          const er = badRange(e.range, text.length);
          if (er) bad(`${where} fix "${fix.title}": edit ${describeEdit(e)}: ${er}`);
        }
        continue;
      }
      const key = JSON.stringify(fix.edits);
      if (seenFixes.has(key)) continue;
      seenFixes.add(key);
      const fixed = checkEdits(text, fix.edits, `${where} fix "${fix.title}"`, bad);
      // Re-analysis costs a whole analyze + lint: a handful per run, none on the huge inputs.
      if (fixed === undefined || !fix.preferred || !CONFIG_KINDS.has(doc.kind) || text.length > 100_000 || refixes++ >= MAX_REFIXES) continue;
      await checkFixed(before, fixed, file, languageId, f, fix.title, bad);
    }
  }
  if (text.length <= 100_000) await checkFixAll(before, file, languageId, bad);
  if (c.probes > 0) {
    const anchors = doc.groups.flatMap((g) => g.entries.flatMap((e) => [e.keyRange.start, e.keyRange.end, e.valueRange.start, e.valueRange.end]));
    const rnd = rngFor(`${c.id}@${path}#probes`);
    for (const offset of sampleOffsets(rnd, text.length, c.probes, [...findings.map((f) => f.range.start), ...anchors])) {
      try {
        const h = hoverAt(doc, findingSets[0], offset, DEFAULT_OPTIONS);
        if (h) {
          const hr = badRange(h.range, text.length);
          if (hr) bad(`hover at ${offset}: ${hr}`);
          if (typeof h.markdown !== 'string' || h.markdown.length === 0) bad(`hover at ${offset}: empty markdown`);
          else garbled(`hover at ${offset}`, h.markdown, text, bad);
        }
      } catch (err) {
        bad(`hoverAt(${offset}) threw: ${String(err)}`);
      }
    }
    for (const offset of sampleOffsets(rngFor(`${c.id}@${path}#complete`), text.length, c.probes, interestingOffsets(text).slice(0, c.probes))) {
      try {
        for (const item of completeAt(text, offset, doc.kind)) {
          const cr = badRange(item.range, text.length);
          if (cr) bad(`completion "${item.label}" at ${offset}: ${cr}`);
          else if (item.range.start > offset || item.range.end < offset) bad(`completion "${item.label}" at ${offset}: range [${item.range.start},${item.range.end}) does not contain the caret`, true);
          garbled(`completion at ${offset}`, `${item.label} ${item.detail ?? ''} ${item.documentation ?? ''} ${item.insertText}`, text, bad);
        }
      } catch (err) {
        bad(`completeAt(${offset}) threw: ${String(err)}`);
      }
    }
  }
  return ms;
}

/**
 * Companions for the deployment pass: a broker, a topic and a producer that link to anything on localhost or
 * naming the topic `orders`, so that a hostile file meets the cross-file rules with something to link to.
 */
const COMPANIONS: readonly (readonly [string, string])[] = [
  ['companions/server.properties', 'listeners=PLAINTEXT://localhost:9092\nmin.insync.replicas=1\nmessage.max.bytes=1000\ndefault.replication.factor=1\n'],
  ['companions/topic-orders.properties', 'min.insync.replicas=1\nmax.message.bytes=1000\nunclean.leader.election.enable=true\n'],
  ['companions/producer.properties', 'bootstrap.servers=localhost:9092\nacks=all\nmax.request.size=5000000\n'],
];
let companions: Promise<DeploymentFile[]> | undefined;

/**
 * The deployment pass (extract → model → cross-file rules) over the file beside the companions, in both
 * orders: must not throw or report a failed rule, must give the same findings in either order, and must keep
 * every finding placed in this file (and its related locations and fix edits here) inside the text.
 */
async function checkDeployment(doc: AnalyzedDocument, text: string, file: string, bad: (what: string, soft?: boolean) => void): Promise<void> {
  try {
    companions ??= Promise.all(COMPANIONS.map(async ([path, body]) => extractDeployment(await analyze(path, body), path)));
    const others = await companions;
    const own = extractDeployment(doc, file);
    const name = own.file;
    const results = [[own, ...others], [...others, own]].map((files) => lintDeployment(buildDeployment(files), DEFAULT_OPTIONS));
    for (const r of results) for (const failure of r.failures) bad(`deployment rule failed: ${failure}`);
    const summary = (r: (typeof results)[number]) => JSON.stringify([...r.byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (summary(results[0]) !== summary(results[1])) bad('deployment findings depend on the order of the files');
    for (const f of results[0].byFile.get(name) ?? []) {
      const where = `cross-file ${f.ruleId}@[${f.range.start},${f.range.end})`;
      const r = badRange(f.range, text.length);
      if (r) bad(`${where}: ${r}`);
      garbled(`${where} message`, f.message, text, bad);
      for (const rel of f.related ?? []) {
        if (rel.file !== undefined && rel.file !== name) continue;
        const rr = badRange(rel.range, text.length);
        if (rr) bad(`${where} related: ${rr}`);
      }
      for (const fix of f.fixes ?? []) {
        if (fix.file !== undefined && fix.file !== name) continue;
        for (const e of fix.edits ?? []) {
          const er = badRange(e.range, text.length);
          if (er) bad(`${where} fix "${fix.title}": edit ${describeEdit(e)}: ${er}`);
        }
      }
    }
  } catch (err) {
    bad(`deployment pass threw: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err)}`);
  }
}

/**
 * The path a fixed text is re-analyzed under: same file name (same reader), another document. Re-analyzing
 * under the original path would re-parse that document's tree-sitter tree and break the original document's
 * lazy edit builders (the stale-tree bug pinned in robustness-bugs.test.ts).
 */
const fixedPath = (path: string): string => `fixed/${path}`;

/**
 * Fix-all (`fixAllEdits`, as `source.fixAll` and the CLI's --fix use it) under each options set. Re-analysis
 * must not throw; and (soft) the result should not gain parse problems or duplicate keys that were not there.
 */
async function checkFixAll(
  before: { readonly doc: AnalyzedDocument; readonly findings: readonly Finding[] },
  path: string,
  languageId: string | undefined,
  bad: (what: string, soft?: boolean) => void,
): Promise<void> {
  for (const options of OPTION_SETS) {
    const findings = lint(before.doc, options);
    const edits = fixAllEdits(findings);
    if (edits.length === 0) continue;
    const fixed = checkEdits(before.doc.text, edits, `fix-all (${options.kafkaVersion})`, bad);
    if (fixed === undefined) continue;
    try {
      const doc = await analyze(fixedPath(path), fixed, languageId);
      const after = lint(doc, options);
      const dup = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId === 'config/duplicate-key').length;
      if (dup(after) > dup(findings)) bad(`fix-all (${options.kafkaVersion}) adds duplicate keys (${dup(findings)} → ${dup(after)} config/duplicate-key findings)`, true);
      if (doc.problems.length > before.doc.problems.length) bad(`fix-all (${options.kafkaVersion}) adds a parse problem: ${doc.problems.map((p) => p.message).join('; ')}`, true);
    } catch (err) {
      bad(`re-analysis after fix-all (${options.kafkaVersion}) threw: ${String(err)}`);
    }
  }
}
/** After a preferred fix on a config file: re-analysis must not throw, and the finding should be gone (soft). */
async function checkFixed(
  before: { readonly doc: AnalyzedDocument; readonly findings: readonly Finding[] },
  fixed: string,
  path: string,
  languageId: string | undefined,
  finding: Finding,
  title: string,
  bad: (what: string, soft?: boolean) => void,
): Promise<void> {
  const where = `${finding.ruleId}@[${finding.range.start},${finding.range.end}) fix "${title}"`;
  try {
    const beforeDoc = before.doc;
    const beforeFindings = before.findings;
    const doc = await analyze(fixedPath(path), fixed, languageId);
    const after = OPTION_SETS.flatMap((o) => lint(doc, o));
    const count = (fs: readonly Finding[]) => fs.filter((f) => f.ruleId === finding.ruleId).length;
    if (count(after) >= count(beforeFindings)) bad(`${where}: the finding is still there after the fix (${count(beforeFindings)} → ${count(after)})`, true);
    if (doc.problems.length > beforeDoc.problems.length) bad(`${where}: the fix adds a parse problem: ${doc.problems.map((p) => p.message).join('; ')}`, true);
  } catch (err) {
    bad(`${where}: re-analysis of the fixed text threw: ${String(err)}`);
  }
}

async function runCase(c: Case, index: number): Promise<CaseResult> {
  const t0 = performance.now();
  const violations: Violation[] = [];
  let worstMs = 0;
  let worstPath = '';
  let text: string;
  try {
    text = c.text();
  } catch (err) {
    return { index, worstMs, worstPath, totalMs: 0, violations: [{ caseId: c.id, path: '', what: `could not build input: ${String(err)}` }] };
  }
  for (const path of c.paths) {
    const ms = await runOne(c, text, path, (what, soft) => violations.push({ caseId: c.id, path, what, soft }));
    if (ms > worstMs) {
      worstMs = ms;
      worstPath = path;
    }
  }
  return { index, worstMs, worstPath, totalMs: performance.now() - t0, violations };
}

// ---------------------------------------------------------------------------------------------------------
// Known bugs: violations that a skipped test in robustness-bugs.test.ts pins down, tolerated here so that the
// rest of each corpus file stays covered. Each entry names its skipped test.

/** Violations of bugs still open (each has a skipped reproduction in robustness-bugs.test.ts); none now. */
const KNOWN_BUGS: readonly { readonly test: string; readonly matches: (v: Violation) => boolean }[] = [];

// ---------------------------------------------------------------------------------------------------------
// Worker side: run the cases it is sent, one at a time, announcing each before it starts.

/** Small Kafka files, one per scanner: after a hostile case they must still read as before. */
const CANARIES: readonly (readonly [string, string])[] = [
  ['canary.py', 'from kafka import KafkaProducer\np = KafkaProducer(acks=0)\np.send("t", b"v")\n'],
  ['Canary.java', 'import org.apache.kafka.clients.producer.KafkaProducer;\nclass A { void f() { java.util.Properties props = new java.util.Properties(); props.put("acks", "0"); new KafkaProducer<String, String>(props).send(null); } }\n'],
  ['canary.ts', "import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: ['b'] }).producer({ idempotent: false });\nproducer.send({ topic: 't', messages: [] });\n"],
  ['canary.go', 'package a\n\nimport "github.com/IBM/sarama"\n\nfunc f() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t_ = cfg\n}\n'],
  ['producer.properties', 'acks=0\n'],
  ['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 0\n'],
];

/** What the canaries read as: one line per file (findings by rule and range), or the error. */
let canaryRuns = 0;
async function canarySummary(): Promise<string[]> {
  const out: string[] = [];
  // A fresh document each time, so that the parser really parses (a known text would reuse its cached tree).
  const dir = `canary-${canaryRuns++}/`;
  for (const [path, text] of CANARIES) {
    try {
      const findings = lint(await analyze(dir + path, text));
      out.push(`${path}: ${findings.map((f) => `${f.ruleId}@${f.range.start}-${f.range.end}`).join(' ')}`);
    } catch (err) {
      out.push(`${path}: threw ${String(err)}`);
    }
  }
  return out;
}

/** Cases after which the canaries run: every hostile input, and a sample of the mutations. */
const checksCanary = (c: Case, index: number): boolean => c.id.startsWith('synthetic/') || c.id.endsWith('#original') || index % 50 === 0;

type ToWorker = { readonly index: number };
type FromWorker = { readonly started: number } | { readonly done: CaseResult };

if (!isMainThread && workerData?.robustness === true) {
  const cases = allCases();
  // Load every grammar first, so that no case's budget pays for it.
  const warm = Promise.all(['Foo.java', 'a.ts', 'a.tsx', 'a.js', 'a.py', 'a.go'].map((p) => analyze(p, `${KAFKA_HEADER.java}${KAFKA_HEADER.ts}${KAFKA_HEADER.py}`).catch(() => undefined)));
  const expected = warm.then(canarySummary);
  parentPort!.on('message', (m: ToWorker) => {
    void expected.then(async (healthy) => {
      parentPort!.postMessage({ started: m.index } satisfies FromWorker);
      const c = cases[m.index];
      let done = await runCase(c, m.index);
      if (checksCanary(c, m.index)) {
        const now = await canarySummary();
        const broken = now.filter((line, i) => line !== healthy[i]);
        if (broken.length > 0) {
          const what = `after this case the analyzer reads other files wrong (state leaks across documents): ${broken.map((b) => b.slice(0, 160)).join(' | ')}`;
          done = { ...done, poisoned: true, violations: [...done.violations, { caseId: c.id, path: '*', what }] };
        }
      }
      parentPort!.postMessage({ done } satisfies FromWorker);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Main side: a small pool with a watchdog per case.

/** Runs the cases at `indices` on `workers` threads; a case that outlives its hard limit is reported as a hang and its worker replaced. */
function runPool(cases: readonly Case[], indices: readonly number[], workers: number): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let next = 0;
  let live = 0;
  return new Promise((resolve) => {
    const finish = (): void => {
      if (live === 0 && next >= indices.length) resolve(results);
    };
    const spawn = (): void => {
      if (next >= indices.length) return finish();
      live++;
      const worker = new Worker(__filename, { workerData: { robustness: true } });
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const lost = (what: string, ms = 0): void => {
        clearTimeout(timer);
        if (current >= 0) results.push({ index: current, worstMs: ms, worstPath: '?', totalMs: ms, violations: [{ caseId: cases[current].id, path: '?', what }] });
        current = -1;
      };
      const feed = (): void => {
        if (next >= indices.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = indices[next++];
        const c = cases[current];
        // Generous: budgets are checked inside the worker; this only catches a case that never comes back.
        const limit = Math.max(20_000, c.budgetMs * c.paths.length * 4);
        timer = setTimeout(() => {
          lost(`hang: no result after ${limit} ms (worker terminated)`, limit);
          void worker.terminate();
        }, limit);
        worker.postMessage({ index: current } satisfies ToWorker);
      };
      worker.on('message', (m: FromWorker) => {
        if (!('done' in m)) return;
        clearTimeout(timer);
        results.push(m.done);
        current = -1;
        // A case that broke the analyzer's shared state would fail every later case: start a fresh worker.
        if (m.done.poisoned) void worker.terminate();
        else feed();
      });
      worker.on('error', (err) => lost(`worker crashed: ${String(err)}`));
      worker.on('exit', () => {
        lost('worker exited mid-case');
        live--;
        if (next < indices.length) spawn();
        else finish();
      });
      feed();
    };
    for (let i = 0; i < workers; i++) spawn();
  });
}

/** The kind of a case, for the timing summary: synthetic, original, cut, delete, insert, crlf, cr, mixed-eol. */
const caseKind = (id: string): string => (id.startsWith('synthetic/') ? 'synthetic' : (/#([a-z-]+)/.exec(id)?.[1] ?? '?'));

const format = (v: Violation): string => `${v.caseId} as ${v.path}: ${v.what}`;

if (isMainThread && typeof describe === 'function') {
  const cases = allCases();
  const tests = [...new Set(cases.map((c) => c.test))];
  const byIndex = new Map<number, CaseResult>();

  describe('robustness: corpus, synthetic inputs and mutations through analyze, lint, fixes, hover, completion', function () {
    before(async function () {
      this.timeout(180_000);
      const started = performance.now();
      const workers = Math.max(1, Math.min(4, Number(process.env.ROBUSTNESS_WORKERS ?? 2)));
      // ROBUSTNESS_ONLY=<regex on case ids> narrows a run while debugging; the other tests are then skipped.
      const only = process.env.ROBUSTNESS_ONLY ? new RegExp(process.env.ROBUSTNESS_ONLY) : undefined;
      const indices = cases.map((c, i) => (only && !only.test(c.id) ? -1 : i)).filter((i) => i >= 0);
      for (const r of await runPool(cases, indices, workers)) byIndex.set(r.index, r);
      const perKind = new Map<string, { n: number; ms: number }>();
      for (const r of byIndex.values()) {
        const k = perKind.get(caseKind(cases[r.index].id)) ?? { n: 0, ms: 0 };
        perKind.set(caseKind(cases[r.index].id), { n: k.n + 1, ms: k.ms + r.totalMs });
      }
      console.log(`      time per kind of case (all workers): ${[...perKind].map(([k, v]) => `${k} ${v.n} cases ${(v.ms / 1000).toFixed(1)} s`).join(', ')}`);
      const slowest = [...byIndex.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 8);
      const soft = [...byIndex.values()].flatMap((r) => r.violations.filter((v) => v.soft));
      console.log(`      ${cases.length} cases, ${cases.reduce((n, c) => n + c.paths.length, 0)} runs in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest:`);
      for (const r of slowest) console.log(`        ${r.totalMs.toFixed(0).padStart(6)} ms in all, worst analyze + lint ${r.worstMs.toFixed(0)} ms as ${r.worstPath} (budget ${cases[r.index].budgetMs} ms): ${cases[r.index].id}`);
      if (soft.length > 0) {
        // Soft observations (not failures), by category: how many, and a few examples.
        const byCategory = new Map<string, Violation[]>();
        for (const v of soft) {
          const category = v.what.replace(/^.*?(?=writes|adds|the finding is still|does not contain)/, '').replace(/\(.*$|\d+|"[^"]*"/g, '').slice(0, 60);
          byCategory.set(category, [...(byCategory.get(category) ?? []), v]);
        }
        console.log(`      ${soft.length} soft observation(s), not failures:`);
        for (const [category, vs] of byCategory) {
          console.log(`        ${vs.length} × ${category}`);
          for (const v of vs.slice(0, 3)) console.log(`            e.g. ${format(v).slice(0, 240)}`);
        }
      }
    });

    for (const test of tests) {
      it(test, function () {
        const mine = cases.map((c, i) => ({ c, i })).filter(({ c }) => c.test === test);
        if (process.env.ROBUSTNESS_ONLY && !mine.some(({ i }) => byIndex.has(i))) this.skip();
        const missing = mine.filter(({ i }) => !byIndex.has(i)).map(({ c }) => c.id);
        assert.deepEqual(missing, [], 'cases without a result');
        const hard = mine.flatMap(({ i }) => byIndex.get(i)!.violations.filter((v) => !v.soft));
        const unknown = hard.filter((v) => !KNOWN_BUGS.some((b) => b.matches(v)));
        const known = hard.length - unknown.length;
        if (known > 0) console.log(`        (${known} violation(s) of known bugs tolerated, see robustness-bugs.test.ts)`);
        assert.deepEqual(unknown.map(format).slice(0, 20), [], `${unknown.length} violation(s)`);
      });
    }
  });
}
