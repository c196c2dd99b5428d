/**
 * Which language to start in, and remembering it: the one choice the app (src/i18n/index.ts) and the boot
 * script (src/first-screen/boot.ts) both make. No i18next here, so the boot script stays tiny.
 */
import { LANGUAGES } from '../flow/constants.ts';
import type { Language } from '../flow/constants.ts';

const STORAGE_KEY = 'afg.lang';

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

/** The language this browser starts in: the one remembered, else the browser's. */
export function startLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage disabled: detect from the browser every time
  }
  return detectLanguage(saved, navigator.languages ?? [navigator.language]);
}

/** Remembers the language chosen, for the next start. */
export function rememberLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, still switched
  }
}
