/** The session runner of the flow route on screen, wired to the browser: history, lazy flow chunks, storage. */
import { useEffect, useMemo } from 'preact/hooks';
import { flowExists, loadFlows } from '../flows/chunks.ts';
import { currentLocation, navigate, replaceEntryState } from '../navigation.ts';
import { raiseNotice } from '../notices.ts';
import { createSessionRunner } from '../session/runner.ts';
import { createTabMemory } from '../session/tab-memory.ts';
import type { HistoryPort, SessionRunner, SessionView } from '../session/runner.ts';
import { getSession, saveSession } from '../storage/index.ts';
import { randomUuid } from '../uuid.ts';
import { useObservable } from './use-observable.ts';

const browserHistory: HistoryPort = {
  current: () => currentLocation.get(),
  go: (route, state, replace) => navigate(route, state, replace),
  setState: replaceEntryState,
  back: () => history.back(),
  subscribe: (listener) => currentLocation.subscribe(() => listener()),
};

function tabStorage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined; // storage disabled: the tab remembers for this page load
  }
}

/** Runs work right after the next frame is painted (the step is in the history entry meanwhile). */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Runs the session of the flow on screen; returns what to show and the actions a step screen needs. */
export function useFlowSession(): { view: SessionView } & Omit<SessionRunner, 'view' | 'start' | 'stop'> {
  const runner = useMemo(
    () =>
      createSessionRunner({
        flows: { load: loadFlows, exists: flowExists },
        history: browserHistory,
        store: { save: saveSession, get: getSession },
        newId: randomUuid,
        later: afterPaint,
        memory: createTabMemory(tabStorage()),
        onFactsDropped: () => raiseNotice('facts-dropped'),
      }),
    [],
  );
  useEffect(() => {
    runner.start();
    return () => runner.stop();
  }, [runner]);
  const view = useObservable(runner.view);
  return {
    view,
    answer: runner.answer,
    back: runner.back,
    jumpTo: runner.jumpTo,
    restart: runner.restart,
    undo: runner.undo,
    addFacts: runner.addFacts,
    saveAgain: runner.saveAgain,
    openOther: runner.openOther,
  };
}
