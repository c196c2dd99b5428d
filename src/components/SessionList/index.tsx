import { Component } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Text } from '../../flow-format/schema.ts';
import type { SessionRecord } from '../../session/record.ts';
import { useT } from '../../i18n/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { useFlowTitles } from '../../hooks/use-flow-titles.ts';
import './style.css';

type Shown = SessionRecord['status'] | 'stale';

/** The words of a row, each looked up once per language: a lookup walks namespaces, fallbacks and plurals. */
interface RowWords {
  noCode: string;
  delete: string;
  status: (status: Shown) => string;
  steps: (count: number) => string;
  deleteOne: (name: string) => string;
}

// Stands for the session's name in the "Delete …" label, which is looked up once and filled in per row.
const NAME = '\u0000';

function rowWords(t: Translate): RowWords {
  const once = <K extends string | number>(look: (k: K) => string) => {
    const known = new Map<K, string>();
    return (k: K) => known.get(k) ?? known.set(k, look(k)).get(k)!;
  };
  const [before = '', after = ''] = t('history.deleteOne', { name: NAME }).split(NAME);
  return {
    noCode: t('history.noCode'),
    delete: t('action.delete'),
    status: once((status: Shown) => t(`status.${status}`)),
    steps: once((count: number) => t('history.steps', { count })),
    deleteOne: (name) => `${before}${name}${after}`,
  };
}

interface RowProps {
  s: SessionRecord;
  title: string;
  /** Both made once per language: a new one means the language changed. */
  words: RowWords;
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
      next.words !== p.words ||
      next.fmt !== p.fmt ||
      next.title !== p.title ||
      !next.onDelete !== !p.onDelete ||
      shows(next.s) !== shows(p.s)
    );
  }

  // Props are kept up to date even when the row does not render again: the click reads the current handler.
  private delete = () => this.props.onDelete?.(this.props.s.id);

  override render({ s, title, words, fmt, onDelete }: RowProps) {
    const what = `${s.code ?? words.noCode} · ${title}`;
    // The user's own name for a session (a machine, a ticket) is what they look for first.
    const name = s.label ? `${s.label} — ${what}` : what;
    const shown = s.stale ? 'stale' : s.status;
    return (
      <li class="session-row">
        <a class="session-link" href={toHash({ name: 'session', id: s.id })}>
          <span class="session-title">{s.label ?? what}</span>
          {s.label && <span class="session-what">{what}</span>}
          <span class="session-meta">
            <span class={`status status-${shown}`}>{words.status(shown)}</span> ·{' '}
            {words.steps(s.state.trail.length)} · {fmt.format(s.updatedAt)}
          </span>
        </a>
        {onDelete && (
          <button
            type="button"
            class="btn btn-quiet"
            aria-label={words.deleteOne(name)}
            onClick={this.delete}
          >
            {words.delete}
          </button>
        )}
      </li>
    );
  }
}

// Rows put in the page in the task that shows the list, and then a part per task: a page of 50 rows made in
// one task holds a slow phone for a tenth of a second, a screenful and the rest in parts do not.
const FIRST_ROWS = 10;
const MORE_ROWS = 20;

/** How many of `total` rows to render now: a screenful at once, the rest over the next tasks. */
function useRowsShown(total: number): number {
  const [shown, setShown] = useState(FIRST_ROWS);
  useEffect(() => {
    if (shown >= total) return;
    // In a task of its own, the next one: the browser paints between two tasks when a frame is due, and
    // the rows do not wait a frame each for nothing.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => setShown((n) => n + MORE_ROWS);
    channel.port2.postMessage(0);
    return () => channel.port1.close();
  }, [shown, total]);
  return shown;
}

/** A list of saved sessions: label, code, flow, status and time, each opening its transcript. */
export function SessionList({
  sessions,
  onDelete,
  flowTitles,
}: {
  sessions: SessionRecord[];
  onDelete?: (id: string) => void;
  /** Every flow's title (the build's table), for a long list: its flows are then not loaded for their titles. */
  flowTitles?: Readonly<Record<string, Text>>;
}) {
  const { t, lang } = useT();
  const titles = useFlowTitles(
    sessions.map((s) => s.flow),
    flowTitles,
  );
  // One formatter per language, not one per render: a list re-renders on every save in any tab.
  const fmt = useMemo(
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    [lang],
  );
  const words = useMemo(() => rowWords(t), [t]);
  // Rows are added part by part only once they can be drawn.
  const shown = useRowsShown(titles ? sessions.length : 0);
  // The rows wait for the flows' titles (read from the cache, or a moment's load): shown with ids first,
  // every row would be drawn twice and its title change under the reader's eyes.
  if (!titles) return <ul class="sessions" />;
  return (
    <ul class="sessions">
      {sessions.slice(0, shown).map((s) => (
        <Row
          key={s.id}
          s={s}
          title={Object.hasOwn(titles, s.flow) ? titles[s.flow]! : s.flow}
          words={words}
          fmt={fmt}
          onDelete={onDelete}
        />
      ))}
    </ul>
  );
}
