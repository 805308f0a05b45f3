import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = join(__dirname, '..', '..', '..');

/** The snippets `npm run test:editors` runs, read by its own reader (test/editors/readme-snippets.mjs). */
function snippets(): { neovim: string; emacs: string } {
  const module = pathToFileURL(join(repo, 'test', 'editors', 'readme-snippets.mjs')).href;
  const script = `const { readmeSnippet } = await import(${JSON.stringify(module)});
    process.stdout.write(JSON.stringify({ neovim: readmeSnippet('lua', /^Neovim 0\\.7 and newer/), emacs: readmeSnippet('elisp', /^Emacs with eglot/) }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()) as { neovim: string; emacs: string };
}

// The editor tier runs these snippets in real editors; this cheap check keeps a README edit from breaking
// them without anyone running that tier.
describe('readme-editors: the editor snippets the editor tier runs', () => {
  const { neovim, emacs } = snippets();

  it('the Neovim snippet starts kafka-lint-lsp with APIs Neovim 0.7 has', () => {
    assert.match(neovim, /cmd = \{ 'kafka-lint-lsp', '--stdio' \}/);
    assert.match(neovim, /vim\.lsp\.start_client\(/);
    assert.match(neovim, /vim\.lsp\.buf_attach_client\(/);
    assert.match(neovim, /'jproperties'/, 'Neovim calls .properties files jproperties');
    for (const newer of ['vim.lsp.start(', 'vim.fs.', 'vim.lsp.config', 'vim.lsp.enable', 'vim.lsp.get_clients'])
      assert.ok(!neovim.includes(newer), `${newer} does not exist in Neovim 0.7`);
  });

  it('the Emacs snippet loads eglot itself (Emacs 28 with elpa-eglot) and registers kafka-lint-lsp', () => {
    assert.match(emacs, /^\(require 'eglot\)$/m);
    assert.match(emacs, /\("kafka-lint-lsp" "--stdio"\)/);
    assert.match(emacs, /conf-javaprop-mode/);
    assert.match(emacs, /\(add-hook 'conf-javaprop-mode-hook #'eglot-ensure\)/);
  });
});
