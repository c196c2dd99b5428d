import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { waitForController } from './support/pwa.ts';

const question = '#step-question';

test.describe('after one visit, everything works offline', () => {
  test('reload, deep link, a full flow, language, transcript export', async ({ page, context }) => {
    await page.goto('/');
    await expect(page.getByText('Ready to work offline')).toBeVisible();
    await waitForController(page);
    await context.setOffline(true);

    await page.reload();
    await expect(page.getByLabel('Error code')).toBeVisible();
    await expect(page.getByText('Offline', { exact: true })).toBeVisible();

    await page.goto('/#/code/3221549164');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(page.locator(question)).toHaveText(/Turn the NTP client on/);
    await page.getByRole('button', { name: 'Fixed' }).click();
    await expect(page.getByText('Marked as fixed')).toBeVisible();

    await page.getByRole('button', { name: /Русский/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator(question)).toHaveText(/Включите NTP-клиент/);

    await page.getByRole('link', { name: 'Выгрузить протокол' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать .md' }).click();
    const text = await readFile((await (await download).path())!, 'utf8');
    expect(text).toContain('0xC004F06C');
    expect(text).toContain(
      'Служба управления ключами (KMS) сообщила, что отметка времени запроса недействительна',
    );
    expect(text).toMatch(/Сравните часы/);
    expect(text).toContain('w32tm /query /status /verbose');
    expect(text).toMatch(/Исправлено/);
  });

  test('an unvisited flow and every language are in the cache before they are needed', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await waitForController(page);
    await expect(page.getByText('Ready to work offline')).toBeVisible();
    await context.setOffline(true);
    // A flow never opened online, and a language never shown online.
    await page.goto('/#/flow/product-codes');
    await expect(page.locator(question)).toBeVisible();
    await page.getByRole('button', { name: /Русский/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator(question)).toHaveText(/[а-яё]/i);
  });
});

test.describe('sessions are kept', () => {
  test('a reload mid-flow resumes at the same step', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(page.locator(question)).toHaveText(/workgroup computer/);
    await page.reload();
    await expect(page.locator(question)).toHaveText(/workgroup computer/);
    await expect(
      page.getByRole('navigation', { name: 'Your answers so far' }).getByRole('button'),
    ).toHaveCount(2);
  });

  test('opening the app offers to resume an unfinished session', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(page.locator(question)).toHaveText(/joined to an Active Directory domain/);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.locator(question)).toHaveText(/joined to an Active Directory domain/);
  });

  test('history survives a reload, and delete works', async ({ page }) => {
    await page.goto('/#/code/0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(page.getByText('Collect before escalating')).toBeVisible();
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();

    await page.goto('/#/history');
    await page.reload();
    const rows = page.locator('.session-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('In progress');
    await expect(rows.nth(1)).toContainText('0xC004F06C');
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
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'Fixed' }).click();
    await expect(page.getByText('Marked as fixed')).toBeVisible();
    await expect(page.getByText(/does not let the guide save sessions/)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});
