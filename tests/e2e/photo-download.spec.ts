/**
 * Getting photo reading ready offline, as the paste box shows it: a download that fails says why and offers a
 * Retry; the Retry shows its progress while the files come, and ends ready offline.
 */
import { expect, test } from '@playwright/test';
import type { Route } from '@playwright/test';
import { expectReadyOffline } from './support/pwa.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 120_000 });

test('a failed download says why and offers a Retry, which shows its progress and ends ready offline', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expectReadyOffline(page);
  // The service worker's fetch of the English model fails, as with the network gone mid-way.
  await context.route('**/ocr/eng.traineddata.gz', (route) => route.abort('internetdisconnected'));
  await page.goto('/#/paste');
  await expect(page.getByText(/Photo reading is not ready offline yet: there is no network/)).toBeVisible({
    timeout: 60_000,
  });
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();

  // The model's request is held until the progress has been seen.
  await context.unrouteAll();
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await context.route('**/ocr/eng.traineddata.gz', async (route: Route) => {
    await held;
    await route.continue();
  });
  await retry.click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(page.getByText(/Getting photo reading ready to work offline: \d+%/)).toBeVisible();
  release();
  await expect(page.getByText('Photo reading: ready offline.')).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveCount(0);
  await expect(retry).toHaveCount(0);
});
