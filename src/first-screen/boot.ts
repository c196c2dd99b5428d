/**
 * Runs before the first paint: a classic script in <head> (the CSP allows no inline script), built on its
 * own by the prerender plugin in vite.config.ts, so it carries neither i18next nor Preact. The page holds the
 * home screen in English and in Russian: this picks the one to show, by the app's own language choice, and
 * marks a deep link, so a screen other than home does not show home first. Then it holds back presses until
 * the app runs, and loads the app's modules once the first screen has painted.
 */
import { isLanguage, rememberLanguage, startLanguage } from '../i18n/language-choice.ts';
import {
  APP_ID,
  APP_MODULES,
  DEEP_LINK,
  OTHER_COPY_ID,
  PRERENDERED,
  REPLAY,
  SWITCH_LANG,
} from './markers.ts';

const lang = startLanguage();
const html = document.documentElement;
html.lang = lang;
const hash = location.hash;
if (hash && hash !== '#' && hash !== '#/') html.setAttribute(DEEP_LINK, '');

// Keep the one language's screen, so the page holds no second copy of each field; the app takes it over.
document.addEventListener('DOMContentLoaded', () => {
  const app = document.getElementById(APP_ID);
  const other = document.getElementById(OTHER_COPY_ID);
  if (!app || !other) return;
  if (lang === 'ru') {
    app.replaceChildren(...other.childNodes);
    app.setAttribute(PRERENDERED, 'ru');
  }
  other.remove();
});

// Until the app has taken the screen over, a button press or an Enter in the field would do nothing (or
// reload the page): hold it back and mark it, and main.tsx does it once the app runs.
function holdBack(event: Event): void {
  const app = document.getElementById(APP_ID);
  // Presses and submits come from elements.
  const from = event.target as Element;
  if (!app?.hasAttribute(PRERENDERED)) return;
  const target = event.type === 'submit' ? from : from.closest('button');
  if (!target || !app.contains(target)) return;
  event.preventDefault();
  target.setAttribute(REPLAY, event.type);
  // A language chosen now is the app's to start in, even if the page moves on before the app runs.
  const chosen = target.getAttribute(SWITCH_LANG);
  if (isLanguage(chosen)) rememberLanguage(chosen);
}
document.addEventListener('click', holdBack, true);
document.addEventListener('submit', holdBack, true);

// The app's modules load once the first screen has painted (the build lists them in a meta tag): the page
// is readable without them, and on a weak link they would hold up its CSS.
function load(): void {
  // Taken out as it is read: the modules load once.
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${APP_MODULES}"]`);
  if (!meta) return;
  meta.remove();
  const urls = meta.content.split(' ');
  for (const url of urls.slice(1)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = url;
    document.head.append(link);
  }
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = urls[0]!;
  document.head.append(script);
}
// After the first contentful paint (the browser reports it); where it cannot say, after the page's load and
// a frame; at once in a tab that is hidden and so never paints; and in any case within 3 seconds.
if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    setTimeout(load);
  }).observe({ type: 'paint', buffered: true });
} else addEventListener('load', () => requestAnimationFrame(() => setTimeout(load)));
const hidden = () => {
  if (document.visibilityState === 'hidden') load();
};
hidden();
document.addEventListener('visibilitychange', hidden);
setTimeout(load, 3000);
