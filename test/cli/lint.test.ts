import * as assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, onlyRules, ROOT, runCli, workspace } from './helpers';

const FINDING_KEYS = ['file', 'rule', 'stage', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];
const ACKS_ZERO = 'producer/acks-zero';
const PRODUCER = 'bootstrap.servers=localhost:9092\nacks=0\n';

interface JsonFinding {
  file: string;
  rule: string;
  stage: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function parseFindings(stdout: string): JsonFinding[] {
  const parsed = JSON.parse(stdout) as { findings: JsonFinding[] };
  assert.deepEqual(Object.keys(parsed), ['findings']);
  assert.ok(Array.isArray(parsed.findings));
  return parsed.findings;
}

describe('cli: kafka-lint (lint)', () => {
  describe('usage', () => {
    const ws = workspace({ 'producer.properties': PRODUCER });
    after(() => ws.cleanup());

    it('--help prints usage on stdout and exits 0', () => {
      const r = runCli(['--help'], ws.dir);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage:\n  kafka-lint \[options\] \[PATH\.\.\.\]/);
      assert.equal(r.stderr, '');
    });

    it('--version prints the package version and exits 0', () => {
      const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      const r = runCli(['--version'], ws.dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${version}\n`);
    });

    it('an unknown flag exits 2 with a message on stderr and nothing on stdout', () => {
      const r = runCli(['--bogus', 'producer.properties'], ws.dir);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "kafka-lint: unknown option '--bogus'\nRun 'kafka-lint --help' for usage.\n");
    });

    it('a bad --format exits 2', () => {
      const r = runCli(['--format', 'xml', 'producer.properties'], ws.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--format must be one of text, json, sarif; got 'xml'/);
    });

    it('--format without a value exits 2', () => {
      const r = runCli(['--format'], ws.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /option '--format' needs a value/);
    });

    it('a malformed --kafka-version exits 2', () => {
      const r = runCli(['--kafka-version', 'latest', 'producer.properties'], ws.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--kafka-version must look like 3\.9/);
    });

    it('a folder named config is linted when written as a path or after --', () => {
      const cfg = workspace({ 'config/producer.properties': PRODUCER, '.kafkalint.json': onlyRules([ACKS_ZERO]) });
      try {
        for (const args of [['./config'], ['--', 'config'], ['--format', 'json', '--', 'config']]) {
          const r = runCli([...(args[0] === '--format' ? [] : ['--format', 'json']), ...args], cfg.dir);
          assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
          assert.equal(parseFindings(r.stdout)[0].rule, ACKS_ZERO);
        }
      } finally {
        cfg.cleanup();
      }
    });

    it('a path that does not exist exits 2 and names it', () => {
      const r = runCli(['producer.properties', 'nope.properties'], ws.dir);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /kafka-lint: no such file or folder: nope\.properties/);
    });
  });

  describe('findings', () => {
    const ws = workspace({ 'producer.properties': PRODUCER, '.kafkalint.json': onlyRules([ACKS_ZERO]) });
    after(() => ws.cleanup());

    it('--format json prints one object with the exact finding shape, 1-based positions, and exits 1', () => {
      const r = runCli(['--format', 'json', 'producer.properties'], ws.dir);
      assert.equal(r.code, 1, r.stderr);
      const findings = parseFindings(r.stdout);
      assert.equal(findings.length, 1);
      const f = findings[0];
      assert.deepEqual(Object.keys(f), FINDING_KEYS);
      assert.equal(typeof f.message, 'string');
      assert.ok(f.message.length > 0);
      assert.deepEqual(
        { file: f.file, rule: f.rule, stage: f.stage, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
        { file: 'producer.properties', rule: ACKS_ZERO, stage: 'producer', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 7 },
      );
      assert.ok(r.stdout.endsWith('}\n'));
      assert.equal(r.stdout.trim().split('\n').length, 1);
    });

    it('--format=json (with =) is the same', () => {
      const a = runCli(['--format', 'json', 'producer.properties'], ws.dir);
      const b = runCli(['--format=json', 'producer.properties'], ws.dir);
      assert.equal(b.code, 1);
      assert.equal(b.stdout, a.stdout);
    });

    it('text format: a file header, a file:line:col line, then the summary', () => {
      const json = parseFindings(runCli(['--format', 'json', 'producer.properties'], ws.dir).stdout);
      const r = runCli(['producer.properties'], ws.dir);
      assert.equal(r.code, 1);
      assert.equal(
        r.stdout,
        ['producer.properties', `  producer.properties:2:6  error    ${json[0].message}  ${ACKS_ZERO}`, '', '1 error in 1 file (1 file checked)', ''].join('\n'),
      );
    });

    it('no escape codes when stdout is not a terminal', () => {
      const r = runCli(['producer.properties'], ws.dir, { FORCE_COLOR: '1' });
      assert.ok(!r.stdout.includes('\x1b['));
    });

    it('colors on a terminal, and none there when NO_COLOR is set (run under script(1) for a pty)', function () {
      const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
      if (script.error) this.skip();
      const underPty = (env: NodeJS.ProcessEnv) =>
        spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" producer.properties`, '/dev/null'], { cwd: ws.dir, env, encoding: 'utf8' }).stdout;
      const env = { ...process.env };
      delete env.NO_COLOR;
      const colored = underPty(env);
      assert.ok(colored.includes('\x1b[31merror'), JSON.stringify(colored.slice(0, 200)));
      assert.ok(colored.includes('\x1b[1mproducer.properties\x1b[22m'));
      const plain = underPty({ ...env, NO_COLOR: '' });
      assert.ok(plain.includes('producer.properties:2:6  error'));
      assert.ok(!plain.includes('\x1b['));
    });

    it('the default path is the current folder; files found in folders are shown relative to it', () => {
      const r = runCli(['--format', 'json'], ws.dir);
      assert.equal(r.code, 1);
      assert.deepEqual(
        parseFindings(r.stdout).map((f) => f.file),
        ['producer.properties'],
      );
    });

    it('a file named twice is linted once', () => {
      const r = runCli(['--format', 'json', 'producer.properties', './producer.properties', '.'], ws.dir);
      assert.equal(parseFindings(r.stdout).length, 1);
    });

    it('a byte-order mark does not shift columns', () => {
      const bom = workspace({ 'p.properties': `\ufeff${PRODUCER}`, '.kafkalint.json': onlyRules([ACKS_ZERO]) });
      try {
        const [f] = parseFindings(runCli(['--format', 'json', 'p.properties'], bom.dir).stdout);
        assert.deepEqual([f.line, f.column], [2, 6]);
      } finally {
        bom.cleanup();
      }
    });
  });

