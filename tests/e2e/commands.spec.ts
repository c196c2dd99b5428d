/**
 * Commands read off a phone and typed at a console: every character of every command of every flow shows
 * without scrolling sideways, in the step and in Large, on phones from 320 px (the box is the same in both
 * languages: Russian is checked at 360 px); a token goes on to the next line only at the places a person
 * reads it apart by, with a mark, never inside a switch or a number; Copy copies the command itself; a
 * placeholder still to fill is said before Copy; and on a phone the answers sit within one screen of the
 * command.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { captureClipboard, command, flows, step, text } from './support/screens.ts';

// Layout and reading only: no service worker, so no test pays for precaching every file (offline.spec and
// update.spec test the worker).
test.use({ serviceWorkers: 'block' });

/** Every step that gives a command, as flow and node ids. */
const COMMAND_STEPS = Object.entries(flows).flatMap(([flow, f]) =>
  f.nodes
    .filter((n) => (n.kind === 'action' || n.kind === 'outcome') && n.command)
    .map((n) => ({ flow, node: n.id })),
);
/** Every step that gives a command and asks whether it worked (an escalation has no answers). */
const ANSWERED = COMMAND_STEPS.filter(({ flow, node }) => {
  const s = step(flow, node);
  return s.kind === 'action' || (s.kind === 'outcome' && s.result === 'resolved');
});
/** One step for each different command. */
const COMMANDS = [...new Map(COMMAND_STEPS.map((s) => [command(s.flow, s.node), s])).values()];

/**
 * Opens a step by its link in this same page, from inside the page, and waits for its question and
 * command. Waits frame by frame for what the app renders, never for a time.
 */
async function openInPage(hash: string, question: string, run: string) {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  location.hash = hash;
  const said = () => document.querySelector('#step-question')?.textContent?.replace(/\s+/g, ' ').trim();
  const box = () => document.querySelector('.step .command > pre')?.textContent;
  // Two steps may ask the same question: its command tells them apart (no test step repeats a command).
  while (said() !== question.replace(/\s+/g, ' ').trim() || box() !== run) await frame();
}

/**
 * What is wrong with a command box, measured in the page: it scrolls sideways, its text is not the
 * command (a mark or an invisible character in it), or a continuation mark stands where no line may
 * break (inside a switch, a number) or where the line did not break.
 */
function faults(pre: HTMLElement, run: string): string[] {
  const out: string[] = [];
  if (pre.scrollWidth > pre.clientWidth)
    out.push(`scrolls sideways: ${pre.scrollWidth} > ${pre.clientWidth}`);
  if (pre.textContent !== run) out.push(`text is ${JSON.stringify(pre.textContent)}`);
  const left = pre.getBoundingClientRect().left + parseFloat(getComputedStyle(pre).paddingLeft);
  for (const mark of pre.querySelectorAll('.cont')) {
    const tok = mark.closest('.tok')!;
    const range = document.createRange();
    range.setStart(tok, 0);
    range.setEndBefore(mark);
    const before = range.toString();
    const after = tok.textContent!.slice(before.length);
    const where = `${before}⏎${after}`;
    const sw = /^[-/][A-Za-z][A-Za-z0-9-]*/.exec(tok.textContent!)?.[0].length ?? 0;
    if (before.length < sw) out.push(`mark inside a switch: ${where}`);
    if (/\d$/.test(before) && /^\d/.test(after)) out.push(`mark inside a number: ${where}`);
    if (/[-/]$/.test(before) && /^[A-Za-z]/.test(after)) out.push(`mark after a switch's dash: ${where}`);
    if (getComputedStyle(mark, '::before').content === 'none') out.push(`mark not shown: ${where}`);
    if (Math.abs(mark.getClientRects()[0]!.left - left) > 2) out.push(`mark not at a line's start: ${where}`);
  }
  // A line breaks only between pieces: each text of a token (a unit, a hump) lies on one line.
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement!.closest('.tok')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    if (new Set(rects.map((r) => Math.round(r.top))).size > 1)
      out.push(`a line breaks inside ${node.textContent}`);
  }
  // Every piece of a token that starts a line (after the first) carries the mark.
  for (const tok of pre.querySelectorAll('.tok')) {
    const pieces = [...tok.querySelectorAll(':scope > .u:not(.split), :scope > .u.split > .s')];
    for (const [i, el] of pieces.entries())
      if (i > 0 && !el.classList.contains('cont') && Math.abs(el.getClientRects()[0]!.left - left) <= 2)
        out.push(`a line starts inside ${tok.textContent} with no mark`);
  }
  return out;
}

