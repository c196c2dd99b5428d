/**
 * The small interface the journeys are written against, once for every engine: go to a page, find an
 * element by role and name (or CSS) as a user sees it, click, type, read text, wait. Each engine supplies
 * only a few primitives (run a script, get an element, click it, type into it); waiting and finding are
 * shared here.
 */

/** How long anything may take to appear: shared CI machines are busy, and a wait ends as soon as it holds. */
export const WAIT_MS = 20_000;
const POLL_MS = 150;

export type Role = 'button' | 'link' | 'heading' | 'textbox';

/** An element as a user finds it: by role and visible name, or by a CSS selector, optionally with a name. */
export interface Target {
  css?: string;
  role?: Role;
  /** The accessible name (aria-label, else the text); a string matches exactly, a RegExp anywhere. */
  name?: string | RegExp;
}

/** An element the engine's client holds. */
export type Handle = unknown;

/** What each engine's client provides. */
export interface Primitives {
  /** The engine and its version, for the report. */
  readonly version: string;
  /** Loads a URL and waits for its load event (or for the same-document navigation of a hash). */
  navigate(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs a function's source in the page with JSON arguments, awaiting a promise; the result is JSON. */
  run<T>(source: string, args: unknown[]): Promise<T>;
  /** The element a function's source returns, or undefined for null. */
  element(source: string, args: unknown[]): Promise<Handle | undefined>;
  /** Clicks an element; false, having done nothing, when it went from the page or cannot take a click yet. */
  click(el: Handle): Promise<boolean>;
  /** Focuses a field, selects what it holds and types text over it, key by key. */
  type(el: Handle, text: string): Promise<void>;
  /** Presses Enter in a field. */
  enter(el: Handle): Promise<void>;
  /** Ends the browser and its driver; never rejects. */
  close(): Promise<void>;
}

// Runs in the page, so it is plain JavaScript source: the first visible element matching a Target.
const FIND = `(t) => {
  const roles = {
    button: 'button, [role=button], input[type=button], input[type=submit]',
    link: 'a[href], [role=link]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    textbox: 'input:not([type]), input[type=text], input[type=search], textarea, [role=textbox]',
  };
  // The accessible name, simply: aria-label, else the text, without what is hidden from assistive technology.
  const text = (el) => {
    let s = '';
    for (const n of el.childNodes)
      if (n.nodeType === 3) s += n.data;
      else if (n.nodeType === 1 && n.getAttribute('aria-hidden') !== 'true') s += text(n);
    return s;
  };
  const name = (el) => (el.getAttribute('aria-label') || text(el)).replace(/\\s+/g, ' ').trim();
  const re = t.pattern ? new RegExp(t.pattern, t.flags) : undefined;
  for (const el of document.querySelectorAll(t.css || roles[t.role])) {
    if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    if (t.name === undefined && !re) return el;
    const n = name(el);
    if (re ? re.test(n) : n === t.name) return el;
  }
  return null;
}`;

// The element, once it has stayed in place for two frames: a click computed on a screen still laying
// itself out (a notice or a source line arriving above) would land beside it. Brought to the middle of the
// screen first, as a user would: WebKit's driver scrolls only as far as the element's edge, which can leave
// it under the sticky header, and every click then lands on the header.
const STILL = `async (t) => {
  const find = ${FIND};
  const el = find(t);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const at = () => JSON.stringify(el.getBoundingClientRect());
  const before = at();
  const frame = () => new Promise((r) => { requestAnimationFrame(r); setTimeout(r, 100); });
  await frame();
  await frame();
  return el.isConnected && find(t) === el && at() === before ? el : null;
}`;

const wire = (t: Target) => ({
  css: t.css,
  role: t.role,
  name: typeof t.name === 'string' ? t.name : undefined,
  pattern: t.name instanceof RegExp ? t.name.source : undefined,
  flags: t.name instanceof RegExp ? t.name.flags : undefined,
});

/** A target as a message names it: `button "Yes"`, `#code-input`. */
export function describe(t: Target): string {
  const what = t.css ?? t.role ?? 'element';
  return t.name === undefined
    ? what
    : `${what} ${typeof t.name === 'string' ? `"${t.name}"` : String(t.name)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined; on timeout, throws with what was last seen. */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  seen: () => string = () => '',
): Promise<T> {
  const end = Date.now() + WAIT_MS;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e; // a page between two documents: try again
    }
    if (Date.now() > end) {
      const saw = await Promise.resolve()
        .then(seen)
        .catch(() => '');
      const why = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : '';
      throw new Error(`waited ${WAIT_MS / 1000} s for ${what}${saw ? `; saw ${saw}` : ''}${why}`);
    }
    await sleep(POLL_MS);
  }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string) => JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}…` : s);

/** One engine's browser as the journeys use it: every lookup waits for its element. */
export class EngineBrowser {
  constructor(
    readonly engine: string,
    readonly base: string,
    private readonly p: Primitives,
  ) {}

