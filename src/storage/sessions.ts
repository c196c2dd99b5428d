/**
 * Saved troubleshooting sessions: the record format, its checks and upgrades, and a store that keeps
 * working (in memory) when IndexedDB is missing, full, blocked or broken. Problems are reported, never thrown.
 */
import { parseState } from '../engine/engine.ts';
import type { EngineState, Step } from '../engine/engine.ts';
import { DB_NAME, STORE, openSessionsDb } from './db.ts';
import type { SessionsDatabase } from './db.ts';

export const SESSION_SCHEMA = 2;

export interface SessionRecord {
  schema: 2;
  /** crypto.randomUUID() */
  id: string;
  /** The canonical error code the session started from, e.g. "0xC004F074". */
  code?: string;
  /** The flow the session started in. */
  flow: string;
  /** The engine trail; each answered step has `at` (ms). */
  state: EngineState;
  status: 'active' | 'resolved' | 'escalated';
  startedAt: number;
  updatedAt: number;
  /** Set when the flows changed under the session: it is read-only, for this reason. */
  stale?: string;
}

export type StorageProblem =
  'unavailable' | 'quota' | 'write-failed' | 'corrupt-record' | 'blocked' | 'upgraded-elsewhere';

export interface SessionStore {
  readonly kind: 'indexeddb' | 'memory';
  /** Never rejects: on failure the record is kept in memory and the problem reported. */
  save(record: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | undefined>;
  /** Newest updatedAt first; invalid records are skipped and reported once. */
  list(): Promise<SessionRecord[]>;
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

const STATUSES: readonly SessionRecord['status'][] = ['active', 'resolved', 'escalated'];
const DEFAULT_TIMEOUT_MS = 3000;

// A Windows product key: 5 groups of 5 letters or digits, split by hyphens, look-alike dashes or spaces
// (as pasted from mail or chat, perhaps with invisible format characters around the separators).
const KEY_SEPARATOR = '[-\\s\\p{Cf}\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]{1,3}';
const KEY_GROUP = '[A-Za-z0-9]{5}';
const KEY_SOURCE = `(?<![A-Za-z0-9])${KEY_GROUP}(?:${KEY_SEPARATOR}${KEY_GROUP}){4}(?![A-Za-z0-9])`;

/** What a product key in a saved session is replaced with. */
export const KEY_REMOVED = '[product key removed]';

/** True when the text holds something that looks like a 25-character product key. */
export function hasProductKey(text: string): boolean {
  return new RegExp(KEY_SOURCE, 'u').test(text);
}

/** Replaces every product-key-looking part of a text with what `by` returns for it. */
export function replaceProductKeys(text: string, by: (key: string) => string): string {
  return text.replace(new RegExp(KEY_SOURCE, 'gu'), by);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStatus = (v: unknown): v is SessionRecord['status'] =>
  STATUSES.includes(v as SessionRecord['status']);

/** Checks a stored value against the record format (the trail through the engine's parseState); returns a clean copy. */
export function validateRecord(raw: unknown): SessionRecord | undefined {
  if (!isObject(raw) || raw.schema !== SESSION_SCHEMA) return undefined;
  const { id, code, flow, status, startedAt, updatedAt, stale } = raw;
  if (typeof id !== 'string' || id === '' || typeof flow !== 'string' || flow === '') return undefined;
  if (!isStatus(status) || !isTime(startedAt) || !isTime(updatedAt)) return undefined;
  if (code !== undefined && typeof code !== 'string') return undefined;
  if (stale !== undefined && typeof stale !== 'string') return undefined;
  const parsed = parseState(raw.state);
  if (!parsed.ok) return undefined;
  return {
    schema: SESSION_SCHEMA,
    id,
    ...(code !== undefined ? { code } : {}),
    flow,
    state: parsed.state,
    status,
    startedAt,
    updatedAt,
    ...(stale !== undefined ? { stale } : {}),
  };
}

/** Brings a stored record of any known schema to the current one: version 1 is converted, version 2 validated. */
export function upgradeRecord(raw: unknown): SessionRecord | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.schema !== undefined) return validateRecord(raw);
  // Version 1: { id, flowId, steps: [{ node, answer?, time? }], done, started, code? }, one flow per record.
  const { id, flowId, steps, done, started, code } = raw;
  if (typeof flowId !== 'string' || !Array.isArray(steps) || typeof done !== 'boolean' || !isTime(started))
    return undefined;
  const trail: unknown[] = steps.map((s: unknown) =>
    isObject(s)
      ? {
          flow: flowId,
          node: s.node,
          ...(s.answer !== undefined ? { answer: s.answer } : {}),
          ...(s.time !== undefined ? { at: s.time } : {}),
        }
      : s,
  );
  let updatedAt = started;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s: unknown = steps[i];
    if (isObject(s) && isTime(s.time)) {
      updatedAt = s.time;
      break;
    }
  }
  return validateRecord({
    schema: SESSION_SCHEMA,
    id,
    ...(code !== undefined && code !== null ? { code } : {}),
    flow: flowId,
    state: { v: 1, trail },
    status: done ? 'resolved' : 'active',
    startedAt: started,
    updatedAt,
  });
}

