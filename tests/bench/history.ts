/**
 * History at 10,000 sessions: seeds IndexedDB, then times each History action with the CPU slowed 4×,
 * from the click to the result painted, and takes the main thread's longest task from a Chromium trace.
 */
import type { Browser, Page } from '@playwright/test';
import { newContext } from './browser.ts';
import { settle } from './latency.ts';
import { median, round } from './stats.ts';
import { cpuShare, threadOf, traced } from './trace.ts';
import type { Part } from './trace.ts';

/** One History action measured in one repetition. */
export interface HistorySample {
  /** Click → the result in the DOM → requestAnimationFrame → the next task (the frame with it painted). */
  ms: number;
  /** Click → the result in the DOM. */
  domMs: number;
  /** The longest main-thread task (wall time) from the click until the result was painted. */
  longestUntilShown: number;
  /** The longest main-thread task (wall time) from the click until TAIL_MS after the result: the work the action set off. */
  longest: number;
  /**
   * The same window's largest task in main-thread CPU time (the throttler's 4× included): the work itself,
   * without the time other processes held the CPU. The target is checked on this one.
   */
  longestCpu: number;
  /** Main-thread time (wall) spent in tasks from the click until the result was painted. */
  busyUntilShown: number;
  /** Tasks over 50 ms (what a 'longtask' observer would report) in the whole window. */
  longTasks: number;
  /** The main thread's CPU time over its wall time in those tasks: under 1 when other processes took the CPU. */
  cpuShare: number;
}

export interface HistoryActionSummary {
  action: string;
  ms: { median: number; max: number };
  longest: { median: number; max: number };
  longestUntilShown: { median: number; max: number };
  longestCpu: { median: number; max: number };
  busyUntilShown: { median: number; max: number };
  /** Median of the samples' cpuShare. */
  cpuShare: number;
  /** What the longest task (in CPU time) of the worst repetition spent its time on (wall ms). */
  worst: Part[];
  /** What the main thread did from the click until the result was painted, in the slowest repetition. */
  slowest: Part[];
  samples: HistorySample[];
}

export interface HistorySummary {
  sessions: number;
  reps: number;
  cpuThrottle: number;
  tailMs: number;
  actions: HistoryActionSummary[];
}

/** What ends an action: a number of session rows, or a text in the main element. */
type Until = { rows: number } | { text: string };

interface ActArgs {
  /** Suffix of the user timing marks: afg:click:<mark> and afg:shown:<mark>. */
  mark: string;
  selector: string;
  text?: string;
  until: Until;
  timeoutMs: number;
}

/** Runs in the page: marks the click, clicks, and waits for the result in the DOM and then a painted frame. */
function act({ mark, selector, text, until, timeoutMs }: ActArgs): Promise<number[]> {
  return new Promise((resolve) => {
    const done = () =>
      'rows' in until
        ? document.querySelectorAll('.session-row').length === until.rows
        : (document.querySelector('main')?.textContent ?? '').includes(until.text);
    const el = Array.from(document.querySelectorAll<HTMLElement>(selector)).find(
      (e) => text === undefined || (e.textContent ?? '').trim() === text,
    );
    if (!el) return resolve([-1]);
    let t0 = 0;
    let finished = false;
    const timer = setTimeout(() => {
      if (finished) return;
      finished = true;
      mo.disconnect();
      resolve([-2]);
    }, timeoutMs);
    const mo = new MutationObserver(() => {
      if (finished || !done()) return;
      finished = true;
      mo.disconnect();
      const dom = performance.now() - t0;
      // The frame with the result is painted when the task after its requestAnimationFrame runs.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(timer);
          performance.mark(`afg:shown:${mark}`);
          resolve([dom, performance.now() - t0]);
        };
        channel.port2.postMessage(0);
      });
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    performance.mark(`afg:click:${mark}`);
    t0 = performance.now();
    el.click();
  });
}

/** Replaces whatever the sessions store holds with `n` sessions, newest first a minute apart, in one transaction. */
async function seed(page: Page, n: number): Promise<void> {
  await page.evaluate(async (n) => {
    // No version: the database opens as the app created it, and this connection does not upgrade it.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('activation-field-guide');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('sessions'))
        throw new Error('the app did not create the sessions store');
      const tx = db.transaction('sessions', 'readwrite');
      const store = tx.objectStore('sessions');
      store.clear();
      const now = Date.now();
      for (let i = 0; i < n; i++) {
        const at = now - (i + 1) * 60_000;
        store.put({
          schema: 2,
          id: crypto.randomUUID(),
          code: '0xC004F074',
          flow: 'time-sync',
          state: {
            v: 1,
            trail: [
              { flow: 'time-sync', node: 'start', answer: 'both', at },
              { flow: 'time-sync', node: 'utc-both' },
            ],
          },
          status: 'active',
          startedAt: at - 30_000,
          updatedAt: at,
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('seeding aborted'));
      });
    } finally {
      db.close();
    }
  }, n);
}

// How long after the result the trace goes on, to catch work the action set off (lists read again, counts).
const TAIL_MS = 1500;
const TIMEOUT_MS = 20_000;

