import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';
import { forgetDocument, parseDocument } from '../../server/src/core/scanners/common/tree-sitter';
import { plainFirstArgument, plainReceiver, readJavaFile } from '../../server/src/core/scanners/java/file';

/** A consumer whose config map `props` gets `lines` among its puts (auto-commit left unset). */
function consumer(lines: readonly string[]): string {
  return [
    'import java.util.*;',
    'import org.apache.kafka.clients.consumer.*;',
    'class P {',
    '  private final Map<String, String> cache = new HashMap<>();',
    '  KafkaConsumer<String, String> make(String someKey) {',
    '    Properties props = new Properties();',
    ...lines.map((l) => `    ${l}`),
    '    props.put(ConsumerConfig.GROUP_ID_CONFIG, "g");',
    '    return new KafkaConsumer<>(props);',
    '  }',
    '}',
    '',
  ].join('\n');
}

async function rules(text: string): Promise<string[]> {
  const doc = await analyze('/ws/src/P.java', text);
  forgetDocument('/ws/src/P.java');
  return lint(doc).map((f) => f.ruleId);
}

describe('Java scanner: what the text shows of a put call is read from the text', () => {
  it('plainReceiver: a plain name before `.name(`, whatever the spacing; nothing for a chain, a call, a comment or a non-ASCII name', () => {
    const at = (text: string) => plainReceiver(text, text.lastIndexOf('put'));
    assert.deepEqual(at('cache.put(a, b)'), { name: 'cache', at: 0 });
    assert.deepEqual(at('x = cache .\n  put(a, b)'), { name: 'cache', at: 4 });
    assert.deepEqual(at('(cache).put(a, b)'), undefined);
    assert.deepEqual(at('this.cache.put(a, b)'), undefined);
    assert.deepEqual(at('get().put(a, b)'), undefined);
    assert.deepEqual(at('cache /* c */.put(a, b)'), undefined);
    assert.deepEqual(at('éa.put(a, b)'), undefined, 'a name with a letter the ASCII test does not know');
    assert.deepEqual(at('put(a, b)'), undefined, 'no receiver');
    assert.deepEqual(at('1.put(a, b)'), undefined);
  });

  it('plainFirstArgument: a plain name and a comma before another expression; nothing for a literal, a constant, a comment', () => {
    const at = (text: string) => plainFirstArgument(text, text.indexOf('(') + 1);
    assert.deepEqual(at('put(order, region)'), { name: 'order', at: 4 });
    assert.deepEqual(at('put( key ,\n "v")'), { name: 'key', at: 5 });
    assert.equal(at('put("acks", "0")'), undefined);
    assert.equal(at('put(ProducerConfig.ACKS_CONFIG, "0")'), undefined);
    assert.equal(at('put(/* k */ order, region)'), undefined);
    assert.equal(at('put(order)'), undefined);
    assert.equal(at('put(order, )'), undefined);
  });

  it('a put of an unreadable key makes the config incomplete; the same call in a comment or a string does not', async () => {
    // Complete: auto-commit, unset, is on by default.
    assert.deepEqual(await rules(consumer([])), ['consumer/auto-commit-enabled']);
    // Incomplete: a key the scanner cannot read may be that one.
    assert.deepEqual(await rules(consumer(['props.put(someKey, "false");'])), []);
    assert.deepEqual(await rules(consumer(['cache.put(someKey, "x");', 'props.put(someKey, "false");'])), []);
    assert.deepEqual(await rules(consumer(['// props.put(someKey, "false");'])), ['consumer/auto-commit-enabled']);
    assert.deepEqual(await rules(consumer(['String s = "props.put(someKey, x)";'])), ['consumer/auto-commit-enabled']);
    assert.deepEqual(await rules(consumer(['/* props.put(someKey, "false"); */'])), ['consumer/auto-commit-enabled']);
  });

  it('a config map whose first put is one left for later still comes first among the groups, as when that put made it', async () => {
    const text = [
      'import java.util.*;',
      'import org.apache.kafka.clients.producer.*;',
      'class Two {',
      '  void make(String someKey) {',
      '    Properties first = defaults();',
      '    first.put(someKey, "x");',
      '    Map<String, Object> second = moreDefaults();',
      '    second.put(ProducerConfig.ACKS_CONFIG, "0");',
      '    first.put(ProducerConfig.ACKS_CONFIG, "1");',
      '    new KafkaProducer<>(second);',
      '    new KafkaProducer<>(first);',
      '  }',
      '}',
      '',
    ].join('\n');
    const doc = await analyze('/ws/src/Two.java', text);
    forgetDocument('/ws/src/Two.java');
    // `first` is met at its pending put, before `second`: its group comes first, and is the one anchored
    // at the second constructor. (Both start from settings made elsewhere, so neither claims its role.)
    assert.deepEqual(
      doc.groups.map((g) => [g.entries.map((e) => `${e.key}=${e.value}`).join(','), text.slice(g.anchor.start, g.anchor.end)]),
      [
        ['acks=1', 'new KafkaProducer<>(first)'],
        ['acks=0', 'new KafkaProducer<>(second)'],
      ],
    );
  });

  it('puts into a map that is not Kafka configuration are not looked up in the tree, and find nothing', async () => {
    const body = Array.from({ length: 150 }, (_v, i) => `  void m${i}(String order, String region) { cache.put(order, region); }`);
    const text = consumer([]).replace('class P {', ['class P {', ...body].join('\n'));
    const tree = await parseDocument('java', '/ws/src/Many.java', text);
    const file = readJavaFile(text, tree.rootNode);
    assert.equal(file.pendingPuts.length, 150);
    assert.ok(file.pendingPuts.every((p) => p.decl.name === 'cache'));
    // Only the put into `props` is a call read from the tree.
    assert.equal(file.calls.get('put')?.length, 1);
    forgetDocument('/ws/src/Many.java');
    assert.deepEqual(await rules(text), ['consumer/auto-commit-enabled']);
  });
});
