import { useEffect, useState } from 'preact/hooks';
import { useObservable } from '../../hooks/use-observable.ts';
import { useT } from '../../i18n/index.ts';
import { dismissPwa, pwaState } from '../../pwa/state.ts';
import { outdated } from '../../pwa/stale.ts';
import './style.css';

/**
 * "New version available — Reload": nothing reloads until the user says so. Also: updated in another tab,
 * the offline copy incomplete (and restored), "Ready to work offline".
 */
export function UpdatePrompt() {
  const { t } = useT();
  const pwa = useObservable(pwaState);
  const stale = useObservable(outdated);
  const [busy, setBusy] = useState(false);
  const passing = pwa.offlineRestored ? 'offlineRestored' : pwa.offlineReady ? 'offlineReady' : undefined;
  useEffect(() => {
    if (!passing) return;
    const timer = setTimeout(() => dismissPwa(passing), 8000);
    return () => clearTimeout(timer);
  }, [passing]);

  const reloadButton = (act: () => Promise<void>) => (
    <button
      type="button"
      class="btn btn-primary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void act();
      }}
    >
      {t('pwa.reload')}
    </button>
  );

  let toast;
  if (stale)
    toast = (
      <>
        <span>{t('pwa.updatedElsewhere')}</span>
        {reloadButton(() => import('../../pwa/register.ts').then((m) => m.reloadNow()))}
      </>
    );
  else if (pwa.needRefresh)
    toast = (
      <>
        <span>{t('pwa.newVersion')}</span>
        {reloadButton(() => import('../../pwa/register.ts').then((m) => m.applyUpdate()))}
        <button type="button" class="btn btn-quiet" onClick={() => dismissPwa('needRefresh')}>
          {t('pwa.later')}
        </button>
      </>
    );
  // Not dismissable: it stays true until the files are back, and says what the user can do.
  else if (pwa.offlineMissing > 0)
    toast = <span>{t('pwa.offlineMissing', { count: pwa.offlineMissing })}</span>;
  else if (passing)
    toast = (
      <>
        <span>{t(passing === 'offlineRestored' ? 'pwa.offlineRestored' : 'pwa.offlineReady')}</span>
        <button type="button" class="btn btn-quiet" onClick={() => dismissPwa(passing)}>
          {t('action.close')}
        </button>
      </>
    );
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      {toast && <div class="toast">{toast}</div>}
    </div>
  );
}