/** Seeds `sessions` sessions and measures each History action, `reps` times over. */
export async function measureHistory(
  browser: Browser,
  url: string,
  sessions = 10_000,
  reps = 3,
  cpuThrottle = 4,
): Promise<HistorySummary> {
  const n = sessions;
  const shown = (k: number) => `The newest ${k} of ${(n - 1).toLocaleString('en-US')} sessions`;
  const actions: { action: string; args: Omit<ActArgs, 'timeoutMs' | 'mark'> }[] = [
    {
      action: 'Open History (50 rows)',
      args: { selector: 'header a[href="#/history"]', until: { rows: 50 } },
    },
    {
      action: 'Show 50 more (100 rows)',
      args: { selector: 'button', text: 'Show 50 more', until: { rows: 100 } },
    },
    {
      action: 'Delete one',
      args: { selector: '.session-row button[aria-label^="Delete "]', until: { text: shown(100) } },
    },
    {
      action: 'Delete all sessions (confirm shown)',
      args: { selector: 'button', text: 'Delete all sessions', until: { text: 'cannot be undone' } },
    },
    {
      action: 'Delete all (confirmed)',
      args: { selector: 'button', text: 'Delete all', until: { text: 'No sessions yet' } },
    },
  ];
  const samples: HistorySample[][] = actions.map(() => []);
  const worst: Part[][] = actions.map(() => []);
  const slowest: Part[][] = actions.map(() => []);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    for (let rep = 0; rep < reps; rep++) {
      // Visiting History first makes the app create the database at its version; seeding is not timed.
      await page.goto(`${url}#/history`);
      const ready = () => /No sessions yet|The newest/.test(document.body.textContent ?? '');
      await page.waitForFunction(ready, null, { timeout: 30_000 });
      await seed(page, n);
      await page.goto('about:blank');
      // What the documents before this load left (the 10,000 records made to seed, the last repetition's app) is
      // collected before the app loads: an app opened afresh carries none of it, and its collection landed on a
      // click at random, a task of about 60 ms at 4×. The app's own garbage, from its load on, is all measured.
      const gc = await context.newCDPSession(page);
      await gc.send('HeapProfiler.collectGarbage');
      await gc.detach();
      const results: number[][] = [];
      // One trace from the page load on: V8's sampler then sees every function from its first compile, where
      // starting it later makes the first call of each function slow (it looks for source positions then).
      const events = await traced(browser, page, async () => {
        // A new page load: the app reads the seeded store from scratch, as on opening the app.
        await page.goto(`${url}#/`);
        await page.locator('#code-input').waitFor({ state: 'visible', timeout: 30_000 });
        await page.waitForFunction(() => document.querySelectorAll('.session-row').length > 0, null, {
          timeout: 30_000,
        });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
        try {
          for (const [i, { action, args }] of actions.entries()) {
            // Waits for the page to be idle (at most 1 s), as a person's next click would.
            await settle(page, 1000);
            const r = await page.evaluate(act, { ...args, mark: String(i), timeoutMs: TIMEOUT_MS });
            if (r[0] === -1) throw new Error(`${action}: nothing to click`);
            if (r[0] === -2) throw new Error(`${action}: no result within ${TIMEOUT_MS / 1000} s`);
            results.push(r);
            await page.waitForTimeout(TAIL_MS);
          }
        } finally {
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
          await cdp.detach().catch(() => undefined);
        }
      });
      const main = threadOf(events, (e) => e.name === 'afg:click:0');
      for (const i of actions.keys()) {
        const r = results[i]!;
        const click = main.mark(`afg:click:${i}`);
        const painted = main.mark(`afg:shown:${i}`);
        // Clipped at the click: the task that clicks also ran the probe's set-up before it.
        const until = main.between(click, painted, true);
        const all = main.between(click, painted + TAIL_MS, true);
        const none = { start: click, end: click, dur: 0, cpu: 0 };
        const longestTask = all.reduce((a, b) => (b.dur > a.dur ? b : a), none);
        const longestCpuTask = all.reduce((a, b) => (b.cpu > a.cpu ? b : a), none);
        const sample: HistorySample = {
          ms: round(r[1]!, 1),
          domMs: round(r[0]!, 1),
          longestUntilShown: round(Math.max(0, ...until.map((t) => t.dur)), 1),
          longest: round(longestTask.dur, 1),
          longestCpu: round(longestCpuTask.cpu, 1),
          busyUntilShown: round(
            until.reduce((s, t) => s + t.dur, 0),
            1,
          ),
          longTasks: all.filter((t) => t.dur > 50).length,
          cpuShare: cpuShare(all),
        };
        if (samples[i]!.every((s) => s.longestCpu <= sample.longestCpu))
          worst[i] = main.breakdown(longestCpuTask.start, longestCpuTask.end);
        if (samples[i]!.every((s) => s.ms <= sample.ms)) slowest[i] = main.breakdown(click, painted, 5);
        samples[i]!.push(sample);
      }
    }
  } finally {
    await context.close();
  }
  const stat = (xs: HistorySample[], k: keyof HistorySample) => {
    const v = xs.map((s) => s[k]);
    return { median: round(median(v), 1), max: round(Math.max(...v), 1) };
  };
  return {
    sessions: n,
    reps,
    cpuThrottle,
    tailMs: TAIL_MS,
    actions: actions.map(({ action }, i) => ({
      action,
      ms: stat(samples[i]!, 'ms'),
      longest: stat(samples[i]!, 'longest'),
      longestUntilShown: stat(samples[i]!, 'longestUntilShown'),
      longestCpu: stat(samples[i]!, 'longestCpu'),
      busyUntilShown: stat(samples[i]!, 'busyUntilShown'),
      cpuShare: round(median(samples[i]!.map((s) => s.cpuShare)), 2),
      worst: worst[i]!,
      slowest: slowest[i]!,
      samples: samples[i]!,
    })),
  };
}
