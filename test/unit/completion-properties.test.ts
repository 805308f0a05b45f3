import * as assert from 'node:assert/strict';
import { completeAt } from '../../server/src/core/completion';
import type { CompletionEntry } from '../../server/src/core/completion';
import type { DocumentKind } from '../../server/src/core/model';

/** Completes at the `|` marker of `marked`. */
function complete(marked: string, kind: DocumentKind = 'properties'): CompletionEntry[] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'fixture needs a | marker');
  return completeAt(marked.slice(0, offset) + marked.slice(offset + 1), offset, kind);
}

const labels = (items: readonly CompletionEntry[]): string[] => items.map((i) => i.label);

describe('completion: properties', () => {
  it('offers acks values safest first, replacing the value span', () => {
    assert.deepEqual(complete('bootstrap.servers=b:9092\nacks=|\n'), [
      { label: 'all', kind: 'value', detail: 'wait until every in-sync replica has the record · default in Kafka 4.1', insertText: 'all', range: { start: 30, end: 30 } },
      { label: '-1', kind: 'value', detail: 'same as all', insertText: '-1', range: { start: 30, end: 30 } },
      { label: '1', kind: 'value', detail: 'wait for the partition leader only', insertText: '1', range: { start: 30, end: 30 } },
      { label: '0', kind: 'value', detail: 'do not wait at all: fire and forget', insertText: '0', range: { start: 30, end: 30 } },
    ]);
  });

  const valueTable: readonly [string, string[]][] = [
    ['acks: |', ['all', '-1', '1', '0']],
    ['acks |', ['all', '-1', '1', '0']],
    ['  request.required.acks = 1|', ['all', '-1', '1', '0']],
    ['enable.auto.commit=|', ['false', 'true']],
    ['enable.idempotence=|', ['true', 'false']],
    ['auto.offset.reset=la|', ['earliest', 'none', 'latest']],
    ['isolation.level=|', ['read_committed', 'read_uncommitted']],
    ['unclean.leader.election.enable=|', ['false', 'true']],
    ['cleanup.policy=|', ['delete', 'compact', 'compact,delete', 'delete,compact']],
    ['security.protocol=|', ['SASL_SSL', 'SSL', 'SASL_PLAINTEXT', 'PLAINTEXT']],
    ['linger.ms=|', ['5']],
    ['producer.override.acks=|', ['all', '-1', '1', '0']],
    ['listener.name.internal.security.protocol=|', ['SASL_SSL', 'SSL', 'SASL_PLAINTEXT', 'PLAINTEXT']],
    ['bootstrap.servers=|', []],
    ['no.such.key=|', []],
  ];
  for (const [fixture, expected] of valueTable) {
    it(`values for ${JSON.stringify(fixture)}`, () => assert.deepEqual(labels(complete(fixture)), expected));
  }

  it('replaces the whole typed value, trailing blanks excluded', () => {
    const items = complete('auto.offset.reset = lat|est  \n');
    assert.deepEqual(items[0].range, { start: 20, end: 26 });
    assert.equal(items[0].kind, 'value');
  });

  it('offers documented keys at the start of a line, adding = when the line has no separator', () => {
    const items = complete('ac|');
    assert.deepEqual(
      { ...items[0], documentation: undefined },
      { label: 'acks', kind: 'key', detail: 'string · default all', documentation: undefined, insertText: 'acks=', range: { start: 0, end: 2 } },
    );
    assert.ok(items[0].documentation?.startsWith('**acks** · producer, streams, connect · `string`'));
    assert.ok(labels(items).includes('log.cleaner.threads'), 'undocumented Kafka names follow');
    const undocumented = items.find((i) => i.label === 'log.cleaner.threads');
    assert.deepEqual(undocumented, { label: 'log.cleaner.threads', kind: 'key', detail: 'Kafka key', insertText: 'log.cleaner.threads=', range: { start: 0, end: 2 } });
    assert.equal(new Set(labels(items)).size, items.length);
    assert.ok(!labels(items).includes('sasl.username') && !labels(items).includes('enable.auto.offset.store'), 'no librdkafka-only keys');
  });

  it('offers the keys of the role the file already configures first', () => {
    const consumer = labels(complete('group.id=g\nenable.auto.commit=false\nauto.offset.reset=earliest\n|'));
    assert.equal(consumer[0], 'enable.auto.commit');
    assert.ok(consumer.indexOf('max.poll.records') < consumer.indexOf('acks'));
    const topic = labels(complete('retention.ms=1\ncleanup.policy=delete\nmin.insync.replicas=2\n|'));
    assert.equal(topic[0], 'replication.factor');
    assert.ok(topic.indexOf('min.insync.replicas') < topic.indexOf('acks'));
    assert.ok(topic.indexOf('segment.ms') < topic.indexOf('acks'));
    const tie = labels(complete('acks=all\nenable.auto.commit=false\n|'));
    assert.equal(tie[0], 'acks', 'no clear role keeps the catalog order');
    assert.equal(new Set(topic).size, topic.length);
  });

  it('keeps an existing separator when completing a key, replacing the whole key', () => {
    const items = complete('x=1\n  li|nger.ms=5\n');
    assert.deepEqual(items[0].range, { start: 6, end: 15 });
    assert.equal(items.find((i) => i.label === 'linger.ms')?.insertText, 'linger.ms');
  });

  it('offers keys on an empty line and at the end of the file', () => {
    assert.deepEqual(complete('acks=all\n|')[0].range, { start: 9, end: 9 });
    assert.deepEqual(complete('acks=all\n   |')[0].range, { start: 12, end: 12 });
    assert.ok(complete('|').length > 100);
  });

  const nothing: readonly [string, string][] = [
    ['a comment', '# acks=|'],
    ['a ! comment', '  ! ac|ks'],
    ['a continuation line', 'acks=all,\\\n  |'],
    ['the separator gap', 'acks | = 1'],
    ['indentation before a key', ' | acks=1'],
  ];
  for (const [what, fixture] of nothing) {
    it(`offers nothing in ${what}`, () => assert.deepEqual(complete(fixture), []));
  }

  it('treats a comment ending in a backslash as a comment, not a continuation', () => {
    assert.deepEqual(labels(complete('# note \\\nacks=|')), ['all', '-1', '1', '0']);
  });

  it('handles CRLF and lone CR line breaks', () => {
    assert.deepEqual(labels(complete('a=1\r\nacks=|\r\n')), ['all', '-1', '1', '0']);
    assert.deepEqual(labels(complete('a=1\racks=|')), ['all', '-1', '1', '0']);
  });

  it('never throws and keeps the caret inside every range, at any offset of any kind', () => {
    const text = 'acks=0\r\n# c\\\nretries=\\\n  1\n\n  x:y\\\\\n\tz \u00e9=\u{1F600}\n';
    const kinds: DocumentKind[] = ['properties', 'spring-properties', 'spring-yaml', 'java', 'unknown'];
    for (const kind of kinds) {
      for (let o = -1; o <= text.length + 1; o++) {
        for (const item of completeAt(text, o, kind)) {
          assert.ok(item.range.start <= o && o <= item.range.end, `${kind} @${o}`);
        }
      }
    }
    assert.deepEqual(completeAt('acks=', Number.NaN, 'properties'), []);
    assert.deepEqual(completeAt('acks=', 1.5, 'properties'), []);
    assert.deepEqual(completeAt('acks=', 5, 'java'), []);
  });
});
