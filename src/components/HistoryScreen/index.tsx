import { useState } from 'preact/hooks';
import { useDamagedSessions, useSessions } from '../../hooks/use-sessions.ts';
import { useT } from '../../i18n/index.ts';
import { clearSessions, removeSession } from '../../storage/index.ts';
import { Loading } from '../Loading/index.tsx';
import { SessionList } from '../SessionList/index.tsx';

/** Every saved session, newest first; delete one or all. */
export function HistoryScreen() {
  const { t } = useT();
  const sessions = useSessions();
  const damaged = useDamagedSessions();
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');

  const remove = async (id: string) => {
    await removeSession(id);
    setSaid(t('history.deleted'));
  };
  const clear = async () => {
    await clearSessions();
    setConfirming(false);
    setSaid(t('history.allDeleted'));
  };

  return (
    <section class="stack">
      <h1 tabIndex={-1}>{t('history.title')}</h1>
      <p class="sr-only" aria-live="polite">
        {said}
      </p>
      {damaged.map((id) => (
        <p key={id} class="notice damaged">
          <span>{t('history.damaged')}</span>
          <button type="button" class="btn" onClick={() => void remove(id)}>
            {t('history.deleteDamaged')}
          </button>
        </p>
      ))}
      {!sessions ? (
        <Loading />
      ) : sessions.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <>
          <SessionList sessions={sessions} onDelete={(id) => void remove(id)} />
          {confirming ? (
            <div class="card" role="alertdialog" aria-labelledby="confirm-clear">
              <p id="confirm-clear">{t('history.confirmClear', { count: sessions.length })}</p>
              <div class="choice-row">
                <button type="button" class="btn btn-danger" onClick={() => void clear()}>
                  {t('history.clearYes')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirming(false)}>
                  {t('action.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="btn btn-quiet" onClick={() => setConfirming(true)}>
              {t('history.clear')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
