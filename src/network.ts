/** Whether the network is really there: navigator.onLine, checked by a tiny request that no cache answers. */
import { observable } from './observable.ts';

async function probe(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    // A query string the service worker never precached goes to the network; no-store skips the HTTP cache.
    const res = await fetch(`${import.meta.env.BASE_URL}manifest.webmanifest?online=${Date.now()}`, {
      method: 'HEAD',
      cache: 'no-store',
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** True while online; checked while anyone watches, on online/offline events and on focus. */
export const online = observable(navigator.onLine, (set) => {
  let live = true;
  const check = () => void probe().then((ok) => live && set(ok));
  const offline = () => set(false);
  // In a task of its own: the first watcher subscribes among the effects that follow the app's start.
  const first = setTimeout(check);
  addEventListener('online', check);
  addEventListener('offline', offline);
  addEventListener('focus', check);
  return () => {
    live = false;
    clearTimeout(first);
    removeEventListener('online', check);
    removeEventListener('offline', offline);
    removeEventListener('focus', check);
  };
});