/**
 * Opens a command step in the page and lists the faults of its command box, in the step and in Large
 * (opened with its button, measured, closed), when `fits`; and, when `reach`, measures from the top of the
 * command how far down its first answer starts. One round trip per step. `hop`: go elsewhere first, when the
 * step before asks the same question with the same command (else the old step would pass for the new one).
 */
const measure = `async ({ hash, question, run, fits, reach, hop }) => {
  const faults = ${faults};
  const openInPage = ${openInPage};
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  if (hop) {
    location.hash = '#/paste';
    while (!document.querySelector('#paste-console')) await frame();
  }
  await openInPage(hash, question, run);
  let distance = null;
  if (reach) {
    const command = document.querySelector('.step .command').getBoundingClientRect();
    const answer = document.querySelector('.step .answers button').getBoundingClientRect();
    distance = Math.round(answer.top - command.top);
  }
  const out = [];
  if (fits) {
    out.push(...faults(document.querySelector('.step .command > pre'), run));
    document.querySelector('.step .command-actions > .btn-quiet').click();
    let large = null;
    while (!(large = document.querySelector('dialog.command-large[open] pre'))) await frame();
    out.push(...faults(large, run).map((f) => 'Large: ' + f));
    large.closest('dialog').close();
    while (document.querySelector('dialog.command-large pre')) await frame();
  }
  return { faults: out, distance };
}`;

/** The steps to open, each once: every different command, and every step that asks about its command. */
const fitsKeys = new Set(COMMANDS.map(({ flow, node }) => `${flow}/${node}`));
const reachKeys = new Set(ANSWERED.map(({ flow, node }) => `${flow}/${node}`));

/**
 * Walks the steps in one page, at the test's size and language: the faults of every command box (when
 * `fits`), and the steps whose answers start more than a screen (740 px) below the command (when `reach`).
 */
async function walkSteps(page: Page, lang: 'en' | 'ru', { fits, reach }: { fits: boolean; reach: boolean }) {
  await page.goto('/');
  await expect(page.locator('#code-input')).toBeVisible();
  const found: string[] = [];
  const far: string[] = [];
  let before = '';
  for (const { flow, node } of COMMAND_STEPS) {
    const key = `${flow}/${node}`;
    const todo = { fits: fits && fitsKeys.has(key), reach: reach && reachKeys.has(key) };
    if (!todo.fits && !todo.reach) continue;
    const args = { hash: `#/flow/${key}`, question: text(flow, node, lang), run: command(flow, node) };
    const same = `${args.question}\n${args.run}`;
    const result: { faults: string[]; distance: number | null } = await page.evaluate(
      `(${measure})(${JSON.stringify({ ...args, ...todo, hop: same === before })})`,
    );
    before = same;
    found.push(...result.faults.map((f) => `${key}: ${f}`));
    if (result.distance !== null && result.distance > 740) far.push(`${key}: ${result.distance} px`);
  }
  return { found, far };
}

// A command box is the same in both languages (the command, its font, its width), and its styles are the same
// on every phone up to 30rem (480 px): it is checked at the narrowest, 320 px, here, and at 360 px in the
// Russian walk below with the answers' distance. A wider box with the same styles only has more room.
for (const width of [320] as const)
  test.describe(`${width} px, en`, () => {
    test.use({
      viewport: { width, height: width === 320 ? 640 : 740 },
      hasTouch: true,
      isMobile: true,
      locale: 'en-US',
    });

    test('every command of every flow shows whole, in the step and in Large', async ({ page }) => {
      test.setTimeout(120_000);
      const { found } = await walkSteps(page, 'en', { fits: true, reach: false });
      expect(found).toEqual([]);
    });
  });

