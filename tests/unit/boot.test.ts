/**
 * The boot script (src/first-screen/boot.ts), run as the browser runs it before the first paint, on a page
 * made of a few fake elements: the language it shows is the app's own choice, a deep link is marked, one
 * copy of the screen is kept, presses wait for the app, and the app's modules load once the page has painted.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as markers from '../../src/first-screen/markers.ts';
import { detectLanguage } from '../../src/i18n/language-choice.ts';

/** Just what the boot script uses of an element. */
class FakeElement {
  attrs = new Map<string, string>();
  childNodes: FakeElement[] = [];
  parent: FakeElement | null = null;
  lang = '';
  rel = '';
  href = '';
  src = '';
  type = '';
  crossOrigin: string | null = null;
  constructor(
    readonly tagName: string,
    readonly id = '',
  ) {}
  get content(): string {
    return this.attrs.get('content') ?? '';
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  append(...nodes: FakeElement[]): this {
    for (const node of nodes) {
      node.remove();
      node.parent = this;
      this.childNodes.push(node);
    }
    return this;
  }
  replaceChildren(...nodes: FakeElement[]): void {
    for (const child of [...this.childNodes]) child.remove();
    this.append(...nodes);
  }
  remove(): void {
    if (this.parent) this.parent.childNodes.splice(this.parent.childNodes.indexOf(this), 1);
    this.parent = null;
  }
  contains(node: FakeElement): boolean {
    for (let n: FakeElement | null = node; n; n = n.parent) if (n === this) return true;
    return false;
  }
  closest(tagName: string): FakeElement | null {
    if (this.tagName === tagName) return this;
    return this.parent?.closest(tagName) ?? null;
  }
  /** This element and every one inside it. */
  *all(): Generator<FakeElement> {
    yield this;
    for (const child of this.childNodes) yield* child.all();
  }
}

const el = (tagName: string, id = '', ...children: FakeElement[]) =>
  new FakeElement(tagName, id).append(...children);

interface Page {
  html: FakeElement;
  head: FakeElement;
  body: FakeElement;
  stored: Map<string, string>;
  /** Fires a document event; returns whether the page's default was prevented. */
  fire: (type: string, target?: FakeElement) => boolean;
  /** The browser reports the first contentful paint. */
  paint: () => void;
}

interface Options {
  saved?: string | null | 'throws';
  languages?: string[];
  hash?: string;
  hidden?: boolean;
}

/** A page as the build writes it (both languages' home screens, the modules listed), then the boot script. */
async function boot({
  saved = null,
  languages = ['en-US'],
  hash = '',
  hidden = false,
}: Options = {}): Promise<Page> {
  const meta = el('meta');
  meta.setAttribute('name', markers.APP_MODULES);
  meta.setAttribute('content', '/assets/index-a.js /assets/shared-b.js /assets/i18n-c.js');
  const head = el('head', '', meta);
  const screen = (lang: string, id: string) => {
    const root = el(
      'div',
      id,
      el('form', 'search', el('button', 'send', el('span'))),
      el('button', 'switch'),
    );
    root.setAttribute(markers.PRERENDERED, lang);
    for (const node of root.all()) node.setAttribute('data-test-lang', lang);
    return root;
  };
  const body = el('body', '', screen('en', markers.APP_ID), screen('ru', markers.OTHER_COPY_ID));
  const html = el('html', '', head, body);
  const stored = new Map<string, string>(saved && saved !== 'throws' ? [['afg.lang', saved]] : []);
  const listeners: { type: string; run: (event: unknown) => void }[] = [];
  let onPaint: (list: unknown, observer: unknown) => void = () => undefined;

  vi.stubGlobal('localStorage', {
    getItem: (key: string) => {
      if (saved === 'throws') throw new Error('storage disabled');
      return stored.get(key) ?? null;
    },
    setItem: (key: string, value: string) => void stored.set(key, value),
  });
  vi.stubGlobal('navigator', { languages, language: languages[0] });
  vi.stubGlobal('location', { hash });
  vi.stubGlobal('document', {
    documentElement: html,
    head,
    visibilityState: hidden ? 'hidden' : 'visible',
    getElementById: (id: string) => [...html.all()].find((n) => n.id === id && n.parent) ?? null,
    querySelector: (selector: string) =>
      [...head.all()].find((n) => selector === `meta[name="${n.getAttribute('name')}"]`) ?? null,
    createElement: (tagName: string) => new FakeElement(tagName),
    addEventListener: (type: string, run: (event: unknown) => void) => listeners.push({ type, run }),
  });
  vi.stubGlobal(
    'PerformanceObserver',
    Object.assign(
      class {
        constructor(callback: typeof onPaint) {
          onPaint = callback;
        }
        observe() {}
        disconnect() {}
      },
      { supportedEntryTypes: ['paint'] },
    ),
  );
  vi.resetModules();
  await import('../../src/first-screen/boot.ts');

  const fire = (type: string, target?: FakeElement) => {
    let prevented = false;
    const event = { type, target, preventDefault: () => (prevented = true) };
    for (const l of listeners) if (l.type === type) l.run(event);
    return prevented;
  };
  const paint = () => {
    const list = { getEntriesByName: (name: string) => (name === 'first-contentful-paint' ? [{}] : []) };
    onPaint(list, { disconnect: () => undefined });
  };
  return { html, head, body, stored, fire, paint };
}

const byId = (page: Page, id: string) => [...page.html.all()].find((n) => n.id === id);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the boot script, before the first paint', () => {
  const cases: [string | null | 'throws', string[]][] = [
    [null, ['ru-RU', 'en-US']],
    [null, ['en-GB', 'ru']],
    [null, ['de-DE', 'ru-RU']],
    [null, ['de-DE', 'fr']],
    [null, []],
    ['ru', ['en-US']],
    ['en', ['ru-RU']],
    ['de', ['ru-RU']],
    ['throws', ['ru-RU']],
    [null, ['RU']],
  ];
  it.each(cases)(
    'saved %s, browser %j: shows the language the app will start in',
    async (saved, languages) => {
      const page = await boot({ saved, languages });
      expect(page.html.lang).toBe(detectLanguage(saved === 'throws' ? null : saved, languages));
    },
  );

