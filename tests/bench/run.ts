/**
 * npm run bench: builds the app, a blank "floor" page and a SurveyJS "peer" of the KMS count flow,
 * serves each on 127.0.0.1, measures load, bytes, step latency, offline start, lookup and scale,
 * History at 10,000 sessions and keystroke cost, and writes tests/bench/results.json and tests/bench/results.md.
 *
 * Options: --flow <id> (default kms-count), --runs <n> Lighthouse runs (5), --steps <n> timed steps (200),
 * --only history,keys (builds the app alone and runs only those; the other figures are kept from the
 * results.json before).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { launchChromium } from './browser.ts';
import { buildFloor, buildPeer } from './build.ts';
import { initialBytes, measureBytes, precacheBytes } from './bytes.ts';
import { measureHistory } from './history.ts';
import { measureKeys } from './keys.ts';
import { appWalker, measureLatency, peerWalker } from './latency.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureLookup } from './lookup-bench.ts';
import { machine } from './machine.ts';
import { measureOffline } from './offline.ts';
import { APP_OUT, BENCH_DIR, FLOOR_OUT, PEER_OUT, REPO, WORK } from './paths.ts';
import { failed } from './results.ts';
import type { Outcome, PartLoad, Results, Side } from './results.ts';
import { markdown, targets } from './report.ts';
import { measureScale } from './scale.ts';
import { reason } from './stats.ts';
import { cacheControl, serve } from '../support/static-server.ts';
import type { StaticServer } from '../support/static-server.ts';
import { buildApp } from '../support/vite-build.ts';

const started = Date.now();
const BUDGET_MS = 9.5 * 60_000;
const { values: opts } = parseArgs({
  options: {
    flow: { type: 'string', default: 'kms-count' },
    runs: { type: 'string', default: '5' },
    steps: { type: 'string', default: '200' },
    only: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(opts.runs) || 5);
const STEPS = Math.max(1, Number(opts.steps) || 200);
const CPU = 4;
const OFFLINE_RUNS = 10;
const LOOKUPS = 10_000;
const SCALE_SIZES = [1_000, 10_000, 100_000];
const SCALE_TIMEOUT_MS = 60_000;
const HISTORY_SESSIONS = 10_000;
const HISTORY_REPS = 3;
const KEYSTROKES = 50;
// History and keystrokes take 1–3 minutes; with less of the budget left they are not started.
const PARTS_RESERVE_MS = 4 * 60_000;
const OUT: Record<Side, string> = { app: APP_OUT, peer: PEER_OUT, floor: FLOOR_OUT };

// The parts --only can run by themselves.
const PARTS = ['history', 'keys'] as const;
type Part = (typeof PARTS)[number];
const only = opts.only?.split(',').map((p) => p.trim()) as Part[] | undefined;
if (only && (!only.length || only.some((p) => !PARTS.includes(p)))) {
  process.stderr.write(`--only takes a comma-separated list of: ${PARTS.join(', ')}\n`);
  process.exit(2);
}

const log = (msg: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);

/** Runs one part; its error becomes the figure's "failed: …" instead of ending the run. */
async function attempt<T extends object>(name: string, f: () => Promise<T> | T): Promise<Outcome<T>> {
  const t0 = Date.now();
  log(`${name}…`);
  try {
    const v = await f();
    log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return v;
  } catch (e) {
    log(`${name} failed: ${reason(e)}`);
    return { error: reason(e) };
  }
}

async function timed(f: () => Promise<void>): Promise<{ ms: number }> {
  const t0 = performance.now();
  await f();
  return { ms: performance.now() - t0 };
}

/** The app build, tried again once after a pause: someone may be saving a flow at that moment. */
async function buildAppWithRetry(): Promise<void> {
  try {
    await buildApp(APP_OUT);
  } catch (e) {
    log(`app build failed, retrying in 20 s: ${reason(e).slice(0, 160)}`);
    await new Promise((r) => setTimeout(r, 20_000));
    await buildApp(APP_OUT);
  }
}

/** The flow to walk: the one asked for when the build has it, else time-sync (noted in the report). */
function chooseFlow(wanted: string): { flow: string; note?: string } {
  const dir = join(APP_OUT, 'assets', 'flows');
  const has = (id: string) =>
    existsSync(dir) &&
    readdirSync(dir).some(
      (n) => n.startsWith(`${id}-`) && /^[A-Za-z0-9_-]{8}\.js$/.test(n.slice(id.length + 1)),
    );
  if (has(wanted) || !has('time-sync')) return { flow: wanted };
  return { flow: 'time-sync', note: `"${wanted}" is not in the build` };
}

