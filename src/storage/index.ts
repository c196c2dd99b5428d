/**
 * Saved sessions for the app: the one store, opened on first use, and every change told to subscribers
 * through `sessionsRevision`. Screens and hooks use these functions; the store behind them stays private.
 * Storage problems become one-time notices.
 */
import { raiseNotice } from '../notices.ts';
import { observable } from '../observable.ts';
import type { SessionRecord } from '../session/record.ts';
import type { SaveResult, SessionStore } from './session-store.ts';

export type { SaveResult };

let store: Promise<SessionStore> | undefined;

function sessionStore(): Promise<SessionStore> {
  // Loaded on first use: the first screen paints before storage code arrives.
  store ??= import('./session-store.ts').then((m) => m.openSessionStore({ onProblem: raiseNotice }));
  return store;
}

/** Goes up by one on every save, delete and clear, here or in another tab, so lists know to read again. */
export const sessionsRevision = observable(0);
const bump = () => sessionsRevision.update((n) => n + 1);

// Other tabs of the app on this device hear of every change, so their History and Recent lists follow.
let channel: BroadcastChannel | undefined;
try {
  channel = new BroadcastChannel('afg-sessions');
  channel.onmessage = bump;
} catch {
  channel = undefined; // no BroadcastChannel: other tabs see the change on their next read
}
const changed = () => {
  bump();
  channel?.postMessage('changed');
};

const pending = new Set<Promise<unknown>>();
/** Keeps a write in `pending` until it settles, so flushSaves can wait for it. */
function tracked<T>(p: Promise<T>): Promise<T> {
  pending.add(p);
  void p.finally(() => pending.delete(p));
  return p;
}

/**
 * Saves a session and tells subscribers; never rejects. With `base`, only over that revision (see
 * SessionStore.save): the result says when another tab changed or deleted the session first.
 */
export function saveSession(record: SessionRecord, base?: number): Promise<SaveResult> {
  const p = (async () => {
    const s = await sessionStore();
    const result = await s.save(record, base);
    if (result !== 'saved') return result;
    changed();
    // Once there is history worth keeping, ask the browser not to evict it.
    if (record.status !== 'active') void s.persist();
    return result;
  })().catch((): SaveResult => 'failed');
  return tracked(p);
}

/**
 * Changes a stored session in one step (see SessionStore.update) and tells subscribers; never rejects.
 * For what the user adds to a session that is not a step (a label, notes): another tab's steps are kept.
 */
export function updateSession(
  id: string,
  change: (stored: SessionRecord) => SessionRecord,
): Promise<SaveResult> {
  const p = (async () => {
    const result = await (await sessionStore()).update(id, change);
    if (result === 'saved') changed();
    return result;
  })().catch((): SaveResult => 'failed');
  return tracked(p);
}

/** Waits for every save under way (before an update reloads the page). */
export async function flushSaves(): Promise<void> {
  await Promise.all([...pending]);
}

/** One saved session, or undefined when there is none (or storage cannot be read). */
export async function getSession(id: string): Promise<SessionRecord | undefined> {
  try {
    return await (await sessionStore()).get(id);
  } catch {
    return undefined;
  }
}

/** Saved sessions, newest first, at most `limit`; empty when storage cannot be read. */
export async function listSessions(limit?: number): Promise<SessionRecord[]> {
  try {
    return await (await sessionStore()).list(limit);
  } catch {
    return [];
  }
}

/** How many sessions are saved; 0 when storage cannot be read. */
export async function countSessions(): Promise<number> {
  try {
    return await (await sessionStore()).count();
  } catch {
    return 0;
  }
}

/** The ids of saved sessions that are damaged and cannot be read; empty when storage cannot be read. */
export async function listDamaged(): Promise<string[]> {
  try {
    return await (await sessionStore()).damaged();
  } catch {
    return [];
  }
}

/** Deletes one session and tells subscribers. */
export async function removeSession(id: string): Promise<void> {
  await (await sessionStore()).remove(id);
  changed();
}

/** Deletes every session and tells subscribers. */
export async function clearSessions(): Promise<void> {
  await (await sessionStore()).clear();
  changed();
}
