import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { commandOf } from '../../flow/engine.ts';
import { fillCommand, missingFacts, proposeAnswer } from '../../flow/facts.ts';
import { splitStepText } from './heading.ts';
import type { KnownFacts } from '../../flow/facts.ts';
import type { Answer, CurrentStep } from '../../flow/engine.ts';
import type { Text } from '../../flow-format/schema.ts';
import { useT } from '../../i18n/index.ts';
import { toHash } from '../../router.ts';
import { organization, organizationFacts } from '../../flows/organization.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { CodeSearch } from '../CodeSearch/index.tsx';
import { CommandBlock } from '../CommandBlock/index.tsx';
import { Loading } from '../Loading/index.tsx';
import { OutputLines } from '../OutputLines/index.tsx';
import { PasteOutput } from '../PasteOutput/index.tsx';
import { Proposal } from '../Proposal/index.tsx';
import { SourceLine } from '../SourceLine/index.tsx';
import './style.css';

interface Props {
  step: CurrentStep;
  onAnswer: (a: Answer) => boolean;
  /** Why the session is back at this step, when an answer led back on purpose. */
  returning?: Text | undefined;
  /** What the session knows from pasted output. */
  facts?: KnownFacts | undefined;
  /** Adds facts read from pasted output. */
  onFacts?: (facts: KnownFacts) => void;
  /** The session's id: a number typed in one session is not offered in another. */
  session: string;
  /** Where the session stands: the step's number, and the flow it came from when a flow handed over. */
  position?: { n: number; from?: Text | undefined };
  /** The step's index in the trail: a command's result read here answers here only. */
  at?: number;
}

// The numbers entered on this page, by session and step: in memory only, like the field itself.
const typedNumbers = new Map<string, string>();

/** The error code field inside a step, for a code the console printed after all. */
function StepLookup() {
  const catalog = useCatalog();
  return catalog ? <CodeSearch catalog={catalog} /> : <Loading />;
}

/**
 * The question (or first instruction) as the heading, the sentences around it in their order. It takes focus
 * as its step opens, so screen readers announce it and keys act on it, before the paint, so the next Tab
 * starts from it; and before the command box below measures itself (effects run in the order of the page),
 * so the page is laid out once for both.
 */
function Question({
  text,
  opens,
  card,
}: {
  text: ReturnType<typeof splitStepText>;
  /** Changes when another step opens. */
  opens: string;
  card: RefObject<HTMLElement>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    heading.current?.focus({ preventScroll: true });
    // The new step starts at its top, below the sticky header, wherever the last answer was tapped.
    card.current?.scrollIntoView({ block: 'start' });
  }, [opens, card]);
  return (
    <div id="step-question" class="question">
      {text.before && <p class="lead">{text.before}</p>}{' '}
      <h1 ref={heading} tabIndex={-1} class={text.heading.length > 100 ? 'long' : undefined}>
        {text.heading}
      </h1>{' '}
      {text.after && <p class="lead">{text.after}</p>}
    </div>
  );
}

/**
 * One step, in the order it is used: the question in large type, its command and what to look for, and
 * the answers; on a command step the details, exact lines and sources folded under them, then Paste output.
 */
