/** Builds the bench's own pages with Vite's JS API: the blank floor page and the SurveyJS peer. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { FLOOR_OUT, FLOOR_SRC, PEER_OUT, PEER_SRC, REPO, VITE_CONFIG, WORK } from './paths.ts';

/** Builds the floor page with the app's vite.config.ts (same plugins and PWA options), flows check fed an empty folder. */
export async function buildFloor(): Promise<void> {
  const emptyFlows = join(WORK, 'floor-flows');
  mkdirSync(emptyFlows, { recursive: true });
  const saved = process.env.FLOWS_DIR;
  process.env.FLOWS_DIR = emptyFlows; // the config reads it when loaded: the floor has no flows to check
  try {
    await build({
      configFile: VITE_CONFIG,
      root: FLOOR_SRC,
      publicDir: join(REPO, 'public'),
      logLevel: 'warn',
      build: { outDir: FLOOR_OUT, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.FLOWS_DIR;
    else process.env.FLOWS_DIR = saved;
  }
}

/** Builds the SurveyJS peer with Vite's defaults (same minifier as the app, no PWA). */
export async function buildPeer(): Promise<void> {
  await build({
    configFile: false,
    root: PEER_SRC,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: PEER_OUT,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 4096,
    },
  });
}
