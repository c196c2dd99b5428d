import { SWITCH_LANG } from '../../first-screen/markers.ts';
import { setLanguage, useT } from '../../i18n/index.ts';
import { useOnline } from '../../hooks/use-online.ts';
import { toHash } from '../../router.ts';
import './style.css';

/** The top bar: home, history, the language switch and the offline badge. */
export function Header() {
  const { t, lang } = useT();
  const online = useOnline();
  const other = lang === 'en' ? 'ru' : 'en';
  return (
    <header class="top">
      <a class="brand" href={toHash({ name: 'home' })} aria-label={t('app.name')}>
        <img src="./icons/icon.svg" alt="" width="28" height="28" />
        <span>{t('app.short')}</span>
      </a>
      <div class="top-actions">
        {!online && (
          <span class="offline-badge" role="status">
            {t('app.offline')}
          </span>
        )}
        <a class="top-link" href={toHash({ name: 'history' })}>
          {t('nav.history')}
        </a>
        <button
          type="button"
          class="top-link"
          lang={other}
          // The boot script remembers a press that comes before the app runs.
          {...{ [SWITCH_LANG]: other }}
          aria-label={t('nav.switchLanguage')}
          onClick={() => void setLanguage(other)}
        >
          {other === 'ru' ? 'Русский' : 'English'}
        </button>
      </div>
    </header>
  );
}
