/**
 * The console-output reader's speed in Node: µs per KB of pasted text from 1 KB to 1 MB, the text made of
 * the real samples in tests/fixtures/console/<kind>/, each size read in its own process (for its peak heap).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './paths.ts';
import { runChild } from './scale.ts';
import { reason } from './stats.ts';

/** The console samples, one folder per output kind; the texts are made of the real ones. */
const FIXTURES = join(REPO, 'tests', 'fixtures', 'console');

// Decimal units: 1 MB of UTF-8 is at most 1,000,000 characters, what the paste field takes.
const KB = 1000;
const MB = 1024 * 1024;

export interface ReaderRun {
  /** The size asked for, in bytes of UTF-8. */
  size: number;
  /** The text actually read: whole lines only, so a little under `size`. */
  bytes?: number;
  chars?: number;
  lines?: number;
  /** Wall time per read: median and fastest of the timed batches. */
  msMedian?: number;
  msMin?: number;
  /** CPU time per read (median): what the clock shows less the time other processes held the CPU. */
  cpuMsMedian?: number;
  reads?: number;
  /** µs of CPU time per 1,000 bytes (median): flat from one size to the next when the reader is linear. */
  usPerKB?: number;
  /** The same on the clock. */
  wallUsPerKB?: number;
  /** The largest heap in use during one read, above the heap before it (the text itself not counted). */
  heapPeakMB?: number;
  sections?: number;
  unread?: number;
  error?: string;
}

export interface ReaderSummary {
  fixtures: number;
  runs: ReaderRun[];
}

/** The real samples' outputs (the two header lines taken off; constructed ones left out), in file-name order. */
function samples(dir = FIXTURES): string[] {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => ({ f, path: join(dir, d.name, f) })))
    .filter(({ f }) => f.endsWith('.txt'))
    .sort((a, b) => (a.f < b.f ? -1 : a.f > b.f ? 1 : 0))
    .map(({ path }) => readFileSync(path, 'utf8'))
    .filter((text) => !text.startsWith('# source: constructed'));
  if (!files.length) throw new Error(`no console samples in ${dir}`);
  return files.map((text) => text.split('\n').slice(2).join('\n').trim());
}

/** How many real samples there are, and their bytes once through, a blank line after each. */
export function sampleSet(dir = FIXTURES): { count: number; bytes: number } {
  const all = samples(dir);
  return { count: all.length, bytes: all.reduce((n, s) => n + Buffer.byteLength(s) + 2, 0) };
}

/**
 * Pasted text of at most `size` bytes: the samples one after another from sample `from`, a blank line
 * between, whole lines only.
 */
export function consoleText(size: number, dir = FIXTURES, from = 0): string {
  const all = samples(dir);
  const lines = [...all.slice(from), ...all.slice(0, from)].flatMap((s) => [...s.split('\n'), '']);
  const out: string[] = [];
  let bytes = 0;
  for (let i = 0; ; i++) {
    const line = lines[i % lines.length]!;
    const add = Buffer.byteLength(line) + (out.length ? 1 : 0);
    if (bytes + add > size) break;
    out.push(line);
    bytes += add;
  }
  return out.join('\n');
}

/** Reads a text of every size in its own process, each within timeoutMs and all before `deadline` (ms since epoch). */
export async function measureReader(
  sizes: readonly number[],
  timeoutMs: number,
  deadline: number,
): Promise<ReaderSummary> {
  const fixtures = samples().length;
  const runs: ReaderRun[] = [];
  const script = join(import.meta.dirname, 'reader-child.ts');
  for (const size of sizes) {
    const run: ReaderRun = { size };
    runs.push(run);
    const before = runs[runs.length - 2];
    if (before?.error) {
      run.error = `not run: ${before.error.startsWith('not run') ? 'as the size before' : 'the size before failed'}`;
      continue;
    }
    const limit = Math.min(timeoutMs, deadline - Date.now());
    if (limit < 5000) {
      run.error = 'not run: out of time';
      continue;
    }
    try {
      const r = await runChild(script, [String(size)], limit);
      run.bytes = Number(r.bytes);
      run.chars = Number(r.chars);
      run.lines = Number(r.lines);
      run.msMedian = Number(r.msMedian);
      run.msMin = Number(r.msMin);
      run.cpuMsMedian = Number(r.cpuMsMedian);
      run.reads = Number(r.reads);
      run.usPerKB = (run.cpuMsMedian * 1000) / (run.bytes / KB);
      run.wallUsPerKB = (run.msMedian * 1000) / (run.bytes / KB);
      const peak = Math.max(Number(r.gcPeakBytes), Number(r.heapAfterBytes));
      run.heapPeakMB = Math.max(0, peak - Number(r.heapBaseBytes)) / MB;
      run.sections = Number(r.sections);
      run.unread = Number(r.unread);
    } catch (e) {
      run.error = reason(e);
    }
  }
  return { fixtures, runs };
}
