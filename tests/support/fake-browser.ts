/**
 * What the session runner needs of a browser, faked for Node: a history that behaves like the browser's
 * (Back and Forward arrive later, as popstate does) and flows loaded as the app loads its chunks.
 */
import { linkedFlows } from '../../src/flow/engine.ts';
import type { FlowMap } from '../../src/flow/engine.ts';
import type { Flow } from '../../src/flow-format/schema.ts';
import type { Route } from '../../src/router.ts';
import type { EntryState } from '../../src/session/entry.ts';
import type { FlowSource, HistoryPort } from '../../src/session/runner.ts';
import { loadChecked } from './flows.ts';

const { flows: ALL } = loadChecked('valid');

// Event-loop turns settle() lets pass. Everything it waits for (promises, fake IndexedDB's requests, Back and
// Forward) is scheduled with setImmediate or as a microtask, never on the clock, so the same number of turns
// does the same work on an idle machine and on a loaded one. Two turns are enough today; 100 leave room.
const TURNS = 100;

/** Lets pending work run (Back and Forward, lazy flows, saves) by a fixed number of event-loop turns, not by time. */
export async function settle(): Promise<void> {
  for (let i = 0; i < TURNS; i++) await new Promise<void>((r) => setImmediate(r));
}

export interface Entry {
  route: Route;
  state: unknown;
}

/** A browser history: entries with state; go and setState tell at once, Back and Forward a moment later. */
export class FakeHistory implements HistoryPort {
  entries: Entry[];
  index = 0;
  private listeners = new Set<() => void>();
  constructor(first: Entry) {
    this.entries = [first];
  }
  current = () => this.entries[this.index]!;
  go = (route: Route, state: EntryState, replace: boolean) => {
    const entry = { route, state: structuredClone(state) };
    if (replace) this.entries[this.index] = entry;
    else {
      this.entries = [...this.entries.slice(0, this.index + 1), entry];
      this.index++;
    }
    this.tell();
  };
  setState = (state: EntryState) => {
    this.entries[this.index] = { ...this.current(), state: structuredClone(state) };
    this.tell();
  };
  back = () => this.move(-1);
  forward = () => this.move(1);
  /** A link clicked in the page: a new entry with no state, told at once. */
  visit = (route: Route) => {
    this.entries = [...this.entries.slice(0, this.index + 1), { route, state: null }];
    this.index++;
    this.tell();
  };
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  private move(by: number) {
    const to = this.index + by;
    if (to < 0 || to >= this.entries.length) return;
    // As popstate, later than the call; on a turn of the event loop rather than the clock (see settle).
    setImmediate(() => {
      this.index = to;
      this.tell();
    });
  }
  private tell() {
    for (const l of [...this.listeners]) l();
  }
}

/** Flows as the app loads them: the asked ones and those they link to; `gone` ones do not exist. */
export function flowSource(all: FlowMap = ALL, opts: { unreachable?: boolean; gone?: string[] } = {}) {
  const loads: string[][] = [];
  const source: FlowSource = {
    async load(ids) {
      loads.push([...ids]);
      await Promise.resolve();
      if (opts.unreachable) return {};
      const out: Record<string, Flow> = {};
      for (const id of ids) {
        const flow = Object.hasOwn(all, id) ? all[id] : undefined;
        if (!flow || opts.gone?.includes(id)) continue;
        out[id] = flow;
        for (const l of linkedFlows(flow)) if (all[l] && !opts.gone?.includes(l)) out[l] = all[l];
      }
      return out;
    },
    async exists(id) {
      if (opts.unreachable) return 'unknown';
      return Object.hasOwn(all, id) && !opts.gone?.includes(id);
    },
  };
  return { source, loads };
}
