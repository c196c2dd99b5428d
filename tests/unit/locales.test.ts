import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/i18n/language-choice.ts';

type Tree = { [key: string]: string | Tree };
const dir = (lng: string) => fileURLToPath(new URL(`../../src/locales/${lng}/`, import.meta.url));
const read = (lng: string, ns: string) => JSON.parse(readFileSync(`${dir(lng)}${ns}.json`, 'utf8')) as Tree;
const namespaces = readdirSync(dir('en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
// Words that are the same in both languages: product names and acronyms.
const SAME_IN_BOTH = /^(MAK|KMS|English|Русский|Windows PowerShell|{{\w+}}|[X0-9A-F{}-]+)$/;

describe('translations', () => {
  it('ship every part in both languages', () => {
    // 'screens' joins 'common' when a step, paste or transcript screen loads; the others are namespaces.
    expect(namespaces.sort()).toEqual(['common', 'screens', 'tools', 'unknown']);
    expect(
      readdirSync(dir('ru'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(namespaces.map((n) => `${n}.json`));
  });
  it("the step screens' strings never shadow the first screen's: no key in both", () => {
    const first = Object.keys(read('en', 'common'));
    for (const key of Object.keys(read('en', 'screens'))) expect(first, key).not.toContain(key);
  });
  for (const ns of namespaces)
    describe(ns, () => {
      const en = flatten(read('en', ns));
      const ru = flatten(read('ru', ns));
      it('Russian has every English key, and no extra one', () => {
        expect([...new Set(Object.keys(ru).map(base))].sort()).toEqual(
          [...new Set(Object.keys(en).map(base))].sort(),
        );
      });
      it('Russian plurals have one, few, many and other; English one and other', () => {
        for (const key of new Set(
          Object.keys(en)
            .filter((k) => PLURAL.test(k))
            .map(base),
        )) {
          for (const form of ['one', 'other'])
            expect(en[`${key}_${form}`], `en ${key}_${form}`).toBeDefined();
          for (const form of ['one', 'few', 'many', 'other'])
            expect(ru[`${key}_${form}`], `ru ${key}_${form}`).toBeDefined();
        }
      });
      it('Russian text is Russian, not English left behind', () => {
        for (const [key, value] of Object.entries(ru)) {
          if (SAME_IN_BOTH.test(value.trim())) continue;
          // Only placeholders and punctuation: nothing to translate.
          if (!/\p{L}/u.test(value.replace(/{{[^}]+}}/g, ''))) continue;
          expect(value, key).toMatch(/[а-яё]/i);
        }
      });
      it('interpolations match between languages', () => {
        const vars = (s: string) => [...s.matchAll(/{{(\w+)(?:, *\w+)?}}/g)].map((m) => m[0]).sort();
        for (const [key, value] of Object.entries(en)) {
          const ruKeys = Object.keys(ru).filter((k) => base(k) === base(key));
          for (const rk of ruKeys) expect(vars(ru[rk]!), `${rk}`).toEqual(vars(value));
        }
      });
    });
});

describe('language detection', () => {
  it('uses the saved choice first', () => {
    expect(detectLanguage('ru', ['en-US'])).toBe('ru');
  });
  it('takes the first supported browser language, region ignored', () => {
    expect(detectLanguage(null, ['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(detectLanguage(null, ['en-GB', 'ru'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(detectLanguage('fr', ['de', 'ja'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
