import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { composePairs, withComposePartner } from '../../server/src/core/compose/pairs';
import { extractDeployment } from '../../server/src/core/deployment/extract';
import { lint } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { COMPOSE_BASE } from '../support/compose-pair';
import { applyFix, covered, fixTitled, of } from './rules/helpers';

/**
 * `docker compose up` without `-f` merges a folder's base file with its override (core/compose/pairs.ts): each
 * file is judged with what the other says of its services.
 */

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

const BASE = 'deploy/docker-compose.yml';
const OVERRIDE = 'deploy/docker-compose.override.yml';

/** The findings of `path` (text `text`) merged with `other` (the other file of the pair), as rule and covered text. */
function merged(path: string, text: string, otherPath: string, other: string): { findings: Finding[]; text: string } {
  const pairs = composePairs([path, otherPath]);
  const pairing = pairs.get(path);
  assert.ok(pairing, `${path} pairs with ${otherPath}`);
  const document = withComposePartner(analyzeConfig(path, text), pairing, analyzeConfig(otherPath, other).compose);
  return { findings: lint(document, DEFAULT_OPTIONS), text };
}

function shown(r: { findings: Finding[]; text: string }): string[][] {
  return r.findings.map((f) => [f.ruleId, covered(r.text, f)]);
}

function alone(path: string, text: string): string[][] {
  const document = analyzeConfig(path, text);
  return shown({ findings: lint(document, DEFAULT_OPTIONS), text });
}

const base = `${COMPOSE_BASE}      KAFKA_DEFAULT_REPLICATION_FACTOR: 1\n`;

const broker = (n: number) => [
  `  kafka-${n}:`,
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  `      KAFKA_BROKER_ID: ${n}`,
  '      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181',
  '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3',
  '      KAFKA_MIN_INSYNC_REPLICAS: 2',
  '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 3',
  '      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 3',
  '      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 2',
];

