import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import type { AnalyzedDocument, ConfigGroup, Finding, Range } from '../../server/src/core/model';
import { forgetDocument, parseDocument } from '../../server/src/core/scanners/common/tree-sitter';
import { GoContext } from '../../server/src/core/scanners/go/context';
import { scanSarama } from '../../server/src/core/scanners/go/sarama';
import { scanFranz } from '../../server/src/core/scanners/go/franz';
import { scanConfluent } from '../../server/src/core/scanners/go/confluent';
import { scanSegmentio } from '../../server/src/core/scanners/go/segmentio';
import { localize } from '../../server/src/core/i18n/index';
import { at } from './ranges';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'code', 'go');
const EXAMPLES = join(ROOT, 'examples', 'code', 'go');

/** Reads a fixture and runs the whole pipeline on it. */
async function fixture(rel: string): Promise<{ text: string; doc: AnalyzedDocument; findings: Finding[] }> {
  const text = readFileSync(join(FIXTURES, rel), 'utf8');
  return run(`/ws/${rel}`, text);
}

async function run(path: string, text: string): Promise<{ text: string; doc: AnalyzedDocument; findings: Finding[] }> {
  const doc = await analyze(path, text);
  forgetDocument(path);
  return { text, doc, findings: lint(doc) };
}

/** The text a snippet stands for (its marked part when it has `[[ ]]`). */
function marked(snippet: string): string {
  const m = /\[\[(.*)\]\]/s.exec(snippet);
  return m ? m[1] : snippet;
}

type Expected = readonly [ruleId: string, snippet: string, nth?: number];

/** Asserts the exact list of findings: rule ids and ranges, in position order. */
function expectFindings(text: string, findings: readonly Finding[], expected: readonly Expected[]): void {
  const actual = findings.map((f) => ({ ruleId: f.ruleId, range: f.range, text: text.slice(f.range.start, f.range.end) }));
  const want = expected
    .map(([ruleId, snippet, nth]) => ({ ruleId, range: at(text, snippet, nth ?? 0), text: marked(snippet) }))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  assert.deepEqual(actual, want);
}

/** The one finding with `ruleId`, applied with its first (preferred) fix. */
function fixed(text: string, findings: readonly Finding[], ruleId: string, fixIndex = 0): string {
  const matching = findings.filter((f) => f.ruleId === ruleId);
  assert.equal(matching.length, 1, `one ${ruleId} finding`);
  const fix = matching[0].fixes?.[fixIndex];
  assert.ok(fix, `${ruleId} has fix #${fixIndex}`);
  return applyEdits(text, fix.edits);
}

/** A compact view of a group's entries: key, value and the source text of key and value. */
function entries(text: string, group: ConfigGroup) {
  return group.entries.map((e) => [e.key, e.value, text.slice(e.keyRange.start, e.keyRange.end), text.slice(e.valueRange.start, e.valueRange.end)]);
}

describe('Go scanner: documents', () => {
  it('treats a file without a Kafka import as non-Kafka: no groups, facts or findings', async () => {
    const { doc, findings } = await fixture('other/not-kafka.go');
    assert.equal(doc.kind, 'go');
    assert.equal(doc.isKafka, false);
    assert.equal(doc.commentPrefix, '//');
    assert.deepEqual([doc.groups.length, doc.facts.length, findings.length], [0, 0, 0]);
  });

  it('never counts a database Commit, a file Close, a bufio Flush, a stream Send or a foreign Produce/ReadMessage', async () => {
    const { doc, findings } = await fixture('other/mixed.go');
    assert.equal(doc.isKafka, true);
    assert.deepEqual(doc.facts, []);
    assert.deepEqual(findings, []);
    // The franz-go client in Kafka() is flushed before it is closed: a producer, with nothing to report.
    assert.deepEqual(doc.groups.map((g) => [g.library, g.roles]), [['franz-go', ['producer']]]);
  });

  it('does not mistake a struct field of another type with the same name for a Kafka client', async () => {
    const text = [
      'package x',
      'import (',
      '\t"context"',
      '\t"net/http"',
      '\t"github.com/twmb/franz-go/pkg/kgo"',
      ')',
      'type Audit struct{ client *kgo.Client }',
      'type Fetcher struct{ client *http.Client }',
      'func (a *Audit) Log(ctx context.Context, r *kgo.Record) { a.client.Produce(ctx, r, func(_ *kgo.Record, err error) { _ = err }) }',
      'func (f *Fetcher) Stop() { f.client.CloseIdleConnections() }',
      'func (a *Audit) Stop() { a.client.Close() }',
      '',
    ].join('\n');
    const { doc } = await run('/ws/fields.go', text);
    // The field name is ambiguous in this file: no claim is made about either Close.
    assert.deepEqual(doc.facts, []);
    const single = text.replace('type Fetcher struct{ client *http.Client }', 'type Fetcher struct{ conn *http.Client }').replace('f.client.', 'f.conn.');
    assert.deepEqual((await run('/ws/fields-single.go', single)).doc.facts.map((f) => single.slice(f.range.start, f.range.end)), ['a.client.Close()']);
  });

  it('reads what it can from half-typed code and never throws', async () => {
    const { text, findings } = await fixture('other/half-typed.go');
    expectFindings(text, findings, [['producer/acks-zero', 'sarama.NoResponse']]);
  });

  it('survives binary input and an empty file', async () => {
    const binary = `package x\nimport "github.com/IBM/sarama"\n\u0000\u0001\uFFFD\u0007 func ( { sarama.NewConfig(`;
    const a = await run('/ws/bin.go', binary);
    assert.equal(a.doc.isKafka, true);
    assert.deepEqual(a.findings, []);
    const b = await run('/ws/empty.go', '');
    assert.equal(b.doc.isKafka, false);
  });

  it('keeps exact UTF-16 ranges after non-ASCII text and inserts lines with the file\'s CRLF line breaks', async () => {
    const text = [
      'package x // Bestellungen 📦 – naïve',
      'import "github.com/IBM/sarama"',
      'func f(b []string) {',
      '\tc := sarama.NewConfig() // 😀',
      '\tp, _ := sarama.NewSyncProducer(b, c)',
      '\t_ = p',
      '}',
      '',
    ].join('\r\n');
    const { findings } = await run('/ws/crlf.go', text);
    expectFindings(text, findings, [['producer/acks-leader-only', 'sarama.NewConfig()']]);
    assert.equal(
      fixed(text, findings, 'producer/acks-leader-only'),
      text.replace('// 😀\r\n', '// 😀\r\n\tc.Producer.RequiredAcks = sarama.WaitForAll\r\n'),
    );
  });

  it('honours a kafka-lint-disable-next-line comment in Go syntax', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func f() {',
      '\tc := sarama.NewConfig()',
      '\t// kafka-lint-disable-next-line producer/acks-zero -- metrics only',
      '\tc.Producer.RequiredAcks = sarama.NoResponse',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/suppressed.go', text);
    assert.deepEqual(findings.map((f) => f.ruleId), []);
  });
});