  it('marks a deep link, so the prerendered home is not shown for another screen', async () => {
    for (const [hash, deep] of [
      ['#/code/0xC004F074', true],
      ['#/flow/time-sync', true],
      ['', false],
      ['#', false],
      ['#/', false],
    ] as const)
      expect((await boot({ hash })).html.hasAttribute(markers.DEEP_LINK), hash).toBe(deep);
  });

  it('keeps the Russian screen alone for a Russian browser, in the element the app takes over', async () => {
    const page = await boot({ languages: ['ru-RU'] });
    page.fire('DOMContentLoaded');
    expect(page.body.childNodes.map((n) => n.id)).toEqual([markers.APP_ID]);
    const app = byId(page, markers.APP_ID)!;
    expect(app.getAttribute(markers.PRERENDERED)).toBe('ru');
    expect(app.childNodes.map((n) => n.getAttribute('data-test-lang'))).toEqual(['ru', 'ru']);
  });

  it('keeps the English screen alone for an English browser', async () => {
    const page = await boot({ languages: ['en-GB'] });
    page.fire('DOMContentLoaded');
    expect(page.body.childNodes.map((n) => n.id)).toEqual([markers.APP_ID]);
    expect(byId(page, markers.APP_ID)?.getAttribute(markers.PRERENDERED)).toBe('en');
  });
});

describe('the boot script, until the app runs', () => {
  it('holds back a press and an Enter, and marks them for the app to do', async () => {
    const page = await boot();
    page.fire('DOMContentLoaded');
    const send = byId(page, 'send')!;
    expect(page.fire('click', send.childNodes[0])).toBe(true);
    expect(send.getAttribute(markers.REPLAY)).toBe('click');
    const form = byId(page, 'search')!;
    expect(page.fire('submit', form)).toBe(true);
    expect(form.getAttribute(markers.REPLAY)).toBe('submit');
  });

  it('remembers a language switch pressed, so the app starts in it whatever happens first', async () => {
    const page = await boot();
    page.fire('DOMContentLoaded');
    const change = byId(page, 'switch')!;
    change.setAttribute(markers.SWITCH_LANG, 'ru');
    expect(page.fire('click', change)).toBe(true);
    expect(page.stored.get('afg.lang')).toBe('ru');
  });

  it('leaves presses alone once the app has taken the screen over, and outside its screen', async () => {
    const page = await boot();
    page.fire('DOMContentLoaded');
    const app = byId(page, markers.APP_ID)!;
    expect(page.fire('click', page.body)).toBe(false);
    app.removeAttribute(markers.PRERENDERED);
    const send = byId(page, 'send')!;
    expect(page.fire('click', send)).toBe(false);
    expect(send.hasAttribute(markers.REPLAY)).toBe(false);
  });
});

describe("the boot script loads the app's modules", () => {
  const loaded = (page: Page) =>
    page.head.childNodes
      .filter((n) => n.tagName !== 'meta')
      .map((n) => [n.tagName, n.type || n.rel, n.src || n.href, n.crossOrigin]);

  it('after the first contentful paint, the entry as a module and the rest preloaded, once', async () => {
    const page = await boot();
    vi.advanceTimersByTime(100);
    expect(loaded(page)).toEqual([]);
    page.paint();
    vi.advanceTimersByTime(0);
    expect(loaded(page)).toEqual([
      ['link', 'modulepreload', '/assets/shared-b.js', ''],
      ['link', 'modulepreload', '/assets/i18n-c.js', ''],
      ['script', 'module', '/assets/index-a.js', ''],
    ]);
    vi.advanceTimersByTime(5000);
    expect(loaded(page)).toHaveLength(3);
  });

  it('within 3 seconds when no paint is reported, and at once in a hidden tab', async () => {
    const page = await boot();
    vi.advanceTimersByTime(2999);
    expect(loaded(page)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(loaded(page)).toHaveLength(3);
    expect(loaded(await boot({ hidden: true }))).toHaveLength(3);
  });
});

describe('the first screen markers', () => {
  it('are the only data attributes styles.css names, and it names the ones it hides by', () => {
    const css = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8');
    const named = new Set([...css.matchAll(/\[(data-[a-z-]+)/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual([markers.DEEP_LINK, markers.PRERENDERED].sort());
  });
});
