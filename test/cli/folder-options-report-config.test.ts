import * as assert from 'node:assert/strict';
import { parseHtml, select, text } from '../support/html-dom';
import { jsonFindings, onlyRules, runCli, workspace } from './helpers';

const ACKS_ZERO = 'producer/acks-zero';
const ACKS_LEADER = 'producer/acks-leader-only';
const ACKS_MIN_ISR = 'producer/acks-all-without-min-isr';
const KEEP = [ACKS_ZERO, ACKS_LEADER, ACKS_MIN_ISR];

/** A `.kafkalint.json` keeping only {@link KEEP} (with `levels` over them), at `kafkaVersion`. */
function options(kafkaVersion: string, levels: Record<string, string> = {}): string {
  return JSON.stringify({ kafkaVersion, ...(JSON.parse(onlyRules(KEEP, levels)) as object) });
}

/**
 * One folder's cluster: a broker with min.insync.replicas=1, a producer that leaves acks unset (1 before Kafka
 * 3.0, all since: a per-file finding at 2.8, a cross-file one against the broker at 3.9) and one with acks=0.
 */
function cluster(folder: string): Record<string, string> {
  return {
    [`${folder}/server.properties`]: `broker.id=1\nlisteners=PLAINTEXT://kafka-${folder}:9092\nmin.insync.replicas=1\ndefault.replication.factor=3\n`,
    [`${folder}/producer.properties`]: `bootstrap.servers=kafka-${folder}:9092\n`,
    [`${folder}/fast-producer.properties`]: `bootstrap.servers=kafka-${folder}:9092\nacks=0\n`,
  };
}

/** old/ at Kafka 2.8; new/ at 3.9 with acks-zero off; the current folder's options (4.1) for anything else. */
const FILES = {
  '.kafkalint.json': JSON.stringify({ kafkaVersion: '4.1', ...(JSON.parse(onlyRules(KEEP)) as object) }),
  'old/.kafkalint.json': options('2.8'),
  'new/.kafkalint.json': options('3.9', { [ACKS_ZERO]: 'off' }),
  ...cluster('old'),
  ...cluster('new'),
};

/** What `kafka-lint --format json old new` says: each folder graded, per file and across files, with its own options. */
const PER_FOLDER = [
  ['old/fast-producer.properties', 2, 6, 'error', ACKS_ZERO],
  ['old/producer.properties', 1, 1, 'warning', ACKS_LEADER],
  ['new/producer.properties', 1, 1, 'warning', ACKS_MIN_ISR],
];

type Row = [string, number, number, string, string];

/** Every finding of `kafka-lint --format json` as [file, line, column, severity, rule]. */
function lintRows(stdout: string): Row[] {
  return jsonFindings(stdout).map((f) => [f.file, f.line, f.column, f.severity, f.rule]);
}

/** Every finding of `kafka-lint report --format markdown` (its "Where" tables), in the same shape, sorted as lint prints them. */
function reportRows(stdout: string): Row[] {
  const rows: Row[] = [];
  for (const m of stdout.matchAll(/^\| (\S+):(\d+):(\d+) \| \S+ (error|warning|info|hint) \| ([a-z]+\/[a-z-]+) \|/gm)) {
    rows.push([m[1], Number(m[2]), Number(m[3]), m[4], m[5]]);
  }
  return rows;
}

/** The report's settings rows for one key: [file, value, source]. */
function reportSettings(stdout: string, key: string): string[][] {
  return [...stdout.matchAll(new RegExp(`^\\| ${key.replace(/\./g, '\\.')} \\| (\\S+) \\| (\\S+?)(?::\\d+)? \\| ([^|]+) \\|$`, 'gm'))].map((m) => [m[2], m[1], m[3].trim()]);
}

interface ConfigEntry {
  key: string;
  value: string;
  source: 'file' | 'default';
  line: number | null;
}

/** `kafka-lint config --format json` as file → key → entry, checking the JSON shape is the documented one. */
function configOf(stdout: string): Map<string, Map<string, ConfigEntry>> {
  const parsed = JSON.parse(stdout) as { files: { file: string; roles: string[]; entries: ConfigEntry[] }[] };
  assert.deepEqual(Object.keys(parsed), ['files']);
  const out = new Map<string, Map<string, ConfigEntry>>();
  for (const f of parsed.files) {
    assert.deepEqual(Object.keys(f), ['file', 'roles', 'entries']);
    for (const e of f.entries) assert.deepEqual(Object.keys(e), ['key', 'value', 'source', 'line']);
    out.set(f.file, new Map(f.entries.map((e) => [e.key, e])));
  }
  return out;
}

/** [file, acks, enable.idempotence] of each producer file, as `config` gives them. */
function producerDefaults(stdout: string): string[][] {
  const config = configOf(stdout);
  return ['old/producer.properties', 'new/producer.properties'].map((file) => {
    const entries = config.get(file)!;
    return [file, entries.get('acks')!.value, entries.get('enable.idempotence')!.value];
  });
}

