/**
 * The store of saved sessions: IndexedDB, with a store that keeps working (in memory) when IndexedDB is
 * missing, full, blocked or broken. Problems are reported, never thrown.
 */
import { nextRevision, upgradeRecord, validateRecord } from '../session/record.ts';
import type { SaveResult, SessionRecord } from '../session/record.ts';
import { hasProductKey, stripKeysDeep } from '../redact/key-in-text.ts';
import { DB_NAME, STORE, openSessionsDb } from './db.ts';
import type { SessionsDatabase } from './db.ts';

/** What can go wrong with storage; each is told to the user once (see notices.ts). */
export const STORAGE_PROBLEMS = [
  'unavailable',
  'quota',
  'write-failed',
  'delete-failed',
  'corrupt-record',
  'blocked',
  'upgraded-elsewhere',
  'newer-version',
  'facts-dropped',
] as const;
export type StorageProblem = (typeof STORAGE_PROBLEMS)[number];
// A write IndexedDB refuses is kept in memory and counts as saved (the problem is reported).
export type { SaveResult };

export interface SessionStore {
  readonly kind: 'indexeddb' | 'memory';
  /**
   * Never rejects. With `base` (the revision this tab has seen; 0 for a session it has not saved yet) the
   * save is guarded: it writes revision base + 1 only when no newer revision is stored, checked in the same
   * transaction as the write. Without it the record is written as it is.
   */
  save(record: SessionRecord, base?: number): Promise<SaveResult>;
  /**
   * Never rejects. Changes what is stored for a session in one transaction (read, change, write), so no
   * other tab's write can come between; the revision stays as `change` leaves it. 'deleted' when none is.
   */
  update(id: string, change: (stored: SessionRecord) => SessionRecord): Promise<SaveResult>;
  get(id: string): Promise<SessionRecord | undefined>;
  /** Newest updatedAt first, at most `limit` of them; invalid records are skipped and reported once. */
  list(limit?: number): Promise<SessionRecord[]>;
  /** How many sessions there are (damaged ones too, as far as the database can tell). */
  count(): Promise<number>;
  /** The ids of stored records that cannot be read (damaged), so they can be deleted one by one. */
  damaged(): Promise<string[]>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Asks the browser not to evict storage (navigator.storage.persist), once; false where it cannot. */
  persist(): Promise<boolean>;
}

export interface OpenSessionStoreOptions {
  /** Told about each kind of problem once per store. */
  onProblem?: (problem: StorageProblem) => void;
  /** How long to wait for IndexedDB before working in memory; default 3000 ms. */
  timeoutMs?: number;
  dbName?: string;
  /** The IndexedDB factory; default the global indexedDB. */
  idb?: IDBFactory;
}

const DEFAULT_TIMEOUT_MS = 3000;
const DAMAGE_BATCH = 250;

/**
 * The record as it may be stored: validated, with product keys taken out of every string in it, whatever
 * field or type holds it (facts' lists, notes, answers). A record whose id looks like a key is refused
 * outright, since changing the id would lose it.
 */
function storable(record: SessionRecord): SessionRecord | undefined {
  const valid = validateRecord(record);
  if (!valid || hasProductKey(valid.id)) return undefined;
  const { id, ...rest } = valid;
  return { id, ...stripKeysDeep(rest) };
}

/**
 * A step saved by the session runner, with the label and notes the user wrote on the session screen: the
 * runner never edits them, so they are carried over from what is stored (notes only for steps still there).
 */
function withTicket(record: SessionRecord, stored: SessionRecord): SessionRecord {
  const next: SessionRecord = { ...record };
  delete next.label;
  delete next.notes;
  if (stored.label !== undefined) next.label = stored.label;
  // A note stays with its step: kept only where the step at that place is still the same question.
  const same = (i: number) => {
    const a = record.state.trail[i];
    const b = stored.state.trail[i];
    return !!a && !!b && a.flow === b.flow && a.node === b.node;
  };
  const notes = Object.entries(stored.notes ?? {}).filter(([i]) => same(Number(i)));
  if (notes.length) next.notes = Object.fromEntries(notes);
  return next;
}

