/**
 * `npm run test:engines`: the core journeys in WebKit (WebKitGTK) and Firefox, as the Chromium suite runs
 * them in Playwright. Builds the app once, serves it on a port of its own for each engine, runs the
 * engines one after the other (two browsers never compete for a busy 2-core machine) and prints each
 * journey, each engine's time and, on failure, the engine, journey, step and what the page showed.
 *
 * `npm run test:engines -- firefox` runs one engine.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../support/static-server.ts';
import { buildApp, ROOT } from '../support/vite-build.ts';
import { EngineBrowser } from './browser.ts';
import type { Primitives } from './browser.ts';
import { FIREFOX, launchFirefox } from './firefox.ts';
import { JOURNEYS } from './journeys.ts';
import type { Context } from './journeys.ts';
import { cleanUpAll, within } from './processes.ts';
import { MINIBROWSER, WEBKIT_DRIVER, launchWebKit } from './webkit.ts';

interface Engine {
  name: string;
  needs: string[];
  launch: () => Promise<Primitives>;
}

const ENGINES: Engine[] = [
  { name: 'WebKit', needs: [WEBKIT_DRIVER, MINIBROWSER, '/usr/bin/Xvfb'], launch: launchWebKit },
  { name: 'Firefox', needs: [FIREFOX], launch: launchFirefox },
];

// A journey waits 20 s at most for any one thing; this only catches a driver that stopped answering.
const JOURNEY_LIMIT_MS = 180_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/** Where the page is and what it shows, for a failure's report; a few seconds at most. */
async function pageNow(b: EngineBrowser): Promise<string> {
  const look = b.evaluate<string>(
    '() => location.href + " " + JSON.stringify((document.querySelector("main") || document.body || {}).innerText?.replace(/\\s+/g, " ").slice(0, 300))',
  );
  const late = new Promise<string>((done) => setTimeout(() => done('(no answer)'), 5_000).unref());
  return Promise.race([look.catch((e: unknown) => `(unreadable: ${firstLine(e)})`), late]);
}

/** After a failure, a fresh start for the next journey: the home screen, the first language again. */
async function fresh(b: EngineBrowser): Promise<void> {
  await b.goto('/');
  await b.evaluate('() => localStorage.clear()');
  await b.reload();
}

interface Outcome {
  passed: number;
  failures: string[];
  skips: string[];
}

/** Runs every journey in one engine, with its own server; never rejects. */
async function runEngine(engine: Engine, dist: string): Promise<Outcome> {
  const out: Outcome = { passed: 0, failures: [], skips: [] };
  const fail = (where: string, e: unknown) => {
    const line = `${engine.name} › ${where}: ${firstLine(e)}`;
    out.failures.push(line);
    console.log(`  ✗ ${line}`);
  };
  const missing = engine.needs.filter((f) => !existsSync(f));
  if (missing.length) {
    fail('launch', new Error(`missing ${missing.join(', ')} (bash .ci/run installs them)`));
    return out;
  }
  let held: { path: RegExp; gone: Promise<void>; release: () => void } | undefined;
  const server = await serve(dist, { delay: (path) => (held?.path.test(path) ? held.gone : 0) });
  let prims: Primitives | undefined;
  try {
    const t0 = Date.now();
    try {
      prims = await engine.launch();
    } catch (e) {
      fail('launch', e);
      return out;
    }
    const b = new EngineBrowser(engine.name, server.url, prims);
    console.log(`${b.version}: started in ${seconds(Date.now() - t0)}`);
    let stuck = false;
    let stopped: Promise<void> | undefined;
    for (const journey of JOURNEYS) {
      if (stuck) {
        fail(journey.name, new Error('not run: the browser stopped answering'));
        continue;
      }
      let step = 'start';
      const c: Context = {
        step: (name) => {
          step = name;
        },
        skip: (what, reason) => {
          const line = `${engine.name} › ${journey.name} › ${what}: skipped, ${reason}`;
          out.skips.push(line);
          console.log(`  - ${line}`);
        },
        // Once: a journey after the one that stopped it may stop it again.
        stopServer: () => (stopped ??= server.close()),
        hold: (path) => {
          let release = () => {};
          const gone = new Promise<void>((done) => (release = done));
          held = { path, gone, release };
        },
        release: () => {
          held?.release();
          held = undefined;
        },
      };
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          journey.run(b, c),
          new Promise((_, reject) => {
            timer = setTimeout(() => {
              stuck = true;
              reject(new Error(`no answer from the browser in ${seconds(JOURNEY_LIMIT_MS)}`));
            }, JOURNEY_LIMIT_MS);
          }),
        ]);
        out.passed++;
        console.log(`  ✓ ${journey.name} (${seconds(Date.now() - started)})`);
      } catch (e) {
        fail(`${journey.name} › ${step}`, e);
        if (!stuck) {
          console.log(`    the page: ${await pageNow(b)}`);
          await within(fresh(b), 30_000);
        }
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    if (prims) await within(prims.close(), 15_000);
    await within(server.close(), 5_000);
  }
  return out;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).map((a) => a.toLowerCase());
  const engines = ENGINES.filter((e) => !wanted.length || wanted.includes(e.name.toLowerCase()));
  if (!engines.length) {
    console.error(
      `no engine named ${wanted.join(', ')}; the engines are ${ENGINES.map((e) => e.name).join(', ')}`,
    );
    return 2;
  }
  const t0 = Date.now();
  const dist = await buildApp(join(ROOT, 'dist-engines'));
  console.log(`built in ${seconds(Date.now() - t0)}`);
  const totals: Outcome = { passed: 0, failures: [], skips: [] };
  const times: string[] = [];
  for (const engine of engines) {
    const started = Date.now();
    const o = await runEngine(engine, dist);
    const took = seconds(Date.now() - started);
    times.push(`${engine.name} ${took}`);
    console.log(`${engine.name}: ${o.passed} passed, ${o.failures.length} failed in ${took}\n`);
    totals.passed += o.passed;
    totals.failures.push(...o.failures);
    totals.skips.push(...o.skips);
  }
  console.log(`engines took ${times.join(', ')}; ${seconds(Date.now() - t0)} in all`);
  if (totals.skips.length) console.log(`skipped steps:\n  ${totals.skips.join('\n  ')}`);
  if (totals.failures.length) console.log(`failed:\n  ${totals.failures.join('\n  ')}`);
  const skipped = totals.skips.length ? `, ${totals.skips.length} skipped` : '';
  console.log(`engines: ${totals.passed} passed, ${totals.failures.length} failed${skipped}`);
  return totals.failures.length ? 1 : 0;
}

main()
  .then((code) => {
    cleanUpAll();
    process.exit(code);
  })
  .catch((e: unknown) => {
    console.error(`engines: ${e instanceof Error ? e.message : String(e)}`);
    cleanUpAll();
    process.exit(1);
  });
