import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { flows, text } from './support/screens.ts';

// A code the catalog lacks: what kind it is, Microsoft's message where a source gives one, and a Start
// into the steps for a failure without a known code. No unrelated codes are offered.
const NO_CODE = flows['no-code']!;
const firstQuestion = (lang: 'en' | 'ru' = 'en') => text('no-code', NO_CODE.start, lang);

const question = (page: Page) => page.locator('#step-question');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const kind = (page: Page) => page.locator('.code-kind');
const message = (page: Page) => page.locator('.official-message');
const start = (page: Page, name = 'Start without a code') => page.getByRole('button', { name }).click();

test('a Store-facility code: its kind, no message, no suggestions, and Start keeps the code', async ({
  page,
}) => {
  await page.goto('/#/code/0x803F7001');
  await expect(heading(page)).toHaveText('0x803F7001');
  await expect(page.getByText('Not in this guide.')).toBeVisible();
  await expect(kind(page)).toHaveText(/another Windows component: facility 0x3F \(FACILITY_WINDOWS_STORE\)/);
  await expect(message(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Did you mean' })).toHaveCount(0);
  await expect(page.locator('main a[href^="#/code/"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /HRESULT_FACILITY macro/ })).toBeVisible();

  await start(page);
  await expect(question(page)).toHaveText(firstQuestion());
  await expect(page).toHaveURL(/#\/flow\/no-code/);
  // The session keeps the code it started from: History names it.
  await page.goto('/#/history');
  // Not answered yet, so folded away with the other sessions opened without an answer.
  await page.getByText('1 session opened without an answer').click();
  await expect(page.getByRole('link', { name: /0x803F7001/ })).toBeVisible();
});

test('a Software Licensing code: its zone and the SDK message, cited', async ({ page }) => {
  await page.goto('/#/code/0xC004F213');
  await expect(heading(page)).toHaveText('0xC004F213');
  await expect(kind(page).first()).toHaveText(/A Software Licensing code \(0xC004xxxx\)/);
  await expect(kind(page).nth(1)).toHaveText(/0xC004Fxxx/);
  await expect(message(page)).toHaveText(
    /The Software Licensing Service reported that no product key was found on the system\.\s*SL_E_NO_PRODUCT_KEY_FOUND/,
  );
  await expect(page.getByText(/slerror\.h, the Windows SDK header/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Did you mean' })).toHaveCount(0);
  await start(page);
  await expect(question(page)).toHaveText(firstQuestion());
});

test('a code whose message names the problem offers those steps, and the session keeps the code', async ({
  page,
}) => {
  await page.goto('/#/code/0xC004F213');
  await expect(page.getByRole('heading', { name: 'Steps for what it names' })).toBeVisible();
  const related = page.locator('.related-flows button');
  await expect(related).toHaveText([flows['product-key']!.title.en]);
  await related.click();
  await expect(question(page)).toHaveText(text('product-key', flows['product-key']!.start));
  await page.goto('/#/history');
  await page.getByText('1 session opened without an answer').click();
  await expect(page.getByRole('link', { name: /0xC004F213/ })).toBeVisible();
});

test('an internet error: its Windows error number, and what WinHTTP and WinINet call it', async ({
  page,
}) => {
  await page.goto('/#/code/0x80072F8F');
  await expect(kind(page).first()).toHaveText(/Windows error 12175\./);
  await expect(kind(page).nth(1)).toHaveText(/12000–12184 are internet errors of WinHTTP and WinINet/);
  await expect(message(page)).toHaveCount(2);
  await expect(message(page).first()).toContainText('ERROR_WINHTTP_SECURE_FAILURE');
  await expect(message(page).nth(1)).toContainText('ERROR_INTERNET_DECODING_FAILED');
  await expect(page.getByRole('link', { name: /Error Messages \(Winhttp\.h\)/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Error Messages \(Wininet\.h\)/ })).toBeVisible();
});

test('a code as a signed decimal reads as the same code', async ({ page }) => {
  // 0x80072EFD, as a script prints it.
  await page.goto('/#/code/-2147012867');
  await expect(heading(page)).toHaveText('0x80072EFD');
  await expect(kind(page).first()).toHaveText(/Windows error 12029\./);
  await expect(message(page).first()).toContainText('ERROR_WINHTTP_CANNOT_CONNECT');
  await start(page);
  await expect(question(page)).toHaveText(firstQuestion());
});

test('a typo of a catalog code offers that code under "Did you mean"', async ({ page }) => {
  await page.goto('/#/code/0xC004F0C6');
  await expect(heading(page)).toHaveText('0xC004F0C6');
  await expect(page.getByRole('heading', { name: 'Did you mean' })).toBeVisible();
  await expect(page.locator('main a[href^="#/code/"]')).toHaveText([/0xC004F06C/]);
});

test('in Russian: the kind in Russian, the official message marked as the English one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Русский/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.goto('/#/code/3221549587'); // 0xC004F213, as event logs print it
  await expect(heading(page)).toHaveText('0xC004F213');
  await expect(page.getByText('Этого кода нет в справочнике.')).toBeVisible();
  await expect(kind(page).first()).toHaveText(/Код службы лицензирования/);
  await expect(message(page)).toHaveText(
    /^В английской Windows:\s*The Software Licensing Service reported that no product key was found/,
  );
  await expect(message(page).locator('[lang="en"]')).toHaveCount(1);
  await expect(page.getByText(/русский текст ни в одном источнике не приведён/)).toBeVisible();
  await start(page, 'Начать без кода');
  await expect(question(page)).toHaveText(firstQuestion('ru'));
});
