/** An organization's own build: its KMS host fills every command, its contact shows on every escalation. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve } from '../support/static-server.ts';
import type { StaticServer } from '../support/static-server.ts';
import { buildApp, ROOT } from '../support/vite-build.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: StaticServer;
test.beforeAll(async () => {
  // Builds take long on a busy machine; the hook has a budget of its own.
  test.setTimeout(240_000);
  const flowsDir = join(mkdtempSync(join(tmpdir(), 'afg-org-')), 'flows');
  cpSync(join(ROOT, 'flows'), flowsDir, { recursive: true });
  writeFileSync(
    join(flowsDir, 'organization.json'),
    JSON.stringify({
      kmsHost: 'kms.corp.example.org',
      contact: { en: 'Service desk, queue WIN-ACT', ru: 'Служба поддержки, очередь WIN-ACT' },
      ticket: { en: 'Asset tag and the transcript', ru: 'Инвентарный номер и протокол' },
    }),
  );
  server = await serve(await buildApp('dist-e2e-org', { FLOWS_DIR: flowsDir }));
});
test.afterAll(async () => server?.close());

test("the organization's KMS host fills commands, and a technician's own value still wins", async ({
  page,
}) => {
  await page.goto(`${server.url}#/flow/kms-connect/test-port`);
  await expect(page.locator('.command code')).toHaveText(
    'Test-NetConnection -ComputerName kms.corp.example.org -Port 1688',
  );
  await page.getByLabel('Fill in the KMS host name').fill('kms02.corp.example.org');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.locator('.command code')).toContainText('-ComputerName kms02.corp.example.org');
});

test("every escalation step shows the organization's contact and what its tickets need", async ({ page }) => {
  await page.goto(`${server.url}#/flow/time-sync/escalate-time`);
  await expect(page.locator('.org-contact')).toHaveText('Service desk, queue WIN-ACT');
  await expect(page.locator('.org-ticket')).toHaveText('Asset tag and the transcript');
});
