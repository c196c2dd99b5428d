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
function part(args: string[]): Promise<{ name: string; code: number; ms: number; lines: string[] }> {
  const name = args[0]!;
  const lines: string[] = [];
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(npm, ['run', '--silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      const print = (line: string) => {
        lines.push(line);
        process.stdout.write(`[${name}] ${line}\n`);
      };
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop()!;
        for (const line of lines) print(line);
      });
      stream.on('end', () => rest && print(rest));
    }
    child.on('close', (code) => done({ name, code: code ?? 1, ms: Date.now() - started, lines }));
  });
}

/** The part of a failed part's output that explains it: from its first reported failure, or its last lines. */
function failureText(lines: string[]): string {
  // Playwright numbers each failure ("  1) tests/e2e/…"); vitest marks them FAIL; tsc and eslint print "error".
  const marks = [/^\s+\d+\) /, /\bFAIL\b/, /error/i];
  const first = marks.map((mark) => lines.findIndex((l) => mark.test(l))).find((i) => i >= 0);
  const from = first ?? Math.max(0, lines.length - 60);
  return lines.slice(from, from + 90).join('\n');
}

const started = Date.now();
const times: string[] = [];
for (const phase of PHASES) {
  const results = await Promise.all(phase.map(part));
  times.push(...results.map((r) => `${r.name} ${seconds(r.ms)}`));
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length) {
    // A log is often read from its end: the failures' own words come again there, after the other parts' lines.
    for (const r of failed) console.log(`\n[${r.name}] ended with:\n${failureText(r.lines)}`);
    console.log(`\nfailed: ${failed.map((r) => `${r.name} (exit ${r.code})`).join(', ')}`);
    console.log(`took ${times.join(', ')}`);
    process.exit(1);
  }
}
console.log(`\nevery check passed in ${seconds(Date.now() - started)}: ${times.join(', ')}`);
