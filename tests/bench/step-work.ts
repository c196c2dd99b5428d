/**
 * Step latency as main-thread work: the same walk as latency.ts, but each step is a real tap (mouse events
 * sent by CDP) in a Chromium trace with the CPU slowed 4×, and a step costs the CPU time of every main-thread
 * task from the one that handles the tap's pointerdown to the one that paints the new question.
 */
import type { Browser, Page } from '@playwright/test';
import { newContext } from './browser.ts';
import { byKind, settle, walk } from './latency.ts';
import type { Act, ProbeArgs, Walker } from './latency.ts';
import { median, quantile, round } from './stats.ts';
import { cpuTime, threadOf, traced, wallTime, workStats } from './trace.ts';
import type { Category, Part, TraceEvent, TraceThread, WorkStats } from './trace.ts';

/**
 * The traced steps. The work figures are main-thread time per step (ms, the throttler's 4× included): every
 * task from the one that handled the tap's pointerdown to the one that painted the new question.
 */
export interface StepWorkSummary extends WorkStats {
  steps: number;
  warmup: number;
  failures: number;
  cpuThrottle: number;
  /** Median number of main-thread tasks in a step. */
  tasksMedian: number;
  /** Mean CPU ms per step by kind of work, largest first; `share` of the total (0..1). */
  byCategory: { what: Category; ms: number; share: number }[];
  /** Mean JS ms per step by script file, from V8's samples (wall time, the sampler's cost included). */
  scripts: Part[];
  /** What the costliest step went on. */
  worst: Part[];
  byKind: Record<string, { median: number; p95: number; count: number }>;
  /** Each step's kind and wall time, in the order of `samples`: what lets rounds be merged. */
  kinds: string[];
  wallSamples: number[];
}

interface ArmArgs extends ProbeArgs {
  mark: string;
}

interface Armed {
  __afgStep?: (mark: string) => void;
  __afgDisarm?: () => void;
  __afgTarget?: HTMLElement;
}

/**
 * Runs in the page: finds the target as the probe does (for a form, its submit button), brings it to the
 * middle of the view and marks the question's change, the frame after it, and, after that frame, tells the
 * bench through its binding. Returns [1], or [-1] when there is no target.
 */
function arm({ sig, selector, text, index, submit, mark }: ArmArgs): number[] {
  const read = () =>
    sig === 'app'
      ? (document.querySelector('#step-question')?.textContent ?? '')
      : Array.from(document.querySelectorAll('.sd-body__page [data-name]'), (e) =>
          e.getAttribute('data-name'),
        ).join(',');
  let candidates = Array.from(document.querySelectorAll<HTMLElement>(selector));
  if (text !== undefined) {
    const re = new RegExp(text, 'i');
    candidates = candidates.filter(
      (e) => re.test((e.textContent ?? '').trim()) && !e.hasAttribute('disabled'),
    );
  }
  let el: HTMLElement | null | undefined = candidates[index];
  if (el && submit) el = (el as HTMLInputElement).form?.querySelector<HTMLElement>('[type="submit"]');
  if (!el) return [-1];
  el.scrollIntoView({ block: 'center' });
  const before = read();
  const w = window as unknown as Armed;
  const mo = new MutationObserver(() => {
    if (read() === before) return;
    mo.disconnect();
    performance.mark(`afg:changed:${mark}`);
    requestAnimationFrame(() => {
      performance.mark(`afg:frame:${mark}`);
      // The task after the frame: the bench hears of it once the frame is painted, outside the step's window.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => w.__afgStep?.(mark);
      channel.port2.postMessage(0);
    });
  });
  mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  w.__afgTarget = el;
  w.__afgDisarm = () => mo.disconnect();
  performance.mark(`afg:arm:${mark}`);
  return [1];
}

/** Runs in the page: the armed target's centre, and 1 when a tap there lands on it (0 when something covers it). */
function where(): number[] {
  const el = (window as unknown as Armed).__afgTarget;
  if (!el) return [-1, -1, 0];
  const box = el.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  const hit = document.elementFromPoint(x, y);
  return [x, y, hit && el.contains(hit) ? 1 : 0];
}

