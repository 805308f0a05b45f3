// `npm run docs:picture`: the README's picture of the message path. Runs `kafka-lint report` on examples/
// (the README's first command), opens the page in headless Chromium, photographs the top of it (the
// summary, the path Producer → Broker → Consumer and the producer stage's rule counts) and writes
// images/message-path.png, made small with pngquant when it is installed (apt-get install pngquant).
// Needs `npm run build` first, and the Chromium of the e2e tests (`node test/e2e/setup.mjs` installs it);
// on a shared machine run it under the same lock as the e2e tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(repo, 'images', 'message-path.png');
const tmp = mkdtempSync(join(tmpdir(), 'kafka-lint-picture-'));
try {
  const html = join(tmp, 'report.html');
  try {
    execFileSync(process.execPath, [join(repo, 'bin', 'kafka-lint.js'), 'report', '--out', html, 'examples'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (err) {
    // 1: the examples have error findings, which is what they are for.
    if (err.status !== 1) throw err;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
    await page.goto(pathToFileURL(html).href);
    const bottom = await page.locator('#stage-producer table.rules').evaluate((t) => t.getBoundingClientRect().bottom + window.scrollY);
    const raw = join(tmp, 'raw.png');
    await page.screenshot({ path: raw, clip: { x: 0, y: 0, width: 1100, height: Math.ceil(bottom + 16) } });
    try {
      execFileSync('pngquant', ['--quality=65-90', '--strip', '--speed=1', '--force', '--output', target, raw], { stdio: 'inherit' });
    } catch {
      console.error('pngquant is not installed: the picture is written as Chromium made it (larger)');
      execFileSync('cp', [raw, target]);
    }
  } finally {
    await browser.close();
  }
  console.log(`${target}: ${Math.round(statSync(target).size / 1024)} KB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
