import { useMemo, useState } from 'preact/hooks';
import { copyText, downloadText, shareOrCopy } from '../../clipboard.ts';
import { shareTitle, toMarkdown, transcriptFileName, transcriptLabels } from '../../export/transcript.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useSession } from '../../hooks/use-sessions.ts';
import { useT } from '../../i18n/index.ts';
import { resumeSession } from '../../navigation.ts';
import { toHash } from '../../router.ts';
import { Loading } from '../Loading/index.tsx';
import { TicketFields, useTicketEdits, withEdits } from './ticket.tsx';
import './style.css';

// The device's zone: the transcript names it, and every time carries its offset.
function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * One saved session as a Markdown transcript: label it and note its steps for the ticket; copy, download
 * or share it; resume it if unfinished.
 */
export function SessionScreen({ id }: { id: string }) {
  const { t, lang } = useT();
  const catalog = useCatalog();
  const session = useSession(id);
  const ticket = useTicketEdits(id);
  const [hideHosts, setHideHosts] = useState(false);
  const [said, setSaid] = useState('');

  const shown = useMemo(() => session && withEdits(session.record, ticket.edits), [session, ticket.edits]);
  const markdown = useMemo(() => {
    if (!session || !shown || !catalog) return '';
    return toMarkdown({
      record: shown,
      flows: session.flows,
      catalog,
      lang,
      labels: transcriptLabels(t),
      hideHosts,
      timeZone: localTimeZone(),
    });
  }, [session, shown, catalog, lang, hideHosts, t]);

  if (session === undefined || !catalog) return <Loading />;
  if (session === null)
    return (
      <section class="card">
        <h1 tabIndex={-1}>{t('history.notFound')}</h1>
        <a class="btn btn-primary" href={toHash({ name: 'history' })}>
          {t('history.title')}
        </a>
      </section>
    );

  const { record } = session;
  const copy = async () =>
    setSaid((await copyText(markdown)) ? t('transcript.copied') : t('action.copyFailed'));
  // The transcript itself, not a link: a link to this screen opens nothing on another device.
  const share = async () => {
    const r = await shareOrCopy({ title: shareTitle(t('transcript.title'), shown?.label), text: markdown });
    setSaid(r === 'copied' ? t('transcript.copied') : r === 'failed' ? t('action.copyFailed') : '');
  };

  return (
    <section class="stack">
      <h1 tabIndex={-1}>{t('transcript.heading')}</h1>
      {record.stale && <p class="notice">{t('flow.staleDetail')}</p>}
      <label class="check">
        <input
          type="checkbox"
          checked={hideHosts}
          onChange={(e) => setHideHosts((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('transcript.hideHosts')}
      </label>
      <div class="choice-row">
        <button type="button" class="btn btn-primary" onClick={() => void copy()}>
          {t('transcript.copy')}
        </button>
        <button type="button" class="btn" onClick={() => downloadText(transcriptFileName(record), markdown)}>
          {t('transcript.download')}
        </button>
        <button type="button" class="btn" onClick={() => void share()}>
          {t('action.share')}
        </button>
        {record.status === 'active' && !record.stale && (
          <button type="button" class="btn" onClick={() => resumeSession(record)}>
            {t('home.resume')}
          </button>
        )}
      </div>
      <p class="hint" aria-live="polite">
        {said}
      </p>
      <TicketFields record={record} flows={session.flows} lang={lang} ticket={ticket} />
      <pre class="transcript mono" tabIndex={0} aria-label={t('transcript.heading')}>
        {markdown}
      </pre>
    </section>
  );
}
