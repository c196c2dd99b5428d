/**
 * Engine + flows + storage + browser history, as component state. Every history entry holds the whole
 * engine state, so Back and Forward move between steps and a reload resumes at the same step.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  answer as engineAnswer,
  back as engineBack,
  backTo,
  current,
  parseState,
  restart as engineRestart,
  restore,
  start,
} from '../engine/engine.ts';
import type { Answer, CurrentStep, EngineState, FlowMap } from '../engine/engine.ts';
import { flowExists, loadFlows } from '../flows/load.ts';
import { saveSession, sessionStore } from '../storage/store.ts';
import type { SessionRecord } from '../storage/sessions.ts';
import { navigate, replaceEntryState } from './use-route.ts';
import type { Location } from './use-route.ts';

/** What a history entry of a flow step carries. */
export interface EntryState {
  sid: string;
  s: EngineState;
  code?: string;
  t0: number;
  depth: number;
}

export type SessionView =
  | { kind: 'loading' }
  | { kind: 'missing'; flow: string; node?: string; reason: 'unknown-flow' | 'unknown-node' | 'unavailable' }
  | { kind: 'stale'; sid: string; reason: string }
  | { kind: 'step'; flows: FlowMap; entry: EntryState; step: CurrentStep };

/** Reads the entry state a history entry carries, if it is one of ours. */
export function readEntry(raw: unknown): EntryState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const e = raw as Partial<EntryState>;
  if (typeof e.sid !== 'string' || typeof e.t0 !== 'number' || typeof e.depth !== 'number') return undefined;
  const parsed = parseState(e.s);
  if (!parsed.ok) return undefined;
  return {
    sid: e.sid,
    s: parsed.state,
    t0: e.t0,
    depth: e.depth,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
  };
}

/** A fresh session id; falls back where crypto.randomUUID is missing (non-secure contexts). */
export function newSessionId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function recordOf(entry: EntryState, step: CurrentStep): SessionRecord {
  return {
    schema: 2,
    id: entry.sid,
    flow: entry.s.trail[0]!.flow,
    state: entry.s,
    status: step.status,
    startedAt: entry.t0,
    updatedAt: Date.now(),
    ...(entry.code ? { code: entry.code } : {}),
  };
}

const flowsOf = (s: EngineState) => [...new Set(s.trail.map((t) => t.flow))];

/** Runs work right after the next frame is painted (the step is in the history entry meanwhile). */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

function signature(e: EntryState): string {
  const last = e.s.trail[e.s.trail.length - 1]!;
  return `${e.sid}:${e.depth}:${e.s.trail.length}:${last.flow}/${last.node}:${String(last.answer ?? '')}`;
}

