// Bundles the extension client, the language server and the CLI, and copies the tree-sitter WASM files
// the code scanners load at run time. `tsc -b` checks types; this only emits JavaScript bundles.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/main.ts', out: 'server', external: [] },
  { in: 'server/src/cli/main.ts', out: 'cli', external: [] },
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    esbuild.build({
      entryPoints: [e.in],
      outfile: `dist/${e.out}.js`,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      external: e.external,
      // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow: bundle its ES modules.
      alias: { 'jsonc-parser': require.resolve('jsonc-parser/lib/esm/main.js') },
      logLevel: 'warning',
    }),
  ),
);

// The grammars are loaded from dist/wasm next to the bundles.
const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
mkdirSync('dist/wasm', { recursive: true });
for (const f of ['tree-sitter.wasm', 'tree-sitter-java.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm']) {
  cpSync(join(wasmDir, f), join('dist/wasm', f));
}
