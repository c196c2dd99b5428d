/** One session open in two tabs of the same browser: neither overwrites the other, and lists follow. */
import { expect, test } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { label, text } from './support/screens.ts';

const question = '#step-question';
const TS = 'time-sync';

/** A session at the clock question in one tab, resumed in a second tab from Home. */
async function twoTabs(context: BrowserContext): Promise<[Page, Page]> {
  const a = await context.newPage();
  await a.goto('/#/flow/time-sync');
  await a.getByRole('button', { name: label(TS, 'start', 'both'), exact: true }).click();
  await a.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(a.locator(question)).toHaveText(text(TS, 'which-clock'));
  const b = await context.newPage();
  await b.goto('/');
  await b.getByRole('button', { name: 'Resume' }).click();
  await expect(b.locator(question)).toHaveText(text(TS, 'which-clock'));
  return [a, b];
}

test("the second tab's step never overwrites the first tab's; both are kept and History follows live", async ({
  context,
}) => {
  const [a, b] = await twoTabs(context);
  await a.getByRole('button', { name: label(TS, 'which-clock', 'host'), exact: true }).click();
  await expect(a.locator(question)).not.toHaveText(text(TS, 'which-clock'));
  await a.goto('/#/history');
  await expect(a.locator('.session-row')).toHaveCount(1);
  // The first tab's step is saved (4 steps) before the second tab answers: the first to save wins.
  await expect(a.locator('.session-row')).toContainText('4 steps');

  await b.getByRole('button', { name: label(TS, 'which-clock', 'client'), exact: true }).click();
  await expect(b.getByText('This session was also changed in another tab')).toBeVisible();
  // The first tab's History shows the copy without a reload.
  await expect(a.locator('.session-row')).toHaveCount(2);

  // The first tab's steps are intact; the second tab can open them.
  await b.getByRole('button', { name: "Open the other tab's version" }).click();
  await expect(b.getByRole('navigation', { name: 'Your answers so far' })).toContainText(
    label(TS, 'which-clock', 'host'),
  );
});

test('a session deleted in one tab is not brought back by the other tab, unless asked', async ({
  context,
}) => {
  const [a, b] = await twoTabs(context);
  await a.goto('/#/history');
  await a.getByRole('button', { name: 'Delete all sessions' }).click();
  await a.getByRole('button', { name: 'Delete all', exact: true }).click();
  await expect(a.locator('.session-row')).toHaveCount(0);

  await b.getByRole('button', { name: label(TS, 'which-clock', 'host'), exact: true }).click();
  await expect(b.getByText('This session was deleted')).toBeVisible();
  await a.reload();
  await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(a.locator('.session-row')).toHaveCount(0);

  await b.getByRole('button', { name: 'Save it again' }).click();
  await expect(b.getByText('This session was deleted')).toHaveCount(0);
  await expect(a.locator('.session-row')).toHaveCount(1);
});