export function StepCard({
  session,
  step,
  onAnswer,
  returning,
  facts: own = {},
  onFacts,
  position,
  at,
}: Props) {
  const { t, lang } = useT();
  const { node, flow, status } = step;
  // The organization's defaults fill what the session has not learned for itself.
  const facts = { ...organizationFacts(t('placeholder.orgDefault')), ...own };
  const card = useRef<HTMLElement>(null);
  const [num, setNum] = useState('');
  const [numError, setNumError] = useState('');

  useLayoutEffect(() => {
    // Back to a number step shows the number entered there before.
    setNum(typedNumbers.get(`${session}/${step.flowId}/${node.id}`) ?? '');
    setNumError('');
  }, [session, step.flowId, node.id]);

  const submitNumber = (e: Event) => {
    e.preventDefault();
    if (node.kind !== 'number') return;
    const trimmed = num.trim();
    const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
    const min = node.min ?? 0;
    if (!Number.isSafeInteger(value) || value < min || (node.max !== undefined && value > node.max)) {
      setNumError(
        node.max !== undefined ? t('step.numberRange', { min, max: node.max }) : t('step.numberMin', { min }),
      );
      return;
    }
    typedNumbers.set(`${session}/${step.flowId}/${node.id}`, trimmed);
    onAnswer(value);
  };

  const command = commandOf(node);
  const output = node.kind === 'action' ? node.output : undefined;
  const proposal = proposeAnswer(node, facts, at);
  const text = splitStepText(node.text[lang]);
  const kindClass = node.kind === 'outcome' ? `outcome outcome-${node.result}` : node.kind;
  return (
    <article ref={card} class={`step card ${kindClass}`} aria-labelledby="step-question">
      <p class="flow-title">
        {position ? t('step.progress', { n: position.n, flow: flow.title[lang] }) : flow.title[lang]}
      </p>
      {position?.from && <p class="handover">{t('step.from', { flow: position.from[lang] })}</p>}
      {node.kind === 'outcome' && (
        <p class="badge">{node.result === 'resolved' ? t('outcome.fixLabel') : t('outcome.escalateLabel')}</p>
      )}
      {returning && (
        <p class="returning" role="note">
          <strong>{t('facts.returns')}:</strong> {returning[lang]}
        </p>
      )}
      <Question text={text} opens={`${session}/${step.flowId}/${node.id}`} card={card} />
      {/* On a command step the answers come right after the command: the rest is folded below them. */}
      {node.detail && !command && <p class="detail">{node.detail[lang]}</p>}

      {command && (
        <section class="run" aria-label={t('step.run')}>
          {/* The shell's line says it already: the heading is for screen readers. */}
          <h2 class="sr-only">{t('step.run')}</h2>
          <CommandBlock
            command={command}
            facts={facts}
            ask={missingFacts(fillCommand(command.run, own))}
            {...(onFacts ? { onFacts } : {})}
          />
          {node.kind === 'action' && (
            <p class="expect">
              <strong>{t('step.lookFor')}</strong> {node.expect[lang]}
            </p>
          )}
        </section>
      )}
      {node.tool === 'lookup' ? (
        <StepLookup />
      ) : (
        node.tool && (
          <p>
            <a class="btn" href={toHash({ name: 'tool', tool: node.tool })}>
              {t(`tool.${node.tool}`)}
            </a>
          </p>
        )
      )}

      {node.kind === 'outcome' && node.collect && (
        <section class="collect">
          <h2 class="label">{t('outcome.collect')}</h2>
          <p>{node.collect[lang]}</p>
          {node.contact && (
            <>
              <h2 class="label">{t('outcome.contact')}</h2>
              <p>{node.contact[lang]}</p>
            </>
          )}
          {organization.contact && (
            <>
              <h2 class="label">{t('outcome.orgContact')}</h2>
              <p class="org-contact">{organization.contact[lang]}</p>
            </>
          )}
          {organization.ticket && (
            <>
              <h2 class="label">{t('outcome.orgTicket')}</h2>
              <p class="org-ticket">{organization.ticket[lang]}</p>
            </>
          )}
        </section>
      )}

      {!command && <SourceLine ids={node.sources} unverified={node.unverified} />}
      {proposal && status === 'active' && <Proposal node={node} proposal={proposal} onUse={onAnswer} />}

      <div class="answers">
        {(node.kind === 'yesno' || node.kind === 'action') && (
          <>
            {node.kind === 'action' && <p class="ask">{node.ask?.[lang] ?? t('step.didItWork')}</p>}
            <div class="choice-row">
              <button type="button" class="btn btn-answer" data-key="y" onClick={() => onAnswer('yes')}>
                {t('answer.yes')}
              </button>
              <button type="button" class="btn btn-answer" data-key="n" onClick={() => onAnswer('no')}>
                {t('answer.no')}
              </button>
            </div>
          </>
        )}
        {node.kind === 'choice' && (
          <ol class="choices">
            {node.choices.map((c, i) => (
              <li key={c.value}>
                <button type="button" class="btn btn-answer" onClick={() => onAnswer(c.value)}>
                  {i < 9 && (
                    <kbd class="key-hint" aria-hidden="true">
                      {i + 1}
                    </kbd>
                  )}
                  {c.label[lang]}
                </button>
              </li>
            ))}
          </ol>
        )}
        {node.kind === 'number' && (
          <form class="number" onSubmit={submitNumber} noValidate>
            <label for="number-answer">{t('step.yourNumber')}</label>
            <div class="choice-row">
              <input
                id="number-answer"
                class="field"
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="off"
                value={num}
                aria-invalid={numError ? 'true' : undefined}
                aria-describedby={numError ? 'number-error' : undefined}
                onInput={(e) => {
                  setNum((e.target as HTMLInputElement).value);
                  setNumError('');
                }}
              />
              <button type="submit" class="btn btn-primary">
                {t('action.next')}
              </button>
            </div>
            {numError && (
              <p id="number-error" class="error" role="alert">
                {numError}
              </p>
            )}
          </form>
        )}
        {node.kind === 'outcome' && node.result === 'resolved' && status === 'active' && (
          <div class="choice-row">
            <button type="button" class="btn btn-answer btn-ok" onClick={() => onAnswer('fixed')}>
              {t('answer.fixed')}
            </button>
            <button type="button" class="btn btn-answer" onClick={() => onAnswer('failing')}>
              {t('answer.failing')}
            </button>
          </div>
        )}
        {status === 'resolved' && (
          <p class="done done-ok" role="status">
            {t('outcome.resolvedDone')}
          </p>
        )}
        {status === 'escalated' && (
          <p class="done" role="status">
            {t('outcome.escalatedDone')}
          </p>
        )}
      </div>
      {command && (node.detail || output || node.sources?.length || node.unverified) && (
        <details class="more">
          <summary>{output ? t('step.moreOutput') : t('step.more')}</summary>
          {node.detail && <p class="detail">{node.detail[lang]}</p>}
          {output && (
            <>
              <h2 class="label">{t('step.lines')}</h2>
              <OutputLines lines={output} />
            </>
          )}
          <SourceLine ids={node.sources} unverified={node.unverified} />
        </details>
      )}
      {status === 'active' && node.kind === 'action' && node.noReading && (
        <p class="hint no-reading">{t(`paste.noReading.${node.noReading}`)}</p>
      )}
      {onFacts &&
        status === 'active' &&
        (node.kind === 'action' || node.reads) &&
        // A window prints nothing, and a key is never read: no paste box there.
        !(node.kind === 'action' && (node.noReading === 'window' || node.noReading === 'key')) && (
          // Keyed by session and step: a paste never follows the user to the next step or session.
          <PasteOutput key={`${session}:${position?.n ?? 0}:${step.flowId}/${node.id}`} onFacts={onFacts} />
        )}
    </article>
  );
}
