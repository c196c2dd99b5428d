import { useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import { shareOrCopy } from '../../clipboard.ts';

/** Shares a link to this screen (Web Share where the browser has it, else copies the link). */
export function ShareButton({ title }: { title: string }) {
  const { t } = useT();
  const [done, setDone] = useState('');
  const onShare = async () => {
    const r = await shareOrCopy({ title, url: location.href });
    setDone(r === 'copied' ? t('action.linkCopied') : r === 'failed' ? t('action.copyFailed') : '');
  };
  return (
    <>
      <button type="button" class="btn btn-quiet" onClick={() => void onShare()}>
        {t('action.share')}
      </button>
      <span class="sr-only" aria-live="polite">
        {done}
      </span>
      {done && <span class="hint">{done}</span>}
    </>
  );
}
