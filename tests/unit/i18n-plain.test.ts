import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespace, plainFirst, setLanguage } from '../../src/i18n/index.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { LANGUAGES } from '../../src/flow/constants.ts';

type Tree = { [key: string]: string | Tree };
const dir = (lng: string) => fileURLToPath(new URL(`../../src/locales/${lng}/`, import.meta.url));

/** Every key of a language's files as the app asks for it: 'screens' joins 'common', the others are prefixed. */
function keysOf(lng: string): string[] {
  const out = new Set<string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(tree))
      if (typeof v === 'string') out.add(prefix + k.replace(/_(zero|one|two|few|many|other)$/, ''));
      else walk(v, `${prefix}${k}.`);
  };
  for (const file of readdirSync(dir(lng)).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    const tree = JSON.parse(readFileSync(`${dir(lng)}${file}`, 'utf8')) as Tree;
    walk(tree, ns === 'common' || ns === 'screens' ? '' : `${ns}:`);
  }
  return [...out];
}

const full = (lng: string) => i18next.getFixedT(lng, ['common', 'tools', 'unknown']) as Translate;
const call = (t: Translate, key: string, options?: object) =>
  (t as (key: string, options?: object) => unknown)(key, options);

describe("the first screen's quick label lookup", () => {
  beforeAll(async () => {
    await initI18n('en');
    await Promise.all([loadNamespace('screens'), loadNamespace('tools'), loadNamespace('unknown')]);
  });

  for (const lng of LANGUAGES)
    it(`gives what i18next gives for every key in ${lng}, asked with and without options`, async () => {
      await setLanguage(lng);
      const keys = keysOf(lng);
      expect(keys.length).toBeGreaterThan(300);
      const quick = plainFirst(lng, full(lng));
      for (const key of keys) {
        expect(call(quick, key), key).toEqual(call(full(lng), key));
        const options = { count: 3, n: 2, code: '0xC004F074', version: '1.0' };
        expect(call(quick, key, options), key).toEqual(call(full(lng), key, options));
      }
    });

  it('falls back to English where Russian lacks a key, as i18next does', async () => {
    await setLanguage('ru');
    i18next.addResource('en', 'common', 'testOnly.english', 'Only in English');
    const quick = plainFirst('ru', full('ru'));
    expect(call(quick, 'testOnly.english')).toBe('Only in English');
    expect(call(quick, 'testOnly.missing')).toBe(call(full('ru'), 'testOnly.missing'));
  });

  it('reads a plain label without i18next, and leaves strings to fill in, plurals and nesting to it', () => {
    const asked: string[] = [];
    const spy = ((key: string) => {
      asked.push(key);
      return 'from i18next';
    }) as unknown as Translate;
    i18next.addResource('en', 'common', 'testOnly.nested', 'See $t(app.name)');
    const quick = plainFirst('en', spy);
    expect(call(quick, 'app.name')).toBe('Activation Field Guide');
    expect(call(quick, 'tools:key.label')).not.toBe('from i18next');
    expect(asked).toEqual([]);
    call(quick, 'app.version');
    call(quick, 'home.codeCount', { count: 2 });
    call(quick, 'testOnly.nested');
    call(quick, 'app.name', { lng: 'ru' });
    // A key i18next reads its own way (a second colon, words): left to it.
    call(quick, 'tools:key:label');
    call(quick, 'Is this a key: yes');
    expect(asked).toEqual([
      'app.version',
      'home.codeCount',
      'testOnly.nested',
      'app.name',
      'tools:key:label',
      'Is this a key: yes',
    ]);
  });
});