for (const lang of ['en', 'ru'] as const)
  test.describe(`360 × 740, ${lang}`, () => {
    // Each test opens several steps and dialogs: sized for a busy machine.
    test.describe.configure({ timeout: 120_000 });
    test.use({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      locale: lang === 'ru' ? 'ru-RU' : 'en-US',
    });

    // The boxes at 360 px once, in the Russian walk: a command box is the same in both languages.
    const title =
      lang === 'ru'
        ? 'every command shows whole, in the step and in Large, and its answers start within one screen of it'
        : "every command step's answers start within one screen of its command";
    test(title, async ({ page }) => {
      test.setTimeout(150_000);
      const { found, far } = await walkSteps(page, lang, { fits: lang === 'ru', reach: true });
      expect(found, 'command boxes').toEqual([]);
      expect(far, 'answers more than a screen below the command').toEqual([]);
    });

    test('Copy copies the command exactly; a placeholder still to type is said before and after', async ({
      page,
    }) => {
      // What Copy hands the clipboard, kept in the page.
      const copied = await captureClipboard(page);
      const copy = page.locator('.step .command-actions > .btn').first();
      const note = page.locator('.step .command .placeholder-before');
      const after = page.locator('.step .command .placeholder-copied');
      // A long command with no placeholder: the command itself, no mark, no invisible character.
      await page.goto('/#/flow/kms-count/check-skiprearm');
      // Its tokens cut into pieces, the command still copies whole (the marks are checked above).
      await expect(page.locator('.step .command .u').first()).toBeAttached();
      await expect(note).toHaveCount(0);
      await copy.click();
      await expect.poll(copied).toBe(command('kms-count', 'check-skiprearm'));
      // Two placeholders: marked, named before Copy; copied as they are, and named again.
      await page.goto('/#/flow/adba/apply-cid');
      const run = command('adba', 'apply-cid');
      await expect(page.locator('.step .command mark.placeholder')).toHaveText([
        '<KMS host key>',
        '<confirmation ID>',
      ]);
      const names = '<KMS host key>, <confirmation ID>';
      await expect(note).toHaveText(
        lang === 'en'
          ? `Replace ${names} with your values before you run it.`
          : `Перед запуском замените ${names} своими значениями.`,
      );
      await copy.click();
      await expect.poll(copied).toBe(run);
      await expect(after).toHaveText(
        lang === 'en'
          ? `Copied with ${names} still in it: replace them before you run the command.`
          : `Скопировано вместе с ${names}: замените их перед запуском.`,
      );
      // A placeholder the session can fill: once typed, Copy copies the value and nothing is said.
      await page.goto('/#/flow/kms-connect/set-host');
      // The same page moves to the new step: its own command first, so the fold clicked is its own.
      await expect(page.locator('.step .command > pre')).toHaveText(command('kms-connect', 'set-host'));
      await expect(note).toHaveCount(1);
      await note.click();
      await page.locator('#fact-kmsHost').fill('kms01.contoso.com');
      await page.locator('#fact-kmsHost').press('Enter');
      await expect(note).toHaveCount(0);
      await copy.click();
      await expect(after).toHaveCount(0);
      await expect
        .poll(copied)
        .toBe(command('kms-connect', 'set-host').replace('<KMS host FQDN>', 'kms01.contoso.com'));
    });

    test('after Back, the earlier step opens at its heading, as a new step does', async ({ page }) => {
      const heading = page.locator('#step-question h1');
      const header = page.locator('header.top');
      const atHeading = async (what: string) => {
        await expect(heading, what).toBeVisible();
        await expect
          .poll(
            async () => {
              const [h, top] = [(await heading.boundingBox())!, (await header.boundingBox())!];
              return h.y >= top.y + top.height - 1 && h.y < 740 / 2;
            },
            { message: what },
          )
          .toBe(true);
      };
      // A command step with a long page under its answers: scrolled to the bottom, then answered.
      await page.goto('/#/flow/kms-dns/check-srv');
      await expect(page.locator('.step .command')).toBeVisible();
      const question = text('kms-dns', 'check-srv', lang);
      await page.locator('.step .answers button').last().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.locator('.step .answers button').last().click();
      await expect(page.locator('#step-question')).not.toHaveText(question);
      await atHeading('the next step');
      // Scrolled down there too, then Back: the earlier step at its heading, not where it was left.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.getByRole('button', { name: lang === 'en' ? 'Back' : 'Назад', exact: true }).click();
      await expect(page.locator('#step-question')).toHaveText(question);
      await atHeading('back at the earlier step');
      // The browser's Back too.
      await page.locator('.step .answers button').first().click();
      await expect(page.locator('#step-question')).not.toHaveText(question);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.goBack();
      await expect(page.locator('#step-question')).toHaveText(question);
      await atHeading("back with the browser's Back");
    });
  });
