/**
 * Service worker registration (workbox-window through vite-plugin-pwa), updates and the offline-copy check.
 * Loaded after the first paint; the prompts read their state from state.ts.
 */
import { registerSW } from 'virtual:pwa-register';
import { currentLocation } from '../navigation.ts';
import { flushSaves } from '../storage/index.ts';
import { pwaState, setPwa as set } from './state.ts';
import { outdated } from './stale.ts';
import type { OfflineReport } from './messages.ts';

const UPDATE_CHECK_MS = 30 * 60 * 1000;
const RETRY_MS = 3000;
let update: ((reload?: boolean) => Promise<void>) | undefined;
// This tab asked for the update (Reload): its own reload follows; any other tab's page is left outdated.
let applying = false;

/**
 * Says "New version available" whenever a new worker waits, however its update began. workbox-window stops
 * following updates after the first one it did not start itself (an install that failed offline, say), so
 * a later version would otherwise wait unannounced until the next reload.
 */
function watchForWaiting(registration: ServiceWorkerRegistration): void {
  const announce = () => {
    if (registration.waiting && navigator.serviceWorker.controller && !applying && !outdated.get())
      set({ needRefresh: true });
  };
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') announce();
    });
  });
  announce();
}

/** Registers the service worker; the browser then checks for updates periodically and on focus. */
export function startPwa(): void {
  if (!('serviceWorker' in navigator)) return;
  // Another tab's Reload put a newer worker in charge of this page too: never reload under the user here.
  // The page says so, and moves to the new version at its next change of screen.
  const overtaken = () => {
    if (applying) return;
    outdated.set(true);
    set({ needRefresh: false });
  };
  // The first visit's page is claimed once (same version); any later change of controller is a new version.
  let controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) overtaken();
    controlled = true;
  });
  let screen = currentLocation.get().route.name;
  currentLocation.subscribe(({ route }) => {
    const changed = route.name !== screen;
    screen = route.name;
    if (changed && outdated.get()) void reloadNow();
  });
  update = registerSW({
    immediate: true,
    onNeedReload: overtaken,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      watchForWaiting(registration);
      // Asked even when the browser still says offline: an 'online' event can come before navigator.onLine
      // turns true, and a check without a network fails harmlessly.
      const check = () => void registration.update().catch(() => undefined);
      // A network that has just come back often fails the first request: try once more a little later.
      const checkAgain = () => void registration.update().catch(() => setTimeout(check, RETRY_MS));
      setInterval(check, UPDATE_CHECK_MS);
      addEventListener('focus', check);
      addEventListener('online', checkAgain);
      // The offline copy can be cleared behind the app's back (site data, storage pressure): check it now,
      // and whenever the network comes or goes; with the network, the worker fetches back what is gone.
      void checkOffline();
      addEventListener('online', () => void checkOffline());
      // Losing the network is when an incomplete copy matters: say so then.
      addEventListener('offline', () => void checkOffline());
    },
  });
}

/** Asks the worker in charge whether every file of the offline copy is there (it refills what it can). */
export async function checkOffline(): Promise<void> {
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return;
  const report = await new Promise<OfflineReport | undefined>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<OfflineReport>) => resolve(e.data);
    setTimeout(() => resolve(undefined), 60_000);
    worker.postMessage({ type: 'CHECK_OFFLINE' }, [channel.port2]);
  });
  if (report?.type !== 'OFFLINE_STATUS') return;
  // Installed on the home screen and whole: the worker fetches the photo reader's files next, in the
  // background (in a browser tab, the first paste box opened asks for them).
  if (!report.missing && matchMedia('(display-mode: standalone)').matches)
    worker.postMessage({ type: 'OCR_PREPARE' });
  const before = pwaState.get().offlineMissing;
  set({
    offlineMissing: report.missing,
    offlineRestored: report.missing === 0 && (report.restored > 0 || before > 0),
  });
}

/** Applies the waiting version: saves the session in progress first, then reloads into the new version. */
export async function applyUpdate(): Promise<void> {
  applying = true;
  await settleSaves();
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  // Reload when the new worker takes control. (workbox-window's own reload only fires in a tab that
  // already had a controller when it registered, so a tab opened on the first visit would never reload.)
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration?.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
  else await update?.(false);
  // Should the controller change go unnoticed, reload once the waiting worker is gone (it is active then).
  const poll = setInterval(() => {
    if (!registration?.waiting) {
      clearInterval(poll);
      reload();
    }
  }, 500);
  // A worker that will not take over must not leave the user with a dead button: reload all the same;
  // the step is kept, and the prompt comes back if the new version is still waiting.
  setTimeout(reload, 5000);
}

// Every step is also in the page's history entry, so a save that takes too long cannot cost the step.
const settleSaves = () => Promise.race([flushSaves(), new Promise((r) => setTimeout(r, 1500))]);

/** Reloads into the version now in charge (after another tab updated), once the saves under way are done. */
export async function reloadNow(): Promise<void> {
  applying = true;
  await settleSaves();
  location.reload();
}
