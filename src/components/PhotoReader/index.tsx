import { useEffect, useState } from 'preact/hooks';
import { useObservable } from '../../hooks/use-observable.ts';
import { useT } from '../../i18n/index.ts';
import type { PhotoLine } from '../../ocr/lines.ts';
import { ocrState, prepareOffline } from '../../photo/download.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; share: number }
  | { kind: 'lines'; lines: PhotoLine[] }
  | { kind: 'failed' };

/** The recognizer is its own chunk, loaded only when a photo button is tapped. */
let recognizerLoaded = false;
const loadRecognizer = () => {
  recognizerLoaded = true;
  return import('../../photo/recognize.ts');
};

/** Whether the reader's files are ready offline, downloading, or failed (with a Retry). */
function OfflineState() {
  const { t } = useT();
  const state = useObservable(ocrState);
  if (state.kind === 'downloading')
    return (
      <p class="hint photo-state">
        <label>
          {t('photo.downloading', { percent: Math.floor((state.done / Math.max(1, state.total)) * 100) })}{' '}
          <progress max={state.total} value={state.done} />
        </label>
      </p>
    );
  if (state.kind === 'ready') return <p class="hint photo-state">{t('photo.ready')}</p>;
  if (state.kind === 'failed')
    return (
      <p class="hint photo-state">
        {t(`photo.failed.${state.reason}`)}{' '}
        <button type="button" class="btn btn-quiet" onClick={() => prepareOffline()}>
          {t('photo.retry')}
        </button>
      </p>
    );
  return null;
}

/**
 * "Photo of the screen" and "Choose an image": the text recognized in the picture, as lines to check and
 * correct (the doubtful ones marked), handed on as a paste would be only when the technician says so.
 */
export function PhotoReader({ onText }: { onText: (text: string) => void }) {
  const { t, lang } = useT();
  const state = useObservable(ocrState);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // On a screen that reads photos, a download that failed or never started is tried again.
  useEffect(() => {
    const s = ocrState.get().kind;
    if (s === 'idle' || s === 'failed') prepareOffline();
    // Closing the reader gives the recognizer's memory back (only if one was ever loaded).
    return () => {
      if (recognizerLoaded) void loadRecognizer().then((m) => m.releaseRecognizer());
    };
  }, []);
  if (state.kind === 'unsupported') return null;
  const langs = lang === 'ru' ? 'rus+eng' : 'eng';
  // A tap on a photo button starts the recognizer while the camera or the picker is open.
  const warm = () => void loadRecognizer().then((m) => m.warmRecognizer(langs).catch(() => undefined));

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // The same picture chosen again is a new choice.
    input.value = '';
    if (!file) return;
    setPhase({ kind: 'reading', share: 0 });
    try {
      const { recognizePhoto } = await loadRecognizer();
      const lines = await recognizePhoto(file, langs, (share) => setPhase({ kind: 'reading', share }));
      setPhase(lines.length ? { kind: 'lines', lines } : { kind: 'failed' });
    } catch {
      setPhase({ kind: 'failed' });
    }
  };
  const edit = (i: number, text: string) =>
    setPhase((p) =>
      p.kind === 'lines'
        ? { kind: 'lines', lines: p.lines.map((l, j) => (j === i ? { ...l, text } : l)) }
        : p,
    );
  const doubtful = phase.kind === 'lines' ? phase.lines.filter((l) => l.doubtful).length : 0;

  return (
    <div class="photo stack">
      <div class="choice-row photo-picks">
        <label class="btn btn-quiet photo-pick" onClick={warm}>
          {t('photo.take')}
          <input type="file" accept="image/*" capture="environment" onChange={(e) => void onFile(e)} />
        </label>
        <label class="btn btn-quiet photo-pick" onClick={warm}>
          {t('photo.choose')}
          <input type="file" accept="image/*" onChange={(e) => void onFile(e)} />
        </label>
      </div>
      <OfflineState />
      <p class="hint" role="status" aria-live="polite">
        {phase.kind === 'reading'
          ? t('photo.reading', { percent: Math.floor(phase.share * 100) })
          : phase.kind === 'failed'
            ? t('photo.nothing')
            : phase.kind === 'lines'
              ? t('photo.check', { count: phase.lines.length, doubtful })
              : ''}
      </p>
      {phase.kind === 'lines' && (
        <>
          <ol class="photo-lines">
            {phase.lines.map((l, i) => (
              <li key={i} class={l.doubtful ? 'doubtful' : undefined}>
                <input
                  class="field mono"
                  type="text"
                  spellcheck={false}
                  autoComplete="off"
                  aria-label={t('photo.line', { n: i + 1 })}
                  aria-describedby={l.doubtful ? `photo-doubt-${i}` : undefined}
                  value={l.text}
                  onInput={(e) => edit(i, (e.target as HTMLInputElement).value)}
                />
                {l.doubtful && (
                  <span id={`photo-doubt-${i}`} class="flag">
                    {t('photo.doubtful')}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => {
              onText(phase.lines.map((l) => l.text).join('\n'));
              // The lines are now the paste field's text, where they can still be corrected.
              setPhase({ kind: 'idle' });
            }}
          >
            {t('photo.use')}
          </button>
        </>
      )}
    </div>
  );
}
