/** Saved sessions as component state, read again whenever one is saved or deleted. */
import { loadFlows } from '../flows/chunks.ts';
import type { FlowMap } from '../engine/engine.ts';
import type { SessionRecord } from '../session/record.ts';
import { countSessions, getSession, listDamaged, listSessions, sessionsRevision } from '../storage/index.ts';
import { useAsync } from './use-async.ts';
import { useObservable } from './use-observable.ts';

/** Returns the newest `limit` saved sessions, newest first (undefined while loading). */
export function useSessions(limit: number): SessionRecord[] | undefined {
  const revision = useObservable(sessionsRevision);
  return useAsync(() => listSessions(limit), [revision, limit], true);
}

/** How many sessions are saved (undefined while counting). */
export function useSessionCount(): number | undefined {
  const revision = useObservable(sessionsRevision);
  return useAsync(countSessions, [revision], true);
}

/** The ids of saved sessions too damaged to read (shown apart, each with Delete). */
export function useDamagedSessions(): string[] {
  const revision = useObservable(sessionsRevision);
  return useAsync(listDamaged, [revision], true) ?? [];
}

/** One saved session with the flows it went through; null when there is no such session. */
export function useSession(id: string): { record: SessionRecord; flows: FlowMap } | null | undefined {
  return useAsync(async () => {
    const record = await getSession(id);
    if (!record) return null;
    return { record, flows: await loadFlows([...new Set(record.state.trail.map((s) => s.flow))]) };
  }, [id]);
}
