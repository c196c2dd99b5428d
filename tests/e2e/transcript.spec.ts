/** The transcript for the ticket: a label and notes typed on the session screen, a summary, times with their zone, Share. */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { plain } from '../support/flow-text.ts';
import { walk } from './support/screens.ts';
import { getRecord } from './support/storage.ts';

const TS = 'time-sync';
// Both clocks read in UTC, more than 4 hours apart, the KMS host's clock is wrong, resync on the host fixes it.
const HOST_FIXED = ['both', 'yes', 'host', 'yes', 'yes', 'yes'];
const KEY = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';

/** Walks time-sync from its code to "Fixed" and opens the session's transcript. */
async function fixedSession(page: Page) {
  await page.goto('/#/code/0xC004F06C');
  await page.getByRole('button', { name: 'Start troubleshooting' }).click();
  await walk(page, { flow: TS }, HOST_FIXED);
  await page.getByRole('button', { name: 'Fixed' }).click();
  await expect(page.getByText('Marked as fixed')).toBeVisible();
  await page.getByRole('link', { name: 'Export transcript' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session transcript');
}

test.describe('in a time zone far from UTC', () => {
  // A zone without an older alias: Chromium names the device's zone by its canonical ID (Asia/Calcutta, not Asia/Kolkata).
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('a typed label and note are saved, and the download has them with the summary and the time zone', async ({
    page,
  }) => {
    await fixedSession(page);
    await page.getByLabel('Machine name or ticket number').fill('PC-042 / INC-1234');
    await page.getByLabel('Note on step 1').fill(`Both clocks checked; key ${KEY} was on screen`);
    await page.getByLabel('Note on step 1').blur();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();

    // Saved: a reload brings them back, the key taken out before it was stored.
    await page.reload();
    await expect(page.getByLabel('Machine name or ticket number')).toHaveValue('PC-042 / INC-1234');
    await expect(page.getByLabel('Note on step 1')).toHaveValue(
      'Both clocks checked; key [product key removed] was on screen',
    );

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .md' }).click();
    const md = await readFile((await (await download).path())!, 'utf8');
    const lines = plain(md).split('\n');
    expect(lines[2]).toBe(
      // What was found is the clock at fault, not the "Yes" that confirmed the fix.
      "**Summary:** 0xC004F06C · Fixed · The client is activated. To confirm, run slmgr /dlv: License Status should read Licensed. · The clocks are more than 4 hours apart. Which one is wrong? The KMS host's clock",
    );
    // The catalog's cause stays, as the code's likely cause.
    expect(plain(md)).toContain(
      "- **Likely cause:** The client's clock and the KMS host's clock differ by more than 4 hours (compared in UTC).\n",
    );
    expect(plain(md)).toContain('- **Machine or ticket:** PC-042 / INC-1234\n');
    expect(plain(md)).toMatch(
      /## Step 1\n\n[^\n]+\n\n\*\*Answer:\*\* [^\n]+\n\n\*\*Note:\*\* Both clocks checked; key \[product key removed\] was on screen\n/,
    );
    expect(md).toContain('- **Time zone:** Asia/Tokyo\n');
    expect(md).toMatch(/- \*\*Started:\*\* \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+09:00\n/);
    expect(md).toMatch(/\*\*Answer:\*\* [^\n]+ \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+09:00\)/);
    expect(md).not.toMatch(/2YT43/);

    // History names the session by its label first, the code and flow after it.
    await page.goto('/#/history');
    await expect(page.locator('.session-title').first()).toHaveText('PC-042 / INC-1234');
    await expect(page.locator('.session-what').first()).toContainText('0xC004F06C');
  });
});

test('Share copies the transcript itself where there is no Web Share, and the fields fit a 320 px phone', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Desktop Chromium may or may not have Web Share: take it away, as on a browser without it.
  await page.addInitScript(() => {
    delete (Navigator.prototype as { share?: unknown }).share;
  });
  await page.setViewportSize({ width: 320, height: 640 });
  await fixedSession(page);
  await page.getByLabel('Machine name or ticket number').fill('INC-77');
  const note = page.getByLabel('Note on step 2');
  await note.fill('Host clock was 5 hours ahead.');
  // Saved once typing pauses, the field never left: still in it, and the note is in storage.
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(note).toBeFocused();
  const id = decodeURIComponent(/#\/session\/([^/?]+)$/.exec(page.url())![1]!);
  expect(await getRecord(page, id)).toMatchObject({
    label: 'INC-77',
    notes: { 1: 'Host clock was 5 hours ahead.' },
  });
  await expect(note).toBeFocused();

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByText('Transcript copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.locator('pre.transcript').textContent());
  expect(copied).toMatch(/^# Windows activation troubleshooting\n\n\*\*Summary:\*\* 0xC004F06C · Fixed · /);
  expect(copied).toContain('- **Machine or ticket:** INC-77\n');
  expect(copied).toContain('**Note:** Host clock was 5 hours ahead.\n');
  expect(copied).toContain('- **Time zone:** ');
  expect(copied).not.toContain('#/session/');

  // Full width, tall enough to tap, and nothing wider than the screen.
  for (const field of [page.getByLabel('Machine name or ticket number'), page.getByLabel('Note on step 1')]) {
    const box = (await field.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(240);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('Share hands the transcript itself, with a title, to Web Share where the browser has it', async ({
  page,
}) => {
  // A browser with Web Share: what the page shares is recorded, and nothing is copied instead.
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    (window as { __shared?: ShareData[] }).__shared = shared;
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      writable: true,
      value: (data: ShareData) => (shared.push(data), Promise.resolve()),
    });
  });
  await fixedSession(page);
  await page.getByLabel('Machine name or ticket number').fill('INC-77');
  await page.getByRole('button', { name: 'Share' }).click();
  const shared = () => page.evaluate(() => (window as { __shared?: ShareData[] }).__shared);
  await expect.poll(async () => (await shared())?.length).toBe(1);
  const transcript = await page.locator('pre.transcript').textContent();
  expect((await shared())![0]).toEqual({
    title: 'Windows activation troubleshooting — INC-77',
    text: transcript,
  });
  expect(transcript).toMatch(
    /^# Windows activation troubleshooting\n\n\*\*Summary:\*\* 0xC004F06C · Fixed · /,
  );
  expect(transcript).toContain('- **Machine or ticket:** INC-77\n');
  await expect(page.getByText('Transcript copied')).toHaveCount(0);
});
