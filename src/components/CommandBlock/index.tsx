import { useState } from 'preact/hooks';
import { useT } from '../../i18n/index.ts';
import { copyText } from '../../clipboard.ts';
import './style.css';

/** A command in monospace with a Copy button. */
export function CommandBlock({ command }: { command: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const onCopy = async () => setCopied((await copyText(command)) ? 'ok' : 'failed');
  return (
    <div class="command">
      <pre class="mono" tabIndex={0} aria-label={t('step.command')}>
        <code>{command}</code>
      </pre>
      <button type="button" class="btn" onClick={onCopy}>
        {copied === 'ok' ? t('action.copied') : t('action.copy')}
      </button>
      <span class="sr-only" aria-live="polite">
        {copied === 'ok' ? t('action.copied') : copied === 'failed' ? t('action.copyFailed') : ''}
      </span>
    </div>
  );
}
