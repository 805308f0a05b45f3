import * as assert from 'node:assert/strict';
import { analyzeConfig, documentKind } from '../../server/src/core/analyze';
import type { DocumentKind } from '../../server/src/core/model';
import { isLintedName } from '../../server/src/files/walk';

describe('document-kind: documentKind decides from the path first, the language id second', () => {
  // [path, language id sent by the editor (undefined: the CLI sends none), expected kind]
  const cases: Array<[string, string | undefined, DocumentKind]> = [
    // The path decides, whatever the editor calls the buffer.
    ['/w/config/producer.properties', undefined, 'properties'],
    ['/w/config/producer.properties', 'properties', 'properties'],
    ['/w/config/producer.properties', 'kafka-properties', 'properties'],
    ['/w/config/producer.properties', 'jproperties', 'properties'], // Neovim
    ['/w/config/producer.properties', '', 'properties'], // Neovim, filetype detection off
    ['/w/config/producer.properties', 'conf-javaprop', 'properties'], // eglot, conf-javaprop-mode
    ['/w/config/producer.properties', 'ini', 'properties'], // Helix before 25.07
    ['/w/config/producer.properties', 'yaml', 'properties'], // an id that contradicts the name loses
    ['/w/config/producer.properties', 'plaintext', 'properties'],
    ['C:\\w\\CONFIG\\Consumer.PROPERTIES', 'jproperties', 'properties'],
    ['/w/src/main/resources/application.properties', 'jproperties', 'spring-properties'],
    ['/w/src/main/resources/application-prod.properties', 'spring-boot-properties', 'spring-properties'],
    ['/w/bootstrap.properties', undefined, 'spring-properties'],
    ['/w/applications.properties', undefined, 'properties'],
    ['/w/src/main/resources/application.yml', 'yaml', 'spring-yaml'],
    ['/w/src/main/resources/application-dev.yaml', '', 'spring-yaml'],
    ['/w/application.yml', 'spring-boot-properties-yaml', 'spring-yaml'], // VS Code with Spring Boot Tools
    ['/w/application.yml', 'yaml-ts', 'spring-yaml'], // eglot 1.9, yaml-ts-mode
    ['/w/src/Producer.java', 'java', 'java'],
    ['/w/src/Producer.java', 'conf-javaprop', 'java'], // eglot 1.9: one id per server, from the first buffer
    ['/w/src/Producer.java', '', 'java'],
    ['/w/src/Producer.java', 'java-ts', 'java'],
    ['/w/src/producer.ts', 'typescript', 'typescript'],
    ['/w/src/producer.tsx', 'typescriptreact', 'typescript'],
    ['/w/src/producer.tsx', 'tsx', 'typescript'],
    ['/w/src/producer.mts', undefined, 'typescript'],
    ['/w/src/producer.cts', undefined, 'typescript'],
    ['/w/src/producer.js', 'js', 'javascript'], // eglot, js-mode
    ['/w/src/producer.jsx', 'javascriptreact', 'javascript'],
    ['/w/src/producer.mjs', 'javascript', 'javascript'],
    ['/w/src/producer.cjs', undefined, 'javascript'],
    ['/w/src/producer.py', 'python', 'python'],
    ['/w/src/producer.py', '', 'python'],
    ['/w/src/producer.go', 'go', 'go'],
    ['/w/src/producer.go', 'go-ts', 'go'],
    // The name says nothing: untitled buffers, no extension, an extension nobody reads.
    ['untitled:Untitled-1', 'kafka-properties', 'properties'],
    ['untitled:Untitled-1', 'properties', 'properties'],
    ['untitled:Untitled-2', 'yaml', 'spring-yaml'],
    ['untitled:Untitled-3', 'typescriptreact', 'typescript'],
    ['untitled:Untitled-4', 'plaintext', 'unknown'],
    ['untitled:Untitled-5', undefined, 'unknown'],
    ['/w/kafka/client-config', 'jproperties', 'properties'], // Neovim, `:set filetype=jproperties`
    ['/w/kafka/client-config', 'conf-javaprop', 'properties'],
    ['/w/kafka/client-config', 'properties', 'properties'], // Helix 25.07+
    ['/w/kafka/client-config', 'java-properties', 'properties'],
    ['/w/kafka/client-config', 'JPROPERTIES', 'properties'],
    ['/w/kafka/client-config', '', 'unknown'],
    ['/w/kafka/client-config', undefined, 'unknown'],
    ['/w/kafka/client.conf', 'properties', 'properties'], // VS Code files.associations
    ['/w/scripts/produce', 'python', 'python'],
    ['/w/scripts/produce', 'python-ts', 'python'],
    ['/w/scripts/produce', 'js2', 'javascript'],
    ['/w/scripts/produce', 'rjsx', 'javascript'],
    ['/w/scripts/produce', 'typescript-ts', 'typescript'],
    ['/w/scripts/produce', 'go', 'go'],
    ['/w/notes.md', 'markdown', 'markdown'], // read only when the user opts in (kafkaLint.markdown)
    ['/w/scratch', 'markdown', 'markdown'],
    ['/w/kafka.txt', 'text', 'unknown'],
    ['/w/weird', 'constructor', 'unknown'], // ids are looked up as own keys only
    ['/w/weird', 'toString', 'unknown'],
    ['', undefined, 'unknown'],
  ];
  for (const [path, languageId, expected] of cases) {
    it(`${path} (${languageId === undefined ? 'no id' : JSON.stringify(languageId)}) → ${expected}`, () => {
      assert.equal(documentKind(path, languageId), expected);
    });
  }

  it('the reader picked for a .properties file does not depend on the id Neovim sends', () => {
    const text = 'bootstrap.servers=localhost:9092\nacks=0\n';
    for (const id of ['properties', 'jproperties', '', 'yaml']) {
      const doc = analyzeConfig('/w/producer.properties', text, id);
      assert.equal(doc.kind, 'properties', id);
      assert.equal(doc.isKafka, true, id);
      assert.deepEqual(doc.groups.flatMap((g) => g.entries.map((e) => `${e.key}=${e.value}`)), ['bootstrap.servers=localhost:9092', 'acks=0'], id);
    }
  });

  it('the CLI walks exactly the names the server reads', () => {
    // JSON files are read as Kafka Connect connector configurations (by content: others get nothing).
    const walked = ['a.properties', 'application.yml', 'x.yaml', 'docker-compose.yml', 'a.json', 'A.java', 'a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.py', 'a.go'];
    const skipped = ['a.d.ts', 'README.md', 'a.txt', 'Makefile', 'a.jsonl', 'a.properties.bak'];
    for (const name of walked) assert.equal(isLintedName(name), true, name);
    for (const name of skipped) assert.equal(isLintedName(name), false, name);
  });
});