/** The 1-minute load average, to two decimals. */
function load1(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

/** Runs a part and notes the load average before and after it. */
async function withLoad<T extends object>(f: () => Promise<T>): Promise<T & PartLoad> {
  const start = load1();
  const v = await f();
  return { ...v, loadAverage: { start, end: load1() } };
}

/** History and keystroke cost on the app, in the browser already running. */
async function browserParts(b: Browser, url: string, parts: readonly Part[]): Promise<void> {
  if (parts.includes('history'))
    results.history = await attempt(`history at ${HISTORY_SESSIONS} sessions ×${HISTORY_REPS}`, () =>
      withLoad(() => measureHistory(b, url, HISTORY_SESSIONS, HISTORY_REPS, CPU)),
    );
  if (parts.includes('keys'))
    results.keys = await attempt(`keystrokes ×${KEYSTROKES}`, () =>
      withLoad(() => measureKeys(b, url, KEYSTROKES, CPU)),
    );
}

/** The results.json of the run before, when there is one that reads: --only keeps its other figures. */
function previousResults(): Partial<Results> | undefined {
  try {
    const prev = JSON.parse(readFileSync(join(BENCH_DIR, 'results.json'), 'utf8')) as Partial<Results>;
    return prev.machine && prev.settings && prev.builds ? prev : undefined;
  } catch {
    return undefined;
  }
}

/** Formats the report as the repository's Prettier config would, so format checks pass on it. */
async function formatted(md: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const file = join(BENCH_DIR, 'results.md');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(md, { ...config, filepath: file });
  } catch {
    return md;
  }
}

const notRun = { error: 'not run' };
const results: Results = {
  machine: machine(),
  durationS: 0,
  settings: {
    flow: opts.flow!,
    lighthouseRuns: RUNS,
    steps: STEPS,
    cpuThrottle: CPU,
    offlineRuns: OFFLINE_RUNS,
    lookupInputs: LOOKUPS,
    scaleSizes: SCALE_SIZES,
    scaleTimeoutS: SCALE_TIMEOUT_MS / 1000,
    historySessions: HISTORY_SESSIONS,
    historyReps: HISTORY_REPS,
    keystrokes: KEYSTROKES,
  },
  builds: { app: notRun, peer: notRun, floor: notRun },
  lighthouse: { app: notRun, peer: notRun, floor: notRun },
  initial: { app: notRun, peer: notRun, floor: notRun },
  precache: { app: notRun, floor: notRun },
  bytes: notRun,
  latency: { app: notRun, peer: notRun },
  offline: notRun,
  lookup: notRun,
  scale: notRun,
  history: notRun,
  keys: notRun,
  targets: [],
};
if (only) {
  // The parts not run keep their figures, and the header its machine and date, from the run before.
  const prev = previousResults();
  const here = results.machine;
  if (prev) {
    const { historySessions, historyReps, keystrokes } = results.settings;
    const settings = { ...results.settings, ...prev.settings, historySessions, historyReps, keystrokes };
    Object.assign(results, prev, { settings });
  }
  results.partial = { only, machine: here, durationS: 0 };
  for (const p of only) results[p] = notRun;
}

const servers: Partial<Record<Side, StaticServer>> = {};
let browser: Browser | undefined;
const watchdog = setTimeout(() => {
  log('watchdog: the run took over 14 minutes, giving up');
  process.exit(2);
}, 14 * 60_000);
watchdog.unref();

try {
  mkdirSync(WORK, { recursive: true });
  if (only) await onlyParts(only);
  else await everything();
} catch (e) {
  log(`unexpected: ${reason(e)}`);
} finally {
  await browser?.close().catch(() => undefined);
  await Promise.all(Object.values(servers).map((s) => s.close().catch(() => undefined)));
}

/** --only: the app's build, served, and the parts asked for in one browser. */
async function onlyParts(parts: readonly Part[]): Promise<void> {
  const fail = (why: { error: string }) => {
    for (const p of parts) results[p] = why;
  };
  const build = await attempt('build app', () => timed(buildAppWithRetry));
  if (failed(build)) return fail({ error: `build failed: ${build.error}` });
  const server = await attempt('serve app', () => serve(APP_OUT, { cacheControl }));
  if (failed(server)) return fail(server);
  servers.app = server;
  const launched = await attempt('launch chromium', async () => ({ b: await launchChromium() }));
  if (failed(launched)) return fail(launched);
  browser = launched.b;
  await browserParts(browser, server.url, parts);
}

