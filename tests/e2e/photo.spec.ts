/**
 * A photo of the screen read offline: the recognizer's files fetched once the app is installed, the
 * picture of a real output recognized on the device, a line corrected by hand, and what it says filling
 * the commands of the steps that follow.
 */
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expectReadyOffline } from './support/pwa.ts';

test.use({ serviceWorkers: 'allow' });
// Installing the app and then several megabytes of the recognizer; recognition is seconds of WebAssembly.
test.describe.configure({ timeout: 120_000 });

const PHOTO = fileURLToPath(
  new URL('../fixtures/photos/nslookup-srv-vlmcs-success-en-1-cmd-clean.png', import.meta.url),
);

test('offline, a picture of nslookup is read, a line corrected, and the host it names fills the next commands', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expectReadyOffline(page);
  // Getting ready offline is said where photos are read.
  await page.goto('/#/flow/kms-dns/check-srv');
  await page.locator('.paste-open').click();
  await expect(page.getByText('Photo reading: ready offline.')).toBeVisible({ timeout: 60_000 });
  await context.setOffline(true);

  // A tap on Choose an image starts the recognizer while the picker is open, before any picture is given.
  const recognizers = () => page.workers().filter((w) => w.url().includes('/ocr/worker')).length;
  const picker = page.waitForEvent('filechooser');
  await page.getByText('Choose an image').click();
  const chooser = await picker;
  await expect.poll(recognizers).toBe(1);
  await chooser.setFiles(PHOTO);
  const hostLine = page.getByRole('textbox', { name: 'Line 8' });
  await expect(hostLine).toHaveValue('svr hostname = kmshost.company.local', { timeout: 60_000 });
  await expect(page.getByText(/9 lines read, \d marked to check/)).toBeVisible();
  // The recognizer is kept for the next picture while the paste box is open.
  expect(recognizers()).toBe(1);
  // The technician corrects a line as the screen shows it: the correction, not the recognition, is read.
  await hostLine.fill('svr hostname = kms02.company.local');
  await page.getByRole('button', { name: 'Use these lines' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Read \d+ facts/ })).toBeVisible();
  await expect(page.locator('.paste-read')).toContainText('svr hostname = kms02.company.local');

  // Nothing is answered for the technician: the steps are answered by hand.
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: /Every entry names/ }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(page.locator('.command code').first()).toContainText('/skms kms02.company.local:1688');
  // The paste box closed with its step: the recognizer is ended, its memory given back.
  await expect.poll(recognizers).toBe(0);
  // Every file came from this origin.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
});
