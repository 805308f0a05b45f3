import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFindings, onlyRules, runCli, workspace } from './helpers';

const ACKS_ZERO = 'producer/acks-zero';
const ACKS_MIN_ISR = 'producer/acks-all-without-min-isr';
const KEEP = [ACKS_ZERO, ACKS_MIN_ISR];

/** One folder's cluster: a broker with min.insync.replicas=1, a producer with acks=all and one with acks=0. */
function cluster(host: string): Record<string, string> {
  return {
    'server.properties': `broker.id=1\nlisteners=PLAINTEXT://${host}:9092\nmin.insync.replicas=1\ndefault.replication.factor=3\n`,
    'producer.properties': `bootstrap.servers=${host}:9092\nacks=all\n`,
    'fast-producer.properties': `bootstrap.servers=${host}:9092\nacks=0\n`,
  };
}

function inFolder(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([p, c]) => [`${folder}/${p}`, c]));
}

/**
 * `kafka-lint a b` where a/ and b/ each hold a .kafkalint.json: every file is graded with its own folder's
 * options (per-file and cross-file findings alike), as the server grades each workspace folder's files.
 */
const FILES = {
  '.kafkalint.json': onlyRules([ACKS_ZERO]),
  'a/.kafkalint.json': onlyRules(KEEP, { [ACKS_ZERO]: 'info', [ACKS_MIN_ISR]: 'error' }),
  'b/.kafkalint.json': onlyRules(KEEP, { [ACKS_ZERO]: 'warning', [ACKS_MIN_ISR]: 'hint' }),
  ...inFolder('a', cluster('kafka-a')),
  ...inFolder('b', cluster('kafka-b')),
  'c/producer.properties': 'bootstrap.servers=kafka-c:9092\nacks=0\n',
};

const EXPECTED = [
  ['a/fast-producer.properties', ACKS_ZERO, 'info'],
  ['a/producer.properties', ACKS_MIN_ISR, 'error'],
  ['b/fast-producer.properties', ACKS_ZERO, 'warning'],
  ['b/producer.properties', ACKS_MIN_ISR, 'hint'],
  // c/ has no options file of its own: the current folder's (acks-zero alone, at its own level).
  ['c/producer.properties', ACKS_ZERO, 'error'],
];

describe('cli: folders with their own .kafkalint.json', () => {
  const ws = workspace(FILES);
  after(() => ws.cleanup());
  const shown = (stdout: string) => jsonFindings(stdout).map((f) => [f.file, f.rule, f.severity]);

  it('grades each file, per-file and cross-file findings, with the options of its own folder argument', () => {
    const r = runCli(['--format', 'json', 'a', 'b', 'c'], ws.dir);
    assert.equal(r.stderr, '');
    assert.deepEqual(shown(r.stdout), EXPECTED);
    assert.equal(r.code, 1);
  });

  it('the same in any argument order, on worker threads and from --cache; a changed folder file re-grades its folder only', () => {
    const one = runCli(['--format', 'json', '--concurrency', 'off', 'b', 'a', 'c'], ws.dir);
    assert.deepEqual(shown(one.stdout).sort(), [...EXPECTED].sort());
    const pooled = runCli(['--format', 'json', '--concurrency', '2', 'b', 'a', 'c'], ws.dir);
    assert.equal(pooled.stdout, one.stdout);
    const cold = runCli(['--format', 'json', '--cache', 'a', 'b', 'c'], ws.dir);
    const warm = runCli(['--format', 'json', '--cache', 'a', 'b', 'c'], ws.dir);
    assert.deepEqual(shown(cold.stdout), EXPECTED);
    assert.equal(warm.stdout, cold.stdout);
    writeFileSync(join(ws.dir, 'b/.kafkalint.json'), onlyRules(KEEP, { [ACKS_ZERO]: 'error', [ACKS_MIN_ISR]: 'off' }));
    const changed = runCli(['--format', 'json', '--cache', 'a', 'b', 'c'], ws.dir);
    assert.deepEqual(shown(changed.stdout), [EXPECTED[0], EXPECTED[1], ['b/fast-producer.properties', ACKS_ZERO, 'error'], EXPECTED[4]]);
    writeFileSync(join(ws.dir, 'b/.kafkalint.json'), FILES['b/.kafkalint.json']);
  });

  it('`.` and --config keep one set of options for every file', () => {
    const all = runCli(['--format', 'json', '.'], ws.dir);
    assert.deepEqual(
      shown(all.stdout),
      [
        ['a/fast-producer.properties', ACKS_ZERO, 'error'],
        ['b/fast-producer.properties', ACKS_ZERO, 'error'],
        ['c/producer.properties', ACKS_ZERO, 'error'],
      ],
    );
    const explicit = runCli(['--format', 'json', '--config', 'a/.kafkalint.json', 'a', 'b'], ws.dir);
    assert.deepEqual(shown(explicit.stdout), [
      ['a/fast-producer.properties', ACKS_ZERO, 'info'],
      ['a/producer.properties', ACKS_MIN_ISR, 'error'],
      ['b/fast-producer.properties', ACKS_ZERO, 'info'],
      ['b/producer.properties', ACKS_MIN_ISR, 'error'],
    ]);
  });

  it('a folder options file that is not JSON is named by its folder in the warning, and its folder falls back to defaults', () => {
    const bad = workspace({ ...inFolder('a', cluster('kafka-a')), 'a/.kafkalint.json': '{ nope', '.kafkalint.json': onlyRules([ACKS_ZERO]) });
    try {
      const r = runCli(['--format', 'json', 'a'], bad.dir);
      assert.match(r.stderr, /^kafka-lint: warning: .*a\/\.kafkalint\.json/m);
      assert.ok(shown(r.stdout).some(([, rule]) => rule === ACKS_MIN_ISR), r.stdout);
    } finally {
      bad.cleanup();
    }
  });
});
