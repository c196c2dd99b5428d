/**
 * npm run bench: builds the app, a blank "floor" page and a SurveyJS "peer" of the KMS count flow,
 * serves each on 127.0.0.1, measures load, bytes, step latency (two frames, and main-thread work from a
 * trace), offline start, lookup, the output reader, scale, History at 10,000 sessions and keystroke cost,
 * and writes tests/bench/results.json and tests/bench/results.md.
 *
 * Options: --flow <id> (default kms-count), --runs <n> Lighthouse runs (5), --steps <n> timed steps (200),
 * --work-steps <n> traced steps per page (60), --only <parts> (a comma-separated list of lighthouse,
 * latency, reader, history, keys, photos: builds only the pages those need and runs only those; the other figures
 * are kept from the results.json before).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { launchChromium } from './browser.ts';
import { buildFloor, buildPeer, buildStepFloor } from './build.ts';
import { initialBytes, measureBytes, precacheBytes } from './bytes.ts';
import { measureHistory } from './history.ts';
import { measureKeys } from './keys.ts';
import { scorePhotos, timePhotos } from './photos.ts';
import { PHOTO_SET } from '../photos/set.ts';
import { appWalker, measureLatency, peerWalker } from './latency.ts';
import type { Walker } from './latency.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureLookup } from './lookup-bench.ts';
import { load1, machine } from './machine.ts';
import { measureOffline } from './offline.ts';
import { APP_OUT, BENCH_DIR, FLOOR_OUT, PEER_OUT, REPO, WORK } from './paths.ts';
import { measureReader } from './reader-bench.ts';
import { failed } from './results.ts';
import type { Outcome, PartLoad, Results, Side } from './results.ts';
import { markdown, missedTargets, targets } from './report.ts';
import { measureScale } from './scale.ts';
import { measureStepWork, mergeStepWork } from './step-work.ts';
import type { StepWorkSummary } from './step-work.ts';
import { reason } from './stats.ts';
import { cacheControl, serve } from '../support/static-server.ts';
import type { StaticServer } from '../support/static-server.ts';
import { buildApp } from '../support/vite-build.ts';
import { selfSigned } from './tls.ts';

const started = Date.now();
const BUDGET_MS = 9.5 * 60_000;
const { values: opts } = parseArgs({
  options: {
    flow: { type: 'string', default: 'kms-count' },
    runs: { type: 'string', default: '5' },
    steps: { type: 'string', default: '200' },
    'work-steps': { type: 'string', default: '60' },
    only: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(opts.runs) || 5);
const STEPS = Math.max(1, Number(opts.steps) || 200);
const WORK_STEPS = Math.max(1, Number(opts['work-steps']) || 60);
/** The traced steps are taken in this many rounds per page, the pages taking turns. */
const WORK_ROUNDS = 3;
const CPU = 4;
const OFFLINE_RUNS = 10;
const LOOKUPS = 10_000;
const SCALE_SIZES = [1_000, 10_000, 100_000];
const SCALE_TIMEOUT_MS = 60_000;
const READER_SIZES = [1_000, 10_000, 100_000, 1_000_000];
const READER_TIMEOUT_MS = 60_000;
const HISTORY_SESSIONS = 10_000;
const HISTORY_REPS = 3;
const KEYSTROKES = 50;
// How long the later browser parts take on a busy 2-core machine: with less of the budget left, one is not
// started (and says so), so that the run ends near its budget.
const PART_MS = { stepWork: 2 * 60_000, history: 1.5 * 60_000, keys: 90_000, photos: 2.5 * 60_000 };
const OUT: Record<Side, string> = { app: APP_OUT, peer: PEER_OUT, floor: FLOOR_OUT };

// The parts --only can run by themselves, and the pages each needs built.
const NEEDS = {
  lighthouse: ['app', 'peer', 'floor'],
  latency: ['app', 'peer', 'floor'],
  reader: [],
  history: ['app'],
  keys: ['app'],
  photos: ['app'],
} as const satisfies Record<string, readonly Side[]>;
type Part = keyof typeof NEEDS;
const PARTS = Object.keys(NEEDS) as Part[];
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

