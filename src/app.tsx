/** The app shell: header, notices, the screen for the current route, the update prompt. */
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { CodeScreen } from './components/CodeScreen/index.tsx';
import { FlowScreen } from './components/FlowScreen/index.tsx';
import { Header } from './components/Header/index.tsx';
import { HomeScreen } from './components/HomeScreen/index.tsx';
import { NotFound } from './components/NotFound/index.tsx';
import { Notices } from './components/Notices/index.tsx';
import { UpdatePrompt } from './components/UpdatePrompt/index.tsx';
import { useLocation } from './hooks/use-route.ts';
import { useT } from './i18n/index.ts';

// Screens a first visit rarely needs load on demand, keeping the first screen small.
type Loader<P> = () => Promise<ComponentType<P>>;
const KeyChecker: Loader<object> = () =>
  import('./components/KeyChecker/index.tsx').then((m) => m.KeyChecker);
const ProductCodeChecker: Loader<object> = () =>
  import('./components/ProductCodeChecker/index.tsx').then((m) => m.ProductCodeChecker);
const HistoryScreen: Loader<object> = () =>
  import('./components/HistoryScreen/index.tsx').then((m) => m.HistoryScreen);
const SessionScreen: Loader<{ id: string }> = () =>
  import('./components/SessionScreen/index.tsx').then((m) => m.SessionScreen);

function Lazy<P extends object>({ load, props }: { load: Loader<P>; props: P }) {
  const { t } = useT();
  const [Screen, setScreen] = useState<{ C: ComponentType<P> } | 'failed' | undefined>(undefined);
  useEffect(() => {
    let live = true;
    load().then(
      (C) => live && setScreen({ C }),
      () => live && setScreen('failed'),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (Screen === 'failed') return <NotFound />;
  if (!Screen)
    return (
      <p class="loading" role="status">
        {t('app.loading')}
      </p>
    );
  return <Screen.C {...props} />;
}

/** Renders the screen of the current route. */
export function App() {
  const loc = useLocation();
  const { t } = useT();
  const main = useRef<HTMLElement>(null);
  const { route } = loc;

  // A new screen (not a new step: the step card moves focus itself) takes focus for screen readers.
  useEffect(() => {
    if (route.name === 'flow') return;
    document.title = t('app.name');
    const h = main.current?.querySelector<HTMLElement>('h1[tabindex]');
    if (h && document.activeElement === document.body) h.focus();
  }, [route.name, loc.key, t]);

  let screen;
  switch (route.name) {
    case 'home':
      screen = <HomeScreen />;
      break;
    case 'code':
      screen = <CodeScreen query={route.query} />;
      break;
    case 'flow':
      screen = <FlowScreen loc={loc} flow={route.flow} node={route.node} />;
      break;
    case 'tool':
      screen = (
        <Lazy key={route.tool} load={route.tool === 'key' ? KeyChecker : ProductCodeChecker} props={{}} />
      );
      break;
    case 'history':
      screen = <Lazy load={HistoryScreen} props={{}} />;
      break;
    case 'session':
      screen = <Lazy load={SessionScreen} props={{ id: route.id }} />;
      break;
    case 'not-found':
      screen = <NotFound />;
      break;
  }
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Notices />
        {screen}
      </main>
      <footer class="foot">{t('app.version', { version: __APP_VERSION__ })}</footer>
      <UpdatePrompt />
    </>
  );
}
