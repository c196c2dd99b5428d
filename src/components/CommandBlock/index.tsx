import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import type { RefObject } from 'preact';
import { copyText } from '../../clipboard.ts';
import { commandText, fillCommand, missingFacts } from '../../flow/facts.ts';
import type { KnownFacts, TypedFact } from '../../flow/facts.ts';
import type { Command } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import { shellLabel } from '../../i18n/labels.ts';
import { FactField } from '../FactField/index.tsx';
import { fitCommand } from './fit.ts';
import { unitsOf } from './pieces.ts';
import './style.css';

/**
 * A command's text, each run of non-space characters cut into units a line may break between (`<wbr>`,
 * no character added: what is selected or copied is the command itself), each unit into the humps it is
 * cut at only when it alone is wider than the line. `glued`: the text goes on from the part before it
 * with no space (":1688" after "<KMS host FQDN>"), so a line may break there too, with the mark.
 */
function tokens(text: string, key: number, glued = false) {
  return text.split(/(\s+)/).map((part, j) =>
    part === '' || /^\s+$/.test(part) ? (
      part
    ) : (
      <span key={`${key}-${j}`} class={j === 0 && glued ? 'tok glue' : 'tok'}>
        {j === 0 && glued && <wbr />}
        {unitsOf(part).map((unit, k) => (
          <Fragment key={k}>
            {k > 0 && <wbr />}
            <span class="u">
              {unit.length === 1
                ? unit[0]
                : unit.map((hump, m) => (
                    <Fragment key={m}>
                      {m > 0 && <wbr />}
                      <span class="s">{hump}</span>
                    </Fragment>
                  ))}
            </span>
          </Fragment>
        ))}
      </span>
    ),
  );
}

/**
 * Keeps a command box fitted to its width (see fitCommand): at once, when the command changes, and when
 * the box changes width (rotation, the Large view opening). `grow`: how far above its CSS size the type
 * may go.
 */
function useFit(ref: RefObject<HTMLElement>, text: string, grow: number) {
  useLayoutEffect(() => {
    const pre = ref.current;
    if (!pre) return;
    pre.style.fontSize = '';
    const base = parseFloat(getComputedStyle(pre).fontSize);
    // Never taller than a tenth of the screen: a short command in a phone held sideways stays whole in view.
    const max = grow > 1 ? Math.max(base, Math.min(base * grow, window.innerHeight / 10)) : base;
    const fit = () => fitCommand(pre, { max, min: base, floor: base * 0.7 });
    fit();
    let width = pre.clientWidth;
    const watch = new ResizeObserver(() => {
      if (pre.clientWidth === width) return;
      width = pre.clientWidth;
      fit();
    });
    watch.observe(pre);
    return () => watch.disconnect();
  }, [ref, text, grow]);
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
  const box = useRef<HTMLPreElement>(null);
  const bigBox = useRef<HTMLPreElement>(null);
  const text = commandText(parts);
  // What Copy said is about the command it copied: another command (the next step, a value typed) starts anew.
  useLayoutEffect(() => setCopied('idle'), [text]);
  useFit(box, text, 1);
  useFit(bigBox, big ? text : '', 3);
  // Placeholders no fact fills: said before Copy, and again when it copies them.
  const unfilled = [
    ...new Set(parts.flatMap((p) => ('placeholder' in p && !('filled' in p) ? [p.placeholder] : []))),
  ];
  const names = unfilled.join(', ');
  const fields = onFacts
    ? (ask ?? missingFacts(parts)).map((fact) => <FactField key={fact} fact={fact} onFacts={onFacts} />)
    : [];
  // Whether each part goes on from the one before it with no space between.
  const glued = parts.map(
    (_, i) =>
      i > 0 &&
      /\S$/.test(commandText(parts.slice(i - 1, i))) &&
      /^\S/.test(commandText(parts.slice(i, i + 1))),
  );
  const body = (
    <code>
      {parts.map((p, i) =>
        'text' in p ? (
          tokens(p.text, i, glued[i])
        ) : 'filled' in p ? (
          <ins key={i} class="filled" title={`${p.placeholder}: ${t('placeholder.filled')}`}>
            {tokens(p.filled, i, glued[i])}
          </ins>
        ) : (
          <mark key={i} class="placeholder" title={t('placeholder.type')}>
            {tokens(p.placeholder, i, glued[i])}
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
      <pre ref={box} class="mono" tabIndex={0} aria-label={`${t('step.command')}: ${where}`}>
        {body}
      </pre>
      {/* Said before Copy; the fields to type the values in are folded under it, so the answers stay in
          view of the command. */}
      {unfilled.length > 0 && fields.length > 0 ? (
        <details class="placeholder-note">
          <summary class="placeholder-before">
            {t('placeholder.beforeRun', { names, count: unfilled.length })}
          </summary>
          {fields}
        </details>
      ) : (
        unfilled.length > 0 && (
          <p class="placeholder-note placeholder-before">
            {t('placeholder.beforeRun', { names, count: unfilled.length })}
          </p>
        )
      )}
      {/* One row, so the answers stay in view of the command. */}
      <div class="command-actions">
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
      </div>
      {/* Filled only while open: one copy of the command on the page otherwise. */}
      <dialog
        ref={large}
        class="command-large"
        aria-label={`${t('step.command')}: ${where}`}
        onClose={() => setBig(false)}
      >
        {big && (
          <pre ref={bigBox} class="mono">
            {body}
          </pre>
        )}
        <form method="dialog">
          <button type="submit" class="btn btn-primary">
            {t('action.close')}
          </button>
        </form>
      </dialog>
      {unfilled.length === 0 && fields}
      {/* One live region: read out when Copy is pressed, and shown when what it copied still needs values. */}
      <p
        class={copied === 'ok' && unfilled.length > 0 ? 'placeholder-note placeholder-copied' : 'sr-only'}
        aria-live="polite"
      >
        {copied === 'ok'
          ? unfilled.length > 0
            ? t('placeholder.copiedWith', { names, count: unfilled.length })
            : t('action.copied')
          : copied === 'failed'
            ? t('action.copyFailed')
            : ''}
      </p>
    </div>
  );
}
