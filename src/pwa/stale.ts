/**
 * A page left on an old version: another tab put a newer service worker in charge, whose precache no
 * longer holds this page's lazy chunks. Such a page reloads into the new version at its next change of
 * screen (every step is in its history entry, so the session is kept), or when a chunk it needs is gone.
 */
import { observable } from '../observable.ts';
import { stripKeys } from '../redact/key-in-text.ts';

/** True once a newer version controls this page while it still runs the old code. */
export const outdated = observable(false);

const KEY = 'afg.reloaded';
// Two reloads of the same address within this time would be a loop: the second one is not made.
const LOOP_MS = 30_000;

// WebKit and Firefox fail an import still under way when the page is reloaded or left. That is no sign of
// missing code, and a reload then would cancel where the user was going. The beforeunload listener that
// tells is there only while code loads: Firefox keeps no page that has one for Back.
let loads = 0;
let leaving = false;
const onLeave = () => {
  leaving = true;
  addEventListener('pageshow', () => (leaving = false), { once: true }); // back from the back-forward cache
};

/** Loads code of the app, noting whether the page began to be left meanwhile (see reloadForMissingCode). */
export async function loadingCode<T>(load: () => Promise<T>): Promise<T> {
  if (loads++ === 0) {
    leaving = false; // still here and loading more: whatever began to leave did not
    addEventListener('beforeunload', onLeave);
  }
  try {
    return await load();
  } finally {
    if (--loads === 0) removeEventListener('beforeunload', onLeave);
  }
}

/**
 * Reloads the page to fetch code it cannot find, unless it just did so for this address; true when
 * reloading, or when the page is being left anyway.
 */
export function reloadForMissingCode(): boolean {
  if (leaving) return true;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  try {
    // The address as kept, without a product key it may carry (a code's page hands one over only once it runs).
    let href = location.href;
    try {
      href = decodeURIComponent(href);
    } catch {
      // malformed escapes: compared as they are
    }
    href = stripKeys(href);
    const last = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { href?: unknown; at?: unknown } | null;
    if (last?.href === href && typeof last.at === 'number' && Date.now() - last.at < LOOP_MS) return false;
    sessionStorage.setItem(KEY, JSON.stringify({ href, at: Date.now() }));
  } catch {
    // no sessionStorage: reload only when another tab has updated, so a plain failure cannot loop
    if (!outdated.get()) return false;
  }
  location.reload();
  return true;
}
