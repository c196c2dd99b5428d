/** The app shell: header, notices, the screen for the current route, the update prompt. */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { Header } from './components/Header/index.tsx';
import { HomeScreen } from './components/HomeScreen/index.tsx';
import { LazyScreen } from './components/LazyScreen/index.tsx';
import type { ScreenLoader } from './components/LazyScreen/index.tsx';
import { NotFound } from './components/NotFound/index.tsx';
import { Notices } from './components/Notices/index.tsx';
import { UpdatePrompt } from './components/UpdatePrompt/index.tsx';
import { useLocation } from './hooks/use-location.ts';
import { loadNamespace, useT } from './i18n/index.ts';
import { primeHistory } from './storage/index.ts';

// Screens the first screen does not show load on demand, keeping it small. The service worker has
// precached them all, so after the first visit each comes from the cache at once.
// A step's sources load with it: shown a moment later above its answers, they would move the answers.
const FlowScreen: ScreenLoader<object> = () =>
  Promise.all([
    import('./components/FlowScreen/index.tsx'),
    loadNamespace('screens'),
    import('./flows/sources.ts').then((m) => m.loadSources()),
  ]).then(([m]) => m.FlowScreen);
// The checkers' strings are a namespace of their own, loaded with them.
const KeyChecker: ScreenLoader<object> = () =>
  Promise.all([import('./components/KeyChecker/index.tsx'), loadNamespace('tools')]).then(
    ([m]) => m.KeyChecker,
  );
const ProductCodeChecker: ScreenLoader<object> = () =>
  Promise.all([import('./components/ProductCodeChecker/index.tsx'), loadNamespace('tools')]).then(
    ([m]) => m.ProductCodeChecker,
  );
// A code's page is one tap from home, not the first screen: its chunk is precached like the others.
const CodeScreen: ScreenLoader<{ query: string }> = () =>
  import('./components/CodeScreen/index.tsx').then((m) => m.CodeScreen);
const HistoryScreen: ScreenLoader<object> = () =>
  Promise.all([import('./components/HistoryScreen/index.tsx'), loadNamespace('screens')]).then(
    ([m]) => m.HistoryScreen,
  );
const PasteScreen: ScreenLoader<object> = () =>
  Promise.all([import('./components/PasteScreen/index.tsx'), loadNamespace('screens')]).then(
    ([m]) => m.PasteScreen,
  );
const ProcedureScreen: ScreenLoader<{ flow: string }> = () =>
  Promise.all([import('./components/ProcedureScreen/index.tsx'), loadNamespace('screens')]).then(
    ([m]) => m.ProcedureScreen,
  );
const SessionScreen: ScreenLoader<{ id: string }> = () =>
  Promise.all([import('./components/SessionScreen/index.tsx'), loadNamespace('screens')]).then(
    ([m]) => m.SessionScreen,
  );

/** Renders the screen of the current route. */
export function App() {
  const loc = useLocation();
  const { t } = useT();
  const main = useRef<HTMLElement>(null);
  const { route } = loc;

  // Every screen's title is the app's name, unless the screen sets its own (a step, a procedure) in its
  // effect, which runs after this layout effect, also when the language changes.
  useLayoutEffect(() => {
    document.title = t('app.name');
  }, [route.name, t]);

  // A new screen (not a new step: the step card moves focus itself) opens at its top, its heading below the
  // header, and takes focus for screen readers. Not on the first render: a reload, or a page scrolled before
  // the app took it over, keeps its place.
  const first = useRef(true);
  useEffect(() => {
    const opening = first.current;
    first.current = false;
    if (route.name === 'flow') return;
    if (!opening) scrollTo(0, 0);
    const h = main.current?.querySelector<HTMLElement>('h1[tabindex]');
    if (h && document.activeElement === document.body) h.focus({ preventScroll: true });
  }, [route.name, loc.key]);

  let screen;
  switch (route.name) {
    case 'home':
      screen = <HomeScreen />;
      break;
    case 'code':
      screen = <LazyScreen load={CodeScreen} props={{ query: route.query }} />;
      break;
    case 'flow':
      screen = <LazyScreen load={FlowScreen} props={{}} />;
      break;
    case 'tool':
      screen = (
        <LazyScreen
          key={route.tool}
          load={route.tool === 'key' ? KeyChecker : ProductCodeChecker}
          props={{}}
        />
      );
      break;
    case 'history':
      screen = <LazyScreen load={HistoryScreen} props={{}} opens={primeHistory} />;
      break;
    case 'paste':
      screen = <LazyScreen load={PasteScreen} props={{}} />;
      break;
    case 'session':
      screen = <LazyScreen load={SessionScreen} props={{ id: route.id }} />;
      break;
    case 'procedure':
      screen = <LazyScreen key={route.flow} load={ProcedureScreen} props={{ flow: route.flow }} />;
      break;
    case 'not-found':
      screen = <NotFound />;
      break;
  }
  // What every screen has: the same elements from one render to the next, so a step or a new screen does not
  // render them again (each still follows its own state and the language).
  const frame = useMemo(
    () => ({
      header: <Header />,
      notices: <Notices />,
      version: <footer class="foot">{t('app.version', { version: __APP_VERSION__ })}</footer>,
      update: <UpdatePrompt />,
    }),
    [t],
  );
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('nav.skip')}
      </a>
      {frame.header}
      <main id="main" ref={main} tabIndex={-1}>
        {frame.notices}
        {screen}
      </main>
      {frame.version}
      {frame.update}
    </>
  );
}
