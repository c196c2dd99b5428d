import { expect, test } from '@playwright/test';

test('the key checker names em dashes and shows the key as it should be typed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Product key checker' }).click();
  await expect(page).toHaveURL(/#\/tools\/key$/);
  await page.getByRole('textbox').first().fill('NPPR9—FWDCX—D2C8J—H872K—2YT43');
  await expect(page.getByText(/em dash/).first()).toBeVisible();
  await expect(page.getByText('NPPR9-FWDCX-D2C8J-H872K-2YT43', { exact: true }).first()).toBeVisible();
});

test('the key checker names letters that never appear in keys and spaces, and only notes lowercase', async ({
  page,
}) => {
  await page.goto('/#/tools/key');
  await page.getByRole('textbox').first().fill(' nppr9-fwdcx-d2c8j-h872k-2yt4O ');
  const results = page.locator('.tool-result');
  await expect(results).toContainText('O');
  await expect(results.locator('.problems')).toContainText(/space/i);
  await expect(results.locator('.problems')).not.toContainText(/lowercase/i);
  await expect(results.locator('.notes')).toContainText(/lowercase/i);
});

test('a key in lowercase reads as right, with a note and the key in capitals', async ({ page }) => {
  await page.goto('/#/tools/key');
  await page.getByRole('textbox').first().fill('w269n-wfgwx-yvc9b-4j6c9-t83gx');
  const results = page.locator('.tool-result');
  await expect(results.getByText('Looks right')).toBeVisible();
  await expect(results).not.toContainText('What to fix');
  await expect(results.getByText(/^Lowercase letters: not a mistake/)).toBeVisible();
  await expect(results.locator('.flag')).toHaveText('Unverified');
  await expect(results.getByText('W269N-WFGWX-YVC9B-4J6C9-T83GX', { exact: true })).toBeVisible();
});

test('what was typed in a checker stays as it was across a language switch, and the page follows the language', async ({
  page,
}) => {
  await page.goto('/#/tools/key');
  const field = page.getByRole('textbox', { name: 'Product key' });
  await field.fill('NPPR9-FWDCX-D2C8-H872K-2YT43');
  await expect(page.locator('.tool-result')).toContainText('What to fix');
  await page.getByRole('button', { name: /Русский/ }).click();
  // The field is drawn once and never again as the key is typed: its label must still follow the language.
  const ru = page.getByRole('textbox', { name: 'Ключ продукта' });
  await expect(ru).toHaveValue('NPPR9-FWDCX-D2C8-H872K-2YT43');
  await expect(page.locator('.tool-result')).toContainText('Что исправить');
  await ru.press('End');
  await ru.press('Backspace');
  await expect(ru).toHaveValue('NPPR9-FWDCX-D2C8-H872K-2YT4');
  await expect(page.locator('.tool-result')).toContainText('23');
});

test('a key one character short says which group is short', async ({ page }) => {
  await page.goto('/#/tools/key');
  await page.getByRole('textbox').first().fill('NPPR9-FWDCX-D2C8-H872K-2YT43');
  await expect(page.getByText('24 key characters instead of 25 (hyphens not counted).')).toBeVisible();
  await expect(page.getByText('Group 3 has 4 characters instead of 5.')).toBeVisible();
});

test('Cyrillic look-alikes in a key are named and the Latin key is offered', async ({ page }) => {
  await page.goto('/#/tools/key');
  // Cyrillic С (U+0421) and Х (U+0425), as a Russian keyboard layout types them.
  await page.getByRole('textbox').first().fill('NPPR9-FWDСХ-D2C8J-H872K-2YT43');
  const results = page.locator('.tool-result');
  await expect(results.getByText('Cyrillic С (U+0421) looks like Latin C.')).toBeVisible();
  await expect(results.getByText('Cyrillic Х (U+0425) looks like Latin X.')).toBeVisible();
  await expect(results.getByText('NPPR9-FWDCX-D2C8J-H872K-2YT43', { exact: true })).toBeVisible();
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });
  test('Cyrillic look-alikes are named in Russian', async ({ page }) => {
    await page.goto('/#/tools/key');
    await page.getByRole('textbox').first().fill('NPPR9-FWDСX-D2C8J-H872K-2YT43');
    await expect(page.getByText('Кириллическая С (U+0421) похожа на латинскую C.')).toBeVisible();
    await expect(page.getByText('1 кириллическая буква', { exact: false })).toBeVisible();
  });
});

