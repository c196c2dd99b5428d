import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * Marks the document, so that a reload or a form sent to the server, which would make a new one, shows:
 * `same()` is true only in the marked document.
 */
const mark = (page: Page) => page.evaluate(() => ((window as { __same?: number }).__same = 1));
const same = (page: Page) => page.evaluate(() => (window as { __same?: number }).__same === 1);

/** Holds back the app's modules (every script under assets/ but the boot script), as on a slow first visit. */
async function holdModules(page: Page, only = /\/assets\/(?!boot-).+\.js$/): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(only, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe("before any of the app's modules has run", () => {
  test.use({ serviceWorkers: 'block' });

  test('an English browser sees the home screen in English, with its code field', async ({ page }) => {
    await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activation Field Guide');
    await expect(page.getByRole('searchbox')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Paste console output' })).toBeVisible();
    // One copy of the screen is left in the page: one field, one heading.
    await expect(page.locator('#code-input')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveCount(1);
  });

  test.describe('a Russian browser', () => {
    test.use({ locale: 'ru-RU' });
    test('sees the home screen in Russian, and no English at all', async ({ page }) => {
      await holdModules(page);
      await page.goto('/', { waitUntil: 'domcontentloaded' });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Справочник по активации');
      await expect(page.getByRole('link', { name: 'Вставить вывод консоли' })).toBeVisible();
      await expect(page.getByText('Activation Field Guide')).toHaveCount(0);
      await expect(page.getByText('Paste console output')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    });
  });

  test("a language chosen earlier wins over the browser's", async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('afg.lang', 'ru'));
    await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Справочник по активации');
  });

  test('a deep link does not show the home screen first', async ({ page }) => {
    const release = await holdModules(page);
    await page.goto('/#/code/0xC004F074', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('header.top')).toBeVisible();
    await expect(page.locator('.home-title')).toBeHidden();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('0xC004F074');
  });

  test('a code typed and sent before the app took over is opened once it has', async ({ page }) => {
    const release = await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await mark(page);
    await page.locator('#code-input').fill('0xC004F074');
    await page.locator('#code-input').press('Enter');
    // Held back, not a form sent to the server: the page is still the same one.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activation Field Guide');
    expect(page.url()).not.toContain('?');
    release();
    await expect(page).toHaveURL(/#\/code\/0xC004F074$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('0xC004F074');
    // Never a reload: the document the Enter was pressed in is the one that opened the code.
    expect(await same(page), 'the same document').toBe(true);
  });

  test('the language switch pressed before the app took over switches once it has', async ({ page }) => {
    const release = await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await mark(page);
    await page.getByRole('button', { name: /Русский/ }).click();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Справочник по активации');
    expect(await same(page), 'the same document').toBe(true);
  });

  test('a code typed and sent around a language switch pressed before the app took over is opened in that language', async ({
    page,
  }) => {
    const release = await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await mark(page);
    await page.locator('#code-input').fill('0xC004F074');
    await page.getByRole('button', { name: /Русский/ }).click();
    await page.locator('#code-input').press('Enter');
    release();
    await expect(page).toHaveURL(/#\/code\/0xC004F074$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('0xC004F074');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    expect(await same(page), 'the same document').toBe(true);
  });

  test('a code typed before a language switch pressed before the app took over stays in the field', async ({
    page,
  }) => {
    const release = await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await page.locator('#code-input').fill('0xC004F074');
    await page.getByRole('button', { name: /Русский/ }).click();
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Справочник по активации');
    await expect(page.locator('#code-input')).toHaveValue('0xC004F074');
  });

  test('an Enter while the app is still loading the catalog is held back too', async ({ page }) => {
    // The app's code has run, the catalog it needs for the home screen has not arrived yet.
    const release = await holdModules(page, /\/assets\/flows\/catalog-.+\.js$/);
    const asked = page.waitForRequest(/\/assets\/flows\/catalog-/);
    await page.goto('/');
    await asked;
    await mark(page);
    await page.locator('#code-input').fill('0xC004F050');
    await page.locator('#code-input').press('Enter');
    release();
    await expect(page).toHaveURL(/\/#\/code\/0xC004F050$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('0xC004F050');
    expect(await same(page), 'the same document').toBe(true);
  });

  test('the language switch pressed before the app took over holds when the page moves on first', async ({
    page,
  }) => {
    const release = await holdModules(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await mark(page);
    await page.getByRole('button', { name: /Русский/ }).click();
    // A new address in the same document (only the hash changes), as a link on the page would go.
    await page.goto('/#/flow/kms-count', { waitUntil: 'domcontentloaded' });
    release();
    await expect(page.locator('#step-question')).toContainText(/[а-яё]{4}/i);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    expect(await same(page), 'the same document').toBe(true);
  });
});
