import { useMemo } from 'preact/hooks';
import type { SessionRecord } from '../../session/record.ts';
import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { useFlowTitles } from '../../hooks/use-flow-titles.ts';
import './style.css';

/** A list of saved sessions: label, code, flow, status and time, each opening its transcript. */
export function SessionList({
  sessions,
  onDelete,
}: {
  sessions: SessionRecord[];
  onDelete?: (id: string) => void;
}) {
  const { t, lang } = useT();
  const titles = useFlowTitles(sessions.map((s) => s.flow));
  // One formatter per language, not one per render: a list re-renders on every save in any tab.
  const fmt = useMemo(
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    [lang],
  );
  return (
    <ul class="sessions">
      {sessions.map((s) => {
        const title = Object.hasOwn(titles, s.flow) ? titles[s.flow] : s.flow;
        const what = `${s.code ?? t('history.noCode')} · ${title}`;
        // The user's own name for a session (a machine, a ticket) is what they look for first.
        const name = s.label ? `${s.label} — ${what}` : what;
        const shown = s.stale ? 'stale' : s.status;
        return (
          <li key={s.id} class="session-row">
            <a class="session-link" href={toHash({ name: 'session', id: s.id })}>
              <span class="session-title">{s.label ?? what}</span>
              {s.label && <span class="session-what">{what}</span>}
              <span class="session-meta">
                <span class={`status status-${shown}`}>{t(`status.${shown}`)}</span> ·{' '}
                {t('history.steps', { count: s.state.trail.length })} · {fmt.format(s.updatedAt)}
              </span>
            </a>
            {onDelete && (
              <button
                type="button"
                class="btn btn-quiet"
                aria-label={t('history.deleteOne', { name })}
                onClick={() => onDelete(s.id)}
              >
                {t('action.delete')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