/** Whether a guarded save over revision `base` may write, given what is stored now. */
function guard(stored: SessionRecord | undefined, base: number): SaveResult {
  if (!stored) return base > 0 ? 'deleted' : 'saved';
  return (stored.rev ?? 0) > base ? 'changed' : 'saved';
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : '';
}

function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return (error as { code?: unknown } | null)?.code === 22; // legacy DOMException.QUOTA_EXCEEDED_ERR
}

const newest = (a: SessionRecord, b: SessionRecord) =>
  b.updatedAt - a.updatedAt || b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function requestPersist(): Promise<boolean> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (typeof storage?.persist !== 'function') return false;
    return (await storage.persist()) === true;
  } catch {
    return false;
  }
}

/** IndexedDB when it works, with an in-memory overlay for whatever could not be written. */
class Store implements SessionStore {
  private db: SessionsDatabase | undefined;
  /** Records not in the database (memory mode, or a failed write): they win over the database. */
  private readonly overlay = new Map<string, SessionRecord>();
  /** Records removed while the database would not delete them. */
  private readonly hidden = new Set<string>();
  /** The latest write per id, so a slow failing save cannot shadow a newer one. */
  private readonly latest = new Map<string, number>();
  private writes = 0;
  private persisted: Promise<boolean> | undefined;

  constructor(private readonly report: (problem: StorageProblem) => void) {}

  /** A record read back held facts that fail their rules: they are left out, and the user is told. */
  private readonly factsDropped = () => this.report('facts-dropped');

  get kind(): 'indexeddb' | 'memory' {
    return this.db ? 'indexeddb' : 'memory';
  }

  attach(db: SessionsDatabase): void {
    this.db = db;
  }

  /** Stops using the database (closed for a newer version, or by the browser); memory from now on. */
  detach(): void {
    const db = this.db;
    this.db = undefined;
    try {
      db?.close();
    } catch {
      // closing twice is harmless
    }
  }

  /** Takes the database once it opens late (after a block or a slow start) and writes what memory holds. */
  async adopt(db: SessionsDatabase): Promise<void> {
    this.db = db;
    for (const record of [...this.overlay.values()]) await this.save(record);
  }

