import { useEffect, useState } from 'preact/hooks';
import { useDamagedSessions, useSessionCount, useSessions } from '../../hooks/use-sessions.ts';
import { useT } from '../../i18n/index.ts';
import type { SessionRecord } from '../../session/record.ts';
import { LIST_PAGE, clearSessions, removeSession, saveSession } from '../../storage/index.ts';
import { Loading } from '../Loading/index.tsx';
import { flowTitles } from '../../flows/topics.ts';
import { SessionList } from '../SessionList/index.tsx';
import './style.css';

// A session opened (a link followed, a flow looked at) but never answered, named or read into: kept, folded away.
const isUnanswered = (s: SessionRecord) =>
  s.status === 'active' &&
  !s.label &&
  !s.facts &&
  !s.notes &&
  s.state.trail.every((step) => step.answer === undefined);

/** Saved sessions, newest first, a page at a time, the unanswered ones folded; delete one (with Undo) or all. */
export function HistoryScreen() {
  const { t } = useT();
  const [limit, setLimit] = useState(LIST_PAGE);
  const sessions = useSessions(limit);
  const total = useSessionCount() ?? sessions?.length ?? 0;
  const [deleted, setDeleted] = useState<string[]>([]);
  const damaged = useDamagedSessions(deleted, sessions !== undefined);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');
  // The session deleted last, kept in memory until the next delete or screen, so one tap costs nothing.
  const [undoable, setUndoable] = useState<SessionRecord>();

  const remove = async (id: string) => {
    const record = sessions?.find((s) => s.id === id);
    await removeSession(id);
    setDeleted((ids) => [...ids, id]);
    setUndoable(record);
    setSaid(t('history.deleted'));
  };
  const undo = async () => {
    if (!undoable) return;
    setUndoable(undefined);
    await saveSession(undoable);
    setSaid(t('sessions.restored'));
  };
  // Delete all is shown done at once: emptying 10,000 records takes the database a moment, and the list
  // read after it says how it went (a write that fails leaves the sessions there, and says so).
  const [cleared, setCleared] = useState(false);
  useEffect(() => setCleared(false), [sessions]);
  const clear = async () => {
    setCleared(true);
    setConfirming(false);
    await clearSessions();
    setDeleted((ids) => [...ids, ...damaged]);
    setUndoable(undefined);
    setConfirming(false);
    setSaid(t('history.allDeleted'));
  };

  const worked = sessions?.filter((s) => !isUnanswered(s)) ?? [];
  const unanswered = sessions?.filter(isUnanswered) ?? [];

  return (
    <section class="stack">
      <h1 tabIndex={-1}>{t('history.title')}</h1>
      {undoable ? (
        <p class="notice" role="status">
          <span>{t('history.deleted')}</span>
          <button type="button" class="btn" onClick={() => void undo()}>
            {t('sessions.undo')}
          </button>
        </p>
      ) : (
        <p class="sr-only" aria-live="polite">
          {said}
        </p>
      )}
      {!cleared &&
        damaged.map((id) => (
          <p key={id} class="notice damaged">
            <span>{t('history.damaged')}</span>
            <button type="button" class="btn" onClick={() => void remove(id)}>
              {t('history.deleteDamaged')}
            </button>
          </p>
        ))}
      {!sessions ? (
        <Loading />
      ) : sessions.length === 0 || cleared ? (
        <p>{t('history.empty')}</p>
      ) : (
        <>
          <SessionList sessions={worked} onDelete={(id) => void remove(id)} flowTitles={flowTitles} />
          {unanswered.length > 0 && (
            <details class="unanswered">
              <summary>{t('sessions.unanswered', { count: unanswered.length })}</summary>
              <SessionList sessions={unanswered} onDelete={(id) => void remove(id)} flowTitles={flowTitles} />
            </details>
          )}
          {total > sessions.length && (
            <p class="more-row">
              <span class="hint">{t('history.shown', { shown: sessions.length, total })}</span>{' '}
              <button type="button" class="btn" onClick={() => setLimit((n) => n + LIST_PAGE)}>
                {t('history.more', { n: Math.min(LIST_PAGE, total - sessions.length) })}
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
