/**
 * `npm run test:stress`: the whole `npm test` while every core is kept busy by a browser, as on a shared CI machine
 * where other jobs run their own browser tests. Each loader is a headless Chromium whose page lays out, paints and
 * scripts without pause (main thread and a worker), so it competes for the CPU, the compositor and memory bandwidth
 * the way a browser test does, not only for one core as a spinning process would. The loaders stop when the tests end
 * (or after an hour at the most). `npm run test:stress -- <script>` runs another script of package.json, such as
 * `test:engines`, under the same load.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

// A worker spins; the page relayouts and repaints a grid of boxes every frame and runs a timer that never idles.
const PAGE = `<!doctype html><meta charset="utf-8"><title>load</title><body><div id="g"></div><script>
const end = Date.now() + 3600000;
new Worker(URL.createObjectURL(new Blob(['const e=' + end + ';while(Date.now()<e){}'])));
const g = document.getElementById('g');
for (let i = 0; i < 2000; i++) { const d = document.createElement('div'); d.textContent = 'slmgr /dlv ' + i; g.append(d); }
let n = 0;
function frame() {
  n++;
  for (const d of g.children) { d.style.width = (100 + ((n * 7 + d.textContent.length) % 200)) + 'px'; d.offsetWidth; }
  if (Date.now() < end) requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
setInterval(() => { const t = Date.now() + 40; while (Date.now() < t) {} }, 0);
</script>`;

const profiles: string[] = [];
const loaders = Array.from({ length: availableParallelism() }, () => {
  const profile = mkdtempSync(join(tmpdir(), 'stress-'));
  profiles.push(profile);
  return spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      `data:text/html;base64,${Buffer.from(PAGE).toString('base64')}`,
    ],
    { stdio: 'ignore' },
  );
});
const stop = () => {
  loaders.forEach((l) => l.kill('SIGKILL'));
  // A killed browser's helpers may still be writing its profile: retry, and never let cleanup fail the run.
  for (const p of profiles)
    try {
      rmSync(p, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // left in the temporary folder
    }
};
process.on('SIGINT', () => (stop(), process.exit(130)));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// `npm run test:stress -- test:engines` runs one script of package.json under the same load instead; words after
// the script's name go to it (`npm run test:stress -- test:e2e paste.spec.ts --repeat-each 5`).
const [script = 'test', ...rest] = process.argv.slice(2);
const tests = spawn(npm, ['run', script, ...(rest.length ? ['--', ...rest] : [])], { stdio: 'inherit' });
tests.on('close', (code) => {
  stop();
  process.exit(code ?? 1);
});
