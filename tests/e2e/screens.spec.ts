/**
 * The phone layout of the screens a technician reads from, at 320 and 360 px in both languages, against
 * reference images in screens.spec.ts-snapshots/. A changed layout fails here until its images are updated
 * on purpose: `npx playwright test --config .config/playwright.config.ts screens --update-snapshots`.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'step',
    // A step with a command, what to look for and console lines, after one answer (the trail shows).
    open: async (page) => {
      await page.goto('/#/flow/time-sync');
      await page.locator('.choices button').first().click();
      await expect(page.locator('.command > pre')).toBeVisible();
    },
  },
  {
    name: 'code',
    open: async (page) => {
      await page.goto('/#/code/0xC004F074');
      await expect(page.locator('.code-page .facts .sources')).toBeVisible();
    },
  },
  {
    name: 'transcript',
    // Two answers, then the session's page from History; the clock is fixed, so the times are too.
    open: async (page) => {
      await page.goto('/#/flow/time-sync');
      await page.locator('.choices button').first().click();
      await page.locator('.answers button').first().click();
      await expect(page.locator('.path-step')).toHaveCount(2);
      await page.goto('/#/history');
      await page.locator('.session-link').first().click();
      await expect(page.locator('pre.transcript')).toBeVisible();
    },
  },
  {
    name: 'key-checker',
    open: async (page) => {
      await page.goto('/#/tools/key');
      await page.getByRole('textbox').first().fill('nppr9—fwdcx—d2c8j—h872k—2yt43');
      await expect(page.locator('.tool-result .copy-text')).toBeVisible();
    },
  },
  {
    name: 'product-code-checker',
    // A packed registry GUID, unpacked to its product code.
    open: async (page) => {
      await page.goto('/#/tools/product-code');
      await page.getByRole('textbox').first().fill('00002109A10000000000000000F01FEC');
      await expect(page.locator('.tool-result .copy-text').first()).toBeVisible();
    },
  },
];

for (const width of [320, 360])
  for (const lang of ['en', 'ru'] as const)
    test.describe(`${width} px, ${lang}`, () => {
      test.use({
        viewport: { width, height: width === 320 ? 640 : 740 },
        deviceScaleFactor: 1,
        hasTouch: true,
        isMobile: true,
        locale: lang === 'ru' ? 'ru-RU' : 'en-US',
        // No worker: the "Ready to work offline" toast would come and go during the shot.
        serviceWorkers: 'block',
        timezoneId: 'UTC',
      });
      // One page for every screen: a new page per screen would cost more than the screen itself.
      test('step, code, transcript, key checker, product code checker', async ({ page }) => {
        await page.clock.setFixedTime(new Date('2026-11-23T14:05:00Z'));
        for (const screen of SCREENS) {
          await screen.open(page);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          // Soft: one run names every screen whose layout changed, not only the first.
          await expect.soft(page, screen.name).toHaveScreenshot(`${screen.name}-${width}-${lang}.png`, {
            animations: 'disabled',
            caret: 'hide',
            // The version differs between builds; fonts may antialias a little differently.
            mask: [page.locator('.foot')],
            maxDiffPixelRatio: 0.01,
          });
        }
      });
    });
