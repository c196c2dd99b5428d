/** The current route and history entry state, kept in step with the browser's Back and Forward. */
import { useEffect, useState } from 'preact/hooks';
import { parseHash, toHash } from '../router.ts';
import type { Route } from '../router.ts';

export interface Location {
  route: Route;
  state: unknown;
  /** Changes on every navigation, so screens can react to a new history entry at the same URL. */
  key: number;
}

let counter = 0;
const listeners = new Set<() => void>();
const read = (): Location => ({
  route: parseHash(location.hash),
  state: history.state as unknown,
  key: ++counter,
});
let currentLocation = read();
let lastHash = location.hash;

function notify() {
  // One navigation can fire both popstate and hashchange: count it once.
  if (location.hash === lastHash && history.state === currentLocation.state) return;
  currentLocation = read();
  lastHash = location.hash;
  for (const l of listeners) l();
}
addEventListener('popstate', notify);
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
  currentLocation = { ...currentLocation, state };
}

/** Subscribes a component to the location. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const on = () => setLoc(currentLocation);
    listeners.add(on);
    on();
    return () => void listeners.delete(on);
  }, []);
  return loc;
}
