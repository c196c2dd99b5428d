import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collect, label, text } from './support/screens.ts';

const question = (page: Page) => page.locator('#step-question');
const yes = (page: Page) => page.getByRole('button', { name: 'Yes', exact: true }).click();

async function kmsCountTo(page: Page, edition: '1' | '2', count: string) {
  await page.goto('/');
  await page.getByLabel('Error code').fill('0xc004f038');
  await page.getByLabel('Error code').press('Enter');
  await page.getByRole('button', { name: 'Start troubleshooting' }).click();
  await expect(question(page)).toHaveText(
    /Windows client edition, Windows Server, or volume-licensed Office/,
  );
  await page.keyboard.press(edition); // digits pick a choice
  await expect(question(page)).toHaveText(/read its current count/);
  await expect(page.locator('pre code')).toHaveText(/slmgr(\.vbs)? \/dli/);
  await yes(page);
  const field = page.getByLabel('Your number');
  await expect(field).toHaveAttribute('inputmode', 'numeric');
  await field.fill(count);
  await field.press('Enter');
}

test.describe('walking flows to an outcome', () => {
  test('KMS count: a client needs 25, a server 5', async ({ page }) => {
    await kmsCountTo(page, '1', '24');
    await expect(question(page)).toHaveText(/below what this edition needs/);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByLabel('Your number').fill('25');
    await page.getByLabel('Your number').press('Enter');
    await expect(question(page)).toHaveText(/count is high enough/);
    await yes(page);
    await expect(question(page)).toHaveText(/Activate the client again/);
    await yes(page);
    await expect(question(page)).toHaveText(/The client is activated/);
    await page.getByRole('button', { name: 'Fixed' }).click();
    await expect(page.getByText('Marked as fixed')).toBeVisible();

    await kmsCountTo(page, '2', '4');
    await expect(question(page)).toHaveText(/below what this edition needs/);
    await kmsCountTo(page, '2', '5');
    await expect(question(page)).toHaveText(/count is high enough/);
  });

  test('KMS count: a number out of range is refused with a clear message', async ({ page }) => {
    await kmsCountTo(page, '1', 'abc');
    await expect(page.getByRole('alert')).toHaveText(/whole number/);
    await expect(question(page)).toHaveText(/current count/);
  });

  test('access denied: an elevated prompt fixes it', async ({ page }) => {
    await page.goto('/#/code/0x80070005');
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    await yes(page);
    await yes(page);
    await yes(page);
    await expect(question(page)).toHaveText(/ran with the rights it needs/);
    await page.getByRole('button', { name: 'Fixed' }).click();
    await expect(page.getByText('Marked as fixed')).toBeVisible();
  });

  test('a blocked MAK: install a new one and activate', async ({ page }) => {
    await page.goto('/#/code/0xC004C003');
    await expect(
      page.getByText("Microsoft's activation diagnostic tool also handles this code."),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Start troubleshooting' }).click();
    // 0xC004C003 opens the MAK flow at the blocked-key question: is there a replacement MAK?
    await expect(question(page)).toHaveText(text('mak', 'mak-blocked'));
    await yes(page);
    await expect(question(page)).toHaveText(text('mak', 'install-mak'));
    await expect(page.locator('pre code')).toHaveText(/\/ipk/);
    await yes(page);
    await expect(question(page)).toHaveText(text('mak', 'activate-now'));
    await expect(page.locator('pre code')).toHaveText(/\/ato/);
    await yes(page);
    await expect(question(page)).toHaveText(text('mak', 'activated'));
    await page.getByRole('button', { name: 'Still failing' }).click();
    await expect(question(page)).toHaveText(text('mak', 'escalate-mak'));
    await expect(page.getByText('Collect before escalating')).toBeVisible();
  });

  test('no error code: the channel from slmgr /dlv leads to the right flow', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: "I don't have an error code" }).click();
    await expect(question(page)).toHaveText(text('no-code', 'start'));
    await expect(page.locator('pre code')).toHaveText(/slmgr(\.vbs)? \/ato/);
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(question(page)).toHaveText(text('no-code', 'got-code'));
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await expect(page.locator('pre code')).toHaveText(/slmgr(\.vbs)? \/dlv/);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: /VOLUME_MAK/ }).click();
    // A MAK is installed: the MAK flow takes over at its online activation, which reports the real code.
    await expect(question(page)).toHaveText(text('mak', 'activate-now'));
    await expect(page).toHaveURL(/#\/flow\/mak\/activate-now$/);
  });
});

test.describe('in Russian, end to end', () => {
  test.use({ locale: 'ru-RU' });
  test('from a pasted Russian message to the resolution', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const field = page.getByLabel('Код ошибки');
    await field.fill('отметка времени запроса недействительна');
    await expect(page.getByRole('link', { name: /0xC004F06C/ })).toBeVisible();
    await field.press('Enter');
    await expect(page.getByText('Вероятная причина')).toBeVisible();
    await page.getByRole('button', { name: 'Начать диагностику' }).click();
    // No English left on screen: every visible text node with letters has Cyrillic,
    // except commands, codes and the name of the other language.
    const english = () =>
      page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          const text = (n.textContent ?? '').trim();
          if (!text || !/[a-z]{3,}/i.test(text) || /[а-яё]/i.test(text)) continue;
          if (el.closest('pre, code, .mono, kbd, [lang="en"], footer') || el.offsetParent === null) continue;
          out.push(text);
        }
        return out;
      });
    const ts = (node: string) => text('time-sync', node, 'ru');
    const yes = () => page.getByRole('button', { name: 'Да', exact: true }).click();
    await expect(question(page)).toHaveText(ts('start'));
    await page.getByRole('button', { name: label('time-sync', 'start', 'both', 'ru'), exact: true }).click();
    await expect(question(page)).toHaveText(ts('utc-both'));
    await yes(); // more than 4 hours apart
    await page
      .getByRole('button', { name: label('time-sync', 'which-clock', 'client', 'ru'), exact: true })
      .click();
    // The Windows Time service runs and follows a time source.
    await expect(question(page)).toHaveText(ts('time-service'));
    await yes();
    await expect(question(page)).toHaveText(ts('time-status'));
    await yes();
    await expect(question(page)).toHaveText(ts('domain-member'));
    await yes();
    await expect(question(page)).toHaveText(ts('resync'));
    await yes();
    await expect(question(page)).toHaveText(ts('activate'));
    await yes();
    await expect(question(page)).toHaveText(ts('activated'));
    await expect(page.getByRole('button', { name: 'Исправлено' })).toBeVisible();
    await page.getByRole('button', { name: 'Всё ещё не работает' }).click();
    await expect(question(page)).toHaveText(ts('check-event'));
    await yes(); // still 0xC004F06C
    await expect(question(page)).toHaveText(ts('escalate-time'));
    await expect(page.getByText('Передать выше', { exact: true })).toBeVisible();
    await expect(page.getByText('Что собрать перед передачей выше')).toBeVisible();
    await expect(page.getByText(collect('time-sync', 'escalate-time', 'ru'), { exact: true })).toBeVisible();
    expect(await english()).toEqual([]);
    await page.getByRole('button', { name: 'Назад', exact: true }).click();
    await expect(question(page)).toHaveText(ts('check-event'));
    expect(await english()).toEqual([]);
  });
});