test.describe('on a 320 × 640 phone', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

  for (const [name, typed] of [
    ['em dashes', 'NPPR9—FWDCX—D2C8J—H872K—2YT43'],
    ['lowercase', 'nppr9-fwdcx-d2c8j-h872k-2yt43'],
  ] as const)
    test(`the suggested key is fully visible on one line (${name})`, async ({ page }) => {
      await page.goto('/#/tools/key');
      await page.getByRole('textbox').first().fill(typed);
      const value = page.locator('.tool-result .copy-text');
      await expect(value).toHaveText('NPPR9-FWDCX-D2C8J-H872K-2YT43');
      const box = (await value.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      // One line: no wider than the text itself, and as tall as one line of it.
      const fit = await value.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return { lines: range.getClientRects().length, scroll: el.scrollWidth, client: el.clientWidth };
      });
      expect(fit.lines).toBe(1);
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
      // The field shows a whole key too, nothing scrolled out of view (dashes may come from a wider font).
      const field = page.locator('#key-input');
      const fieldFit = await field.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      if (name === 'lowercase') expect(fieldFit.scroll).toBeLessThanOrEqual(fieldFit.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
});

test('a correct key reads as right', async ({ page }) => {
  await page.goto('/#/tools/key');
  await page.getByRole('textbox').first().fill('W269N-WFGWX-YVC9B-4J6C9-T83GX');
  await expect(page.getByText('Looks right').first()).toBeVisible();
});

test('the product code checker corrects a lowercase GUID and makes a new one', async ({ page }) => {
  await page.goto('/#/tools/product-code');
  await page.getByRole('textbox').first().fill('6f9619ff-8b86-d011-b42d-00c04fc964ff');
  await expect(
    page.getByText('{6F9619FF-8B86-D011-B42D-00C04FC964FF}', { exact: true }).first(),
  ).toBeVisible();
  await page.getByRole('button', { name: /New code/ }).click();
  await expect(
    page.getByText(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/).first(),
  ).toBeVisible();
});

test('the product code checker unpacks a packed GUID from the registry and says it was packed', async ({
  page,
}) => {
  await page.goto('/#/tools/product-code');
  await page.getByRole('textbox').first().fill('00004109110000000000000000F01FEC');
  const results = page.locator('.tool-result');
  await expect(results.getByText(/^Packed GUID/)).toBeVisible();
  await expect(results.getByText('Unpacked, the code is:')).toBeVisible();
  await expect(results.getByText('{90140000-0011-0000-0000-0000000FF1CE}', { exact: true })).toBeVisible();
  // The other reading of the same digits is given, but only as a hint.
  await expect(
    results.getByText(/code itself written without hyphens.*\{00004109-1100-0000-0000-000000F01FEC\}/),
  ).toBeVisible();
});

test('the product code checker fixes en dashes and gives the packed form to look for', async ({ page }) => {
  await page.goto('/#/tools/product-code');
  await page.getByRole('textbox').first().fill('{90140000–0011–0000–0000–0000000FF1CE}');
  const results = page.locator('.tool-result');
  await expect(results.getByText(/en dashes \(–\)/)).toBeVisible();
  await expect(results.getByText('{90140000-0011-0000-0000-0000000FF1CE}', { exact: true })).toBeVisible();
  await expect(
    results.getByText(/names this code 00004109110000000000000000F01FEC \(packed\)/),
  ).toBeVisible();
});

test('the checkers take at most 200 characters, however much is pasted', async ({ page }) => {
  for (const [hash, field] of [
    ['#/tools/key', '#key-input'],
    ['#/tools/product-code', '#guid-input'],
  ] as const) {
    await page.goto(`/${hash}`);
    await page.locator(field).fill('A'.repeat(100_000));
    expect(await page.locator(field).inputValue()).toHaveLength(200);
  }
});
