import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { dotEnvPathOf, readDotEnv } from '../../server/src/core/compose/dotenv';
import type { ComposeVariables } from '../../server/src/core/compose/dotenv';
import { interpolate } from '../../server/src/core/compose/interpolation';
import { withComposePartner } from '../../server/src/core/compose/pairs';
import { hoverAt } from '../../server/src/core/hover';
import { localize } from '../../server/src/core/i18n/index';
import { lint } from '../../server/src/core/lint';
import type { DotEnvFile } from '../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { applyFix, fixTitled, of, unmark } from './rules/helpers';

const PATH = 'deploy/docker-compose.yml';
const ENV_PATH = 'deploy/.env';

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

function env(text: string): DotEnvFile {
  return { path: ENV_PATH, text };
}

/** The variables as [name, value] rows (null: set to something unknown). */
function rows(v: ComposeVariables): [string, string | null][] {
  return [...v.values];
}

function lintWith(marked: string, dotEnv?: string) {
  const { text, ranges } = unmark(marked);
  const document = analyzeConfig(PATH, text, undefined, dotEnv === undefined ? undefined : { dotEnv: env(dotEnv) });
  return { document, text, ranges, findings: lint(document, DEFAULT_OPTIONS) };
}

describe('compose: the .env file read as compose-go reads it (compose/dotenv.ts)', () => {
  it('reads names, exports, quotes, YAML style and comments', () => {
    const v = readDotEnv(
      env(
        [
          '# settings for the stack',
          'MIN_ISR=2',
          'export RF = 3 ',
          'IMAGE: apache/kafka:3.9.0',
          "SINGLE='${MIN_ISR} stays'",
          'DOUBLE="isr ${MIN_ISR}\\n"',
          'EMPTY=',
          'SHELL_ONLY',
          'kafka.tag=7.6.0',
          '',
          '   # indented comment',
          'CRLF=1\r',
          'MULTI=\'a',
          "b'",
        ].join('\n'),
      ),
    );
    assert.equal(v.broken, false);
    assert.deepEqual(rows(v), [
      ['MIN_ISR', '2'],
      ['RF', '3'],
      ['IMAGE', 'apache/kafka:3.9.0'],
      ['SINGLE', '${MIN_ISR} stays'],
      ['DOUBLE', 'isr 2\n'],
      ['EMPTY', ''],
      ['kafka.tag', '7.6.0'],
      ['CRLF', '1'],
      ['MULTI', 'a\nb'],
    ]);
  });

  it('replaces variables of earlier lines, and knows none it cannot resolve', () => {
    const v = readDotEnv(env('A=1\nB=${A}0\nC=${LATER}\nD=${NONE:-5}\nLATER=2\n'));
    assert.deepEqual(rows(v), [
      ['A', '1'],
      ['B', '10'],
      ['C', null],
      ['D', '5'],
      ['LATER', '2'],
    ]);
  });

  it('leaves a value holding # unknown (compose-go versions cut it differently) but reads a quoted one', () => {
    const v = readDotEnv(env('MIN_ISR=1 # one for dev\nTAG=a#b\nQUOTED="a#b" # comment\n'));
    assert.deepEqual(rows(v), [
      ['MIN_ISR', null],
      ['TAG', null],
      ['QUOTED', 'a#b'],
    ]);
  });

  for (const [what, text] of [
    ['a name with a blank', 'MIN ISR=2\n'],
    ['a name with a dash', 'MIN-ISR=2\n'],
    ['an unclosed quote', 'MIN_ISR="2\n'],
  ] as const) {
    it(`is broken (Compose refuses to run) with ${what}, and then knows nothing`, () => {
      const v = readDotEnv(env(`RF=3\n${text}`));
      assert.equal(v.broken, true);
      assert.deepEqual(rows(v), []);
      assert.equal(interpolate('${RF:-3}', v).unknown, true);
    });
  }

  it('never throws on binary or huge input', () => {
    assert.doesNotThrow(() => readDotEnv(env('\u0000\u0001\uffff=\n')));
    const big = readDotEnv(env('A=1\n'.repeat(100_000)));
    assert.deepEqual(rows(big), [['A', '1']]);
  });

  it('is the .env beside the compose file', () => {
    assert.equal(dotEnvPathOf('/p/deploy/docker-compose.yml'), '/p/deploy/.env');
    assert.equal(dotEnvPathOf('compose.yaml'), '.env');
    assert.equal(dotEnvPathOf('C:\\p\\compose.yaml'), 'C:\\p\\.env');
  });
});

