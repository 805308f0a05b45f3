import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import type { AnalyzedDocument, ConfigEntry, Finding } from '../../../server/src/core/model';
import { options } from './helpers';

/** Bad input must never make a rule throw: lint turns a throw into a "rule failed" hint, which these tests forbid. */
describe('rules: robustness', () => {
  function crashes(findings: readonly Finding[]): string[] {
    return findings.filter((f) => f.message.includes('failed on this file')).map((f) => f.message);
  }

  const hostile: [string, string][] = [
    ['empty', ''],
    ['separators only', '=\n:\n = \n'],
    ['keys without values', 'acks\nretries\nenable.auto.commit\nlog.dirs\nmin.insync.replicas\n'],
    ['huge numbers', 'retries=99999999999999999999999999\ndefault.replication.factor=-99999999999999999999\nmin.insync.replicas=1e400\n'],
    ['odd values', 'acks=\u0000\nlog.dirs=,,,\nauto.offset.reset=\ud800\nunclean.leader.election.enable=\\u0074rue\n'],
    ['continuations', 'log.dirs=/tmp/a,\\\n  /tmp/b\nacks=\\\n0\n'],
    ['malformed escape', 'acks=\\uZZZZ\nretries=0\n'],
    ['many duplicates', 'acks=0\n'.repeat(200)],
  ];
  for (const path of ['producer.properties', 'server.properties', 'consumer.properties', 'application.properties', 'application.yml']) {
    for (const [name, text] of hostile) {
      it(`survives ${name} in ${path}`, () => {
        for (const version of ['0.10.0', '2.0', '3.0.0', '4.1', '99']) {
          assert.deepEqual(crashes(lint(analyzeConfig(path, text), options(version))), []);
        }
      });
    }
  }

  it('survives entries with no way to render, remove or insert, and empty ranges', () => {
    const entry = (key: string, value: string): ConfigEntry => ({
      key,
      value,
      rawKey: key,
      identity: key,
      keyRange: { start: 0, end: 0 },
      valueRange: { start: 0, end: 0 },
    });
    const doc: AnalyzedDocument = {
      path: 'x',
      text: '',
      kind: 'properties',
      isKafka: true,
      groups: [
        {
          roles: ['producer', 'consumer', 'broker', 'topic'],
          library: 'java',
          anchor: { start: 0, end: 0 },
          entries: [
            entry('acks', '0'),
            entry('acks', '1'),
            entry('retries', '0'),
            entry('max.in.flight.requests.per.connection', '9'),
            entry('enable.idempotence', 'true'),
            entry('enable.auto.commit', 'true'),
            entry('auto.offset.reset', 'latest'),
            entry('log.dirs', '/tmp'),
            entry('default.replication.factor', '1'),
            entry('min.insync.replicas', '2'),
            entry('unclean.leader.election.enable', 'true'),
            entry('nonsense.key', 'x'),
          ],
        },
        { roles: ['producer', 'consumer', 'broker'], library: 'kafka-go', anchor: { start: 0, end: 0 }, entries: [] },
      ],
      facts: [],
      problems: [],
      commentPrefix: '#',
    };
    const findings = lint(doc, options('2.0'));
    assert.deepEqual(crashes(findings), []);
    // Every rule that could fire on these entries did, without a fix it cannot build.
    const fired = new Set(findings.map((f) => f.ruleId));
    for (const id of ['producer/acks-zero', 'producer/retries-disabled', 'producer/idempotence-disabled', 'consumer/auto-commit-enabled', 'broker/log-dirs-in-tmp', 'broker/unclean-leader-election', 'config/duplicate-key']) {
      assert.ok(fired.has(id), `${id} did not fire`);
    }
    for (const f of findings) assert.deepEqual(f.fixes ?? [], [], `${f.ruleId} offered a fix it could not build`);
  });
});