describe('Go scanner: sarama', () => {

  it('reads `config = sarama.NewConfig()` as a new config: the settings after it are that one\'s', async () => {
    // From a real file: one function builds a fire-and-forget AsyncProducer, then a SyncProducer.
    const text = [
      'package tracker',
      'import "github.com/Shopify/sarama"',
      'func New(brokers []string) (sarama.AsyncProducer, sarama.SyncProducer, error) {',
      '\tconfig := sarama.NewConfig()',
      '\tconfig.Producer.Return.Errors = false',
      '\tconfig.Producer.RequiredAcks = sarama.NoResponse',
      '\tfast, err := sarama.NewAsyncProducer(brokers, config)',
      '\tif err != nil {',
      '\t\treturn nil, nil, err',
      '\t}',
      '\tconfig = sarama.NewConfig()',
      '\tconfig.Producer.Return.Successes = true',
      '\tconfig.Producer.RequiredAcks = sarama.WaitForLocal',
      '\tsafe, err := sarama.NewSyncProducer(brokers, config)',
      '\treturn fast, safe, err',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await run('/ws/reassigned.go', text);
    assert.deepEqual(doc.groups.map((g) => [g.roles, g.entries.map((e) => `${e.key}=${e.value}`)]), [
      [['producer'], ['acks=0']],
      [['producer'], ['acks=1']],
    ]);
    expectFindings(text, findings, [
      ['producer/unhandled-send', 'config.Producer.Return.Errors = false'],
      ['producer/acks-zero', 'RequiredAcks = [[sarama.NoResponse]]'],
      ['producer/acks-leader-only', 'RequiredAcks = [[sarama.WaitForLocal]]'],
    ]);
  });

  it('keeps both configs of a name assigned in a branch or again in a loop', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func New(brokers []string, fast bool) {',
      '\tconfig := sarama.NewConfig()',
      '\tif fast {',
      '\t\tconfig = sarama.NewConfig()',
      '\t}',
      '\tconfig.Producer.RequiredAcks = sarama.NoResponse',
      '\tp, _ := sarama.NewSyncProducer(brokers, config)',
      '\t_ = p',
      '}',
      '',
    ].join('\n');
    // Either config may reach the write: it belongs to both, as before.
    const { doc } = await run('/ws/branch.go', text);
    assert.deepEqual(doc.groups.map((g) => g.entries.map((e) => `${e.key}=${e.value}`)), [['acks=0'], ['acks=0']]);
    const loop = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func New(brokers []string) {',
      '\tconfig := sarama.NewConfig()',
      '\tfor _, b := range brokers {',
      '\t\tconfig.Producer.RequiredAcks = sarama.NoResponse',
      '\t\tp, _ := sarama.NewSyncProducer([]string{b}, config)',
      '\t\t_ = p',
      '\t\tconfig = sarama.NewConfig()',
      '\t}',
      '}',
      '',
    ].join('\n');
    // From the second turn on, the write goes to the config made at the end of the turn before.
    const { doc: looped } = await run('/ws/loop.go', loop);
    assert.deepEqual(looped.groups.map((g) => g.entries.map((e) => `${e.key}=${e.value}`)), [['acks=0'], ['acks=0']]);
  });
  it('maps config fields to Kafka keys and reports the lossy ones', async () => {
    const { text, doc, findings } = await fixture('sarama/producer-lossy.go');
    assert.equal(doc.groups.length, 1);
    const group = doc.groups[0];
    assert.deepEqual([group.library, group.roles, text.slice(group.anchor.start, group.anchor.end)], ['sarama', ['producer'], 'sarama.NewConfig()']);
    assert.deepEqual(entries(text, group), [
      ['acks', '0', 'config.Producer.RequiredAcks', 'sarama.NoResponse'],
      ['retries', '0', 'config.Producer.Retry.Max', '0'],
      ['enable.idempotence', 'false', 'config.Producer.Idempotent', 'false'],
    ]);
    expectFindings(text, findings, [
      ['producer/acks-zero', 'sarama.NoResponse'],
      ['producer/retries-disabled', 'Retry.Max = [[0]]'],
      ['producer/idempotence-disabled', 'Idempotent = [[false]]'],
      ['producer/unhandled-send', 'config.Producer.Return.Errors = false'],
    ]);
    // Return.Errors = false already explains the lost errors: no second fact for the unread channel.
    assert.equal(doc.facts.length, 1);
  });

  it('fixes acks=0 with sarama.WaitForAll and removes Retry.Max = 0 as a whole line', async () => {
    const { text, findings } = await fixture('sarama/producer-lossy.go');
    assert.equal(fixed(text, findings, 'producer/acks-zero'), text.replace('= sarama.NoResponse', '= sarama.WaitForAll'));
    assert.equal(fixed(text, findings, 'producer/retries-disabled'), text.replace('\tconfig.Producer.Retry.Max = 0\n', ''));
  });

  it('reports the WaitForLocal default at NewConfig() for a config used by a producer, and inserts WaitForAll', async () => {
    const { text, findings } = await fixture('sarama/producer-default.go');
    expectFindings(text, findings, [['producer/acks-leader-only', 'sarama.NewConfig()']]);
    assert.equal(
      fixed(text, findings, 'producer/acks-leader-only'),
      text.replace('cfg := sarama.NewConfig()\n', 'cfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n'),
    );
  });

  it('renders values with the alias the file imports sarama under, and follows a producer kept in a struct field', async () => {
    const { text, doc, findings } = await fixture('sarama/producer-alias.go');
    expectFindings(text, findings, [
      ['producer/acks-leader-only', 'kf.WaitForLocal'],
      ['producer/unhandled-send', 'kf.NewAsyncProducer'],
    ]);
    assert.equal(fixed(text, findings, 'producer/acks-leader-only'), text.replace('= kf.WaitForLocal', '= kf.WaitForAll'));
    assert.match(localize('en', doc.facts[0].detail), /Errors\(\) channel/);
  });

  it('is quiet for WaitForAll, idempotence with one open request, branch-local retries and a drained Errors() channel', async () => {
    const { text, doc, findings } = await fixture('sarama/producer-safe.go');
    assert.deepEqual(findings, []);
    const idempotent = doc.groups[0].entries.find((e) => e.key === 'enable.idempotence');
    // Idempotent = true is only offered where sarama accepts it (MaxOpenRequests 1, WaitForAll).
    assert.equal(idempotent?.renderValue?.('true'), 'true');
    // The two Retry.Max writes are alternatives (if/else), not a duplicate: each is the branch of its arm.
    const retries = doc.groups[0].entries.filter((e) => e.key === 'retries');
    assert.deepEqual(retries.map((e) => e.branches?.map((b) => [b.value, b.condition, b.when, text.slice(b.valueRange.start, b.valueRange.end)])), [[['10', 'isDev()', true, '10']], [['20', 'isDev()', false, '20']]]);
  });

  it('reports session.MarkMessage before processing and moves it after the last use of the message', async () => {
    const { text, doc, findings } = await fixture('sarama/consumer-mark-before.go');
    expectFindings(text, findings, [
      ['consumer/commit-before-processing', 'session.MarkMessage(msg, "")'],
      ['consumer/auto-offset-reset-latest', 'sarama.OffsetNewest'],
    ]);
    // Sarama's auto-commit commits only marked offsets: the early mark is the one root cause, reported once.
    assert.equal(findings.some((f) => f.ruleId === 'consumer/auto-commit-enabled'), false);
    assert.deepEqual(doc.groups.map((g) => g.roles), [['consumer']]);
    const moved = text
      .replace('\t\tsession.MarkMessage(msg, "")\n', '')
      .replace('log.Printf("stored offset %d", msg.Offset)\n', 'log.Printf("stored offset %d", msg.Offset)\n\t\tsession.MarkMessage(msg, "")\n');
    assert.equal(fixed(text, findings, 'consumer/commit-before-processing'), moved);
    assert.equal(fixed(text, findings, 'consumer/auto-offset-reset-latest'), text.replace('= sarama.OffsetNewest', '= sarama.OffsetOldest'));
  });

  it('moves the mark to the end of the block, past the processing of values derived from the message', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'type h struct{}',
      'func (h) ConsumeClaim(s sarama.ConsumerGroupSession, c sarama.ConsumerGroupClaim) error {',
      '\tfor m := range c.Messages() {',
      '\t\ts.MarkMessage(m, "")',
      '\t\torder := decode(m.Value)',
      '\t\tstore(order)',
      '\t}',
      '\treturn nil',
      '}',
      'func decode([]byte) string { return "" }',
      'func store(string) {}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/derived.go', text);
    assert.equal(
      fixed(text, findings, 'consumer/commit-before-processing'),
      text.replace('\t\ts.MarkMessage(m, "")\n', '').replace('\t\tstore(order)\n', '\t\tstore(order)\n\t\ts.MarkMessage(m, "")\n'),
    );
  });

  it('offers no move when the block ends by returning the processing of the message: the mark would still come first', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func consume(s sarama.ConsumerGroupSession, m *sarama.ConsumerMessage) error {',
      '\ts.MarkMessage(m, "")',
      '\treturn handle(m)',
      '}',
      'func handle(*sarama.ConsumerMessage) error { return nil }',
      '',
    ].join('\n');
    const { findings } = await run('/ws/mark-return.go', text);
    expectFindings(text, findings, [['consumer/commit-before-processing', 's.MarkMessage(m, "")']]);
    assert.deepEqual(findings[0].fixes ?? [], []);
  });

  describe('logging, printing and metrics after MarkMessage are not processing', () => {
    const sarama = (lines: readonly string[]) =>
      [
        'package x',
        'import (',
        '\t"fmt"',
        '\t"log"',
        '\t"log/slog"',
        '\t"github.com/IBM/sarama"',
        ')',
        'type h struct{ logger *zap.Logger; metrics *Metrics }',
        'func (hd h) ConsumeClaim(session sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {',
        '\tfor msg := range claim.Messages() {',
        '\t\tstore(msg.Value)',
        '\t\tsession.MarkMessage(msg, "")',
        ...lines.map((l) => `\t\t${l}`),
        '\t}',
        '\treturn nil',
        '}',
        'func store([]byte) {}',
        '',
      ].join('\n');
    const quiet: readonly string[] = [
      'log.Printf("marked %d", msg.Offset)',
      'fmt.Println("marked", msg.Offset)',
      'fmt.Fprintf(os.Stderr, "marked %v\\n", msg.Offset)',
      'slog.Info("marked", "offset", msg.Offset)',
      'hd.logger.Info("marked", zap.Int64("offset", msg.Offset))',
      'logger.With("topic", msg.Topic).Debugf("marked %d", msg.Offset)',
      'l.Warnw("marked", "offset", msg.Offset)',
      'log.Info().Int64("offset", msg.Offset).Msg("marked")',
      'hd.metrics.Consumed.Inc()',
      'lag.WithLabelValues(msg.Topic).Set(float64(msg.Offset))',
      'consumedCounter.Add(float64(len(msg.Value)))',
    ];
    for (const line of quiet) {
      it(`quiet: ${line}`, async () => {
        const text = sarama([line]);
        const { findings } = await run('/ws/mark-log.go', text);
        assert.deepEqual(findings.filter((f) => f.ruleId === 'consumer/commit-before-processing'), []);
      });
    }
    it('still reported when the message is written to a writer other than the terminal (fmt.Fprintf(w, ...))', async () => {
      const text = sarama(['fmt.Fprintf(out, "%s\\n", msg.Value)']);
      const { findings } = await run('/ws/mark-fprintf.go', text);
      expectFindings(text, findings.filter((f) => f.ruleId === 'consumer/commit-before-processing'), [['consumer/commit-before-processing', 'session.MarkMessage(msg, "")']]);
    });

    it('confluent-kafka-go: an error report of the offset store itself, to os.Stderr, is not processing (its consumer_example)', async () => {
      const text = [
        'package x',
        'import (',
        '\t"fmt"',
        '\t"os"',
        '\t"github.com/confluentinc/confluent-kafka-go/v2/kafka"',
        ')',
        'func run() {',
        '\tc, _ := kafka.NewConsumer(&kafka.ConfigMap{"group.id": "g", "enable.auto.commit": false, "enable.auto.offset.store": false})',
        '\tfor {',
        '\t\tev := c.Poll(100)',
        '\t\tswitch e := ev.(type) {',
        '\t\tcase *kafka.Message:',
        '\t\t\tfmt.Printf("%% Message on %s:\\n%s\\n", e.TopicPartition, string(e.Value))',
        '\t\t\t_, err := c.StoreMessage(e)',
        '\t\t\tif err != nil {',
        '\t\t\t\tfmt.Fprintf(os.Stderr, "%% Error storing offset after message %s:\\n", e.TopicPartition)',
        '\t\t\t}',
        '\t\t}',
        '\t}',
        '}',
        '',
      ].join('\n');
      const { findings } = await run('/ws/store.go', text);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'consumer/commit-before-processing'), []);
    });

    it('still reported when real processing follows the logging, and the fix moves the mark past both', async () => {
      const text = sarama(['log.Printf("marked %d", msg.Offset)', 'index(msg.Key)']);
      const { findings } = await run('/ws/mark-log-process.go', text);
      expectFindings(text, findings.filter((f) => f.ruleId === 'consumer/commit-before-processing'), [['consumer/commit-before-processing', 'session.MarkMessage(msg, "")']]);
      assert.equal(
        fixed(text, findings, 'consumer/commit-before-processing'),
        text.replace('\t\tsession.MarkMessage(msg, "")\n', '').replace('\t\tindex(msg.Key)\n', '\t\tindex(msg.Key)\n\t\tsession.MarkMessage(msg, "")\n'),
      );
    });
  });

  it('is quiet when the message is marked after it is processed', async () => {
    const { doc, findings } = await fixture('sarama/consumer-safe.go');
    assert.deepEqual([doc.facts, findings], [[], []]);
  });

  it('does not report Return.Errors = false on a config used by a SyncProducer (sarama refuses it at start-up)', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func f(b []string) {',
      '\tc := sarama.NewConfig()',
      '\tc.Producer.RequiredAcks = sarama.WaitForAll',
      '\tc.Producer.Return.Errors = false',
      '\tp, _ := sarama.NewSyncProducer(b, c)',
      '\t_ = p',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await run('/ws/sync.go', text);
    assert.deepEqual([doc.facts, findings], [[], []]);
  });

  it('does not report Return.Errors = false on a transactional producer (a failed message makes CommitTxn fail), and still does without Transaction.ID', async () => {
    const lines = (id: string) => [
      'package x',
      'import "github.com/IBM/sarama"',
      'func f(b []string) error {',
      '\tc := sarama.NewConfig()',
      '\tc.Producer.RequiredAcks = sarama.WaitForAll',
      '\tc.Producer.Idempotent = true',
      '\tc.Net.MaxOpenRequests = 1',
      '\tc.Producer.Return.Errors = false',
      ...(id ? [`\tc.Producer.Transaction.ID = ${id}`] : []),
      '\tp, err := sarama.NewAsyncProducer(b, c)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tp.Input() <- &sarama.ProducerMessage{Topic: "t"}',
      '\treturn p.CommitTxn()',
      '}',
      '',
    ].join('\n');
    for (const id of ['"txn-1"', 'txnID']) {
      const { findings } = await run('/ws/txn.go', lines(id));
      assert.deepEqual(findings.filter((f) => f.ruleId === 'producer/unhandled-send'), [], id);
    }
    const plain = lines('');
    const { findings } = await run('/ws/plain.go', plain);
    expectFindings(plain, findings.filter((f) => f.ruleId === 'producer/unhandled-send'), [['producer/unhandled-send', 'c.Producer.Return.Errors = false']]);
    // An empty ID is no transaction.
    const empty = lines('""');
    expectFindings(empty, (await run('/ws/empty.go', empty)).findings.filter((f) => f.ruleId === 'producer/unhandled-send'), [['producer/unhandled-send', 'c.Producer.Return.Errors = false']]);
  });

  it('reports a setting written twice on the straight path as a duplicate, and offers no unsafe Idempotent = true', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func f(b []string) {',
      '\tc := sarama.NewConfig()',
      '\tc.Producer.RequiredAcks = sarama.WaitForLocal',
      '\tc.Producer.RequiredAcks = sarama.WaitForAll',
      '\tc.Producer.Idempotent = false',
      '\tp, _ := sarama.NewSyncProducer(b, c)',
      '\t_ = p',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/dup.go', text);
    expectFindings(text, findings, [
      ['config/duplicate-key', 'c.Producer.RequiredAcks'],
      ['producer/idempotence-disabled', 'Idempotent = [[false]]'],
    ]);
    // Idempotent = true without Net.MaxOpenRequests = 1 stops sarama from starting: only the removal is offered.
    const idem = findings.find((f) => f.ruleId === 'producer/idempotence-disabled');
    assert.deepEqual(idem?.fixes?.map((f) => f.edits.map((e) => text.slice(e.range.start, e.range.end))), []);
  });

  it('follows a config returned by a helper function to the producer built from it', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func newConfig() *sarama.Config {',
      '\tc := sarama.NewConfig()',
      '\tc.Version = sarama.V2_8_0_0',
      '\treturn c',
      '}',
      'func main() {',
      '\tp, _ := sarama.NewSyncProducer([]string{"k:9092"}, newConfig())',
      '\t_ = p',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await run('/ws/factory.go', text);
    assert.deepEqual(doc.groups.map((g) => g.roles), [['producer']]);
    expectFindings(text, findings, [['producer/acks-leader-only', 'sarama.NewConfig()']]);
    assert.equal(fixed(text, findings, 'producer/acks-leader-only'), text.replace('c := sarama.NewConfig()\n', 'c := sarama.NewConfig()\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n'));
  });

  it('treats the result of a local config factory as that config, in every caller', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func newConfig() *sarama.Config {',
      '\treturn sarama.NewConfig()',
      '}',
      'func a() {',
      '\tcfg := newConfig()',
      '\tcfg.Producer.Retry.Max = 5',
      '\tp, _ := sarama.NewSyncProducer(nil, cfg)',
      '\t_ = p',
      '}',
      'func b() {',
      '\tcfg := newConfig()',
      '\tcfg.Producer.Retry.Max = 7',
      '\t_ = cfg',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await run('/ws/factory-callers.go', text);
    assert.deepEqual(doc.groups.map((g) => [g.roles, g.entries.map((e) => e.value)]), [[['producer'], ['5', '7']]]);
    // The default acks is reported where the config is created; the two callers' retries are not duplicates.
    expectFindings(text, findings, [['producer/acks-leader-only', 'sarama.NewConfig()']]);
  });

  it('with auto-commit off, reports a mark only when session.Commit() runs before the processing', async () => {
    const lines = (commitFirst: boolean) =>
      [
        'package x',
        'import "github.com/IBM/sarama"',
        'type h struct{}',
        'func (h) ConsumeClaim(s sarama.ConsumerGroupSession, c sarama.ConsumerGroupClaim) error {',
        '\tfor m := range c.Messages() {',
        '\t\ts.MarkMessage(m, "")',
        ...(commitFirst ? ['\t\ts.Commit()', '\t\tprocess(m)'] : ['\t\tprocess(m)', '\t\ts.Commit()']),
        '\t}',
        '\treturn nil',
        '}',
        'func process(*sarama.ConsumerMessage) {}',
        'func cfg() *sarama.Config {',
        '\tc := sarama.NewConfig()',
        '\tc.Consumer.Offsets.AutoCommit.Enable = false',
        '\treturn c',
        '}',
        '',
      ].join('\n');
    const early = await run('/ws/commit-early.go', lines(true));
    expectFindings(early.text, early.findings, [['consumer/commit-before-processing', 's.MarkMessage(m, "")']]);
    assert.match(localize('en', early.doc.facts[0].detail), /s\.Commit\(\)/);
    const late = await run('/ws/commit-late.go', lines(false));
    assert.deepEqual(late.doc.facts, []);
  });

  it('reports a SyncProducer send whose error is thrown away, not one whose error is checked', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func f(b []string, m *sarama.ProducerMessage) error {',
      '\tc := sarama.NewConfig()',
      '\tc.Producer.RequiredAcks = sarama.WaitForAll',
      '\tc.Producer.Return.Successes = true',
      '\tp, err := sarama.NewSyncProducer(b, c)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tp.SendMessage(m)',
      '\t_, _, _ = p.SendMessage(m)',
      '\t_, _, err = p.SendMessage(m)',
      '\treturn err',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/sync-send.go', text);
    expectFindings(text, findings, [
      ['producer/unhandled-send', 'p.SendMessage', 0],
      ['producer/unhandled-send', 'p.SendMessage', 1],
    ]);
  });

  it('does not report an AsyncProducer that is returned unnamed: the caller may drain it', async () => {
    const text = 'package x\nimport "github.com/IBM/sarama"\nfunc New(b []string, c *sarama.Config) (sarama.AsyncProducer, error) {\n\treturn sarama.NewAsyncProducer(b, c)\n}\n';
    const { doc } = await run('/ws/returned-async.go', text);
    assert.deepEqual(doc.facts, []);
  });

  it('gives a config set up in a helper its roles from the fields it sets', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'func tune(c *sarama.Config) {',
      '\tc.Consumer.Offsets.AutoCommit.Enable = true',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await run('/ws/helper.go', text);
    // The caller made the config and may have set anything: no role, so nothing unset is judged here.
    assert.deepEqual(doc.groups.map((g) => [g.roles, text.slice(g.anchor.start, g.anchor.end)]), [[[], 'c.Consumer.Offsets.AutoCommit.Enable']]);
    // Auto-commit in Sarama commits only the offsets the application marked: nothing to report.
    assert.deepEqual(findings, []);
  });

  it('judges only what is written on a config made elsewhere: no "acks is unset" on a helper or a config from a method', async () => {
    // mailgun/kafka-pixy producer/producer.go: the config comes from config.Proxy.SaramaProducerCfg(), which sets
    // Producer.RequiredAcks (WaitForAll by default) in another package.
    const text = [
      'package producer',
      'import (',
      '\t"github.com/IBM/sarama"',
      '\t"example.com/pixy/config"',
      ')',
      'func Spawn(cfg *config.Proxy) (sarama.AsyncProducer, error) {',
      '\tsaramaCfg := cfg.SaramaProducerCfg()',
      '\tsaramaCfg.Producer.Return.Successes = true',
      '\tsaramaCfg.Producer.Return.Errors = true',
      '\tclient, err := sarama.NewClient(cfg.Kafka.SeedPeers, saramaCfg)',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\treturn sarama.NewAsyncProducerFromClient(client)',
      '}',
      'func tune(c *sarama.Config) {',
      '\tc.Producer.Retry.Max = 5',
      '\tc.Producer.RequiredAcks = sarama.NoResponse',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/spawn.go', text);
    // What the helper writes is still judged.
    expectFindings(text, findings, [['producer/acks-zero', 'sarama.NoResponse']]);
  });
});