describe('compose: interpolation with the .env variables', () => {
  const v = readDotEnv(env('SET=2\nEMPTY=\nUNKNOWN=a # b\n'));
  const cases: [string, string, boolean][] = [
    // text, resolved, unknown
    ['${SET}', '2', false],
    ['$SET', '2', false],
    ['${SET:-1}', '2', false],
    ['${SET-1}', '2', false],
    ['${EMPTY:-1}', '1', false],
    ['${EMPTY-1}', '', false],
    ['${SET:?need}', '2', false],
    ['${EMPTY:?need}', '', true],
    ['${SET:+on}', 'on', false],
    ['${EMPTY:+on}', '', false],
    ['${EMPTY+on}', 'on', false],
    ['${UNKNOWN:-1}', '', true],
    // Not in the file: as without one (the shell may set it).
    ['${NOT_SET}', '', true],
    ['${NOT_SET:-3}', '3', false],
    ['${NOT_SET:+on}', '', true],
    ['kafka:${SET}', 'kafka:2', false],
  ];
  for (const [text, resolved, unknown] of cases) {
    it(`${text} → ${JSON.stringify(resolved)}${unknown ? ' (unknown)' : ''}`, () => {
      const read = interpolate(text, v);
      assert.deepEqual([read.resolved, read.unknown], [resolved, unknown]);
    });
  }

  it('names the file for a whole value it gives, and keeps the default of a variable it does not set', () => {
    assert.deepEqual(interpolate('${SET:-1}', v).fromFile, { variable: 'SET', path: ENV_PATH });
    assert.equal(interpolate('${SET:-1}', v).value, '2');
    const own = interpolate('${NOT_SET:-3}', v);
    assert.equal(own.fromFile, undefined);
    assert.deepEqual(own.wholeDefault, { variable: 'NOT_SET', start: '${NOT_SET:-'.length, end: '${NOT_SET:-3'.length });
    // A value built of the file's variables is known; one that also needs the shell's is a placeholder.
    assert.equal(interpolate('x${SET}', v).value, 'x2');
    assert.equal(interpolate('${SET}${NOT_SET:-0}', v).value, '${SET}${NOT_SET:-0}');
  });
});

