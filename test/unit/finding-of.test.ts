import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';
import { findingOf } from '../../server/src/lsp/code-actions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';

/**
 * A diagnostic carries only its index (`data`): the code-action handler finds its finding again by rule and
 * range. One rule may have several findings on one range — in a compose file, every unset broker key of a
 * rule is placed on the service's `environment:` key — and each diagnostic must still stand for its own.
 */
describe('findingOf: the finding a diagnostic stands for', () => {
  const text = 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      KAFKA_CFG_NODE_ID: 0\n';

  async function setUp() {
    const cache = new AnalysisCache(() => Promise.resolve(DEFAULT_OPTIONS), (m) => assert.fail(m));
    const doc = TextDocument.create(pathToFileURL('/w/docker-compose.yml').href, 'dockercompose', 1, text);
    const analysis = await cache.get(doc);
    const diagnostics = toDiagnostics(analysis);
    const shared = diagnostics.filter((d) => d.code === 'broker/min-insync-replicas-too-low');
    // The premise: two findings of the rule on one range, told apart only by their message.
    assert.equal(shared.length, 2);
    assert.deepEqual(shared[0].range, shared[1].range);
    assert.deepEqual(
      shared.map((d) => /^Broker stage: (\S+) is unset/.exec(String(d.message))?.[1]),
      ['min.insync.replicas', 'transaction.state.log.min.isr'],
    );
    return { analysis, shared, indexes: shared.map((d) => d.data as number) };
  }

  it('takes the index when the finding there has the rule, range and message', async () => {
    const { analysis, shared, indexes } = await setUp();
    assert.deepEqual(shared.map((d) => findingOf(analysis, d)?.index), indexes);
  });

  it('without data, or with the other one\'s index, the message decides', async () => {
    const { analysis, shared, indexes } = await setUp();
    assert.deepEqual(shared.map(({ data: _data, ...d }) => findingOf(analysis, d)?.index), indexes);
    const swapped = [{ ...shared[0], data: shared[1].data }, { ...shared[1], data: shared[0].data }];
    assert.deepEqual(swapped.map((d) => findingOf(analysis, d)?.index), indexes);
  });

  it('with a message that is neither (a client that rewrote it), the index decides, else the first', async () => {
    const { analysis, shared, indexes } = await setUp();
    assert.deepEqual(shared.map((d) => findingOf(analysis, { ...d, message: 'x' })?.index), indexes);
    assert.deepEqual(shared.map(({ data: _data, ...d }) => findingOf(analysis, { ...d, message: 'x' })?.index), [indexes[0], indexes[0]]);
  });

  it('stands for nothing when the rule, the range or the source differ, or the data is not an index', async () => {
    const { analysis, shared } = await setUp();
    const d = shared[0];
    for (const other of [
      { ...d, code: 'broker/replication-factor-too-low-x' },
      { ...d, range: { ...d.range, end: { ...d.range.end, character: d.range.end.character + 1 } } },
      { ...d, source: 'eslint' },
      { ...d, data: { version: 1, index: d.data } },
      { ...d, data: -1 },
      { ...d, data: 0.5 },
    ]) {
      assert.equal(findingOf(analysis, other), undefined, JSON.stringify(other));
    }
  });
});