/** Runs a part and notes the load average before and after it. */
async function withLoad<T extends object>(f: () => Promise<T>): Promise<T & PartLoad> {
  const start = load1();
  const v = await f();
  return { ...v, loadAverage: { start, end: load1() } };
}

const SPENT = { error: 'not run: the time budget was spent' };

/** Whether a part that takes about `ms` still fits in the full run's budget (--only runs what it is asked). */
function fits(ms: number): boolean {
  return !!only || Date.now() + ms < started + BUDGET_MS;
}

/** History and keystroke cost on the app, in the browser already running. */
async function browserParts(b: Browser, url: string, parts: readonly Part[]): Promise<void> {
  if (parts.includes('history'))
    results.history = !fits(PART_MS.history)
      ? SPENT
      : await attempt(`history at ${HISTORY_SESSIONS} sessions ×${HISTORY_REPS}`, () =>
          withLoad(() => measureHistory(b, url, HISTORY_SESSIONS, HISTORY_REPS, CPU)),
        );
  if (parts.includes('keys'))
    results.keys = !fits(PART_MS.keys)
      ? SPENT
      : await attempt(`keystrokes ×${KEYSTROKES}`, () =>
          withLoad(() => measureKeys(b, url, KEYSTROKES, CPU)),
        );
  if (parts.includes('photos'))
    results.photos = !fits(PART_MS.photos)
      ? SPENT
      : await attempt(`photos of the screen (${PHOTO_SET.length} pictures, 3 timed at ${CPU}×)`, () =>
          withLoad(async () => ({
            images: PHOTO_SET.length,
            cpuThrottle: CPU,
            ...(await scorePhotos()),
            timings: await timePhotos(b, url, CPU),
          })),
        );
}

/**
 * Step latency on the app and the peer: two frames after a click in the page, then main-thread work from a
 * trace of taps, on the app, the peer and the step floor (the same walk in the app's markup with no framework).
 */
async function latencyParts(b: Browser, urls: Partial<Record<Side, string>>): Promise<void> {
  const walkers: Partial<Record<'app' | 'peer' | 'floor', Walker>> = {};
  const { flow, note } = chooseFlow(opts.flow!);
  if (urls.app) {
    results.settings.flow = flow;
    if (note) results.settings.flowNote = note;
    else delete results.settings.flowNote;
    walkers.app = appWalker(urls.app, flow);
  }
  if (urls.peer) walkers.peer = peerWalker(urls.peer);
  if (urls.floor) walkers.floor = appWalker(`${urls.floor}step/`, flow);
  for (const side of ['app', 'peer'] as const) {
    const walker = walkers[side];
    if (walker)
      results.latency[side] = await attempt(
        `step latency ${side}${side === 'app' ? ` (${results.settings.flow})` : ''}`,
        () => measureLatency(b, walker, STEPS, 5, CPU),
      );
  }
  // All three pages or none: the comparison needs them together.
  if (!fits(PART_MS.stepWork)) {
    for (const side of Object.keys(walkers) as ('app' | 'peer' | 'floor')[]) results.stepWork[side] = SPENT;
    return;
  }
  // In rounds, the pages taking turns (each round in another order): on a shared machine the load drifts
  // within minutes, and a page measured alone in a quiet or a busy minute would move the ratios.
  const per = Math.ceil(WORK_STEPS / WORK_ROUNDS);
  const sides = (['app', 'peer', 'floor'] as const).filter((side) => walkers[side]);
  const rounds: Partial<Record<(typeof sides)[number], Outcome<StepWorkSummary & PartLoad>[]>> = {};
  for (let round = 0; round < WORK_ROUNDS; round++)
    for (const [i] of sides.entries()) {
      const side = sides[(i + round) % sides.length]!;
      (rounds[side] ??= []).push(
        await attempt(
          `step main-thread work ${side} (traced, round ${round + 1} of ${WORK_ROUNDS}, ${per} steps)`,
          () => withLoad(() => measureStepWork(b, walkers[side]!, per, 5, CPU)),
        ),
      );
    }
  for (const side of sides) {
    const done = rounds[side] ?? [];
    const broken = done.find(failed);
    const ok = done.filter((r): r is StepWorkSummary & PartLoad => !failed(r));
    results.stepWork[side] = broken ?? {
      ...mergeStepWork(ok),
      loadAverage: { start: ok[0]!.loadAverage.start, end: ok[ok.length - 1]!.loadAverage.end },
    };
  }
}

