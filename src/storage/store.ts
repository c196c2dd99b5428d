/** The app's one session store, opened on first use; storage problems become one-time notices. */
import { raiseNotice } from '../notices.ts';
import type { NoticeKind } from '../notices.ts';
import type { SessionRecord, SessionStore, StorageProblem } from './sessions.ts';

const NOTICE: Record<StorageProblem, NoticeKind> = {
  unavailable: 'storage-unavailable',
  quota: 'storage-quota',
  'write-failed': 'storage-write-failed',
  'corrupt-record': 'storage-corrupt',
  blocked: 'storage-blocked',
  'upgraded-elsewhere': 'storage-upgraded-elsewhere',
};

let store: Promise<SessionStore> | undefined;
const changes = new Set<() => void>();

/** The session store (IndexedDB, or memory where IndexedDB is unavailable). */
export function sessionStore(): Promise<SessionStore> {
  // Loaded on first use: the first screen paints before storage code arrives.
  store ??= import('./sessions.ts').then((m) =>
    m.openSessionStore({ onProblem: (p) => raiseNotice(NOTICE[p]) }),
  );
  return store;
}

const pending = new Set<Promise<void>>();

/** Saves a session and tells subscribers; never rejects. */
export function saveSession(record: SessionRecord): Promise<void> {
  const p = (async () => {
    const s = await sessionStore();
    await s.save(record);
    for (const c of changes) c();
    // Once there is history worth keeping, ask the browser not to evict it.
    if (record.status !== 'active') void s.persist();
  })().catch(() => undefined);
  pending.add(p);
  void p.finally(() => pending.delete(p));
  return p;
}

/** Waits for every save under way (before an update reloads the page). */
export async function flushSaves(): Promise<void> {
  await Promise.all([...pending]);
}

/** Subscribes to saved-session changes; returns the unsubscribe function. */
export function onSessionsChanged(listener: () => void): () => void {
  changes.add(listener);
  return () => void changes.delete(listener);
}

/** Tells subscribers that sessions changed (after a delete). */
export function sessionsChanged(): void {
  for (const c of changes) c();
}