describe('cli: report and config grade each folder with its own .kafkalint.json, as kafka-lint does', () => {
  const ws = workspace(FILES);
  after(() => ws.cleanup());

  it('report: per-file and cross-file findings of each folder with its options, equal to kafka-lint’s, in any argument order', () => {
    const lint = runCli(['--format', 'json', 'old', 'new'], ws.dir);
    assert.equal(lint.stderr, '');
    assert.deepEqual(lintRows(lint.stdout), PER_FOLDER);
    for (const args of [['old', 'new'], ['new', 'old']]) {
      const lintRun = runCli(['--format', 'json', ...args], ws.dir);
      const report = runCli(['report', '--format', 'markdown', ...args], ws.dir);
      assert.equal(report.stderr, '');
      assert.deepEqual(reportRows(report.stdout).sort(), lintRows(lintRun.stdout).sort(), report.stdout);
      assert.equal(report.code, lintRun.code);
    }
    const report = runCli(['report', '--format', 'markdown', 'old', 'new'], ws.dir);
    assert.equal(report.code, 1);
    assert.match(report.stdout, / · defaults of Kafka 2\.8, 3\.9\n/);
    assert.deepEqual(reportSettings(report.stdout, 'acks'), [
      ['old/fast-producer.properties', '0', 'explicit'],
      ['old/producer.properties', '1', 'default (Kafka 2.8)'],
      ['new/fast-producer.properties', '0', 'explicit'],
      ['new/producer.properties', 'all', 'default (Kafka 3.9)'],
    ]);
  });

  it('report: the HTML page lists the same findings', () => {
    const report = runCli(['report', 'old', 'new'], ws.dir);
    assert.equal(report.code, 1, report.stderr);
    const { document } = parseHtml(report.stdout);
    const rows = select(document, 'tr.finding').map((r) => {
      const file = r.parentNode ? select(r.parentNode, 'tr.file a.loc').map((a) => text(a))[0] : undefined;
      const [at, severity, rule] = select(r, 'td').map((c) => text(c));
      const [line, column] = at.split(':').map(Number);
      return [file, line, column, severity.split(' ')[1], rule];
    });
    assert.deepEqual(rows.sort(), [...PER_FOLDER].sort());
  });

  it('config: each file’s defaults are those of its folder’s Kafka version', () => {
    const r = runCli(['config', '--format', 'json', 'old', 'new'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(producerDefaults(r.stdout), [
      ['old/producer.properties', '1', 'false'],
      ['new/producer.properties', 'all', 'true'],
    ]);
    const text = runCli(['config', 'old', 'new'], ws.dir);
    assert.match(text.stdout, /^old\/producer\.properties {2}\(producer\)\n(?:.*\n)*? {2}acks +1 +default \(Kafka 2\.8\)$/m);
    // As for kafka-lint, the folder arguments decide: a file named on its own takes the current folder's options.
    assert.deepEqual(producerDefaults(runCli(['config', '--format', 'json', 'old/producer.properties', 'new/producer.properties'], ws.dir).stdout), [
      ['old/producer.properties', 'all', 'true'],
      ['new/producer.properties', 'all', 'true'],
    ]);
    assert.match(text.stdout, /^new\/producer\.properties {2}\(producer\)\n(?:.*\n)*? {2}acks +all +default \(Kafka 3\.9\)$/m);
  });

  it('--kafka-version wins over every folder’s file, as it does for kafka-lint', () => {
    const lint = runCli(['--format', 'json', '--kafka-version', '3.9', 'old', 'new'], ws.dir);
    assert.deepEqual(lintRows(lint.stdout), [
      ['old/fast-producer.properties', 2, 6, 'error', ACKS_ZERO],
      ['old/producer.properties', 1, 1, 'warning', ACKS_MIN_ISR],
      ['new/producer.properties', 1, 1, 'warning', ACKS_MIN_ISR],
    ]);
    const report = runCli(['report', '--format', 'markdown', '--kafka-version', '3.9', 'old', 'new'], ws.dir);
    assert.deepEqual(reportRows(report.stdout), lintRows(lint.stdout));
    assert.match(report.stdout, / · defaults of Kafka 3\.9\n/);
    const config = runCli(['config', '--format', 'json', '--kafka-version', '2.8', 'old', 'new'], ws.dir);
    assert.deepEqual(producerDefaults(config.stdout), [
      ['old/producer.properties', '1', 'false'],
      ['new/producer.properties', '1', 'false'],
    ]);
  });

  it('--config applies one file to every folder, and `.` keeps the current folder’s options, as for kafka-lint', () => {
    for (const args of [['--config', 'new/.kafkalint.json', 'old', 'new'], ['.']]) {
      const lint = runCli(['--format', 'json', ...args], ws.dir);
      const report = runCli(['report', '--format', 'markdown', ...args], ws.dir);
      assert.deepEqual(reportRows(report.stdout), lintRows(lint.stdout), args.join(' '));
    }
    const explicit = runCli(['--format', 'json', '--config', 'new/.kafkalint.json', 'old', 'new'], ws.dir);
    assert.deepEqual(lintRows(explicit.stdout), [
      ['old/producer.properties', 1, 1, 'warning', ACKS_MIN_ISR],
      ['new/producer.properties', 1, 1, 'warning', ACKS_MIN_ISR],
    ]);
    const version = (args: string[]) => producerDefaults(runCli(['config', '--format', 'json', ...args], ws.dir).stdout).map(([, acks]) => acks);
    assert.deepEqual(version(['--config', 'new/.kafkalint.json', 'old', 'new']), ['all', 'all']);
    assert.deepEqual(version(['--config', 'old/.kafkalint.json', 'old', 'new']), ['1', '1']);
    assert.deepEqual(version(['.']), ['all', 'all']);
  });
});
