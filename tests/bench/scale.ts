/** Scale of the checker and the engine on generated flows of growing size, each run in a child process. */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, WORK } from './paths.ts';
import { generateFlow } from './scale-flow.ts';
import { reason } from './stats.ts';

export interface ScaleRun {
  size: number;
  mode: 'check' | 'engine';
  ms?: number;
  usPerNode?: number;
  heapPeakMB?: number;
  steps?: number;
  problems?: number;
  error?: string;
}

const MB = 1024 * 1024;
/** A line of V8's --trace-gc: the first figure is the heap in use before the collection, in MB. */
const GC_LINE =
  /\b(?:Scavenge|Mark-Compact|Mark-Sweep|Mark-sweep|Minor Mark-Sweep|Minor Mark-Compact)\b[^\d]*([\d.]+) \(/;

/** Runs `script` in `node --expose-gc --import tsx` with `args`, killing it after timeoutMs; resolves with its last JSON line and the GC trace's peak heap. */
export function runChild(
  script: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<Record<string, number | string | boolean>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', script, ...args],
      {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let last: Record<string, number> = {};
    let gcPeakMB = 0;
    proc.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const gcLine = GC_LINE.exec(line);
        if (gcLine) {
          gcPeakMB = Math.max(gcPeakMB, Number(gcLine[1]));
          continue;
        }
        try {
          last = JSON.parse(line) as Record<string, number>;
        } catch {
          /* not a result line */
        }
      }
    });
    proc.stderr.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        const at = last.progress ? ` at step ${last.progress.toLocaleString('en-US')}` : '';
        reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s${at}`));
      } else if (code !== 0 || !('done' in last))
        reject(new Error(err.trim().split('\n').filter(Boolean).slice(-3).join(' ') || `exit code ${code}`));
      else resolve({ ...last, gcPeakBytes: gcPeakMB * MB });
    });
  });
}

// A size is skipped when the growth seen so far predicts it would outlast its time limit.
/** Measures checker and engine at every size, each within timeoutMs and all before `deadline` (ms since epoch). */
export async function measureScale(
  sizes: number[],
  timeoutMs: number,
  deadline: number,
): Promise<ScaleRun[]> {
  const dir = join(WORK, 'scale');
  mkdirSync(dir, { recursive: true });
  const runs: ScaleRun[] = [];
  for (const size of sizes) {
    const file = join(dir, `flow-${size}.json`);
    writeFileSync(file, JSON.stringify(generateFlow(size)));
    for (const mode of ['check', 'engine'] as const) {
      const run: ScaleRun = { size, mode };
      runs.push(run);
      const done = runs.filter((r) => r.mode === mode && r.ms !== undefined);
      const limit = Math.min(timeoutMs, deadline - Date.now());
      if (done.length >= 2) {
        const [a, b] = done.slice(-2) as [ScaleRun, ScaleRun];
        const exponent = Math.log(b.ms! / a.ms!) / Math.log(b.size / a.size);
        const estimate = b.ms! * (size / b.size) ** Math.max(1, exponent);
        if (estimate > limit * 1.5) {
          run.error = `not run: estimated ${fmtSeconds(estimate)} (growth ~n^${exponent.toFixed(1)} from ${a.size.toLocaleString('en-US')} to ${b.size.toLocaleString('en-US')})`;
          continue;
        }
      }
      if (limit < 5000) {
        run.error = 'not run: out of time';
        continue;
      }
      try {
        const r = await runChild(join(import.meta.dirname, 'scale-child.ts'), [mode, file], limit);
        run.ms = Number(r.ms);
        // The checker reads every node; the engine answers a fixed number of steps on every size.
        run.usPerNode = (run.ms * 1000) / (mode === 'engine' ? Math.max(1, Number(r.steps)) : size);
        const peak = Math.max(Number(r.gcPeakBytes), Number(r.heapSampledPeakBytes));
        run.heapPeakMB = (peak - Number(r.heapBaseBytes)) / MB;
        run.steps = Number(r.steps);
        run.problems = Number(r.problems);
      } catch (e) {
        run.error = reason(e);
      }
    }
  }
  return runs;
}

function fmtSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}
