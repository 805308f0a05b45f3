import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { hasTree } from '../../server/src/core/scanners/common/tree-sitter';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';
import type { Analysis } from '../../server/src/lsp/analysis-cache';
import { waitFor } from '../lsp/lsp-test-client';

const JAVA = [
  'import org.apache.kafka.clients.producer.KafkaProducer;',
  'import org.apache.kafka.clients.producer.ProducerRecord;',
  'class Prod {',
  '  void run(KafkaProducer<String, String> producer) {',
  '    producer.send(new ProducerRecord<>("orders", "v"));',
  '  }',
  '}',
  '',
].join('\n');

/** A cache as the server builds it, recording every analysis it is asked to answer with. */
function serverCache(): { cache: AnalysisCache; answered: Analysis[] } {
  const answered: Analysis[] = [];
  const cache = new AnalysisCache(async () => DEFAULT_OPTIONS, () => undefined, (a) => answered.push(a));
  return { cache, answered };
}

const open = (path: string, languageId: string, text: string) => TextDocument.create(pathToFileURL(path).href, languageId, 1, text);

/** Waits until the warm-up has been quiet for a while (it runs one round per timer tick). */
async function settled(cache: AnalysisCache): Promise<number> {
  let last = -1;
  await waitFor(
    async () => {
      const now = cache.warmUp.rounds;
      await new Promise((r) => setTimeout(r, 150));
      const still = now === cache.warmUp.rounds && now === last;
      last = now;
      return still;
    },
    { timeout: 15000, message: 'warm-up to finish' },
  );
  return cache.warmUp.rounds;
}

describe('server warm-up after the first analysis of a kind', () => {
  it('replays a keystroke on a private copy (text sync, analysis, the answer), once per kind, and drops the copy', async () => {
    const { cache, answered } = serverCache();
    const first = await cache.get(open('/ws/src/Prod.java', 'java', JAVA));
    assert.deepEqual(
      first.findings.map((f) => f.ruleId),
      ['producer/unhandled-send'],
    );
    const rounds = await settled(cache);
    assert.ok(rounds >= 2 && rounds <= 40, `${rounds} rounds`);
    // Every round answered for a new version of the copy, edited and restored in turn, with the real findings.
    assert.equal(answered.length, rounds);
    assert.deepEqual(
      answered.map((a) => a.version),
      answered.map((_a, i) => i + 1),
    );
    assert.ok(answered.every((a) => a.uri === 'kafka-lint-warm-up:/ws/src/Prod.java' && a.findings.length === 1));
    assert.equal(answered[1].document.text, JAVA);
    assert.equal(answered[0].document.text.length, JAVA.length + 1);
    assert.equal(hasTree('kafka-lint-warm-up:/ws/src/Prod.java'), false, 'the copy and its syntax tree are dropped');
    // Another Java file: compiled code is shared by every document of the kind, nothing more to warm.
    await cache.get(open('/ws/src/Other.java', 'java', JAVA));
    assert.equal(await settled(cache), rounds);
  });

  it('primes the syntax tree of each Kafka code file opened, in idle time, unless the user typed in it first', async () => {
    const { cache } = serverCache();
    const first = open('/ws/src/Primed.java', 'java', JAVA);
    await cache.get(first);
    await waitFor(async () => cache.warmUp.primed === 1, { timeout: 5000, message: 'the first file to be primed' });
    assert.equal(hasTree('/ws/src/Primed.java'), true);
    // Per document, not per kind: a second Java file is primed too.
    await cache.get(open('/ws/src/Second.java', 'java', JAVA));
    await waitFor(async () => cache.warmUp.primed === 2, { timeout: 5000, message: 'the second file to be primed' });
    // Typed in before the idle delay: its first edit already paid the cost, nothing to prime.
    const typed = open('/ws/src/Typed.java', 'java', JAVA);
    await cache.get(typed);
    TextDocument.update(typed, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }], 2);
    await cache.get(typed);
    // Not Kafka, or not client code: no tree kept for it, or none worth priming.
    await cache.get(open('/ws/src/Plain.java', 'java', 'class Plain { int x; }\n'));
    await cache.get(open('/ws/producer.properties', 'properties', 'acks=0\n'));
    await settled(cache);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(cache.warmUp.primed, 2);
    for (const name of ['Primed', 'Second', 'Typed', 'Plain']) cache.forget(pathToFileURL(`/ws/src/${name}.java`).href);
  });

  it('has every document opened compute its line offsets in idle time, Kafka or not, unless the user typed first', async () => {
    const { cache } = serverCache();
    /** A document that counts the position look-ups made on it (the first one computes its line offsets). */
    const counted = (path: string, languageId: string, text: string) => {
      const doc = open(path, languageId, text);
      const counter = { doc, lookups: 0 };
      const positionAt = doc.positionAt.bind(doc);
      doc.positionAt = (offset: number) => {
        counter.lookups++;
        return positionAt(offset);
      };
      return counter;
    };
    const plain = counted('/ws/src/Offsets.java', 'java', 'class Plain {\n  int x;\n}\n');
    const props = counted('/ws/consumer.properties', 'properties', 'group.id=g\nenable.auto.commit=true\n');
    const typed = counted('/ws/src/TypedFirst.java', 'java', 'class T {}\n');
    for (const c of [plain, props, typed]) await cache.get(c.doc);
    assert.deepEqual([plain.lookups, props.lookups, typed.lookups], [0, 0, 0], 'nothing asked while the user waits');
    TextDocument.update(typed.doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }], 2);
    await cache.get(typed.doc);
    await waitFor(async () => plain.lookups === 1 && props.lookups === 1, { timeout: 1500, message: 'line offsets computed in idle time' });
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual([plain.lookups, props.lookups, typed.lookups], [1, 1, 0]);
    assert.equal(cache.warmUp.primed, 0, 'no syntax tree to prime in these');
    for (const c of [plain, props, typed]) cache.forget(c.doc.uri);
  });

  it('stops as soon as the user opens or types, and leaves non-Kafka and big files alone', async () => {
    const busy = serverCache();
    await busy.cache.get(open('/ws/a.py', 'python', 'from confluent_kafka import Producer\np = Producer({"acks": "0"})\np.produce("t", b"v")\n'));
    busy.cache.warmUp.noteActivity();
    assert.equal(await settled(busy.cache), 0);
    assert.deepEqual(busy.answered, []);

    const idle = serverCache();
    await idle.cache.get(open('/ws/Plain.java', 'java', 'class Plain { int x; }\n'));
    await idle.cache.get(open('/ws/src/Big.java', 'java', `${JAVA}${'// padding\n'.repeat(20000)}`));
    assert.equal(await settled(idle.cache), 0);
  });
});
