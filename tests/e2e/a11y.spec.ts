import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SCREENS } from './support/screens.ts';

// Layout and reading only: no service worker, so no test pays for precaching every file (offline.spec and
// update.spec test the worker).
test.use({ serviceWorkers: 'block' });

// One page per language walks every screen: a page and an app started once, not once per screen.
for (const locale of ['en-US', 'ru-RU'])
  test.describe(`accessibility (${locale})`, () => {
    test.use({ locale });
    test.describe.configure({ timeout: 180_000 });
    test('axe finds no serious or critical violation on any screen', async ({ page }) => {
      for (const screen of SCREENS) {
        await screen.open(page);
        await expect(page.locator('html'), screen.name).toHaveAttribute('lang', locale.slice(0, 2));
        const { violations } = await new AxeBuilder({ page }).analyze();
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        // Soft: one run names every screen at fault, not only the first.
        expect.soft(bad, screen.name).toEqual([]);
      }
    });
  });

test.describe('200% text zoom on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test.describe.configure({ timeout: 180_000 });
  test('every control on every screen stays reachable', async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () =>
        document.documentElement.style.setProperty('font-size', '225%'),
      );
    });
    for (const screen of SCREENS) {
      await screen.open(page);
      expect
        .soft(await page.evaluate(() => document.documentElement.scrollWidth), `${screen.name}: page width`)
        .toBeLessThanOrEqual(320);
      // Every visible button, link and field can be scrolled to and is not wider than the screen (read in
      // one pass in the page: one round trip per control made this the slowest test of the suite).
      const controls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main button, main a, main input')]
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(
            ({ el, box }) =>
              box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true }),
          )
          .map(({ el, box }) => ({
            what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
            left: box.left + scrollX,
            right: box.right + scrollX,
          })),
      );
      expect.soft(controls.length, `${screen.name}: controls`).toBeGreaterThan(0);
      expect
        .soft(
          controls.filter((c) => c.left < 0 || c.right > 321),
          screen.name,
        )
        .toEqual([]);
    }
  });
});

test('answer buttons are at least 48 px high and named by their text', async ({ page }) => {
  await page.goto('/#/flow/kms-count');
  const buttons = page.locator('.answers button');
  await expect(buttons.first()).toBeVisible();
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = buttons.nth(i);
    expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect((await b.textContent())!.trim().length).toBeGreaterThan(0);
  }
});
