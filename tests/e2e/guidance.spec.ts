/**
 * What makes a step trustworthy on screen: the shell and elevation of each command, the sources of its
 * facts, an unverified mark where none confirms them, the console lines as Russian Windows prints them,
 * why a session went back, and the tools a step offers. Steps are picked from the real flows by what they
 * hold, so the checks follow the data.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { answer, answersFor, current, returnNote, start } from '../../src/flow/engine.ts';
import type { Answer, EngineState } from '../../src/flow/engine.ts';
import type { Flow, FlowNode } from '../../src/flow-format/schema.ts';
import { loadChecked } from '../support/flows.ts';

const { flows, sources } = loadChecked('flows');
const all = Object.entries(flows).flatMap(([id, flow]) => flow.nodes.map((node) => ({ id, node })));
type Step = Exclude<FlowNode, { kind: 'link' }>;
const find = (pick: (n: Step) => boolean) => {
  const hit = all.find(({ node }) => node.kind !== 'link' && pick(node));
  if (!hit) throw new Error('no step in the flows has what this test needs');
  return hit as { id: string; node: Step };
};
const question = (page: Page) => page.locator('#step-question');
const open = async (page: Page, flow: string, node: string) => {
  await page.goto(`/#/flow/${flow}/${node}`);
  await expect(question(page)).toBeVisible();
  // A command step folds its details, lines and sources under its answers: open them, as a reader would.
  const more = page.locator('.step details.more');
  if (await more.count()) await more.locator('summary').click();
};
const russian = async (page: Page) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Русский/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
};

test('a command says which shell it is for and whether it needs an administrator, in both languages', async ({
  page,
}) => {
  const admin = find((n) => n.kind === 'action' && n.command.shell === 'cmd' && n.command.elevated);
  const ps = find((n) => n.kind === 'action' && n.command.shell === 'powershell');
  await open(page, admin.id, admin.node.id);
  await expect(page.locator('.command .shell')).toHaveText('Command Prompt, as administrator');
  await open(page, ps.id, ps.node.id);
  await expect(page.locator('.command .shell')).toHaveText(/^Windows PowerShell/);
  await russian(page);
  await open(page, admin.id, admin.node.id);
  await expect(page.locator('.command .shell')).toHaveText('Командная строка от имени администратора');
});

test('a step names its sources, offline titles with links, and marks what no source confirms', async ({
  page,
}) => {
  const sourced = find(
    (n) =>
      n.kind === 'action' &&
      (n.sources?.some((id) => sources.sources.find((s) => s.id === id)?.url) ?? false),
  );
  await open(page, sourced.id, sourced.node.id);
  const line = page.locator('.facts .sources');
  await expect(line).toContainText(/^Sources?:/);
  const first = sourced.node
    .sources!.map((id) => sources.sources.find((s) => s.id === id)!)
    .find((s) => s.url !== undefined)!;
  const link = line
    .getByRole('link', { name: new RegExp(first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first();
  await expect(link).toHaveAttribute('href', first.url!);
  await expect(link).toHaveAttribute('rel', /noopener/);
  const unsure = find((n) => n.unverified !== undefined);
  await open(page, unsure.id, unsure.node.id);
  await expect(page.locator('.facts .unverified')).toContainText('Unverified');
  await expect(page.locator('.facts .unverified')).toContainText(unsure.node.unverified!.en);
});

test('the code page names the source of its message and cause', async ({ page }) => {
  await page.goto('/#/code/0xC004F074');
  await expect(page.locator('.facts .sources')).toContainText('Troubleshoot Windows activation error codes');
});

test('Russian users see the console line as Russian Windows prints it, or that no source gives it, beside the English line', async ({
  page,
}) => {
  const withOutput = find((n) => n.kind === 'action' && (n.output?.some((l) => l.ru === null) ?? false));
  await russian(page);
  await open(page, withOutput.id, withOutput.node.id);
  const lines = page.locator('.output-lines li');
  await expect(lines.filter({ hasText: 'В русской Windows:' }).first()).toBeVisible();
  // What no source gives is said once for the step, under its lines.
  await expect(page.locator('.step .more')).toContainText(
    'точная формулировка ни в одном источнике не приведена',
  );
  await expect(page.getByText('точная формулировка ни в одном источнике не приведена')).toHaveCount(1);
  await expect(page.locator('.output-lines')).toContainText('В английской Windows:');
});

/** The answers from a flow's start to a step the session reaches again on purpose, found by walking the engine. */
function pathToReturn(): { flow: string; state: EngineState } {
  for (const [id, flow] of Object.entries(flows) as Array<[string, Flow]>) {
    const begun = start(flows, id);
    if (!begun.ok) continue;
    const queue: EngineState[] = [begun.value];
    for (let i = 0; i < 4000 && queue.length; i++) {
      const state = queue.shift()!;
      if (returnNote(flows, state)) return { flow: flow.start, state };
      const cur = current(flows, state);
      if (!cur.ok || cur.value.status !== 'active' || state.trail.length > 14) continue;
      const accepted = answersFor(cur.value.node);
      const tries: Answer[] = accepted === 'number' ? [0, 5, 25, 100] : [...accepted];
      for (const a of tries) {
        const next = answer(flows, state, a);
        if (next.ok) queue.push(next.value);
      }
    }
  }
  throw new Error('no flow leads back to an earlier step');
}