  async save(record: SessionRecord, base?: number): Promise<SaveResult> {
    const valid = storable(record);
    if (!valid) {
      this.report('write-failed');
      return 'failed';
    }
    const { id } = valid;
    let clean: SessionRecord = base === undefined ? valid : { ...valid, rev: nextRevision(base) };
    const write = ++this.writes;
    this.latest.set(id, write);
    const wasHidden = this.hidden.delete(id);
    const kept = this.overlay.get(id);
    const db = this.db;
    // What memory holds (memory mode, a write that failed, a delete that failed) is what this tab checks against.
    if (base !== undefined && (kept || wasHidden || !db)) {
      const verdict = guard(wasHidden ? undefined : kept, base);
      if (verdict !== 'saved') {
        if (wasHidden) this.hidden.add(id);
        return verdict;
      }
      if (kept) clean = withTicket(clean, kept);
    }
    if (!db) {
      this.overlay.set(id, clean);
      return 'saved';
    }
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const done = tx.done;
      done.catch(() => undefined); // awaited below; a failure before then must not go unhandled
      let verdict: SaveResult = 'saved';
      // Read and write in one transaction: no other tab's write can come between the check and the put.
      if (base !== undefined && !kept && !wasHidden) {
        const stored = validateRecord(await tx.store.get(id));
        verdict = guard(stored, base);
        if (stored) clean = withTicket(clean, stored);
      }
      if (verdict === 'saved') await tx.store.put(clean);
      await done;
      if (verdict !== 'saved') return verdict;
      if (this.latest.get(id) === write) this.overlay.delete(id);
    } catch (error) {
      if (this.latest.get(id) === write) this.overlay.set(id, clean);
      this.report(isQuotaError(error) ? 'quota' : 'write-failed');
    }
    return 'saved';
  }

  async update(id: string, change: (stored: SessionRecord) => SessionRecord): Promise<SaveResult> {
    if (this.hidden.has(id)) return 'deleted';
    const kept = this.overlay.get(id);
    const db = this.db;
    // What memory holds is what this tab has: changed there, as a save would.
    if (kept || !db) return kept ? this.save(change(kept)) : 'deleted';
    let stored: SessionRecord | undefined;
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const done = tx.done;
      done.catch(() => undefined); // awaited below; a failure before then must not go unhandled
      stored = validateRecord(await tx.store.get(id));
      const next = stored && storable(change(stored));
      if (next) await tx.store.put(next);
      await done;
      if (!stored) return 'deleted';
      if (next) return 'saved';
      this.report('write-failed');
      return 'failed';
    } catch {
      // The database would not take it: kept in memory as any failed write is (save reports the problem).
      return stored ? this.save(change(stored)) : 'failed';
    }
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    if (this.hidden.has(id)) return undefined;
    const kept = this.overlay.get(id);
    if (kept) return kept;
    const db = this.db;
    if (!db) return undefined;
    let raw: unknown;
    try {
      raw = await db.get(STORE, id);
    } catch {
      return undefined;
    }
    if (raw === undefined) return undefined;
    const record = validateRecord(raw, this.factsDropped);
    if (!record) this.report('corrupt-record');
    return record;
  }

  async list(limit = Infinity): Promise<SessionRecord[]> {
    const byId = new Map<string, SessionRecord>();
    const take = (raw: unknown) => {
      const record = validateRecord(raw, this.factsDropped);
      if (!record) this.report('corrupt-record');
      else if (!this.hidden.has(record.id)) byId.set(record.id, record);
    };
    const db = this.db;
    if (db) {
      try {
        if (limit === Infinity) for (const raw of await db.getAll(STORE)) take(raw);
        else {
          // Newest first through the index, reading no more than a page: 10,000 sessions cost what 50 do.
          // The page's oldest time is found by skipping over the page's keys, and the page read in one
          // request from there: a request per record costs a round trip to the database each.
          const index = db.transaction(STORE).store.index('updatedAt');
          const newest = await index.openCursor(null, 'prev');
          const edge = newest && limit > 1 ? await newest.advance(limit - 1) : newest;
          const page = edge ? await index.getAll(IDBKeyRange.lowerBound(edge.key)) : await index.getAll();
          for (const raw of page) take(raw);
          // Damaged or hidden records left the page short: older ones fill it, one at a time.
          let cursor =
            edge && byId.size < limit
              ? await index.openCursor(IDBKeyRange.upperBound(edge.key, true), 'prev')
              : null;
          while (cursor && byId.size < limit) {
            take(cursor.value);
            cursor = await cursor.continue();
          }
        }
      } catch {
        // unreadable just now: show what memory holds
      }
    }
    for (const record of this.overlay.values()) byId.set(record.id, record);
    return [...byId.values()].sort(newest).slice(0, limit);
  }

  async count(): Promise<number> {
    const db = this.db;
    let stored = 0;
    if (db) {
      try {
        stored = Math.max(0, (await db.count(STORE)) - this.hidden.size);
      } catch {
        stored = 0;
      }
    }
    // Records only in memory are counted once; those also in the database were counted above.
    let onlyHere = 0;
    for (const id of this.overlay.keys())
      if (!db || !(await db.getKey(STORE, id).catch(() => undefined))) onlyHere++;
    return stored + onlyHere;
  }

  async damaged(): Promise<string[]> {
    const db = this.db;
    if (!db) return [];
    const ids: string[] = [];
    try {
      // In batches, so checking 10,000 records never holds the page for long.
      let after: IDBValidKey | undefined;
      for (;;) {
        const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
        const store = db.transaction(STORE).store;
        const [batch, keys] = await Promise.all([
          store.getAll(range, DAMAGE_BATCH),
          store.getAllKeys(range, DAMAGE_BATCH),
        ]);
        batch.forEach((raw: unknown, i) => {
          if (validateRecord(raw)) return;
          const id = keys[i];
          if (typeof id === 'string' && !this.hidden.has(id)) ids.push(id);
        });
        if (keys.length < DAMAGE_BATCH) break;
        after = keys[keys.length - 1];
        // The next batch waits for a moment the page has nothing else to do: the list it checks for is
        // still being put on screen, a frame at a time.
        await new Promise<void>((resolve) =>
          typeof requestIdleCallback === 'function'
            ? requestIdleCallback(() => resolve(), { timeout: 1000 })
            : setTimeout(resolve, 0),
        );
      }
    } catch {
      return ids;
    }
    return ids;
  }

  async remove(id: string): Promise<void> {
    this.overlay.delete(id);
    this.latest.set(id, ++this.writes);
    const db = this.db;
    if (!db) return;
    try {
      await db.delete(STORE, id);
    } catch {
      this.hidden.add(id);
      this.report('delete-failed');
    }
  }

  async clear(): Promise<void> {
    this.overlay.clear();
    for (const id of this.latest.keys()) this.latest.set(id, ++this.writes);
    const db = this.db;
    if (!db) return;
    try {
      await db.clear(STORE);
      this.hidden.clear();
    } catch {
      this.report('delete-failed');
    }
  }

  persist(): Promise<boolean> {
    this.persisted ??= requestPersist();
    return this.persisted;
  }
}

