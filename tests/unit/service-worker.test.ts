/**
 * The service worker's navigation route, from its source with Workbox's precaching faked: it answers the
 * app's own pages with the app shell and leaves every other page of the origin to the network.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Routing from 'workbox-routing';
import type { NavigationRoute } from 'workbox-routing';

const routes: unknown[] = [];
vi.mock('workbox-core', () => ({ clientsClaim: () => undefined }));
vi.mock('workbox-precaching', () => ({
  PrecacheController: class {
    precache() {}
    createHandlerBoundToURL() {
      return () => new Response('shell');
    }
  },
  PrecacheRoute: class {},
  cleanupOutdatedCaches: () => undefined,
}));
vi.mock('workbox-routing', async (real) => ({
  ...(await real<typeof Routing>()),
  registerRoute: (route: unknown) => void routes.push(route),
}));
afterAll(() => vi.unstubAllGlobals());

/** The navigation route the worker registers when its scope is `scope`. */
async function navigationRoute(scope: string): Promise<NavigationRoute> {
  routes.length = 0;
  vi.resetModules();
  vi.stubGlobal('self', {
    __WB_MANIFEST: [],
    registration: { scope },
    addEventListener: () => undefined,
  });
  const { NavigationRoute: Route } = await import('workbox-routing');
  await import('../../src/pwa/sw.ts');
  const route = routes.find((r) => r instanceof Route);
  expect(route).toBeDefined();
  return route as NavigationRoute;
}

const navigates = (route: NavigationRoute, url: string) =>
  !!route.match({
    url: new URL(url),
    request: { mode: 'navigate' } as Request,
    sameOrigin: true,
  } as Parameters<NavigationRoute['match']>[0]);

describe('the service worker', () => {
  it('answers the app shell for its own pages only, at the root of an origin', async () => {
    const route = await navigationRoute('https://tools.example.com/');
    for (const own of ['/', '/index.html', '/?source=pwa', '/#/code/0xC004F074'])
      expect(navigates(route, `https://tools.example.com${own}`), own).toBe(true);
    for (const other of ['/wiki/', '/other-app/index.html', '/admin', '/index.html/x'])
      expect(navigates(route, `https://tools.example.com${other}`), other).toBe(false);
  });

  it('answers only under its own path when built under one', async () => {
    const route = await navigationRoute('https://example.com/guide/');
    expect(navigates(route, 'https://example.com/guide/')).toBe(true);
    expect(navigates(route, 'https://example.com/guide/index.html')).toBe(true);
    expect(navigates(route, 'https://example.com/guide/other')).toBe(false);
    expect(navigates(route, 'https://example.com/')).toBe(false);
  });
});
