import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SCREENS } from './support/screens.ts';

for (const locale of ['en-US', 'ru-RU'])
  test.describe(`accessibility (${locale})`, () => {
    test.use({ locale });
    for (const screen of SCREENS)
      test(`axe finds no serious or critical violation: ${screen.name}`, async ({ page }) => {
        await screen.open(page);
        await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
        const { violations } = await new AxeBuilder({ page }).analyze();
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(bad).toEqual([]);
      });
  });

test.describe('a phone-sized screen', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  for (const screen of SCREENS)
    test(`320 px wide, no horizontal scroll: ${screen.name}`, async ({ page }) => {
      await screen.open(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    });
});

test.describe('200% text zoom on a 320 px screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const screen of SCREENS)
    test(`every control stays reachable: ${screen.name}`, async ({ page }) => {
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () =>
          document.documentElement.style.setProperty('font-size', '225%'),
        );
      });
      await screen.open(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
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
      expect(controls.length).toBeGreaterThan(0);
      expect(controls.filter((c) => c.left < 0 || c.right > 321)).toEqual([]);
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
