/** Offline cold start: with the service worker in control and the network gone, time until the code input is usable. */
import type { Browser } from '@playwright/test';
import { newContext } from './browser.ts';
import type { StaticServer } from '../support/static-server.ts';
import { median, quantile } from './stats.ts';

export interface OfflineSummary {
  median: number;
  p95: number;
  samples: number[];
  /** Requests that reached the (dropping) server while offline: none when the service worker serves everything. */
  requestsWhileOffline: string[];
}

/** Visits the app once, waits for its service worker to control the page, then opens it offline `runs` times. */
export async function measureOffline(
  browser: Browser,
  url: string,
  server: StaticServer,
  runs = 10,
): Promise<OfflineSummary> {
  const context = await newContext(browser, { serviceWorkers: 'allow' });
  try {
    const first = await context.newPage();
    await first.goto(url);
    await first.locator('#code-input').waitFor({ state: 'visible', timeout: 30_000 });
    await first.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const deadline = Date.now() + 20_000;
      while (!navigator.serviceWorker.controller && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
    });
    if (!(await first.evaluate(() => !!navigator.serviceWorker.controller))) {
      await first.reload(); // a worker without clients.claim() controls the next load
      await first.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
    }
    await first.close();
    // Offline twice over: the browser context (pages) and the server itself, which drops every
    // request, since requests a service worker makes may not follow the context's offline flag.
    await context.setOffline(true);
    server.setDown(true);
    const before = server.requests().length;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'commit', timeout: 20_000 });
        // performance.now() counts from the navigation start; polled every frame, so it is the first painted frame.
        const handle = await page.waitForFunction(
          () => {
            const input = document.querySelector<HTMLInputElement>('#code-input');
            if (!input || input.disabled || !input.checkVisibility()) return false;
            return performance.now();
          },
          null,
          { polling: 'raf', timeout: 20_000 },
        );
        samples.push((await handle.jsonValue()) as number);
        if (!(await page.evaluate(() => !!navigator.serviceWorker.controller)))
          throw new Error('the offline page was not served by the service worker');
      } finally {
        await page.close();
      }
    }
    return {
      median: median(samples),
      p95: quantile(samples, 0.95),
      samples: samples.map((s) => Math.round(s)),
      requestsWhileOffline: server.requests().slice(before),
    };
  } finally {
    server.setDown(false);
    await context.close();
  }
}
