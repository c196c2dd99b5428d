/**
 * Firefox: Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core, which Firefox speaks
 * natively (no geckodriver, which Debian does not ship).
 */
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { ElementHandle } from 'puppeteer-core';
import type { Handle, Primitives } from './browser.ts';
import { killGroup, onCleanup, tempDir, within } from './processes.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const call = (source: string, args: unknown[]) => `(${source})(...${JSON.stringify(args)})`;

/** Starts headless Firefox with a fresh profile in a temp folder. */
export async function launchFirefox(): Promise<Primitives> {
  const home = tempDir('engines-firefox-');
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: join(home.path, 'profile'),
      env: { ...process.env, XDG_CACHE_HOME: join(home.path, 'cache'), MOZ_CRASHREPORTER_DISABLE: '1' },
      extraPrefsFirefox: { 'intl.accept_languages': 'en-US' },
      defaultViewport: { width: 1280, height: 900 },
      // The runner ends the browser itself, on a signal too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
      protocolTimeout: 60_000,
    })
    .catch((e: unknown) => {
      home.remove();
      throw e;
    });
  const proc = browser.process();
  const unregister = onCleanup(() => {
    if (proc) killGroup(proc);
    home.remove();
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
    navigate: async (to) => void (await page.goto(to, { waitUntil: 'load', timeout: 60_000 })),
    reload: async () => void (await page.reload({ waitUntil: 'load', timeout: 60_000 })),
    run: <T>(source: string, args: unknown[]) => page.evaluate(call(source, args)) as Promise<T>,
    element: async (source, args): Promise<Handle | undefined> => {
      const handle = await page.evaluateHandle(call(source, args));
      const el = handle.asElement();
      if (el) return el;
      await handle.dispose();
      return undefined;
    },
    click: async (el) => {
      const handle = el as ElementHandle;
      // A click lands at a point: only when the element itself is there, not a notice over it (as WebDriver checks).
      const reachable = await handle
        .evaluate((e) => {
          e.scrollIntoView({ block: 'center', inline: 'center' });
          const r = e.getBoundingClientRect();
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return top !== null && (top === e || e.contains(top));
        })
        .catch(() => false);
      if (!reachable) return false;
      try {
        await handle.click();
        return true;
      } catch (e) {
        // Replaced by a re-render before the click: puppeteer found no point to click, so nothing was clicked.
        if (/not clickable or not an Element|detached|not visible/i.test(String(e))) return false;
        throw e;
      }
    },
    type: async (el, text) => {
      const field = el as ElementHandle<HTMLInputElement>;
      await field.evaluate((f) => f.select());
      await field.type(text);
    },
    enter: (el) => (el as ElementHandle).press('Enter'),
    close: async () => {
      await within(browser.close(), 10_000);
      unregister();
    },
  };
}
