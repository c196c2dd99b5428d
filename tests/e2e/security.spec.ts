import { expect, test } from '@playwright/test';
import { putRecords } from './support/storage.ts';
import type { Page } from '@playwright/test';
import { SCREENS, toNumberStep } from './support/screens.ts';

// What the service worker requests counts too: it runs here, as for a user.
test.use({ serviceWorkers: 'allow' });

/** Collects CSP violations, requests to other origins, page errors and dialogs (none is allowed). */
function watch(page: Page) {
  const seen = {
    csp: [] as string[],
    foreign: [] as string[],
    errors: [] as string[],
    dialogs: [] as string[],
  };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
      seen.foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.csp.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

test('the built page carries a strict Content Security Policy', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  // Scripts from this origin only; WebAssembly may be compiled (the photo reader), never a string evaluated.
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:/);
});

test('a full flow and every screen: no CSP violation, no request to another origin', async ({ page }) => {
  const seen = watch(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load: CSP ${e.violatedDirective}`),
    );
  });
  await page.goto('/#/code/0xC004F038');
  await page.getByRole('button', { name: 'Start troubleshooting' }).click();
  await toNumberStep(page);
  await page.locator('#number-answer').fill('30');
  await page.locator('#number-answer').press('Enter');
  await expect(page.locator('#step-question')).toBeVisible();
  for (const screen of SCREENS) await screen.open(page);
  expect(seen).toEqual({ csp: [], foreign: [], errors: [], dialogs: [] });
});

test.describe('hostile input renders as text', () => {
  test('a code link holding a script tag', async ({ page }) => {
    const seen = watch(page);
    await page.goto(`/#/code/${encodeURIComponent('<script>alert(1)</script>')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No activation error matches');
    await expect(page.locator('code.query')).toHaveText('<script>alert(1)</script>');
    expect(await page.locator('main script').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
  });

  test('a flow link holding an image with onerror', async ({ page }) => {
    const seen = watch(page);
    await page.goto(`/#/flow/${encodeURIComponent('<img src=x onerror=alert(1)>')}/x`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This step does not exist');
    expect(await page.locator('main img').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test('a lookup of markup', async ({ page }) => {
    const seen = watch(page);
    await page.goto('/');
    await page.locator('#code-input').fill('"><svg onload=alert(1)>');
    await page.locator('#code-input').press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No activation error matches');
    expect(await page.locator('main svg').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
  });

  test('a malformed link is a clear "not found"', async ({ page }) => {
    const seen = watch(page);
    await page.goto('/#/flow/%E0%A4%A');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    expect(seen.errors).toEqual([]);
  });
});

test('a product key typed into the checker is never stored, logged or put in the URL', async ({ page }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  const key = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';
  await page.goto('/#/tools/key');
  await page.getByRole('textbox').first().fill(key.replace(/-/g, '—'));
  await expect(page.getByText(key, { exact: true }).first()).toBeVisible();
  const stored = await page.evaluate(async () => {
    const parts: string[] = [
      location.href,
      JSON.stringify(history.state),
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
    ];
    for (const db of await indexedDB.databases()) {
      const open = indexedDB.open(db.name!);
      const conn = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
      for (const name of conn.objectStoreNames) {
        const all = conn.transaction(name).objectStore(name).getAll();
        parts.push(JSON.stringify(await new Promise((r) => (all.onsuccess = () => r(all.result)))));
      }
      conn.close();
    }
    return parts.join('\n');
  });
  expect(stored.toUpperCase().replace(/[^A-Z0-9]/g, '')).not.toContain('NPPR9FWDCXD2C8JH872K2YT43');
  expect(logs.join('\n')).not.toContain('NPPR9');
  // Leaving the tool takes the key off the screen.
  await page.goto('/#/');
  await page.goBack();
  await expect(page.getByRole('textbox').first()).toHaveValue('');
});

test('names every object has are plainly "not found", in links and in saved sessions', async ({ page }) => {
  for (const [hash, heading] of [
    ['#/flow/__proto__', 'This step does not exist'],
    ['#/flow/constructor/toString', 'This step does not exist'],
    ['#/flow/time-sync/constructor', 'This step does not exist'],
    ['#/session/__proto__', 'This session is not saved on this device'],
  ] as const) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('heading', { level: 1 }), hash).toHaveText(heading);
  }
  // A stored session whose flow is such a name lists under that name, not as a function's source.
  await putRecords(page, [
    {
      schema: 2,
      id: 'odd-one',
      flow: 'constructor',
      state: { v: 1, trail: [{ flow: 'constructor', node: 'toString' }] },
      status: 'active',
      startedAt: 1000,
      updatedAt: 2000,
    },
  ]);
  await page.goto('/#/history');
  await expect(page.locator('.session-row')).toHaveCount(1);
  await expect(page.locator('.session-row')).toContainText('constructor');
  await expect(page.locator('body')).not.toContainText('native code');
});

test('facts another script of the origin stored are checked on Resume: none reaches a command, and it says so', async ({
  page,
}) => {
  // History opens the database, as the store needs before records can be put in.
  await page.goto('/#/history');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const line = 'Registered KMS machine name: kms01:1688';
  await putRecords(page, [
    {
      schema: 2,
      id: 'tampered-facts',
      flow: 'kms-connect',
      state: {
        v: 1,
        trail: [
          { flow: 'kms-connect', node: 'know-host', answer: 'fqdn', at: 1500 },
          { flow: 'kms-connect', node: 'set-host' },
        ],
      },
      status: 'active',
      startedAt: 1000,
      updatedAt: Date.now(),
      facts: {
        kmsHost: { value: 'kms01 & net user eve P@ss /add & rem', line },
        name: { value: 'W'.repeat(1_000_000), line: 'Name: W' },
      },
    },
  ]);
  await page.goto('/');
  await page.reload();
  await page.getByRole('button', { name: 'Resume' }).click();
  const command = page.locator('.command').first();
  await expect(command).toContainText('/skms <KMS host FQDN>:1688');
  await expect(page.locator('body')).not.toContainText('net user');
  await expect(page.locator('.notice')).toContainText('did not pass the guide’s checks');
});
