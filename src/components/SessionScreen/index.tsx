import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FlowMap } from '../../engine/engine.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { resumeSession } from '../../hooks/use-sessions.ts';
import { loadFlows } from '../../flows/load.ts';
import { useT } from '../../i18n/index.ts';
import { copyText, downloadText } from '../../clipboard.ts';
import { sessionStore } from '../../storage/store.ts';
import type { SessionRecord } from '../../storage/sessions.ts';
import { toMarkdown, transcriptFileName } from '../../storage/transcript.ts';
import type { TranscriptLabels } from '../../storage/transcript.ts';
import { toHash } from '../../router.ts';

/** One saved session as a Markdown transcript: copy, download or share it; resume it if unfinished. */
export function SessionScreen({ id }: { id: string }) {
  const { t, lang } = useT();
  const catalog = useCatalog();
  const [record, setRecord] = useState<SessionRecord | null | undefined>(undefined);
  const [flows, setFlows] = useState<FlowMap>({});
  const [hideHosts, setHideHosts] = useState(false);
  const [said, setSaid] = useState('');

  useEffect(() => {
    let live = true;
    void (async () => {
      const rec = (await (await sessionStore()).get(id)) ?? null;
      if (!live) return;
      if (rec) setFlows(await loadFlows([...new Set(rec.state.trail.map((s) => s.flow))]));
      if (live) setRecord(rec);
    })();
    return () => {
      live = false;
    };
  }, [id]);

  const markdown = useMemo(() => {
    if (!record || !catalog) return '';
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    const labels: TranscriptLabels = {
      title: t('transcript.title'),
      code: t('transcript.code'),
      message: t('transcript.message'),
      started: t('transcript.started'),
      updated: t('transcript.updated'),
      status: t('transcript.status'),
      statusText: {
        active: t('status.active'),
        resolved: t('status.resolved'),
        escalated: t('status.escalated'),
      },
      step: t('transcript.step'),
      answer: t('transcript.answer'),
      command: t('transcript.command'),
      expect: t('transcript.expect'),
      outcome: t('transcript.outcome'),
      collect: t('outcome.collect'),
      contact: t('outcome.contact'),
      yes: t('answer.yes'),
      no: t('answer.no'),
      fixed: t('answer.fixed'),
      failing: t('answer.failing'),
    };
    return toMarkdown({
      record,
      flows,
      catalog,
      lang,
      labels,
      hideHosts,
      formatTime: (ms) => fmt.format(ms),
    });
  }, [record, flows, catalog, lang, hideHosts, t]);

  if (record === undefined || !catalog)
    return (
      <p class="loading" role="status">
        {t('app.loading')}
      </p>
    );
  if (record === null)
    return (
      <section class="card">
        <h1 tabIndex={-1}>{t('history.notFound')}</h1>
        <a class="btn btn-primary" href={toHash({ name: 'history' })}>
          {t('history.title')}
        </a>
      </section>
    );

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: transcriptFileName(record), text: markdown });
        return;
      } catch {
        // cancelled or refused: fall through to copy
      }
    }
    setSaid((await copyText(markdown)) ? t('transcript.copied') : t('action.copyFailed'));
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
        <button
          type="button"
          class="btn btn-primary"
          onClick={async () =>
            setSaid((await copyText(markdown)) ? t('transcript.copied') : t('action.copyFailed'))
          }
        >
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