/**
 * Lighthouse on the pages served, interleaved. Served over HTTPS with HTTP/2 as a real static host does (one
 * connection for all of a page's files); over plain HTTP/1.1 each extra file the first paint waits for opens
 * a connection of its own, which Lighthouse's simulated mobile network charges a round trip for.
 */
async function lighthousePart(urls: Partial<Record<Side, string>>): Promise<void> {
  const sides = Object.keys(urls) as Side[];
  if (!sides.length) return;
  // Every page over HTTPS or every page over plain HTTP, so that they are compared on the same protocol.
  const tls = selfSigned();
  const secure: StaticServer[] = [];
  let targets = urls;
  let served = 'HTTP/1.1 (no certificate for HTTPS: openssl is missing or failed)';
  if (tls) {
    let why: string | undefined;
    for (const side of sides) {
      const s = await attempt(`serve ${side} over HTTPS`, () => serve(OUT[side], { cacheControl, tls }));
      if (failed(s)) {
        why = `the HTTPS server for the ${side} page failed: ${s.error}`;
        break;
      }
      secure.push(s);
    }
    if (why === undefined) {
      targets = Object.fromEntries(sides.map((side, i) => [side, secure[i]!.url]));
      served = 'HTTPS, HTTP/2';
    } else {
      await Promise.all(secure.splice(0).map((s) => s.close().catch(() => undefined)));
      served = `HTTP/1.1 (${why})`;
    }
  }
  results.settings.lighthouseServed = served;
  try {
    const lh = await attempt(`lighthouse ×${RUNS}`, () => measureLighthouse(targets, RUNS));
    for (const side of sides)
      results.lighthouse[side] = failed(lh) ? lh : (lh[side] ?? { error: 'no result' });
  } finally {
    await Promise.all(secure.map((s) => s.close()));
  }
}

/** The output reader on pasted text of each size, in child processes. */
async function readerPart(): Promise<void> {
  results.reader = await attempt(`output reader (${READER_SIZES.length} sizes)`, () =>
    measureReader(READER_SIZES, READER_TIMEOUT_MS, started + BUDGET_MS),
  );
}

/** The figures a part fills in, by name, for the failure list and for "not run". */
function outcomes(part: Part): [string, Outcome<object>][] {
  switch (part) {
    case 'lighthouse':
      return Object.entries(results.lighthouse).map(([k, v]) => [`lighthouse ${k}`, v]);
    case 'latency':
      return [
        ...Object.entries(results.latency).map(([k, v]): [string, Outcome<object>] => [`latency ${k}`, v]),
        ...Object.entries(results.stepWork).map(([k, v]): [string, Outcome<object>] => [`step work ${k}`, v]),
      ];
    default:
      return [[part, results[part] ?? notRun]];
  }
}

