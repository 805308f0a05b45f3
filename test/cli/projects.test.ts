import * as assert from 'node:assert/strict';
import { jsonFindings, onlyRules, runCli, workspace } from './helpers';

const ACKS = 'producer/acks-all-without-min-isr';
const PRODUCER = 'acks=all\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n';
const TEST_BROKER = 'broker.id=0\nlog.dirs=/var/lib/kafka/data\n';

/**
 * A link by folder alone does not reach into another project: a repository of sample projects side by side
 * (each with its own build file, as spring-kafka's samples are) keeps each sample's application apart from
 * the next sample's test broker; a monorepo's broker file outside every project still serves the services.
 */
/** The findings of `kafka-lint --format json .` in a workspace of these files, with only the rule ACKS on. */
function linted(files: Readonly<Record<string, string>>): { file: string; rule: string; message: string }[] {
  const ws = workspace({ '.kafkalint.json': onlyRules([ACKS]), ...files });
  try {
    return jsonFindings(runCli(['--format', 'json', '.'], ws.dir).stdout);
  } finally {
    ws.cleanup();
  }
}

describe('cli: a link by folder stays within reach of the file`s project', () => {
  it('samples side by side: no cross-file finding from another sample`s broker; without the build files, one', () => {
    const files = {
      '.kafkalint.json': onlyRules([ACKS]),
      'samples/sample-01/pom.xml': '<project/>\n',
      'samples/sample-01/src/main/resources/producer.properties': PRODUCER,
      'samples/sample-05/pom.xml': '<project/>\n',
      'samples/sample-05/src/test/resources/kafka-broker.properties': TEST_BROKER,
    };
    const ws = workspace(files);
    try {
      for (const args of [['.'], ['samples'], ['--concurrency', '2', '.']]) {
        const r = runCli(['--format', 'json', ...args], ws.dir);
        assert.equal(r.stderr, '', args.join(' '));
        assert.deepEqual(jsonFindings(r.stdout), [], args.join(' '));
      }
      const report = runCli(['report', '--format', 'markdown', '.'], ws.dir);
      assert.doesNotMatch(report.stdout, /producer\.properties:\d+:\d+ \|/);
    } finally {
      ws.cleanup();
    }
    const { 'samples/sample-01/pom.xml': _a, 'samples/sample-05/pom.xml': _b, '.kafkalint.json': _c, ...bare } = files;
    const found = linted(bare);
    assert.deepEqual(found.map((f) => [f.file, f.rule]), [['samples/sample-01/src/main/resources/producer.properties', ACKS]]);
    assert.match(found[0].message, /samples\/sample-05\/src\/test\/resources\/kafka-broker\.properties leaves min\.insync\.replicas unset/);
  });

  it('a monorepo: the broker folder in no project (infra/) serves a service that has its own build file', () => {
    const found = linted({
      'package.json': '{}\n',
      'services/orders/pom.xml': '<project/>\n',
      'services/orders/src/main/resources/producer.properties': PRODUCER,
      'infra/kafka/server.properties': TEST_BROKER,
    });
    assert.deepEqual(found.map((f) => [f.file, f.rule]), [['services/orders/src/main/resources/producer.properties', ACKS]]);
  });

  it('a multi-module build: a module`s client reaches a broker file of the root project', () => {
    const found = linted({
      'build.gradle': '\n',
      'src/test/resources/kafka-broker.properties': TEST_BROKER,
      'orders/build.gradle': '\n',
      'orders/src/main/resources/producer.properties': PRODUCER,
    });
    assert.deepEqual(found.map((f) => [f.file, f.rule]), [['orders/src/main/resources/producer.properties', ACKS]]);
  });
});
