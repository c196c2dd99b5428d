import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectReadyOffline } from './support/pwa.ts';
import { command, label, text, walk } from './support/screens.ts';

// The service worker is what these tests are about.
test.use({ serviceWorkers: 'allow' });

// The first install fetches and stores every file: on a busy machine that alone can take tens of seconds.
test.describe.configure({ timeout: 90_000 });

const question = '#step-question';
const TS = 'time-sync';
// Both clocks read in UTC, more than 4 hours apart, the KMS host's clock is wrong, resync on the host fixes it.
const HOST_FIXED = ['both', 'yes', 'host', 'yes', 'yes', 'yes'];
/** Markdown's escapes taken out, to find a text as it reads. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

test.describe('after one visit, everything works offline', () => {
  test('reload, deep link, a full flow, language, transcript export', async ({ page, context }) => {
    await page.goto('/');
    await expectReadyOffline(page);
    await context.setOffline(true);

    await page.reload();
    await expect(page.getByLabel('Error code')).toBeVisible();
    await expect(page.getByText('Offline', { exact: true })).toBeVisible();

    await page.goto('/#/code/3221549164');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    const end = await walk(page, { flow: TS }, HOST_FIXED);
    expect(end.node.id).toBe('activated');
    await page.getByRole('button', { name: 'Fixed' }).click();
    await expect(page.getByText('Marked as fixed')).toBeVisible();

    await page.getByRole('button', { name: /Русский/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator(question)).toHaveText(text(TS, 'activated', 'ru'));

    await page.getByRole('link', { name: 'Выгрузить протокол' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать .md' }).click();
    const md = await readFile((await (await download).path())!, 'utf8');
    expect(md).toContain('0xC004F06C');
    expect(md).toContain(
      'Служба управления ключами (KMS) сообщила, что отметка времени запроса недействительна',
    );
    expect(plain(md)).toContain(text(TS, 'start', 'ru'));
    expect(plain(md)).toContain(label(TS, 'which-clock', 'host', 'ru'));
    expect(md).toContain(command(TS, 'utc-both'));
    expect(md).toMatch(/Исправлено/);
  });

  test('an unvisited flow and every language are in the cache before they are needed', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await expectReadyOffline(page);
    await context.setOffline(true);
    // A flow never opened online, and a language never shown online.
    await page.goto('/#/flow/product-codes');
    await expect(page.locator(question)).toBeVisible();
    await page.getByRole('button', { name: /Русский/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator(question)).toHaveText(/[а-яё]/i);
    // The checkers' strings load with them, in the language on screen, and follow a switch.
    await page.goto('/#/tools/key');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Проверка ключа продукта');
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Product key checker');
    await page.goto('/#/tools/product-code');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Product code (GUID) checker');
  });
});

test('a cleared offline copy is reported, refilled when the network returns, and works offline again', async ({
  page,
  context,
}) => {
  await page.goto('/#/flow/time-sync');
  await expectReadyOffline(page);
  await context.setOffline(true);
  // Site data cleared (or evicted) while there is no network.
  await page.evaluate(async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    dispatchEvent(new Event('offline'));
  });
  await expect(
    page.getByText(/^Offline use is not ready: \d+ files of the offline copy are missing/),
  ).toBeVisible();
  await context.setOffline(false);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await expect(page.getByText('The offline copy is complete again')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Offline use is not ready/)).toHaveCount(0);
  await context.setOffline(true);
  await page.goto('/#/code/0xC004F06C');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
  await page.getByRole('button', { name: 'Start troubleshooting' }).click();
  await expect(page.locator(question)).toHaveText(text(TS, 'start'));
});

test.describe('sessions are kept', () => {
  test('a reload mid-flow resumes at the same step', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await walk(page, { flow: TS }, ['both', 'yes']);
    await expect(page.locator(question)).toHaveText(text(TS, 'which-clock'));
    await page.reload();
    await expect(page.locator(question)).toHaveText(text(TS, 'which-clock'));
    await expect(
      page.getByRole('navigation', { name: 'Your answers so far' }).getByRole('button'),
    ).toHaveCount(2);
  });

  test('opening the app offers to resume an unfinished session', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: label(TS, 'start', 'both'), exact: true }).click();
    await expect(page.locator(question)).toHaveText(text(TS, 'utc-both'));
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.locator(question)).toHaveText(text(TS, 'utc-both'));
  });

  test('history survives a reload, delete works and can be undone, unanswered sessions are folded', async ({
    page,
  }) => {
    // Opened and left without an answer: kept, but folded away below the sessions worked on.
    await page.goto('/#/flow/kms-dns');
    await expect(page.locator(question)).toBeVisible();
    await page.goto('/#/code/0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    await walk(page, { flow: TS }, ['both', 'no']); // the clocks agree: time is not the cause
    await expect(page.getByText('Collect before escalating')).toBeVisible();
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: label(TS, 'start', 'both'), exact: true }).click();
    await expect(page.locator(question)).toHaveText(text(TS, 'utc-both'));

    await page.goto('/#/history');
    await page.reload();
    const folded = page.locator('details.unanswered');
    await expect(folded.locator('summary')).toHaveText('1 session opened without an answer');
    await expect(folded.locator('.session-row')).toBeHidden();
    await folded.locator('summary').click();
    await expect(folded.locator('.session-row')).toContainText('KMS discovery through DNS');
    await folded.getByRole('button', { name: /^Delete/ }).click();
    await expect(folded).toHaveCount(0);

    const rows = page.locator('.session-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('In progress');
    await expect(rows.nth(1)).toContainText('0xC004F06C');
    await expect(rows.nth(1)).toContainText('Escalated');

    // A tap on Delete is undone, the session whole again; the next Delete stays.
    await rows
      .nth(1)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect(rows).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Escalated');
    await rows
      .nth(1)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect(rows).toHaveCount(1);
    await page.reload();
    await expect(rows).toHaveCount(1);
    await page.getByRole('button', { name: 'Delete all sessions' }).click();
    await page.getByRole('button', { name: 'Delete all', exact: true }).click();
    await expect(page.getByText('No sessions yet')).toBeVisible();
    await page.reload();
    await expect(page.getByText('No sessions yet')).toBeVisible();
  });

  test('with IndexedDB blocked the app still walks a flow, and says once what it cannot keep', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/#/flow/time-sync');
    await expect(page.getByText(/does not let the guide save sessions/)).toHaveCount(1);
    await walk(page, { flow: TS }, HOST_FIXED);
    await page.getByRole('button', { name: 'Fixed' }).click();
    await expect(page.getByText('Marked as fixed')).toBeVisible();
    await expect(page.getByText(/does not let the guide save sessions/)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});
