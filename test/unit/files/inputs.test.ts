import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_FILE_NAMES, isBuildFileName } from '../../../server/src/core/project/build-files';
import { AnalysisInputFiles } from '../../../server/src/files/inputs';
import { INPUT_FILES_GLOB } from '../../../server/src/protocol/constants';

const pom = (version: string) => `<project><dependencies><dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>${version}</version></dependency></dependencies></project>`;

/** files/inputs.ts: which files a file is read with, found on disk, kept, and read again when told. */
describe('files: the input files of an analysis (files/inputs.ts)', () => {
  let dir = '';
  const put = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kafka-lint-inputs-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest build file up to the repository root, and not above it', () => {
    put('outer/pom.xml', pom('2.0.0'));
    put('outer/repo/.git/HEAD', 'ref: refs/heads/main\n');
    put('outer/repo/pom.xml', pom('2.8.1'));
    put('outer/repo/app/src/P.java', '');
    put('outer/other/src/P.java', '');
    const inputs = new AnalysisInputFiles();
    assert.deepEqual(inputs.inputsOf(join(dir, 'outer/repo/app/src/P.java')), { project: { kafkaClients: { version: '2.8.1', file: 'pom.xml' } } });
    rmSync(join(dir, 'outer/repo/pom.xml'));
    // Kept until told: then the .git folder stops the walk below outer/pom.xml.
    assert.equal(inputs.inputsOf(join(dir, 'outer/repo/app/src/P.java'))?.project?.kafkaClients?.version, '2.8.1');
    assert.equal(inputs.forget(join(dir, 'outer/repo/pom.xml')), true);
    assert.equal(inputs.inputsOf(join(dir, 'outer/repo/app/src/P.java')), undefined);
    assert.equal(inputs.inputsOf(join(dir, 'outer/other/src/P.java'))?.project?.kafkaClients?.version, '2.0.0');
  });

  it('reads a Gradle version catalog and a requirements file; leaves other kinds alone', () => {
    put('proj/gradle/libs.versions.toml', '[versions]\nkafka = "3.1.0"\n[libraries]\nclients = { module = "org.apache.kafka:kafka-clients", version.ref = "kafka" }\n');
    put('proj/build.gradle', 'dependencies { implementation libs.clients }\n');
    put('py/requirements.txt', 'kafka-python==2.0.2\n');
    const inputs = new AnalysisInputFiles();
    assert.equal(inputs.inputsOf(join(dir, 'proj/src/main/resources/application.yml'))?.project?.kafkaClients?.version, '3.1.0');
    assert.equal(inputs.inputsOf(join(dir, 'py/app.py'))?.project?.kafkaPython?.version, '2.0.2');
    assert.equal(inputs.inputsOf(join(dir, 'proj/src/app.ts')), undefined);
    assert.equal(inputs.inputsOf(join(dir, 'proj/src/main.go')), undefined);
  });

  it("reads a compose file's .env again when it changed, and says a non-build file changes nothing", () => {
    put('c/docker-compose.yml', 'services: {}\n');
    put('c/.env', 'A=1\n');
    const inputs = new AnalysisInputFiles();
    assert.deepEqual(inputs.inputsOf(join(dir, 'c/docker-compose.yml')), { dotEnv: { path: join(dir, 'c/.env'), text: 'A=1\n' } });
    put('c/.env', 'A=22\n');
    assert.equal(inputs.inputsOf(join(dir, 'c/docker-compose.yml'))?.dotEnv?.text, 'A=22\n');
    rmSync(join(dir, 'c/.env'));
    assert.equal(inputs.inputsOf(join(dir, 'c/docker-compose.yml')), undefined);
    assert.equal(inputs.forget(join(dir, 'c/notes.md')), false);
  });

  it('gives the same inputs object while nothing changed, and another once it did (callers compare by identity)', () => {
    put('c/docker-compose.yml', 'services: {}\n');
    put('c/.env', 'A=1\n');
    put('j/pom.xml', pom('2.8.1'));
    const inputs = new AnalysisInputFiles();
    const compose = join(dir, 'c/docker-compose.yml');
    const java = join(dir, 'j/src/P.java');
    const first = inputs.inputsOf(compose);
    assert.ok(first);
    assert.equal(inputs.inputsOf(compose), first);
    assert.equal(inputs.inputsOf(java), inputs.inputsOf(java));
    const pinned = inputs.inputsOf(java);
    put('c/.env', 'A=22\n');
    assert.notEqual(inputs.inputsOf(compose), first);
    assert.equal(inputs.forget(join(dir, 'j/pom.xml')), true);
    assert.notEqual(inputs.inputsOf(java), pinned);
    assert.deepEqual(inputs.inputsOf(java), pinned);
  });
});

describe('files: the input files glob names every file the inputs are read from', () => {
  const names = /^\*\*\/\{([^}]+)\}$/.exec(INPUT_FILES_GLOB)?.[1].split(',') ?? [];
  const globMatches = (name: string): boolean => names.some((n) => (n.includes('*') ? new RegExp(`^${n.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(name) : n === name));
  it('matches .env and every build file name, and nothing else the tests name', () => {
    for (const name of ['.env', ...BUILD_FILE_NAMES, 'requirements-dev.txt', 'requirements_test.txt']) {
      assert.ok(globMatches(name), name);
      assert.ok(name === '.env' || isBuildFileName(name), name);
    }
    for (const name of ['package.json', 'notes.txt', 'settings.gradle', '.envrc']) assert.ok(!globMatches(name), name);
  });
});
