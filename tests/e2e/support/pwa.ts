/** Helpers for service-worker tests. */
import { expect, type Page } from '@playwright/test';

/** Waits until a service worker controls the page (after the first visit, with clientsClaim). */
export async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
  });
}

/**
 * Waits for the first install to finish (the worker's own state, however long a busy machine takes to fetch and
 * store every file), then for the notice that says so. The notice stays 8 s, so it is seen once the worker is ready.
 */
export async function expectReadyOffline(page: Page): Promise<void> {
  await waitForController(page);
  await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 15_000 });
}
