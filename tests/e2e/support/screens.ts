/**
 * Every screen of the app, reached as a user would, for checks that must hold on all of them; and the steps
 * of the real flows (texts, labels, commands, walks), so browser tests follow the flows' data.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { answer as answerStep, current, start } from '../../../src/flow/engine.ts';
import type { Answer } from '../../../src/flow/engine.ts';
import { flows, label, ok, step, words } from '../../support/flow-text.ts';
import type { Lang } from '../../support/flow-text.ts';

// The real flows' texts live in one module shared with the other engines' tests.
export { collect, command, flows, label, step, text } from '../../support/flow-text.ts';
export type { Lang } from '../../support/flow-text.ts';

/**
 * Answers steps from the one on screen, as a user would: the Yes or No button, or a choice by its label,
 * in the page's language. Before each answer the screen must show the step the engine expects, and after
 * the last one the step the answers lead to; returns that step.
 */
export async function walk(page: Page, from: { flow: string; node?: string }, answers: Answer[]) {
  const question = page.locator('#step-question');
  // The page says "en" until the app has read the chosen language; a step on screen means it has.
  await expect(question).toBeVisible();
  const lang: Lang = (await page.locator('html').getAttribute('lang')) === 'ru' ? 'ru' : 'en';
  let state = ok(start(flows, from.flow, from.node));
  for (const a of answers) {
    const { flowId, node } = ok(current(flows, state));
    await expect(question).toHaveText(node.text[lang]);
    if (node.kind === 'choice')
      await page.getByRole('button', { name: label(flowId, node.id, String(a), lang), exact: true }).click();
    else if ((node.kind === 'yesno' || node.kind === 'action') && (a === 'yes' || a === 'no'))
      await page.getByRole('button', { name: words(lang)[a], exact: true }).click();
    else throw new Error(`walk() answers only yes, no and choices, not "${a}" at ${flowId}/${node.id}`);
    state = ok(answerStep(flows, state, a));
  }
  const { flowId, node } = ok(current(flows, state));
  await expect(question).toHaveText(node.text[lang]);
  return { flow: flowId, node };
}

// ---- The screens. ----

export interface Screen {
  name: string;
  open: (page: Page) => Promise<void>;
}

const stepShown = (page: Page) => expect(page.locator('#step-question')).toBeVisible();
/** The step card on screen is of this kind ("action", "yesno", "outcome-resolved"…). */
const kind = (page: Page, cls: string) => expect(page.locator(`article.step.${cls}`)).toBeVisible();
/** Picks a choice by its place, which holds in every language. */
const choose = (page: Page, flow: string, node: string, value: string) => {
  const s = step(flow, node);
  const i = s.kind === 'choice' ? s.choices.findIndex((c) => c.value === value) : -1;
  if (i < 0) throw new Error(`${flow}/${node} has no choice "${value}"`);
  return page.locator('.choices button').nth(i).click();
};

/** From kms-count's first step to the count field: a client, and the count was read. */
export async function toNumberStep(page: Page) {
  await walk(page, { flow: 'kms-count' }, ['client', 'yes']);
  await expect(page.locator('#number-answer')).toBeVisible();
}

/** An escalated session: time-sync, both clocks read, they agree ("time is not the cause"). */
async function escalatedSession(p: Page) {
  await p.goto('/#/flow/time-sync');
  await choose(p, 'time-sync', 'start', 'both');
  await p.locator('[data-key="n"]').click();
  await kind(p, 'outcome-escalate');
}

export const SCREENS: Screen[] = [
  {
    name: 'paste console output',
    open: async (p) => (await p.goto('/#/paste'), await expect(p.locator('#paste-console')).toBeVisible()),
  },
  {
    name: 'home',
    open: async (p) => (await p.goto('/'), await expect(p.locator('#code-input')).toBeVisible()),
  },
  {
    name: 'home with matches',
    open: async (p) => {
      await p.goto('/');
      await p.locator('#code-input').fill('KMS');
      await expect(p.locator('.match').first()).toBeVisible();
    },
  },
  {
    name: 'code page',
    open: async (p) => (
      await p.goto('/#/code/0xC004F074'),
      await expect(p.locator('h1')).toHaveText('0xC004F074')
    ),
  },
  {
    name: 'unknown code',
    open: async (p) => (await p.goto('/#/code/0xDEADBEEF'), await expect(p.locator('h1')).toBeVisible()),
  },
  {
    name: 'action step',
    // A step with a command, what to look for and the console lines it prints.
    open: async (p) => (await p.goto('/#/flow/time-sync/utc-both'), await kind(p, 'action')),
  },
  {
    name: 'yes/no step with path',
    open: async (p) => {
      // Only the client reachable: the stripchart prints offsets; is any 4 hours or more?
      await p.goto('/#/flow/time-sync');
      await choose(p, 'time-sync', 'start', 'client-only');
      await p.locator('[data-key="y"]').click();
      await kind(p, 'yesno');
      await expect(p).toHaveURL(/#\/flow\/time-sync\/offset-size$/);
      await expect(p.locator('nav.path button')).toHaveCount(2);
    },
  },
  {
    name: 'choice step',
    open: async (p) => (
      await p.goto('/#/flow/kms-count'),
      await stepShown(p),
      await expect(p.locator('.choices')).toBeVisible()
    ),
  },
  {
    name: 'number step',
    open: async (p) => {
      await p.goto('/#/flow/kms-count');
      await toNumberStep(p);
    },
  },
  {
    name: 'resolved outcome',
    open: async (p) => (await p.goto('/#/flow/time-sync/activated'), await kind(p, 'outcome-resolved')),
  },
  {
    name: 'escalate outcome',
    open: async (p) => (await p.goto('/#/flow/time-sync/escalate-time'), await kind(p, 'outcome-escalate')),
  },
  {
    name: 'key checker',
    open: async (p) => {
      await p.goto('/#/tools/key');
      await p.getByRole('textbox').first().fill('nppr9–fwdcx—d2c8j-h872k-2yt43');
    },
  },
  {
    name: 'product code checker',
    open: async (p) => {
      await p.goto('/#/tools/product-code');
      await p.getByRole('textbox').first().fill('{6f9619ff-8b86-d011-b42d-00c04fc964ff}');
    },
  },
  {
    name: 'history',
    open: async (p) => {
      await escalatedSession(p);
      await p.goto('/#/history');
      await expect(p.locator('.session-row').first()).toBeVisible();
    },
  },
  {
    name: 'transcript',
    open: async (p) => {
      await escalatedSession(p);
      await p.goto('/#/history');
      await p.locator('.session-link').first().click();
      await expect(p.locator('.transcript')).toBeVisible();
    },
  },
  {
    name: 'not found',
    open: async (p) => (await p.goto('/#/nowhere/at/all'), await expect(p.locator('h1')).toBeVisible()),
  },
];

/**
 * Keeps what Copy hands the clipboard in the page, from the next navigation on; returns a reader of the
 * last text copied.
 */
export async function captureClipboard(page: Page): Promise<() => Promise<string | undefined>> {
  await page.addInitScript(() => {
    const kept: string[] = [];
    (window as unknown as { copied: string[] }).copied = kept;
    navigator.clipboard.writeText = async (text: string) => {
      kept.push(text);
    };
  });
  return () => page.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1));
}
