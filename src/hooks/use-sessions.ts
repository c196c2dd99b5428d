/** Saved sessions as component state, read again whenever one is saved or deleted. */
import { loadFlows } from '../flows/chunks.ts';
import type { FlowMap } from '../flow/engine.ts';
import type { SessionRecord } from '../session/record.ts';
import {
  countSessions,
  getSession,
  listDamaged,
  listSessions,
  primedCount,
  primedList,
  sessionsRevision,
} from '../storage/index.ts';
import { useAsync } from './use-async.ts';
import { useObservable } from './use-observable.ts';

/** Returns the newest `limit` saved sessions, newest first (undefined while loading). */
export function useSessions(limit: number): SessionRecord[] | undefined {
  const revision = useObservable(sessionsRevision);
  return useAsync(
    () => listSessions(limit),
    [revision, limit],
    true,
    () => primedList(limit),
  );
}

/** How many sessions are saved (undefined while counting). */
export function useSessionCount(): number | undefined {
  const revision = useObservable(sessionsRevision);
  return useAsync(countSessions, [revision], true, primedCount);
}

/**
 * The ids of saved sessions too damaged to read (shown apart, each with Delete). Reading every record
 * costs time at 10,000 sessions, so it runs once, when the page is idle after the list is shown (`shown`:
 * the page is idle between the list's own reads too, and the two would share the time); `gone` lists the
 * ids deleted since.
 */
export function useDamagedSessions(gone: readonly string[], shown: boolean): string[] {
  const found =
    useAsync(() => (shown ? whenIdle().then(listDamaged) : Promise.resolve([])), [shown], true) ?? [];
  return found.filter((id) => !gone.includes(id));
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}

/** One saved session with the flows it went through; null when there is no such session. */
export function useSession(id: string): { record: SessionRecord; flows: FlowMap } | null | undefined {
  return useAsync(async () => {
    const record = await getSession(id);
    if (!record) return null;
    return { record, flows: await loadFlows([...new Set(record.state.trail.map((s) => s.flow))]) };
  }, [id]);
}
