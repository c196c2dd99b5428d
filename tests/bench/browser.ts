/** Launches the Debian Chromium through Playwright with flags that keep it quiet and offline. */
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';

import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';

export { CHROMIUM, CHROMIUM_ARGS };

/** A headless Chromium for the in-page probes. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A browser context in English with a phone-sized viewport, ready for functions passed to page.evaluate. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 412, height: 823 },
    ...options,
  });
  // tsx keeps function names with a __name() helper, which the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}
