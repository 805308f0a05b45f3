import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';
import type { BuildFile } from '../../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../../server/src/core/options';
import { isBuildFileName, projectVersions } from '../../../server/src/core/project/build-files';

const pom = (dependency: string, properties = '') => `<project>\n  <properties>${properties}</properties>\n  <dependencies>\n${dependency}\n  </dependencies>\n</project>\n`;
const dep = (artifact: string, version?: string, group = 'org.apache.kafka') =>
  `    <dependency>\n      <groupId>${group}</groupId>\n      <artifactId>${artifact}</artifactId>\n${version === undefined ? '' : `      <version>${version}</version>\n`}    </dependency>`;

function clients(...files: [string, string][]): string | undefined {
  return projectVersions(files.map(([path, text]): BuildFile => ({ path, text }))).kafkaClients?.version;
}

describe('project: the client versions build files pin (core/project/build-files.ts)', () => {
  const cases: [string, [string, string][], string | undefined][] = [
    ['a literal kafka-clients version in a pom', [['/p/pom.xml', pom(dep('kafka-clients', '2.8.1'))]], '2.8.1'],
    ['a ${property} of the same pom', [['/p/pom.xml', pom(dep('kafka-clients', '${kafka.version}'), '<kafka.version>3.6.1</kafka.version>')]], '3.6.1'],
    ['kafka-streams, which brings the same clients', [['/p/pom.xml', pom(dep('kafka-streams', '3.0.0'))]], '3.0.0'],
    ["Confluent's build of the clients (7.6.0-ccs ships Kafka 3.6)", [['/p/pom.xml', pom(dep('kafka-clients', '7.6.0-ccs'))]], '3.6'],
    ['a commented-out dependency', [['/p/pom.xml', pom(`<!--${dep('kafka-clients', '2.8.1')}-->`)]], undefined],
    ['another group', [['/p/pom.xml', pom(dep('kafka-clients', '2.8.1', 'com.example'))]], undefined],
    ['a version range', [['/p/pom.xml', pom(dep('kafka-clients', '[2.8,3.0)'))]], undefined],
    ['a property that is not in the pom', [['/p/pom.xml', pom(dep('kafka-clients', '${kafka.version}'))]], undefined],
    ['two different versions', [['/p/pom.xml', pom(`${dep('kafka-clients', '2.8.1')}\n${dep('kafka-streams', '3.6.0')}`)]], undefined],
    // A module that leaves the version to its parent's dependencyManagement: the parent (farther) decides.
    ['a module without a version, its parent with one', [['/p/app/pom.xml', pom(dep('kafka-clients'))], ['/p/pom.xml', pom(dep('kafka-clients', '2.7.0'))]], '2.7.0'],
    // The nearest file that names a version decides, even when a parent names another.
    ['the nearest version wins', [['/p/app/pom.xml', pom(dep('kafka-clients', '3.7.0'))], ['/p/pom.xml', pom(dep('kafka-clients', '2.7.0'))]], '3.7.0'],
    ['Gradle, a string literal', [['/p/build.gradle', "dependencies {\n  implementation 'org.apache.kafka:kafka-clients:2.6.0'\n}\n"]], '2.6.0'],
    ['Gradle Kotlin, a variable of the script', [['/p/build.gradle.kts', 'val kafkaVersion = "3.1.2"\ndependencies {\n  implementation("org.apache.kafka:kafka-clients:$kafkaVersion")\n}\n']], '3.1.2'],
    ['Gradle, a variable of gradle.properties', [['/p/build.gradle', 'dependencies { implementation "org.apache.kafka:kafka-clients:${kafkaVersion}" }\n'], ['/p/gradle.properties', 'kafkaVersion=2.5.1\n']], '2.5.1'],
    ['Gradle, the map form', [['/p/build.gradle', "dependencies { compile group: 'org.apache.kafka', name: 'kafka-clients', version: '1.1.0' }\n"]], '1.1.0'],
    ['Gradle, a commented-out line', [['/p/build.gradle', "dependencies {\n  // implementation 'org.apache.kafka:kafka-clients:2.6.0'\n}\n"]], undefined],
    ['Gradle, an unresolved variable', [['/p/build.gradle', 'dependencies { implementation "org.apache.kafka:kafka-clients:$kafka" }\n']], undefined],
    ['a version catalog with version.ref', [['/p/gradle/libs.versions.toml', '[versions]\nkafka = "2.8.2"\n\n[libraries]\nkafka-clients = { module = "org.apache.kafka:kafka-clients", version.ref = "kafka" }\n']], '2.8.2'],
    ['a version catalog, inline', [['/p/gradle/libs.versions.toml', '[libraries]\nkafka = "org.apache.kafka:kafka-clients:3.3.1"\n']], '3.3.1'],
    // spring-kafka's change history: each minor requires one kafka-clients version.
    ['spring-kafka 2.5 in a pom, no kafka-clients line', [['/p/pom.xml', pom(dep('spring-kafka', '2.5.3.RELEASE', 'org.springframework.kafka'))]], '2.5.0'],
    ['spring-kafka 2.8 in Gradle', [['/p/build.gradle', "implementation 'org.springframework.kafka:spring-kafka:2.8.11'\n"]], '3.0.0'],
    ['spring-kafka 2.2 (kafka-clients 2.0, retries 0)', [['/p/build.gradle', "implementation 'org.springframework.kafka:spring-kafka:2.2.14.RELEASE'\n"]], '2.0.0'],
    ['a kafka-clients line beside spring-kafka wins', [['/p/pom.xml', pom(`${dep('spring-kafka', '2.5.3.RELEASE', 'org.springframework.kafka')}\n${dep('kafka-clients', '3.1.0')}`)]], '3.1.0'],
    ['a spring-kafka minor the table does not hold', [['/p/pom.xml', pom(dep('spring-kafka', '1.3.11.RELEASE', 'org.springframework.kafka'))]], undefined],
    ['spring-kafka managed by Spring Boot (no version)', [['/p/pom.xml', pom(dep('spring-kafka', undefined, 'org.springframework.kafka'))]], undefined],
  ];
  for (const [what, files, version] of cases) it(`${what} → ${version ?? 'none'}`, () => assert.equal(clients(...files), version));

  const python: [string, string, string | undefined][] = [
    ['requirements.txt', 'confluent-kafka==2.3.0\nkafka-python==2.0.2  # pinned\n', '2.0.2'],
    ['requirements.txt', 'kafka_python==2.1.5\n', '2.1.5'],
    ['requirements.txt', 'kafka-python>=2.0\n', undefined],
    ['requirements.txt', 'kafka-python-ng==2.2.2\n', undefined],
    ['requirements-dev.txt', 'kafka-python==2.0.2\n', '2.0.2'],
    ['pyproject.toml', '[project]\ndependencies = ["kafka-python==2.2.0", "requests"]\n', '2.2.0'],
    ['pyproject.toml', '[tool.poetry.dependencies]\nkafka-python = "2.0.2"\n', '2.0.2'],
    ['pyproject.toml', '[tool.poetry.dependencies]\nkafka-python = "^2.0.2"\n', undefined],
  ];
  for (const [name, text, version] of python) {
    it(`${name}: ${JSON.stringify(text.split('\n').find((l) => /kafka/i.test(l)))} → ${version ?? 'none'}`, () => {
      assert.equal(projectVersions([{ path: `/p/${name}`, text }]).kafkaPython?.version, version);
    });
  }

  it('knows its file names', () => {
    assert.deepEqual(['pom.xml', 'build.gradle.kts', 'requirements-test.txt', 'pyproject.toml', 'package.json', 'notes.txt'].map(isBuildFileName), [true, true, true, true, false, false]);
  });

  it('never throws on hostile text', () => {
    for (const text of ['<dependency>'.repeat(10000), '\u0000\uffff', '${'.repeat(5000), 'kafka-python=='.repeat(2000)]) {
      for (const name of ['pom.xml', 'build.gradle', 'libs.versions.toml', 'requirements.txt', 'pyproject.toml']) assert.doesNotThrow(() => projectVersions([{ path: `/p/${name}`, text }]));
    }
  });
});

