/** Start-up: languages first (so the first paint is in the right one), then render, then the service worker. */
import { render } from 'preact';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';
import { startPwa } from './pwa/register.ts';
import './styles.css';

void initI18n().then(() => {
  render(<App />, document.getElementById('app')!);
  startPwa();
});
