/** Service worker registration (workbox-window through vite-plugin-pwa) and the state the prompts show. */
import { registerSW } from 'virtual:pwa-register';
import { currentLocation } from '../navigation.ts';
import { observable } from '../observable.ts';
import { flushSaves } from '../storage/index.ts';
import { outdated } from './stale.ts';

export interface PwaState {
  needRefresh: boolean;
  offlineReady: boolean;
  /** Files of the offline copy that are gone and could not be fetched back (0 when offline use is ready). */
  offlineMissing: number;
  /** The offline copy was incomplete and has just been restored. */
  offlineRestored: boolean;
}

const UPDATE_CHECK_MS = 30 * 60 * 1000;
let update: ((reload?: boolean) => Promise<void>) | undefined;
// This tab asked for the update (Reload): its own reload follows; any other tab's page is left outdated.
let applying = false;

/** What the update and offline prompts show. */
export const pwaState = observable<PwaState>({
  needRefresh: false,
  offlineReady: false,
  offlineMissing: 0,
  offlineRestored: false,
});
const set = (next: Partial<PwaState>) => pwaState.update((s) => ({ ...s, ...next }));

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
      // Asked even when the browser still says offline: an 'online' event can come before navigator.onLine
      // turns true, and a check without a network fails harmlessly.
      const check = () => void registration.update().catch(() => undefined);
      setInterval(check, UPDATE_CHECK_MS);
      addEventListener('focus', check);
      addEventListener('online', check);
      // The offline copy can be cleared behind the app's back (site data, storage pressure): check it now,
      // and whenever the network comes or goes; with the network, the worker fetches back what is gone.
      void checkOffline();
      addEventListener('online', () => void checkOffline());
      // Losing the network is when an incomplete copy matters: say so then.
      addEventListener('offline', () => void checkOffline());
    },
  });
}

interface OfflineReport {
  type: 'OFFLINE_STATUS';
  missing: number;
  restored: number;
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

/** Hides a prompt without acting on it. */
export function dismissPwa(which: 'needRefresh' | 'offlineReady' | 'offlineRestored'): void {
  set({ [which]: false });
}

type InstallEvent = Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: string }> };
let installEvent: InstallEvent | undefined;

/** Whether the browser offers installation now. */
export const installable = observable(false);

addEventListener('beforeinstallprompt', (e) => {
  e.preventDefault(); // show our own Install button instead of the browser's mini-infobar
  installEvent = e as InstallEvent;
  installable.set(true);
});
addEventListener('appinstalled', () => {
  installEvent = undefined;
  installable.set(false);
});

/** Shows the browser's install dialog. */
export async function promptInstall(): Promise<void> {
  const e = installEvent;
  if (!e) return;
  installEvent = undefined;
  await e.prompt();
  installable.set(false);
}
