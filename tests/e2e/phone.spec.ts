/**
 * On a phone in the server room: words and command tokens stay whole, every step opens with its heading
 * below the sticky header, every control is big enough to tap, and paper shows the content only. Every
 * screen is checked at the widths of today's phones, 320 to 430 px, in both languages.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { SCREENS, command, flows, label, step, toNumberStep, walk } from './support/screens.ts';

// Layout and reading only: no service worker, so no test pays for precaching every file (offline.spec and
// update.spec test the worker).
test.use({ serviceWorkers: 'block' });

/**
 * Words of the elements' text that the layout split across two lines (each word should be one box), as
 * "word (in tag.class)"; words that match `allow` (a RegExp source) may break.
 */
async function brokenWords(elements: Locator, by: 'words' | 'tokens', allow?: string): Promise<string[]> {
  return elements.evaluateAll(
    (els, { by, allow }) => {
      const allowed = allow ? new RegExp(allow) : null;
      const broken: string[] = [];
      for (const el of els) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          // Words: split at spaces, and after a hyphen or a dash, where a line may break ("A–F", "Get-Date");
          // tokens: at spaces only.
          const re = by === 'words' ? /[^\s–—-]+[–—-]?/g : /\S+/g;
          for (const m of text.matchAll(re)) {
            if (allowed?.test(m[0])) continue;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set(
              [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
            );
            const parent = node.parentElement;
            if (lines.size > 1)
              broken.push(
                `${m[0]} (in ${parent?.tagName.toLowerCase()}.${[...(parent?.classList ?? [])].join('.')})`,
              );
          }
        }
      }
      return broken;
    },
    { by, allow },
  );
}

/**
 * What paper shows that it should not, in the page's current media: text too light to read on white (a
 * contrast under 4.5:1, WCAG's AA for body text) and a background darker than near-white, as
 * "what (in tag.class): colour". Runs in the page.
 */
function offPaper(): string[] {
  const rgb = (c: string) => {
    const m = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(c);
    return m && { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] };
  };
  const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
  const found: string[] = [];
  for (const el of [document.documentElement, document.body, ...document.body.querySelectorAll('*')]) {
    if (!el.getClientRects().length && el !== document.documentElement) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const bg = rgb(style.backgroundColor);
    if (!bg) found.push(`background (in ${name(el)}): ${style.backgroundColor}`);
    else if (bg.a > 0 && lum(bg) < 0.8) found.push(`background (in ${name(el)}): ${style.backgroundColor}`);
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!own) continue;
    const fg = rgb(style.color);
    if (!fg || 1.05 / (lum(fg) + 0.05) < 4.5) found.push(`text (in ${name(el)}): ${style.color}`);
  }
  return found;
}

/**
 * Prints the page as it is, in the dark colour scheme, where the screen's colours are light on dark: the
 * header, buttons and fields gone (the trail of answers stays, printed as plain text, so not a button),
 * dark text on white. The page must show buttons or fields on screen, so the check means something.
 */
async function printed(page: Page, what: string) {
  const controls = page
    .locator('main')
    .locator('button:not(.path-step), a.btn, input, textarea, select, [role=button]');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await controls.filter({ visible: true }).count(), `${what}: controls on screen`).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.locator('header.top'), what).toBeHidden();
  await expect(controls.filter({ visible: true }), `${what}: controls on paper`).toHaveCount(0);
  // The page's background (the root's; the body has none) is white on paper, dark on a dark screen.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), what).toBe(
    'rgb(255, 255, 255)',
  );
  expect(await page.evaluate(offPaper), `${what}: dark on white`).toEqual([]);
}

/**
 * The controls on the page smaller than 44 × 44 px (WCAG's target size), as "TAG "text" w×h": a checkbox is
 * tapped through its label.
 */
function smallControls(page: Page): Promise<string[]> {
  return page
    .locator(
      'header a, header button, main button:visible, main a.btn:visible, main input:visible:not([type=checkbox]), main label:has(input[type=checkbox]), main summary:visible, main .match:visible',
    )
    .evaluateAll((els) =>
      els
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(
          ({ el, r }) =>
            `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${r.width}×${r.height}`,
        ),
    );
}

