import { useRef, useState } from 'preact/hooks';
import { copyText } from '../../clipboard.ts';
import { commandText, fillCommand, missingFacts } from '../../flow/facts.ts';
import type { KnownFacts, TypedFact } from '../../flow/facts.ts';
import type { Command } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import { shellLabel } from '../../i18n/labels.ts';
import { FactField } from '../FactField/index.tsx';
import './style.css';

/**
 * A command's text with each run of non-space characters kept on one line: a line may break at a space
 * only, never after a hyphen inside "-ComputerName" or a dot inside "_vlmcs._tcp".
 */
function tokens(text: string, key: number) {
  return text.split(/(\s+)/).map((part, j) =>
    part === '' || /^\s+$/.test(part) ? (
      part
    ) : (
      <span key={`${key}-${j}`} class="tok">
        {part}
      </span>
    ),
  );
}

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
  const large = useRef<HTMLDialogElement>(null);
  const [big, setBig] = useState(false);
  const body = (
    <code>
      {parts.map((p, i) =>
        'text' in p ? (
          tokens(p.text, i)
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
  );
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
        {body}
      </pre>
      <button type="button" class="btn" onClick={() => void onCopy()}>
        {copied === 'ok' ? t('action.copied') : t('action.copy')}
      </button>
      {/* Read across a rack: the command alone, as large as the screen allows, in either orientation. */}
      <button
        type="button"
        class="btn btn-quiet"
        onClick={() => {
          setBig(true);
          large.current?.showModal();
        }}
      >
        {t('step.large')}
      </button>
      {/* Filled only while open: one copy of the command on the page otherwise. */}
      <dialog
        ref={large}
        class="command-large"
        aria-label={`${t('step.command')}: ${where}`}
        onClose={() => setBig(false)}
      >
        {big && <pre class="mono">{body}</pre>}
        <form method="dialog">
          <button type="submit" class="btn btn-primary">
            {t('action.close')}
          </button>
        </form>
      </dialog>
      {onFacts &&
        (ask ?? missingFacts(parts)).map((fact) => <FactField key={fact} fact={fact} onFacts={onFacts} />)}
      <span class="sr-only" aria-live="polite">
        {copied === 'ok' ? t('action.copied') : copied === 'failed' ? t('action.copyFailed') : ''}
      </span>
    </div>
  );
}
