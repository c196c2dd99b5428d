/** i18next set up for the app: English bundled, Russian loaded on demand; language detected and remembered. */
import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import enCommon from '../locales/en/common.json';
import enTools from '../locales/en/tools.json';

export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

const STORAGE_KEY = 'afg.lang';
export const NAMESPACES = ['common', 'tools'] as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof enCommon; tools: typeof enTools };
  }
}

/** True for a supported language code. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language to start in: the one the user chose, else the browser's first supported one, else English. */
export function detectLanguage(saved: string | null, browser: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
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

async function ensureLoaded(lng: Lang): Promise<void> {
  if (lng === 'en' || i18next.hasResourceBundle(lng, 'common')) return;
  const { ru } = await import('../locales/ru/index.ts');
  for (const ns of NAMESPACES) i18next.addResourceBundle('ru', ns, ru[ns], true, true);
}

function applyToDocument(lng: Lang): void {
  document.documentElement.lang = lng;
}

/** Initializes i18next before the first render; returns the language chosen. */
export async function initI18n(): Promise<Lang> {
  const lng = detectLanguage(readSaved(), navigator.languages ?? [navigator.language]);
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { en: { common: enCommon, tools: enTools } },
    initAsync: false,
    interpolation: { escapeValue: false }, // Preact escapes text; nothing is set as HTML
    returnNull: false,
  });
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  applyToDocument(lng);
  return lng;
}

/** Switches the language everywhere and remembers it. */
export async function setLanguage(lng: Lang): Promise<void> {
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  applyToDocument(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, still switched
  }
}

/** The current language. */
export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'en';
}

/** Re-renders on language change; returns i18next's typed `t` and the current language. */
export function useT() {
  const [lang, setLang] = useState<Lang>(currentLang());
  useEffect(() => {
    const on = () => setLang(currentLang());
    i18next.on('languageChanged', on);
    return () => i18next.off('languageChanged', on);
  }, []);
  return { t: i18next.t.bind(i18next), lang };
}