/**
 * The pieces of the commands in the steps that a line never breaks inside: a token's units, or the humps of
 * a unit too wide for the line (commands.spec.ts checks where they break and that it is marked).
 */
const UNITS = '.command > pre .u:not(.split), .command > pre .u.split > .s';

const answer = (page: Page) => page.locator('.answers button:visible, .choices button:visible').first();

for (const width of [320, 360])
  for (const lang of ['en', 'ru'] as const)
    test.describe(`${width} px, ${lang}`, () => {
      // Some of these walk every screen or every step in one test: sized for a busy machine.
      test.describe.configure({ timeout: 120_000 });
      test.use({
        viewport: { width, height: width === 320 ? 640 : 740 },
        hasTouch: true,
        isMobile: true,
        locale: lang === 'ru' ? 'ru-RU' : 'en-US',
      });

      // Narrowest first: a line that holds at 320 px holds at 360, so only the screen's height is checked twice.
      if (width === 320) {
        test('answers in the trail, answer buttons and the pieces of commands never break inside a word', async ({
          page,
        }) => {
          // Through the KMS DNS flow: long commands, long answers, a trail of earlier answers.
          await page.goto('/#/code/0xC004F074');
          await page.locator('.code-page .btn-primary').click();
          for (let i = 0; i < 4; i++) {
            await answer(page).click();
            // The next step, not the one answered: one more answer in the trail.
            await expect(page.locator('nav.path button')).toHaveCount(i + 1);
            await expect(page.locator('#step-question h1')).toBeVisible();
            expect(await brokenWords(page.locator('.path-a'), 'words'), 'trail answers').toEqual([]);
            expect(
              await brokenWords(page.locator('.answers button, .choices button'), 'words'),
              'answers',
            ).toEqual([]);
            expect(await brokenWords(page.locator(UNITS), 'tokens'), 'commands').toEqual([]);
          }
          await page.goto('/#/flow/kms-dns/check-suffix');
          await expect(page.locator('.command > pre').first()).toBeVisible();
          expect(await brokenWords(page.locator(UNITS), 'tokens')).toEqual([]);
        });
      }
      test('every step opens with its heading in view, below the header', async ({ page }) => {
        await page.goto('/#/flow/kms-dns');
        for (let i = 0; i < 5; i++) {
          // The last answer on the screen: after tapping it, the page must not stay scrolled down.
          const buttons = page.locator('.answers button:visible, .choices button:visible');
          if (!(await buttons.count())) break;
          await buttons.last().scrollIntoViewIfNeeded();
          await buttons.last().click();
          // The next step, not the one answered: one more answer in the trail.
          await expect(page.locator('nav.path button')).toHaveCount(i + 1);
          const heading = page.locator('#step-question h1');
          await expect(heading).toBeVisible();
          const header = (await page.locator('header.top').boundingBox())!;
          await expect
            .poll(async () => (await heading.boundingBox())!.y, { message: `step ${i + 1}` })
            .toBeGreaterThanOrEqual(header.y + header.height);
          expect((await heading.boundingBox())!.y).toBeLessThan(page.viewportSize()!.height / 2);
        }
        // A new screen starts at its top too, even a long one opened from a step scrolled down (the session
        // began at a step link, so no other screen came before).
        await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
        await page.goto('/#/code/0xC004F074');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('0xC004F074');
        await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
        await page.locator('header a', { hasText: lang === 'ru' ? 'История' : 'History' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
      });

      if (width === 320) {
        test('on paper: no header, buttons or fields, dark on white, and every command in full', async ({
          page,
        }) => {
          // A step with a command, an answer in: the trail of answers is on paper too, as plain text.
          await page.goto('/#/flow/time-sync');
          await walk(page, { flow: 'time-sync' }, ['both']);
          await expect(page.locator('.path-step')).toHaveCount(1);
          const pre = page.locator('.command > pre');
          await expect(pre).toBeVisible();
          await printed(page, 'a step');
          await expect(pre).toBeVisible();
          expect(await pre.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        });

        test("on paper, a session's page: no header, buttons or fields, dark on white", async ({ page }) => {
          await SCREENS.find((s) => s.name === 'transcript')!.open(page);
          await expect(page).toHaveURL(/#\/session\/[^/]+$/);
          await printed(page, "a session's page");
          await expect(page.locator('pre.transcript')).toBeVisible();
        });

        test('on paper, an outcome: its Fixed or Escalate mark dark on white, on a dark-mode phone too', async ({
          page,
        }) => {
          for (const node of ['activated', 'escalate-time']) {
            await page.emulateMedia({ media: 'screen' });
            await page.goto(`/#/flow/time-sync/${node}`);
            await expect(page.locator('article.step[class*="outcome-"]')).toBeVisible();
            await printed(page, `the outcome ${node}`);
          }
        });
      }
    });

test('the Large view shows one command alone, across the screen, and closes', async ({ page }) => {
  await page.setViewportSize({ width: 740, height: 360 }); // a phone held sideways
  await page.goto('/#/flow/time-sync/utc-both');
  await page.getByRole('button', { name: 'Large' }).click();
  const dialog = page.locator('dialog.command-large');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('pre')).toHaveText(await page.locator('.command > pre').innerText());
  const size = await dialog.locator('pre').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(21);
  expect(await brokenWords(dialog.locator('pre .u:not(.split), pre .u.split > .s'), 'tokens')).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Back to a number step keeps the number entered', async ({ page }) => {
  await page.goto('/#/flow/kms-count');
  await toNumberStep(page);
  await page.getByLabel('Your number').fill('24');
  await page.getByLabel('Your number').press('Enter');
  await expect(page.getByLabel('Your number')).toBeHidden();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByLabel('Your number')).toHaveValue('24');
});

test("a flow's whole procedure: every step, its command and where each answer leads, ready to print", async ({
  page,
}) => {
  await page.goto('/#/flow/time-sync');
  await page.getByRole('link', { name: 'Whole procedure' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Whole procedure');
  const flow = flows['time-sync']!;
  const steps = flow.nodes.filter((n) => n.kind !== 'link');
  await expect(page.locator('.procedure-steps > li')).toHaveCount(steps.length);
  for (const node of steps) await expect(page.locator(`#step-${node.id} h2`)).toHaveText(node.text.en);
  await expect(page.locator('#step-utc-both pre')).toHaveText(command('time-sync', 'utc-both'));
  await expect(page.locator('#step-utc-both .leads')).toContainText('Yes → step');
  // Every answer the step takes, as the engine routes it: a fix that did not hold leads on too.
  const fixed = step('time-sync', 'activated');
  const failed = fixed.kind === 'outcome' ? fixed.failed : undefined;
  await expect(page.locator('#step-activated .leads li')).toHaveText([
    `Still failing → step ${steps.findIndex((n) => n.id === failed) + 1}`,
  ]);
  // On a phone the page never scrolls sideways: a long command scrolls inside its own box.
  for (const flow of ['time-sync', 'kms-count']) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/#/procedure/${flow}`);
    // This flow's procedure, not the one before: its first step, by its text (both flows start at "start").
    const first = flows[flow]!.start;
    await expect(page.locator(`#step-${first} h2`)).toHaveText(step(flow, first).text.en);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), flow).toBeLessThanOrEqual(360);
  }
  // A count routed by an earlier answer names that answer as the user saw it, not its stored value.
  await expect(page.locator('#step-enter-count .leads')).toContainText(
    `25 or more, if “${step('kms-count', 'start').text.en}” was answered ${label('kms-count', 'start', 'client')}`,
  );
  await page.goto('/#/procedure/time-sync');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await printed(page, 'a procedure');
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.locator('#step-utc-both pre')).toBeVisible();
});