  describe('options', () => {
    it('.kafkalint.json in the current folder re-grades a rule; no error finding means exit 0', () => {
      const ws = workspace({ 'p.properties': PRODUCER, '.kafkalint.json': onlyRules([ACKS_ZERO], { [ACKS_ZERO]: 'warning' }) });
      try {
        const r = runCli(['--format', 'json', 'p.properties'], ws.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(
          parseFindings(r.stdout).map((f) => [f.rule, f.severity]),
          [[ACKS_ZERO, 'warning']],
        );
      } finally {
        ws.cleanup();
      }
    });

    it('--config FILE is used instead of ./.kafkalint.json', () => {
      const ws = workspace({
        'p.properties': PRODUCER,
        '.kafkalint.json': onlyRules([ACKS_ZERO]),
        'off.json': onlyRules([], { [ACKS_ZERO]: 'off' }),
      });
      try {
        const r = runCli(['--config', 'off.json', '--format', 'json', 'p.properties'], ws.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(parseFindings(r.stdout), []);
        const text = runCli(['--config', 'off.json', 'p.properties'], ws.dir);
        assert.equal(text.stdout, 'No problems found (1 file checked).\n');
      } finally {
        ws.cleanup();
      }
    });

    it('the Kafka version comes from .kafkalint.json, and --kafka-version overrides it', () => {
      const LEADER_ONLY = 'producer/acks-leader-only';
      const unset = 'bootstrap.servers=localhost:9092\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n';
      const ws = workspace({ 'p.properties': unset, 'old.json': JSON.stringify({ kafkaVersion: '2.8' }) });
      try {
        const rules = (args: string[]) => parseFindings(runCli(['--format', 'json', ...args, 'p.properties'], ws.dir).stdout).map((f) => f.rule);
        assert.ok(!rules([]).includes(LEADER_ONLY), 'acks defaults to all in the newest Kafka');
        assert.ok(rules(['--kafka-version', '2.8']).includes(LEADER_ONLY), 'acks defaulted to 1 before 3.0');
        assert.ok(rules(['--config', 'old.json']).includes(LEADER_ONLY));
        assert.ok(!rules(['--config', 'old.json', '--kafka-version', '3.9']).includes(LEADER_ONLY));
      } finally {
        ws.cleanup();
      }
    });

    it('invalid JSON in an explicit --config exits 2 with a message', () => {
      const ws = workspace({ 'p.properties': PRODUCER, 'bad.json': '{ rules: ' });
      try {
        const r = runCli(['--config', 'bad.json', 'p.properties'], ws.dir);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^kafka-lint: bad\.json is not valid JSON/);
      } finally {
        ws.cleanup();
      }
    });

    it('a missing --config file exits 2', () => {
      const ws = workspace({ 'p.properties': PRODUCER });
      try {
        const r = runCli(['--config', 'missing.json', 'p.properties'], ws.dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /cannot read options file missing\.json \(ENOENT\)/);
      } finally {
        ws.cleanup();
      }
    });

    it('an invalid ./.kafkalint.json only warns and the run goes on', () => {
      const ws = workspace({ 'p.properties': PRODUCER, '.kafkalint.json': '{ nope' });
      try {
        const r = runCli(['--format', 'json', 'p.properties'], ws.dir);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /kafka-lint: warning: \.kafkalint\.json is not valid JSON .*; using defaults/);
        assert.ok(parseFindings(r.stdout).some((f) => f.rule === ACKS_ZERO));
      } finally {
        ws.cleanup();
      }
    });

    it('bad values and unknown rules in the options file are reported on stderr', () => {
      const ws = workspace({ 'p.properties': PRODUCER, '.kafkalint.json': JSON.stringify({ kafkaVersion: 'x', rules: { [ACKS_ZERO]: 'loud', 'no/such-rule': 'off' } }) });
      try {
        const r = runCli(['--format', 'json', 'p.properties'], ws.dir);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /\.kafkalint\.json: kafkaVersion must look like/);
        assert.match(r.stderr, new RegExp(`\\.kafkalint\\.json: rules\\.${ACKS_ZERO.replace('/', '\\/')} must be one of`));
        assert.match(r.stderr, /\.kafkalint\.json: unknown rule 'no\/such-rule'/);
      } finally {
        ws.cleanup();
      }
    });
  });

  describe('folders and awkward files', () => {
    it('skips node_modules and .git, lints nested folders, ignores other extensions', () => {
      const ws = workspace({
        '.kafkalint.json': onlyRules([ACKS_ZERO]),
        'app/producer.properties': PRODUCER,
        'node_modules/lib/producer.properties': PRODUCER,
        '.git/producer.properties': PRODUCER,
        'app/notes.txt': PRODUCER,
      });
      try {
        const r = runCli(['--format', 'json'], ws.dir);
        assert.equal(r.code, 1);
        assert.deepEqual(
          parseFindings(r.stdout).map((f) => f.file),
          ['app/producer.properties'],
        );
        const named = runCli(['--format', 'json', 'app'], ws.dir);
        assert.deepEqual(
          parseFindings(named.stdout).map((f) => f.file),
          ['app/producer.properties'],
        );
      } finally {
        ws.cleanup();
      }
    });

    it('counts code files and YAML as checked', () => {
      const ws = workspace({
        'a/Main.java': 'class Main {}\n',
        'a/app.ts': 'export {};\n',
        'a/app.py': 'pass\n',
        'a/main.go': 'package main\n',
        'a/application.yml': 'server:\n  port: 8080\n',
        'a/readme.md': '# nothing\n',
      });
      try {
        const r = runCli(['a'], ws.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, 'No problems found (5 files checked).\n');
      } finally {
        ws.cleanup();
      }
    });

    it('a binary file is skipped with a note; the exit code still reflects the other files', () => {
      const ws = workspace({
        '.kafkalint.json': onlyRules([ACKS_ZERO]),
        'blob.properties': Buffer.from([0x61, 0x63, 0x6b, 0x73, 0x3d, 0x30, 0x00, 0xff, 0xfe, 0x00, 0x01]),
        'producer.properties': PRODUCER,
      });
      try {
        const r = runCli(['--format', 'json'], ws.dir);
        assert.equal(r.code, 1);
        assert.equal(r.stderr, 'kafka-lint: blob.properties: skipped: binary file\n');
        assert.deepEqual(
          parseFindings(r.stdout).map((f) => f.file),
          ['producer.properties'],
        );
        const alone = runCli(['blob.properties'], ws.dir);
        assert.equal(alone.code, 0);
        assert.equal(alone.stdout, 'No problems found (0 files checked).\n');
      } finally {
        ws.cleanup();
      }
    });

    it('an unreadable file is skipped with a note', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything
      const ws = workspace({ 'secret.properties': PRODUCER });
      try {
        chmodSync(join(ws.dir, 'secret.properties'), 0);
        const r = runCli(['secret.properties'], ws.dir);
        assert.equal(r.code, 0);
        assert.match(r.stderr, /secret\.properties: cannot read file \(permission denied\)/);
      } finally {
        ws.cleanup();
      }
    });

    it('a named pipe or device given by name is skipped with a note, never opened', function () {
      const ws = workspace({ 'producer.properties': PRODUCER, '.kafkalint.json': onlyRules([ACKS_ZERO]) });
      try {
        const fifo = join(ws.dir, 'pipe.properties');
        if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
        const r = runCli(['--format', 'json', 'pipe.properties', '/dev/null', 'producer.properties'], ws.dir, {}, 10000);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stderr, 'kafka-lint: pipe.properties: skipped: not a regular file\nkafka-lint: /dev/null: skipped: not a regular file\n');
        assert.deepEqual(
          parseFindings(r.stdout).map((f) => f.file),
          ['producer.properties'],
        );
        // A pipe inside a folder is not even listed.
        const walked = runCli(['--format', 'json', '.'], ws.dir, {}, 10000);
        assert.equal(walked.code, 1);
        assert.equal(walked.stderr, '');
      } finally {
        ws.cleanup();
      }
    });

    it('a 50,000-line file is linted without trouble, with the finding on its last line', () => {
      const lines = ['bootstrap.servers=localhost:9092'];
      for (let i = 1; i < 49999; i++) lines.push(`custom.key.${i}=value-${i}`);
      lines.push('acks=0');
      const ws = workspace({ 'producer.properties': `${lines.join('\n')}\n`, '.kafkalint.json': onlyRules([ACKS_ZERO]) });
      try {
        const r = runCli(['--format', 'json', 'producer.properties'], ws.dir);
        assert.equal(r.code, 1, r.stderr);
        const [f] = parseFindings(r.stdout);
        assert.deepEqual([f.rule, f.line, f.column], [ACKS_ZERO, 50000, 6]);
      } finally {
        ws.cleanup();
      }
    });
    it('a 50,000-line file with every rule on finishes well within 20 s', function () {
      this.timeout(30000);
      const lines = ['bootstrap.servers=localhost:9092', 'acks=0'];
      // Templated per-topic settings: keys Kafka does not know, so every rule that looks at keys runs on each.
      for (let i = 2; i < 50000; i++) lines.push(i % 10 === 0 ? `# topic group ${i / 10}` : `app.topic.orders-${i}.retention=${i}`);
      const ws = workspace({ 'producer.properties': `${lines.join('\n')}\n` });
      try {
        const r = runCli(['--format', 'json', 'producer.properties'], ws.dir, {}, 20000);
        assert.equal(r.code, 1, `exit ${r.code} (null = killed after 20 s): ${r.stderr.slice(0, 500)}`);
        assert.ok(parseFindings(r.stdout).some((f) => f.rule === ACKS_ZERO && f.line === 2));
      } finally {
        ws.cleanup();
      }
    });
  });

  describe('bundled examples', () => {
    it('the lossy examples produce error findings and exit 1', () => {
      const r = runCli(['--format', 'json', 'examples'], ROOT);
      assert.equal(r.code, 1, r.stderr);
      const findings = parseFindings(r.stdout);
      assert.ok(findings.some((f) => f.file === 'examples/producer.properties' && f.rule === ACKS_ZERO));
      assert.ok(findings.some((f) => f.file === 'examples/spring/application.yml' && f.rule === ACKS_ZERO));
    });

    it('examples/safe produces no findings at all', () => {
      const r = runCli(['--format', 'json', 'examples/safe'], ROOT);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(parseFindings(r.stdout), []);
    });
  });
});

describe('cli: --format sarif', () => {
  const ws = workspace({ 'my configs/producer.properties': PRODUCER, '.kafkalint.json': onlyRules([ACKS_ZERO]) });
  after(() => ws.cleanup());

  interface Sarif {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      }[];
    }[];
  }

  it('prints one SARIF 2.1.0 log with the registry as rules and 1-based regions; exit code as for json', () => {
    const r = runCli(['--format', 'sarif'], ws.dir);
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout) as Sarif;
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'kafka-lint');
    assert.equal(run.results.length, 1);
    const [result] = run.results;
    assert.equal(result.ruleId, ACKS_ZERO);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, ACKS_ZERO);
    assert.match(run.tool.driver.rules[result.ruleIndex].helpUri, /docs\/rules\/producer\/acks-zero\.md$/);
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'my%20configs/producer.properties' },
      region: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 7 },
    });
  });

  it('the config command refuses sarif with exit 2', () => {
    const r = runCli(['config', '--format', 'sarif', 'my configs/producer.properties'], ws.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /config prints text or json, not sarif/);
  });
});