/** An act that taps the target with real mouse events; returns [its step number] or [-1] / [-2] as the probe. */
function tapAct(): { act: Act; heard: (mark: string) => void } {
  let n = 0;
  let waiting: { mark: string; resolve: () => void } | undefined;
  const disarm = (page: Page) => page.evaluate(() => (window as unknown as Armed).__afgDisarm?.());
  const act: Act = async (page: Page, target: ProbeArgs) => {
    const mark = String(n++);
    if ((await page.evaluate(arm, { ...target, mark }))[0] === -1) return [-1];
    // The pointer rests on the target first (hover styles settled, as under a finger), where the target
    // stays once the page is idle: a step may scroll to its heading after it is painted.
    let [x, y, hit] = (await page.evaluate(where)) as [number, number, number];
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(x, y);
      await settle(page);
      const [x2, y2, hit2] = (await page.evaluate(where)) as [number, number, number];
      const still = x2 === x && y2 === y;
      [x, y, hit] = [x2, y2, hit2];
      if (still) break;
    }
    if (!hit) {
      await disarm(page);
      return [-1];
    }
    let timer: NodeJS.Timeout | undefined;
    const painted = new Promise<boolean>((resolve) => {
      waiting = { mark, resolve: () => resolve(true) };
      timer = setTimeout(() => resolve(false), target.timeoutMs);
    });
    await page.mouse.click(x, y);
    const ok = await painted;
    clearTimeout(timer);
    waiting = undefined;
    if (ok) return [Number(mark)];
    await disarm(page);
    return [-2];
  };
  return { act, heard: (mark) => (waiting?.mark === mark ? waiting.resolve() : undefined) };
}

/** The first event of a name on the thread at or after `t` (ms). */
function firstAfter(main: TraceThread, t: number, match: (e: TraceEvent) => boolean): TraceEvent | undefined {
  return main.events.find((e) => e.ts / 1000 >= t && match(e));
}

/** The window of one step: from the start of the task that handled its pointerdown to the end of the task that painted the change. */
function stepWindow(main: TraceThread, mark: string): [number, number] {
  const armed = main.mark(`afg:arm:${mark}`);
  const down = firstAfter(
    main,
    armed,
    (e) =>
      e.name === 'EventDispatch' &&
      ['pointerdown', 'mousedown'].includes((e.args?.data as { type?: string } | undefined)?.type ?? ''),
  );
  if (!down) throw new Error(`step ${mark}: no pointerdown in the trace`);
  const changed = main.mark(`afg:changed:${mark}`);
  // The first paint after the change shows it; when the trace has none, the frame the probe waited for.
  const paint = firstAfter(main, changed, (e) => e.name === 'Paint' && e.ph === 'X');
  const end = paint ? paint.ts / 1000 : main.mark(`afg:frame:${mark}`);
  const from = main.taskAt(down.ts / 1000)?.start ?? down.ts / 1000;
  const to = main.taskAt(end)?.end ?? end;
  return [from, to];
}

