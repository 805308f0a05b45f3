import * as assert from 'node:assert/strict';
import { runCli, workspace } from './helpers';

interface Entry {
  key: string;
  value: string;
  source: 'file' | 'default';
  line: number | null;
}
interface FileConfig {
  file: string;
  roles: string[];
  entries: Entry[];
}

function parseConfig(stdout: string): FileConfig[] {
  const parsed = JSON.parse(stdout) as { files: FileConfig[] };
  assert.deepEqual(Object.keys(parsed), ['files']);
  for (const f of parsed.files) {
    assert.deepEqual(Object.keys(f), ['file', 'roles', 'entries']);
    for (const e of f.entries) assert.deepEqual(Object.keys(e), ['key', 'value', 'source', 'line']);
  }
  return parsed.files;
}

const PRODUCER = [
  '# order events',
  'bootstrap.servers=localhost:9092',
  'acks=0',
  'client.id=zürich-😀',
  'acks=1',
  '',
].join('\n');

describe('cli: kafka-lint config', () => {
  const ws = workspace({ 'producer.properties': PRODUCER, 'consumer.properties': 'group.id=billing\nenable.auto.commit=false\n' });
  after(() => ws.cleanup());

  it('JSON: keys set in the file (last wins, decoded UTF-8) then the defaults of unset durability keys', () => {
    const r = runCli(['config', '--format', 'json', 'producer.properties'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    const [f] = parseConfig(r.stdout);
    assert.equal(f.file, 'producer.properties');
    assert.deepEqual(f.roles, ['producer']);
    const fromFile = f.entries.filter((e) => e.source === 'file');
    assert.deepEqual(fromFile, [
      { key: 'bootstrap.servers', value: 'localhost:9092', source: 'file', line: 2 },
      { key: 'acks', value: '1', source: 'file', line: 5 },
      { key: 'client.id', value: 'zürich-😀', source: 'file', line: 4 },
    ]);
    const defaults = Object.fromEntries(f.entries.filter((e) => e.source === 'default').map((e) => [e.key, e]));
    assert.deepEqual(defaults.retries, { key: 'retries', value: '2147483647', source: 'default', line: null });
    assert.equal(defaults['enable.idempotence'].value, 'false', 'acks=1 switches the default idempotence off');
    assert.equal(defaults.acks, undefined, 'acks is set, so its default is not listed');
    assert.equal(defaults['enable.auto.commit'], undefined, 'consumer defaults do not apply to a producer');
  });

  it('the default idempotence shows as true when nothing conflicts with it', () => {
    const safe = workspace({ 'producer.properties': 'bootstrap.servers=localhost:9092\nacks=all\n' });
    try {
      const [f] = parseConfig(runCli(['config', '--format', 'json', 'producer.properties'], safe.dir).stdout);
      assert.deepEqual(f.entries.find((e) => e.key === 'enable.idempotence'), { key: 'enable.idempotence', value: 'true', source: 'default', line: null });
    } finally {
      safe.cleanup();
    }
  });

  it('--kafka-version picks the defaults of that version', () => {
    const [f] = parseConfig(runCli(['config', '--format', 'json', '--kafka-version', '2.0', 'producer.properties'], ws.dir).stdout);
    const defaults = Object.fromEntries(f.entries.filter((e) => e.source === 'default').map((e) => [e.key, e.value]));
    assert.equal(defaults.retries, '0');
    assert.equal(defaults['enable.idempotence'], 'false');
  });

  it('several files in one object, consumer defaults for a consumer', () => {
    const files = parseConfig(runCli(['config', '--format', 'json', 'producer.properties', 'consumer.properties'], ws.dir).stdout);
    assert.deepEqual(
      files.map((f) => [f.file, f.roles]),
      [
        ['producer.properties', ['producer']],
        ['consumer.properties', ['consumer']],
      ],
    );
    const consumer = files[1].entries;
    assert.deepEqual(consumer.find((e) => e.key === 'enable.auto.commit'), { key: 'enable.auto.commit', value: 'false', source: 'file', line: 2 });
    assert.deepEqual(consumer.find((e) => e.key === 'auto.offset.reset'), { key: 'auto.offset.reset', value: 'latest', source: 'default', line: null });
  });

  it('text: a header with the roles and a KEY / VALUE / SOURCE table', () => {
    const r = runCli(['config', 'consumer.properties'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'consumer.properties  (consumer)');
    assert.match(lines[1], /^ {2}KEY +VALUE +SOURCE$/);
    assert.match(lines[2], /^ {2}group\.id +billing +line 1$/);
    assert.match(lines[3], /^ {2}enable\.auto\.commit +false +line 2$/);
    assert.ok(lines.some((l) => /^ {2}auto\.offset\.reset +latest +default \(Kafka \d+\.\d+\)$/.test(l)));
  });

  it('Spring YAML: both roles, Spring keys mapped to Kafka keys, the container turns auto-commit off; non-Kafka YAML has no entries', () => {
    const spring = workspace({
      'application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n    consumer:\n      group-id: refunds\n',
      'other.yml': 'server:\n  port: 8080\n',
    });
    try {
      const r = runCli(['config', '--format', 'json', 'application.yml', 'other.yml'], spring.dir);
      assert.equal(r.code, 0, r.stderr);
      const [app, other] = parseConfig(r.stdout);
      assert.deepEqual(app.roles, ['producer', 'consumer']);
      assert.deepEqual(
        app.entries.filter((e) => e.source === 'file'),
        [
          { key: 'acks', value: 'all', source: 'file', line: 4 },
          { key: 'group.id', value: 'refunds', source: 'file', line: 6 },
        ],
      );
      assert.deepEqual(app.entries.find((e) => e.key === 'enable.auto.commit'), { key: 'enable.auto.commit', value: 'false', source: 'default', line: null });
      assert.deepEqual(other, { file: 'other.yml', roles: [], entries: [] });
      const text = runCli(['config', 'other.yml'], spring.dir);
      assert.equal(text.stdout, 'other.yml  (no Kafka configuration found)\n');
    } finally {
      spring.cleanup();
    }
  });

  it('a file that is not Kafka configuration: no roles and no defaults, but every entry the reader found', () => {
    const bundle = workspace({ 'src/main/resources/messages_de.properties': '# UI\napp.title=Konsole\nacks=Best\\u00e4tigungen\nretries=Wiederholungen\n' });
    try {
      const r = runCli(['config', '--format', 'json', 'src/main/resources/messages_de.properties'], bundle.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(parseConfig(r.stdout), [
        {
          file: 'src/main/resources/messages_de.properties',
          roles: [],
          entries: [
            { key: 'app.title', value: 'Konsole', source: 'file', line: 2 },
            { key: 'acks', value: 'Bestätigungen', source: 'file', line: 3 },
            { key: 'retries', value: 'Wiederholungen', source: 'file', line: 4 },
          ],
        },
      ]);
      const text = runCli(['config', 'src/main/resources/messages_de.properties'], bundle.dir).stdout.split('\n');
      assert.equal(text[0], 'src/main/resources/messages_de.properties  (no Kafka configuration found)');
      assert.match(text[1], /^ {2}KEY +VALUE +SOURCE$/);
      assert.match(text[3], /^ {2}acks +Bestätigungen +line 3$/);
    } finally {
      bundle.cleanup();
    }
  });

  it('needs at least one file, and a missing file exits 2', () => {
    const none = runCli(['config'], ws.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /config needs at least one FILE/);
    const missing = runCli(['config', 'nope.properties'], ws.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nope\.properties/);
  });
});
