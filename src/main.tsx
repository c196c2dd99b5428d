/** Start-up: languages first (so the first paint is in the right one), then render, then the service worker code. */
import { render } from 'preact';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

void initI18n().then(() => {
  render(<App />, document.getElementById('app')!);
  // The service worker's code is not needed to paint: it loads after.
  void import('./pwa/register.ts').then((m) => m.startPwa());
});