describe('Go scanner: franz-go', () => {
  it('reads options from a []kgo.Opt literal and append, and reports Close without Flush', async () => {
    const { text, doc, findings } = await fixture('franz/producer-lossy.go');
    assert.deepEqual(doc.groups.map((g) => [g.library, g.roles, text.slice(g.anchor.start, g.anchor.end)]), [
      ['franz-go', ['producer'], 'kgo.NewClient'],
      ['franz-go', ['producer'], 'kgo.NewClient'],
    ]);
    assert.deepEqual(entries(text, doc.groups[0]), [
      ['acks', '0', 'kgo.RequiredAcks', 'kgo.NoAck()'],
      ['enable.idempotence', 'false', 'kgo.DisableIdempotentWrite', 'kgo.DisableIdempotentWrite()'],
    ]);
    expectFindings(text, findings, [
      ['producer/acks-zero', 'kgo.NoAck()'],
      ['producer/idempotence-disabled', 'kgo.DisableIdempotentWrite()'],
      ['producer/close-without-flush', 'client.Close()'],
      ['producer/acks-leader-only', 'kgo.LeaderAck()'],
      // LeaderAck() with idempotent writes left on: kgo.NewClient returns an error.
      ['producer/idempotence-disabled', 'kgo.LeaderAck()'],
      ['producer/close-without-flush', 'cl.Close()'],
      ['producer/unhandled-send', 'cl.Produce'],
    ]);
  });

  it('reports a nil promise, a promise that ignores its error (named _ or unnamed), for Produce and TryProduce, and discarded ProduceSync results', async () => {
    const text = [
      'package x',
      'import (',
      '\t"context"',
      '\t"log"',
      '\t"github.com/twmb/franz-go/pkg/kgo"',
      ')',
      'func f(ctx context.Context, cl *kgo.Client, r *kgo.Record) error {',
      '\tcl.Produce(ctx, r, nil)',
      '\tcl.Produce(ctx, r, func(_ *kgo.Record, _ error) {})',
      '\tcl.Produce(ctx, r, func(_ *kgo.Record, err error) { if err != nil { panic(err) } })',
      '\tcl.TryProduce(ctx, r, nil)',
      '\tcl.TryProduce(ctx, r, func(*kgo.Record, error) {})',
      '\tcl.Produce(ctx, r, func(*kgo.Record, error) { log.Print("sent") })',
      '\tcl.TryProduce(ctx, r, func(rec *kgo.Record, _ error) { log.Print(rec.Topic) })',
      '\tcl.TryProduce(ctx, r, func(rec *kgo.Record, err error) { if err != nil { log.Print(err) } })',
      '\tcl.ProduceSync(ctx, r)',
      '\t_ = cl.ProduceSync(ctx, r).FirstErr()',
      '\tif err := cl.ProduceSync(ctx, r).FirstErr(); err != nil {',
      '\t\treturn err',
      '\t}',
      '\treturn cl.Flush(ctx)',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/franz-sends.go', text);
    expectFindings(text, findings, [
      ['producer/unhandled-send', 'cl.Produce'],
      ['producer/unhandled-send', 'func(_ *kgo.Record, _ error) {}'],
      ['producer/unhandled-send', 'cl.TryProduce'],
      ['producer/unhandled-send', 'func(*kgo.Record, error) {}'],
      ['producer/unhandled-send', 'func(*kgo.Record, error) { log.Print("sent") }'],
      ['producer/unhandled-send', 'func(rec *kgo.Record, _ error) { log.Print(rec.Topic) }'],
      ['producer/unhandled-send', 'cl.ProduceSync', 0],
      ['producer/unhandled-send', 'cl.ProduceSync', 1],
    ]);
  });

  it('fixes acks with kgo.AllISRAcks(), removes DisableIdempotentWrite, and adds a Flush before Close', async () => {
    const { text, findings } = await fixture('franz/producer-lossy.go');
    assert.equal(fixed(text, findings, 'producer/acks-zero'), text.replace('kgo.RequiredAcks(kgo.NoAck())', 'kgo.RequiredAcks(kgo.AllISRAcks())'));
    // Idempotence cannot come back while acks is NoAck (franz-go would refuse to start): no fix there.
    assert.deepEqual(findings.find((f) => f.ruleId === 'producer/idempotence-disabled')?.fixes, []);
    const close = findings.filter((f) => f.ruleId === 'producer/close-without-flush');
    assert.equal(applyEdits(text, close[0].fixes?.[0].edits ?? []), text.replace('\tclient.Close()\n', '\t_ = client.Flush(context.Background())\n\tclient.Close()\n'));
    // A deferred Close flushes inside the deferred call, with the function's own context.
    assert.equal(applyEdits(text, close[1].fixes?.[0].edits ?? []), text.replace('defer cl.Close()', 'defer func() { _ = cl.Flush(ctx); cl.Close() }()'));
  });

  it('removes DisableIdempotentWrite() with its comma when nothing else stands in the way', async () => {
    const text = 'package x\nimport "github.com/twmb/franz-go/pkg/kgo"\nfunc f() {\n\tcl, _ := kgo.NewClient(kgo.DisableIdempotentWrite(), kgo.DefaultProduceTopic("t"))\n\t_ = cl\n}\n';
    const { findings } = await run('/ws/franz-idem.go', text);
    expectFindings(text, findings, [['producer/idempotence-disabled', 'kgo.DisableIdempotentWrite()']]);
    assert.equal(fixed(text, findings, 'producer/idempotence-disabled'), text.replace('kgo.DisableIdempotentWrite(), ', ''));
  });

  it('is quiet when Flush runs before Close, and for a consumer-only client', async () => {
    const { doc, findings } = await fixture('franz/producer-safe.go');
    assert.deepEqual(findings, []);
    assert.deepEqual(doc.groups.map((g) => g.roles), [['producer'], ['consumer']]);
  });

  it('maps GreedyAutoCommit to enable.auto.commit=true and AtEnd() to latest', async () => {
    const { text, doc, findings } = await fixture('franz/consumer-greedy.go');
    assert.deepEqual(entries(text, doc.groups[0]), [
      ['group.id', 'billing', 'kgo.ConsumerGroup', '"billing"'],
      ['enable.auto.commit', 'true', 'kgo.GreedyAutoCommit', 'kgo.GreedyAutoCommit()'],
      ['auto.offset.reset', 'latest', 'kgo.ConsumeResetOffset', 'kgo.NewOffset().AtEnd()'],
    ]);
    assert.equal(doc.groups[0].entries[1].rawKey, 'kgo.GreedyAutoCommit()');
    expectFindings(text, findings, [
      ['consumer/auto-commit-enabled', 'kgo.GreedyAutoCommit()'],
      ['consumer/auto-offset-reset-latest', 'kgo.NewOffset().AtEnd()'],
    ]);
    assert.equal(fixed(text, findings, 'consumer/auto-offset-reset-latest'), text.replace('kgo.NewOffset().AtEnd()', 'kgo.NewOffset().AtStart()'));
    assert.equal(fixed(text, findings, 'consumer/auto-commit-enabled'), text.replace('kgo.GreedyAutoCommit()', 'kgo.DisableAutoCommit()'));
    // Removing the option restores franz-go's default (commit only what was processed): the whole line goes.
    assert.equal(applyEdits(text, [{ range: doc.groups[0].entries[1].removeRange as Range, newText: '' }]), text.replace('\t\tkgo.GreedyAutoCommit(),\n', ''));
  });

  it('does not ask for a Flush before Close when the client only uses ProduceSync', async () => {
    const text = 'package x\nimport (\n\t"context"\n\t"github.com/twmb/franz-go/pkg/kgo"\n)\nfunc f(ctx context.Context, r *kgo.Record) error {\n\tcl, _ := kgo.NewClient(kgo.DefaultProduceTopic("t"))\n\tdefer cl.Close()\n\treturn cl.ProduceSync(ctx, r).FirstErr()\n}\n';
    const { findings } = await run('/ws/franz-sync.go', text);
    assert.deepEqual(findings, []);
    const asyncText = text.replace('return cl.ProduceSync(ctx, r).FirstErr()', 'cl.Produce(ctx, r, func(_ *kgo.Record, err error) { _ = err })\n\treturn nil');
    const r2 = await run('/ws/franz-async.go', asyncText);
    expectFindings(asyncText, r2.findings, [['producer/close-without-flush', 'cl.Close()']]);
  });

  it('reports LeaderAck() twice (leader-only acks, and a client that refuses to start), both fixed with AllISRAcks()', async () => {
    const text = 'package x\nimport "github.com/twmb/franz-go/pkg/kgo"\nfunc f() {\n\tcl, _ := kgo.NewClient(kgo.RequiredAcks(kgo.LeaderAck()))\n\t_ = cl\n}\n';
    const { findings } = await run('/ws/franz-leader.go', text);
    expectFindings(text, findings, [
      ['producer/acks-leader-only', 'kgo.LeaderAck()'],
      ['producer/idempotence-disabled', 'kgo.LeaderAck()'],
    ]);
    assert.deepEqual(findings.map((f) => f.severity), ['warning', 'error']);
    const after = text.replace('kgo.LeaderAck()', 'kgo.AllISRAcks()');
    assert.equal(fixed(text, findings, 'producer/acks-leader-only'), after);
    assert.equal(fixed(text, findings, 'producer/idempotence-disabled'), after);
  });

  it('does not flag the franz-go auto-commit default', async () => {
    const text = 'package x\nimport "github.com/twmb/franz-go/pkg/kgo"\nfunc f() {\n\tcl, _ := kgo.NewClient(kgo.ConsumerGroup("g"), kgo.ConsumeTopics("t"))\n\t_ = cl\n}\n';
    const { findings } = await run('/ws/franz-default.go', text);
    assert.deepEqual(findings, []);
  });
});

describe('Go scanner: confluent-kafka-go', () => {
  it('reads a ConfigMap literal and reports acks, idempotence, retries, Produce(msg, nil) and Close without Flush', async () => {
    const { text, doc, findings } = await fixture('confluent/producer-lossy.go');
    assert.deepEqual(doc.groups.map((g) => [g.library, g.roles]), [['librdkafka', ['producer']]]);
    expectFindings(text, findings, [
      ['producer/acks-zero', '"0"'],
      ['producer/idempotence-disabled', '"enable.idempotence": [[false]]'],
      ['producer/retries-disabled', '"retries":            [[0]]'],
      ['producer/unhandled-send', 'p.Produce'],
      ['producer/close-without-flush', 'p.Close()'],
    ]);
    assert.equal(findings.find((f) => f.ruleId === 'producer/unhandled-send')?.severity, 'info');
    assert.equal(fixed(text, findings, 'producer/acks-zero'), text.replace('"acks":               "0"', '"acks":               "all"'));
    assert.equal(fixed(text, findings, 'producer/close-without-flush'), text.replace('\tp.Close()\n', '\tp.Flush(15 * 1000)\n\tp.Close()\n'));
  });

  it('a Close after CommitTransaction or AbortTransaction loses nothing queued (its transactions_example); after neither it is reported', async () => {
    const text = (call: string) => [
      'package x',
      'import (',
      '\t"context"',
      '\t"github.com/confluentinc/confluent-kafka-go/v2/kafka"',
      ')',
      'func end(ctx context.Context) error {',
      '\tp, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "k:9092", "transactional.id": "tx"})',
      '\tgo func() {',
      '\t\tfor range p.Events() {',
      '\t\t}',
      '\t}()',
      ...(call ? [`\terr := p.${call}(ctx)`] : ['\tvar err error']),
      '\tp.Close()',
      '\treturn err',
      '}',
      '',
    ].join('\n');
    for (const call of ['CommitTransaction', 'AbortTransaction']) {
      const { findings } = await run(`/ws/${call}.go`, text(call));
      assert.deepEqual(findings.filter((f) => f.ruleId === 'producer/close-without-flush'), [], call);
    }
    const bare = text('');
    const { findings } = await run('/ws/bare.go', bare);
    expectFindings(bare, findings.filter((f) => f.ruleId === 'producer/close-without-flush'), [['producer/close-without-flush', 'p.Close()']]);
  });

  it('reads confluent-kafka-go 1.x imported through gopkg.in as through GitHub, aliased or not', async () => {
    const body = [
      'func run() {',
      '\tp, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "k:9092", "acks": "0"})',
      '\tdefer p.Close()',
      '}',
      '',
    ];
    const github = await run('/ws/ck-github.go', ['package x', 'import "github.com/confluentinc/confluent-kafka-go/kafka"', ...body].join('\n'));
    const gopkg = await run('/ws/ck-gopkg.go', ['package x', 'import "gopkg.in/confluentinc/confluent-kafka-go.v1/kafka"', ...body].join('\n'));
    const aliased = await run('/ws/ck-alias.go', ['package x', 'import k "gopkg.in/confluentinc/confluent-kafka-go.v1/kafka"', ...body.map((l) => l.replace(/kafka\./g, 'k.'))].join('\n'));
    const ids = (findings: Finding[]) => findings.map((f) => f.ruleId).sort();
    assert.deepEqual(ids(github.findings), ['producer/acks-zero', 'producer/close-without-flush']);
    assert.deepEqual(gopkg.doc.groups.map((g) => g.library), ['librdkafka']);
    assert.deepEqual(ids(gopkg.findings), ids(github.findings));
    assert.deepEqual(ids(aliased.findings), ids(github.findings));
    // Another path under gopkg.in is not the client.
    const other = await run('/ws/ck-other.go', ['package x', 'import kafka "gopkg.in/example/kafka.v1"', ...body].join('\n'));
    assert.equal(other.doc.isKafka, false);
  });

  it('gives a ConfigMap returned by a local function the role of the client built from it', async () => {
    const text = [
      'package x',
      'import "github.com/confluentinc/confluent-kafka-go/v2/kafka"',
      'func consumerConfig() *kafka.ConfigMap {',
      '\treturn &kafka.ConfigMap{"bootstrap.servers": "k:9092"}',
      '}',
      'func run() {',
      '\tc, _ := kafka.NewConsumer(consumerConfig())',
      '\t_ = c',
      '}',
      '',
    ].join('\n');
    const { doc, findings } = await run('/ws/ck-factory.go', text);
    assert.deepEqual(doc.groups.map((g) => g.roles), [['consumer']]);
    expectFindings(text, findings, [['consumer/auto-commit-enabled', '&[[kafka.ConfigMap]]{']]);
    assert.equal(fixed(text, findings, 'consumer/auto-commit-enabled'), text.replace('"k:9092"}', '"k:9092", "enable.auto.commit": false}'));
  });

  it('follows a producer kept in a struct field, and reports Produce(msg, nil) when delivery reports are off', async () => {
    const text = [
      'package x',
      'import "github.com/confluentinc/confluent-kafka-go/v2/kafka"',
      'type S struct{ producer *kafka.Producer }',
      'func (s *S) Start() {',
      '\ts.producer, _ = kafka.NewProducer(&kafka.ConfigMap{"acks": "all"})',
      '\tgo func() {',
      '\t\tfor e := range s.producer.Events() {',
      '\t\t\t_ = e',
      '\t\t}',
      '\t}()',
      '}',
      'func (s *S) Send(m *kafka.Message) { _ = s.producer.Produce(m, nil) }',
      '',
    ].join('\n');
    const read = await run('/ws/ck-field.go', text);
    assert.deepEqual(read.doc.facts, []);
    const unread = text.replace('s.producer.Events()', 'make(chan kafka.Event)');
    const r2 = await run('/ws/ck-field-unread.go', unread);
    expectFindings(unread, r2.findings, [['producer/unhandled-send', 's.producer.Produce']]);
    const off = text.replace('"acks": "all"', '"acks": "all", "go.delivery.reports": false');
    const r3 = await run('/ws/ck-reports-off.go', off);
    expectFindings(off, r3.findings, [['producer/unhandled-send', 's.producer.Produce']]);
    assert.match(localize('en', r3.doc.facts[0].detail), /go\.delivery\.reports=false/);
  });

  it('reads SetKey on a config map kept in a struct field built in a struct literal, as on a local', async () => {
    const text = [
      'package x',
      'import "github.com/confluentinc/confluent-kafka-go/v2/kafka"',
      'type Client struct{ config *kafka.ConfigMap }',
      'func New(brokers string) *Client {',
      '\treturn &Client{config: &kafka.ConfigMap{"bootstrap.servers": brokers}}',
      '}',
      'func (c *Client) Producer() (*kafka.Producer, error) {',
      '\tc.config.SetKey("acks", "0")',
      '\treturn kafka.NewProducer(c.config)',
      '}',
      '',
    ].join('\n');
    const field = await run('/ws/ck-config-field.go', text);
    expectFindings(text, field.findings, [['producer/acks-zero', 'SetKey("acks", [["0"]])']]);
    const local = 'package x\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\nfunc f(brokers string) (*kafka.Producer, error) {\n\tconfig := &kafka.ConfigMap{"bootstrap.servers": brokers}\n\tconfig.SetKey("acks", "0")\n\treturn kafka.NewProducer(config)\n}\n';
    expectFindings(local, (await run('/ws/ck-config-local.go', local)).findings, [['producer/acks-zero', 'SetKey("acks", [["0"]])']]);
  });

  it('is quiet with a delivery channel, SetKey("acks", "all") and Flush before the deferred Close', async () => {
    const { text, doc, findings } = await fixture('confluent/producer-safe.go');
    assert.deepEqual(findings, []);
    assert.deepEqual(entries(text, doc.groups[0]), [
      ['bootstrap.servers', 'localhost:9092', '"bootstrap.servers"', '"localhost:9092"'],
      ['acks', 'all', '"acks"', '"all"'],
    ]);
  });

  it('reports the librdkafka auto-commit default for a consumer (v1 import) and adds the key to the map', async () => {
    const { text, findings } = await fixture('confluent/consumer.go');
    expectFindings(text, findings, [
      ['consumer/auto-commit-enabled', 'kafka.ConfigMap'],
      ['consumer/auto-offset-reset-latest', '"latest"'],
    ]);
    assert.equal(
      fixed(text, findings, 'consumer/auto-commit-enabled'),
      text.replace('"auto.offset.reset": "latest"}', '"auto.offset.reset": "latest", "enable.auto.commit": false}'),
    );
  });
});

describe('Go scanner: one setting at a time', () => {
  const SARAMA = '"github.com/IBM/sarama"';
  const KGO = '"github.com/twmb/franz-go/pkg/kgo"';
  const CK = '"github.com/confluentinc/confluent-kafka-go/v2/kafka"';
  const KG = '"github.com/segmentio/kafka-go"';
  const saramaProducer = (line: string) => `c := sarama.NewConfig()\n\tc.Producer.Return.Successes = true\n\t${line}\n\tp, _ := sarama.NewSyncProducer(nil, c)\n\t_ = p`;
  // [library import, function body, rule, snippet reported ([[ ]] marks the range), text after the first fix (from -> to)]
  const table: readonly (readonly [string, string, string, string, readonly [string, string] | null])[] = [
    [SARAMA, saramaProducer('c.Producer.RequiredAcks = sarama.WaitForLocal'), 'producer/acks-leader-only', '= [[sarama.WaitForLocal]]', ['sarama.WaitForLocal', 'sarama.WaitForAll']],
    [SARAMA, saramaProducer('c.Producer.RequiredAcks = 0'), 'producer/acks-zero', 'RequiredAcks = [[0]]', ['RequiredAcks = 0', 'RequiredAcks = sarama.WaitForAll']],
    [SARAMA, 'c := sarama.NewConfig()\n\tc.Consumer.Offsets.Initial = sarama.OffsetNewest\n\tc.Consumer.Offsets.AutoCommit.Enable = false\n\tg, _ := sarama.NewConsumerGroup(nil, "g", c)\n\t_ = g', 'consumer/auto-offset-reset-latest', '[[sarama.OffsetNewest]]', ['sarama.OffsetNewest', 'sarama.OffsetOldest']],
    [KGO, 'cl, _ := kgo.NewClient(kgo.DefaultProduceTopic("t"), kgo.RecordRetries(0))\n\t_ = cl', 'producer/retries-disabled', 'kgo.RecordRetries([[0]])', ['kgo.DefaultProduceTopic("t"), kgo.RecordRetries(0)', 'kgo.DefaultProduceTopic("t")']],
    [CK, 'p, _ := kafka.NewProducer(&kafka.ConfigMap{"acks": 1})\n\t_ = p', 'producer/acks-leader-only', '"acks": [[1]]', ['"acks": 1', '"acks": -1']],
    [CK, 'p, _ := kafka.NewProducer(&kafka.ConfigMap{"request.required.acks": "0"})\n\t_ = p', 'producer/acks-zero', '[["0"]]', ['"0"', '"all"']],
    [CK, 'c, _ := kafka.NewConsumer(&kafka.ConfigMap{"group.id": "g", "enable.auto.commit": true, "auto.offset.reset": "earliest"})\n\t_ = c', 'consumer/auto-commit-enabled', '[[true]]', ['true', 'false']],
    [KG, 'w := &kafka.Writer{RequiredAcks: kafka.RequireNone}\n\t_ = w', 'producer/acks-zero', '[[kafka.RequireNone]]', ['kafka.RequireNone', 'kafka.RequireAll']],
    [KG, 'w := &kafka.Writer{RequiredAcks: 1}\n\t_ = w', 'producer/acks-leader-only', 'RequiredAcks: [[1]]', ['RequiredAcks: 1', 'RequiredAcks: -1']],
  ];
  for (const [lib, body, rule, snippet, change] of table) {
    it(`${rule} in ${body.split('\n')[0]}`, async () => {
      const text = `package x\nimport ${lib}\nfunc f() {\n\t${body}\n}\n`;
      const { findings } = await run(`/ws/table-${rule.replace('/', '-')}.go`, text);
      expectFindings(text, findings, [[rule, snippet]]);
      if (change) assert.equal(fixed(text, findings, rule), text.replace(change[0], change[1]));
    });
  }
});

describe('Go scanner: commits before processing', () => {
  const cases: readonly { name: string; imports: string; body: string; commit: string }[] = [
    {
      name: 'confluent-kafka-go CommitMessage',
      imports: '"github.com/confluentinc/confluent-kafka-go/v2/kafka"',
      body: 'c, _ := kafka.NewConsumer(&kafka.ConfigMap{"group.id": "g", "enable.auto.commit": false})\n\tfor {\n\t\tm, err := c.ReadMessage(-1)\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\tc.CommitMessage(m)\n\t\thandle(m.Value)\n\t}',
      commit: 'c.CommitMessage(m)',
    },
    {
      name: 'confluent-kafka-go Commit() after ReadMessage',
      imports: '"github.com/confluentinc/confluent-kafka-go/v2/kafka"',
      body: 'c, _ := kafka.NewConsumer(&kafka.ConfigMap{"group.id": "g", "enable.auto.commit": false})\n\tfor {\n\t\tm, _ := c.ReadMessage(-1)\n\t\tc.Commit()\n\t\thandle(m.Value)\n\t}',
      commit: 'c.Commit()',
    },
    {
      name: 'kafka-go CommitMessages',
      imports: '"github.com/segmentio/kafka-go"',
      body: 'r := kafka.NewReader(kafka.ReaderConfig{GroupID: "g", Topic: "t"})\n\tfor {\n\t\tm, _ := r.FetchMessage(ctx)\n\t\tr.CommitMessages(ctx, m)\n\t\thandle(m.Value)\n\t}',
      commit: 'r.CommitMessages(ctx, m)',
    },
    {
      name: 'franz-go CommitUncommittedOffsets after PollFetches',
      imports: '"github.com/twmb/franz-go/pkg/kgo"',
      body: 'cl, _ := kgo.NewClient(kgo.ConsumerGroup("g"), kgo.ConsumeTopics("t"), kgo.DisableAutoCommit())\n\tfor {\n\t\tfetches := cl.PollFetches(ctx)\n\t\tcl.CommitUncommittedOffsets(ctx)\n\t\tfetches.EachRecord(func(r *kgo.Record) { handle(r.Value) })\n\t}',
      commit: 'cl.CommitUncommittedOffsets(ctx)',
    },
    {
      name: 'franz-go CommitRecords of the polled records',
      imports: '"github.com/twmb/franz-go/pkg/kgo"',
      body: 'cl, _ := kgo.NewClient(kgo.ConsumerGroup("g"), kgo.ConsumeTopics("t"), kgo.DisableAutoCommit())\n\tfor {\n\t\tfetches := cl.PollFetches(ctx)\n\t\tcl.CommitRecords(ctx, fetches.Records()...)\n\t\tfetches.EachRecord(func(r *kgo.Record) { handle(r.Value) })\n\t}',
      commit: 'cl.CommitRecords(ctx, fetches.Records()...)',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: quiet when only logging and metrics follow the commit`, async () => {
      const text = `package x\nimport (\n\t"context"\n\t"log"\n\t${c.imports}\n)\nfunc handle([]byte) {}\nfunc run(ctx context.Context) {\n\t${c.body.replace(/handle\((\w+)\.Value\)/, 'log.Println("committed", $1.Value)').replace(/fetches\.EachRecord\(.*\)$/m, 'metrics.Records.Add(float64(fetches.NumRecords()))')}\n}\n`;
      const { findings } = await run(`/ws/log-${c.name.replace(/\W+/g, '-')}.go`, text);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'consumer/commit-before-processing'), []);
    });
    it(`${c.name}: reported, and moved after the processing`, async () => {
      const text = `package x\nimport (\n\t"context"\n\t${c.imports}\n)\nfunc handle([]byte) {}\nfunc run(ctx context.Context) {\n\t${c.body}\n}\n`;
      const { findings } = await run(`/ws/early-${c.name.replace(/\W+/g, '-')}.go`, text);
      const early = findings.filter((f) => f.ruleId === 'consumer/commit-before-processing');
      assert.deepEqual(early.map((f) => f.range), [at(text, c.commit)]);
      const processing = /\n(\t\t(handle|fetches\.EachRecord)[^\n]*\n)/.exec(text);
      assert.ok(processing);
      const moved = text.replace(`\t\t${c.commit}\n`, '').replace(processing[1], `${processing[1]}\t\t${c.commit}\n`);
      assert.equal(applyEdits(text, early[0].fixes?.[0].edits ?? []), moved);
      // Committing after the processing is what the fix produces, and it is quiet.
      const after = await run(`/ws/late-${c.name.replace(/\W+/g, '-')}.go`, moved);
      assert.deepEqual(after.findings.filter((f) => f.ruleId === 'consumer/commit-before-processing'), []);
    });
  }

  // pahuldeepp/grainguard consumer/kafka.go: a batch worker commits the processed batch, then empties the
  // slice for the next batch. Emptying it (`batch = batch[:0]`, `batch = nil`) does not process it.
  it('is quiet when the batch is only emptied after the commit', async () => {
    const text = 'package x\nimport (\n\t"context"\n\t"github.com/segmentio/kafka-go"\n)\nfunc handle([]kafka.Message) error { return nil }\nfunc run(ctx context.Context) {\n\tr := kafka.NewReader(kafka.ReaderConfig{GroupID: "g", Topic: "t"})\n\tbatch := make([]kafka.Message, 0, 10)\n\tfor {\n\t\tm, _ := r.FetchMessage(ctx)\n\t\tbatch = append(batch, m)\n\t\tif len(batch) < 10 {\n\t\t\tcontinue\n\t\t}\n\t\t_ = handle(batch)\n\t\tr.CommitMessages(ctx, batch...)\n\t\tbatch = batch[:0]\n\t\tbatch = nil\n\t}\n}\n';
    const { findings } = await run('/ws/batch-reset.go', text);
    assert.deepEqual(findings, []);
    // Replacing the batch with something built from it still uses it.
    const reused = text.replace('\t\tbatch = nil\n', '\t\tbatch = handleAgain(batch)\n');
    const again = await run('/ws/batch-reused.go', reused);
    expectFindings(reused, again.findings, [['consumer/commit-before-processing', 'r.CommitMessages(ctx, batch...)']]);
  });
});

describe('Go scanner: segmentio/kafka-go', () => {
  it('reports a Writer literal without RequiredAcks (RequireNone) and Async without Completion', async () => {
    const { text, doc, findings } = await fixture('segmentio/writer-lossy.go');
    assert.deepEqual(doc.groups.map((g) => [g.library, g.roles, text.slice(g.anchor.start, g.anchor.end)]), [
      ['kafka-go', ['producer'], 'kafka.Writer'],
      ['kafka-go', ['producer'], 'kafka.Writer'],
    ]);
    expectFindings(text, findings, [
      ['producer/acks-zero', 'kafka.Writer'],
      ['producer/unhandled-send', 'Async: true'],
      ['producer/acks-leader-only', 'kafka.RequireOne'],
    ]);
    assert.equal(fixed(text, findings, 'producer/acks-zero'), text.replace('\t\tAsync: true,\n', '\t\tAsync: true,\n\t\tRequiredAcks: kafka.RequireAll,\n'));
    assert.equal(fixed(text, findings, 'producer/acks-leader-only'), text.replace('kafka.RequireOne', 'kafka.RequireAll'));
    assert.equal(fixed(text, findings, 'producer/unhandled-send'), text.replace('Async: true', 'Async: false'));
  });

  it('reports Async set after construction, unless a Completion callback is set too', async () => {
    const base = 'package x\nimport "github.com/segmentio/kafka-go"\nfunc f() {\n\tw := &kafka.Writer{RequiredAcks: kafka.RequireAll}\n\tw.Async = true\n}\n';
    const bare = await run('/ws/async-late.go', base);
    expectFindings(base, bare.findings, [['producer/unhandled-send', 'w.Async = true']]);
    assert.equal(fixed(base, bare.findings, 'producer/unhandled-send'), base.replace('w.Async = true', 'w.Async = false'));
    const withCompletion = base.replace('\tw.Async = true\n', '\tw.Completion = func(_ []kafka.Message, err error) {}\n\tw.Async = true\n');
    assert.deepEqual((await run('/ws/async-late-ok.go', withCompletion)).findings, []);
  });

  it('reports a synchronous WriteMessages whose error is thrown away', async () => {
    const text = 'package x\nimport (\n\t"context"\n\t"github.com/segmentio/kafka-go"\n)\nfunc f(ctx context.Context) error {\n\tw := &kafka.Writer{RequiredAcks: kafka.RequireAll}\n\tw.WriteMessages(ctx, kafka.Message{})\n\treturn w.WriteMessages(ctx, kafka.Message{})\n}\n';
    const { findings } = await run('/ws/write-ignored.go', text);
    expectFindings(text, findings, [['producer/unhandled-send', 'w.WriteMessages']]);
  });

  it('is quiet for RequireAll with a Completion callback and for the deprecated NewWriter(WriterConfig{})', async () => {
    const { findings } = await fixture('segmentio/writer-safe.go');
    assert.deepEqual(findings, []);
  });

  it('inserts RequiredAcks into a one-line Writer literal', async () => {
    const text = 'package x\nimport "github.com/segmentio/kafka-go"\nvar w = kafka.Writer{Topic: "t"}\n';
    const { findings } = await run('/ws/oneline.go', text);
    expectFindings(text, findings, [['producer/acks-zero', 'kafka.Writer']]);
    assert.equal(fixed(text, findings, 'producer/acks-zero'), text.replace('{Topic: "t"}', '{Topic: "t", RequiredAcks: kafka.RequireAll}'));
  });

  it('reads RequiredAcks of a WriterConfig as NewWriter does (0 means all) and renders ints', async () => {
    const text = 'package x\nimport "github.com/segmentio/kafka-go"\nvar a = kafka.NewWriter(kafka.WriterConfig{RequiredAcks: 1})\nvar b = kafka.NewWriter(kafka.WriterConfig{RequiredAcks: 0})\n';
    const { doc, findings } = await run('/ws/writerconfig.go', text);
    assert.deepEqual(doc.groups.map((g) => g.entries.map((e) => e.value)), [['1'], ['all']]);
    expectFindings(text, findings, [['producer/acks-leader-only', 'RequiredAcks: [[1]]']]);
    assert.equal(fixed(text, findings, 'producer/acks-leader-only'), text.replace('RequiredAcks: 1', 'RequiredAcks: -1'));
  });

  it('reports ReadMessage only on a reader with a GroupID', async () => {
    const { text, doc, findings } = await fixture('segmentio/reader.go');
    expectFindings(text, findings, [
      ['consumer/commit-before-processing', 'r.ReadMessage(ctx)'],
      ['consumer/auto-offset-reset-latest', 'kafka.LastOffset'],
    ]);
    assert.match(localize('en', doc.facts[0].detail), /FetchMessage/);
    // The fix fetches instead, and commits after the last statement that uses the message.
    assert.equal(
      fixed(text, findings, 'consumer/commit-before-processing'),
      text.replace('m, err := r.ReadMessage(ctx)', 'm, err := r.FetchMessage(ctx)').replace('\t\tlog.Printf("%s", m.Value)\n\t}\n}\n\n// ConsumeGroupSafely', '\t\tlog.Printf("%s", m.Value)\n\t\tr.CommitMessages(ctx, m)\n\t}\n}\n\n// ConsumeGroupSafely'),
    );
    assert.equal(fixed(text, findings, 'consumer/auto-offset-reset-latest'), text.replace('kafka.LastOffset', 'kafka.FirstOffset'));
  });

  it('reports ReadMessage on a reader kept in a struct field built in a struct literal (&T{...} and T{...})', async () => {
    const text = [
      'package x',
      'import (',
      '\t"context"',
      '\t"log"',
      '\t"github.com/segmentio/kafka-go"',
      ')',
      'type Client struct {',
      '\treader *kafka.Reader',
      '}',
      'func New(brokers []string) *Client {',
      '\treturn &Client{',
      '\t\treader: kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "t", GroupID: "g"}),',
      '\t}',
      '}',
      'func (c *Client) Consume(ctx context.Context) {',
      '\tfor {',
      '\t\tm, err := c.reader.ReadMessage(ctx)',
      '\t\tif err != nil {',
      '\t\t\tcontinue',
      '\t\t}',
      '\t\tlog.Printf("%s", m.Value)',
      '\t}',
      '}',
      '',
    ].join('\n');
    const pointer = await run('/ws/kg-field-pointer.go', text);
    expectFindings(text, pointer.findings, [['consumer/commit-before-processing', 'c.reader.ReadMessage(ctx)']]);
    assert.equal(
      fixed(text, pointer.findings, 'consumer/commit-before-processing'),
      text.replace('c.reader.ReadMessage(ctx)', 'c.reader.FetchMessage(ctx)').replace('\t\tlog.Printf("%s", m.Value)\n', '\t\tlog.Printf("%s", m.Value)\n\t\tc.reader.CommitMessages(ctx, m)\n'),
    );
    const value = text.replace(') *Client {', ') Client {').replace('return &Client{', 'return Client{');
    const byValue = await run('/ws/kg-field-value.go', value);
    expectFindings(value, byValue.findings, [['consumer/commit-before-processing', 'c.reader.ReadMessage(ctx)']]);
    // Without a GroupID ReadMessage commits nothing.
    const noGroup = text.replace(', GroupID: "g"', '');
    assert.deepEqual((await run('/ws/kg-field-nogroup.go', noGroup)).findings, []);
    // A field of that name declared with another type elsewhere in the file could be either: not matched.
    const ambiguous = text.replace('type Client struct {', 'type Other struct {\n\treader *bufio.Reader\n}\ntype Client struct {');
    assert.deepEqual((await run('/ws/kg-field-ambiguous.go', ambiguous)).findings, []);
  });

  it('offers no FetchMessage fix when the message is returned: the commit would land before the caller processes it (kafka-cronsumer)', async () => {
    const text = [
      'package x',
      'import (',
      '\t"context"',
      '\t"github.com/segmentio/kafka-go"',
      ')',
      'type C struct{ consumer *kafka.Reader }',
      'func New() *C {',
      '\treturn &C{consumer: kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"b:9092"}, Topic: "t", GroupID: "g"})}',
      '}',
      'func (k C) ReadMessage(ctx context.Context) (*kafka.Message, error) {',
      '\tmsg, err := k.consumer.ReadMessage(ctx)',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '',
      '\treturn &msg, nil',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/kg-returned.go', text);
    expectFindings(text, findings, [['consumer/commit-before-processing', 'k.consumer.ReadMessage(ctx)']]);
    assert.deepEqual(findings[0].fixes ?? [], []);
  });

  it('follows a reader or writer a local function builds to the variable that takes it (kafka-go examples/consumer-mongo-db)', async () => {
    const text = [
      'package main',
      'import (',
      '\t"context"',
      '\t"log"',
      '\tkafka "github.com/segmentio/kafka-go"',
      ')',
      'func getKafkaReader(url, topic, groupID string) *kafka.Reader {',
      '\treturn kafka.NewReader(kafka.ReaderConfig{Brokers: []string{url}, GroupID: groupID, Topic: topic})',
      '}',
      'func getKafkaWriter(url, topic string) *kafka.Writer {',
      '\treturn &kafka.Writer{Addr: kafka.TCP(url), Topic: topic, RequiredAcks: kafka.RequireAll}',
      '}',
      'func main() {',
      '\treader := getKafkaReader("b:9092", "t", "g")',
      '\tdefer reader.Close()',
      '\twriter := getKafkaWriter("b:9092", "out")',
      '\tfor {',
      '\t\tmsg, err := reader.ReadMessage(context.Background())',
      '\t\tif err != nil {',
      '\t\t\tlog.Fatal(err)',
      '\t\t}',
      '\t\twriter.WriteMessages(context.Background(), msg)',
      '\t}',
      '}',
      '',
    ].join('\n');
    const { findings } = await run('/ws/kg-helper.go', text);
    expectFindings(text, findings, [
      ['consumer/commit-before-processing', 'reader.ReadMessage(context.Background())'],
      ['producer/unhandled-send', 'writer.WriteMessages'],
    ]);
    // A reader without a GroupID commits nothing; an async writer is reported once, on its Async field.
    const quiet = text.replace(', GroupID: groupID', '').replace('RequiredAcks: kafka.RequireAll}', 'RequiredAcks: kafka.RequireAll, Async: true}');
    expectFindings(quiet, (await run('/ws/kg-helper-quiet.go', quiet)).findings, [['producer/unhandled-send', 'Async: true']]);
  });
});

describe('Go scanner: examples', () => {
  it('finds every problem the Go examples describe', async () => {
    const seen: Record<string, string[]> = {};
    for (const name of ['order_producer.go', 'order_consumer.go', 'audit_producer.go']) {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const { findings } = await run(`/examples/${name}`, text);
      seen[name] = findings.map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`);
    }
    assert.deepEqual(seen, {
      'order_producer.go': ['producer/acks-leader-only sarama.NewConfig()', 'producer/retries-disabled 0', 'producer/unhandled-send sarama.NewAsyncProducer'],
      'order_consumer.go': ['consumer/auto-offset-reset-latest kafka.LastOffset', 'consumer/commit-before-processing r.ReadMessage(ctx)'],
      'audit_producer.go': ['producer/acks-leader-only kgo.LeaderAck()', 'producer/idempotence-disabled kgo.DisableIdempotentWrite()', 'producer/close-without-flush a.client.Close()'],
    });
  });

  it('follows a producer stored in a struct literal field to the reads of that field', async () => {
    const text = [
      'package x',
      'import "github.com/IBM/sarama"',
      'type P struct{ producer sarama.AsyncProducer }',
      'func New(b []string, c *sarama.Config) *P {',
      '	producer, _ := sarama.NewAsyncProducer(b, c)',
      '	return &P{producer: producer}',
      '}',
      'func (p *P) drain() {',
      '	for err := range p.producer.Errors() {',
      '		_ = err',
      '	}',
      '}',
      '',
    ].join('\n');
    const drained = await run('/ws/drained.go', text);
    assert.deepEqual(drained.doc.facts, []);
    const undrained = await run('/ws/undrained.go', text.replace('p.producer.Errors()', 'p.other.Errors()'));
    assert.deepEqual(undrained.doc.facts.map((f) => f.kind), ['unhandled-send']);
    // Handed to a function, the producer may be drained there: no fact.
    const handed = await run('/ws/handed.go', text.replace('return &P{producer: producer}', 'go drain(producer)\n\treturn nil').replace('p.producer.Errors()', 'p.other.Errors()'));
    assert.deepEqual(handed.doc.facts, []);
  });
});

