/**
 * The service worker: Workbox precaching of the whole build (the list is injected at build time), the
 * app shell for every navigation to the app's own pages, an update only when the page asks (Reload), and a check that puts back
 * any precached file the browser or the user removed, so offline use does not stay broken until the next
 * deploy.
 */
import { clientsClaim } from 'workbox-core';
import { PrecacheController, PrecacheRoute, cleanupOutdatedCaches } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OCR_CACHE, OCR_DIR } from '../photo/files.ts';
import { fetchOcrFiles } from '../photo/fetch-files.ts';
import type { OcrState } from '../photo/fetch-files.ts';
import type { OcrMessage, OfflineReport } from './messages.ts';

// The worker's global scope (tsconfig.sw.json gives this file the WebWorker library, not the DOM's);
// workbox-precaching adds the precache list the build injects.
declare const self: ServiceWorkerGlobalScope;

const controller = new PrecacheController();
// Written out in full: the build replaces `self.__WB_MANIFEST` with the list of files.
controller.precache(self.__WB_MANIFEST);
registerRoute(new PrecacheRoute(controller));
cleanupOutdatedCaches();
// The first visit's page is controlled at once, so its lazy chunks work offline too.
clientsClaim();
// Only the app's own pages get the app shell: the scope's root and index.html (its screens are # routes).
// Anything else on the origin (another app, when this one is built at the root) goes to the network.
const root = new URL(self.registration.scope).pathname;
registerRoute(
  new NavigationRoute(controller.createHandlerBoundToURL('index.html'), {
    allowlist: [new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:index\\.html)?(?:\\?.*)?$`)],
  }),
);

// The photo reader's files are not precached (several megabytes): the page fetches them into a cache of
// their own once the app is installed. Answered from there, offline too; from the network until then.
const ocrPath = `${root}${OCR_DIR}`;
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(ocrPath),
  async ({ request }) =>
    (await (await caches.open(OCR_CACHE)).match(request, { ignoreSearch: true })) ?? fetch(request),
);
// A new version of the recognizer is a new cache: the old one goes.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('afg-ocr-') && k !== OCR_CACHE).map((k) => caches.delete(k)),
        ),
      ),
  );
});

/** Finds precached files that are gone and, where the network allows, fetches them back. */
async function checkOffline(): Promise<OfflineReport> {
  const cache = await caches.open(controller.strategy.cacheName);
  const gone: [string, string][] = [];
  for (const [url, key] of controller.getURLsToCacheKeys())
    if (!(await cache.match(key))) gone.push([url, key]);
  let restored = 0;
  // Files named by their content hash first: if the server no longer has one, it holds a newer version,
  // and the files without a hash in their name (index.html) would be that version's, so they are left to
  // the update, which precaches everything afresh.
  const revisioned = (key: string) => key.includes('__WB_REVISION__');
  gone.sort(([, a], [, b]) => Number(revisioned(a)) - Number(revisioned(b)));
  let sameVersion = true;
  for (const [url, key] of gone) {
    if (revisioned(key) && !sameVersion) continue;
    try {
      const response = await fetch(url, { cache: 'reload' });
      if (!response.ok) {
        if (!revisioned(key)) sameVersion = false;
        continue;
      }
      await cache.put(key, response);
      restored++;
    } catch {
      // offline: it stays missing, and the page says so
    }
  }
  return {
    type: 'OFFLINE_STATUS',
    total: controller.getURLsToCacheKeys().size,
    missing: gone.length - restored,
    restored,
  };
}

let ocrRun: Promise<void> | undefined;
/** Tells every page of the app how getting the photo reader ready goes. */
async function tellOcr(state: OcrState): Promise<void> {
  const message: OcrMessage = { type: 'OCR_STATE', state };
  for (const client of await self.clients.matchAll({ includeUncontrolled: true }))
    client.postMessage(message);
}

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  // The page asks once the app is installed, and again where photos are read: one download at a time.
  else if (type === 'OCR_PREPARE') {
    ocrRun ??= fetchOcrFiles(self.registration.scope, (state) => void tellOcr(state)).finally(() => {
      ocrRun = undefined;
    });
    event.waitUntil(ocrRun);
  } else if (type === 'CHECK_OFFLINE')
    event.waitUntil(checkOffline().then((report) => event.ports[0]?.postMessage(report)));
});