describe('compose: a base file and its override (compose/pairs.ts)', () => {
  it('pairs the first base name with the first override name of a folder, in compose-go order', () => {
    const pairs = composePairs([
      'a/compose.yaml',
      'a/docker-compose.yml',
      'a/docker-compose.override.yml',
      'a/compose.override.yml',
      'b/docker-compose.yml',
      'b/docker-compose.prod.yml',
      'c/docker-compose.override.yaml',
      'd\\docker-compose.yaml',
      'd\\docker-compose.override.yml',
    ]);
    assert.deepEqual(
      [...pairs].sort(),
      [
        ['a/compose.override.yml', { partner: 'a/compose.yaml', is: 'base' }],
        ['a/compose.yaml', { partner: 'a/compose.override.yml', is: 'override' }],
        ['d\\docker-compose.override.yml', { partner: 'd\\docker-compose.yaml', is: 'base' }],
        ['d\\docker-compose.yaml', { partner: 'd\\docker-compose.override.yml', is: 'override' }],
      ],
    );
  });

  it("does not judge a base's value the override sets again, and judges the override's value with the base's image and brokers", () => {
    const override = lines('services:', '  kafka:', '    environment:', '      KAFKA_MIN_INSYNC_REPLICAS: 2', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"');
    // Alone, the base has its single-copy findings and the override (no image) nothing.
    assert.ok(alone(BASE, base).some(([rule, text]) => rule === 'broker/min-insync-replicas-too-low' && text === '1'));
    assert.deepEqual(alone(OVERRIDE, override), []);
    // Merged, the base's min ISR and replication factor are the override's: nothing left to say in the base, and
    // what it leaves unset may be set in the override.
    assert.deepEqual(shown(merged(BASE, base, OVERRIDE, override)), []);
    const inOverride = merged(OVERRIDE, override, BASE, base);
    assert.deepEqual(shown(inOverride), [
      ['broker/replication-factor-above-broker-count', '2'],
      ['broker/replication-factor-above-broker-count', '3'],
      ['broker/unclean-leader-election', 'true'],
    ]);
    assert.match(of(inOverride.findings, 'broker/replication-factor-above-broker-count')[1].message, /default\.replication\.factor=3, but the number of brokers in this cluster is 1/);
    // Its fix edits the override.
    const [, rf] = of(inOverride.findings, 'broker/replication-factor-above-broker-count');
    assert.equal(applyFix(override, fixTitled(rf, 'Set default.replication.factor=1 (as many as there are brokers)')), override.replace('FACTOR: 3', 'FACTOR: 1'));
  });

  it('keeps what the base says when the override only publishes ports or mounts data', () => {
    const override = lines('services:', '  kafka:', '    ports:', '      - "29092:29092"', '    volumes:', '      - kafka-data:/var/lib/kafka/data');
    assert.deepEqual(shown(merged(BASE, base, OVERRIDE, override)), alone(BASE, base));
  });

  it("counts the override's brokers in the base's cluster, and the base's in the override's", () => {
    const one = lines('services:', ...broker(1));
    const two = lines('services:', ...broker(2), ...broker(3));
    assert.ok(alone('compose.yaml', one).some(([rule]) => rule === 'broker/replication-factor-above-broker-count'));
    assert.deepEqual(shown(merged('compose.yaml', one, 'compose.override.yaml', two)), []);
    assert.deepEqual(shown(merged('compose.override.yaml', two, 'compose.yaml', one)), []);
    // A cluster of its own (another ZooKeeper) does not add to it.
    const apart = two.replace(/zookeeper:2181/g, 'zk-other:2181');
    assert.ok(shown(merged('compose.yaml', one, 'compose.override.yaml', apart)).some(([rule]) => rule === 'broker/replication-factor-above-broker-count'));
  });

  it("counts a service once when the override gives it a Kafka image the base's service did not run", () => {
    const withTool = lines('services:', ...broker(1), '  kafka-2:', '    image: busybox');
    const override = lines('services:', ...broker(2));
    // kafka-2 runs cp-kafka once merged: two brokers, not three (the base reads it, so it is not the override's alone).
    const document = withComposePartner(analyzeConfig('compose.yaml', withTool), composePairs(['compose.yaml', 'compose.override.yaml']).get('compose.yaml')!, analyzeConfig('compose.override.yaml', override).compose);
    assert.deepEqual(document.groups.map((g) => g.links?.brokerCount), [2, 2]);
  });

  it("reads the base's variables with the override's image when the override changes it", () => {
    // Bitnami reads KAFKA_CFG_*; the override runs apache/kafka, which reads KAFKA_*: the base's KAFKA_CFG_ line is no setting then.
    const bitnami = lines('services:', '  kafka:', '    image: bitnami/kafka:3.7', '    environment:', '      KAFKA_CFG_MIN_INSYNC_REPLICAS: 1');
    const apache = lines('services:', '  kafka:', '    image: apache/kafka:3.9.0');
    assert.ok(alone(BASE, bitnami).some(([rule, text]) => rule === 'broker/min-insync-replicas-too-low' && text === '1'));
    const r = merged(BASE, bitnami, OVERRIDE, apache);
    const [minIsr, ...more] = of(r.findings, 'broker/min-insync-replicas-too-low');
    assert.equal(more.length, 0);
    assert.equal(covered(r.text, minIsr), 'environment');
    assert.match(minIsr.message, /^Broker stage: min\.insync\.replicas is unset, and Kafka 3\.9\.0 defaults it to 1/);
  });

  it('records the services of an override that never says kafka (it may set only CONNECT_* or CLUSTER_ID), and carries them in the extract', () => {
    const override = lines('services:', '  connect:', '    environment:', '      CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR: 1', '  db:', '    image: postgres:16');
    const document = analyzeConfig(OVERRIDE, override);
    assert.deepEqual(document.compose, [{ name: 'connect', variables: [['CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR', '1']], envFile: false, volumes: [] }]);
    assert.deepEqual(extractDeployment(document, OVERRIDE).compose, document.compose);
    // An override of a web app's service says nothing a Kafka service could take.
    assert.equal(analyzeConfig(OVERRIDE, lines('services:', '  web:', '    ports:', '      - "8080:80"', '    environment:', '      RAILS_ENV: development')).compose, undefined);
    // Any other compose file that never says kafka is not read at all.
    assert.equal(analyzeConfig('deploy/docker-compose.prod.yml', override).compose, undefined);
  });
});
