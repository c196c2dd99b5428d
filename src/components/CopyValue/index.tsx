import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../../clipboard.ts';
import { useT } from '../../i18n/index.ts';
import './style.css';

/** A value in monospace with a Copy button; when the clipboard refuses, the value is left selected to copy by hand. */
export function CopyValue({ value }: { value: string }) {
  const { t } = useT();
  const [state, setState] = useState<'idle' | 'ok' | 'failed'>('idle');
  const text = useRef<HTMLElement>(null);
  useEffect(() => setState('idle'), [value]);
  const onCopy = async () => {
    if (await copyText(value)) return setState('ok');
    setState('failed');
    const el = text.current;
    const selection = getSelection();
    if (el && selection) selection.selectAllChildren(el);
  };
  return (
    <div class="copy-value">
      <code ref={text} class="mono copy-text">
        {value}
      </code>
      <button type="button" class="btn" onClick={() => void onCopy()}>
        {state === 'ok' ? t('tools:copied') : t('tools:copy')}
      </button>
      {state === 'failed' && <p class="hint">{t('tools:copyFailed')}</p>}
    </div>
  );
}
