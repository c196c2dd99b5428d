/**
 * One scale measurement in its own process (run with node --expose-gc --import tsx):
 * `check <file>` runs the checker on a generated flow, `engine <file>` walks it to the end.
 * Prints progress lines, V8's GC trace during the run (the parent reads the heap size before each
 * collection from it: the peak of a synchronous call that cannot be sampled) and one final JSON line.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import type { Answer, EngineState, FlowMap } from '../../src/flow/engine.ts';
import type { Flow } from '../../src/flow-format/schema.ts';

const [mode, file] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const { checkAll } = await import('../../src/flow-format/check.ts');
const { answer, current, start } = await import('../../src/flow/engine.ts');
const data = JSON.parse(readFileSync(file!, 'utf8')) as Flow;
const size = data.nodes.length;
gc();
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
const sample = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
};

v8.setFlagsFromString('--trace-gc');
const t0 = performance.now();
const ENGINE_STEPS = 1000;
let steps = 0;
let problems = 0;
let status = '';
if (mode === 'check') {
  problems = checkAll([{ path: 'flows/scale.json', data }]).problems.length;
  sample();
} else if (mode === 'engine') {
  const flows: FlowMap = { scale: data };
  const first = start(flows, 'scale');
  if (!first.ok) throw new Error(first.error.message);
  let state: EngineState = first.value;
  // A fixed number of answers on every size: the cost of a step must not grow with the flow.
  const limit = Math.min(size, ENGINE_STEPS);
  for (; steps < limit;) {
    const cur = current(flows, state);
    if (!cur.ok) throw new Error(cur.error.message);
    status = cur.value.status;
    if (status !== 'active') break;
    const kind = cur.value.node.kind;
    const given: Answer = kind === 'choice' ? 'a' : kind === 'number' ? 5 : 'yes';
    const next = answer(flows, state, given);
    if (!next.ok) throw new Error(next.error.message);
    state = next.value;
    steps++;
    if (steps % 128 === 0) sample();
    if (steps % 1000 === 0) print({ progress: steps, ms: performance.now() - t0 });
  }
  sample();
  if (steps < limit && status !== 'escalated')
    throw new Error(`the walk ended ${status || 'nowhere'} after ${steps} steps`);
} else throw new Error(`unknown mode ${mode}`);
const ms = performance.now() - t0;
v8.setFlagsFromString('--no-trace-gc');

print({
  done: true,
  mode,
  size,
  ms,
  steps,
  problems,
  heapBaseBytes: before.heapUsed,
  heapSampledPeakBytes: peakHeap,
});
