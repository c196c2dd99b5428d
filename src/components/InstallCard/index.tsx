import { useObservable } from '../../hooks/use-observable.ts';
import { useT } from '../../i18n/index.ts';
import { installable, promptInstall } from '../../pwa/state.ts';

const standalone = () =>
  matchMedia('(display-mode: standalone)').matches ||
  (navigator as { standalone?: boolean }).standalone === true;

/** Install to the home screen: the browser's prompt where offered, else how to do it in Safari. */
export function InstallCard() {
  const { t } = useT();
  const can = useObservable(installable);
  if (standalone()) return null;
  return (
    <section aria-labelledby="install-title" class="install">
      <h2 id="install-title">{t('install.title')}</h2>
      <p>{t('install.why')}</p>
      {can && (
        <button type="button" class="btn btn-primary" onClick={() => void promptInstall()}>
          {t('install.button')}
        </button>
      )}
      <details>
        <summary>{t('install.safariTitle')}</summary>
        <ol>
          <li>{t('install.safari1')}</li>
          <li>{t('install.safari2')}</li>
          <li>{t('install.safari3')}</li>
        </ol>
      </details>
    </section>
  );
}
