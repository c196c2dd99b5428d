import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collect, command, flows, label, step, text, walk } from './support/screens.ts';

const question = (page: Page) => page.locator('#step-question');

// The time-sync flow, as the content editors wrote it: the texts the steps must show come from its data.
const TS = 'time-sync';
const both = label(TS, 'start', 'both'); // "both machines": read UTC on client and host
const clientClock = label(TS, 'which-clock', 'client'); // the client's clock is the wrong one

test.describe('a technician walks a flow', () => {
  test('from a pasted error line to the resolution (time sync)', async ({ page }) => {
    await page.goto('/');
    const field = page.getByLabel('Error code');
    await field.fill(
      'Error: 0xC004F06C. The Software Protection Service reported that the computer could not be activated.',
    );
    await expect(page.getByRole('link', { name: /0xC004F06C/ })).toBeVisible();
    await field.press('Enter');
    await expect(page).toHaveURL(/#\/code\/0xC004F06C$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    await expect(
      page.getByText('The Key Management Service (KMS) determined that the request timestamp is invalid.', {
        exact: false,
      }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();

    await expect(question(page)).toHaveText(text(TS, 'start'));
    await expect(page.locator('#step-question h1')).toBeFocused();
    await page.getByRole('button', { name: both, exact: true }).click();
    // The first command: read the UTC time on both machines, with a Copy button.
    await expect(question(page)).toHaveText(text(TS, 'utc-both'));
    await expect(page.locator('#step-question h1')).toBeFocused();
    await expect(page.locator('pre code')).toHaveText(command(TS, 'utc-both'));
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await page.getByRole('button', { name: 'Yes', exact: true }).click(); // more than 4 hours apart
    await expect(question(page)).toHaveText(text(TS, 'which-clock'));
    await page.getByRole('button', { name: clientClock, exact: true }).click();
    // Is the Windows Time service running, and does it follow a time source? Yes to both.
    await expect(question(page)).toHaveText(text(TS, 'time-service'));
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'time-status'));
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'domain-member'));
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'resync'));
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'activate'));
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'activated'));
    await expect(page.getByRole('button', { name: 'Fixed' })).toBeVisible();
    // Still failing: the client's result code is read, and it is still 0xC004F06C, so escalate.
    await page.getByRole('button', { name: 'Still failing' }).click();
    await expect(question(page)).toHaveText(text(TS, 'check-event'));
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'escalate-time'));
    await expect(page.getByText('Collect before escalating')).toBeVisible();
    await expect(page.getByText(collect(TS, 'escalate-time'), { exact: true })).toBeVisible();
  });

  test('Back, the path links and Start over move between steps', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: both, exact: true }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'which-clock'));
    const path = page.getByRole('navigation', { name: 'Your answers so far' });
    await expect(path.getByRole('button')).toHaveCount(2);

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'utc-both'));
    await expect(path.getByRole('button')).toHaveCount(1);

    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await path.getByRole('button', { name: text(TS, 'start') }).click();
    await expect(question(page)).toHaveText(text(TS, 'start'));

    await page.getByRole('button', { name: both, exact: true }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'not-time'));
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(question(page)).toHaveText(text(TS, 'start'));
    // One tap set two answers aside: Undo brings them back, and the trail with them.
    await expect(page.getByRole('status').filter({ hasText: '2 answers set aside.' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(question(page)).toHaveText(text(TS, 'not-time'));
    await expect(path.getByRole('button')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
    // A step of the trail offers it too, until the next answer.
    await path.getByRole('button', { name: text(TS, 'utc-both') }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 answer set aside.' })).toBeVisible();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  });

  test('each step says its number and flow, and after a hand-over, the flow it came from', async ({
    page,
  }) => {
    const title = (flow: string) => flows[flow]!.title.en;
    const flowTitle = page.locator('.step .flow-title');
    const handover = page.locator('.step .handover');
    await page.goto('/#/flow/time-sync');
    await expect(flowTitle).toHaveText(`Step 1 · ${title(TS)}`);
    await expect(handover).toHaveCount(0);
    // The clocks 4 hours apart, the host's clock resynced, the client's right, still no activation, and the
    // client's result is no longer 0xC004F06C: time-sync hands over to the KMS connection checks ("to-connect").
    const at = await walk(page, { flow: TS }, ['both', 'yes', 'host', 'yes', 'yes', 'no', 'no']);
    expect(at.flow).toBe('kms-connect');
    await expect(flowTitle).toHaveText(`Step 8 · ${title('kms-connect')}`);
    await expect(handover).toHaveText(`Continued from “${title(TS)}”`);
    // One step on, the new flow's own: the number goes on, the hand-over line is gone.
    await walk(page, { flow: 'kms-connect' }, ['yes']);
    await expect(flowTitle).toHaveText(`Step 9 · ${title('kms-connect')}`);
    await expect(handover).toHaveCount(0);
    // Back to the first step of the new flow: the line is back.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(flowTitle).toHaveText(`Step 8 · ${title('kms-connect')}`);
    await expect(handover).toHaveText(`Continued from “${title(TS)}”`);
  });

  test("the browser's Back and Forward move between steps", async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: both, exact: true }).click();
    await expect(page).toHaveURL(/#\/flow\/time-sync\/utc-both$/);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(page).toHaveURL(/#\/flow\/time-sync\/which-clock$/);
    await page.goBack();
    await expect(question(page)).toHaveText(text(TS, 'utc-both'));
    await page.goBack();
    await expect(question(page)).toHaveText(text(TS, 'start'));
    await page.goForward();
    await expect(question(page)).toHaveText(text(TS, 'utc-both'));
    await page.goForward();
    await expect(question(page)).toHaveText(text(TS, 'which-clock'));
  });

  test('keyboard only: Y and N answer, Backspace goes back', async ({ page }) => {
    const digit = (node: string, value: string) => {
      const s = step(TS, node);
      return String((s.kind === 'choice' ? s.choices.findIndex((c) => c.value === value) : -9) + 1);
    };
    await page.goto('/#/flow/time-sync');
    await expect(page.locator('#step-question h1')).toBeFocused();
    await page.keyboard.press(digit('start', 'both')); // digits pick a choice
    await expect(question(page)).toHaveText(text(TS, 'utc-both'));
    await page.keyboard.press('y');
    await expect(question(page)).toHaveText(text(TS, 'which-clock'));
    await page.keyboard.press(digit('which-clock', 'client'));
    await expect(question(page)).toHaveText(text(TS, 'time-service'));
    await page.keyboard.press('y');
    await expect(question(page)).toHaveText(text(TS, 'time-status'));
    await page.keyboard.press('y');
    await expect(question(page)).toHaveText(text(TS, 'domain-member'));
    expect(step(TS, 'domain-member').kind).toBe('yesno');
    await page.keyboard.press('n');
    await expect(question(page)).toHaveText(text(TS, 'ntp-source'));
    await page.keyboard.press('Backspace');
    await expect(question(page)).toHaveText(text(TS, 'domain-member'));
    await expect(page.locator('#step-question h1')).toBeFocused();
    // Tab reaches the answers, and Enter presses them.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Yes', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(question(page)).toHaveText(text(TS, 'resync'));
  });

  test('keyboard only from the home screen: type a code, Enter, Start', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Error code').focus();
    await page.keyboard.type('c004f06c');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#step-question h1')).toBeFocused();
  });
});

