import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';
import { describeChange, forgetDocument, hasTree, parseDocument, primeDocument } from '../../server/src/core/scanners/common/tree-sitter';

describe('tree-sitter loader', () => {
  it('code without Kafka is not parsed; the first Kafka text is, and gets its findings', async () => {
    const cases = [
      {
        path: '/p/src/main/java/Plain.java',
        plain: 'class Plain {\n  void f(java.util.Map<String, String> m) { m.put("acks", "0"); }\n}\n',
        kafka: 'import org.apache.kafka.clients.producer.*;\nclass Plain {\n  void f(KafkaProducer<String, String> p) { p.send(new ProducerRecord<>("t", "v")); }\n}\n',
        rule: 'producer/unhandled-send',
      },
      {
        // Names a Kafka client only in a comment's words, not as an import path: not parsed either.
        path: '/p/cmd/plain.go',
        plain: 'package main\n\n// Talks to sarama-like services.\nimport "fmt"\n\nfunc main() { fmt.Println("acks=0") }\n',
        kafka: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc main() {\n\tc := sarama.NewConfig()\n\tc.Producer.RequiredAcks = sarama.NoResponse\n\t_ = c\n}\n',
        rule: 'producer/acks-zero',
      },
      { path: '/p/src/plain.ts', plain: 'export const acks = 0;\n', kafka: undefined, rule: undefined },
      { path: '/p/plain.py', plain: 'acks = 0\nprint(acks)\n', kafka: undefined, rule: undefined },
    ];
    for (const c of cases) {
      const plain = await analyze(c.path, c.plain);
      assert.equal(plain.isKafka, false, c.path);
      assert.equal(hasTree(c.path), false, `${c.path}: no syntax tree kept for a file without Kafka`);
      if (!c.kafka) continue;
      // The user adds the import: the file is parsed from scratch and read as Kafka code.
      const kafka = await analyze(c.path, c.kafka);
      assert.equal(kafka.isKafka, true, c.path);
      assert.equal(hasTree(c.path), true, c.path);
      assert.deepEqual([...new Set(lint(kafka).map((f) => f.ruleId))].filter((id) => id === c.rule), [c.rule], c.path);
      forgetDocument(c.path);
    }
  });

  it('parses Java with UTF-16 offsets that match the model', async () => {
    const text = 'class A { String s = "é😀"; void f() { producer.send(r); } }';
    const tree = await parseDocument('java', 'mem://a.java', text);
    const node = tree.rootNode.descendantForIndex(text.indexOf('producer'));
    assert.equal(node?.text, 'producer');
    assert.equal(node?.startIndex, text.indexOf('producer'));
    forgetDocument('mem://a.java');
  });

  it('re-parses incrementally after an edit and gives the same tree as a fresh parse', async () => {
    const before = 'class A {\n  void f() { producer.send(r); }\n}\n';
    const after = before.replace('send(r)', 'send(r, cb)');
    await parseDocument('java', 'mem://b.java', before);
    const incremental = (await parseDocument('java', 'mem://b.java', after)).rootNode.toString();
    forgetDocument('mem://b.java');
    const fresh = (await parseDocument('java', 'mem://c.java', after)).rootNode.toString();
    forgetDocument('mem://c.java');
    assert.equal(incremental, fresh);
    assert.match(incremental, /argument_list \(identifier\) \(identifier\)/);
  });

  it('priming keeps a tree of the same text: the next edit re-parses to the tree a fresh parse gives', async () => {
    const fresh = async (grammar: 'java' | 'python', text: string) => {
      const tree = (await parseDocument(grammar, 'mem://fresh', text)).rootNode.toString();
      forgetDocument('mem://fresh');
      return tree;
    };
    const cases = [
      // A line break after the middle: the space goes at the start of the next line.
      ['java', 'class A {\r\n  void f() { producer.send(r); }\r\n  String s = "é😀";\r\n}\r\n', (t: string) => t.replace('send(r)', 'send(r, cb)')],
      // None: the space goes at the end.
      ['java', 'class B { void f() { producer.send(r); } String s = "😀😀😀😀😀😀"; }', (t: string) => t.replace('send(r)', 'send(x)')],
      ['python', 'def f():\n    producer.send("t", v)\n    return 1\n', (t: string) => t.replace('return 1', 'return 2')],
    ] as const;
    for (const [grammar, text, edit] of cases) {
      const key = `mem://primed.${grammar}`;
      await parseDocument(grammar, key, text);
      assert.equal(primeDocument(key), true);
      assert.equal(hasTree(key), true);
      // The kept tree is of `text`: parsing `text` again changes nothing, an edit gives the fresh parse's tree.
      assert.equal((await parseDocument(grammar, key, text)).rootNode.toString(), await fresh(grammar, text));
      assert.equal(primeDocument(key), true);
      const edited = edit(text);
      assert.notEqual(edited, text);
      assert.equal((await parseDocument(grammar, key, edited)).rootNode.toString(), await fresh(grammar, edited));
      forgetDocument(key);
    }
    assert.equal(primeDocument('mem://never-parsed.java'), false);
  });

  it('describes a change as the span between the common prefix and suffix', () => {
    const e = describeChange('ab\ncd', 'ab\nXcd');
    assert.deepEqual(
      { s: e.startIndex, o: e.oldEndIndex, n: e.newEndIndex, sp: e.startPosition, np: e.newEndPosition },
      { s: 3, o: 3, n: 4, sp: { row: 1, column: 0 }, np: { row: 1, column: 1 } },
    );
  });

  it('loads each grammar the scanners use', async () => {
    for (const g of ['javascript', 'typescript', 'tsx', 'python', 'go'] as const) {
      const tree = await parseDocument(g, `mem://x.${g}`, 'x');
      assert.ok(tree.rootNode.type.length > 0, g);
      forgetDocument(`mem://x.${g}`);
    }
  });
});

