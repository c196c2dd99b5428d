/**
 * WebKit: WebKitGTK's MiniBrowser driven by WebKitWebDriver (W3C WebDriver, no BiDi), through
 * selenium-webdriver. MiniBrowser has no headless mode, so it draws on a virtual X display.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Builder, Key, WebElement, error } from 'selenium-webdriver';
import type { WebDriver } from 'selenium-webdriver';
import type { Handle, Primitives } from './browser.ts';
import { freePort, onCleanup, startGroup, startXvfb, tempDir, within } from './processes.ts';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
// Debian puts MiniBrowser under the machine's multiarch folder.
const MULTIARCH = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? `/usr/lib/${MULTIARCH}/webkit2gtk-4.1/MiniBrowser`;

const call = (source: string) => `return (${source}).apply(null, arguments);`;

async function waitForDriver(url: string, output: () => string): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/status`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not answer in 30 s: ${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts a virtual display, WebKitWebDriver and MiniBrowser with a fresh data folder. */
export async function launchWebKit(): Promise<Primitives> {
  const xvfb = await startXvfb();
  const home = tempDir('engines-webkit-');
  // Everything MiniBrowser writes (caches, local storage, IndexedDB, service workers) goes in the temp folder.
  const xdg = (name: string) => {
    const dir = join(home.path, name);
    mkdirSync(dir);
    return dir;
  };
  const env = {
    ...process.env,
    DISPLAY: xvfb.display,
    XDG_CACHE_HOME: xdg('cache'),
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    LANGUAGE: 'en_US', // the page's navigator.language, which the app's first language follows
  };
  const port = await freePort();
  const server = startGroup(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  let driver: WebDriver | undefined;
  const stopAll = () => {
    server.stop();
    xvfb.stop();
    home.remove();
  };
  const unregister = onCleanup(stopAll);
  try {
    await waitForDriver(url, server.output);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        pageLoadStrategy: 'normal',
      })
      .build();
  } catch (e) {
    unregister();
    throw e;
  }
  const d = driver;
  const caps = await d.getCapabilities();
  await d.manage().setTimeouts({ script: 30_000, pageLoad: 60_000 });
  await d.manage().window().setRect({ width: 1280, height: 900 });
  return {
    version: `WebKitGTK ${String(caps.get('browserVersion'))}`,
    navigate: (to) => d.get(to),
    reload: () => d.navigate().refresh(),
    run: async <T>(source: string, args: unknown[]) => (await d.executeScript(call(source), ...args)) as T,
    element: async (source, args): Promise<Handle | undefined> => {
      const el: unknown = await d.executeScript(call(source), ...args);
      return el instanceof WebElement ? el : undefined;
    },
    click: async (el) => {
      try {
        await (el as WebElement).click();
        return true;
      } catch (e) {
        // Replaced by a re-render, or covered for a moment (a notice): nothing was clicked.
        if (
          e instanceof error.StaleElementReferenceError ||
          e instanceof error.ElementNotInteractableError ||
          e instanceof error.ElementClickInterceptedError
        )
          return false;
        throw e;
      }
    },
    type: async (el, text) => {
      const field = el as WebElement;
      await field.clear();
      await field.sendKeys(text);
    },
    enter: (el) => (el as WebElement).sendKeys(Key.ENTER),
    close: async () => {
      await within(d.quit(), 10_000);
      unregister();
    },
  };
}
