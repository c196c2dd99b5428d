/**
 * i18next set up for the app: the first screen's English bundled; Russian, and the strings of screens that
 * load on demand (steps, pasted output, transcripts, the checkers), loaded with them. Language detected
 * and remembered.
 */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { useMemo } from 'preact/hooks';
import { LANGUAGES } from '../flow/constants.ts';
import type { Language } from '../flow/constants.ts';
import { useObservable } from '../hooks/use-observable.ts';
import { observable } from '../observable.ts';
import { rememberLanguage, startLanguage } from './language-choice.ts';
import enCommon from '../locales/en/common.json';
import type enScreens from '../locales/en/screens.json';
import type enTools from '../locales/en/tools.json';
import type enUnknown from '../locales/en/unknown.json';

export const NAMESPACES = ['common', 'tools', 'unknown'] as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    // The step, paste and transcript screens' strings join 'common' when those screens load.
    resources: {
      common: typeof enCommon & typeof enScreens;
      tools: typeof enTools;
      unknown: typeof enUnknown;
    };
  }
}

/** The app's translate function, bound to one language. */
export type Translate = TFunction<['common', 'tools', 'unknown']>;

type Namespace = (typeof NAMESPACES)[number];
/** A bundle of strings loaded on its own: a namespace, or 'screens', which joins 'common'. */
export type Part = Namespace | 'screens';
const TARGET: Record<Part, Namespace> = {
  common: 'common',
  screens: 'common',
  tools: 'tools',
  unknown: 'unknown',
};
type Resource = { default: object };
// Every bundle but English 'common' is a chunk of its own, fetched (or read from the precache) when needed.
const BUNDLES: Record<Language, Partial<Record<Part, () => Promise<Resource>>>> = {
  en: {
    screens: () => import('../locales/en/screens.json'),
    tools: () => import('../locales/en/tools.json'),
    unknown: () => import('../locales/en/unknown.json'),
  },
  ru: {
    common: () => import('../locales/ru/common.json'),
    screens: () => import('../locales/ru/screens.json'),
    tools: () => import('../locales/ru/tools.json'),
    unknown: () => import('../locales/ru/unknown.json'),
  },
};
// Parts a screen has asked for: a language switch loads them too.
const wanted = new Set<Part>(['common']);
const loaded = new Set<string>(['en:common']);

async function ensureLoaded(lng: Language): Promise<void> {
  await Promise.all(
    [...wanted].map(async (part) => {
      const load = BUNDLES[lng][part];
      if (!load || loaded.has(`${lng}:${part}`)) return;
      i18next.addResourceBundle(lng, TARGET[part], (await load()).default, true, true);
      loaded.add(`${lng}:${part}`);
    }),
  );
}

/** Loads a part's strings for the current language (and for any language switched to later). */
export function loadNamespace(part: Part): Promise<void> {
  wanted.add(part);
  // Also the language being switched to, if a switch is under way.
  return Promise.all([ensureLoaded(language.get()), ensureLoaded(target)]).then(() => undefined);
}

/** The language on screen. */
export const language = observable<Language>('en');

// The language being switched to (or on screen): a part asked for during a switch loads for it too.
let target: Language = 'en';

async function apply(lng: Language): Promise<void> {
  target = lng;
  // A screen that asks for its strings during the switch loads them for `target` itself.
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng; // not when prerendering
  language.set(lng);
}

/** Initializes i18next before the first render, in `lng` or the detected language; returns the language. */
export async function initI18n(lng: Language = startLanguage()): Promise<Language> {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { en: { common: enCommon } },
    partialBundledLanguages: true,
    initAsync: false,
    interpolation: { escapeValue: false }, // Preact escapes text; nothing is set as HTML
    returnNull: false,
  });
  await apply(lng);
  return lng;
}

/** Translates one string with a count through i18next, so its code is compiled before a render needs it. */
export function warmTranslation(): void {
  (translatorFor(language.get()) as (key: string, options: object) => string)('home.codeCount', { count: 2 });
}

/** Switches the language everywhere and remembers it. */
export async function setLanguage(lng: Language): Promise<void> {
  await apply(lng);
  rememberLanguage(lng);
}

// A key as the app writes them: an optional namespace, then a dotted path (i18next reads others its own way).
const PATH = /^(\w+:)?[\w.-]+$/;

/**
 * `t` for one language. A key asked for with no options whose string has nothing to fill in (most labels) is
 * read straight from the loaded strings: i18next's full pass costs about 0.1 ms a call before the page's code
 * is warm, and the first screen makes some thirty such calls as the app takes it over. Anything else (options,
 * a string to fill in or nest, a key this language lacks) goes through i18next.
 */
export function plainFirst(lng: Language, full: Translate): Translate {
  const t = (key: unknown, options?: unknown): unknown => {
    if (options === undefined && typeof key === 'string' && PATH.test(key)) {
      const at = key.indexOf(':');
      const value: unknown = i18next.getResource(
        lng,
        at > 0 ? key.slice(0, at) : 'common',
        at > 0 ? key.slice(at + 1) : key,
      );
      if (typeof value === 'string' && !value.includes('{{') && !value.includes('$t(')) return value;
    }
    return (full as (key: unknown, options?: unknown) => unknown)(key, options);
  };
  return t as Translate;
}

// One bound function per language, so effects that depend on `t` settle.
const bound = new Map<Language, Translate>();
function translatorFor(lng: Language): Translate {
  let t = bound.get(lng);
  if (!t) {
    t = plainFirst(lng, i18next.getFixedT(lng, ['common', 'tools', 'unknown']));
    bound.set(lng, t);
  }
  return t;
}

/** Re-renders on language change; returns a typed `t` that stays the same while the language does. */
export function useT(): { t: Translate; lang: Language } {
  const lang = useObservable(language);
  return useMemo(() => ({ t: translatorFor(lang), lang }), [lang]);
}