test.describe('links that work everywhere', () => {
  for (const [form, link] of [
    ['hex', '#/code/0xC004F06C'],
    ['lowercase without 0x', '#/code/c004f06c'],
    ['unsigned decimal', '#/code/3221549164'],
    ['signed decimal', '#/code/-1073418132'],
    ['a pasted line', `#/code/${encodeURIComponent('Error: 0xC004F06C. The request timestamp is invalid')}`],
  ])
    test(`a code link (${form}) opens the code page`, async ({ page }) => {
      await page.goto(`/${link}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    });

  test('a step link opens that step', async ({ page }) => {
    await page.goto('/#/flow/time-sync/ntp-source');
    await expect(question(page)).toHaveText(text(TS, 'ntp-source'));
    await expect(page).toHaveURL(/#\/flow\/time-sync\/ntp-source$/);
  });

  test('a shared link to the count asks first what is being activated; 24 on a client is then too low', async ({
    page,
  }) => {
    await page.goto('/#/flow/kms-count/enter-count');
    await expect(question(page)).toHaveText(text('kms-count', 'start'));
    await expect(page.getByRole('status').filter({ hasText: 'depends on the answer' })).toBeVisible();
    await expect(page).not.toHaveURL(/enter-count/);
    await walk(page, { flow: 'kms-count' }, ['client', 'yes']);
    await expect(page.getByRole('status').filter({ hasText: 'depends on the answer' })).toHaveCount(0);
    await page.getByLabel('Your number').fill('24');
    await page.getByLabel('Your number').press('Enter');
    await expect(question(page)).toHaveText(text('kms-count', 'count-low'));
  });

  test('an unknown code gets its own page, offering the catalog code it is a typo of', async ({ page }) => {
    await page.goto('/#/code/0xC004F06D');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06D');
    await expect(page.getByText('Not in this guide.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Did you mean' })).toBeVisible();
    await expect(page.getByRole('link', { name: /0xC004F06C/ })).toBeVisible();
  });

  test('an unknown step says so', async ({ page }) => {
    await page.goto('/#/flow/time-sync/no-such-step');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This step does not exist');
  });
});
