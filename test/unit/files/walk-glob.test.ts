import * as assert from 'node:assert/strict';
import { isLintedName, WATCHED_FILES_GLOB } from '../../../server/src/files/walk';

/** The server watches WATCHED_FILES_GLOB for the files of its workspace model; the folder walk reads isLintedName. */
describe('files: the watched-files glob and the folder walk read the same names', () => {
  const extensions = /^\*\*\/\*\.\{([^}]+)\}$/.exec(WATCHED_FILES_GLOB)?.[1].split(',') ?? [];
  const globMatches = (name: string): boolean => extensions.some((ext) => name.toLowerCase().endsWith(`.${ext}`));

  it('every extension of the glob is a name the walk reads', () => {
    assert.ok(extensions.length > 0, WATCHED_FILES_GLOB);
    for (const ext of extensions) assert.ok(isLintedName(`file.${ext}`), ext);
  });

  it('every kind of name the walk reads is matched by the glob', () => {
    const names = ['server.properties', 'application-prod.properties', 'docker-compose.yml', 'compose.yaml', 'application.yml', 'kafka.yaml', 'connector.json'];
    const code = ['Producer.java', 'producer.ts', 'producer.tsx', 'producer.mts', 'producer.cts', 'producer.js', 'producer.jsx', 'producer.mjs', 'producer.cjs', 'producer.py', 'producer.go'];
    for (const name of [...names, ...code]) {
      assert.ok(isLintedName(name), name);
      assert.ok(globMatches(name), name);
    }
    assert.ok(!globMatches('README.txt') && !isLintedName('README.txt'));
  });
});
