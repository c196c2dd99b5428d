/**
 * `npm run test:stress`: the whole `npm test` while every core is kept busy by a spinning process, as on a
 * shared CI machine. The spinners stop when the tests end (or after an hour at the most).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const SPIN = 'const end = Date.now() + 3_600_000; while (Date.now() < end) {}';
const spinners = Array.from({ length: availableParallelism() }, () =>
  spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }),
);
const stop = () => spinners.forEach((s) => s.kill('SIGKILL'));
process.on('SIGINT', () => (stop(), process.exit(130)));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tests = spawn(npm, ['test'], { stdio: 'inherit' });
tests.on('close', (code) => {
  stop();
  process.exit(code ?? 1);
});
