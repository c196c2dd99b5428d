/**
 * What the update, offline and install prompts show: plain state on the first screen, filled in by the
 * service worker code (register.ts) that loads after the first paint.
 */
import { observable } from '../observable.ts';

export interface PwaState {
  needRefresh: boolean;
  offlineReady: boolean;
  /** Files of the offline copy that are gone and could not be fetched back (0 when offline use is ready). */
  offlineMissing: number;
  /** The offline copy was incomplete and has just been restored. */
  offlineRestored: boolean;
}

/** What the update and offline prompts show. */
export const pwaState = observable<PwaState>({
  needRefresh: false,
  offlineReady: false,
  offlineMissing: 0,
  offlineRestored: false,
});
/** Changes part of the prompts' state. */
export const setPwa = (next: Partial<PwaState>) => pwaState.update((s) => ({ ...s, ...next }));

/** Hides a prompt without acting on it. */
export function dismissPwa(which: 'needRefresh' | 'offlineReady' | 'offlineRestored'): void {
  setPwa({ [which]: false });
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
