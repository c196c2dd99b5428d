/**
 * Pasted console output answers the questions: the reader proposes an answer with the line it read it
 * from, the technician takes it (or not), and what it learned fills the commands that follow.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { sampleText } from '../support/console-samples.ts';
import { captureClipboard, text } from './support/screens.ts';

const fixture = sampleText;
const question = (page: Page) => page.locator('#step-question');

async function paste(page: Page, output: string, read: string) {
  await page.locator('.paste-open').click();
  await page.locator('#paste-output').fill(output);
  await page.getByRole('button', { name: read, exact: true }).click();
}

test('0xC004F074: a pasted Test-NetConnection failure proposes the answers, down to the firewall step', async ({
  page,
}) => {
  await page.goto('/#/code/0xC004F074');
  await page.getByRole('button', { name: 'Start troubleshooting' }).click();
  // Windows and Office both report 0xC004F074: the first question asks which.
  await expect(question(page)).toHaveText(text('office', 'windows-or-office-074'));
  await page.getByRole('button', { name: 'Windows (slmgr)', exact: true }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'start'));
  // What slmgr printed on the client names the host: later commands are filled with it.
  await paste(page, fixture('slmgr-dli-kms-client-en-2.txt'), 'Read it');
  await expect(page.getByRole('status').filter({ hasText: /Read \d+ facts/ })).toBeVisible();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'tried-host'));
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'test-port'));
  await expect(page.locator('.command code')).toContainText('-ComputerName bisv229.corp.giag.net');
  await expect(page.locator('.proposal')).toHaveCount(0);

  await paste(page, fixture('tnc-1688-failure-en-1.txt'), 'Read it');
  const proposal = page.locator('.proposal');
  await expect(proposal).toContainText('From what you pasted: No');
  await expect(proposal.locator('code')).toHaveText('TcpTestSucceeded       : False');
  await proposal.getByRole('button', { name: 'Use this answer' }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'port-result'));
  await page.locator('.proposal').getByRole('button', { name: 'Use this answer' }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'host-service'));
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'check-firewall'));
});

test('in Russian: Russian Windows output is read, and the proposal speaks Russian', async ({ page }) => {
  await page.goto('/');
  // The switch once the app runs (first-paint.spec tests a press before that).
  await expect(page.locator('#app')).not.toHaveAttribute('data-pre');
  await page.getByRole('button', { name: /Русский/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // A test of port 3001 is read and shown, but never answers a question about 1688.
  await page.goto('/#/flow/kms-connect/test-port');
  await expect(question(page)).toHaveText(text('kms-connect', 'test-port', 'ru'));
  await paste(page, fixture('tnc-3001-failure-ru-1.txt'), 'Прочитать');
  await expect(page.locator('.paste-read')).toContainText('TcpTestSucceeded');
  await expect(page.locator('.proposal')).toHaveCount(0);
  // Russian nslookup's time-out answers the DNS server question, in Russian.
  await page.goto('/#/flow/kms-dns/dns-server');
  await expect(question(page)).toHaveText(text('kms-dns', 'dns-server', 'ru'));
  await paste(page, fixture('nslookup-failure-ru-1.txt'), 'Прочитать');
  const proposal = page.locator('.proposal');
  await expect(proposal).toContainText('По вставленному выводу: Нет');
  await expect(proposal.locator('code')).toHaveText('*** Превышено время ожидания запроса UnKnown');
  await proposal.getByRole('button', { name: 'Принять этот ответ' }).click();
  // A DNS server that does not answer: first, whether this is an Azure VM, whose DNS comes from Azure.
  await expect(question(page)).toHaveText(text('kms-dns', 'azure-vm', 'ru'));
});

test('rubbish gets a clear "not understood", and the question is still answered by hand', async ({
  page,
}) => {
  await page.goto('/#/flow/kms-connect/test-port');
  await paste(page, 'lorem ipsum\n\u0000\u0001 nothing here', 'Read it');
  await expect(page.getByRole('status').filter({ hasText: 'No known command output' })).toBeVisible();
  await expect(page.locator('.proposal')).toHaveCount(0);
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'activate-now'));
});

test('Home: paste console output, see the problem and the line that proves it, start at the step it leads to', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Paste console output' }).click();
  await expect(page).toHaveURL(/#\/paste$/);
  await expect(page.getByRole('button', { name: 'Show the command' })).toBeVisible();
  await page.locator('#paste-console').fill(fixture('tnc-1688-failure-en-1.txt'));
  await page.getByRole('button', { name: 'Read it', exact: true }).click();
  const found = page.locator('.diagnosis');
  await expect(found.getByRole('heading')).toHaveText(/cannot reach TCP port 1688/);
  await expect(found.locator('code')).toHaveText('TcpTestSucceeded       : False');
  await found.getByRole('button', { name: 'Start here' }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'host-service'));
  await page.goto('/#/paste');
  await page.locator('#paste-console').fill(fixture('slmgr-ato-error-0x8007232b-en-1.txt'));
  await page.getByRole('button', { name: 'Read it', exact: true }).click();
  await expect(page.locator('.diagnosis h2')).toHaveText('The output shows error 0x8007232B.');
  await page.getByRole('button', { name: 'Start here' }).click();
  await expect(question(page)).toHaveText(text('kms-dns', 'start'));
});

test("Home: Office's output starts Office's steps, never a Windows one", async ({ page }) => {
  await page.goto('/#/paste');
  await page.locator('#paste-console').fill(fixture('ospp-act-error-0xc004f074-en-1.txt'));
  await page.getByRole('button', { name: 'Read it', exact: true }).click();
  await expect(page.locator('.diagnosis h2')).toHaveText(/^This is Office’s output/);
  await page.getByRole('button', { name: 'Start here' }).click();
  await expect(question(page)).toHaveText(text('office', 'start'));
});

test('Home: healthy output is said to be healthy, with what was read in words, and nothing to start from it', async ({
  page,
}) => {
  await page.goto('/#/paste');
  await page.locator('#paste-console').fill(fixture('slmgr-dli-kms-client-en-1.txt'));
  await page.getByRole('button', { name: 'Read it', exact: true }).click();
  const found = page.locator('.diagnosis');
  await expect(found.getByRole('heading')).toHaveText(/^This computer is activated/);
  await expect(found.locator('code').first()).toContainText('License Status: Licensed');
  await expect(found.getByRole('button', { name: 'Start here' })).toHaveCount(0);
  await found.getByText('What was read').click();
  await expect(found.locator('.facts-read')).toContainText('License status');
  await expect(found.locator('.facts-read')).toContainText('Licensed');
  // In words, not the reader's own names.
  await expect(found.locator('.facts-read')).not.toContainText('licenseStatus');
});

test('a KMS host typed once fills this command and the ones after it; a bad value is refused', async ({
  page,
}) => {
  await page.goto('/#/flow/kms-connect/test-port');
  await expect(page.locator('.command mark.placeholder')).toHaveText('<KMS host FQDN>');
  // The field is folded under the line that names the placeholder before Copy.
  await page.locator('.command summary.placeholder-before').click();
  const field = page.getByLabel('Fill in the KMS host name');
  await field.fill('kms01 && calc');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('That does not look like the KMS host name.');
  await field.fill('kms01.corp.contoso.com');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.locator('.command code')).toHaveText(
    'Test-NetConnection -ComputerName kms01.corp.contoso.com -Port 1688',
  );
  await expect(page.getByLabel('Fill in the KMS host name')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.command code')).toContainText('kms01.corp.contoso.com');
});

test('an IPv6 KMS host typed with its zone ID fills slmgr /skms bracketed, without the zone', async ({
  page,
}) => {
  await page.goto('/#/flow/kms-connect/set-host');
  // The field is folded under the line that names the placeholder before Copy.
  await page.locator('.command summary.placeholder-before').click();
  await page.getByLabel('Fill in the KMS host name').fill('fe80::1%12');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.locator('.command code')).toHaveText(
    'cscript %windir%\\system32\\slmgr.vbs /skms [fe80::1]:1688',
  );
});

test('slmgr /dlv all: the Windows licence in use leads, and the others are said to be left out', async ({
  page,
}) => {
  const dlvAll = sampleText('slmgr-dlv-all-windows-office-joined-en.txt');
  await page.goto('/#/paste');
  await page.locator('#paste-console').fill(dlvAll);
  await page.getByRole('button', { name: 'Read it', exact: true }).click();
  await expect(page.locator('.diagnosis')).toContainText(
    '2 listed licences were of other products (Office…) or not in use: their lines were left out.',
  );
  await expect(page.locator('.diagnosis')).not.toContainText('Office 2010');
});

test('a paste shows the lines it read, and stays with its step: the next one opens clean', async ({
  page,
}) => {
  await page.goto('/#/flow/kms-connect/test-port');
  await expect(question(page)).toHaveText(text('kms-connect', 'test-port'));
  await paste(page, fixture('tnc-1688-failure-en-1.txt'), 'Read it');
  // What was read is shown, line by line as printed, not only counted.
  await expect(page.getByText('Read from these lines:')).toBeVisible();
  await expect(page.locator('.paste-read')).toContainText('TcpTestSucceeded       : False');
  await page.locator('.proposal').getByRole('button', { name: 'Use this answer' }).click();
  await expect(question(page)).toHaveText(text('kms-connect', 'port-result'));
  // The next step also reads output: its box starts closed and empty, with nothing said.
  await expect(page.locator('.paste-open')).toBeVisible();
  await expect(page.locator('#paste-output')).toHaveCount(0);
  await expect(page.locator('.paste-read')).toHaveCount(0);
  await page.locator('.paste-open').click();
  await expect(page.locator('#paste-output')).toHaveValue('');
});

test('the Paste screen keeps its collect command folded, and Copy copies it unfolded or not', async ({
  page,
}) => {
  const copied = await captureClipboard(page);
  await page.goto('/#/paste');
  await expect(page.locator('#paste-console')).toBeVisible();
  await expect(page.locator('.paste-screen .command')).toHaveCount(0);
  const show = page.getByRole('button', { name: 'Show the command' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await page.locator('.paste-screen').getByRole('button', { name: 'Copy', exact: true }).click();
  await expect.poll(copied).toMatch(/SoftwareLicensingProduct/);
  await show.click();
  await expect(show).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.paste-screen .command > pre')).toContainText('SoftwareLicensingProduct');
});

test('a step whose own output cannot answer says why, and offers no box where nothing can be pasted', async ({
  page,
}) => {
  // slui 4 opens a window: nothing printed, so no paste box.
  await page.goto('/#/flow/phone-activation/get-number');
  await expect(question(page)).toHaveText(text('phone-activation', 'get-number'));
  await expect(page.locator('.no-reading')).toHaveText(/opens a window: there is no output to paste/);
  await expect(page.locator('.paste-open')).toHaveCount(0);
  // A command that prints a product key: the key is never read.
  await page.goto('/#/flow/product-key/pid-txt');
  await expect(question(page)).toHaveText(text('product-key', 'pid-txt'));
  await expect(page.locator('.no-reading')).toHaveText(/never reads or keeps keys/);
  await expect(page.locator('.paste-open')).toHaveCount(0);
  // Times set side by side: only the technician can answer, but what is pasted still fills commands.
  await page.goto('/#/flow/time-sync/utc-both');
  await expect(question(page)).toHaveText(text('time-sync', 'utc-both'));
  await expect(page.locator('.no-reading')).toHaveText(/Only you can answer this from the output/);
  await expect(page.locator('.paste-open')).toBeVisible();
  // A step that reads its own output says nothing of the kind.
  await page.goto('/#/flow/kms-connect/test-port');
  await expect(question(page)).toHaveText(text('kms-connect', 'test-port'));
  await expect(page.locator('.no-reading')).toHaveCount(0);
});

test("Office's /act output answers its own step: an error proposes No, success Yes", async ({ page }) => {
  await page.goto('/#/flow/office/act');
  await expect(question(page)).toHaveText(text('office', 'act'));
  await paste(page, fixture('ospp-act-error-0xc004f074-en-1.txt'), 'Read it');
  const proposal = page.locator('.proposal');
  await expect(proposal).toContainText('From what you pasted: No');
  await expect(proposal.locator('code')).toHaveText('ERROR CODE: 0xC004F074');
  // The same step link opened again is a fresh session: nothing pasted there yet, nothing proposed.
  await page.goto('/#/flow/office/act');
  await expect(question(page)).toHaveText(text('office', 'act'));
  await expect(page.locator('.proposal')).toHaveCount(0);
  await expect(page.locator('#paste-output')).toHaveCount(0);
  await paste(page, fixture('ospp-act-success-en-2.txt'), 'Read it');
  await expect(page.locator('.proposal')).toContainText('From what you pasted: Yes');
  await page.locator('.proposal').getByRole('button', { name: 'Use this answer' }).click();
  await expect(question(page)).toHaveText(text('office', 'licensed'));
});

test('Home: an Extended Security Updates add-on beside Windows is named and never stands for Windows', async ({
  page,
}) => {
  const block = (name: string, channel: string, key: string, status: string) =>
    [
      `Name: ${name}`,
      `Description: Windows(R) Operating System, ${channel} channel`,
      'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
      `Partial Product Key: ${key}`,
      `License Status: ${status}`,
      '',
    ].join('\n');
  await page.goto('/#/paste');
  await page
    .locator('#paste-console')
    .fill(
      `${block('Windows(R), ServerStandard edition', 'VOLUME_KMSCLIENT', 'WCPRB', 'Licensed')}\n${block('Windows(R), Server-ESU-Year1 add-on for StandardServer', 'VOLUME_MAK', '4X8QJ', 'Unlicensed')}`,
    );
  await page.getByRole('button', { name: 'Read it', exact: true }).click();
  await expect(
    page.getByText(/1 Extended Security Updates \(ESU\) add-on is listed beside Windows/),
  ).toBeVisible();
  // The Windows licence decides: activated, not the add-on's Unlicensed.
  await expect(page.locator('.diagnosis')).toContainText('License Status: Licensed');
  await expect(page.locator('.diagnosis')).not.toContainText('VOLUME_MAK');
});

test('events listed newest first: the newer code answers, and the older event is said to be left out', async ({
  page,
}) => {
  await page.goto('/#/flow/event-8198');
  await expect(question(page)).toHaveText(text('event-8198', 'start'));
  const slui = (time: string, code: string) =>
    `TimeCreated : ${time}\nMessage     : License Activation (slui.exe) failed with the following error code:\n              hr=${code}\n`;
  // The newer event gives a code this step does not name; the older one gives one it does (Yes).
  await paste(
    page,
    `${slui('10/23/2025 1:05:11 PM', '0xC004F074')}\n${slui('10/21/2025 9:58:11 AM', '0x8007139F')}`,
    'Read it',
  );
  await expect(page.getByText('1 older event was left out', { exact: false })).toBeVisible();
  await expect(page.locator('.paste-read')).toContainText('hr=0xC004F074');
  await expect(page.locator('.paste-read')).not.toContainText('0x8007139F');
  await expect(page.locator('.proposal')).toHaveCount(0);
});