/** Walks the flow with real taps in a trace and returns each step's main-thread work. */
export async function measureStepWork(
  browser: Browser,
  walker: Walker,
  steps: number,
  warmup = 5,
  cpuThrottle = 4,
): Promise<StepWorkSummary> {
  // No service worker: its one-time install and its "Ready to work offline" notice (over the lower answers)
  // are not part of a step.
  const context = await newContext(browser, { serviceWorkers: 'block' });
  try {
    const { act, heard } = tapAct();
    await context.exposeBinding('__afgStep', (_source, mark: string) => heard(mark));
    const page = await context.newPage();
    let walked: Awaited<ReturnType<typeof walk>> | undefined;
    // Traced from the page load on: V8's sampler then sees each function from its first compile.
    const events = await traced(browser, page, async () => {
      await walker.open(page);
      const cdp = await context.newCDPSession(page);
      try {
        walked = await walk(page, cdp, walker, act, steps, warmup, cpuThrottle);
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    });
    const { kept, failures } = walked!;
    const main = threadOf(events, (e) => e.name === `afg:arm:${kept[0]!.r[0]}`);
    const windows = kept.map((t) => stepWindow(main, String(t.r[0])));
    const tasks = windows.map(([from, to]) => main.between(from, to, true));
    const cpu = tasks.map(cpuTime);
    const total: Record<Category, number> = { script: 0, style: 0, layout: 0, paint: 0, GC: 0, other: 0 };
    for (const [from, to] of windows)
      for (const [k, v] of Object.entries(main.categories(from, to))) total[k as Category] += v;
    const all = Object.values(total).reduce((a, b) => a + b, 0);
    const [wFrom, wTo] = windows[cpu.indexOf(Math.max(...cpu))]!;
    const { samples, ...stats } = workStats(tasks);
    return {
      steps: kept.length,
      warmup,
      failures,
      cpuThrottle,
      ...stats,
      tasksMedian: median(tasks.map((ts) => ts.length)),
      byCategory: (Object.entries(total) as [Category, number][])
        .map(([what, ms]) => ({
          what,
          ms: round(ms / kept.length, 1),
          share: all > 0 ? round(ms / all, 2) : 0,
        }))
        .sort((a, b) => b.ms - a.ms),
      scripts: main.scripts(windows).map((p) => ({ what: p.what, ms: round(p.ms / kept.length, 1) })),
      worst: main.breakdown(wFrom, wTo, 5),
      byKind: byKind(kept, cpu),
      samples,
      kinds: kept.map((t) => t.kind),
      wallSamples: tasks.map((ts) => round(wallTime(ts), 1)),
    };
  } finally {
    await context.close();
  }
}

/**
 * One summary of a page's walk made in rounds (between the other pages' rounds, so that a machine getting
 * busier or quieter moves every page alike): steps pooled, kinds of work and scripts weighted by steps.
 */
export function mergeStepWork(rounds: readonly StepWorkSummary[]): StepWorkSummary {
  const [first] = rounds;
  if (!first) throw new Error('no rounds to merge');
  if (rounds.length === 1) return first;
  const samples = rounds.flatMap((r) => r.samples);
  const wall = rounds.flatMap((r) => r.wallSamples);
  const kinds = rounds.flatMap((r) => r.kinds);
  const steps = samples.length;
  const weighted = (parts: (r: StepWorkSummary) => readonly { what: string; ms: number }[]) => {
    const total = new Map<string, number>();
    for (const r of rounds)
      for (const p of parts(r)) {
        // A script's "(mostly f)" note can differ between rounds: the file is what is pooled.
        const what = p.what.replace(/ \(mostly [^)]*\)$/, '');
        total.set(what, (total.get(what) ?? 0) + p.ms * r.steps);
      }
    return [...total.entries()]
      .map(([what, ms]) => ({ what, ms: round(ms / steps, 1) }))
      .sort((a, b) => b.ms - a.ms);
  };
  const categories = weighted((r) => r.byCategory);
  const all = categories.reduce((a, c) => a + c.ms, 0);
  const worst = rounds.reduce((a, b) => (b.max > a.max ? b : a));
  return {
    steps,
    warmup: first.warmup,
    failures: rounds.reduce((a, r) => a + r.failures, 0),
    cpuThrottle: first.cpuThrottle,
    median: round(median(samples), 1),
    p95: round(quantile(samples, 0.95), 1),
    max: round(Math.max(...samples), 1),
    wallMedian: round(median(wall), 1),
    wallP95: round(quantile(wall, 0.95), 1),
    cpuShare: round(median(rounds.map((r) => r.cpuShare)), 2),
    tasksMedian: median(rounds.map((r) => r.tasksMedian)),
    byCategory: categories.map((c) => ({
      what: c.what as Category,
      ms: c.ms,
      share: all > 0 ? round(c.ms / all, 2) : 0,
    })),
    scripts: weighted((r) => r.scripts).slice(0, 5),
    worst: worst.worst,
    byKind: byKind(
      kinds.map((kind) => ({ kind, r: [] })),
      samples,
    ),
    samples,
    kinds,
    wallSamples: wall,
  };
}