describe('tree-sitter loader: closing a document', () => {
  it('releaseDocument drops the syntax tree the Java scanner kept', async () => {
    const { analyze, releaseDocument } = await import('../../server/src/core/analyze');
    const { hasTree } = await import('../../server/src/core/scanners/common/tree-sitter');
    const path = '/ws/src/Closing.java';
    await analyze(path, 'import org.apache.kafka.clients.producer.KafkaProducer;\nclass Closing {}\n');
    assert.equal(hasTree(path), true);
    releaseDocument(path);
    const deadline = Date.now() + 2000;
    while (hasTree(path) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    assert.equal(hasTree(path), false);
  });
});

describe('tree-sitter loader: tree lifetime', () => {
  it('frees the trees it handed out once nothing references them (no WASM heap growth per keystroke)', () => {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const loader = require.resolve('../../server/src/core/scanners/common/tree-sitter');
    const script = `
      const { Tree } = require('@vscode/tree-sitter-wasm');
      let deleted = 0;
      const original = Tree.prototype.delete;
      Tree.prototype.delete = function () { deleted++; return original.call(this); };
      const { parseDocument } = require(${JSON.stringify(loader)});
      (async () => {
        let text = 'class A {\\n  void f() { int x = 0; }\\n}\\n';
        for (let i = 0; i < 200; i++) { text = text.replace('x = ' + i, 'x = ' + (i + 1)); await parseDocument('java', 'typing.java', text); }
        for (let round = 0; round < 5; round++) { global.gc(); await new Promise((r) => setTimeout(r, 20)); }
        console.log(deleted);
      })();`;
    const deleted = Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: __dirname, encoding: 'utf8' }).trim());
    // 200 parses: each replaces the cache's copy (deleted explicitly) and hands out a tree freed after GC.
    assert.ok(deleted >= 390, `only ${deleted} of ~400 trees were freed`);
  });
});

describe('tree-sitter loader: Python nesting guard', () => {
  it('counts indentation nesting as Python does (tabs to multiples of 8, blank and comment lines ignored)', async () => {
    const { pythonNestingDepth } = await import('../../server/src/core/scanners/common/tree-sitter');
    assert.equal(pythonNestingDepth('a\nif x:\n    if y:\n        z\n\n    # c\nw\n'), 2);
    assert.equal(pythonNestingDepth('if x:\n\tif y:\n\t\tz\n'), 2);
    assert.equal(pythonNestingDepth(''), 0);
  });
});
