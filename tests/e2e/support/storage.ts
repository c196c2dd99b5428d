/** Writing saved sessions straight into the app's IndexedDB, as an older version or another tab would have. */
import type { Page } from '@playwright/test';
import { DB_NAME, DB_VERSION } from '../../../src/storage/db.ts';

/**
 * Puts raw records into the sessions store in one transaction, once the app has made the database: a screen
 * can be drawn before its store is open, and opening the database first would make an empty one the app's
 * upgrade then takes for its own.
 */
export async function putRecords(page: Page, records: unknown[] | { seed: number }): Promise<void> {
  await page.waitForFunction(
    async ([name, version]) =>
      (await indexedDB.databases()).some((d) => d.name === name && (d.version ?? 0) >= version),
    [DB_NAME, DB_VERSION] as const,
  );
  await page.evaluate(
    (what) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('activation-field-guide');
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          const store = tx.objectStore('sessions');
          // Many sessions are made in the page: sending 10,000 records from the test would be slow.
          const list = Array.isArray(what)
            ? what
            : Array.from({ length: what.seed }, (_, i) => ({
                schema: 2,
                id: `seeded-${i}`,
                code: '0xC004F074',
                flow: 'time-sync',
                state: {
                  v: 1,
                  trail: [
                    { flow: 'time-sync', node: 'start', answer: 'both', at: 1e12 + i },
                    { flow: 'time-sync', node: 'utc-both' },
                  ],
                },
                status: 'active',
                startedAt: 1e12 + i,
                updatedAt: 1e12 + i,
              }));
          for (const r of list) store.put(r);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    records,
  );
}

/** One stored record, as the app wrote it, read straight from IndexedDB; undefined when there is none. */
export function getRecord(page: Page, id: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('activation-field-guide');
        open.onsuccess = () => {
          const req = open.result.transaction('sessions').objectStore('sessions').get(key);
          req.onsuccess = () => (open.result.close(), resolve(req.result));
          req.onerror = () => (open.result.close(), reject(req.error));
        };
        open.onerror = () => reject(open.error);
      }),
    id,
  );
}
