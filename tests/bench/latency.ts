/** Step latency: from an answer's click to the next step painted, in Chromium with the CPU slowed 4×. */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { newContext } from './browser.ts';
import { median, quantile, round } from './stats.ts';

export interface LatencySummary {
  /** Click → question changed → two requestAnimationFrame callbacks (the metric the targets use). */
  median: number;
  p95: number;
  /** Click → question changed → requestAnimationFrame → the next task (right after that frame's paint). */
  afterPaintMedian: number;
  afterPaintP95: number;
  /** Click → question changed in the DOM (no frame). */
  domMedian: number;
  domP95: number;
  steps: number;
  warmup: number;
  failures: number;
  cpuThrottle: number;
  samples: number[];
  /** The same figure per kind of step answered. */
  byKind: Record<string, { median: number; p95: number; count: number }>;
}

/** What a timed step clicks (or whose form it submits), and how the page tells that the question changed. */
export interface ProbeArgs {
  sig: 'app' | 'peer';
  selector: string;
  text?: string;
  index: number;
  submit: boolean;
  timeoutMs: number;
}

/**
 * One timed transition: [dom, afterPaint, doubleRaf] in ms for the probe (for a traced tap: [its step number]),
 * or [-1] when the target is missing, [-2] on timeout.
 */
export type ProbeResult = number[];

/** One step taken: the kind of question answered and what the act returned. */
export interface Timed {
  kind: string;
  r: ProbeResult;
}

/** Takes one timed step on a target: clicks it (or submits its form) and returns when the new question is painted. */
export type Act = (page: Page, target: ProbeArgs) => Promise<ProbeResult>;

/** Runs in the page: clicks (or submits) an element and times the question change until it is painted. */
function probe({ sig, selector, text, index, submit, timeoutMs }: ProbeArgs): Promise<ProbeResult> {
  return new Promise((resolve) => {
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
    const el = candidates[index];
    if (!el) {
      resolve([-1]);
      return;
    }
    const before = read();
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      mo.disconnect();
      resolve([-2]);
    }, timeoutMs);
    const mo = new MutationObserver(() => {
      if (done || read() === before) return;
      done = true;
      mo.disconnect();
      const dom = performance.now() - t0;
      let afterPaint = NaN;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          afterPaint = performance.now() - t0;
        };
        channel.port2.postMessage(0);
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve([dom, afterPaint, performance.now() - t0]);
        });
      });
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    t0 = performance.now();
    if (submit) (el as HTMLInputElement).form?.requestSubmit();
    else el.click();
  });
}

/**
 * Waits for two animation frames and then for the page to be idle (at most `idleMs`), as it is when a person
 * reads a step.
 */
export async function settle(page: Page, idleMs = 500): Promise<void> {
  await page.evaluate(
    (timeout) =>
      new Promise<void>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => r(), { timeout }))),
      ),
    idleMs,
  );
}

/** The in-page probe: once the page is idle, a click in the page timed to two frames after the question changed. */
export const probeAct: Act = async (page, target) => {
  await settle(page);
  return page.evaluate(probe, target);
};

export interface Walker {
  /** Opens the page at the start of the flow. */
  open(page: Page): Promise<void>;
  /** Takes the next measured step with `act`; returns its kind and timing, or 'end' when the walk must start over. */
  step(page: Page, cycle: number, depth: number, act: Act): Promise<Timed | 'end'>;
  /** Goes back to the start of the flow (not measured). */
  restart(page: Page): Promise<void>;
}

const TIMEOUT = 4000;

/** Walks an app flow by whatever each step asks: choices, yes/no (also actions), numbers; starts over at outcomes. */
export function appWalker(url: string, flowId: string): Walker {
  return {
    async open(page) {
      await page.goto(`${url}#/flow/${flowId}`);
      await page.locator('#step-question').waitFor({ state: 'visible', timeout: 30_000 });
    },
    async step(page, cycle, depth, act) {
      const kind = await page.evaluate(() => {
        if (document.querySelector('.choices button')) return 'choice';
        if (document.querySelector('[data-key="y"]')) return 'yesno';
        if (document.querySelector('#number-answer')) return 'number';
        return 'end';
      });
      const base = { sig: 'app' as const, submit: false, timeoutMs: TIMEOUT };
      if (kind === 'choice') {
        const n = await page.locator('.choices button').count();
        const r = await act(page, { ...base, selector: '.choices button', index: (cycle + depth) % n });
        return { kind, r };
      }
      if (kind === 'yesno') {
        const key = (cycle >> depth) & 1 ? 'n' : 'y';
        return { kind, r: await act(page, { ...base, selector: `[data-key="${key}"]`, index: 0 }) };
      }
      if (kind === 'number') {
        await page.fill('#number-answer', String([30, 3, 12][cycle % 3]));
        return { kind, r: await act(page, { ...base, selector: '#number-answer', index: 0, submit: true }) };
      }
      return 'end';
    },
    async restart(page) {
      const base = { sig: 'app' as const, selector: 'button', index: 0, submit: false, timeoutMs: TIMEOUT };
      const restarted = await page.evaluate(probe, { ...base, text: '^start over$' });
      if (restarted[0] === -2) throw new Error('Start over did not change the step');
      if (restarted[0] !== -1) return;
      // No enabled Start over: go Back until Back is disabled (the first step).
      for (let i = 0; i < 50; i++) {
        const r = await page.evaluate(probe, { ...base, text: '^back$' });
        if (r[0] === -1) return;
        if (r[0] === -2) throw new Error('Back did not change the step');
      }
    },
  };
}

