/**
 * One output-reader measurement in its own process (run with node --expose-gc --import tsx):
 * `<bytes>` builds pasted text of that size from the console samples, times readConsole on it, then reads it
 * once more with V8's GC trace on (the parent takes the heap before each collection from it) and prints one
 * final JSON line.
 */
import v8 from 'node:v8';
import { consoleText } from './reader-bench.ts';
import { median } from './stats.ts';

const size = Number(process.argv[2]);
if (!Number.isFinite(size) || size <= 0) throw new Error(`not a size: ${process.argv[2]}`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const { readConsole } = await import('../../src/console/reader.ts');

const text = consoleText(size);
const once = (): number => {
  const t0 = performance.now();
  readConsole(text);
  return performance.now() - t0;
};

// Warm-up: the JIT compiles the reader's hot paths on this very text before anything is timed.
let spent = 0;
for (let i = 0; i < 50 && (i < 2 || spent < 300); i++) spent += once();

// Timed reads in batches of at least 10 ms each, for at least 1.5 s and 5 batches. Each batch is timed on
// the clock and in the process's CPU time: on a busy machine the clock also counts time other processes
// held the CPU, the CPU time does not (the reader is synchronous, so it is this thread's work).
const wall: number[] = [];
const cpu: number[] = [];
const batch = Math.max(1, Math.ceil(10 / Math.max(0.001, once())));
let total = 0;
while (wall.length < 200 && (wall.length < 5 || total < 1500)) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) readConsole(text);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  total += ms;
  wall.push(ms / batch);
  cpu.push((c.user + c.system) / 1000 / batch);
}
// One more read for the heap: what it holds at its peak, above what was in use before it.
gc();
const heapBaseBytes = process.memoryUsage().heapUsed;
v8.setFlagsFromString('--trace-gc');
const result = readConsole(text);
const heapAfterBytes = process.memoryUsage().heapUsed;
v8.setFlagsFromString('--no-trace-gc');

process.stdout.write(
  `${JSON.stringify({
    done: true,
    bytes: Buffer.byteLength(text),
    chars: text.length,
    lines: text.split('\n').length,
    msMedian: median(wall),
    msMin: Math.min(...wall),
    cpuMsMedian: median(cpu),
    reads: wall.length * batch,
    heapBaseBytes,
    heapAfterBytes,
    sections: result.sections.length,
    unread: result.unread.length,
  })}\n`,
);
