import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { expectReadyOffline, waitForController } from './support/pwa.ts';
import { label, text } from './support/screens.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';
import { serve } from '../support/static-server.ts';
import type { StaticServer } from '../support/static-server.ts';
import { buildApp, ROOT } from '../support/vite-build.ts';

// The service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

const TS = 'time-sync';
const both = label(TS, 'start', 'both'); // UTC read on both machines

// These tests build the app themselves (two versions, a sub-path), so they run one after another.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let v1 = '';
let v2 = '';
test.beforeAll(async () => {
  // Builds take long on a busy machine; the hook has a budget of its own.
  test.setTimeout(240_000);
  v1 = await buildApp('dist-e2e-v1', { APP_VERSION: '1.0.0-e2e' });
  v2 = await buildApp('dist-e2e-v2', { APP_VERSION: '2.0.0-e2e' });
});

test('an update asks before reloading, and the session continues at the same step', async ({ page }) => {
  const server: StaticServer = await serve(v1);
  try {
    await page.goto(`${server.url}#/flow/time-sync`);
    await expectReadyOffline(page);
    await expect(page.getByText('Version 1.0.0-e2e')).toBeAttached();
    await page.getByRole('button', { name: both, exact: true }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'which-clock'));

    server.swap(v2);
    let reloaded = false;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) reloaded = true;
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('New version available')).toBeVisible({ timeout: 20_000 });
    // Nothing reloads by itself while the prompt waits: the new worker stays waiting (it would have to take
    // control for a reload), and the page keeps a mark a reload would wipe.
    await page.evaluate(() => Object.assign(window, { __kept: true }));
    await expect
      .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting))
      .toBe(true);
    expect(await page.evaluate(() => (window as { __kept?: boolean }).__kept)).toBe(true);
    expect(reloaded).toBe(false);
    await expect(page.getByText('Version 1.0.0-e2e')).toBeAttached();

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('Version 2.0.0-e2e')).toBeAttached({ timeout: 20_000 });
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'which-clock'));
    await expect(
      page.getByRole('navigation', { name: 'Your answers so far' }).getByRole('button'),
    ).toHaveCount(2);
  } finally {
    await server.close();
  }
});

test('an update applied in another tab never reloads this one under the user; its next screen is the new version', async ({
  context,
}) => {
  const server: StaticServer = await serve(v1);
  try {
    const a = await context.newPage();
    await a.goto(`${server.url}#/flow/time-sync`);
    await waitForController(a);
    await a.getByRole('button', { name: both, exact: true }).click();
    await expect(a.locator('#step-question')).toHaveText(text(TS, 'utc-both'));
    const b = await context.newPage();
    await b.goto(server.url);
    await waitForController(b);

    server.swap(v2);
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(b.getByText('New version available')).toBeVisible({ timeout: 20_000 });
    await a.evaluate(() => Object.assign(window, { __kept: true }));
    await b.getByRole('button', { name: 'Reload' }).click();
    await expect(b.getByText('Version 2.0.0-e2e')).toBeAttached({ timeout: 20_000 });

    // The first tab stays on its step, on the old version, and says what happened.
    await expect(a.getByText('The guide was updated in another tab')).toBeVisible({ timeout: 20_000 });
    expect(await a.evaluate(() => (window as { __kept?: boolean }).__kept)).toBe(true);
    await expect(a.getByText('Version 1.0.0-e2e')).toBeAttached();
    await expect(a.locator('#step-question')).toHaveText(text(TS, 'utc-both'));
    // Its next screen is the new version's: History, whose old chunk is gone, opens instead of "not found".
    await a.getByRole('link', { name: 'History' }).click();
    await expect(a.getByText('Version 2.0.0-e2e')).toBeAttached({ timeout: 20_000 });
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('History');
    await expect(a.locator('.session-row')).toHaveCount(1);
    // Back leads to the same step, in the new version.
    await a.goBack();
    await expect(a.locator('#step-question')).toHaveText(text(TS, 'utc-both'));
  } finally {
    await server.close();
  }
});

test('a screen whose code is gone reloads once to fetch it, and never loops', async ({ page }) => {
  const server: StaticServer = await serve(v1);
  try {
    await page.goto(server.url);
    await waitForController(page);
    // The key checker's chunk is gone from the cache and from the server (a newer deploy).
    server.swap(v2);
    const evicted = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys())
          if (/\/assets\/KeyChecker-/.test(req.url)) return (await cache.delete(req)) && req.url;
      }
      return '';
    });
    expect(evicted).toMatch(/KeyChecker-/);
    let loads = 0;
    page.on('load', () => loads++);
    await page.getByRole('link', { name: 'Product key checker' }).click();
    // By its name: while the page reloads, the first screen's headings (one per language) are there too.
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible({
      timeout: 20_000,
    });
    expect(loads).toBe(1);
  } finally {
    await server.close();
  }
});

