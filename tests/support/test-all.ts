/**
 * `npm test`: every check, in phases, the parts of a phase side by side. The static checks each keep one
 * core busy, so they share the machine; the unit tests use every core alone; the browser tests run beside
 * the other engines' journeys, which mostly wait on their browsers. Each line is printed as it comes,
 * named by its part; a phase that fails stops the run, and the end says which part failed and how long each
 * took.
 */
import { spawn } from 'node:child_process';

const PHASES: string[][][] = [
  [['typecheck'], ['lint'], ['format:check'], ['flows', '--', 'check']],
  [['test:unit']],
  [['test:e2e'], ['test:engines']],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one npm script, its lines prefixed with its name; resolves with its exit code and time. */
function part(args: string[]): Promise<{ name: string; code: number; ms: number }> {
  const name = args[0]!;
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(npm, ['run', '--silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop()!;
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
      stream.on('end', () => rest && process.stdout.write(`[${name}] ${rest}\n`));
    }
    child.on('close', (code) => done({ name, code: code ?? 1, ms: Date.now() - started }));
  });
}

const started = Date.now();
const times: string[] = [];
for (const phase of PHASES) {
  const results = await Promise.all(phase.map(part));
  times.push(...results.map((r) => `${r.name} ${seconds(r.ms)}`));
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length) {
    console.log(`\nfailed: ${failed.map((r) => `${r.name} (exit ${r.code})`).join(', ')}`);
    console.log(`took ${times.join(', ')}`);
    process.exit(1);
  }
}
console.log(`\nevery check passed in ${seconds(Date.now() - started)}: ${times.join(', ')}`);