const stripKeys = (text: string) => replaceProductKeys(text, () => KEY_REMOVED);

/**
 * The record as it may be stored: validated, with product keys taken out of every text field.
 * A record whose id looks like a key is refused outright, since changing the id would lose it.
 */
function storable(record: SessionRecord): SessionRecord | undefined {
  const valid = validateRecord(record);
  if (!valid || hasProductKey(valid.id)) return undefined;
  const trail = valid.state.trail.map((s): Step => {
    const step: Step = { flow: stripKeys(s.flow), node: stripKeys(s.node) };
    if (s.answer !== undefined) step.answer = typeof s.answer === 'string' ? stripKeys(s.answer) : s.answer;
    if (s.at !== undefined) step.at = s.at;
    return step;
  });
  return {
    ...valid,
    ...(valid.code !== undefined ? { code: stripKeys(valid.code) } : {}),
    flow: stripKeys(valid.flow),
    state: { v: 1, trail },
    ...(valid.stale !== undefined ? { stale: stripKeys(valid.stale) } : {}),
  };
}

function errorName(error: unknown): string {
  return isObject(error) || error instanceof Error ? String((error as { name?: unknown }).name) : '';
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

  async save(record: SessionRecord): Promise<void> {
    const clean = storable(record);
    if (!clean) {
      this.report('write-failed');
      return;
    }
    const write = ++this.writes;
    this.latest.set(clean.id, write);
    this.hidden.delete(clean.id);
    const db = this.db;
    if (!db) {
      this.overlay.set(clean.id, clean);
      return;
    }
    try {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([tx.store.put(clean), tx.done]);
      if (this.latest.get(clean.id) === write) this.overlay.delete(clean.id);
    } catch (error) {
      if (this.latest.get(clean.id) === write) this.overlay.set(clean.id, clean);
      this.report(isQuotaError(error) ? 'quota' : 'write-failed');
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
    const record = validateRecord(raw);
    if (!record) this.report('corrupt-record');
    return record;
  }

  async list(): Promise<SessionRecord[]> {
    const byId = new Map<string, SessionRecord>();
    const db = this.db;
    if (db) {
      let all: unknown[] = [];
      try {
        all = await db.getAll(STORE);
      } catch {
        // unreadable just now: show what memory holds
      }
      for (const raw of all) {
        const record = validateRecord(raw);
        if (!record) this.report('corrupt-record');
        else if (!this.hidden.has(record.id)) byId.set(record.id, record);
      }
    }
    for (const record of this.overlay.values()) byId.set(record.id, record);
    return [...byId.values()].sort(newest);
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
      this.report('write-failed');
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
      this.report('write-failed');
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
    // A VersionError means a newer version of the app already upgraded the database.
    report(errorName(error) === 'VersionError' ? 'upgraded-elsewhere' : 'unavailable');
    return store;
  } finally {
    clearTimeout(timer);
  }
}
