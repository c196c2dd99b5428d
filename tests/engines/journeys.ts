/**
 * The core journeys, written once for every engine: what a technician does on a phone in the server
 * room, checked by what they would see. They run in order in one browser; the last two stop the
 * server (the photo's, to read offline; the offline one's), so they come last.
 */
import { answer as answerStep, current, start } from '../../src/flow/engine.ts';
import type { Answer } from '../../src/flow/engine.ts';
import { readFileSync } from 'node:fs';
import { command, flows, label, ok, plain, text, words } from '../support/flow-text.ts';
import type { Lang } from '../support/flow-text.ts';
import type { EngineBrowser, Target } from './browser.ts';

/** What a journey is handed besides the browser. */
export interface Context {
  /** Names the step under way, so a failure says where it happened. */
  step: (name: string) => void;
  /** Skips one step the engine cannot do, with the reason, printed in the report. */
  skip: (what: string, reason: string) => void;
  /** Stops the server the app was loaded from, as when the network is gone. */
  stopServer: () => Promise<void>;
  /** Holds back the server's answers to paths that match until release(), as on a network that stalls. */
  hold: (path: RegExp) => void;
  /** Lets held answers go, and answers later requests at once. */
  release: () => void;
}

/** How long to watch for something that must not happen once a held answer has gone. */
export const SETTLE_MS = 1500;

export interface Journey {
  name: string;
  run: (b: EngineBrowser, c: Context) => Promise<void>;
}

const TS = 'time-sync';
const QUESTION: Target = { css: '#step-question' };
const H1: Target = { css: 'h1' };
const CODE_FIELD: Target = { css: '#code-input' };
const button = (name: string | RegExp): Target => ({ role: 'button', name });
const link = (name: string | RegExp): Target => ({ role: 'link', name });

/** Opens Home and waits until the service worker controls the page: the app is installed. */
async function visitInstalled(b: EngineBrowser): Promise<void> {
  await b.goto('/');
  await b.waitUntil('a service worker controlling the page', '() => !!navigator.serviceWorker?.controller');
}

/** A wait that may take longer than one of the browser's (installing megabytes, recognition): tried again. */
async function patiently(times: number, wait: () => Promise<void>): Promise<void> {
  for (let i = 1; ; i++)
    try {
      return await wait();
    } catch (e) {
      if (i >= times) throw e;
    }
}

// A screenshot of nslookup's answer as cmd shows it (tests/fixtures/photos), handed to the page's file field.
const PHOTO = readFileSync(
  new URL('../fixtures/photos/nslookup-srv-vlmcs-success-en-1-cmd-clean.png', import.meta.url),
).toString('base64');
// Runs in the page: the picture put in "Choose an image" as a file the user picked, and its change sent.
const CHOOSE = `(b64) => {
  const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  const input = [...document.querySelectorAll('.photo input[type=file]')].find((i) => !i.hasAttribute('capture'));
  const files = new DataTransfer();
  files.items.add(new File([bytes], 'nslookup.png', { type: 'image/png' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}`;

/** The number of elements matching a selector is n (the answers in the path above a step). */
const countIs = (b: EngineBrowser, css: string, n: number) =>
  b.waitUntil(`${n} × ${css}`, '(s, n) => document.querySelectorAll(s).length === n', css, n);

/**
 * Answers steps from the one on screen, as a user would: Yes or No, or a choice by its label, in the
 * page's language. Before each answer the screen shows the step the engine expects, and after the last
 * one the step the answers lead to; returns its id.
 */
async function walk(b: EngineBrowser, from: { flow: string; node?: string }, answers: Answer[], lang: Lang) {
  let state = ok(start(flows, from.flow, from.node));
  for (const a of answers) {
    const { flowId, node } = ok(current(flows, state));
    await b.waitForText(QUESTION, node.text[lang]);
    if (node.kind === 'choice') await b.click(button(label(flowId, node.id, String(a), lang)));
    else if (a === 'yes' || a === 'no') await b.click(button(words(lang)[a]));
    else throw new Error(`walk() answers only yes, no and choices, not "${a}" at ${flowId}/${node.id}`);
    state = ok(answerStep(flows, state, a));
  }
  const { node } = ok(current(flows, state));
  await b.waitForText(QUESTION, node.text[lang]);
  return node.id;
}

