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

/** Rows History shows at first, and adds with each Show more: a list of 10,000 sessions renders and updates as one of 50. */
export const LIST_PAGE = 50;

// Reads begun while History's code is still loading, each taken once by the screen's first read of it; a
// save or delete since makes them stale.
interface Primed {
  revision: number;
  read: Promise<unknown>;
  done?: { value: unknown };
}
const primed = new Map<string, Primed>();
const fresh = (key: string) => {
  const p = primed.get(key);
  return p?.revision === sessionsRevision.get() ? p : undefined;
};
function once<T>(key: string, read: () => Promise<T>): Promise<T> {
  const p = fresh(key);
  primed.delete(key);
  return p ? (p.read as Promise<T>) : read();
}
function prime(key: string, read: Promise<unknown>): Promise<void> {
  const p: Primed = { revision: sessionsRevision.get(), read };
  primed.set(key, p);
  return read.then((value) => void (p.done = { value }));
}

/** Starts History's first reads (its first page and the count) while its screen's code loads; resolves when both are done. */
export function primeHistory(): Promise<void> {
  return Promise.all([prime(`list ${LIST_PAGE}`, readList(LIST_PAGE)), prime('count', readCount())]).then(
    () => undefined,
  );
}

/** A first read of History already done, for its first render: undefined while it is under way. */
export function primedList(limit: number): SessionRecord[] | undefined {
  return fresh(`list ${limit}`)?.done?.value as SessionRecord[] | undefined;
}

/** The count of sessions, if History's first read of it is done. */
export function primedCount(): number | undefined {
  return fresh('count')?.done?.value as number | undefined;
}

async function readList(limit?: number): Promise<SessionRecord[]> {
  try {
    return await (await sessionStore()).list(limit);
  } catch {
    return [];
  }
}

async function readCount(): Promise<number> {
  try {
    return await (await sessionStore()).count();
  } catch {
    return 0;
  }
}

/** Saved sessions, newest first, at most `limit`; empty when storage cannot be read. */
export function listSessions(limit?: number): Promise<SessionRecord[]> {
  return once(`list ${limit}`, () => readList(limit));
}

/** How many sessions are saved; 0 when storage cannot be read. */
export function countSessions(): Promise<number> {
  return once('count', readCount);
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
