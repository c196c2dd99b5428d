/** Saved sessions as component state, refreshed whenever one is saved or deleted. */
import { useEffect, useState } from 'preact/hooks';
import type { SessionRecord } from '../storage/sessions.ts';
import { onSessionsChanged, sessionStore } from '../storage/store.ts';
import { navigate } from './use-route.ts';
import type { EntryState } from './use-flow-session.ts';

/** Returns saved sessions, newest first (undefined while loading). */
export function useSessions(): SessionRecord[] | undefined {
  const [list, setList] = useState<SessionRecord[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void sessionStore()
        .then((s) => s.list())
        .then((l) => live && setList(l))
        .catch(() => live && setList([]));
    refresh();
    const off = onSessionsChanged(refresh);
    return () => {
      live = false;
      off();
    };
  }, []);
  return list;
}

/** Opens a saved session at its current step. */
export function resumeSession(record: SessionRecord): void {
  const last = record.state.trail[record.state.trail.length - 1]!;
  const entry: EntryState = {
    sid: record.id,
    s: record.state,
    t0: record.startedAt,
    depth: 0,
    ...(record.code ? { code: record.code } : {}),
  };
  navigate({ name: 'flow', flow: last.flow, node: last.node }, entry);
}
