/**
 * Build time only: the first screen rendered to HTML in each language, so index.html paints it before any
 * script has run. Runs in Node (see the prerender plugin in vite.config.ts), never in the browser.
 */
import { renderToString } from 'preact-render-to-string';
import { App } from '../app.tsx';
import type { Language } from '../flow/constants.ts';
import { loadCatalog } from '../flows/catalog.ts';
import { initI18n, setLanguage } from '../i18n/index.ts';

/** The home screen's HTML in each language, as the app's first render in a browser produces it. */
export async function prerender(): Promise<Record<Language, string>> {
  await loadCatalog();
  await initI18n('en');
  const en = renderToString(<App />);
  await setLanguage('ru');
  const ru = renderToString(<App />);
  return { en, ru };
}
