import { useState } from 'preact/hooks';
import { copyText } from '../../clipboard.ts';
import { commandText, fillCommand, missingFacts } from '../../engine/facts.ts';
import type { KnownFacts, TypedFact } from '../../engine/facts.ts';
import type { Command } from '../../engine/schema.ts';
import { useT } from '../../i18n/index.ts';
import { shellLabel } from '../../i18n/labels.ts';
import { FactField } from '../FactField/index.tsx';
import './style.css';

/** A command in monospace with a Copy button, under the shell it runs in and whether it needs an elevated prompt. */
export function CommandBlock({
  command,
  facts = {},
  onFacts,
  ask,
}: {
  command: Command;
  facts?: KnownFacts;
  /** Where typed values go; without it, placeholders are only marked. */
  onFacts?: (facts: KnownFacts) => void;
  /** Facts to offer a field for (default: those no known fact fills); an organization's default can be replaced. */
  ask?: readonly TypedFact[];
}) {
  const { t } = useT();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const parts = fillCommand(command.run, facts);
  const onCopy = async () => setCopied((await copyText(commandText(parts))) ? 'ok' : 'failed');
  const where = shellLabel(t, command);
  return (
    <div class="command">
      {/* A product name alone ("Windows PowerShell") is English in every interface language. */}
      <p
        class={`shell${command.elevated ? ' shell-admin' : ''}`}
        lang={/[а-яё]/i.test(where) ? undefined : 'en'}
      >
        {where}
      </p>
      <pre class="mono" tabIndex={0} aria-label={`${t('step.command')}: ${where}`}>
        <code>
          {parts.map((p, i) =>
            'text' in p ? (
              p.text
            ) : 'filled' in p ? (
              <ins key={i} class="filled" title={`${p.placeholder}: ${t('placeholder.filled')}`}>
                {p.filled}
              </ins>
            ) : (
              <mark key={i} class="placeholder" title={t('placeholder.type')}>
                {p.placeholder}
              </mark>
            ),
          )}
        </code>
      </pre>
      <button type="button" class="btn" onClick={onCopy}>
        {copied === 'ok' ? t('action.copied') : t('action.copy')}
      </button>
      {onFacts &&
        (ask ?? missingFacts(parts)).map((fact) => <FactField key={fact} fact={fact} onFacts={onFacts} />)}
      <span class="sr-only" aria-live="polite">
        {copied === 'ok' ? t('action.copied') : copied === 'failed' ? t('action.copyFailed') : ''}
      </span>
    </div>
  );
}
