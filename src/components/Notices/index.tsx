import { useObservable } from '../../hooks/use-observable.ts';
import { useT } from '../../i18n/index.ts';
import { dismissNotice, notices } from '../../notices.ts';

/** Says once what the app cannot keep (storage problems), without blocking the work. */
export function Notices() {
  const { t } = useT();
  const kinds = useObservable(notices);
  return (
    <div class="notices" role="status" aria-live="polite">
      {kinds.map((k) => (
        <p key={k} class="notice">
          <span>{t(`notice.${k}`)}</span>
          <button type="button" class="btn btn-quiet" onClick={() => dismissNotice(k)}>
            {t('action.close')}
          </button>
        </p>
      ))}
    </div>
  );
}
