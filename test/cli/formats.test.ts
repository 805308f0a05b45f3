import * as assert from 'node:assert/strict';
import { onlyRules, runCli, workspace } from './helpers';

interface JsonFinding {
  file: string;
  rule: string;
  line: number;
  column: number;
  endColumn: number;
}

const COMPOSE = [
  'services:',
  '  zookeeper:',
  '    image: confluentinc/cp-zookeeper:7.6.0',
  '  kafka:',
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  '      - KAFKA_BROKER_ID=1',
  '      - KAFKA_ZOOKEEPER_CONNECT=zookeeper:2181',
  '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3',
  '      - KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=true',
  '  db:',
  '    image: postgres:16',
  '',
].join('\n');

/** The CLI finds deployment files in a folder by name and reads them as the editor does. */
describe('cli: deployment formats in a folder', () => {
  const ws = workspace({
    'deploy/docker-compose.yml': COMPOSE,
    'deploy/compose.override.yaml': 'services:\n  cache:\n    image: redis:7\n',
    '.kafkalint.json': onlyRules(['broker/unclean-leader-election', 'broker/replication-factor-above-broker-count']),
  });
  after(() => ws.cleanup());

  it('reports a compose file found in a folder, on the variable values, and nothing on a compose file without Kafka', () => {
    const r = runCli(['--format', 'json', '--kafka-version', '3.6', '.'], ws.dir);
    assert.equal(r.code, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(
      findings.map((f) => [f.file, f.rule, f.line, f.column, f.endColumn]),
      [
        // Kafka 3.6's internal topics want 3 copies (2 in sync) by default: one broker cannot hold them.
        ['deploy/docker-compose.yml', 'broker/replication-factor-above-broker-count', 6, 5, 16],
        ['deploy/docker-compose.yml', 'broker/replication-factor-above-broker-count', 6, 5, 16],
        ['deploy/docker-compose.yml', 'broker/replication-factor-above-broker-count', 6, 5, 16],
        ['deploy/docker-compose.yml', 'broker/replication-factor-above-broker-count', 9, 42, 43],
        ['deploy/docker-compose.yml', 'broker/unclean-leader-election', 10, 46, 50],
      ],
    );
  });
});
