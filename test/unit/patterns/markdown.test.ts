import * as assert from 'node:assert/strict';
import { analyze, documentKind } from '../../../server/src/core/analyze';
import { applyEdits } from '../../../server/src/core/fixes';
import { lint } from '../../../server/src/core/lint';
import { fencedBlocks } from '../../../server/src/core/markdown/analyze-markdown';
import { DEFAULT_OPTIONS } from '../../../server/src/core/options';
import { isLintedName } from '../../../server/src/files/walk';
import { resolveOptions } from '../../../server/src/protocol/settings';
import { describeFixtures, lintFixture, readFixture } from './fixtures';

/** Issue #10: code in Markdown, read on opt-in, findings on the line and column of the `.md`. */
describeFixtures('markdown');

describe('markdown: code blocks', () => {
  it('is the markdown kind by name (and language id), and a folder walk reads it only on opt-in', () => {
    assert.equal(documentKind('docs/README.md'), 'markdown');
    assert.equal(documentKind('guide.markdown'), 'markdown');
    assert.equal(documentKind('untitled:Untitled-1', 'markdown'), 'markdown');
    assert.equal(isLintedName('README.md'), false);
    assert.equal(isLintedName('README.md', { markdown: true }), true);
    assert.equal(isLintedName('producer.properties'), true);
  });

  it('reports nothing unless the user opts in', async () => {
    const text = readFixture('markdown', 'readme-lossy.md');
    const document = await analyze('/fixtures/readme-lossy.md', text);
    assert.equal(document.isKafka, true);
    assert.deepEqual(lint(document, DEFAULT_OPTIONS), []);
    assert.ok(lint(document, { ...DEFAULT_OPTIONS, markdown: true }).length > 0);
  });

  it('a fix edits inside its block only', async () => {
    const text = readFixture('markdown', 'readme-lossy.md');
    const acks = (await lintFixture('readme-lossy.md', text)).find((f) => f.ruleId === 'producer/acks-zero');
    const fix = acks?.fixes?.find((f) => f.preferred) ?? acks?.fixes?.[0];
    assert.ok(fix, 'acks-zero has a fix');
    assert.equal(applyEdits(text, fix.edits), text.replace('ACKS_CONFIG, "0"', 'ACKS_CONFIG, "all"'));
  });

  it('finds fences as CommonMark does: ``` or ~~~, indented up to three spaces, closed by a longer fence, or open to the end', () => {
    const text = '````go\nx := 1\n```\nstill go\n````\n  ~~~yaml\na: 1\n~~~\n    ```java\nindented code\n    ```\n```python\nopen = 1\n';
    const blocks = fencedBlocks(text).map((b) => [b.extension, text.slice(b.start, b.end)]);
    assert.deepEqual(blocks, [
      ['.go', 'x := 1\n```\nstill go\n'],
      ['.yml', 'a: 1\n'],
      ['.py', 'open = 1\n'],
    ]);
  });

  it('.kafkalint.json "markdown": true stays on when the editor reports its default false, and the editor can turn it on', () => {
    assert.equal(resolveOptions({ markdown: false }, { markdown: true }).options.markdown, true);
    assert.equal(resolveOptions({ markdown: true }, {}).options.markdown, true);
    assert.equal(resolveOptions({ markdown: false }, undefined).options.markdown, false);
  });
});
