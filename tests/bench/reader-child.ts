/**
 * One output-reader measurement in its own process (run with node --expose-gc --import tsx):
 * `<bytes>` builds pasted texts of that size from the console samples, times readConsole on them, then reads
 * the first once more with V8's GC trace on (the parent takes the heap before each collection from it) and prints one
 * final JSON line.
 */
import v8 from 'node:v8';
import { consoleText, sampleSet } from './reader-bench.ts';
import { median } from './stats.ts';

const size = Number(process.argv[2]);
if (!Number.isFinite(size) || size <= 0) throw new Error(`not a size: ${process.argv[2]}`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const { readConsole } = await import('../../src/console/reader.ts');

// Every size reads the same mix: texts that start at samples spread over the whole set, as many as it takes
// for them to go through the set once (1 MB goes through it several times in one text). A 1 KB text is one
// sample's first lines; read alone, its cost per KB would be that sample's, not the reader's.
const set = sampleSet();
const windows = Math.min(set.count, Math.max(1, Math.round(set.bytes / size)));
const texts = Array.from({ length: windows }, (_, k) =>
  consoleText(size, undefined, Math.floor((k * set.count) / windows)),
);
const text = texts[0]!;
const readAll = () => {
  for (const t of texts) readConsole(t);
};
/** Milliseconds for one text, on average over the windows. */
const once = (): number => {
  const t0 = performance.now();
  readAll();
  return (performance.now() - t0) / windows;
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
  for (let i = 0; i < batch; i++) readAll();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  total += ms;
  wall.push(ms / batch / windows);
  cpu.push((c.user + c.system) / 1000 / batch / windows);
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
    // The windows' average: what one read of the size took.
    bytes: Math.round(texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / windows),
    chars: Math.round(texts.reduce((n, t) => n + t.length, 0) / windows),
    lines: Math.round(texts.reduce((n, t) => n + t.split('\n').length, 0) / windows),
    windows,
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
