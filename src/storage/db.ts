/**
 * The IndexedDB database behind saved sessions: its name, its version history and how it is
 * opened and upgraded. Records are checked and converted by the caller (sessions.ts).
 */
import { wrap } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { SessionRecord } from '../session/record.ts';

export const DB_NAME = 'activation-field-guide';
/** 1: one flow's trail per record ({ id, flowId, steps, done, started, code }); 2: SessionRecord + "updatedAt" index. */
export const DB_VERSION = 2;
export const STORE = 'sessions';

export interface SessionsSchema extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { updatedAt: number } };
}

export type SessionsDatabase = IDBPDatabase<SessionsSchema>;
type UpgradeTransaction = IDBPTransaction<SessionsSchema, ['sessions'], 'versionchange'>;

export interface OpenHandlers {
  /** Turns a stored version-1 record into a current one; undefined drops it. Must be synchronous. */
  convert: (raw: unknown) => SessionRecord | undefined;
  /** An older connection in another tab keeps the upgrade from starting. */
  blocked?: () => void;
  /** Another tab wants a newer version; the connection has already been closed to let it. */
  blocking?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  terminated?: () => void;
}

export interface OpenedDatabase {
  db: SessionsDatabase;
  /** Records removed during the upgrade because they could not be converted. */
  dropped: number;
}

/** Opens and upgrades the sessions database on a given factory (idb's openDB only uses the global indexedDB). */
export function openSessionsDb(
  factory: IDBFactory,
  name: string,
  handlers: OpenHandlers,
): Promise<OpenedDatabase> {
  return new Promise((resolve, reject) => {
    let dropped = 0;
    const request = factory.open(name, DB_VERSION);
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as SessionsDatabase;
      const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
      upgrade(db, event.oldVersion, tx, handlers.convert).then(
        (n) => {
          dropped = n;
        },
        () => {
          // A half-done upgrade must not be kept: aborting fails the open, and the old data stays.
          try {
            tx.abort();
          } catch {
            // already finished or aborted
          }
        },
      );
    });
    request.addEventListener('blocked', () => handlers.blocked?.());
    request.addEventListener('error', () => reject(request.error ?? new Error('indexedDB.open failed')));
    request.addEventListener('success', () => {
      const raw = request.result;
      raw.addEventListener('close', () => handlers.terminated?.());
      raw.addEventListener('versionchange', () => {
        raw.close();
        handlers.blocking?.();
      });
      resolve({ db: wrap(raw) as unknown as SessionsDatabase, dropped });
    });
  });
}

/** Version steps, each run once, in order. Only IndexedDB requests are awaited, so the transaction stays open. */
async function upgrade(
  db: SessionsDatabase,
  oldVersion: number,
  tx: UpgradeTransaction,
  convert: OpenHandlers['convert'],
): Promise<number> {
  let dropped = 0;
  if (oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id' });
  if (oldVersion < 2) {
    const store = tx.objectStore(STORE);
    store.createIndex('updatedAt', 'updatedAt');
    if (oldVersion >= 1) {
      let cursor = await store.openCursor();
      while (cursor) {
        const record = convert(cursor.value as unknown);
        if (record) await cursor.update(record);
        else {
          await cursor.delete();
          dropped++;
        }
        cursor = await cursor.continue();
      }
    }
  }
  return dropped;
}
