import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintConfig, options } from '../helpers';

/**
 * Kafka's own sample broker files, as they ship (licence head and comments shortened): a single-node dev
 * cluster. One root cause, one finding per key: each single-copy setting is reported once, where it is set
 * (or, unset, at the start of the file), and broker/replication-factor-not-above-min-insync adds nothing to
 * a replication factor of 1 beside a minimum of 1 that replication-factor-too-low and
 * min-insync-replicas-too-low already report (it used to, with a fix RF=2 that contradicted their RF=3).
 * Beside those warnings, broker/single-broker-cluster adds one info at the start of the file that names them
 * as one cause (test/unit/rules/broker/single-broker-cluster.test.ts checks its message).
 */

/** The stock files, under test/fixtures/single-broker/invalid/ (the single-broker summary's fixtures too). */
const STOCK_DIR = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'single-broker', 'invalid');
const stock = (path: string): string => readFileSync(join(STOCK_DIR, path), 'utf8');
/** Kafka 3.9 `config/server.properties` (ZooKeeper mode). */
const ZOOKEEPER_3_9 = stock('kafka-3.9/config/server.properties');
/** Kafka 3.9 `config/kraft/server.properties`. */
const KRAFT_3_9 = stock('kafka-3.9/config/kraft/server.properties');
/** Kafka 4.x `config/server.properties` (KRaft only, with the share-group state topic settings). */
const KRAFT_4 = stock('kafka-4.x/config/server.properties');

const UNSET: [string, number, number][] = [
  ['broker/min-insync-replicas-too-low', 1, 1],
  ['broker/replication-factor-too-low', 1, 1],
  ['broker/single-broker-cluster', 1, 1],
];

describe('rules: the stock single-node broker files give one finding per key, and one single-broker summary', () => {
  const cases: [string, string, string | undefined, [string, number, number][]][] = [
    ['Kafka 3.9 config/server.properties (ZooKeeper)', ZOOKEEPER_3_9, '3.9', [
      ...UNSET,
      ['broker/log-dirs-in-tmp', 21, 10],
      ['broker/replication-factor-too-low', 26, 34],
      ['broker/replication-factor-too-low', 27, 42],
      ['broker/min-insync-replicas-too-low', 28, 31],
    ]],
    ['Kafka 3.9 config/kraft/server.properties', KRAFT_3_9, '3.9', [
      ...UNSET,
      ['broker/log-dirs-in-tmp', 31, 10],
      ['broker/replication-factor-too-low', 36, 34],
      ['broker/replication-factor-too-low', 37, 42],
      ['broker/min-insync-replicas-too-low', 38, 31],
    ]],
    ['Kafka 4.x config/server.properties', KRAFT_4, undefined, [
      ...UNSET,
      ['broker/log-dirs-in-tmp', 31, 10],
      ['broker/replication-factor-too-low', 36, 34],
      ['broker/replication-factor-too-low', 37, 50],
      ['broker/min-insync-replicas-too-low', 38, 39],
      ['broker/replication-factor-too-low', 39, 42],
      ['broker/min-insync-replicas-too-low', 40, 31],
    ]],
  ];
  for (const [name, text, version, expected] of cases) {
    it(name, () => {
      const r = lintConfig('config/server.properties', text, options(version));
      const lineOf = (offset: number): [number, number] => {
        const before = r.text.slice(0, offset);
        return [before.split('\n').length, offset - before.lastIndexOf('\n')];
      };
      assert.deepEqual(
        r.findings.map((f) => [f.ruleId, ...lineOf(f.range.start)]),
        expected,
      );
      // The single-broker summary is information beside the per-key warnings, which stay (see its page).
      assert.deepEqual(
        r.findings.filter((f) => f.severity !== 'warning').map((f) => [f.ruleId, f.severity]),
        [['broker/single-broker-cluster', 'info']],
      );
    });
  }
});