/** Sets every figure of a part to the same error. */
function setPart(part: Part, why: { error: string }): void {
  if (part === 'lighthouse') results.lighthouse = { app: why, peer: why, floor: why };
  else if (part === 'latency') {
    results.latency = { app: why, peer: why };
    results.stepWork = { app: why, peer: why, floor: why };
  } else results[part] = why;
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
    workSteps: WORK_STEPS,
    workRounds: WORK_ROUNDS,
    cpuThrottle: CPU,
    offlineRuns: OFFLINE_RUNS,
    lookupInputs: LOOKUPS,
    scaleSizes: SCALE_SIZES,
    scaleTimeoutS: SCALE_TIMEOUT_MS / 1000,
    readerSizes: READER_SIZES,
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
  stepWork: { app: notRun, peer: notRun, floor: notRun },
  offline: notRun,
  lookup: notRun,
  scale: notRun,
  reader: notRun,
  history: notRun,
  keys: notRun,
  photos: notRun,
  targets: [],
};
// The settings each part takes from this run; the others stay as the run before had them.
const OWN_SETTINGS: Record<Part, (keyof Results['settings'])[]> = {
  lighthouse: ['lighthouseRuns', 'lighthouseServed'],
  latency: ['flow', 'steps', 'workSteps', 'workRounds', 'cpuThrottle'],
  reader: ['readerSizes'],
  history: ['historySessions', 'historyReps', 'cpuThrottle'],
  keys: ['keystrokes', 'cpuThrottle'],
  photos: ['cpuThrottle'],
};
if (only) {
  // The parts not run keep their figures, and the header its machine and date, from the run before.
  const prev = previousResults();
  const here = results.machine;
  if (prev) {
    const own = Object.fromEntries(
      only.flatMap((p) => OWN_SETTINGS[p]).map((k) => [k, results.settings[k]]),
    ) as Partial<Results['settings']>;
    const settings = { ...results.settings, ...prev.settings, ...own };
    if (only.includes('latency')) delete settings.flowNote;
    Object.assign(results, prev, { settings });
  }
  // Parts run alone before and not now still carry those runs' figures: the report says so.
  const earlier = prev?.partial
    ? [...(prev.partial.earlier ?? []), { only: prev.partial.only, date: prev.partial.machine.date }]
        .map((e) => ({ ...e, only: e.only.filter((p) => !only.includes(p as Part)) }))
        .filter((e) => e.only.length)
    : [];
  results.partial = { only, machine: here, durationS: 0, ...(earlier.length ? { earlier } : {}) };
  for (const p of only) setPart(p, notRun);
}

const servers: Partial<Record<Side, StaticServer>> = {};
// Why a page could not be built or served, for the parts that need it.
const unbuilt: Partial<Record<Side, string>> = {};
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

/** Builds the pages asked for (the app in a child process meanwhile) and serves them; returns their URLs. */
async function buildAndServe(sides: readonly Side[]): Promise<Partial<Record<Side, string>>> {
  const appBuild = sides.includes('app') ? attempt('build app', () => timed(buildAppWithRetry)) : undefined;
  const built: Partial<Record<Side, Outcome<{ ms: number }>>> = {};
  if (sides.includes('floor'))
    built.floor = await attempt('build floor', () =>
      timed(async () => {
        await buildFloor();
        await buildStepFloor();
      }),
    );
  if (sides.includes('peer')) built.peer = await attempt('build peer', () => timed(buildPeer));
  if (appBuild) built.app = await appBuild;
  const urls: Partial<Record<Side, string>> = {};
  for (const side of sides) {
    const build = built[side]!;
    if (failed(build)) {
      unbuilt[side] = `build failed: ${build.error}`;
      continue;
    }
    const server = await attempt(`serve ${side}`, () => serve(OUT[side], { cacheControl }));
    if (failed(server)) unbuilt[side] = server.error;
    else {
      servers[side] = server;
      urls[side] = server.url;
    }
  }
  if (!only) Object.assign(results.builds, built);
  return urls;
}

/** --only: the pages the parts need, built and served, and the parts asked for (the browser ones in one browser). */
async function onlyParts(parts: readonly Part[]): Promise<void> {
  if (parts.includes('reader')) await readerPart();
  const sides = [...new Set(parts.flatMap((p) => NEEDS[p]))];
  if (!sides.length) return;
  const urls = await buildAndServe(sides);
  // A part whose pages are not all there fails with the first reason (latency runs on what is there).
  const missing = (p: Part) => NEEDS[p].filter((side) => !urls[side]).map((side) => unbuilt[side]!);
  for (const p of parts) {
    const why = missing(p)[0];
    if (why && (p !== 'latency' || missing(p).length === NEEDS[p].length)) setPart(p, { error: why });
  }
  if (parts.includes('lighthouse') && !missing('lighthouse').length) await lighthousePart(urls);
  const inBrowser = parts.filter(
    (p) => p !== 'lighthouse' && p !== 'reader' && missing(p).length < NEEDS[p].length,
  );
  if (!inBrowser.length) return;
  const launched = await attempt('launch chromium', async () => ({ b: await launchChromium() }));
  if (failed(launched)) {
    for (const p of inBrowser) setPart(p, launched);
    return;
  }
  browser = launched.b;
  if (inBrowser.includes('latency')) {
    if (!urls.app) results.latency.app = results.stepWork.app = { error: unbuilt.app ?? 'not built' };
    if (!urls.peer) results.latency.peer = results.stepWork.peer = { error: unbuilt.peer ?? 'not built' };
    if (!urls.floor) results.stepWork.floor = { error: unbuilt.floor ?? 'not built' };
    await latencyParts(browser, urls);
  }
  if (urls.app) await browserParts(browser, urls.app, inBrowser);
}

