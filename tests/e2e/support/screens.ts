/** Every screen of the app, reached as a user would, for checks that must hold on all of them. */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export interface Screen {
  name: string;
  open: (page: Page) => Promise<void>;
}

const step = (page: Page) => expect(page.locator('#step-question')).toBeVisible();

export const SCREENS: Screen[] = [
  {
    name: 'home',
    open: async (p) => (await p.goto('/'), await expect(p.locator('#code-input')).toBeVisible()),
  },
  {
    name: 'home with matches',
    open: async (p) => {
      await p.goto('/');
      await p.locator('#code-input').fill('KMS');
      await expect(p.locator('.match').first()).toBeVisible();
    },
  },
  {
    name: 'code page',
    open: async (p) => (
      await p.goto('/#/code/0xC004F074'),
      await expect(p.locator('h1')).toHaveText('0xC004F074')
    ),
  },
  {
    name: 'unknown code',
    open: async (p) => (await p.goto('/#/code/0xDEADBEEF'), await expect(p.locator('h1')).toBeVisible()),
  },
  { name: 'action step', open: async (p) => (await p.goto('/#/flow/time-sync'), await step(p)) },
  {
    name: 'yes/no step with path',
    open: async (p) => {
      await p.goto('/#/flow/time-sync');
      await p.locator('[data-key="y"]').click();
      await step(p);
    },
  },
  {
    name: 'choice step',
    open: async (p) => (
      await p.goto('/#/flow/kms-count'),
      await step(p),
      await expect(p.locator('.choices')).toBeVisible()
    ),
  },
  {
    name: 'number step',
    open: async (p) => {
      await p.goto('/#/flow/kms-count');
      await p.locator('.choices button').first().click();
      while (!(await p.locator('#number-answer').isVisible())) await p.locator('[data-key="y"]').click();
    },
  },
  {
    name: 'resolved outcome',
    open: async (p) => (await p.goto('/#/flow/time-sync/activate'), await step(p)),
  },
  {
    name: 'escalate outcome',
    open: async (p) => (await p.goto('/#/flow/time-sync/escalate-time'), await step(p)),
  },
  {
    name: 'key checker',
    open: async (p) => {
      await p.goto('/#/tools/key');
      await p.getByRole('textbox').first().fill('nppr9–fwdcx—d2c8j-h872k-2yt43');
    },
  },
  {
    name: 'product code checker',
    open: async (p) => {
      await p.goto('/#/tools/product-code');
      await p.getByRole('textbox').first().fill('{6f9619ff-8b86-d011-b42d-00c04fc964ff}');
    },
  },
  {
    name: 'history',
    open: async (p) => {
      await p.goto('/#/flow/time-sync');
      await p.locator('[data-key="n"]').click();
      await p.goto('/#/history');
      await expect(p.locator('.session-row').first()).toBeVisible();
    },
  },
  {
    name: 'transcript',
    open: async (p) => {
      await p.goto('/#/flow/time-sync');
      await p.locator('[data-key="n"]').click();
      await p.goto('/#/history');
      await p.locator('.session-link').first().click();
      await expect(p.locator('.transcript')).toBeVisible();
    },
  },
  {
    name: 'not found',
    open: async (p) => (await p.goto('/#/nowhere/at/all'), await expect(p.locator('h1')).toBeVisible()),
  },
];
