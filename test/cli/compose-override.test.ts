import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_BASE as BASE, COMPOSE_OVERRIDE } from '../support/compose-pair';
import { jsonFindings, runCli, workspace } from './helpers';

const OVERRIDE = `${COMPOSE_OVERRIDE}      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n`;

/**
 * `docker compose up` merges docker-compose.yml with docker-compose.override.yml: the CLI judges each with
 * the other, whether both are linted, one alone (the other read from disk: a pre-commit hook gives only the
 * changed files), on worker threads or from the cache; and `report` says the same.
 */
describe('cli: a docker-compose file and its override', () => {
  const ws = workspace({ 'dev/docker-compose.yml': BASE, 'dev/docker-compose.override.yml': OVERRIDE, 'prod/docker-compose.yml': BASE, 'prod/docker-compose.prod.yml': OVERRIDE });
  after(() => ws.cleanup());
  const shown = (stdout: string) => jsonFindings(stdout).map((f) => [f.file, f.rule, f.line, f.column]);
  // The override's values, judged with the base's single broker: min ISR 2 cannot be met, unclean election is on.
  const OVERRIDE_FINDINGS = [
    ['dev/docker-compose.override.yml', 'broker/replication-factor-above-broker-count', 4, 34],
    ['dev/docker-compose.override.yml', 'broker/unclean-leader-election', 5, 46],
  ];

  it("gives the base none of the findings on what the override sets, and judges the override's values, linted in any way", () => {
    for (const args of [['dev'], ['dev/docker-compose.override.yml', 'dev/docker-compose.yml'], ['--concurrency', '2', 'dev'], ['--cache', 'dev'], ['--cache', 'dev']]) {
      const r = runCli(['--format', 'json', ...args], ws.dir);
      assert.equal(r.stderr, '', args.join(' '));
      assert.deepEqual(shown(r.stdout), OVERRIDE_FINDINGS, args.join(' '));
    }
    // One file alone: the other is read from disk.
    assert.deepEqual(shown(runCli(['--format', 'json', 'dev/docker-compose.yml'], ws.dir).stdout), []);
    assert.deepEqual(shown(runCli(['--format', 'json', 'dev/docker-compose.override.yml'], ws.dir).stdout), OVERRIDE_FINDINGS);
  });

  it('links a producer to the settings the broker runs with: the override raises the base min ISR of 1 to 2', () => {
    const ws2 = workspace({
      'app/docker-compose.yml': BASE.replace('    environment:', '    ports:\n      - "9092:9092"\n    environment:'),
      'app/docker-compose.override.yml': OVERRIDE.replace('      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n', ''),
      'app/producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\n',
    });
    try {
      const rules = (args: string[]) => jsonFindings(runCli(['--format', 'json', ...args], ws2.dir).stdout).map((f) => [f.file, f.rule]);
      // Without the override the producer's acks=all is weak (min ISR 1 in the base)...
      const alone = workspace({ 'app/docker-compose.yml': BASE.replace('    environment:', '    ports:\n      - "9092:9092"\n    environment:'), 'app/producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\n' });
      try {
        assert.ok(jsonFindings(runCli(['--format', 'json', 'app'], alone.dir).stdout).some((f) => f.rule === 'producer/acks-all-without-min-isr'));
      } finally {
        alone.cleanup();
      }
      // ...with it, the broker runs with 2 (which one broker cannot meet: the override's own finding).
      for (const args of [['app'], ['--concurrency', '2', 'app'], ['--cache', 'app'], ['--cache', 'app']]) {
        assert.deepEqual(rules(args), [['app/docker-compose.override.yml', 'broker/replication-factor-above-broker-count']], args.join(' '));
      }
      const report = runCli(['report', '--format', 'markdown', 'app'], ws2.dir);
      assert.doesNotMatch(report.stdout, /acks-all-without-min-isr/);
      assert.match(report.stdout, /app\/docker-compose\.override\.yml:4:34/);
    } finally {
      ws2.cleanup();
    }
  });

  it('judges a file merged only with -f (docker-compose.prod.yml) on its own, and its base too', () => {
    const r = runCli(['--format', 'json', 'prod'], ws.dir);
    const rules = jsonFindings(r.stdout).map((f) => [f.file, f.rule, f.line]);
    assert.ok(rules.some(([file, rule, line]) => file === 'prod/docker-compose.yml' && rule === 'broker/min-insync-replicas-too-low' && line === 8), r.stdout);
    // The prod file names no image: nothing in it is read.
    assert.ok(!rules.some(([file]) => file === 'prod/docker-compose.prod.yml'), r.stdout);
  });

  it('kafka-lint report says what kafka-lint says', () => {
    const rows = (stdout: string) => [...stdout.matchAll(/^\| (\S+):(\d+):(\d+) \| \S+ \w+ \| (\S+) \|/gm)].map((m) => [m[1], m[4], Number(m[2]), Number(m[3])]);
    for (const args of [['dev'], ['dev/docker-compose.yml']]) {
      const report = runCli(['report', '--format', 'markdown', ...args], ws.dir);
      assert.equal(report.stderr, '', args.join(' '));
      assert.deepEqual(rows(report.stdout), shown(runCli(['--format', 'json', ...args], ws.dir).stdout), args.join(' '));
    }
  });

  it('a changed override changes the base findings, even when the base comes from the cache', () => {
    runCli(['--format', 'json', '--cache', 'dev'], ws.dir);
    writeFileSync(join(ws.dir, 'dev/docker-compose.override.yml'), 'services:\n  kafka:\n    ports:\n      - "29092:29092"\n');
    try {
      const r = runCli(['--format', 'json', '--cache', 'dev'], ws.dir);
      // Only ports now: the base's own min ISR of 1 is what the broker runs with.
      assert.ok(shown(r.stdout).some(([file, rule, line]) => file === 'dev/docker-compose.yml' && rule === 'broker/min-insync-replicas-too-low' && line === 8), r.stdout);
    } finally {
      writeFileSync(join(ws.dir, 'dev/docker-compose.override.yml'), OVERRIDE);
    }
  });
});
