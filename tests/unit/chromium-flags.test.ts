/**
 * The browser tests' Chromium flags: the one `--disable-features` they pass replaces Playwright's own, so it
 * must keep every feature Playwright turns off, or an upgrade would quietly turn one back on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../support/chromium.ts';

/** The features Playwright's installed launcher lists as turned off, read from its own code. */
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const code = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const start = code.indexOf('disabledFeatures = [');
  expect(start, "Playwright's launcher no longer lists its disabled features where it did").toBeGreaterThan(
    0,
  );
  const list = code.slice(start, code.indexOf(']', start));
  // Its comments name no feature in quotes; each feature is a quoted name of its own.
  return [...list.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((m) => m[1]!);
}

describe("the browser tests' Chromium flags", () => {
  it("keep every feature Playwright's launcher turns off", () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
  });

  it('pass one --disable-features, with the address bar popup off', () => {
    const switches = CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='));
    expect(switches).toHaveLength(1);
    const features = switches[0]!.split('=')[1]!.split(',');
    expect(features).toEqual(expect.arrayContaining([...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup']));
  });
});
