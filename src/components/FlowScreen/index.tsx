import { useEffect, useLayoutEffect } from 'preact/hooks';
import { answersFor, returnNote } from '../../flow/engine.ts';
import { useFlowSession } from '../../hooks/use-flow-session.ts';
import { useT } from '../../i18n/index.ts';
import { reloadForMissingCode } from '../../pwa/stale.ts';
import { toHash } from '../../router.ts';
import { Loading } from '../Loading/index.tsx';
import { PathTrail } from '../PathTrail/index.tsx';
import { ShareButton } from '../ShareButton/index.tsx';
import { StepCard } from '../StepCard/index.tsx';
import './style.css';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/** A step of a flow, with the path so far, Back, Start over and Share. */
export function FlowScreen() {
  const { t, lang } = useT();
  const { view, answer, back, jumpTo, restart, undo, addFacts, saveAgain, openOther } = useFlowSession();

  // Keyboard: Y/N answer yes/no, digits pick a choice, Backspace goes back. Bound before the step
  // paints, so a key pressed the moment the question appears is not lost.
  useLayoutEffect(() => {
    if (view.kind !== 'step') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const accepted = answersFor(view.step.node);
      const k = e.key.toLowerCase();
      if (view.step.status !== 'active' && k !== 'backspace') return;
      if (accepted !== 'number' && accepted.includes('yes') && (k === 'y' || k === 'n')) {
        e.preventDefault();
        answer(k === 'y' ? 'yes' : 'no');
      } else if (view.step.node.kind === 'choice' && /^[1-9]$/.test(k)) {
        const choice = view.step.node.choices[Number(k) - 1];
        if (choice) {
          e.preventDefault();
          answer(choice.value);
        }
      } else if (k === 'backspace') {
        e.preventDefault();
        back();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [view, answer, back]);

  // A flow's chunk gone online is an older version's: reload into the new one (the step is in the entry).
  useEffect(() => {
    if (view.kind === 'missing' && view.reason === 'unavailable') reloadForMissingCode();
  }, [view]);

  useEffect(() => {
    if (view.kind === 'step') document.title = `${view.step.node.text[lang]} — ${t('app.name')}`;
  }, [view, lang, t]);

  if (view.kind === 'loading') return <Loading />;
  if (view.kind === 'missing')
    return (
      <section class="card">
        <h1 tabIndex={-1}>{t(view.reason === 'unavailable' ? 'flow.unavailable' : 'flow.notFound')}</h1>
        <p>
          {t('flow.notFoundDetail')}{' '}
          <code class="mono">{view.node ? `${view.flow}/${view.node}` : view.flow}</code>
        </p>
        <a class="btn btn-primary" href={toHash({ name: 'home' })}>
          {t('nav.home')}
        </a>
      </section>
    );
  if (view.kind === 'stale')
    return (
      <section class="card">
        <h1 tabIndex={-1}>{t('flow.stale')}</h1>
        <p>{t('flow.staleDetail')}</p>
        <div class="choice-row">
          <a class="btn btn-primary" href={toHash({ name: 'session', id: view.sessionId })}>
            {t('history.view')}
          </a>
          <a class="btn" href={toHash({ name: 'home' })}>
            {t('nav.home')}
          </a>
        </div>
      </section>
    );

  const { step, entry, flows } = view;
  const canGoBack = entry.state.trail.length > 1;
  const { trail } = entry.state;
  const before = trail[trail.length - 2];
  const position = {
    n: trail.length,
    from: before && before.flow !== step.flowId ? flows[before.flow]?.title : undefined,
  };
  return (
    <div class="flow-screen">
      {view.notice?.kind === 'asks-first' && (
        <p class="notice session-notice" role="status">
          <span>{t('flow.asksFirst')}</span>
        </p>
      )}
      {view.notice?.kind === 'undo' && (
        <p class="notice session-notice" role="status">
          <span>{t('flow.setAside', { count: view.notice.answers })}</span>
          <button type="button" class="btn" onClick={undo}>
            {t('sessions.undo')}
          </button>
        </p>
      )}
      {(view.notice?.kind === 'copied' || view.notice?.kind === 'deleted') && (
        <p class="notice session-notice" role="status">
          <span>{t(view.notice.kind === 'copied' ? 'flow.copied' : 'flow.deleted')}</span>
          <button
            type="button"
            class="btn"
            onClick={() => (view.notice?.kind === 'copied' ? void openOther() : saveAgain())}
          >
            {t(view.notice.kind === 'copied' ? 'flow.openOther' : 'flow.saveAgain')}
          </button>
        </p>
      )}
      <PathTrail flows={flows} state={entry.state} onJump={jumpTo} />
      <StepCard
        session={entry.sessionId}
        step={step}
        onAnswer={answer}
        returning={returnNote(flows, entry.state)}
        facts={entry.facts}
        onFacts={addFacts}
        position={position}
        at={entry.state.trail.length - 1}
      />
      <div class="step-nav">
        <button type="button" class="btn" onClick={back} disabled={!canGoBack}>
          {t('action.back')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={restart} disabled={!canGoBack}>
          {t('action.startOver')}
        </button>
        <ShareButton title={step.flow.title[lang]} />
        <a class="btn btn-quiet" href={toHash({ name: 'procedure', flow: step.flowId })}>
          {t('procedure.link')}
        </a>
        {step.status !== 'active' && (
          <a class="btn btn-quiet" href={toHash({ name: 'session', id: entry.sessionId })}>
            {t('history.export')}
          </a>
        )}
      </div>
    </div>
  );
}
