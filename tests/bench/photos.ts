/**
 * Photos of the screen: over the whole set of tests/photos (every output, clean and as a phone's photo),
 * the facts read from each picture against those read from the output's text, by condition; and, in
 * Chromium with the CPU slowed 4×, the time from choosing a picture to its lines on screen in the built app,
 * with what is left running and held after.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { Worker } from 'tesseract.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConsole } from '../../src/console/reader.ts';
import { PHOTOS, consoleText, factsOf, languagesOf, readPhoto, recognizer, score } from '../photos/read.ts';
import { PHOTO_SET } from '../photos/set.ts';
import type { PhotoItem } from '../photos/set.ts';
import { newContext } from './browser.ts';
import { settle } from './latency.ts';
import { round } from './stats.ts';

/** One picture's facts against the text's. */
export interface PhotoScore {
  image: string;
  condition: string;
  facts: number;
  right: number;
  wrong: { fact: string; expected: string; got: string; doubtful: boolean }[];
  /** Facts read whose recognized line is not among the lines shown: must be none. */
  unshown: number;
  /** Recognition in Node at full speed (ms), for the record; the 4× figure is the browser's. */
  nodeMs: number;
}

/** Facts per condition: look, language and distortion. */
export interface PhotoCondition {
  condition: string;
  images: number;
  facts: number;
  right: number;
  wrong: number;
  /** Wrong facts on a line not marked to check. */
  wrongUnmarked: number;
}

/** One picture read in the app with the CPU slowed. */
export interface PhotoTiming {
  image: string;
  language: 'en' | 'ru';
  /** The tap on Choose an image to the lines on screen, each read: the first starts the recognizer (its files from the HTTP cache), the next ones find it running. */
  ms: number[];
  /** The share of the time the renderer ran while throttled (1/cpu when the throttle held). */
  cpuShare: number;
  /** Recognizer workers still running once the reader is closed (leaving for Home). */
  workersAfter: number;
  /** The page's JavaScript heap after the reads and a collection, against before them (MB). */
  heapAfterMb: number;
  heapBeforeMb: number;
  /** The heap after each read, its lines put away, after a collection (MB): what stays for good is loaded once. */
  heapAfterEachMb: number[];
}

export interface PhotosSummary {
  images: number;
  cpuThrottle: number;
  scores: PhotoScore[];
  conditions: PhotoCondition[];
  timings: PhotoTiming[];
}

/** The condition an item is counted under: "cmd en clean", "dialog ru photo". */
export const conditionOf = (p: PhotoItem): string =>
  `${p.look} ${languagesOf(p.source) === 'eng' ? 'en' : 'ru'} ${p.distortion}`;

/** Every picture of the set read in Node and scored against its text. */
export async function scorePhotos(): Promise<{ scores: PhotoScore[]; conditions: PhotoCondition[] }> {
  const workers = new Map<string, Worker>();
  const scores: PhotoScore[] = [];
  try {
    for (const item of PHOTO_SET) {
      const langs = languagesOf(item.source);
      if (!workers.has(langs)) workers.set(langs, await recognizer(langs));
      const t0 = performance.now();
      const { lines, read } = await readPhoto(workers.get(langs)!, item.image);
      const nodeMs = performance.now() - t0;
      const s = score(factsOf(readConsole(consoleText(item.source))), factsOf(read));
      const lineOf = (fact: string) => {
        const [kindN, key] = fact.split('.') as [string, string];
        const [kind, n] = kindN.split('#') as [string, string];
        const section = read.sections.filter((x) => x.kind === kind)[Number(n)];
        return section?.lines[key as keyof typeof section.lines] as string | undefined;
      };
      const shownAs = (from: string | undefined) =>
        from === undefined ? undefined : lines.find((l) => l.text.trim() === from || l.text.includes(from));
      let unshown = 0;
      for (const s2 of read.sections)
        for (const from of Object.values(s2.lines)) if (from && !shownAs(from)) unshown++;
      scores.push({
        image: item.image,
        condition: conditionOf(item),
        facts: s.total,
        right: s.right.length,
        wrong: s.wrong.map((w) => ({ ...w, doubtful: shownAs(lineOf(w.fact))?.doubtful ?? false })),
        unshown,
        nodeMs: round(nodeMs),
      });
    }
  } finally {
    for (const w of workers.values()) await w.terminate();
  }
  const conditions = new Map<string, PhotoCondition>();
  for (const s of scores) {
    const c = conditions.get(s.condition) ?? {
      condition: s.condition,
      images: 0,
      facts: 0,
      right: 0,
      wrong: 0,
      wrongUnmarked: 0,
    };
    c.images++;
    c.facts += s.facts;
    c.right += s.right;
    c.wrong += s.wrong.length;
    c.wrongUnmarked += s.wrong.filter((w) => !w.doubtful).length;
    conditions.set(s.condition, c);
  }
  return { scores, conditions: [...conditions.values()] };
}

