/**
 * A page left on an old version: another tab put a newer service worker in charge, whose precache no
 * longer holds this page's lazy chunks. Such a page reloads into the new version at its next change of
 * screen (every step is in its history entry, so the session is kept), or when a chunk it needs is gone.
 */
import { observable } from '../observable.ts';

/** True once a newer version controls this page while it still runs the old code. */
export const outdated = observable(false);

const KEY = 'afg.reloaded';
// Two reloads of the same address within this time would be a loop: the second one is not made.
const LOOP_MS = 30_000;

/** Reloads the page to fetch code it cannot find, unless it just did so for this address; true when reloading. */
export function reloadForMissingCode(): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  try {
    const last = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { href?: unknown; at?: unknown } | null;
    if (last?.href === location.href && typeof last.at === 'number' && Date.now() - last.at < LOOP_MS)
      return false;
    sessionStorage.setItem(KEY, JSON.stringify({ href: location.href, at: Date.now() }));
  } catch {
    // no sessionStorage: reload only when another tab has updated, so a plain failure cannot loop
    if (!outdated.get()) return false;
  }
  location.reload();
  return true;
}
