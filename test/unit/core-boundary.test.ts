import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The analysis core must stay free of editor and LSP imports so the server, the CLI and tests share it. */
describe('core boundary', () => {
  function tsFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
    });
  }
  const root = join(__dirname, '..', '..', '..', 'server', 'src', 'core');
  for (const file of tsFiles(root)) {
    it(`${file.slice(root.length + 1)} imports nothing of vscode, the LSP adapter or the CLI`, () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      const bad = imports.filter((i) => /^vscode/.test(i) || /\/(lsp|cli|protocol)\//.test(i) || /^\.\.\/(lsp|cli)/.test(i));
      assert.deepEqual(bad, []);
    });
  }
});

/** The front ends share core and the Node file access in files/, never each other. */
describe('layer boundaries', () => {
  const src = join(__dirname, '..', '..', '..', 'server', 'src');
  const importsOf = (dir: string): { file: string; imports: string[] }[] =>
    readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.ts'))
      .map((n) => ({ file: `${dir}/${n}`, imports: [...readFileSync(join(src, dir, n), 'utf8').matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]) }));
  const forbidden: Record<string, RegExp> = { lsp: /^\.\.\/(?:\.\.\/)*cli\//, cli: /^\.\.\/(?:\.\.\/)*lsp\//, files: /^\.\.\/(?:\.\.\/)*(?:cli|lsp|protocol)\/|^vscode/ };
  for (const [dir, bad] of Object.entries(forbidden)) {
    it(`${dir}/ does not import ${bad.source}`, () => {
      const found = importsOf(dir).flatMap(({ file, imports }) => imports.filter((i) => bad.test(i)).map((i) => `${file}: ${i}`));
      assert.deepEqual(found, []);
    });
  }
});
