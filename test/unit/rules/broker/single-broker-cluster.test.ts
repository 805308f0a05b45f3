import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../../server/src/core/model';
import { normalizeOptions } from '../../../../server/src/core/options';
import type { LintOptions } from '../../../../server/src/core/options';
import { lintConfig, of, options } from '../helpers';

/**
 * broker/single-broker-cluster: one info per broker configuration that evidently runs one broker, naming
 * the settings that give no redundancy. Fixtures under test/fixtures/single-broker/: `invalid/` holds Kafka's
 * stock files and the single-node examples of the apache/kafka image and of Strimzi; `valid/` the same
 * clusters grown to three brokers.
 */

const ID = 'broker/single-broker-cluster';
const FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'single-broker');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const ZH = normalizeOptions({ locale: 'zh-cn' }).options;

const TAIL =
  ' When this broker stops, the cluster stops; when its disk is lost, every record, committed offset and transaction state on it is lost.' +
  ' Fine for local development only: a production cluster needs at least 3 brokers, replication factors of 3 and a minimum ISR of 2.';
const TAIL_ZH =
  '这个 Broker 停止时，整个集群随之停止；它的磁盘丢失时，其上的所有消息、已提交的位移和事务状态都会丢失。' +
  '只适合本地开发：生产集群至少需要 3 个 Broker，副本因子为 3，最小同步副本（ISR）数为 2。';

/** The summaries of a file, with the text each covers and the text of each related location. */
function summaries(path: string, text: string, opts?: LintOptions): { covered: string; range: [number, number]; finding: Finding; related: string[] }[] {
  const r = lintConfig(path, text, opts);
  return of(r.findings, ID).map((finding) => ({
    finding,
    covered: r.text.slice(finding.range.start, finding.range.end),
    range: [finding.range.start, finding.range.end],
    related: (finding.related ?? []).map((l) => `${r.text.slice(l.range.start, l.range.end)} ${l.message}`),
  }));
}

