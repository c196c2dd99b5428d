/** A damaged record in storage is shown apart, with its own Delete; every other session stays usable. */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { putRecords } from './support/storage.ts';
import { label } from './support/screens.ts';

/** One session answered in the app (so the app has made its database), then History opened. */
async function oneSessionThenHistory(page: Page): Promise<void> {
  await page.goto('/#/flow/time-sync');
  await page.getByRole('button', { name: label('time-sync', 'start', 'both'), exact: true }).click();
  await page.goto('/#/history');
}

test('a record with an impossible date is shown as damaged, alone, and deleting it leaves the rest', async ({
  page,
}) => {
  await oneSessionThenHistory(page);
  await expect(page.locator('.session-row')).toHaveCount(1);
  await putRecords(page, [
    {
      schema: 2,
      id: 'damaged-one',
      flow: 'time-sync',
      state: { v: 1, trail: [{ flow: 'time-sync', node: 'start' }] },
      status: 'active',
      startedAt: 1000,
      updatedAt: 1e16,
    },
  ]);
  await page.reload();
  await expect(page.locator('.damaged')).toHaveCount(1);
  await expect(page.locator('.session-row')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Delete all sessions' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete the damaged session' }).click();
  await expect(page.locator('.damaged')).toHaveCount(0);
  await expect(page.locator('.session-row')).toHaveCount(1);
});

test('10,000 saved sessions: History shows a page of the newest, shows more on request, and deletes one', async ({
  page,
}) => {
  await oneSessionThenHistory(page);
  await expect(page.locator('.session-row')).toHaveCount(1);
  await putRecords(page, { seed: 9_999 });
  await page.reload();
  await expect(page.getByText('The newest 50 of 10,000 sessions')).toBeVisible();
  await expect(page.locator('.session-row')).toHaveCount(50);
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(page.locator('.session-row')).toHaveCount(100);
  await page
    .locator('.session-row')
    .nth(3)
    .getByRole('button', { name: /^Delete / })
    .click();
  await expect(page.getByText('The newest 100 of 9,999 sessions')).toBeVisible();
  await expect(page.locator('.session-row')).toHaveCount(100);
  await page.getByRole('button', { name: 'Delete all sessions' }).click();
  await expect(page.getByText('Delete all 9,999 sessions?')).toBeVisible();
});

test('rows kept from the last render follow the language, and a deleted one comes back with Undo', async ({
  page,
}) => {
  await oneSessionThenHistory(page);
  await putRecords(page, { seed: 120 });
  // Every title a row ever shows, from the first render on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { titlesSeen: string[] }).titlesSeen = seen;
    new MutationObserver(() => {
      for (const t of document.querySelectorAll('.session-title')) seen.push(t.textContent ?? '');
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.locator('.session-row')).toHaveCount(50);
  // The rows wait for their flow's title: none shows the flow's id first and then changes under the reader.
  const seen = await page.evaluate(() => (window as unknown as { titlesSeen: string[] }).titlesSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((t) => t.endsWith('· time-sync'))).toEqual([]);
  // A confirm box, then Cancel: the rows are not rendered again, and still act.
  await page.getByRole('button', { name: 'Delete all sessions' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  const first = page.locator('.session-row').first();
  // The flow's title, once its chunk is read, in place of its id.
  await expect(first.locator('.session-title')).not.toHaveText(/· time-sync$/);
  const title = await first.locator('.session-title').textContent();
  await first.getByRole('button', { name: /^Delete / }).click();
  await expect(page.locator('.session-row .session-title').first()).not.toHaveText(title!);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.session-row .session-title').first()).toHaveText(title!);
  await page.getByRole('button', { name: /Русский/ }).click();
  await expect(page.locator('.session-row .status').first()).toHaveText('В работе');
  await expect(page.locator('.session-row').first().getByRole('button')).toHaveText('Удалить');
});

test('Delete all shows the list empty at once, and the sessions come back if the database refuses', async ({
  page,
}) => {
  await oneSessionThenHistory(page);
  await putRecords(page, { seed: 60 });
  await page.reload();
  await expect(page.locator('.session-row')).toHaveCount(50);
  await page.getByRole('button', { name: 'Delete all sessions' }).click();
  await page.getByRole('button', { name: 'Delete all', exact: true }).click();
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No sessions yet.')).toBeVisible();

  // Now a database that refuses to empty itself: the rows are shown again, and a notice says so.
  await putRecords(page, { seed: 60 });
  await page.addInitScript(() => {
    IDBObjectStore.prototype.clear = function () {
      throw new DOMException('refused', 'UnknownError');
    };
  });
  await page.reload();
  await expect(page.locator('.session-row')).toHaveCount(50);
  await page.getByRole('button', { name: 'Delete all sessions' }).click();
  await page.getByRole('button', { name: 'Delete all', exact: true }).click();
  await expect(page.locator('.session-row')).toHaveCount(50);
  await expect(
    page.getByText(
      'Deleting failed: this browser’s storage still holds the sessions, and they will show again.',
    ),
  ).toBeVisible();
});

test('History names the flows of its sessions in the current language without loading a flow', async ({
  page,
}) => {
  await oneSessionThenHistory(page);
  const session = (flow: string, i: number) => ({
    schema: 2,
    id: `of-${flow}`,
    flow,
    state: { v: 1, trail: [{ flow, node: 'start' }] },
    status: 'active',
    startedAt: 1e12 + i,
    updatedAt: 1e12 + i,
  });
  await putRecords(page, [session('kms-dns', 1), session('mak', 2), session('office', 3)]);
  const flowsLoaded: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/flows\/(?!catalog)/.test(r.url())) flowsLoaded.push(r.url());
  });
  await page.reload();
  await expect(page.locator('.session-row')).toHaveCount(4);
  for (const flow of ['kms-dns', 'mak', 'office']) {
    const { title } = (await import(`../../flows/${flow}.json`, { with: { type: 'json' } })).default as {
      title: { en: string; ru: string };
    };
    await expect(page.locator('.session-title').filter({ hasText: title.en })).toHaveCount(1);
  }
  await page.getByRole('button', { name: /Русский/ }).click();
  const { title } = (await import('../../flows/mak.json', { with: { type: 'json' } })).default as {
    title: { en: string; ru: string };
  };
  await expect(page.locator('.session-title').filter({ hasText: title.ru })).toHaveCount(1);
  expect(flowsLoaded).toEqual([]);
});
