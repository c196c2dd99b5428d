import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { upgradeRecord, validateRecord } from '../../src/session/record.ts';
import type { SessionRecord } from '../../src/session/record.ts';
import { openSessionStore } from '../../src/storage/session-store.ts';
import type { StorageProblem } from '../../src/storage/session-store.ts';
import { KEY_REMOVED, hasProductKey } from '../../src/redact/key-in-text.ts';

const KEY = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';
const DB = 'activation-field-guide';

function record(id: string, updatedAt: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    schema: 2,
    id,
    code: '0xC004F074',
    flow: 'kms-connect',
    state: {
      v: 1,
      trail: [
        { flow: 'kms-connect', node: 'start', answer: 'yes', at: updatedAt - 10 },
        { flow: 'kms-connect', node: 'dns' },
      ],
    },
    status: 'active',
    startedAt: updatedAt - 100,
    updatedAt,
    ...extra,
  };
}

/** A fresh, empty IndexedDB and a log of the problems reported. */
function setup() {
  const idb = new IDBFactory();
  const problems: StorageProblem[] = [];
  const open = (extra: { timeoutMs?: number } = {}) =>
    openSessionStore({ idb, onProblem: (p) => problems.push(p), ...extra });
  return { idb, problems, open };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens the database with the raw API, running `upgrade` if the version is new. */
function rawOpen(
  idb: IDBFactory,
  version?: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  const req = idb.open(DB, version);
  if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
  return request(req);
}

async function rawAll(idb: IDBFactory): Promise<unknown[]> {
  const db = await rawOpen(idb);
  try {
    return await request(db.transaction('sessions').objectStore('sessions').getAll());
  } finally {
    db.close();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('session store (IndexedDB)', () => {
  it('saves, gets, lists newest first, removes and clears', async () => {
    const { open, problems, idb } = setup();
    const store = await open();
    expect(store.kind).toBe('indexeddb');
    await store.save(record('a', 1000));
    await store.save(record('b', 3000));
    await store.save(record('c', 2000));
    expect(await store.get('b')).toEqual(record('b', 3000));
    expect(await store.get('nope')).toBeUndefined();
    expect((await store.list()).map((r) => r.id)).toEqual(['b', 'c', 'a']);

    await store.save(record('a', 4000, { status: 'resolved' }));
    expect((await store.list()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect((await store.get('a'))?.status).toBe('resolved');

    await store.remove('b');
    expect(await store.get('b')).toBeUndefined();
    expect((await store.list()).map((r) => r.id)).toEqual(['a', 'c']);

    await store.clear();
    expect(await store.list()).toEqual([]);
    expect(await rawAll(idb)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps records across openings, with the "updatedAt" index', async () => {
    const { open, idb } = setup();
    await (await open()).save(record('a', 1000));
    const again = await open();
    expect(await again.get('a')).toEqual(record('a', 1000));
    const db = await rawOpen(idb);
    expect(db.version).toBe(2);
    expect([...db.transaction('sessions').objectStore('sessions').indexNames]).toEqual(['updatedAt']);
    db.close();
  });

  it('upgrades a version 1 database: converts records and drops the broken one', async () => {
    const { open, problems, idb } = setup();
    const v1 = await rawOpen(idb, 1, (db) => {
      const s = db.createObjectStore('sessions', { keyPath: 'id' });
      s.put({
        id: 'old-done',
        flowId: 'mak',
        code: '0xC004C003',
        started: 100,
        done: true,
        steps: [
          { node: 'start', answer: 'yes', time: 150 },
          { node: 'count', answer: 3, time: 180 },
          { node: 'fixed', answer: 'fixed', time: 200 },
        ],
      });
      s.put({ id: 'old-open', flowId: 'kms-dns', started: 500, done: false, steps: [{ node: 'start' }] });
      s.put({ id: 'old-broken', flowId: 'mak', started: 10, done: false, steps: [{ answer: 'yes' }] });
    });
    v1.close();

    const store = await open();
    expect(store.kind).toBe('indexeddb');
    expect(problems).toEqual(['corrupt-record']);
    expect(await store.get('old-done')).toEqual({
      schema: 2,
      id: 'old-done',
      code: '0xC004C003',
      flow: 'mak',
      state: {
        v: 1,
        trail: [
          { flow: 'mak', node: 'start', answer: 'yes', at: 150 },
          { flow: 'mak', node: 'count', answer: 3, at: 180 },
          { flow: 'mak', node: 'fixed', answer: 'fixed', at: 200 },
        ],
      },
      status: 'resolved',
      startedAt: 100,
      updatedAt: 200,
    });
    expect(await store.get('old-open')).toEqual({
      schema: 2,
      id: 'old-open',
      flow: 'kms-dns',
      state: { v: 1, trail: [{ flow: 'kms-dns', node: 'start' }] },
      status: 'active',
      startedAt: 500,
      updatedAt: 500,
    });
    expect((await store.list()).map((r) => r.id)).toEqual(['old-open', 'old-done']);
    // Removed from the database itself, not just skipped.
    expect((await rawAll(idb)).map((r) => (r as { id: string }).id).sort()).toEqual(['old-done', 'old-open']);
    expect(problems).toEqual(['corrupt-record']);
  });

  it('skips a corrupted record in get and list, and reports it once', async () => {
    const { open, problems, idb } = setup();
    const store = await open();
    await store.save(record('good', 1000));
    const db = await rawOpen(idb);
    const tx = db.transaction('sessions', 'readwrite');
    tx.objectStore('sessions').put({ id: 'bad', schema: 2, state: { v: 1, trail: [] }, updatedAt: 5 });
    tx.objectStore('sessions').put({ ...record('worse', 9000), status: 'lost' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    expect((await store.list()).map((r) => r.id)).toEqual(['good']);
    expect(await store.get('bad')).toBeUndefined();
    expect(await store.list()).toHaveLength(1);
    expect(problems).toEqual(['corrupt-record']);
    // Each damaged record can be named, and deleted on its own, leaving the good one.
    expect((await store.damaged()).sort()).toEqual(['bad', 'worse']);
    await store.remove('bad');
    expect(await store.damaged()).toEqual(['worse']);
    expect((await store.list()).map((r) => r.id)).toEqual(['good']);
  });

  it('never writes a product key', async () => {
    const { open, idb, problems } = setup();
    const store = await open();
    const dashes = 'NPPR9\u2013FWDCX\u2013D2C8J\u2013H872K\u20132YT43';
    const spaced = 'nppr9 fwdcx d2c8j h872k 2yt43';
    await store.save({
      ...record('k', 1000, { stale: `step 2: "${dashes}" is not yes or no` }),
      state: {
        v: 1,
        trail: [
          { flow: 'product-key', node: 'enter', answer: KEY, at: 990 },
          { flow: 'product-key', node: 'paste', answer: `key: ${spaced}`, at: 995 },
          { flow: 'product-key', node: 'check' },
        ],
      },
    });
    const stored = JSON.stringify(await rawAll(idb));
    expect(hasProductKey(stored)).toBe(false);
    expect(stored).not.toMatch(/2YT43/i);
    const back = await store.get('k');
    expect(back?.state.trail[0]?.answer).toBe(KEY_REMOVED);
    expect(back?.state.trail[1]?.answer).toBe(`key: ${KEY_REMOVED}`);
    expect(back?.stale).toBe(`step 2: "${KEY_REMOVED}" is not yes or no`);
    // A pasted line kept as a fact's evidence loses its key too.
    await store.save({
      ...record('f', 1500),
      facts: { errorCode: { value: '0xC004F050', line: `slmgr /ipk ${KEY} Error: 0xC004F050` } },
    });
    expect((await store.get('f'))?.facts?.errorCode?.line).toBe(
      `slmgr /ipk ${KEY_REMOVED} Error: 0xC004F050`,
    );
    expect(hasProductKey(JSON.stringify(await rawAll(idb)))).toBe(false);
    // Ordinary answers are left alone.
    await store.save(record('plain', 2000));
    expect(await store.get('plain')).toEqual(record('plain', 2000));
    expect(problems).toEqual([]);

    // An id cannot be changed without losing the session: such a record is refused.
    await store.save(record(KEY, 3000));
    expect(await store.get(KEY)).toBeUndefined();
    expect(hasProductKey(JSON.stringify(await rawAll(idb)))).toBe(false);
    expect(problems).toEqual(['write-failed']);
  });

  it('never stores a product key typed into a label or a note', async () => {
    const { open, idb, problems } = setup();
    const store = await open();
    const spaced = 'nppr9 fwdcx d2c8j h872k 2yt43';
    const glued = KEY.replace(/-/g, '');
    await store.save(
      record('n', 1000, {
        label: `PC-042 ${KEY}`,
        notes: { 0: `typed ${spaced} by mistake`, 1: `key ${glued}` },
      }),
    );
    const stored = JSON.stringify(await rawAll(idb));
    expect(hasProductKey(stored)).toBe(false);
    expect(stored).not.toMatch(/2YT43/i);
    const back = await store.get('n');
    expect(back?.label).toBe(`PC-042 ${KEY_REMOVED}`);
    expect(back?.notes).toEqual({ 0: `typed ${KEY_REMOVED} by mistake`, 1: `key ${KEY_REMOVED}` });
    // Plain ones are kept as typed.
    await store.save(record('m', 2000, { label: 'INC-1234', notes: { 1: 'Sent to the KMS team.' } }));
    expect(await store.get('m')).toEqual(
      record('m', 2000, { label: 'INC-1234', notes: { 1: 'Sent to the KMS team.' } }),
    );
    expect(problems).toEqual([]);
  });

  it('refuses a record of the wrong shape without throwing', async () => {
    const { open, problems } = setup();
    const store = await open();
    await expect(store.save({ ...record('a', 1000), state: { v: 1, trail: [] } })).resolves.toBe('failed');
    expect(await store.list()).toEqual([]);
    expect(problems).toEqual(['write-failed']);
  });

  it('keeps a record in memory when the disk is full, and reports it once', async () => {
    const { open, problems, idb } = setup();
    const store = await open();
    await store.save(record('before', 500));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    // Kept in memory, so saved as far as the session is concerned; the problem is told once.
    await expect(store.save(record('a', 1000))).resolves.toBe('saved');
    await expect(store.save(record('b', 2000))).resolves.toBe('saved');
    expect(put).toHaveBeenCalledTimes(2);
    expect(problems).toEqual(['quota']);
    expect(await store.get('a')).toEqual(record('a', 1000));
    expect((await store.list()).map((r) => r.id)).toEqual(['b', 'a', 'before']);

    // Space again: the next save of the same session reaches the disk and leaves memory.
    put.mockRestore();
    await store.save(record('a', 3000));
    expect((await rawAll(idb)).map((r) => (r as { id: string }).id).sort()).toEqual(['a', 'before']);
    expect((await store.list()).map((r) => r.id)).toEqual(['a', 'b', 'before']);
    expect(problems).toEqual(['quota']);
  });

  it('reports any other failed write as write-failed, once', async () => {
    const { open, problems } = setup();
    const store = await open();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    await store.save(record('a', 1000));
    await store.save(record('a', 2000));
    expect(await store.get('a')).toEqual(record('a', 2000));
    expect(problems).toEqual(['write-failed']);
  });

  it('says a refused delete as such: one deleted session is hidden in this tab, all of them stay listed', async () => {
    const { open, problems } = setup();
    const store = await open();
    await store.save(record('a', 1000));
    await store.save(record('b', 2000));
    const refuse = () => {
      throw new DOMException('The transaction was aborted.', 'AbortError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(refuse);
    vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(refuse);
    await store.remove('a');
    expect((await store.list()).map((r) => r.id)).toEqual(['b']);
    await store.clear();
    expect((await store.list()).map((r) => r.id)).toEqual(['b']);
    expect(problems).toEqual(['delete-failed']);
  });

  it('closes for a newer version opened elsewhere and goes on in memory', async () => {
    const { open, problems, idb } = setup();
    const store = await open();
    await store.save(record('a', 1000));
    const newer = await rawOpen(idb, 3);
    expect(problems).toEqual(['upgraded-elsewhere']);
    expect(store.kind).toBe('memory');
    await store.save(record('b', 2000));
    expect(await store.get('b')).toEqual(record('b', 2000));
    newer.close();
  });

  it('reports a database already upgraded by a newer version (a rollback), and works in memory', async () => {
    const { open, problems, idb } = setup();
    (await rawOpen(idb, 5, (db) => db.createObjectStore('sessions', { keyPath: 'id' }))).close();
    const store = await open();
    expect(store.kind).toBe('memory');
    expect(problems).toEqual(['newer-version']);
    await store.save(record('a', 1000));
    expect(await store.get('a')).toEqual(record('a', 1000));
  });

  it('reports a block by an old tab, then takes the database once the old tab closes', async () => {
    const { open, problems, idb } = setup();
    const old = await rawOpen(idb, 1, (db) => db.createObjectStore('sessions', { keyPath: 'id' }));
    const store = await open();
    expect(problems).toEqual(['blocked']);
    expect(store.kind).toBe('memory');
    await store.save(record('meanwhile', 1000));
    old.close();
    await vi.waitFor(() => expect(store.kind).toBe('indexeddb'));
    await vi.waitFor(async () =>
      expect((await rawAll(idb)).map((r) => (r as { id: string }).id)).toEqual(['meanwhile']),
    );
    expect(await store.get('meanwhile')).toEqual(record('meanwhile', 1000));
    expect(problems).toEqual(['blocked']);
  });
});

describe('many sessions', () => {
  it('reads a page of the newest, counts them all, and finds a damaged one among hundreds', async () => {
    const { open, idb } = setup();
    const store = await open();
    for (let i = 0; i < 600; i++) await store.save(record(`s${String(i).padStart(3, '0')}`, 10_000 + i));
    // A damaged record, written behind the store's back, in the middle of the key order.
    const db = await rawOpen(idb);
    const tx = db.transaction('sessions', 'readwrite');
    tx.objectStore('sessions').put({ id: 's300x', schema: 2, flow: 'kms-connect', updatedAt: 'never' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const page = await store.list(50);
    expect(page.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `s${599 - i}`));
    expect(await store.count()).toBe(601);
    expect(await store.damaged()).toEqual(['s300x']);
    expect((await store.list()).length).toBe(600);
    await store.remove('s599');
    expect((await store.list(2)).map((r) => r.id)).toEqual(['s598', 's597']);
    expect(await store.count()).toBe(600);
  });

  it('a page with damaged records among the newest is filled from older ones', async () => {
    const { open, idb } = setup();
    const store = await open();
    for (let i = 0; i < 100; i++) await store.save(record(`s${String(i).padStart(3, '0')}`, 10_000 + i));
    const db = await rawOpen(idb);
    const tx = db.transaction('sessions', 'readwrite');
    // Newer than every good record, so they take places in the first page's read.
    for (const at of [20_000, 20_001, 10_095])
      tx.objectStore('sessions').put({ id: `bad-${at}`, schema: 2, flow: 'kms-connect', updatedAt: at });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    expect((await store.list(10)).map((r) => r.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `s0${99 - i}`),
    );
    expect(await store.list(1000)).toHaveLength(100);
  });
});

describe('session store without IndexedDB', () => {
  async function exercise(store: Awaited<ReturnType<typeof openSessionStore>>) {
    expect(store.kind).toBe('memory');
    await store.save(record('a', 1000));
    await store.save(record('b', 2000));
    expect(await store.get('a')).toEqual(record('a', 1000));
    expect((await store.list()).map((r) => r.id)).toEqual(['b', 'a']);
    await store.remove('a');
    expect((await store.list()).map((r) => r.id)).toEqual(['b']);
    await store.clear();
    expect(await store.list()).toEqual([]);
  }

  it('works in memory when opening throws', async () => {
    const problems: StorageProblem[] = [];
    const idb = {
      open: () => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    } as unknown as IDBFactory;
    const store = await openSessionStore({ idb, onProblem: (p) => problems.push(p) });
    await exercise(store);
    expect(problems).toEqual(['unavailable']);
  });

  it('works in memory when opening never completes', async () => {
    const problems: StorageProblem[] = [];
    const idb = { open: () => new EventTarget() } as unknown as IDBFactory;
    // The clock is a fake one: the store settles once its 30 ms have passed, however busy the machine.
    vi.useFakeTimers();
    let store: Awaited<ReturnType<typeof openSessionStore>> | undefined;
    try {
      const opening = openSessionStore({ idb, timeoutMs: 30, onProblem: (p) => problems.push(p) });
      await vi.advanceTimersByTimeAsync(30);
      store = await Promise.race([opening, Promise.resolve(undefined)]);
    } finally {
      vi.useRealTimers();
    }
    expect(store, 'still opening after its time-out').toBeDefined();
    await exercise(store!);
    expect(problems).toEqual(['unavailable']);
  });

  it('asks for persistent storage once, where the browser offers it', async () => {
    const store = await openSessionStore({ idb: new IDBFactory() });
    expect(await store.persist()).toBe(false);

    const persist = vi.fn(() => Promise.resolve(true));
    vi.stubGlobal('navigator', { storage: { persist } });
    const other = await openSessionStore({ idb: new IDBFactory() });
    expect(await other.persist()).toBe(true);
    expect(await other.persist()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});

describe("the app's saves (storage/index.ts)", () => {
  /** A fresh copy of the module, on an empty IndexedDB, with navigator.storage.persist() recorded. */
  async function app() {
    vi.resetModules();
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('BroadcastChannel', undefined); // no other tabs here
    const persist = vi.fn(() => Promise.resolve(true));
    vi.stubGlobal('navigator', { storage: { persist } });
    const storage = await import('../../src/storage/index.ts');
    return { ...storage, persist };
  }

  it('asks to keep storage when a finished session is saved, not before, and once a visit', async () => {
    const { saveSession, persist } = await app();
    expect(await saveSession(record('a', 1000))).toBe('saved');
    expect(await saveSession(record('a', 2000))).toBe('saved');
    expect(persist).not.toHaveBeenCalled();
    expect(await saveSession(record('a', 3000, { status: 'resolved' }))).toBe('saved');
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await saveSession(record('b', 4000, { status: 'escalated' }))).toBe('saved');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('asks when the finished session is an escalated one', async () => {
    const { saveSession, persist } = await app();
    expect(await saveSession(record('a', 1000, { status: 'escalated' }))).toBe('saved');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it("reads History's first page and count ahead, for its first render, and only once", async () => {
    const { saveSession, primeHistory, primedList, primedCount, listSessions, countSessions, LIST_PAGE } =
      await app();
    for (let i = 0; i < 3; i++) await saveSession(record(`s${i}`, 1000 + i));
    void primeHistory();
    // Under way: nothing to show yet, and the screen's first read waits for the same read.
    expect(primedList(LIST_PAGE)).toBeUndefined();
    const first = listSessions(LIST_PAGE);
    expect((await first).map((s) => s.id)).toEqual(['s2', 's1', 's0']);
    expect(await countSessions()).toBe(3);
    await primeHistory();
    await listSessions(5); // another page is read on its own
    // Done: the first render has the rows and the count at once.
    const ahead = primedList(LIST_PAGE);
    expect(ahead?.map((s) => s.id)).toEqual(['s2', 's1', 's0']);
    expect(primedCount()).toBe(3);
    // The screen's first read is that read, and only its first: the next one reads the database again.
    expect(await listSessions(LIST_PAGE)).toBe(ahead);
    expect(primedList(LIST_PAGE)).toBeUndefined();
    const again = await listSessions(LIST_PAGE);
    expect(again).not.toBe(ahead);
    expect(again).toEqual(ahead);
  });

  it('does not show a read ahead once a session was saved or deleted since', async () => {
    const { saveSession, removeSession, primeHistory, primedList, primedCount, listSessions, LIST_PAGE } =
      await app();
    await saveSession(record('a', 1000));
    await primeHistory();
    await saveSession(record('b', 2000));
    expect(primedList(LIST_PAGE)).toBeUndefined();
    expect(primedCount()).toBeUndefined();
    expect((await listSessions(LIST_PAGE)).map((s) => s.id)).toEqual(['b', 'a']);
    await primeHistory();
    await removeSession('b');
    expect((await listSessions(LIST_PAGE)).map((s) => s.id)).toEqual(['a']);
  });
});

describe('record checks', () => {
  it('accepts a valid record and returns a clean copy', () => {
    const r = { ...record('a', 1000), extra: 'dropped' };
    expect(validateRecord(r)).toEqual(record('a', 1000));
  });

  it('rejects records of the wrong shape', () => {
    const good = record('a', 1000);
    for (const bad of [
      null,
      'text',
      [],
      { ...good, schema: 1 },
      { ...good, id: '' },
      { ...good, flow: 7 },
      { ...good, status: 'done' },
      { ...good, startedAt: Number.NaN },
      { ...good, updatedAt: '2026' },
      { ...good, code: 12 },
      { ...good, stale: true },
      { ...good, state: { v: 1, trail: [] } },
      { ...good, state: { v: 2, trail: good.state.trail } },
      {
        ...good,
        state: {
          v: 1,
          trail: [
            { flow: 'f', node: 'n' },
            { flow: 'f', node: 'm' },
          ],
        },
      },
    ])
      expect(validateRecord(bad)).toBeUndefined();
  });

  it('keeps a label and notes, and drops malformed ones without refusing the record', () => {
    const good = record('a', 1000);
    const labelled = { ...good, label: 'PC-042', notes: { 0: 'one', 1: 'two' } };
    expect(validateRecord(labelled)).toEqual(labelled);
    // Through JSON (as stored), the notes' keys are strings: the same notes come back.
    expect(validateRecord(JSON.parse(JSON.stringify(labelled)))).toEqual(labelled);
    for (const label of [7, null, '', '   ', 'x'.repeat(201), ['PC']])
      expect(validateRecord({ ...good, label })).toEqual(good);
    expect(validateRecord({ ...good, label: 'x'.repeat(200) })?.label).toHaveLength(200);
    for (const notes of [null, 'note', ['a', 'b'], {}, { 0: '' }, { 0: 'x'.repeat(1001) }])
      expect(validateRecord({ ...good, notes })).toEqual(good);
    // Only notes on steps of the trail, by a plain index, as text.
    expect(
      validateRecord({
        ...good,
        notes: { '0': 5, '01': 'a', '1.0': 'b', '-1': 'c', '2': 'beyond', x: 'd', '1': 'kept' },
      })?.notes,
    ).toEqual({ 1: 'kept' });
    expect(validateRecord({ ...good, notes: { 0: 'x'.repeat(1000) } })?.notes?.[0]).toHaveLength(1000);
    // A record from before labels and notes stays valid, and gains neither.
    expect(Object.keys(validateRecord(good)!)).not.toContain('label');
    expect(Object.keys(validateRecord(good)!)).not.toContain('notes');
  });

  it('upgrades version 1 records and validates version 2 ones', () => {
    expect(upgradeRecord(record('a', 1000))).toEqual(record('a', 1000));
    expect(
      upgradeRecord({
        id: 'x',
        flowId: 'f',
        started: 5,
        done: false,
        steps: [{ node: 'n', answer: 'yes', time: 9 }, { node: 'm' }],
      }),
    ).toMatchObject({ status: 'active', updatedAt: 9, startedAt: 5, flow: 'f' });
    expect(upgradeRecord({ id: 'x', flowId: 'f', started: 5, done: false, steps: [] })).toBeUndefined();
    expect(upgradeRecord({ id: 'x', flowId: 'f', started: 5, steps: [{ node: 'n' }] })).toBeUndefined();
    expect(
      upgradeRecord({ id: 3, flowId: 'f', started: 5, done: true, steps: [{ node: 'n' }] }),
    ).toBeUndefined();
  });

  it('recognizes product keys, whatever the separators', () => {
    expect(hasProductKey(KEY)).toBe(true);
    expect(hasProductKey('NPPR9\u2014FWDCX\u2212D2C8J\uFF0DH872K 2YT43')).toBe(true);
    expect(hasProductKey('NPPR9 - FWDCX - D2C8J - H872K - 2YT43')).toBe(true);
    expect(hasProductKey('yes')).toBe(false);
    expect(hasProductKey('0xC004F074')).toBe(false);
    expect(hasProductKey('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(false);
    expect(hasProductKey('NPPR9-FWDCX-D2C8J-H872K')).toBe(false);
    // Typed without separators, or with a zero-width space pasted from chat between groups.
    expect(hasProductKey('nppr9fwdcxd2c8jh872k2yt43')).toBe(true);
    expect(hasProductKey('NPPR9\u200B-FWDCX-D2C8J-H872K-2YT43')).toBe(true);
    // Typed on a Russian layout: Cyrillic С and Х among the Latin letters.
    expect(hasProductKey('NPPR9-FWDCX-D2\u04218J-H872K-2YT43')).toBe(true);
    expect(hasProductKey('\u0425PPR9 FWDCX D2C8J H872K 2YT43')).toBe(true);
    // Five words of five letters are prose, not a key.
    expect(hasProductKey('THESE WORDS ARENT QUITE RIGHT')).toBe(false);
  });

  it('takes out the key itself, not the five-letter word before it', async () => {
    const { open } = setup();
    const store = await open();
    const said = 'Enter NPPR9 FWDCX D2C8J H872K 2YT43 and press Next';
    await store.save({
      ...record('w', 1000),
      state: {
        v: 1,
        trail: [
          { flow: 'product-key', node: 'enter', answer: said, at: 990 },
          { flow: 'product-key', node: 'check' },
        ],
      },
    });
    expect((await store.get('w'))?.state.trail[0]?.answer).toBe(`Enter ${KEY_REMOVED} and press Next`);
  });
});

describe('record dates', () => {
  it('refuses a time no Date can hold, in the record and in its steps', () => {
    const good = {
      schema: 2,
      id: 'a',
      flow: 'time-sync',
      state: { v: 1, trail: [{ flow: 'time-sync', node: 'start' }] },
      status: 'active',
      startedAt: 1000,
      updatedAt: 2000,
    };
    expect(validateRecord(good)).toBeDefined();
    expect(validateRecord({ ...good, updatedAt: 1e16 })).toBeUndefined();
    expect(validateRecord({ ...good, startedAt: -1e16 })).toBeUndefined();
    expect(
      validateRecord({
        ...good,
        state: {
          v: 1,
          trail: [
            { flow: 'time-sync', node: 'start', answer: 'both', at: 1e16 },
            { flow: 'time-sync', node: 'utc-both' },
          ],
        },
      }),
    ).toBeUndefined();
  });
});
