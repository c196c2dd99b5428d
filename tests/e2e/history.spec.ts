/** A damaged record in storage is shown apart, with its own Delete; every other session stays usable. */
import { expect, test } from '@playwright/test';
import { label } from './support/screens.ts';

test('a record with an impossible date is shown as damaged, alone, and deleting it leaves the rest', async ({
  page,
}) => {
  await page.goto('/#/flow/time-sync');
  await page.getByRole('button', { name: label('time-sync', 'start', 'both'), exact: true }).click();
  await page.goto('/#/history');
  await expect(page.locator('.session-row')).toHaveCount(1);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('activation-field-guide');
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put({
            schema: 2,
            id: 'damaged-one',
            flow: 'time-sync',
            state: { v: 1, trail: [{ flow: 'time-sync', node: 'start' }] },
            status: 'active',
            startedAt: 1000,
            updatedAt: 1e16,
          });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await expect(page.locator('.damaged')).toHaveCount(1);
  await expect(page.locator('.session-row')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Delete all sessions' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete the damaged session' }).click();
  await expect(page.locator('.damaged')).toHaveCount(0);
  await expect(page.locator('.session-row')).toHaveCount(1);
});
