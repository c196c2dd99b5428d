import { useMemo, useState } from 'preact/hooks';
import { copyText, downloadText, shareOrCopy } from '../../clipboard.ts';
import { toMarkdown, transcriptFileName, transcriptLabels } from '../../export/transcript.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useSession } from '../../hooks/use-sessions.ts';
import { useT } from '../../i18n/index.ts';
import { resumeSession } from '../../navigation.ts';
import { toHash } from '../../router.ts';
import { Loading } from '../Loading/index.tsx';
import './style.css';

/** One saved session as a Markdown transcript: copy, download or share it; resume it if unfinished. */
export function SessionScreen({ id }: { id: string }) {
  const { t, lang } = useT();
  const catalog = useCatalog();
  const session = useSession(id);
  const [hideHosts, setHideHosts] = useState(false);
  const [said, setSaid] = useState('');

  const markdown = useMemo(() => {
    if (!session || !catalog) return '';
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    return toMarkdown({
      record: session.record,
      flows: session.flows,
      catalog,
      lang,
      labels: transcriptLabels(t),
      hideHosts,
      formatTime: (ms) => fmt.format(ms),
    });
  }, [session, catalog, lang, hideHosts, t]);

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
  const share = async () => {
    const r = await shareOrCopy({ title: transcriptFileName(record), text: markdown });
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
        {typeof navigator.share === 'function' && (
          <button type="button" class="btn" onClick={() => void share()}>
            {t('action.share')}
          </button>
        )}
        {record.status === 'active' && !record.stale && (
          <button type="button" class="btn" onClick={() => resumeSession(record)}>
            {t('home.resume')}
          </button>
        )}
      </div>
      <p class="hint" aria-live="polite">
        {said}
      </p>
      <pre class="transcript mono" tabIndex={0} aria-label={t('transcript.heading')}>
        {markdown}
      </pre>
    </section>
  );
}