/**
 * Phones in use today, narrowest first: small Androids, 360 px Androids, iPhone Pro Max. The styles change
 * at one width among phones (26rem, 416 px; the others are 480 px and wider), so a 375 or 412 px phone lays
 * out as its neighbours do, and an iPhone 12–16 (390 × 844) as a 360 × 740 one with more room: what holds at
 * 360 px holds there.
 */
const PHONES = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 430, height: 932 },
];

/**
 * The one kind of word allowed to break: a GUID packed as the registry writes it, 32 hexadecimal digits that
 * the product code checker names in a sentence. In body type it is wider than a phone's line and has no
 * place to break, so the line breaks it where it must.
 */
const PACKED_GUID = '^[0-9A-Fa-f]{32}$';

// English at 360 px lays out as at 320 px with more room (the same styles, shorter words than Russian's): what
// holds at 320 px holds there.
const SCREEN_RUNS = PHONES.flatMap(({ width, height }) =>
  (['en', 'ru'] as const)
    .filter((lang) => !(width === 360 && lang === 'en'))
    .map((lang) => ({ width, height, lang })),
);

for (const { width, height, lang } of SCREEN_RUNS)
  test.describe(`every screen at ${width} px, ${lang}`, () => {
    // Every screen of the app in one test: on a busy machine that takes more than the default 30 s.
    test.describe.configure({ timeout: 120_000 });
    test.use({
      viewport: { width, height },
      hasTouch: true,
      isMobile: true,
      locale: lang === 'ru' ? 'ru-RU' : 'en-US',
    });

    // The narrowest phone is the one where a control is smallest: its size is checked there.
    const title = `words whole, no sideways scroll, the header on one row, the title in view below it${width === 320 ? ', every control at least 44 × 44 px' : ''}`;
    test(title, async ({ page, context }) => {
      const header = page.locator('header.top');
      const heading = page.locator('main h1');
      // Soft assertions: one run names every screen at fault, not only the first.
      const check = async (name: string) => {
        await expect(heading, name).toBeVisible();
        await expect
          .soft(page.locator('html'), `${name}: the page is in ${lang}`)
          .toHaveAttribute('lang', lang);
        // Header, trail, answers, commands, results, toasts: every text on the page, whole.
        expect.soft(await brokenWords(page.locator('body'), 'words', PACKED_GUID), name).toEqual([]);
        expect
          .soft(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: page width`)
          .toBeLessThanOrEqual(width);
        // Icon, status and links side by side: a second row would take the screen from the content.
        const centres = await header
          .locator('a, button, [role=status]')
          .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => r.top + r.height / 2));
        // The icon, History and the language button at least (else the spread below would be -Infinity).
        expect.soft(centres.length, `${name}: the header's icon, links and status`).toBeGreaterThanOrEqual(3);
        expect
          .soft(Math.max(...centres) - Math.min(...centres), `${name}: the header on one row`)
          .toBeLessThan(2);
        // The title starts below the sticky header and ends above the screen's bottom edge.
        await expect.soft
          .poll(
            async () => {
              const h = (await heading.boundingBox())!;
              const top = (await header.boundingBox())!;
              return h.y >= top.y + top.height && h.y + h.height <= height;
            },
            { message: `${name}: the title in view below the header` },
          )
          .toBe(true);
        if (width === 320)
          expect.soft(await smallControls(page), `${name}: controls under 44 × 44 px`).toEqual([]);
      };
      for (const screen of SCREENS) {
        await screen.open(page);
        await check(screen.name);
      }
      // Offline, the header carries one more word.
      await context.setOffline(true);
      await expect(page.locator('.offline-badge')).toBeVisible();
      await check('offline');
    });
  });

test("a step's answers stay where they first appear: nothing loads in above them a moment later", async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // The first answer's place on screen, every frame from when it appears.
  await page.addInitScript(() => {
    const tops: number[] = [];
    (window as unknown as { answerTops: number[] }).answerTops = tops;
    const frame = () => {
      const b = document.querySelector('.choices button');
      if (b) tops.push(b.getBoundingClientRect().top + scrollY);
      if (tops.length < 60) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto('/#/flow/time-sync');
  await page.waitForFunction(() => (window as unknown as { answerTops: number[] }).answerTops.length >= 60);
  const tops = await page.evaluate(() => (window as unknown as { answerTops: number[] }).answerTops);
  expect(new Set(tops).size).toBe(1);
});
