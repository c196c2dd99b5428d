/**
 * The browser's history as the app sees it: the current location (an observable), and navigation that
 * adds or replaces entries. Every entry can carry state, which is how a flow step survives a reload.
 */
import { observable } from './observable.ts';
import { entryOf } from './session/entry.ts';
import type { SessionRecord } from './session/record.ts';
import { parseHash, toHash } from './router.ts';
import type { Route } from './router.ts';
import { hasProductKey, stripKeys, stripKeysDeep } from './redact/key-in-text.ts';
import { handOverKeysIn } from './tools/key-handoff.ts';

export interface Location {
  route: Route;
  /** The state the history entry carries (an entry of a flow step, or null). */
  state: unknown;
  /** Changes on every navigation, so screens can react to a new history entry at the same URL. */
  key: number;
}

let counter = 0;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Takes a product key out of the address (typed, pasted or opened from a link) and out of the entry's state
 * before anything reads them: history, synced tabs and screenshots keep both. A key in a code's link is handed
 * to the key checker in memory, and the entry becomes the code's page without it (or the key checker).
 */
function cleanAddress(): void {
  const route = parseHash(location.hash);
  const state: unknown = history.state;
  if (route.name === 'code') {
    if (!hasProductKey(route.query)) return;
    // The key goes to the key checker in memory; the code's page shows what else the link held, if anything.
    const { rest } = handOverKeysIn(route.query);
    const to: Route = rest ? { name: 'code', query: rest } : { name: 'tool', tool: 'key' };
    history.replaceState(stripKeysDeep(state), '', toHash(to));
    return;
  }
  const cleanState = stripKeysDeep(state);
  const path = decoded(location.hash);
  if (!hasProductKey(path) && cleanState === state) return;
  const hash =
    route.name === 'not-found' ? `#/${stripKeys(decoded(route.path))}` : toHash(stripKeysDeep(route));
  history.replaceState(cleanState, '', hash);
}

const read = (): Location => ({
  route: parseHash(location.hash),
  state: history.state as unknown,
  key: ++counter,
});
cleanAddress();
let lastHash = location.hash;

/** Where the browser is now; changes on every navigation, Back and Forward included. */
export const currentLocation = observable<Location>(read());

function notify() {
  // One navigation can fire both popstate and hashchange: count it once.
  if (location.hash === lastHash && history.state === currentLocation.get().state) return;
  cleanAddress();
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
  // No product key goes into an address or a history entry, whatever the route or the state holds.
  const url = toHash(stripKeysDeep(route));
  state = stripKeysDeep(state);
  if (replace) history.replaceState(state, '', url);
  else history.pushState(state, '', url);
  lastHash = ''; // always a new location, even to the same hash
  notify();
}

/** Replaces the state of the current history entry without a new navigation event. */
export function replaceEntryState(state: unknown): void {
  state = stripKeysDeep(state);
  history.replaceState(state, '', location.hash || '#/');
  currentLocation.set({ ...currentLocation.get(), state });
}

/** Opens a saved session at its current step. */
export function resumeSession(record: SessionRecord): void {
  const last = record.state.trail[record.state.trail.length - 1]!;
  navigate({ name: 'flow', flow: last.flow, node: last.node }, entryOf(record));
}