/** Walks the SurveyJS peer: role (alternating), "slmgr /dli ran" = yes, a count; Previous back to the start. */
export function peerWalker(url: string): Walker {
  const next = {
    sig: 'peer' as const,
    selector: '.sd-navigation__next-btn',
    index: 0,
    submit: false,
    timeoutMs: TIMEOUT,
  };
  return {
    async open(page) {
      await page.goto(url);
      await page.locator('.sd-navigation__next-btn').waitFor({ state: 'visible', timeout: 30_000 });
    },
    async step(page, cycle, depth, act) {
      if (depth > 2) return 'end';
      // The answer is picked in the page (not measured); the Next click that follows is.
      await page.evaluate(
        ({ depth, cycle }) => {
          const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('.sd-body__page input'));
          if (depth === 0) inputs[cycle % 2]?.click();
          else if (depth === 1) inputs.find((i) => i.value === 'true')?.click();
          else {
            const input = inputs[0];
            if (!input) return;
            input.value = String([30, 3, 12][cycle % 3]);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
          }
        },
        { depth, cycle },
      );
      await page.waitForSelector('.sd-navigation__next-btn', { state: 'visible', timeout: TIMEOUT });
      return { kind: ['choice', 'yesno', 'number'][depth]!, r: await act(page, next) };
    },
    async restart(page) {
      const prev = { ...next, selector: '.sd-navigation__prev-btn' };
      for (let i = 0; i < 10; i++) {
        const r = await page.evaluate(probe, prev);
        if (r[0] === -1) return;
        if (r[0] === -2) throw new Error('Previous did not change the page');
      }
    },
  };
}

/**
 * Walks the flow again and again with `act` until `steps` steps (after `warmup` more) changed the question,
 * the CPU slowed `cpuThrottle`× except while going back to the start.
 */
export async function walk(
  page: Page,
  cdp: CDPSession,
  walker: Walker,
  act: Act,
  steps: number,
  warmup: number,
  cpuThrottle: number,
): Promise<{ kept: Timed[]; failures: number }> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  const results: Timed[] = [];
  let failures = 0;
  const maxIterations = (steps + warmup) * 6;
  let cycle = 0;
  let depth = 0;
  for (let i = 0; i < maxIterations && results.length < steps + warmup; i++) {
    const t = await walker.step(page, cycle, depth, act);
    const r = t === 'end' ? undefined : t.r;
    if (!r || r[0]! < 0 || depth > 40) {
      if (r && r[0]! < 0 && ++failures > 20)
        throw new Error(
          `${failures} steps did not change the question (last: ${r[0] === -1 ? 'no target' : 'timeout'})`,
        );
      // Going back is not measured: done at full speed to keep the run short.
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await walker.restart(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
      cycle++;
      depth = 0;
      continue;
    }
    if (t !== 'end') results.push(t);
    depth++;
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (results.length < steps + warmup) throw new Error(`only ${results.length} steps measured`);
  return { kept: results.slice(warmup), failures };
}

/** Times `steps` answered steps (after `warmup` more) with the in-page probe, walking the flow again and again. */
export async function measureLatency(
  browser: Browser,
  walker: Walker,
  steps: number,
  warmup = 5,
  cpuThrottle = 4,
): Promise<LatencySummary> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await walker.open(page);
    const cdp = await context.newCDPSession(page);
    const { kept, failures } = await walk(page, cdp, walker, probeAct, steps, warmup, cpuThrottle);
    const col = (i: number) => kept.map((t) => t.r[i] ?? NaN);
    const [dom, afterPaint, doubleRaf] = [col(0), col(1), col(2)];
    return {
      median: median(doubleRaf),
      p95: quantile(doubleRaf, 0.95),
      afterPaintMedian: median(afterPaint),
      afterPaintP95: quantile(afterPaint, 0.95),
      domMedian: median(dom),
      domP95: quantile(dom, 0.95),
      steps: kept.length,
      warmup,
      failures,
      cpuThrottle,
      samples: doubleRaf.map((v) => round(v, 2)),
      byKind: byKind(kept, doubleRaf),
    };
  } finally {
    await context.close();
  }
}

/** Median and p95 of a figure per kind of step; `values` are in the order of `steps`. */
export function byKind(
  steps: readonly Timed[],
  values: readonly number[],
): Record<string, { median: number; p95: number; count: number }> {
  return Object.fromEntries(
    [...new Set(steps.map((t) => t.kind))].map((kind) => {
      const xs = values.filter((_, i) => steps[i]!.kind === kind);
      return [kind, { median: median(xs), p95: quantile(xs, 0.95), count: xs.length }];
    }),
  );
}
