/**
 * What this tab knows of saved sessions: the revision of each it last saved or opened, and the copies it
 * made when another tab changed a session under it. Kept in sessionStorage, which is per tab and survives
 * a reload (a duplicated tab gets a copy, so the first of the two to save wins and the other makes a copy).
 */

/** This tab's memory of sessions, as the session runner needs it. */
export interface TabMemory {
  /** The revision of the session this tab last saved or opened; 0 when it has none. */
  revision(id: string): number;
  setRevision(id: string, rev: number): void;
  /** The id this tab's steps of a session moved to after a conflict, if any. */
  movedTo(id: string): string | undefined;
  /** Records a move; without `to`, forgets it (the user opened the session itself again). */
  move(from: string, to?: string): void;
}

interface Saved {
  revs: Record<string, number>;
  moved: Record<string, string>;
}

const KEY = 'afg.tab';

/** A tab memory in `storage` (sessionStorage in the app), or in memory alone where that cannot be used. */
export function createTabMemory(storage?: Pick<Storage, 'getItem' | 'setItem'>): TabMemory {
  // Null-prototype maps: an id such as "__proto__" is a plain key here.
  const map = <T>(from?: Record<string, T>): Record<string, T> => Object.assign(Object.create(null), from);
  let saved: Saved = { revs: map(), moved: map() };
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (typeof raw === 'object' && raw !== null) {
      const { revs, moved } = raw as Partial<Saved>;
      saved = { revs: map(revs), moved: map(moved) };
    }
  } catch {
    // unreadable: start afresh
  }
  const write = () => {
    try {
      storage?.setItem(KEY, JSON.stringify(saved));
    } catch {
      // full or disabled: this page load still remembers
    }
  };
  return {
    revision: (id) => {
      const rev = Object.hasOwn(saved.revs, id) ? saved.revs[id] : undefined;
      return typeof rev === 'number' && Number.isSafeInteger(rev) && rev >= 0 ? rev : 0;
    },
    setRevision: (id, rev) => {
      saved.revs[id] = rev;
      write();
    },
    movedTo: (id) => {
      const to = Object.hasOwn(saved.moved, id) ? saved.moved[id] : undefined;
      return typeof to === 'string' ? to : undefined;
    },
    move: (from, to) => {
      if (to === undefined) delete saved.moved[from];
      else saved.moved[from] = to;
      write();
    },
  };
}
