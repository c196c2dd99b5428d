import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/i18n/index.ts';
import { ROOT } from '../support/vite-build.ts';

const BOOT = readFileSync(join(ROOT, 'src/boot.js'), 'utf8');

/** Runs boot.js as the browser would before the first paint; returns the page's language and deep-link mark. */
function boot(saved: string | null | 'throws', languages: string[], hash = '') {
  const attrs = new Map<string, string>();
  const root = { lang: 'en', setAttribute: (k: string, v: string) => attrs.set(k, v) };
  const context: Record<string, unknown> = {
    localStorage: {
      getItem: () => {
        if (saved === 'throws') throw new Error('storage disabled');
        return saved;
      },
    },
    navigator: { languages, language: languages[0] },
    location: { hash },
    document: { documentElement: root, addEventListener: () => undefined, visibilityState: 'visible' },
    addEventListener: () => undefined,
    setTimeout: () => undefined,
  };
  context.window = context;
  runInNewContext(BOOT, context);
  return { lang: root.lang, deep: attrs.has('data-deep') };
}

describe('boot.js, which picks the prerendered language before the first paint', () => {
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
  it.each(cases)('saved %s, browser %j: the language the app will start in', (saved, languages) => {
    const app = detectLanguage(saved === 'throws' ? null : saved, languages);
    expect(boot(saved, languages).lang).toBe(app);
  });

  it('marks a deep link, so the prerendered home is not shown for another screen', () => {
    expect(boot(null, ['en'], '#/code/0xC004F074').deep).toBe(true);
    expect(boot(null, ['en'], '#/flow/time-sync').deep).toBe(true);
    expect(boot(null, ['en'], '').deep).toBe(false);
    expect(boot(null, ['en'], '#/').deep).toBe(false);
  });
});
