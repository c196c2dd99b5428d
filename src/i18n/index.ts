/** i18next set up for the app: English bundled, Russian loaded on demand; language detected and remembered. */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { useMemo } from 'preact/hooks';
import { LANGUAGES } from '../engine/constants.ts';
import type { Language } from '../engine/constants.ts';
import { useObservable } from '../hooks/use-observable.ts';
import { observable } from '../observable.ts';
import enCommon from '../locales/en/common.json';
import enTools from '../locales/en/tools.json';

const STORAGE_KEY = 'afg.lang';
export const NAMESPACES = ['common', 'tools'] as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof enCommon; tools: typeof enTools };
  }
}

/** The app's translate function, bound to one language. */
export type Translate = TFunction<['common', 'tools']>;

/** True for a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: the one the user chose, else the browser's first supported one, else English. */
export function detectLanguage(saved: string | null, browser: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: detect from the browser every time
  }
}

async function ensureLoaded(lng: Language): Promise<void> {
  if (lng === 'en' || i18next.hasResourceBundle(lng, 'common')) return;
  const { ru } = await import('../locales/ru/index.ts');
  for (const ns of NAMESPACES) i18next.addResourceBundle('ru', ns, ru[ns], true, true);
}

/** The language on screen. */
export const language = observable<Language>('en');

async function apply(lng: Language): Promise<void> {
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  language.set(lng);
}

/** Initializes i18next before the first render; returns the language chosen. */
export async function initI18n(): Promise<Language> {
  const lng = detectLanguage(readSaved(), navigator.languages ?? [navigator.language]);
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { en: { common: enCommon, tools: enTools } },
    initAsync: false,
    interpolation: { escapeValue: false }, // Preact escapes text; nothing is set as HTML
    returnNull: false,
  });
  await apply(lng);
  return lng;
}

/** Switches the language everywhere and remembers it. */
export async function setLanguage(lng: Language): Promise<void> {
  await apply(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, still switched
  }
}

// One bound function per language, so effects that depend on `t` settle.
const bound = new Map<Language, Translate>();
function translatorFor(lng: Language): Translate {
  let t = bound.get(lng);
  if (!t) {
    t = i18next.getFixedT(lng, ['common', 'tools']);
    bound.set(lng, t);
  }
  return t;
}

/** Re-renders on language change; returns a typed `t` that stays the same while the language does. */
export function useT(): { t: Translate; lang: Language } {
  const lang = useObservable(language);
  return useMemo(() => ({ t: translatorFor(lang), lang }), [lang]);
}
