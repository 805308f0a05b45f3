// The editor configurations README.md shows, read from the README itself so that the editor tests run
// exactly what a user copies.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const readmePath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');

/**
 * The first fenced block of `language` (```lua, ```elisp) after the first README line matching `intro`,
 * inside the "Use from other editors" section. Throws when the README has no such block: a README
 * change that drops a tested snippet must fail the tier, not skip it.
 */
export function readmeSnippet(language, intro, readme = readFileSync(readmePath, 'utf8')) {
  const start = readme.indexOf('\n## Use from other editors');
  if (start < 0) throw new Error('README.md has no "## Use from other editors" section');
  const next = readme.indexOf('\n## ', start + 1);
  const lines = readme.slice(start, next < 0 ? undefined : next).split('\n');
  const at = lines.findIndex((line) => intro.test(line));
  if (at < 0) throw new Error(`README.md "Use from other editors" has no line matching ${intro}`);
  const open = lines.findIndex((line, i) => i > at && line.trim() === '```' + language);
  if (open < 0) throw new Error(`README.md has no \`\`\`${language} block after "${lines[at]}"`);
  const close = lines.findIndex((line, i) => i > open && line.trim() === '```');
  if (close < 0) throw new Error(`README.md's \`\`\`${language} block after "${lines[at]}" is not closed`);
  return lines.slice(open + 1, close).join('\n') + '\n';
}
