/** The floor page's service worker: the app's own, so the floor pays what the app pays for it. */
import '../../../../src/pwa/sw.ts';
