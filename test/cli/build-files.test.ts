import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pomWith, PRODUCER_JAVA } from '../support/build-files';
import { jsonFindings, runCli, workspace } from './helpers';

/** The CLI gives a Java client the defaults of the kafka-clients version its project's build pins, however it lints. */
describe('cli: client defaults of the version the build file pins', () => {
  const ws = workspace({ 'svc/pom.xml': pomWith('2.8.1'), 'svc/src/main/java/app/Orders.java': PRODUCER_JAVA, 'other/src/Orders.java': PRODUCER_JAVA });
  after(() => ws.cleanup());
  const acks = (stdout: string) => jsonFindings(stdout).filter((f) => f.rule === 'producer/acks-leader-only').map((f) => [f.file, f.line, f.message.includes('kafka-clients 2.8.1 (as pom.xml pins it)')]);

  it('reports the acks=1 default of kafka-clients 2.8, in every way of linting, and follows a change of the pom', () => {
    const cache = join(ws.dir, 'cache');
    for (const args of [['.'], ['--concurrency', '2', '.'], ['--cache', '--cache-location', cache, '.'], ['--cache', '--cache-location', cache, '.'], ['svc/src/main/java/app/Orders.java']]) {
      const r = runCli(['--format', 'json', ...args], ws.dir);
      assert.equal(r.stderr, '', args.join(' '));
      // The project without a build file keeps the configured version's default (acks=all).
      assert.deepEqual(acks(r.stdout), [['svc/src/main/java/app/Orders.java', 8, true]], args.join(' '));
    }
    writeFileSync(join(ws.dir, 'svc', 'pom.xml'), pomWith('3.6.1'));
    assert.deepEqual(acks(runCli(['--format', 'json', '--cache', '--cache-location', cache, '.'], ws.dir).stdout), []);
    writeFileSync(join(ws.dir, 'svc', 'pom.xml'), pomWith('2.8.1'));
  });

  it('says so in config', () => {
    const r = runCli(['config', 'svc/src/main/java/app/Orders.java'], ws.dir);
    assert.match(r.stdout, /acks +1 +default \(Kafka 2\.8\.1\)/);
  });
});