/** The whole bench. */
async function everything(): Promise<void> {
  // 1. Builds: the app in a child process while the floor and the peer build here.
  const appBuild = attempt('build app', () => timed(buildAppWithRetry));
  results.builds.floor = await attempt('build floor', () => timed(buildFloor));
  results.builds.peer = await attempt('build peer', () => timed(buildPeer));
  results.builds.app = await appBuild;

  const urls: Partial<Record<Side, string>> = {};
  for (const side of ['app', 'peer', 'floor'] as const) {
    const build = results.builds[side];
    if (failed(build)) {
      const why = { error: `build failed: ${build.error}` };
      results.lighthouse[side] = why;
      results.initial[side] = why;
      if (side !== 'floor') results.latency[side] = why;
      if (side !== 'peer') results.precache[side] = why;
      if (side === 'app') results.bytes = results.offline = results.history = results.keys = why;
      continue;
    }
    const server = await attempt(`serve ${side}`, () => serve(OUT[side], { cacheControl }));
    if (failed(server)) results.lighthouse[side] = server;
    else {
      servers[side] = server;
      urls[side] = server.url;
    }
    results.initial[side] = await attempt(`initial bytes ${side}`, () => initialBytes(OUT[side]));
    if (side !== 'peer')
      results.precache[side] = await attempt(`precache ${side}`, () => precacheBytes(OUT[side]));
  }
  if (!failed(results.builds.app)) results.bytes = await attempt('bytes', () => measureBytes(APP_OUT, REPO));

  // 2e. Lookup, in this process (no browser running).
  results.lookup = await attempt('lookup', () => measureLookup(REPO, LOOKUPS));

  // 2a. Lighthouse, the three pages interleaved.
  if (Object.keys(urls).length) {
    const lh = await attempt(`lighthouse ×${RUNS}`, () => measureLighthouse(urls, RUNS));
    for (const side of Object.keys(urls) as Side[])
      results.lighthouse[side] = failed(lh) ? lh : (lh[side] ?? { error: 'no result' });
  }

  // 2c, 2d. Step latency and offline start in Playwright's Chromium.
  if (urls.app || urls.peer) {
    const launched = await attempt('launch chromium', async () => ({ b: await launchChromium() }));
    if (failed(launched)) {
      if (urls.app) results.latency.app = results.offline = results.history = results.keys = launched;
      if (urls.peer) results.latency.peer = launched;
    } else {
      browser = launched.b;
      const b = browser;
      if (urls.app) {
        const { flow, note } = chooseFlow(opts.flow!);
        results.settings.flow = flow;
        if (note) results.settings.flowNote = note;
        results.latency.app = await attempt(`step latency app (${flow})`, () =>
          measureLatency(b, appWalker(urls.app!, flow), STEPS, 5, CPU),
        );
      }
      if (urls.peer)
        results.latency.peer = await attempt('step latency peer', () =>
          measureLatency(b, peerWalker(urls.peer!), STEPS, 5, CPU),
        );
      if (urls.app && servers.app) {
        const server = servers.app;
        results.offline = await attempt('offline cold start', () =>
          measureOffline(b, urls.app!, server, OFFLINE_RUNS),
        );
      }
      // 2g, 2h. History at 10,000 sessions and keystroke cost, while the budget leaves room for them.
      if (urls.app) {
        if (Date.now() < started + BUDGET_MS - PARTS_RESERVE_MS) await browserParts(b, urls.app, PARTS);
        else results.history = results.keys = { error: 'not run: the time budget was spent' };
      }
      await browser.close().catch(() => undefined);
      browser = undefined;
    }
  }

  // 2f. Scale, in child processes, within what is left of the time budget.
  results.scale = await attempt('scale', () =>
    measureScale(SCALE_SIZES, SCALE_TIMEOUT_MS, started + BUDGET_MS),
  );
}

if (results.partial) {
  results.partial.durationS = (Date.now() - started) / 1000;
  results.partial.machine.loadAverage.end = load1();
} else {
  results.durationS = (Date.now() - started) / 1000;
  results.machine.loadAverage.end = load1();
}
results.targets = targets(results);
const md = await formatted(markdown(results));
writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(BENCH_DIR, 'results.md'), md);
process.stdout.write(`\n${md}\n`);
const failures = (
  only
    ? only.map((p) => [p, results[p]])
    : [
        ...Object.entries(results.builds),
        ...Object.entries(results.lighthouse),
        ...Object.entries(results.latency),
        ['offline', results.offline],
        ['lookup', results.lookup],
        ['bytes', results.bytes],
        ['scale', results.scale],
        ['history', results.history],
        ['keys', results.keys],
      ]
).filter(([, o]) => failed(o as Outcome<object>));
log(
  `finished in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote tests/bench/results.json and results.md`,
);
if (failures.length) log(`parts that failed: ${failures.map(([k]) => k).join(', ')}`);
clearTimeout(watchdog);
process.exitCode = failures.length ? 1 : 0;
