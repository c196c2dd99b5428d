/** Service worker registration (workbox-window through vite-plugin-pwa) and the state the prompts show. */
import { registerSW } from 'virtual:pwa-register';
import { observable } from '../observable.ts';
import { flushSaves } from '../storage/index.ts';

export interface PwaState {
  needRefresh: boolean;
  offlineReady: boolean;
}

const UPDATE_CHECK_MS = 30 * 60 * 1000;
let update: ((reload?: boolean) => Promise<void>) | undefined;

/** What the update and offline prompts show. */
export const pwaState = observable<PwaState>({ needRefresh: false, offlineReady: false });
const set = (next: Partial<PwaState>) => pwaState.update((s) => ({ ...s, ...next }));

/** Registers the service worker; the browser then checks for updates periodically and on focus. */
export function startPwa(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      };
      setInterval(check, UPDATE_CHECK_MS);
      addEventListener('focus', check);
      addEventListener('online', check);
    },
  });
}

/** Applies the waiting version: saves the session in progress first, then reloads into the new version. */
export async function applyUpdate(): Promise<void> {
  // Every step is also in the page's history entry, so a save that takes too long cannot cost the step.
  await Promise.race([flushSaves(), new Promise((r) => setTimeout(r, 1500))]);
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

/** Hides a prompt without acting on it. */
export function dismissPwa(which: keyof PwaState): void {
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
