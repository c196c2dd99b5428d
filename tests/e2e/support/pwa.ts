/** Helpers for service-worker tests. */
import type { Page } from '@playwright/test';

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
