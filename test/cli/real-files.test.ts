import * as assert from 'node:assert/strict';
import { ROOT, runCli } from './helpers';

/**
 * The folder of real-project `.properties` and YAML files that are not Kafka configuration (log4j, Hibernate, i18n
 * bundles, Gradle, Maven wrapper, Flyway, Liquibase, Spring Boot and Quarkus without Kafka, application
 * settings, ksqlDB and Schema Registry, Helm templates of Strimzi resources, …), through the CLI as a process: every file is read, none gets a finding. The unit suite
 * (`real-files-not-kafka.test.ts`) holds the table of what each file is.
 */
describe('cli: real files that are not Kafka', () => {
  const folder = 'test/fixtures/real/not-kafka';

  it('text: no problems found in any of them, exit 0', () => {
    const r = runCli([folder], ROOT);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, 'No problems found (35 files checked).\n');
  });

  it('JSON: an empty findings list', () => {
    const r = runCli(['--format', 'json', '--kafka-version', '2.0', folder], ROOT);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { findings: [] });
  });
});
