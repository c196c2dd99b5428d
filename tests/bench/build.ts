/** Builds the bench's own pages with Vite's JS API: the blank floor page and the SurveyJS peer. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, loadConfigFromFile, mergeConfig } from 'vite';
import type { PluginOption } from 'vite';
import {
  FLOOR_OUT,
  FLOOR_SRC,
  PEER_OUT,
  PEER_SRC,
  REPO,
  STEP_FLOOR_OUT,
  STEP_FLOOR_SRC,
  VITE_CONFIG,
  WORK,
} from './paths.ts';

// The app's own plugins that write the app into the page: the floor is a blank page, so it goes without them.
const APP_ONLY_PLUGINS = new Set(['prerender']);

/** The plugins of a config, flattened, without those named in `drop`. */
async function pluginsWithout(plugins: PluginOption[], drop: Set<string>): Promise<PluginOption[]> {
  const out: PluginOption[] = [];
  for (const p of plugins) {
    const v = await p;
    if (Array.isArray(v)) out.push(...(await pluginsWithout(v, drop)));
    else if (v && !drop.has(v.name)) out.push(v);
  }
  return out;
}

/**
 * Builds the floor page with the app's vite.config.ts (same plugins and PWA options, less the ones that write
 * the app's own screen into the page), flows check fed an empty folder.
 */
export async function buildFloor(): Promise<void> {
  const emptyFlows = join(WORK, 'floor-flows');
  mkdirSync(emptyFlows, { recursive: true });
  const saved = process.env.FLOWS_DIR;
  process.env.FLOWS_DIR = emptyFlows; // the config reads it when loaded: the floor has no flows to check
  try {
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, VITE_CONFIG);
    if (!loaded) throw new Error(`could not load ${VITE_CONFIG}`);
    const plugins = await pluginsWithout(loaded.config.plugins ?? [], APP_ONLY_PLUGINS);
    // Merged as Vite merges inline options into a config file: the app's build options stay.
    await build(
      mergeConfig(
        { ...loaded.config, plugins },
        {
          configFile: false,
          root: FLOOR_SRC,
          publicDir: join(REPO, 'public'),
          logLevel: 'warn',
          build: { outDir: FLOOR_OUT, emptyOutDir: true },
        },
      ),
    );
  } finally {
    if (saved === undefined) delete process.env.FLOWS_DIR;
    else process.env.FLOWS_DIR = saved;
  }
}

/**
 * Builds the step floor into the floor's folder, after the floor (its worker's precache list is written by
 * then, so the first-paint floor is the same page with or without it): Vite's defaults, no framework.
 */
export async function buildStepFloor(): Promise<void> {
  await build({
    configFile: false,
    root: STEP_FLOOR_SRC,
    base: './',
    logLevel: 'warn',
    build: { outDir: STEP_FLOOR_OUT, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
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
