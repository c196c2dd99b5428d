/**
 * Keystroke cost: with a field filled to its cap, the main-thread time each real keystroke costs (input
 * handling, the re-render, style, layout and paint), from a Chromium trace with the CPU slowed 4×.
 */
import type { Browser, Page } from '@playwright/test';
import { newContext } from './browser.ts';
import { median, round } from './stats.ts';
import { cpuTime, threadOf, traced, workStats } from './trace.ts';
import type { Part, TraceEvent, WorkStats } from './trace.ts';

/**
 * One field's keystrokes. The work figures are main-thread time per keystroke (ms, the throttler's 4×
 * included): every task from the one that dispatched its keydown until the next keystroke's.
 */
export interface KeysField extends WorkStats {
  field: string;
  /** On a control: the field whose text it holds and types. */
  for?: string;
  cap: number;
  keystrokes: number;
  /** The longest single task (wall) of any keystroke. */
  longestTask: number;
  /** What an average keystroke spent its time on (wall ms per keystroke). */
  average: Part[];
  /** What the costliest keystroke spent its time on. */
  worst: Part[];
}

export interface KeysSummary {
  cpuThrottle: number;
  gapMs: number;
  /** Keystrokes typed into each field before the measured ones, left out of the figures. */
  warmup: number;
  fields: KeysField[];
}

interface FieldSpec {
  field: string;
  /** On a control: the field whose text it holds and types. */
  for?: string;
  /** The app's route, or undefined for the control: a plain input on a blank page, no script. */
  hash?: string;
  selector: string;
  cap: number;
  /** Characters the text is made of, and typed. */
  text: (n: number, rnd: () => number) => string;
  typed: string;
}

/** A small seeded generator, so every run types the same text. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;

// Key characters, with what people get wrong: lower case, look-alikes, other dashes, invisible spaces, other scripts.
const KEY_CHARS = [
  ...'BCDFGHJKMPQRTVWXY2346789',
  ...'bcdfghjk',
  ...'O0IL1S5ZU',
  ' ',
  '-',
  '‐',
  '–',
  '—',
  '\u200b',
  'Ж',
];
const HEX = [...'0123456789ABCDEFabcdef'];
const WORDS = [
  '0xC004F074',
  '0xC004C003',
  '0x8007232B',
  'C004F074',
  'error',
  'activation',
  'KMS',
  'host',
  'could not be reached',
  'Software Licensing Service',
  'slmgr',
  '/dli',
  'DNS',
  'Windows',
  'Office',
  'product key',
  'code:',
  '12345',
];

const keyText = (n: number, rnd: () => number) => {
  let s = '';
  while (s.length < n)
    s += (s.length % 6 === 5 ? pick(['-', '–', ' ', '-'], rnd) : '') + pick(KEY_CHARS, rnd);
  return s.slice(0, n);
};

const FIELDS: FieldSpec[] = [
  {
    field: 'Product key checker',
    hash: '#/tools/key',
    selector: '#key-input',
    cap: 200,
    text: keyText,
    typed: 'X',
  },
  {
    field: 'Product code checker',
    hash: '#/tools/product-code',
    selector: '#guid-input',
    cap: 200,
    text: (n, rnd) => {
      const group = (k: number) => Array.from({ length: k }, () => pick(HEX, rnd)).join('');
      let s = '';
      while (s.length < n)
        s += `${pick(['{', '', ' '], rnd)}${group(8)}-${group(4)}-${group(4)}-${group(4)}-${group(12)}${pick(['}', ' ', 'g', ''], rnd)}`;
      return s.slice(0, n);
    },
    typed: 'f',
  },
  {
    field: 'Error code (home)',
    hash: '#/',
    selector: '#code-input',
    cap: 2000,
    text: (n, rnd) => {
      let s = '';
      while (s.length < n) s += `${pick(WORDS, rnd)}${pick([' ', ' ', ', ', ': '], rnd)}`;
      return s.slice(0, n);
    },
    typed: 'e',
  },
];

/**
 * What the browser itself costs per keystroke (editing, style, layout, paint, the trace) in a plain input on a
 * blank page with no script, holding the same text as the field and typed the same way: a line of 2,000
 * characters costs the browser more to edit than one of 200, whatever the page does.
 */
const controlFor = (spec: FieldSpec): FieldSpec => ({
  field: `Control: plain input, no script, as ${spec.field}`,
  for: spec.field,
  selector: '#plain',
  cap: spec.cap,
  text: spec.text,
  typed: spec.typed,
});

// Time between keystrokes: enough for the frame after one to be painted before the next.
const GAP_MS = 150;
const WARMUP = 6; // even, so the measured keystrokes start with Backspace