// The pictures timed in the app: a console photo and a dialog photo in English, a console photo in Russian.
const TIMED: readonly { image: string; language: 'en' | 'ru' }[] = [
  { image: 'nslookup-srv-vlmcs-success-en-1-cmd-photo.jpg', language: 'en' },
  { image: 'slmgr-ato-error-0xc004f074-en-1-dialog-photo.jpg', language: 'en' },
  { image: 'ipconfig-all-domain-ru-1-cmd-photo.jpg', language: 'ru' },
];
const READS = 2;

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return round(usedSize / 1048576, 1);
}

async function readOnce(page: Page, file: string): Promise<number> {
  // A tap on Choose an image, as the technician's: it starts the recognizer while the picker is open. The
  // picker here answers at once, so the recognizer has no head start a person's choosing would give it.
  const t0 = Date.now();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.locator('.photo-picks label').nth(1).click(),
  ]);
  await chooser.setFiles(file);
  await page.locator('.photo-lines input').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  // Put the lines away for the next read, as Use these lines does.
  await page.locator('.photo').getByRole('button').last().click();
  await page.locator('.photo-lines').waitFor({ state: 'detached' });
  return ms;
}

/** Chromium's renderer processes (pages and their workers) now running, by process id. */
function renderers(): Set<number> {
  const out = new Set<number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer')) out.add(Number(d));
    } catch {
      // Gone since the listing.
    }
  }
  return out;
}

/**
 * Slows every renderer process to a quarter of a CPU (or 1/cpu) by stopping and resuming it, as cpulimit
 * does: Chromium's own throttling slows a page's main thread only ("only supported for pages, not workers"),
 * and recognition runs in a worker. Returns the share of time the processes actually ran, and a stop.
 */
function throttle(cpu: number): { stop: () => Promise<number> } {
  // Each turn runs the processes a few milliseconds, then keeps them stopped until they have run 1/cpu of
  // the time so far: the timers' own lateness is made up in the next turn.
  const runMs = 5;
  let on = cpu > 1;
  let ran = 0;
  const t0 = performance.now();
  const signal = (sig: NodeJS.Signals) => {
    for (const pid of renderers())
      try {
        process.kill(pid, sig);
      } catch {
        // Ended meanwhile.
      }
  };
  const done = (async () => {
    while (on) {
      const t = performance.now();
      signal('SIGCONT');
      await new Promise((r) => setTimeout(r, runMs));
      ran += performance.now() - t;
      signal('SIGSTOP');
      await new Promise((r) => setTimeout(r, Math.max(1, ran * cpu - (performance.now() - t0))));
    }
    signal('SIGCONT');
  })();
  return {
    stop: async () => {
      on = false;
      await done;
      return cpu > 1 ? ran / Math.max(1, performance.now() - t0) : 1;
    },
  };
}

/** Each timed picture read in the built app at `url`, on Home's paste box, with the CPU slowed `cpu`×. */
export async function timePhotos(browser: Browser, url: string, cpu: number): Promise<PhotoTiming[]> {
  const out: PhotoTiming[] = [];
  for (const { image, language } of TIMED) {
    const context = await newContext(browser, { locale: language === 'ru' ? 'ru-RU' : 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${url}#/paste`);
      await page.locator('.photo-picks').waitFor();
      // The heap before is taken once the page is idle, when what the app loads at idle (History's code) is
      // in: the difference after is what reading photos left.
      await page.waitForLoadState('networkidle');
      await settle(page, 3000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      const heapBeforeMb = await heapMb(cdp);
      const slow = throttle(cpu);
      const ms: number[] = [];
      const heapAfterEachMb: number[] = [];
      let share: number;
      try {
        for (let i = 0; i < READS; i++) {
          ms.push(await readOnce(page, join(PHOTOS, image)));
          heapAfterEachMb.push(await heapMb(cdp));
        }
      } finally {
        share = await slow.stop();
      }
      // The recognizer is kept between pictures and ended when the reader closes: leave for Home.
      await page.evaluate('location.hash = "#/"');
      await page.locator('.photo-picks').waitFor({ state: 'detached' });
      const ocrWorkers = () => page.workers().filter((w) => w.url().includes('/ocr/')).length;
      for (let i = 0; i < 50 && ocrWorkers(); i++) await new Promise((r) => setTimeout(r, 100));
      const workersAfter = ocrWorkers();
      out.push({
        image,
        language,
        ms,
        cpuShare: round(share, 2),
        workersAfter,
        heapBeforeMb,
        heapAfterEachMb,
        heapAfterMb: await heapMb(cdp),
      });
    } finally {
      await context.close();
    }
  }
  return out;
}
