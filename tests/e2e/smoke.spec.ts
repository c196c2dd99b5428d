import { expect, test } from '@playwright/test';

test('the first screen renders', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Activation Field Guide/);
});