describe('Go scanner: robustness', function () {
  // Each case scans every fixture hundreds of times: seconds, more on a loaded machine.
  this.timeout(60000);
  /** Every fixture and example, as text. */
  function sources(): string[] {
    const out: string[] = [];
    for (const dir of readdirSync(FIXTURES)) for (const f of readdirSync(join(FIXTURES, dir))) out.push(readFileSync(join(FIXTURES, dir, f), 'utf8'));
    for (const f of readdirSync(EXAMPLES)) out.push(readFileSync(join(EXAMPLES, f), 'utf8'));
    return out;
  }

  /** Runs every library pass unguarded (the scanner itself swallows errors), then the whole pipeline. */
  async function check(text: string, key: string): Promise<void> {
    const tree = await parseDocument('go', key, text);
    const ctx = new GoContext(text, tree.rootNode);
    for (const pass of [scanSarama, scanFranz, scanConfluent, scanSegmentio]) pass(ctx);
    const doc = await analyze(key, text);
    const findings = lint(doc);
    for (const f of findings) {
      assert.doesNotMatch(f.message, /failed on this file/, `${key}: ${f.message}`);
      assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${key}: range`);
      for (const fix of f.fixes ?? []) {
        const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
        edits.forEach((e, i) => {
          assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length, `${key}: edit range`);
          if (i > 0) assert.ok(e.range.start >= edits[i - 1].range.end, `${key}: overlapping edits in ${fix.title}`);
        });
      }
    }
    // Renderers and inserters hold no syntax nodes: they still work once the tree is gone.
    forgetDocument(key);
    for (const g of doc.groups) {
      g.insertEntry?.('acks', 'all');
      for (const e of g.entries) e.renderValue?.('all');
    }
  }

  it('never throws on any prefix of the fixtures and examples, and keeps every edit inside the text', async () => {
    for (const [i, text] of sources().entries()) {
      for (let cut = 0; cut <= text.length; cut += 23) await check(text.slice(0, cut), `/ws/prefix-${i}.go`);
    }
  });

  it('never throws when a chunk is cut out of the middle of a fixture', async () => {
    for (const [i, text] of sources().entries()) {
      for (let at = 0; at < text.length; at += 41) await check(text.slice(0, at) + text.slice(at + 17), `/ws/hole-${i}.go`);
    }
  });
});