/** Opens the session store: IndexedDB (upgraded to the current version), or memory where that fails or hangs. */
export async function openSessionStore(options: OpenSessionStoreOptions = {}): Promise<SessionStore> {
  const seen = new Set<StorageProblem>();
  const report = (problem: StorageProblem) => {
    if (seen.has(problem)) return;
    seen.add(problem);
    try {
      options.onProblem?.(problem);
    } catch {
      // a failing listener must not break storage
    }
  };
  const store = new Store(report);
  let factory: IDBFactory | undefined;
  try {
    factory = options.idb ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  } catch {
    factory = undefined; // some private modes throw on the mere access to indexedDB
  }
  if (!factory) {
    report('unavailable');
    return store;
  }

  let onBlocked = () => {};
  const blocked = new Promise<'blocked'>((resolve) => (onBlocked = () => resolve('blocked')));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  });
  const opening = openSessionsDb(factory, options.dbName ?? DB_NAME, {
    convert: (raw) => {
      const record = upgradeRecord(raw);
      return record && storable(record);
    },
    blocked: () => {
      report('blocked');
      onBlocked();
    },
    blocking: () => {
      store.detach();
      report('upgraded-elsewhere');
    },
    terminated: () => {
      store.detach();
      report('unavailable');
    },
  });

  try {
    const first = await Promise.race([opening, timeout, blocked]);
    if (typeof first === 'object') {
      if (first.dropped) report('corrupt-record');
      store.attach(first.db);
      return store;
    }
    // Blocked by an old tab, or slow: work in memory now, and switch over if the database opens later.
    if (first === 'timeout' && !seen.has('blocked')) report('unavailable');
    opening.then(
      ({ db, dropped }) => {
        if (dropped) report('corrupt-record');
        void store.adopt(db);
      },
      () => undefined,
    );
    return store;
  } catch (error) {
    // A VersionError means a newer version of the app already upgraded the database (then this one was
    // rolled back): no reload of this version can read it.
    report(errorName(error) === 'VersionError' ? 'newer-version' : 'unavailable');
    return store;
  } finally {
    clearTimeout(timer);
  }
}
