import { Component } from 'preact';
import { useMemo } from 'preact/hooks';
import type { SessionRecord } from '../../session/record.ts';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { useFlowTitles } from '../../hooks/use-flow-titles.ts';
import './style.css';

interface RowProps {
  s: SessionRecord;
  title: string;
  t: Translate;
  lang: string;
  fmt: Intl.DateTimeFormat;
  onDelete?: ((id: string) => void) | undefined;
}

// What a row shows: a list read again after a save or a delete holds new records with the same content.
const shows = (s: SessionRecord) =>
  [s.id, s.label, s.code, s.status, s.stale, s.updatedAt, s.state.trail.length].join('\u0000');

/**
 * One session's row. It renders again only when what it shows changes: a list of 100 rows re-rendered for
 * a confirm box, a delete or Show more costs a task of hundreds of milliseconds on a slow phone.
 */
class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const p = this.props;
    return (
      next.lang !== p.lang ||
      next.title !== p.title ||
      !next.onDelete !== !p.onDelete ||
      shows(next.s) !== shows(p.s)
    );
  }

  // Props are kept up to date even when the row does not render again: the click reads the current handler.
  private delete = () => this.props.onDelete?.(this.props.s.id);

  override render({ s, title, t, fmt, onDelete }: RowProps) {
    const what = `${s.code ?? t('history.noCode')} · ${title}`;
    // The user's own name for a session (a machine, a ticket) is what they look for first.
    const name = s.label ? `${s.label} — ${what}` : what;
    const shown = s.stale ? 'stale' : s.status;
    return (
      <li class="session-row">
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
            onClick={this.delete}
          >
            {t('action.delete')}
          </button>
        )}
      </li>
    );
  }
}

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
      {sessions.map((s) => (
        <Row
          key={s.id}
          s={s}
          title={Object.hasOwn(titles, s.flow) ? titles[s.flow]! : s.flow}
          t={t}
          lang={lang}
          fmt={fmt}
          onDelete={onDelete}
        />
      ))}
    </ul>
  );
}
