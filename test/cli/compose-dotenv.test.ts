import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_WITH_VARIABLES as COMPOSE, LOCAL_PRODUCER as PRODUCER } from '../support/compose-dotenv';
import { jsonFindings, runCli, workspace } from './helpers';


/**
 * Docker Compose replaces `${VAR}` in a compose file from the `.env` file beside it: the CLI reads it, in
 * every way it lints (worker threads, the cache, `report`, `config`), and a changed `.env` is not answered
 * from the cache.
 */
describe('cli: a docker-compose file read with its .env file', () => {
  const ws = workspace({ 'app/docker-compose.yml': COMPOSE, 'app/.env': 'MIN_ISR=2\n', 'app/producer.properties': PRODUCER, 'bare/docker-compose.yml': COMPOSE });
  after(() => ws.cleanup());
  const rules = (stdout: string) => jsonFindings(stdout).map((f) => [f.file, f.rule, f.line, f.column]);
  const about = (stdout: string, rule: string, folder = '') => rules(stdout).filter((r) => r[1] === rule && String(r[0]).startsWith(folder));

  it("judges the .env file's value, not the default, however the files are linted", () => {
    const cache = join(ws.dir, 'cache');
    for (const args of [['app'], ['--concurrency', '2', 'app', 'bare'], ['--cache', '--cache-location', cache, 'app'], ['--cache', '--cache-location', cache, 'app']]) {
      const r = runCli(['--format', 'json', ...args], ws.dir);
      assert.equal(r.stderr, '', args.join(' '));
      assert.deepEqual(about(r.stdout, 'broker/min-insync-replicas-too-low', 'app/'), [], args.join(' '));
      // The producer's acks=all is linked to a broker that runs with a min ISR of 2 (from .env).
      assert.deepEqual(about(r.stdout, 'producer/acks-all-without-min-isr', 'app/'), [], args.join(' '));
      // Which one broker cannot meet: reported on the variable.
      assert.deepEqual(about(r.stdout, 'broker/replication-factor-above-broker-count', 'app/').filter((f) => f[2] === 8), [['app/docker-compose.yml', 'broker/replication-factor-above-broker-count', 8, 34]], args.join(' '));
    }
    // The same file without a .env beside it: the default applies.
    assert.deepEqual(about(runCli(['--format', 'json', 'bare'], ws.dir).stdout, 'broker/min-insync-replicas-too-low'), [['bare/docker-compose.yml', 'broker/min-insync-replicas-too-low', 8, 45]]);
    // A changed .env is read again, not answered from the cache.
    writeFileSync(join(ws.dir, 'app', '.env'), 'MIN_ISR=1\n');
    try {
      const r = runCli(['--format', 'json', '--cache', '--cache-location', cache, 'app'], ws.dir);
      assert.deepEqual(about(r.stdout, 'broker/min-insync-replicas-too-low'), [['app/docker-compose.yml', 'broker/min-insync-replicas-too-low', 8, 34]]);
      assert.equal(about(r.stdout, 'producer/acks-all-without-min-isr').length, 1);
    } finally {
      writeFileSync(join(ws.dir, 'app', '.env'), 'MIN_ISR=2\n');
    }
  });

  it('reads it in report and config too', () => {
    const report = runCli(['report', '--format', 'markdown', 'app'], ws.dir);
    assert.doesNotMatch(report.stdout, /min-insync-replicas-too-low|acks-all-without-min-isr/);
    const config = runCli(['config', 'app/docker-compose.yml'], ws.dir);
    assert.match(config.stdout, /min\.insync\.replicas +2 +line 8/);
  });
});