/** The whole bench. */
async function everything(): Promise<void> {
  // 1. Builds: the app in a child process while the floor and the peer build here; each served.
  const urls = await buildAndServe(['app', 'peer', 'floor']);
  for (const side of ['app', 'peer', 'floor'] as const) {
    const why = unbuilt[side];
    if (why) {
      const e = { error: why };
      results.lighthouse[side] = e;
      if (side !== 'floor') results.latency[side] = results.stepWork[side] = e;
      else results.stepWork.floor = e;
      if (side === 'app') results.offline = results.history = results.keys = e;
    }
    const build = results.builds[side];
    if (failed(build)) {
      const e = { error: `build failed: ${build.error}` };
      results.initial[side] = e;
      if (side !== 'peer') results.precache[side] = e;
      if (side === 'app') results.bytes = e;
      continue;
    }
    results.initial[side] = await attempt(`initial bytes ${side}`, () => initialBytes(OUT[side]));
    if (side !== 'peer')
      results.precache[side] = await attempt(`precache ${side}`, () => precacheBytes(OUT[side]));
  }
  if (!failed(results.builds.app)) results.bytes = await attempt('bytes', () => measureBytes(APP_OUT, REPO));

  // 2e, 2f. Lookup in this process, the output reader and scale in child processes: Node only, before any
  // browser, so a busy machine's slow browser parts cannot leave them without time.
  results.lookup = await attempt('lookup', () => measureLookup(REPO, LOOKUPS));
  await readerPart();
  results.scale = await attempt('scale', () =>
    measureScale(SCALE_SIZES, SCALE_TIMEOUT_MS, started + BUDGET_MS),
  );

  // 2a. Lighthouse, the three pages interleaved.
  await lighthousePart(urls);

  // 2c, 2d. Step latency (two frames, then main-thread work) and offline start in Playwright's Chromium.
  if (urls.app || urls.peer || urls.floor) {
    const launched = await attempt('launch chromium', async () => ({ b: await launchChromium() }));
    if (failed(launched)) {
      for (const side of ['app', 'peer'] as const)
        if (urls[side]) results.latency[side] = results.stepWork[side] = launched;
      if (urls.floor) results.stepWork.floor = launched;
      if (urls.app) results.offline = results.history = results.keys = launched;
    } else {
      browser = launched.b;
      const b = browser;
      await latencyParts(b, urls);
      if (urls.app && servers.app) {
        const server = servers.app;
        results.offline = await attempt('offline cold start', () =>
          measureOffline(b, urls.app!, server, OFFLINE_RUNS),
        );
      }
      // 2g, 2h. History at 10,000 sessions and keystroke cost, each while the budget leaves room for it.
      if (urls.app) await browserParts(b, urls.app, ['history', 'keys', 'photos']);
      await browser.close().catch(() => undefined);
      browser = undefined;
    }
  }
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
    ? only.flatMap(outcomes)
    : [
        ...Object.entries(results.builds).map(([k, v]): [string, Outcome<object>] => [`build ${k}`, v]),
        ...PARTS.flatMap(outcomes),
        ['offline', results.offline] as [string, Outcome<object>],
        ['lookup', results.lookup] as [string, Outcome<object>],
        ['bytes', results.bytes] as [string, Outcome<object>],
        ['scale', results.scale] as [string, Outcome<object>],
      ]
).filter(([, o]) => failed(o));
log(
  `finished in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote tests/bench/results.json and results.md`,
);
if (failures.length) log(`parts that failed: ${failures.map(([k]) => k).join(', ')}`);
// A missed target fails the run as loudly as a failed part: listed last, where a log is read from.
const missed = missedTargets(results);
if (missed.length) {
  log(`${missed.length} target(s) missed:`);
  for (const t of missed) log(`  ✗ ${t.target}: ${t.detail}`);
}
clearTimeout(watchdog);
process.exitCode = failures.length || missed.length ? 1 : 0;