describe('rules: broker/single-broker-cluster', () => {
  describe('fires once per single-broker file, at the start of the file, as info', () => {
    it('Kafka 3.9 config/server.properties (ZooKeeper): replication factors of 1 are the evidence; 5 settings', () => {
      const text = fixture('invalid/kafka-3.9/config/server.properties');
      const found = summaries('config/server.properties', text, options('3.9'));
      assert.equal(found.length, 1);
      const [s] = found;
      assert.deepEqual(s.range, [0, 0]);
      assert.equal(s.finding.severity, 'info');
      assert.equal(s.finding.stage, 'broker');
      assert.deepEqual(s.finding.fixes ?? [], []);
      assert.equal(
        s.finding.message,
        "Broker stage: this file configures a single-broker cluster (its replication factors are set to 1, as in Kafka's single-node sample files): " +
          '5 settings give no redundancy: default.replication.factor (unset: 1), min.insync.replicas (unset: 1), offsets.topic.replication.factor=1, ' +
          'transaction.state.log.replication.factor=1 and transaction.state.log.min.isr=1.' +
          TAIL,
      );
      // The lines the file sets are related locations, in file order; the unset keys have no line.
      assert.deepEqual(s.related, [
        '1 offsets.topic.replication.factor=1: no redundancy.',
        '1 transaction.state.log.replication.factor=1: no redundancy.',
        '1 transaction.state.log.min.isr=1: no redundancy.',
      ]);
    });

    it('Kafka 3.9 config/kraft/server.properties: the only voter is this combined node; 6 settings, the voter among them', () => {
      const text = fixture('invalid/kafka-3.9/config/kraft/server.properties');
      const [s, ...more] = summaries('config/kraft/server.properties', text, options('3.9'));
      assert.deepEqual(more, []);
      assert.deepEqual(s.range, [0, 0]);
      assert.equal(
        s.finding.message,
        'Broker stage: this file configures a single-broker cluster (controller.quorum.voters names this combined broker and controller as its only voter): ' +
          '6 settings give no redundancy: default.replication.factor (unset: 1), min.insync.replicas (unset: 1), ' +
          'controller.quorum.voters (one controller: the cluster metadata has a single copy), offsets.topic.replication.factor=1, ' +
          'transaction.state.log.replication.factor=1 and transaction.state.log.min.isr=1.' +
          TAIL,
      );
      assert.deepEqual(s.related, [
        '1@localhost:9093 controller.quorum.voters (one controller: the cluster metadata has a single copy): no redundancy.',
        '1 offsets.topic.replication.factor=1: no redundancy.',
        '1 transaction.state.log.replication.factor=1: no redundancy.',
        '1 transaction.state.log.min.isr=1: no redundancy.',
      ]);
    });

    it('Kafka 4.x config/server.properties: 7 settings, with the share-group state topic', () => {
      const [s, ...more] = summaries('config/server.properties', fixture('invalid/kafka-4.x/config/server.properties'));
      assert.deepEqual(more, []);
      assert.deepEqual(s.range, [0, 0]);
      assert.equal(
        s.finding.message,
        "Broker stage: this file configures a single-broker cluster (its replication factors are set to 1, as in Kafka's single-node sample files): " +
          '7 settings give no redundancy: default.replication.factor (unset: 1), min.insync.replicas (unset: 1), offsets.topic.replication.factor=1, ' +
          'share.coordinator.state.topic.replication.factor=1, share.coordinator.state.topic.min.isr=1, ' +
          'transaction.state.log.replication.factor=1 and transaction.state.log.min.isr=1.' +
          TAIL,
      );
      assert.equal(s.related.length, 5);
    });

    it('in Simplified Chinese', () => {
      const [s] = summaries('config/server.properties', fixture('invalid/kafka-3.9/config/server.properties'), normalizeOptions({ locale: 'zh-cn', kafkaVersion: '3.9' }).options);
      assert.equal(
        s.finding.message,
        'Broker 阶段：此文件配置的是单 Broker 集群（副本因子被设为 1，与 Kafka 的单节点示例文件相同）：5 项设置没有任何冗余：' +
          'default.replication.factor（未设置：1）、min.insync.replicas（未设置：1）、offsets.topic.replication.factor=1、' +
          'transaction.state.log.replication.factor=1 和 transaction.state.log.min.isr=1。' +
          TAIL_ZH,
      );
      assert.deepEqual(s.related[0], '1 offsets.topic.replication.factor=1：没有任何冗余。');
      const [voter] = summaries('config/kraft/server.properties', fixture('invalid/kafka-3.9/config/kraft/server.properties'), ZH);
      assert.ok(voter.finding.message.startsWith('Broker 阶段：此文件配置的是单 Broker 集群（controller.quorum.voters 把这个同时担任 Broker 和控制器的节点列为唯一的投票者）：6 项设置'), voter.finding.message);
    });

    it('after a byte-order mark, at offset 1 (where unset keys are reported)', () => {
      const [s] = summaries('server.properties', `\ufeff${fixture('invalid/kafka-3.9/config/server.properties')}`);
      assert.deepEqual(s.range, [1, 1]);
    });

    it('the per-key findings stay: one warning per key beside the summary', () => {
      const r = lintConfig('config/server.properties', fixture('invalid/kafka-3.9/config/server.properties'), options('3.9'));
      assert.deepEqual(
        r.findings.map((f) => [f.ruleId, f.severity]),
        [
          ['broker/min-insync-replicas-too-low', 'warning'],
          ['broker/replication-factor-too-low', 'warning'],
          [ID, 'info'],
          ['broker/log-dirs-in-tmp', 'warning'],
          ['broker/replication-factor-too-low', 'warning'],
          ['broker/replication-factor-too-low', 'warning'],
          ['broker/min-insync-replicas-too-low', 'warning'],
        ],
      );
    });

    it("docker-compose: the apache/kafka image's single-node example, on the service's environment key", () => {
      const [s, ...more] = summaries('docker-compose.yml', fixture('invalid/docker-compose.yml'));
      assert.deepEqual(more, []);
      assert.equal(s.covered, 'environment');
      assert.equal(
        s.finding.message,
        'Broker stage: this file configures a single-broker cluster (the file runs one broker): 6 settings give no redundancy: ' +
          'default.replication.factor (unset: 1), min.insync.replicas (unset: 1), controller.quorum.voters (one controller: the cluster metadata has a single copy), ' +
          'offsets.topic.replication.factor=1, transaction.state.log.replication.factor=1 and transaction.state.log.min.isr=1.' +
          TAIL,
      );
      assert.deepEqual(s.related, [
        '1@localhost:9093 controller.quorum.voters (one controller: the cluster metadata has a single copy): no redundancy.',
        '1 offsets.topic.replication.factor=1: no redundancy.',
        '1 transaction.state.log.replication.factor=1: no redundancy.',
        '1 transaction.state.log.min.isr=1: no redundancy.',
      ]);
    });

    it("Strimzi: a cluster of one dual-role node (the kafka-single-node example), on the Kafka resource's config key", () => {
      const [s, ...more] = summaries('k8s/kafka-single-node.yaml', fixture('invalid/kafka-single-node.yaml'));
      assert.deepEqual(more, []);
      assert.equal(s.covered, 'config');
      assert.equal(
        s.finding.message,
        'Broker stage: this file configures a single-broker cluster (the file runs one broker): 5 settings give no redundancy: ' +
          'offsets.topic.replication.factor=1, transaction.state.log.replication.factor=1, transaction.state.log.min.isr=1, ' +
          'default.replication.factor=1 and min.insync.replicas=1.' +
          TAIL,
      );
    });

    it('two explicit replication factors of 1 are evidence whichever they are', () => {
      const [s, ...more] = summaries('server.properties', 'broker.id=0\ndefault.replication.factor=1\noffsets.topic.replication.factor=1\nmin.insync.replicas=1\n');
      assert.deepEqual(more, []);
      assert.deepEqual(s.range, [0, 0]);
      assert.equal(
        s.finding.message,
        "Broker stage: this file configures a single-broker cluster (its replication factors are set to 1, as in Kafka's single-node sample files): " +
          '3 settings give no redundancy: default.replication.factor=1, offsets.topic.replication.factor=1 and min.insync.replicas=1.' +
          TAIL,
      );
    });
  });

  describe('stays silent', () => {
    const silent: [string, string, string][] = [
      ['three brokers with separate controllers (the safe setting)', 'server.properties', fixture('valid/three-brokers/server.properties')],
      ['node 1 of three combined nodes, internal topics at their defaults', 'server.properties', fixture('valid/kraft-combined/server.properties')],
      ['a compose file of three combined nodes', 'docker-compose.yml', fixture('valid/docker-compose.yml')],
      [
        'replication factors of 1 on a quorum of three voters: not evidently one broker (the per-key rules still report them)',
        'server.properties',
        'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@k1:9093,2@k2:9093,3@k3:9093\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=1\n',
      ],
      [
        'a broker whose only voter is another node (a separate controller)',
        'server.properties',
        'process.roles=broker\nnode.id=2\ncontroller.quorum.voters=1@controller:9093\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
      ],
      ['a controller-only node', 'server.properties', 'process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@localhost:9093\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=1\n'],
      ['one explicit replication factor of 1 only', 'server.properties', 'broker.id=0\noffsets.topic.replication.factor=1\nlog.dirs=/var/lib/kafka\n'],
      ['replication factors as placeholders', 'server.properties', 'broker.id=0\noffsets.topic.replication.factor=${RF}\ntransaction.state.log.replication.factor=${RF}\n'],
      [
        'a single combined voter whose settings all keep copies: only the voter itself, a summary of one',
        'server.properties',
        'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@localhost:9093\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
      ],
      ['a topic file with replication.factor=1', 'topic-orders.properties', 'replication.factor=1\nmin.insync.replicas=1\n'],
      ['a producer file', 'producer.properties', 'bootstrap.servers=localhost:9092\nacks=all\n'],
    ];
    for (const [name, path, text] of silent) {
      it(name, () => {
        assert.deepEqual(summaries(path, text), []);
      });
    }

    it('replication factors of 1 on a quorum of three voters are still the per-key warnings', () => {
      const r = lintConfig('server.properties', silent[3][2]);
      assert.deepEqual(
        of(r.findings, 'broker/replication-factor-too-low').map((f) => r.text.slice(f.range.start, f.range.end)),
        ['', '1', '1'],
      );
    });

    it('when turned off, or silenced for the whole file', () => {
      const text = fixture('invalid/kafka-3.9/config/server.properties');
      assert.deepEqual(summaries('server.properties', text, options(undefined, { [ID]: 'off' })), []);
      assert.deepEqual(summaries('server.properties', `# kafka-lint-disable ${ID} -- local development broker\n${text}`), []);
      // A line directive has no line to precede a finding at the start of the file.
      assert.equal(summaries('server.properties', `# kafka-lint-disable-next-line ${ID}\n${text}`).length, 1);
    });
  });
});