test('the browser reports the app installable', async () => {
  const server = await serve(v1);
  const profile = mkdtempSync(join(tmpdir(), 'afg-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForController(page);
    const cdp = await context.newCDPSession(page);
    await expect
      .poll(
        async () =>
          ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] })
            .installabilityErrors,
        {
          timeout: 15_000,
        },
      )
      .toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({ display: 'standalone', short_name: expect.any(String), lang: 'en' });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
});

test('a build for a sub-path (/activation/) works offline from it', async ({ page, context }) => {
  const out = await buildApp('dist-e2e-sub', { BASE_PATH: '/activation/' });
  const server = await serve(out, { base: '/activation/' });
  try {
    await page.goto(server.url);
    await expectReadyOffline(page);
    await context.setOffline(true);
    await page.goto(`${server.url}#/code/0xC004F06C`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'start'));
    await page.reload();
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'start'));
    expect(new URL(page.url()).pathname).toBe('/activation/');
  } finally {
    await server.close();
  }
});

test('an update that arrives while offline leaves the app working, waits for Reload, and keeps the step', async ({
  page,
  context,
}) => {
  const server = await serve(v1);
  try {
    await page.goto(`${server.url}#/flow/time-sync`);
    await expectReadyOffline(page);
    server.swap(v2);
    await context.setOffline(true);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update().catch(() => undefined);
    });
    await page.getByRole('button', { name: both, exact: true }).click();
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'utc-both'));
    await context.setOffline(false);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect(page.getByText('New version available')).toBeVisible({ timeout: 20_000 });
    // Still the same page, at the same step, until the user says Reload.
    await expect(page.getByText('Version 1.0.0-e2e')).toBeAttached();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'utc-both'), {
      timeout: 20_000,
    });
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('a precached flow evicted from the cache says it cannot be loaded, and the rest works', async ({
  page,
  context,
}) => {
  const server = await serve(v1);
  try {
    await page.goto(server.url);
    await expectReadyOffline(page);
    // Evicted with no network to fetch it back: the app says offline use is not ready.
    await context.setOffline(true);
    const evicted = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys())
          if (/\/assets\/flows\/mak-/.test(req.url)) {
            await cache.delete(req);
            return req.url;
          }
      }
      return '';
    });
    expect(evicted).toMatch(/mak-/);
    await page.evaluate(() => dispatchEvent(new Event('offline')));
    await expect(
      page.getByText('Offline use is not ready: 1 file of the offline copy is missing'),
    ).toBeVisible();
    await page.goto(`${server.url}#/flow/mak`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This step cannot be loaded');
    await page.goto(`${server.url}#/flow/time-sync`);
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'start'));
  } finally {
    await server.close();
  }
});

test('a new version whose flow changed under a saved session keeps it read-only, never remapped', async ({
  page,
}) => {
  // Version 3: the same app with the time-sync flow's second step leading somewhere else on Yes.
  const flowsDir = join(mkdtempSync(join(tmpdir(), 'afg-flows-')), 'flows');
  cpSync(join(ROOT, 'flows'), flowsDir, { recursive: true });
  const file = join(flowsDir, 'time-sync.json');
  const flow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<Record<string, unknown>> };
  const second = flow.nodes.find((n) => n.id === 'utc-both')!;
  expect(second.yes).toBe('which-clock');
  second.yes = 'offset-size';
  writeFileSync(file, JSON.stringify(flow));
  const v3 = await buildApp('dist-e2e-v3', { APP_VERSION: '3.0.0-e2e', FLOWS_DIR: flowsDir });

  const server = await serve(v1);
  try {
    await page.goto(`${server.url}#/flow/time-sync`);
    await expectReadyOffline(page);
    await page.getByRole('button', { name: both, exact: true }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(page.locator('#step-question')).toHaveText(text(TS, 'which-clock'));

    server.swap(v3);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('Version 3.0.0-e2e')).toBeAttached({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The guide changed since this session');
    await page.getByRole('link', { name: 'View the session' }).click();
    await expect(page.locator('.transcript')).toContainText(text(TS, 'which-clock'));
    await expect(page.getByText(/kept as it was, read-only/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  } finally {
    await server.close();
  }
});