export const JOURNEYS: Journey[] = [
  {
    name: 'home: the install how-to, and ready to work offline after the first visit',
    run: async (b, c) => {
      c.step('open the home screen');
      await b.goto('/');
      await b.waitForText(H1, 'Activation Field Guide');
      // Said once, for a few seconds, when the first visit's offline copy is complete: looked for first.
      c.step('the offline copy is ready');
      await b.waitForText({ css: '.toast' }, /Ready to work offline/);
      c.step('the error code field, and the codes of an activation type once it is opened');
      await b.find(CODE_FIELD);
      await b.click({ css: '.browse summary', name: /^KMS client/ });
      await b.find(link(/^0xC004F074/));
      c.step("no install prompt here: the how-to for Safari's Add to Home Screen instead");
      await b.click({ css: '.install summary', name: 'On iPhone or iPad (Safari)' });
      await b.waitForText({ css: '.install ol' }, /Share.*Add to Home Screen.*Add\./);
      if (await b.has(button('Install')))
        throw new Error('an Install button that this browser cannot act on');
    },
  },
  {
    name: 'look a code up by hex and by decimal',
    run: async (b, c) => {
      // As Windows prints it, as event logs print it (unsigned), as scripts print it (signed).
      for (const typed of ['0xC004F074', 'c004f074', '3221549172', '-1073418124']) {
        c.step(`type ${typed} into Error code and press Enter`);
        await b.goto('/');
        await b.fill(CODE_FIELD, typed);
        await b.find(link(/^0xC004F074/));
        await b.enter(CODE_FIELD);
        await b.waitForHash(/^#\/code\/0xC004F074$/); // the code page's link, whatever was typed
        await b.waitForText(H1, '0xC004F074');
        await b.waitForText(
          { css: 'blockquote.message' },
          /No Key Management Service \(KMS\) could be contacted/,
        );
      }
    },
  },
  {
    name: 'a flow from the code page to the resolution, with Back',
    run: async (b, c) => {
      c.step('open 0xC004F06C and start');
      await b.goto('/#/code/0xC004F06C');
      await b.waitForText(H1, '0xC004F06C');
      await b.click(button('Start troubleshooting'));
      c.step('answer the first two steps');
      await walk(b, { flow: TS }, ['both', 'yes'], 'en');
      await countIs(b, 'nav.path button', 2);
      c.step('Back returns to the step before');
      await b.click(button('Back'));
      await b.waitForText(QUESTION, text(TS, 'utc-both'));
      await countIs(b, 'nav.path button', 1);
      await b.waitForText({ css: 'pre code' }, command(TS, 'utc-both'));
      c.step('walk on to the resolution');
      // The clocks are 4 hours or more apart, the KMS host's is wrong, resync on the host fixes it, the client's
      // clock is right, and the client activates.
      const end = await walk(b, { flow: TS, node: 'utc-both' }, ['yes', 'host', 'yes', 'yes', 'yes'], 'en');
      if (end !== 'activated') throw new Error(`the walk ended at ${end}, not at "activated"`);
      await b.click(button('Fixed'));
      await b.waitForText({ css: 'main' }, /Marked as fixed/i);
    },
  },
  {
    name: 'Russian, through the language button',
    run: async (b, c) => {
      c.step('open a step and switch to Russian');
      await b.goto('/#/flow/time-sync/utc-both');
      await b.waitForText(QUESTION, text(TS, 'utc-both'));
      await b.click(button(/^Русский/));
      await b.waitUntil('<html lang="ru">', '() => document.documentElement.lang === "ru"');
      await b.waitForText(QUESTION, text(TS, 'utc-both', 'ru'));
      c.step('answer in Russian');
      await walk(b, { flow: TS, node: 'utc-both' }, ['yes'], 'ru');
      await b.click(button('Назад'));
      await b.waitForText(QUESTION, text(TS, 'utc-both', 'ru'));
      c.step('the home screen in Russian, after a reload');
      await b.goto('/');
      await b.reload();
      await b.waitForText(H1, 'Справочник по активации');
      c.step('switch back to English');
      await b.click(button(/^English/));
      await b.waitForText(H1, 'Activation Field Guide');
    },
  },
  {
    name: 'History, and resuming a saved session',
    run: async (b, c) => {
      // Two answers in, at a step where no other journey leaves a session: an earlier journey leaves one
      // in progress at utc-both, so each check below names this session's step and its 3 steps.
      c.step('start a session and leave it');
      await b.goto('/#/flow/time-sync');
      const at = await walk(b, { flow: TS }, ['both', 'yes'], 'en');
      await b.goto('/');
      await b.find(button('Resume'));
      c.step('reload and resume it');
      await b.reload();
      await b.click(button('Resume'));
      await b.waitForText(QUESTION, text(TS, at));
      await countIs(b, 'nav.path button', 2);
      c.step('History lists it first, after a reload');
      await b.goto('/#/history');
      await b.reload();
      await b.waitForText(H1, 'History');
      await b.waitForText({ css: '.session-row' }, /In progress · 3 steps ·/);
      c.step('open it from History and resume it there');
      await b.click({ css: '.session-link' });
      await b.click(button('Resume'));
      await b.waitForText(QUESTION, text(TS, at));
      await countIs(b, 'nav.path button', 2);
    },
  },
  {
    name: 'the transcript of a session',
    run: async (b, c) => {
      c.step('walk 0xC004F06C to an escalation');
      await b.goto('/#/code/0xC004F06C');
      await b.click(button('Start troubleshooting'));
      const end = await walk(b, { flow: TS }, ['both', 'no'], 'en'); // the clocks agree: time is not the cause
      await b.waitForText({ css: 'main' }, /Collect before escalating/i);
      c.step('open the transcript');
      await b.click(link('Export transcript'));
      await b.waitForText(H1, 'Session transcript');
      const md = plain(await b.waitForText({ css: 'pre.transcript' }, /0xC004F06C/));
      c.step('the transcript has the steps, the answers and the command');
      for (const [what, want] of [
        ['the first question', text(TS, 'start')],
        ['the answer', label(TS, 'start', 'both')],
        ['the second question', text(TS, 'utc-both')],
        ['the command', command(TS, 'utc-both')],
        ['the outcome', text(TS, end)],
      ] as const)
        if (!md.includes(want.replace(/\s+/g, ' ')))
          throw new Error(`the transcript lacks ${what}: ${JSON.stringify(want)}`);
    },
  },
  {
    name: "leaving while a screen's code loads goes where the user went",
    run: async (b, c) => {
      // A screen not opened before in this browser, whose code no memory cache holds.
      c.step("the Paste screen's code gone from the offline copy, and slow to come");
      await visitInstalled(b);
      // Held until released, so "Loading…" is on screen however slowly the browser looks; held before the
      // eviction, so the page's own check of the offline copy cannot fetch it back in between.
      c.hold(/^\/assets\/PasteScreen-[^/]+\.js$/);
      try {
        const evicted = await b.evaluate<string>(`async () => {
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const req of await cache.keys())
              if (/^\\/assets\\/PasteScreen-[^/]+\\.js$/.test(new URL(req.url).pathname))
                return (await cache.delete(req)) ? req.url : '';
          }
          return '';
        }`);
        if (!evicted) throw new Error("the Paste screen's code is not in the offline copy");
        c.step('open Paste console output and, while it loads, go to another page');
        // Where its link leads, set from the page: the home screen may still move under a click (the
        // resume card of an earlier journey's session comes in late on a busy machine).
        await b.evaluate('() => { location.hash = "#/paste"; }');
        await b.waitForText({ css: 'main' }, 'Loading…');
        await b.goto('/icons/icon.svg');
      } finally {
        c.release();
      }
      c.step('the other page stays');
      // Nothing announces that a page did not come back: look a while after the screen's code has gone out.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const at = new URL(await b.url()).pathname;
      if (at !== '/icons/icon.svg') throw new Error(`the guide took the page back to ${at}`);
    },
  },
  {
    name: 'a photo of the screen read offline: a line corrected, and the host it names in the next command',
    run: async (b, c) => {
      c.step('visit, and wait until photo reading is ready offline');
      await visitInstalled(b);
      await b.goto('/#/flow/kms-dns/check-srv');
      await b.click(button('Paste output'));
      await patiently(4, () =>
        b.waitForText({ css: '.photo-state' }, 'Photo reading: ready offline.').then(() => undefined),
      );
      c.step('stop the server, and choose the picture of nslookup');
      await c.stopServer();
      await b.evaluate(CHOOSE, PHOTO);
      c.step('line 8 as the screen shows it, then corrected');
      await patiently(4, () =>
        b.waitUntil(
          'line 8 recognized',
          "() => document.querySelector('.photo-lines li:nth-child(8) input')?.value === 'svr hostname = kmshost.company.local'",
        ),
      );
      await b.fill({ role: 'textbox', name: 'Line 8' }, 'svr hostname = kms02.company.local');
      await b.click(button('Use these lines'));
      await b.waitForText({ css: '.paste-read' }, /kms02\.company\.local/);
      c.step('the steps answered by hand, to the command with the corrected host');
      await b.click(button('Yes'));
      await b.click(button(/Every entry names/));
      await b.click(button('Yes'));
      await b.waitForText({ css: '.command code' }, /\/skms kms02\.company\.local:1688/);
    },
  },
  {
    name: 'offline: a reload and a deep link with the server stopped',
    run: async (b, c) => {
      c.step('visit, and wait until the service worker controls the page');
      await visitInstalled(b);
      c.step('stop the server and reload');
      await c.stopServer();
      await b.reload();
      await b.waitForText(H1, 'Activation Field Guide');
      await b.waitForText({ css: '.offline-badge' }, 'Offline');
      c.step('a deep link to a code, opened afresh, and its flow');
      await b.goto('about:blank');
      await b.goto('/#/code/3221549164');
      await b.waitForText(H1, '0xC004F06C');
      await b.click(button('Start troubleshooting'));
      await walk(b, { flow: TS }, ['both', 'yes'], 'en');
      c.step('a deep link to a flow never opened online');
      await b.goto('about:blank');
      await b.goto('/#/flow/kms-count');
      await b.waitForText(QUESTION, text('kms-count', flows['kms-count']!.start));
    },
  },
];