/** Runs the flow session for a flow route; returns the view and the actions a step screen needs. */
export function useFlowSession(loc: Location, flow: string, node: string | undefined) {
  const [view, setView] = useState<SessionView>({ kind: 'loading' });
  const flowsRef = useRef<FlowMap>({});
  // The entry on screen: a history entry this hook pushed itself needs no second look.
  const shown = useRef('');

  useEffect(() => {
    let live = true;
    const entry = readEntry(loc.state);
    if (entry && signature(entry) === shown.current) return;
    void (async () => {
      if (entry) {
        const flows = await loadFlows(flowsOf(entry.s));
        if (!live) return;
        flowsRef.current = { ...flowsRef.current, ...flows };
        const restored = restore(flowsRef.current, entry.s);
        if (!restored.ok) {
          if (restored.error.message.includes('no flow')) {
            setView({ kind: 'missing', flow, node, reason: 'unavailable' });
            return;
          }
          // The flows changed since this step was saved: keep the session as it is, read-only.
          setView({ kind: 'stale', sid: entry.sid, reason: restored.error.message });
          const store = await sessionStore();
          const rec = await store.get(entry.sid);
          if (rec && !rec.stale) await store.save({ ...rec, stale: restored.error.message });
          return;
        }
        const step = current(flowsRef.current, restored.state);
        if (!step.ok) return;
        shown.current = signature(entry);
        setView({ kind: 'step', flows: flowsRef.current, entry, step: step.state });
        // Back and Forward change where the session stands: keep the saved copy in step.
        void saveSession(recordOf(entry, step.state));
        return;
      }
      const flows = await loadFlows([flow]);
      if (!live) return;
      flowsRef.current = { ...flowsRef.current, ...flows };
      if (!flows[flow]) {
        // A flow this version has but cannot load (evicted from the cache, offline) is not "not found".
        const exists = await flowExists(flow);
        if (live)
          setView({ kind: 'missing', flow, node, reason: exists === false ? 'unknown-flow' : 'unavailable' });
        return;
      }
      const begun = start(flowsRef.current, flow, node);
      if (!begun.ok) {
        setView({
          kind: 'missing',
          flow,
          node,
          reason: begun.error.code === 'unknown-node' ? 'unknown-node' : 'unavailable',
        });
        return;
      }
      const prev = loc.state as { code?: unknown } | null;
      const fresh: EntryState = {
        sid: newSessionId(),
        s: begun.state,
        t0: Date.now(),
        depth: 0,
        ...(typeof prev?.code === 'string' ? { code: prev.code } : {}),
      };
      const step = current(flowsRef.current, fresh.s);
      if (!step.ok) return;
      replaceEntryState(fresh);
      shown.current = signature(fresh);
      setView({ kind: 'step', flows: flowsRef.current, entry: fresh, step: step.state });
      void saveSession(recordOf(fresh, step.state));
    })();
    return () => {
      live = false;
    };
    // A new history entry (loc.key) is a new step; flow and node come from that same entry.
  }, [loc.key]);

  const go = useCallback((entry: EntryState, s: EngineState, replace = false) => {
    const step = current(flowsRef.current, s);
    if (!step.ok) return;
    const next: EntryState = { ...entry, s, depth: replace ? entry.depth : entry.depth + 1 };
    // Show the next step at once; history, storage and preloading follow without holding up the paint.
    shown.current = signature(next);
    setView({ kind: 'step', flows: flowsRef.current, entry: next, step: step.state });
    navigate({ name: 'flow', flow: step.state.flowId, node: step.state.node.id }, next, replace);
    afterPaint(() => {
      void saveSession(recordOf(next, step.state));
      void loadFlows(flowsOf(s)).then((more) => {
        flowsRef.current = { ...flowsRef.current, ...more };
      });
    });
  }, []);

  const answer = useCallback(
    (a: Answer) => {
      if (view.kind !== 'step') return false;
      const at = Date.now();
      const r = engineAnswer(flowsRef.current, view.entry.s, a, at);
      if (r.ok) {
        go(view.entry, r.state);
        return true;
      }
      if (r.error.code !== 'unknown-flow') return false;
      // The answer leads into a flow still on its way: load it, then answer.
      const entry = view.entry;
      void loadFlows(flowsOf(entry.s)).then((more) => {
        flowsRef.current = { ...flowsRef.current, ...more };
        const again = engineAnswer(flowsRef.current, entry.s, a, at);
        if (again.ok) go(entry, again.state);
      });
      return true;
    },
    [view, go],
  );

  const back = useCallback(() => {
    if (view.kind !== 'step' || view.entry.s.trail.length < 2) return;
    // Steps taken in this tab are history entries: Back is the browser's Back, so Forward works too.
    if (view.entry.depth > 0) history.back();
    else go(view.entry, engineBack(view.entry.s), true);
  }, [view, go]);

  const jumpTo = useCallback(
    (index: number) => {
      if (view.kind === 'step') go(view.entry, backTo(view.entry.s, index));
    },
    [view, go],
  );

  const restart = useCallback(() => {
    if (view.kind === 'step') go(view.entry, engineRestart(view.entry.s));
  }, [view, go]);

  return { view, answer, back, jumpTo, restart };
}
