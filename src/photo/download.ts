/**
 * Where the photo reader stands, for the screens: an observable of the state of its files. The service
 * worker fetches them once the app is installed and says how it goes; where no worker is in charge (the
 * first moments of a first visit, a browser without one), the page fetches them itself.
 */
import { observable } from '../observable.ts';
import type { OcrMessage } from '../pwa/messages.ts';
import { fetchOcrFiles } from './fetch-files.ts';
import type { OcrState } from './fetch-files.ts';

export type { OcrState } from './fetch-files.ts';

/** Where the photo reader stands. */
export const ocrState = observable<OcrState>({ kind: 'idle' });

let listening = false;
let running: Promise<void> | undefined;

/**
 * Gets the files ready offline, or says what stands in the way: through the service worker in charge,
 * else in this page. Safe to call again (Retry, a second screen): one download runs at a time.
 */
export function prepareOffline(base: string = document.baseURI): void {
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (worker) {
    if (!listening) {
      listening = true;
      navigator.serviceWorker.addEventListener('message', (e: MessageEvent<OcrMessage | undefined>) => {
        if (e.data?.type === 'OCR_STATE') ocrState.set(e.data.state);
      });
    }
    worker.postMessage({ type: 'OCR_PREPARE' });
    return;
  }
  running ??= fetchOcrFiles(base, ocrState.set).finally(() => {
    running = undefined;
  });
}
