/**
 * Start-up. The built page already shows the home screen (prerendered in both languages; the boot script,
 * src/first-screen/boot.ts, kept the one for this browser before the first paint): the app takes it over
 * (hydrates) instead of painting again. Then the service worker code.
 */
import { hydrate, render } from 'preact';
import { App } from './app.tsx';
import { APP_ID, DEEP_LINK, OTHER_COPY_ID, PRERENDERED, REPLAY } from './first-screen/markers.ts';
import { loadCatalog } from './flows/catalog.ts';
import { initI18n, language, setLanguage, warmTranslation } from './i18n/index.ts';
import { startLanguage } from './i18n/language-choice.ts';
import { currentLocation } from './navigation.ts';
import './styles.css';

const onHome = () => currentLocation.get().route.name === 'home';

async function start() {
  // The home screen shows the catalog at once: fetch it alongside the language, not after.
  const catalog = onHome() ? loadCatalog() : undefined;
  let lng = await initI18n();
  // i18next compiles its code on its first full translation (a count, a value filled in). Done here, in a task
  // of its own while the catalog loads, that is not part of the task that takes the page over.
  await new Promise((next) => setTimeout(next));
  warmTranslation();
  await catalog;
  // A language switch pressed while the app was starting was remembered by the boot script: it wins, even
  // where the page has moved on and the button it pressed is gone.
  const chosen = startLanguage();
  if (chosen !== lng) {
    await setLanguage(chosen);
    lng = chosen;
  }
  // Read again: a link tapped meanwhile (the boot script holds back only buttons) may have left home.
  const home = onHome();
  // From here to the hydration nothing waits: the boot script holds back presses until PRERENDERED goes.
  const root = document.getElementById(APP_ID)!;
  const prerendered = root.getAttribute(PRERENDERED);
  root.removeAttribute(PRERENDERED);
  document.getElementById(OTHER_COPY_ID)?.remove(); // if the boot script did not run
  document.documentElement.removeAttribute(DEEP_LINK);
  const field = () => root.querySelector<HTMLInputElement>('#code-input');
  if (home && prerendered === lng) {
    hydrate(<App />, root);
    // What was typed before the app took over is searched for now; a press or an Enter it held back
    // (the boot script marked it) happens now.
    const input = field();
    if (input?.value) input.dispatchEvent(new Event('input', { bubbles: true }));
    // After the render that input causes, so a held-back Enter sends what was typed.
    setTimeout(() => {
      for (const el of root.querySelectorAll<HTMLElement>(`[${REPLAY}]`)) {
        const what = el.getAttribute(REPLAY);
        el.removeAttribute(REPLAY);
        if (what === 'submit' && el instanceof HTMLFormElement) el.requestSubmit();
        else el.click();
      }
      // A held-back language switch whose button is gone (the page moved on) still switches.
      const wanted = startLanguage();
      if (wanted !== language.get()) void setLanguage(wanted);
    });
  } else {
    // The other language was chosen before the app took over (or a link left home): the screen is painted
    // afresh. On home, what was typed and a held-back Enter or search press are carried over to it.
    const typed = home ? (field()?.value ?? '') : '';
    const sent = !!root.querySelector(`form[${REPLAY}], form [type="submit"][${REPLAY}]`);
    root.replaceChildren();
    render(<App />, root);
    const input = field();
    if (input && typed) {
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (sent) setTimeout(() => input.form?.requestSubmit());
    }
  }
  // The service worker's code is not needed to paint: it loads after.
  void import('./pwa/register.ts').then((m) => m.startPwa());
}

void start();
