/**
 * The browser's history as the app sees it: the current location (an observable), and navigation that
 * adds or replaces entries. Every entry can carry state, which is how a flow step survives a reload.
 */
import { observable } from './observable.ts';
import { entryOf } from './session/entry.ts';
import type { SessionRecord } from './session/record.ts';
import { parseHash, toHash } from './router.ts';
import type { Route } from './router.ts';

export interface Location {
  route: Route;
  /** The state the history entry carries (an entry of a flow step, or null). */
  state: unknown;
  /** Changes on every navigation, so screens can react to a new history entry at the same URL. */
  key: number;
}

let counter = 0;
const read = (): Location => ({
  route: parseHash(location.hash),
  state: history.state as unknown,
  key: ++counter,
});
let lastHash = location.hash;

/** Where the browser is now; changes on every navigation, Back and Forward included. */
export const currentLocation = observable<Location>(read());

function notify() {
  // One navigation can fire both popstate and hashchange: count it once.
  if (location.hash === lastHash && history.state === currentLocation.get().state) return;
  lastHash = location.hash;
  currentLocation.set(read());
}
addEventListener('popstate', notify);
// Each screen places itself (a step at its heading, another screen at its top): the browser putting an
// old scroll position back after Back would leave the earlier step mid-page.
history.scrollRestoration = 'manual';
addEventListener('hashchange', notify);

/** Goes to a route, adding a history entry (or replacing the current one) with an optional state. */
export function navigate(route: Route, state: unknown = null, replace = false): void {
  const url = toHash(route);
  if (replace) history.replaceState(state, '', url);
  else history.pushState(state, '', url);
  lastHash = ''; // always a new location, even to the same hash
  notify();
}

/** Replaces the state of the current history entry without a new navigation event. */
export function replaceEntryState(state: unknown): void {
  history.replaceState(state, '', location.hash || '#/');
  currentLocation.set({ ...currentLocation.get(), state });
}

/** Opens a saved session at its current step. */
export function resumeSession(record: SessionRecord): void {
  const last = record.state.trail[record.state.trail.length - 1]!;
  navigate({ name: 'flow', flow: last.flow, node: last.node }, entryOf(record));
}
