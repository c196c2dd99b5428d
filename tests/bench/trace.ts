/**
 * Main-thread work from a Chromium trace: every task the page's main thread ran (not only the > 50 ms ones
 * a 'longtask' observer reports), and what a task spent its time on (rendering phases, JS by script file).
 */
import type { Browser, Page } from '@playwright/test';
import { median, quantile, round } from './stats.ts';

/** Tasks and rendering phases, user timing marks, and V8's JS samples for attribution. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  /** µs, on one clock for the whole trace. */
  ts: number;
  dur?: number;
  /** Thread time, µs. */
  tdur?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** One main-thread task, in ms on the trace's clock. */
interface Task {
  start: number;
  end: number;
  dur: number;
  /** Thread (CPU) time; the throttler's spinning counts, time another process had the CPU does not. */
  cpu: number;
}

/** Where time went, e.g. { what: 'layout', ms: 40 } or { what: 'session-store.js (Ke)', ms: 120 }. */
export interface Part {
  what: string;
  ms: number;
}

/** Kinds of main-thread work, as DevTools groups them (GC apart from script). */
export type Category = 'script' | 'style' | 'layout' | 'paint' | 'GC' | 'other';

const SCRIPT = new Set([
  'EventDispatch',
  'FunctionCall',
  'EvaluateScript',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'HandlePostMessage',
  'XHRReadyStateChange',
  'XHRLoad',
]);
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const LAYOUT = new Set(['Layout', 'HitTest', 'IntersectionObserverController::computeIntersections']);
const PAINT = new Set([
  'PrePaint',
  'Paint',
  'PaintImage',
  'Layerize',
  'Commit',
  'UpdateLayer',
  'UpdateLayerTree',
  'CompositeLayers',
  'ScrollLayer',
  'Decode Image',
]);

/** The category of a trace event's name, or undefined when it has none of its own. */
function categoryOf(name: string): Category | undefined {
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC)/.test(name)) return 'GC';
  if (SCRIPT.has(name) || /^v8\./i.test(name)) return 'script';
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  return undefined;
}