  get version(): string {
    return this.p.version;
  }

  /** Opens a path of the app (`/`, `/#/history`); about:blank as it is. */
  goto(path: string): Promise<void> {
    return this.p.navigate(path.startsWith('about:') ? path : new URL(path, this.base).href);
  }

  reload(): Promise<void> {
    return this.p.reload();
  }

  /** Runs a function's source in the page; the arguments and the result are JSON. */
  evaluate<T>(source: string, ...args: unknown[]): Promise<T> {
    return this.p.run<T>(source, args);
  }

  /** Waits for a visible element. */
  find(t: Target): Promise<Handle> {
    return poll(describe(t), () => this.p.element(FIND, [wire(t)]));
  }

  /** Whether a visible element is there now, without waiting. */
  async has(t: Target): Promise<boolean> {
    return (await this.p.element(FIND, [wire(t)])) !== undefined;
  }

  /** Waits for a visible element and clicks it; one that a re-render replaced first is found again. */
  async click(t: Target): Promise<void> {
    let failed: { error: unknown } | undefined;
    await poll(`${describe(t)} to take a click`, async () => {
      const el = await this.p.element(STILL, [wire(t)]);
      if (el === undefined) return undefined;
      try {
        return (await this.p.click(el)) ? true : undefined;
      } catch (error) {
        failed = { error }; // the click may have landed: never click twice
        return true;
      }
    });
    if (failed) throw failed.error;
  }

  /** Waits for a field, and types text over what it holds. */
  async fill(t: Target, text: string): Promise<void> {
    await this.p.type(await this.find(t), text);
  }

  /** Waits for a field and presses Enter in it. */
  async enter(t: Target): Promise<void> {
    await this.p.enter(await this.find(t));
  }

  /** The visible text of the first visible element, whitespace squashed; undefined when there is none. */
  async textOf(t: Target): Promise<string | undefined> {
    const text = await this.p.run<string | null>(
      `(t) => { const el = (${FIND})(t); return el && el.innerText; }`,
      [wire(t)],
    );
    return text === null ? undefined : squash(text);
  }

  /** Waits until an element's text is `expected` (a string: exactly; a RegExp: anywhere). */
  async waitForText(t: Target, expected: string | RegExp): Promise<string> {
    let last: string | undefined;
    const want = typeof expected === 'string' ? squash(expected) : expected;
    return poll(
      `${describe(t)} to read ${typeof want === 'string' ? clip(want) : String(want)}`,
      async () => {
        last = await this.textOf(t);
        if (last === undefined) return undefined;
        return (typeof want === 'string' ? last === want : want.test(last)) ? last : undefined;
      },
      () => (last === undefined ? 'no such element' : clip(last)),
    );
  }

  /** Waits until a condition in the page, a function's source returning true, holds. */
  async waitUntil(what: string, source: string, ...args: unknown[]): Promise<void> {
    await poll(what, async () => ((await this.p.run<boolean>(source, args)) === true ? true : undefined));
  }

  /** The page's address. */
  url(): Promise<string> {
    return this.p.run<string>('() => location.href', []);
  }

  /** Waits until the address's hash matches. */
  async waitForHash(hash: RegExp): Promise<void> {
    let last = '';
    await poll(
      `the address to match ${String(hash)}`,
      async () => {
        last = await this.url();
        return hash.test(new URL(last).hash) ? true : undefined;
      },
      () => last,
    );
  }

  close(): Promise<void> {
    return this.p.close();
  }
}
