import * as assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { Edit } from '../../server/src/core/model';

/**
 * Minimal reproductions of the bugs the robustness suite (robustness-corpus.test.ts) found. Each is skipped
 * until its owner fixes it: remove the `.skip` (and the matching KNOWN_BUGS entry in the corpus suite) with
 * the fix.
 */

/** Every edit a document offers: fixes of its findings and the edit builders of its groups. */
async function editsOf(path: string, text: string): Promise<Edit[]> {
  const doc = await analyze(path, text);
  const out: Edit[] = [];
  for (const f of lint(doc)) for (const fix of f.fixes ?? []) out.push(...fix.edits);
  for (const g of doc.groups) {
    const edit = g.insertEntry?.('acks', 'all');
    if (edit) out.push(edit);
  }
  return out;
}

describe('robustness bugs (minimal reproductions)', () => {
  // BUG: server/src/core/spring/analyze-spring-yaml.ts places the empty value of a key that has no value node
  // at `keyNode.range[1] + 1` (one past an assumed `:`). A half-typed last key with no colon at the very end
  // of the file (`    client-id` with nothing after it) gets valueRange [56,56) in a 55-character text.
  it('robustness bug: a Spring YAML key at the end of the text with no colon gets a valueRange past the end', async () => {
    const text = 'spring:\n  kafka:\n    bootstrap-servers: a\n    client-id';
    const doc = await analyze('application.yml', text);
    const entry = doc.groups.flatMap((g) => g.entries).find((e) => e.rawKey === 'spring.kafka.client-id');
    assert.ok(entry, 'the half-typed key is read as an entry');
    assert.ok(entry.valueRange.end <= text.length, `valueRange [${entry.valueRange.start},${entry.valueRange.end}) in a ${text.length}-character text`);
  });

  // BUG: fix-all (server/src/core/fixes.ts fixAllEdits, used by source.fixAll and the CLI's --fix) takes both
  // config/unknown-key's preferred rename of a typo (`enable.auto.comit` → `enable.auto.commit`) and
  // consumer/auto-commit-enabled's insert of the missing `enable.auto.commit=false`: their spans do not
  // overlap, so the result sets the key twice and the next lint reports config/duplicate-key.
  // Fixed by making the spelling suggestion a non-preferred quick fix: fix-all inserts the safe key and
  // leaves the typo for the user, who still sees it reported.
  it('robustness bug: fix-all renames a typo and inserts the same key, leaving a duplicate key', async () => {
    const text = 'group.id=g\nenable.auto.comit=false\n';
    const findings = lint(await analyze('consumer.properties', text));
    const fixed = applyEdits(text, fixAllEdits(findings));
    const after = lint(await analyze('consumer.properties', fixed));
    assert.equal(fixed, 'group.id=g\nenable.auto.comit=false\nenable.auto.commit=false\n');
    assert.deepEqual(
      after.map((f) => f.ruleId),
      ['config/unknown-key'],
      `fix-all gave ${JSON.stringify(fixed)}`,
    );
  });

  // BUG: an AnalyzedDocument of a code file goes stale when the same path is analyzed again.
  // server/src/core/scanners/common/tree-sitter.ts parseDocument keeps one tree per path: on the next parse it calls
  // `oldTree.edit(...)` and then `previous.tree.delete()`, but the previous document's lazy builders
  // (ConfigGroup.insertEntry, ConfigEntry.renderValue, and the fixes rules compute from them during lint) still
  // hold tree-sitter nodes of that tree. Afterwards they return offsets of the wrong text (Python: 102 → 87
  // here), undefined (Java), offsets in the millions, or throw "RuntimeError: memory access out of bounds"
  // from the WASM (Java, once other files were parsed in between). Any caller that lints or fixes a document
  // after the same path was re-analyzed (two versions in flight in the server, the CLI re-checking a fixed
  // file, more than MAX_TREES = 64 open documents evicting trees) gets edits outside the text.
  it('robustness bug: a code document gives other edits once its path is analyzed again (stale tree-sitter tree)', async () => {
    const text = "from confluent_kafka import Consumer\n\nc = Consumer({\n    'bootstrap.servers': 'b',\n    'group.id': 'g',\n})\n";
    const doc = await analyze('stale-tree.py', text);
    const editsNow = (): unknown => ({
      insert: doc.groups.map((g) => g.insertEntry?.('acks', 'all')),
      fixes: lint(doc).flatMap((f) => (f.fixes ?? []).flatMap((x) => x.edits)),
    });
    const before = editsNow();
    await analyze('stale-tree.py', text.replace("'g'", "'h'"));
    assert.deepEqual(editsNow(), before);
  });

  // BUG: two analyses of the same path in flight at once (the server analyzing version 1 when version 2
  // arrives). server/src/core/scanners/common/tree-sitter.ts parseDocument for version 2 edits and deletes version 1's
  // tree (`previous.tree.delete()`) after version 1 was parsed but before its scanner continuation runs
  // (`const tree = await parseDocument(...)` in the java, python, javascript and go scanner.ts). Version 1 then
  // comes back as a non-Kafka document with no groups and no facts (Java, TypeScript, Python), and the Go
  // scanner throws "TypeError: Cannot read properties of null (reading 'walk')" from go/context.ts
  // GoContext.collect, although analyze() promises never to throw.
  it('robustness bug: two analyses of one code file in flight at once: the first comes back empty or throws', async () => {
    const versions: Record<string, string> = {
      'concurrent.go': 'package a\n\nimport "github.com/IBM/sarama"\n\nfunc f() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t_ = cfg\n}\n',
      'concurrent.ts': "import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: ['b'] }).producer();\nproducer.send({ topic: 't', messages: [] });\n",
      'concurrent.py': 'from kafka import KafkaProducer\np = KafkaProducer(acks=0)\n',
      'Concurrent.java': 'import org.apache.kafka.clients.producer.KafkaProducer;\nclass A { void f() { java.util.Properties props = new java.util.Properties(); props.put("acks", "0"); new KafkaProducer<String, String>(props); } }\n',
    };
    const summary = (d: { isKafka: boolean; groups: readonly unknown[]; facts: readonly unknown[] }): string => `isKafka ${d.isKafka}, ${d.groups.length} group(s), ${d.facts.length} fact(s)`;
    const together: Record<string, string> = {};
    const alone: Record<string, string> = {};
    for (const [path, v1] of Object.entries(versions)) {
      alone[path] = summary(await analyze(`alone-${path}`, v1));
      try {
        const [first] = await Promise.all([analyze(path, v1), analyze(path, `${v1}\n`)]);
        together[path] = summary(first);
      } catch (err) {
        together[path] = `threw ${String(err)}`;
      }
    }
    assert.deepEqual(together, alone);
  });

  // BUG: a Python file nested more than ~512 indentation levels deep with a string literal at the bottom
  // corrupts the shared tree-sitter WASM state (the Python grammar's external scanner state: indent stack plus
  // string delimiters outgrow tree-sitter's serialization buffer). The file itself reads as non-Kafka, and every
  // later Python parse in the process throws "RuntimeError: memory access out of bounds" (from
  // ts_parser_parse_wasm / ts_stack_push) or reads a Kafka file as non-Kafka: one such file in a workspace
  // turns Python analysis off in the server until it restarts. Comes in through
  // server/src/core/scanners/common/tree-sitter.ts parseDocument (no guard on nesting depth, no recovery: the parser
  // is reused) called from python/scanner.ts scanPython (outside its try/catch, so analyze() throws).
  // Runs in a worker thread so that the corrupted WASM instance cannot affect other tests.
  it('robustness bug: a Python file nested 520 levels deep breaks every later Python parse (tree-sitter WASM corrupted)', async () => {
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { analyze } = require(workerData.analyzePath);
      (async () => {
        const deep = 'import kafka\\n' + Array.from({ length: 520 }, (_, i) => ' '.repeat(i) + 'if x:\\n').join('') + ' '.repeat(520) + 'x = "s"\\n';
        const outcome = {};
        try { await analyze('deep.py', deep); outcome.deep = 'ok'; } catch (err) { outcome.deep = 'threw ' + String(err); }
        try {
          const d = await analyze('normal.py', 'from kafka import KafkaProducer\\np = KafkaProducer(acks=0)\\n');
          outcome.next = 'isKafka ' + d.isKafka + ', ' + d.groups.length + ' group(s)';
        } catch (err) { outcome.next = 'threw ' + String(err); }
        parentPort.postMessage(outcome);
      })();`;
    const worker = new Worker(code, { eval: true, workerData: { analyzePath: require.resolve('../../server/src/core/analyze') } });
    const outcome = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.deepEqual(outcome, { deep: 'ok', next: 'isKafka true, 1 group(s)' });
  });

  // BUG: the Java scanner writes `\n` into files whose line breaks are all `\r\n`: insertEntry
  // (server/src/core/scanners/java/config.ts, `\n${indent}...` after the last put and `,\n` in Map.of lists),
  // the close-without-flush fix (java/facts.ts `flush();\n${indent}`) and the commit-after-processing move
  // (java/facts.ts `\n${indent}${statement.text}`). The fixed file has mixed line endings. (The Python
  // scanner keeps the file's line breaks.)
  it('robustness bug: Java fixes and inserts write LF line breaks into a CRLF file', async () => {
    const text = [
      'import java.util.Properties;',
      'import org.apache.kafka.clients.producer.KafkaProducer;',
      'class A {',
      '    void f() {',
      '        Properties props = new Properties();',
      '        props.put("bootstrap.servers", "b:9092");',
      '        KafkaProducer<String, String> producer = new KafkaProducer<>(props);',
      '        producer.close(java.time.Duration.ZERO);',
      '    }',
      '}',
      '',
    ].join('\r\n');
    const edits = await editsOf('A.java', text);
    assert.ok(edits.length > 0, 'the file offers edits');
    const bare = edits.filter((e) => /(^|[^\r])\n/.test(e.newText));
    assert.deepEqual(
      bare.map((e) => JSON.stringify(e.newText)),
      [],
    );
  });
});
