/** Whether the network is really there: navigator.onLine, checked by a tiny request that no cache answers. */
import { useEffect, useState } from 'preact/hooks';

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

/** Tracks the network: true while online; re-checked on online/offline events and on focus. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    let live = true;
    const check = () => void probe().then((ok) => live && setOnline(ok));
    const offline = () => setOnline(false);
    check();
    addEventListener('online', check);
    addEventListener('offline', offline);
    addEventListener('focus', check);
    return () => {
      live = false;
      removeEventListener('online', check);
      removeEventListener('offline', offline);
      removeEventListener('focus', check);
    };
  }, []);
  return online;
}