/** The keydown dispatches on the page's main thread, in order (ms). */
function keydowns(events: readonly TraceEvent[]): TraceEvent[] {
  return events
    .filter(
      (e) =>
        e.name === 'EventDispatch' && (e.args?.data as { type?: string } | undefined)?.type === 'keydown',
    )
    .sort((a, b) => a.ts - b.ts);
}

/** Types `keystrokes` keystrokes (Backspace and a character in turn, so the text stays at its cap) into each field. */
export async function measureKeys(
  browser: Browser,
  url: string,
  keystrokes = 50,
  cpuThrottle = 4,
): Promise<KeysSummary> {
  const n = keystrokes + (keystrokes % 2); // even: the last keystroke puts the text back at its cap
  const fields: KeysField[] = [];
  const context = await newContext(browser);
  try {
    for (const [f, field] of FIELDS.entries())
      for (const spec of [field, controlFor(field)]) {
        const page = await context.newPage();
        try {
          // The same seed: the control holds the same text as its field.
          const measured = await measureField(browser, page, url, spec, n, cpuThrottle, random(f + 1));
          fields.push(spec.for ? { ...measured, for: spec.for } : measured);
        } finally {
          await page.close();
        }
      }
  } finally {
    await context.close();
  }
  return { cpuThrottle, gapMs: GAP_MS, warmup: WARMUP, fields };
}

/** Fills one field to its cap and types into it in a trace; the cost of each measured keystroke. */
async function measureField(
  browser: Browser,
  page: Page,
  url: string,
  spec: FieldSpec,
  n: number,
  cpuThrottle: number,
  rnd: () => number,
): Promise<KeysField> {
  const input = page.locator(spec.selector);
  const length = () => input.evaluate((el) => (el as HTMLInputElement).value.length);
  const press = (i: number) => page.keyboard.press(i % 2 === 0 ? 'Backspace' : spec.typed);
  // Traced from the page load on: V8's sampler then sees each function from its first compile, where
  // starting it later makes the first call of each function slow (it collects source positions then).
  const events = await traced(browser, page, async () => {
    if (spec.hash === undefined)
      await page.setContent(
        `<!doctype html><meta name="viewport" content="width=device-width"><input id="plain" maxlength="${spec.cap}" style="font:16px monospace;width:90%">`,
      );
    else await page.goto(`${url}${spec.hash}`);
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    // Filling is not timed: one input event with the whole text, as a paste would be.
    await input.fill(spec.text(spec.cap, rnd));
    if ((await length()) !== spec.cap)
      throw new Error(`${spec.field}: the field holds ${await length()} characters, not ${spec.cap}`);
    await input.evaluate((el) => {
      const i = el as HTMLInputElement;
      i.setSelectionRange(i.value.length, i.value.length);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    try {
      // Warm-up keystrokes (left out of the figures) and then the measured ones, a gap after each.
      for (let i = 0; i < WARMUP + n; i++) {
        await press(i);
        await page.waitForTimeout(GAP_MS);
      }
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach().catch(() => undefined);
    }
  });
  if ((await length()) !== spec.cap) throw new Error(`${spec.field}: the text did not stay at its cap`);
  const all = keydowns(events);
  if (all.length !== WARMUP + n)
    throw new Error(`${spec.field}: ${all.length} keydowns in the trace, not ${WARMUP + n}`);
  const downs = all.slice(WARMUP);
  const main = threadOf(events, (e) => e === downs[0]);
  // A keystroke's window runs from the start of the task that dispatched its keydown to the next one's.
  const starts = downs.map((d) => main.taskAt(d.ts / 1000)?.start ?? d.ts / 1000);
  // The last keystroke has no next one: its window is as long as the others' median.
  const usual = median(starts.slice(1).map((s, i) => s - starts[i]!));
  const windows = starts.map((s, i) => [s, starts[i + 1] ?? s + usual] as const);
  const inWindow = windows.map(([from, to]) => main.between(from, to, true));
  const busy = inWindow.map(cpuTime);
  const longest = inWindow.map((ts) => Math.max(0, ...ts.map((t) => t.dur)));
  const [wFrom, wTo] = windows[busy.indexOf(Math.max(...busy))]!;
  const { samples, ...stats } = workStats(inWindow);
  return {
    field: spec.field,
    cap: spec.cap,
    keystrokes: n,
    ...stats,
    longestTask: round(Math.max(...longest), 1),
    average: main
      .breakdown(windows[0]![0], windows[windows.length - 1]![1], 5)
      .map((p) => ({ what: p.what, ms: round(p.ms / n, 1) })),
    worst: main.breakdown(wFrom, wTo),
    samples,
  };
}
