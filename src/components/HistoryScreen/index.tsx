import { useState } from 'preact/hooks';
import { useDamagedSessions, useSessionCount, useSessions } from '../../hooks/use-sessions.ts';
import { useT } from '../../i18n/index.ts';
import { clearSessions, removeSession } from '../../storage/index.ts';
import { Loading } from '../Loading/index.tsx';
import { SessionList } from '../SessionList/index.tsx';

// Rows shown at first and added by "Show more": a list of 10,000 sessions renders and updates as one of 50.
const PAGE = 50;

/** Saved sessions, newest first, a page at a time; delete one or all. */
export function HistoryScreen() {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE);
  const sessions = useSessions(limit);
  const total = useSessionCount() ?? sessions?.length ?? 0;
  const [deleted, setDeleted] = useState<string[]>([]);
  const damaged = useDamagedSessions(deleted);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');

  const remove = async (id: string) => {
    await removeSession(id);
    setDeleted((ids) => [...ids, id]);
    setSaid(t('history.deleted'));
  };
  const clear = async () => {
    await clearSessions();
    setDeleted((ids) => [...ids, ...damaged]);
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
          {total > sessions.length && (
            <p class="more-row">
              <span class="hint">{t('history.shown', { shown: sessions.length, total })}</span>{' '}
              <button type="button" class="btn" onClick={() => setLimit((n) => n + PAGE)}>
                {t('history.more', { n: Math.min(PAGE, total - sessions.length) })}
              </button>
            </p>
          )}
          {confirming ? (
            <div class="card" role="alertdialog" aria-labelledby="confirm-clear">
              <p id="confirm-clear">
                {t('history.confirmClear', { count: Math.max(total, sessions.length) })}
              </p>
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
