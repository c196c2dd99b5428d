import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const question = (page: Page) => page.locator('#step-question');

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

    await expect(question(page)).toHaveText(/Compare the clocks/);
    await expect(question(page)).toBeFocused();
    await expect(page.locator('pre code')).toHaveText('w32tm /query /status /verbose');
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(/joined to an Active Directory domain/);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(/Resynchronize/);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(question(page)).toHaveText(/The clocks agree\. Activate now\./);
    await expect(page.getByRole('button', { name: 'Fixed' })).toBeVisible();
    await page.getByRole('button', { name: 'Still failing' }).click();
    await expect(page.getByText('Collect before escalating')).toBeVisible();
    await expect(
      page.getByText(/w32tm \/query \/status \/verbose on the client and on the KMS host/),
    ).toBeVisible();
  });

  test('Back, the path links and Start over move between steps', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(question(page)).toHaveText(/workgroup computer/);
    const path = page.getByRole('navigation', { name: 'Your answers so far' });
    await expect(path.getByRole('button')).toHaveCount(2);

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(question(page)).toHaveText(/joined to an Active Directory domain/);
    await expect(path.getByRole('button')).toHaveCount(1);

    await page.getByRole('button', { name: 'No', exact: true }).click();
    await path.getByRole('button', { name: /Compare the clocks/ }).click();
    await expect(question(page)).toHaveText(/Compare the clocks/);

    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(question(page)).toHaveText(/time is not the cause/);
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(question(page)).toHaveText(/Compare the clocks/);
  });

  test("the browser's Back and Forward move between steps", async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(page).toHaveURL(/#\/flow\/time-sync\/domain-member$/);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(page).toHaveURL(/#\/flow\/time-sync\/resync$/);
    await page.goBack();
    await expect(question(page)).toHaveText(/joined to an Active Directory domain/);
    await page.goBack();
    await expect(question(page)).toHaveText(/Compare the clocks/);
    await page.goForward();
    await expect(question(page)).toHaveText(/joined to an Active Directory domain/);
    await page.goForward();
    await expect(question(page)).toHaveText(/Resynchronize/);
  });

  test('keyboard only: Y and N answer, Backspace goes back', async ({ page }) => {
    await page.goto('/#/flow/time-sync');
    await expect(question(page)).toBeFocused();
    await page.keyboard.press('y');
    await expect(question(page)).toHaveText(/joined to an Active Directory domain/);
    await page.keyboard.press('n');
    await expect(question(page)).toHaveText(/workgroup computer/);
    await page.keyboard.press('Backspace');
    await expect(question(page)).toHaveText(/joined to an Active Directory domain/);
    await expect(question(page)).toBeFocused();
    // Tab reaches the answers, and Enter presses them.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Yes', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(question(page)).toHaveText(/Resynchronize/);
  });

  test('keyboard only from the home screen: type a code, Enter, Start', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Error code').focus();
    await page.keyboard.type('c004f06c');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F06C');
    await page.getByRole('button', { name: 'Start troubleshooting' }).focus();
    await page.keyboard.press('Enter');
    await expect(question(page)).toBeFocused();
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
    await expect(question(page)).toHaveText(/workgroup computer/);
  });

  test('an unknown code shows close matches', async ({ page }) => {
    await page.goto('/#/code/0xC004F06D');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No activation error matches');
    await expect(page.getByRole('link', { name: /0xC004F06C/ })).toBeVisible();
  });

  test('an unknown step says so', async ({ page }) => {
    await page.goto('/#/flow/time-sync/no-such-step');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This step does not exist');
  });
});
