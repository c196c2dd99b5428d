import { useEffect, useState } from 'preact/hooks';
import { useObservable } from '../../hooks/use-observable.ts';
import { useT } from '../../i18n/index.ts';
import { applyUpdate, dismissPwa, pwaState } from '../../pwa/register.ts';
import './style.css';

/** "New version available — Reload": nothing reloads until the user says so. Also "Ready to work offline". */
export function UpdatePrompt() {
  const { t } = useT();
  const pwa = useObservable(pwaState);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!pwa.offlineReady) return;
    const timer = setTimeout(() => dismissPwa('offlineReady'), 8000);
    return () => clearTimeout(timer);
  }, [pwa.offlineReady]);

  if (!pwa.needRefresh && !pwa.offlineReady)
    return <div class="toast-slot" role="status" aria-live="polite" />;
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      <div class="toast">
        <span>{pwa.needRefresh ? t('pwa.newVersion') : t('pwa.offlineReady')}</span>
        {pwa.needRefresh && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void applyUpdate();
            }}
          >
            {t('pwa.reload')}
          </button>
        )}
        <button
          type="button"
          class="btn btn-quiet"
          onClick={() => dismissPwa(pwa.needRefresh ? 'needRefresh' : 'offlineReady')}
        >
          {pwa.needRefresh ? t('pwa.later') : t('action.close')}
        </button>
      </div>
    </div>
  );
}