describe('compose: a broker read with its .env file', () => {
  const compose = lines(
    'services:',
    '  kafka:',
    '    image: apache/kafka:3.9.0',
    '    environment:',
    '      KAFKA_NODE_ID: 1',
    '      KAFKA_MIN_INSYNC_REPLICAS: ${MIN_ISR:-1}',
    '      KAFKA_DEFAULT_REPLICATION_FACTOR: [|${RF}|]',
  );

  it('without the file, judges the default and leaves the unknown alone (as before)', () => {
    const r = lintWith(compose);
    assert.equal(of(r.findings, 'broker/min-insync-replicas-too-low').length, 1);
    assert.deepEqual(of(r.findings, 'broker/replication-factor-too-low'), []);
  });

  it("takes the file's values: no finding on a default the file overrides, one on the value it gives", () => {
    const r = lintWith(compose, 'MIN_ISR=2\nRF=1\n');
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low'), []);
    const [rf] = of(r.findings, 'broker/replication-factor-not-above-min-insync');
    assert.ok(rf, JSON.stringify(r.findings.map((f) => f.ruleId)));
    assert.deepEqual(rf.range, r.ranges[0]);
    assert.match(rf.message, /^Broker stage: default\.replication\.factor=1 is below min\.insync\.replicas=2/);
    // The value is set in .env: a fix here would cut the variable off from it.
    assert.deepEqual(rf.fixes ?? [], []);
  });

  it('says in the hover of the finding where the value comes from', () => {
    const r = lintWith(compose, 'MIN_ISR=2\nRF=1\n');
    const entry = r.document.groups[0].entries.find((e) => e.key === 'default.replication.factor');
    const told = 'Docker Compose takes this value from `RF=1` in the `.env` file beside this one (unless the shell running it exports `RF`): change it there.';
    assert.equal(localize('en', entry!.note!), told);
    const hover = hoverAt(r.document, r.findings, r.ranges[0].start + 1, DEFAULT_OPTIONS);
    assert.ok(hover?.markdown.startsWith('**broker/replication-factor-not-above-min-insync** (error)'), hover?.markdown);
    assert.ok(hover?.markdown.endsWith(`\n\n${told}`), hover?.markdown);
    // A default's finding says nothing of the kind (its fix edits the default here).
    const own = lintWith(compose.replace('[|${RF}|]', '3'));
    const isr = of(own.findings, 'broker/min-insync-replicas-too-low')[0];
    assert.doesNotMatch(hoverAt(own.document, own.findings, isr.range.start, DEFAULT_OPTIONS)?.markdown ?? '', /Docker Compose takes/);
  });

  it('keeps fixing the default of a variable the file does not set', () => {
    const r = lintWith(lines('services:', '  kafka:', '    image: apache/kafka', '    environment:', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: ${UNCLEAN:-[|true|]}'), 'OTHER=1\n');
    const [f] = of(r.findings, 'broker/unclean-leader-election');
    assert.deepEqual(f.range, r.ranges[0]);
    assert.equal(applyFix(r.text, fixTitled(f, 'Set unclean.leader.election.enable=false')), r.text.replace('${UNCLEAN:-true}', '${UNCLEAN:-false}'));
    // The file setting it: no fix, since the default no longer applies.
    const set = lintWith(lines('services:', '  kafka:', '    image: apache/kafka', '    environment:', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: ${UNCLEAN:-[|false|]}'), 'UNCLEAN=true\n');
    const [g] = of(set.findings, 'broker/unclean-leader-election');
    assert.deepEqual(g.range, { start: set.ranges[0].start - '${UNCLEAN:-'.length, end: set.ranges[0].end + 1 });
    assert.deepEqual(g.fixes ?? [], []);
  });

  it('reads a variable written without a value from the file', () => {
    const r = lintWith(lines('services:', '  kafka:', '    image: apache/kafka:3.9.0', '    environment:', '      - KAFKA_NODE_ID=1', '      - KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE'), 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=true\n');
    const [f] = of(r.findings, 'broker/unclean-leader-election');
    assert.ok(f);
    assert.deepEqual(f.fixes ?? [], []);
  });

  it('knows nothing from a file Compose would refuse', () => {
    const r = lintWith(compose, 'MIN_ISR=2\nbad name=1\n');
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low'), []);
    assert.deepEqual(of(r.findings, 'broker/replication-factor-too-low'), []);
  });

  it('reads an image the file names, and the Kafka release of a tag it gives', () => {
    const named = lintWith(lines('services:', '  broker:', '    image: ${KAFKA_IMAGE}', '    environment:', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"'), 'KAFKA_IMAGE=apache/kafka:3.9.0\n');
    assert.deepEqual(named.document.groups.map((g) => [g.roles, g.kafkaVersion]), [[['broker'], '3.9.0']]);
    assert.equal(of(named.findings, 'broker/unclean-leader-election').length, 1);
    const tagged = lintWith(lines('services:', '  broker:', '    image: confluentinc/cp-kafka:${CP_VERSION}', '    environment:', '      KAFKA_BROKER_ID: 1'), 'CP_VERSION=7.6.0\n');
    assert.deepEqual(tagged.document.groups.map((g) => g.kafkaVersion), ['3.6']);
    // Without the file the image is not known: nothing is read.
    assert.deepEqual(lintWith(lines('services:', '  broker:', '    image: ${KAFKA_IMAGE}')).document.groups, []);
  });

  it('keeps the file when merged with the other file of a base/override pair', () => {
    const base = analyzeConfig('deploy/docker-compose.yml', compose.replace('[|${RF}|]', '${RF}'), undefined, { dotEnv: env('MIN_ISR=2\nRF=3\n') });
    const merged = withComposePartner(base, { partner: 'deploy/docker-compose.override.yml', is: 'override' }, [{ name: 'kafka', variables: [['KAFKA_LOG_DIRS', '/data']], envFile: false, volumes: [] }]);
    assert.notEqual(merged, base);
    assert.deepEqual(merged.dotEnv, base.dotEnv);
    assert.deepEqual(of(lint(merged, DEFAULT_OPTIONS), 'broker/min-insync-replicas-too-low'), []);
  });
});

describe('compose: templates of compose files', () => {
  it('reads a Jinja template with control lines as nothing (it is not YAML until rendered)', () => {
    const text = lines('{# Managed by Ansible #}', 'services:', '  kafka:', '    image: confluentinc/cp-kafka:7.6.0', '    environment:', '{% if kafka_cluster %}', '      KAFKA_MIN_INSYNC_REPLICAS: {{ kafka_min_isr }}', '{% endif %}');
    const doc = analyzeConfig(PATH, text);
    assert.equal(doc.isKafka, false);
    assert.deepEqual(lint(doc, DEFAULT_OPTIONS), []);
  });

  it('reads a value placeholder as a placeholder, not as a missing setting', () => {
    const r = lintWith(lines('services:', '  kafka:', '    image: confluentinc/cp-kafka:7.6.0', '    environment:', '      KAFKA_BROKER_ID: 1', '      KAFKA_MIN_INSYNC_REPLICAS: {{ kafka_min_isr }}'));
    assert.deepEqual(r.document.problems, []);
    assert.deepEqual(of(r.findings, 'broker/min-insync-replicas-too-low'), []);
    assert.equal(r.document.groups[0].entries.find((e) => e.key === 'min.insync.replicas')?.value, '{{ kafka_min_isr }}');
  });
});