describe('project: defaults of the client version the build pins', () => {
  const PRODUCER = [
    'import java.util.Properties;',
    'import org.apache.kafka.clients.producer.*;',
    'class P {',
    '  void run() {',
    '    Properties props = new Properties();',
    '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");',
    '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
    '    p.send(new ProducerRecord<>("t", "v"), (m, e) -> { if (e != null) throw new RuntimeException(e); });',
    '    p.close();',
    '  }',
    '}',
    '',
  ].join('\n');

  it('a Java producer built against kafka-clients 2.8 defaults to acks=1, and the message says where 2.8 comes from', async () => {
    const pinned = await analyze('/p/src/P.java', PRODUCER, undefined, { project: { kafkaClients: { version: '2.8.1', file: 'pom.xml' } } });
    const [f] = lint(pinned, DEFAULT_OPTIONS).filter((x) => x.ruleId === 'producer/acks-leader-only');
    assert.equal(f?.message, 'Producer stage: acks is unset, and kafka-clients 2.8.1 (as pom.xml pins it) defaults it to 1, so a record that only the leader has written is gone if that leader fails before a follower copies it; set acks=all.');
    // Without the build file: the configured Kafka version's default (all), no finding.
    const plain = await analyze('/p/src/P.java', PRODUCER);
    assert.deepEqual(lint(plain, DEFAULT_OPTIONS).filter((x) => x.ruleId === 'producer/acks-leader-only'), []);
    // 3.0 and later default to acks=all.
    const current = await analyze('/p/src/P.java', PRODUCER, undefined, { project: { kafkaClients: { version: '3.0.0', file: 'pom.xml' } } });
    assert.deepEqual(lint(current, DEFAULT_OPTIONS).filter((x) => x.ruleId === 'producer/acks-leader-only'), []);
  });

  it('names the spring-kafka release a version was taken from', async () => {
    const doc = await analyze('/p/src/P.java', PRODUCER, undefined, { project: projectVersions([{ path: '/p/build.gradle', text: "implementation 'org.springframework.kafka:spring-kafka:2.5.3.RELEASE'\n" }]) });
    const [f] = lint(doc, DEFAULT_OPTIONS).filter((x) => x.ruleId === 'producer/acks-leader-only');
    assert.match(f?.message ?? '', /^Producer stage: acks is unset, and kafka-clients 2\.5\.0 \(which spring-kafka 2\.5\.3\.RELEASE in build\.gradle requires\) defaults it to 1,/);
  });

  it('leaves brokers, and clients whose file names a version, alone', async () => {
    const broker = await analyze('/p/config/server.properties', 'broker.id=1\nlog.dirs=/data\n', undefined, { project: { kafkaClients: { version: '2.8.1', file: 'pom.xml' } } });
    assert.ok(broker.groups.length > 0);
    assert.ok(broker.groups.every((g) => g.kafkaVersion === undefined && g.versionSource === undefined));
    const client = await analyze('/p/producer.properties', 'bootstrap.servers=k:9092\n', undefined, { project: { kafkaClients: { version: '2.8.1', file: 'build.gradle' } } });
    assert.deepEqual(client.groups.map((g) => [g.kafkaVersion, g.versionSource]), [['2.8.1', 'build.gradle']]);
  });

  it('a kafka-python producer pinned to 2.0.2 defaults to acks=1 and retries=0', async () => {
    const text = 'from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="k:9092")\nproducer.send("t", b"v").get()\n';
    const doc = await analyze('/p/app.py', text, undefined, { project: { kafkaPython: { version: '2.0.2', file: 'requirements.txt' } } });
    assert.deepEqual(doc.groups.map((g) => [g.library, g.libraryVersion, g.versionSource]), [['kafka-python', '2.0.2', 'requirements.txt']]);
    const messages = lint(doc, DEFAULT_OPTIONS).map((f) => `${f.ruleId}: ${f.message}`);
    assert.ok(messages.some((m) => m.startsWith('producer/acks-leader-only: ') && m.includes('kafka-python 2.0.2 (as requirements.txt pins it)')), messages.join('\n'));
  });
});
