import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { onlyRules, ROOT, runCli } from './helpers';
import type { CliResult } from './helpers';

/** A folder with `copies` copies of examples/ and a binary file among them (a note on stderr). */
function examplesWorkspace(copies: number): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-lint-pool-'));
  for (let i = 0; i < copies; i++) cpSync(join(ROOT, 'examples'), join(dir, 'src', `copy-${i}`), { recursive: true });
  writeFileSync(join(dir, 'src', 'copy-0', 'blob.properties'), Buffer.from([0x61, 0x63, 0x6b, 0x73, 0x3d, 0x30, 0x00, 0x01]));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function same(a: CliResult, b: CliResult, what: string): void {
  assert.equal(b.code, a.code, `${what}: exit code`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout`);
  assert.equal(b.stderr, a.stderr, `${what}: stderr`);
}

describe('cli: worker pool and --cache', function () {
  this.timeout(120000);

  describe('--concurrency', () => {
    // 84 files: enough for `auto` to start two workers on a machine with two cores.
    const ws = examplesWorkspace(4);
    after(() => ws.cleanup());

    it('gives exactly the output of one thread, in walk order, for every format', () => {
      for (const format of ['text', 'json', 'sarif']) {
        const single = runCli(['--format', format, '--concurrency', 'off', 'src'], ws.dir);
        assert.equal(single.code, 1);
        assert.match(single.stderr, /^kafka-lint: src\/copy-0\/blob\.properties: skipped: binary file\n$/);
        for (const concurrency of format === 'json' ? ['2', '3', 'auto'] : ['2']) same(single, runCli(['--format', format, '--concurrency', concurrency, 'src'], ws.dir), `${format} --concurrency ${concurrency}`);
      }
      const json = JSON.parse(runCli(['--format', 'json', '--concurrency', '2', 'src'], ws.dir).stdout) as { findings: { file: string }[] };
      const files = [...new Set(json.findings.map((f) => f.file))];
      assert.deepEqual(files, [...files].sort(), 'findings in walk order (sorted folder entries)');
      assert.equal(files.filter((f) => f.endsWith('producer.properties')).length, 4);
    });

    it('rejects a bad --concurrency with exit code 2', () => {
      for (const bad of ['0', '-1', 'many', '']) {
        const r = runCli([`--concurrency=${bad}`, 'src'], ws.dir);
        assert.equal(r.code, 2, bad);
        assert.match(r.stderr, bad === '' ? /--concurrency must be a number of threads, auto or off; got ''/ : /--concurrency must be/);
      }
    });
  });

  describe('--cache', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'kafka-lint-cache-'));
      writeFileSync(join(dir, 'producer.properties'), 'bootstrap.servers=localhost:9092\nacks=0\n');
      writeFileSync(join(dir, 'consumer.properties'), 'bootstrap.servers=localhost:9092\ngroup.id=g\nenable.auto.commit=true\n');
      writeFileSync(join(dir, '.kafkalint.json'), onlyRules(['producer/acks-zero', 'consumer/auto-commit-enabled']));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const cacheFile = () => join(dir, '.kafkalintcache');
    interface Stored {
      tool: string;
      files: Record<string, { hash: string; findings: { rule: string; message: string; line: number }[] }>;
    }
    const readCache = (path = cacheFile()): Stored => JSON.parse(readFileSync(path, 'utf8')) as Stored;
    /** Rewrites every cached message, so that output taken from the cache can be told from a fresh lint. */
    const tamper = (path = cacheFile()): void => {
      const stored = readCache(path);
      for (const entry of Object.values(stored.files)) for (const f of entry.findings) f.message = `FROM CACHE ${f.rule}`;
      writeFileSync(path, JSON.stringify(stored));
    };

    it('stores each file under its content hash, then serves unchanged files from it and lints changed ones again', () => {
      const plain = runCli(['--format', 'json', '.'], dir);
      const first = runCli(['--format', 'json', '--cache', '.'], dir);
      same(plain, first, 'cold cache');
      const stored = readCache();
      assert.deepEqual(
        Object.keys(stored.files)
          .filter((f) => f.endsWith('.properties'))
          .sort(),
        [join(dir, 'consumer.properties'), join(dir, 'producer.properties')],
      );
      assert.deepEqual(
        stored.files[join(dir, 'producer.properties')].findings.map((f) => [f.rule, f.line]),
        [['producer/acks-zero', 2]],
      );
      assert.match(stored.tool, /^\d+\.\d+\.\d+\+[\w-]{16}$/, 'the version and a hash of the build');
      tamper();
      const written = statSync(cacheFile()).ino;
      const warm = runCli(['--format', 'json', '--cache', '.'], dir);
      assert.equal(warm.code, 1);
      // Nothing new: the cache is not written again (a new file would be renamed over it).
      assert.equal(statSync(cacheFile()).ino, written);
      assert.deepEqual(
        (JSON.parse(warm.stdout) as { findings: { file: string; message: string }[] }).findings.map((f) => [f.file, f.message]),
        [
          ['consumer.properties', 'FROM CACHE consumer/auto-commit-enabled'],
          ['producer.properties', 'FROM CACHE producer/acks-zero'],
        ],
      );
      // A changed file is linted again; the other still comes from the cache.
      writeFileSync(join(dir, 'producer.properties'), 'bootstrap.servers=localhost:9092\nacks=0\n\n');
      const changed = JSON.parse(runCli(['--format', 'json', '--cache', '.'], dir).stdout) as { findings: { file: string; message: string }[] };
      assert.notEqual(statSync(cacheFile()).ino, written, 'written with the changed file');
      assert.deepEqual(
        changed.findings.map((f) => [f.file, f.message.startsWith('FROM CACHE')]),
        [
          ['consumer.properties', true],
          ['producer.properties', false],
        ],
      );
      // The file name in the output is the one given this time, not the one stored.
      const named = JSON.parse(runCli(['--format', 'json', '--cache', './consumer.properties'], dir).stdout) as { findings: { file: string; message: string }[] };
      assert.deepEqual(
        named.findings.map((f) => [f.file, f.message]),
        [['./consumer.properties', 'FROM CACHE consumer/auto-commit-enabled']],
      );
    });

    it('never serves findings computed with other options', () => {
      runCli(['--cache', '.'], dir);
      tamper();
      const version = runCli(['--format', 'json', '--cache', '--kafka-version', '2.8', '.'], dir);
      assert.doesNotMatch(version.stdout, /FROM CACHE/);
      tamper();
      writeFileSync(join(dir, '.kafkalint.json'), onlyRules(['producer/acks-zero']));
      const rules = runCli(['--format', 'json', '--cache', '--kafka-version', '2.8', '.'], dir);
      assert.doesNotMatch(rules.stdout, /FROM CACHE/);
      assert.deepEqual(
        (JSON.parse(rules.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule),
        ['producer/acks-zero'],
      );
    });

    it('never serves findings of another build of the tool', () => {
      runCli(['--cache', '.'], dir);
      tamper();
      // The same bundle with one more line, next to its grammars and a package.json of the same version.
      const other = mkdtempSync(join(tmpdir(), 'kafka-lint-build-'));
      try {
        writeFileSync(join(other, 'cli.js'), `${readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8')}\n// another build\n`);
        symlinkSync(join(ROOT, 'dist', 'wasm'), join(other, 'wasm'));
        writeFileSync(join(other, 'package.json'), readFileSync(join(ROOT, 'package.json')));
        const r = spawnSync(process.execPath, [join(other, 'cli.js'), '--format', 'json', '--cache', '.'], { cwd: dir, encoding: 'utf8' });
        assert.equal(r.status, 1, r.stderr);
        assert.doesNotMatch(r.stdout, /FROM CACHE/);
        assert.match(r.stdout, /"rule":"producer\/acks-zero"/);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });

    it('sets a corrupt, damaged or unreadable cache aside with a note, and never fails because of it', () => {
      const plain = runCli(['--format', 'json', '.'], dir);
      writeFileSync(cacheFile(), '{"format":1, "files": {');
      const corrupt = runCli(['--format', 'json', '--cache', '.'], dir);
      assert.equal(corrupt.code, plain.code);
      assert.equal(corrupt.stdout, plain.stdout);
      assert.match(corrupt.stderr, /^kafka-lint: ignoring cache .*\.kafkalintcache: it is not a Kafka Lint cache \(.*\); linting every file\n$/);
      assert.ok(readCache().files, 'rewritten as a valid cache');
      // A valid cache with one damaged entry: that file is linted again, the other is served.
      tamper();
      const stored = readCache();
      stored.files[join(dir, 'producer.properties')].findings = [{ rule: 'x' } as never];
      writeFileSync(cacheFile(), JSON.stringify(stored));
      const damaged = runCli(['--format', 'json', '--cache', '.'], dir);
      assert.match(damaged.stderr, /ignoring 1 damaged entry in cache .*; that file is linted again/);
      assert.deepEqual(
        (JSON.parse(damaged.stdout) as { findings: { file: string; message: string }[] }).findings.map((f) => [f.file, f.message.startsWith('FROM CACHE')]),
        [
          ['consumer.properties', true],
          ['producer.properties', false],
        ],
      );
      // A location that can be neither read nor written (below a file).
      const blocked = runCli(['--format', 'json', '--cache', '--cache-location', 'producer.properties/cache', '.'], dir);
      assert.equal(blocked.code, plain.code);
      assert.equal(blocked.stdout, plain.stdout);
      assert.match(blocked.stderr, /kafka-lint: cannot read cache .*producer\.properties\/cache \(ENOTDIR\); linting every file\n/);
      assert.match(blocked.stderr, /kafka-lint: cannot write cache .*producer\.properties\/cache \(E[A-Z]+\)\n/);
    });

    it('--cache-location takes a file or a folder; the cache is written only with --cache', () => {
      runCli(['--cache-location', 'elsewhere/', '.'], dir);
      assert.equal(existsSync(join(dir, 'elsewhere')), false);
      runCli(['--cache', '--cache-location', 'elsewhere/', '.'], dir);
      assert.ok(readCache(join(dir, 'elsewhere', '.kafkalintcache')).files);
      mkdirSync(join(dir, 'folder'));
      runCli(['--cache', '--cache-location', 'folder', '.'], dir);
      assert.ok(readCache(join(dir, 'folder', '.kafkalintcache')).files);
      runCli(['--cache', '--cache-location', 'named-cache.json', '.'], dir);
      assert.ok(readCache(join(dir, 'named-cache.json')).files);
      assert.equal(existsSync(cacheFile()), false);
    });
  });

  it('--help documents --cache, --cache-location and --concurrency', () => {
    const help = runCli(['--help'], ROOT).stdout;
    for (const option of ['--cache ', '--cache-location PATH', '--concurrency N|auto|off']) assert.ok(help.includes(option), option);
  });
});
