/**
 * Where the photo reader stands, for the screens: an observable of the state of its files. The service
 * worker fetches them into their cache, which it answers from offline, and says how it goes; with no worker
 * in charge there is nothing to keep them for offline, and photos are read from the network.
 */
import { observable } from '../observable.ts';
import type { OcrMessage } from '../pwa/messages.ts';
import type { OcrState } from './fetch-files.ts';

export type { OcrState } from './fetch-files.ts';

/** Where the photo reader stands. */
export const ocrState = observable<OcrState>({ kind: 'idle' });

let listening = false;

/** Asks the service worker in charge to get the files ready offline (again, after a failure: Retry). */
export function prepareOffline(): void {
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (!worker) return;
  if (!listening) {
    listening = true;
    navigator.serviceWorker.addEventListener('message', (e: MessageEvent<OcrMessage | undefined>) => {
      if (e.data?.type === 'OCR_STATE') ocrState.set(e.data.state);
    });
  }
  worker.postMessage({ type: 'OCR_PREPARE' });
}
