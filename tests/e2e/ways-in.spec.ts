/**
 * A way into every problem from Home without a code: words of the problem ("office", "ospp", "офис") find
 * its flow as you type, Enter opens it, and Browse lists every flow by what it is about.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { flows, text } from './support/screens.ts';

const field = (page: Page) => page.locator('#code-input');
const topicLinks = (page: Page) => page.locator('.code-search .topic-links a');

test('"office", "ospp" and "Office 2021" find the Office flow; Enter opens it', async ({ page }) => {
  await page.goto('/');
  for (const typed of ['office', 'ospp', 'Office 2021']) {
    await field(page).fill(typed);
    await expect(topicLinks(page).first()).toHaveText(flows.office!.title.en);
  }
  // No code matches these words: the field says so only when no problem does either.
  await expect(page.locator('.no-match')).toHaveCount(0);
  await field(page).press('Enter');
  await expect(page).toHaveURL(/#\/flow\/office/);
  await expect(page.locator('#step-question')).toHaveText(text('office', flows.office!.start));
});

test('in Russian: "офис" finds the Office flow by its Russian title; nonsense finds nothing, said so', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('afg.lang', 'ru'));
  await page.goto('/');
  await field(page).fill('офис');
  await expect(topicLinks(page).first()).toHaveText(flows.office!.title.ru);
  await field(page).fill('qqqq');
  await expect(topicLinks(page)).toHaveCount(0);
  await expect(page.locator('.no-match')).toHaveText(/Ни одна ошибка или проблема не подходит/);
});

test('a code typed finds its code, never a problem', async ({ page }) => {
  await page.goto('/');
  await field(page).fill('0xC004F074');
  await expect(page.locator('.matches .match-code').first()).toHaveText('0xC004F074');
  await expect(topicLinks(page)).toHaveCount(0);
});

test('Browse lists every flow by its problem, ADBA and Office among them', async ({ page }) => {
  await page.goto('/');
  const group = page.locator('details.browse', { hasText: 'By problem' });
  await expect(group.locator('summary')).toHaveText('By problem');
  await group.locator('summary').click();
  const links = group.locator('a');
  await expect(links).toHaveCount(Object.keys(flows).length);
  await group.getByRole('link', { name: flows.adba!.title.en }).click();
  await expect(page.locator('#step-question')).toHaveText(text('adba', flows.adba!.start));
});