test('a session sent back to an earlier step says why', async ({ page }) => {
  const { state } = pathToReturn();
  const last = state.trail[state.trail.length - 1]!;
  const note = returnNote(flows, state)!;
  await page.goto('/');
  // The step and its trail, as a history entry carries them: a reload restores exactly this session.
  await page.evaluate(
    ([s, hash]) =>
      history.replaceState({ sessionId: 'e2e-return', state: s, startedAt: Date.now(), depth: 0 }, '', hash),
    [state, `#/flow/${last.flow}/${last.node}`] as const,
  );
  await page.reload();
  await expect(page.locator('.returning')).toContainText(note.en);
});

test('a step can hold the error code field, for a code the console printed after all', async ({ page }) => {
  const lookup = find((n) => n.tool === 'lookup');
  await open(page, lookup.id, lookup.node.id);
  await page.locator('.step #code-input').fill('0xC004F074');
  await expect(page.locator('.step .match').first()).toContainText('0xC004F074');
});

test('a product key pasted with an error code stays out of the address and reaches the key checker in memory', async ({
  page,
}) => {
  const key = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';
  await page.goto('/');
  await page.getByLabel('Error code').fill(`slmgr /ipk ${key} Error: 0xC004F050`);
  await page.getByLabel('Error code').press('Enter');
  await expect(page).toHaveURL(/#\/code\/0xC004F050$/);
  await expect(page.getByText(/held a product key/)).toBeVisible();
  await page.getByRole('link', { name: 'Check the key' }).click();
  await expect(page).toHaveURL(/#\/tools\/key$/);
  await expect(page.locator('#key-input')).toHaveValue(key);
  const trace = await page.evaluate(() =>
    [location.href, document.title, JSON.stringify(history.state)].join(' '),
  );
  expect(trace).not.toContain('NPPR9');
});

test('a link that carries a product key loses it at once: the address, history and title never keep it', async ({
  page,
}) => {
  await page.goto('/#/code/NPPR9-FWDCX-D2C8J-H872K-2YT43%20Error%200xC004F050');
  await expect(page).toHaveURL(/#\/code\/Error%200xC004F050$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F050');
  const trace = await page.evaluate(() =>
    [location.href, document.title, JSON.stringify(history.state), history.length].join(' '),
  );
  expect(trace).not.toContain('NPPR9');
  await page.getByRole('link', { name: 'Check the key' }).click();
  await expect(page.locator('#key-input')).toHaveValue('NPPR9-FWDCX-D2C8J-H872K-2YT43');
  await page.goto('/#/code/NPPR9-FWDCX-D2C8J-H872K-2YT43');
  await expect(page).toHaveURL(/#\/tools\/key$/);
});
