import { expect, test } from '@playwright/test';

test('the key checker names em dashes and shows the key as it should be typed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Product key checker' }).click();
  await expect(page).toHaveURL(/#\/tools\/key$/);
  await page.getByRole('textbox').first().fill('NPPR9—FWDCX—D2C8J—H872K—2YT43');
  await expect(page.getByText(/em dash/).first()).toBeVisible();
  await expect(page.getByText('NPPR9-FWDCX-D2C8J-H872K-2YT43', { exact: true }).first()).toBeVisible();
});

test('the key checker names letters that never appear in keys, lowercase and spaces', async ({ page }) => {
  await page.goto('/#/tools/key');
  await page.getByRole('textbox').first().fill(' nppr9-fwdcx-d2c8j-h872k-2yt4O ');
  const results = page.locator('[aria-live="polite"]').filter({ hasText: /./ }).first();
  await expect(results).toContainText('O');
  await expect(page.getByText(/lowercase/i).first()).toBeVisible();
  await expect(page.getByText(/space/i).first()).toBeVisible();
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