/** Records a trace of the whole browser around `f` and returns its events. */
export async function traced(browser: Browser, page: Page, f: () => Promise<void>): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let buf: Buffer | undefined;
  try {
    await f();
  } finally {
    buf = await browser.stopTracing();
  }
  return (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** The thread (pid, tid) of the first event that matches: the page's main thread when given a mark or an input event. */
export function threadOf(events: readonly TraceEvent[], match: (e: TraceEvent) => boolean): TraceThread {
  const e = events.find(match);
  if (!e) throw new Error('the trace has no event to find the main thread by');
  return new TraceThread(events, e.pid, e.tid);
}

/** The events of one thread, with its tasks and JS samples. */
export class TraceThread {
  /** In time order; events that start together, the longest (the outer one) first. */
  readonly events: TraceEvent[];
  readonly tasks: Task[];
  private samples: { t: number; ms: number; file: string; fn: string }[] | undefined;

  constructor(
    private readonly all: readonly TraceEvent[],
    readonly pid: number,
    readonly tid: number,
  ) {
    this.events = all
      .filter((e) => e.pid === pid && e.tid === tid)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // RunTask is every task the scheduler ran; nested ones (a nested run loop) are inside their parent,
    // which comes first (events are in time order, the longer first).
    const raw = this.events
      .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
      .map((e) => ({
        start: e.ts / 1000,
        end: (e.ts + e.dur!) / 1000,
        dur: e.dur! / 1000,
        cpu: (e.tdur ?? e.dur!) / 1000,
      }));
    this.tasks = [];
    for (const t of raw) {
      const last = this.tasks[this.tasks.length - 1];
      if (last && t.start < last.end) continue;
      this.tasks.push(t);
    }
  }

  /** The time (ms) of the last user timing mark of that name on this thread. */
  mark(name: string): number {
    const marks = this.events.filter((e) => e.name === name && e.cat?.includes('user_timing'));
    const m = marks[marks.length - 1];
    if (!m) throw new Error(`no "${name}" mark in the trace`);
    return m.ts / 1000;
  }

  /** The task running at time `t` (ms), start and end included; undefined between tasks. */
  taskAt(t: number): Task | undefined {
    return this.tasks.find((task) => task.start <= t && task.end >= t);
  }

  /** Tasks that overlap [from, to) (ms), each clipped to the window when `clip`. */
  between(from: number, to: number, clip = false): Task[] {
    return this.tasks
      .filter((t) => t.end > from && t.start < to)
      .map((t) => {
        if (!clip) return t;
        const start = Math.max(t.start, from);
        const end = Math.min(t.end, to);
        return { start, end, dur: end - start, cpu: t.dur > 0 ? (t.cpu * (end - start)) / t.dur : 0 };
      });
  }

  /**
   * What a window of time went on: rendering phases from the trace, JS time by script file from the samples,
   * and the rest of the tasks' time as other browser work; the largest `top`, in wall time.
   */
  breakdown(from: number, to: number, top = 4): Part[] {
    const parts = new Map<string, number>();
    const add = (what: string, ms: number) => parts.set(what, (parts.get(what) ?? 0) + ms);
    const PHASES: Record<string, string> = {
      Layout: 'layout',
      UpdateLayoutTree: 'style',
      PrePaint: 'paint',
      Paint: 'paint',
      Layerize: 'paint',
      MinorGC: 'GC',
      MajorGC: 'GC',
      ParseHTML: 'parse HTML',
      'v8.compile': 'compile',
    };
    for (const e of this.events) {
      const phase = PHASES[e.name];
      if (!phase || e.ph !== 'X' || e.dur === undefined) continue;
      const start = Math.max(e.ts / 1000, from);
      const end = Math.min((e.ts + e.dur) / 1000, to);
      if (end > start) add(phase, end - start);
    }
    const js = this.jsByFile([[from, to]]);
    for (const [file, { ms }] of js) add(file, ms);
    const label = (what: string) => js.get(what)?.what ?? what;
    // What neither the phases nor the JS samples account for: the browser's own work (IndexedDB, events, …).
    const busy = wallTime(this.between(from, to, true));
    const named = [...parts.values()].reduce((a, b) => a + b, 0);
    if (busy - named >= 1) add('other browser work', busy - named);
    return [...parts]
      .map(([what, ms]) => ({ what: label(what), ms: round(ms, 1) }))
      .filter((p) => p.ms >= 1)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  }

  /**
   * Main-thread CPU time (ms) by kind of work in the tasks that start in [from, to): each trace event's self
   * time (its thread time less its children's) under the category of its name, or of the event it is nested
   * in; a task's own time outside any named event is "other".
   */
  categories(from: number, to: number): Record<Category, number> {
    const out: Record<Category, number> = { script: 0, style: 0, layout: 0, paint: 0, GC: 0, other: 0 };
    // In time order, an outer event before the ones it holds (as this.events are).
    const inWindow = this.events.filter(
      (e) => e.ph === 'X' && e.dur !== undefined && e.ts / 1000 >= from && e.ts / 1000 < to,
    );
    const stack: { end: number; what: Category; self: number }[] = [];
    const pop = () => {
      const top = stack.pop()!;
      out[top.what] += Math.max(0, top.self) / 1000;
    };
    for (const e of inWindow) {
      while (stack.length && e.ts >= stack[stack.length - 1]!.end) pop();
      const parent = stack[stack.length - 1];
      const cpu = e.tdur ?? e.dur!;
      if (parent) parent.self -= cpu;
      // Events with no category of their own (V8's GC phases, tracing's own) count as what they are inside.
      const what = categoryOf(e.name) ?? parent?.what ?? 'other';
      stack.push({ end: e.ts + e.dur!, what, self: cpu });
    }
    while (stack.length) pop();
    return out;
  }

  /** JS time (ms, from V8's samples) by script file in several windows, the function with most samples named. */
  scripts(windows: readonly (readonly [number, number])[], top = 5): Part[] {
    return [...this.jsByFile(windows).values()]
      .map(({ what, ms }) => ({ what, ms: round(ms, 1) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  }

  /**
   * JS time (ms, unrounded) by script file in the windows, from V8's samples; `what` names the file with the
   * function that took most of its samples (names are minified).
   */
  private jsByFile(windows: readonly (readonly [number, number])[]): Map<string, Part> {
    const byFile = new Map<string, { ms: number; fns: Map<string, number> }>();
    const samples = this.jsSamples();
    for (const [from, to] of windows)
      for (const s of samples) {
        if (s.t < from || s.t >= to) continue;
        const slot = byFile.get(s.file) ?? { ms: 0, fns: new Map<string, number>() };
        slot.ms += s.ms;
        slot.fns.set(s.fn, (slot.fns.get(s.fn) ?? 0) + s.ms);
        byFile.set(s.file, slot);
      }
    const out = new Map<string, Part>();
    for (const [file, { ms, fns }] of byFile) {
      const [fn] = [...fns].sort((a, b) => b[1] - a[1])[0]!;
      out.set(file, { what: fn ? `${file} (mostly ${fn})` : file, ms });
    }
    return out;
  }

  /** JS samples of this thread's isolate: time (ms) and the script file (and function) of the nearest frame with a URL. */
  private jsSamples(): { t: number; ms: number; file: string; fn: string }[] {
    if (this.samples) return this.samples;
    this.samples = [];
    const profile = this.all.find((e) => e.name === 'Profile' && e.pid === this.pid && e.tid === this.tid);
    if (!profile) return this.samples;
    interface Node {
      parent?: number;
      callFrame: { functionName: string; url?: string };
    }
    const nodes = new Map<number, Node>();
    let t = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts);
    for (const e of this.all) {
      if (e.name !== 'ProfileChunk' || e.id !== profile.id || e.pid !== this.pid) continue;
      const data = e.args?.data as
        | { cpuProfile?: { nodes?: (Node & { id: number })[]; samples?: number[] }; timeDeltas?: number[] }
        | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      ids.forEach((id, i) => {
        t += deltas[i] ?? 0;
        const where = attribute(nodes, id);
        // A sample stands for the time until the next one (at most 5 ms: a gap is time not sampled).
        const next = Math.min(5000, Math.max(0, deltas[i + 1] ?? 0));
        if (where) this.samples!.push({ t: t / 1000, ms: next / 1000, ...where });
      });
    }
    return this.samples;
  }
}

/** The script (hash taken out) and function of the nearest frame with a URL; undefined for idle, GC and native work. */
function attribute(
  nodes: Map<number, { parent?: number; callFrame: { functionName: string; url?: string } }>,
  id: number,
): { file: string; fn: string } | undefined {
  const leaf = nodes.get(id);
  if (!leaf || /^\((idle|program|root|garbage collector)\)$/.test(leaf.callFrame.functionName))
    return undefined;
  for (let n = leaf; n; n = nodes.get(n.parent ?? -1)!) {
    const url = n.callFrame.url;
    if (!url) continue;
    // Playwright's own injected scripts have no http URL: they are the probe, not the app.
    if (!/^https?:/.test(url)) return { file: 'bench probe', fn: '' };
    const file = url
      .replace(/[?#].*$/, '')
      .replace(/^.*\//, '')
      .replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, '$1');
    return { file, fn: n.callFrame.functionName };
  }
  return { file: 'JS (no script)', fn: '' };
}

/** Σ CPU time / Σ wall time of tasks (2 decimals): near 1 when the main thread had a CPU whenever it had work. */
export function cpuShare(tasks: readonly Task[]): number {
  const wall = wallTime(tasks);
  return wall > 0 ? round(cpuTime(tasks) / wall, 2) : 1;
}

/** Σ CPU (thread) time of tasks, ms. */
export function cpuTime(tasks: readonly Task[]): number {
  return tasks.reduce((s, t) => s + t.cpu, 0);
}

/** Σ wall time of tasks, ms. */
export function wallTime(tasks: readonly Task[]): number {
  return tasks.reduce((s, t) => s + t.dur, 0);
}

/** Main-thread work in a series of windows of time (a step, a keystroke), each window's tasks summed; ms to 0.1. */
export interface WorkStats {
  /** CPU (thread) time per window, the throttler's spinning included: the targets are checked on these. */
  median: number;
  p95: number;
  max: number;
  /** The same tasks' wall time: more when other processes held the CPU. */
  wallMedian: number;
  wallP95: number;
  /** Median of each window's CPU / wall (2 decimals): under 1 when the main thread waited for a CPU. */
  cpuShare: number;
  /** Each window's CPU time, in order. */
  samples: number[];
}

/** The work figures of some windows, from each window's tasks (clipped to it: see TraceThread.between). */
export function workStats(perWindow: readonly (readonly Task[])[]): WorkStats {
  const cpu = perWindow.map(cpuTime);
  const wall = perWindow.map(wallTime);
  return {
    median: round(median(cpu), 1),
    p95: round(quantile(cpu, 0.95), 1),
    max: round(Math.max(...cpu), 1),
    wallMedian: round(median(wall), 1),
    wallP95: round(quantile(wall, 0.95), 1),
    cpuShare: round(median(perWindow.map(cpuShare)), 2),
    samples: cpu.map((v) => round(v, 1)),
  };
}
