/// <reference types="vitest/config" />
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { checkAll, formatProblem } from './src/engine/check.ts';
import { readFlowDir } from './src/cli/read-flow-dir.ts';

const ROOT = import.meta.dirname;
const FLOWS_DIR = process.env.FLOWS_DIR ?? join(ROOT, 'flows');

/** Fails the build when any flow or the catalog has a problem: a broken flow never ships. */
function flowsCheck(): Plugin {
  return {
    name: 'flows-check',
    apply: 'build', // tests run the same checks themselves and report them one by one
    buildStart() {
      const { flows, catalog, sources, organization } = readFlowDir(FLOWS_DIR, ROOT);
      const problems = checkAll(flows, catalog, sources, organization).problems.map(formatProblem);
      if (problems.length) this.error(`flow check failed:\n${problems.join('\n')}`);
    },
  };
}

/** The Content Security Policy of the built page: this origin only, no inline script, no eval. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build', // the dev server injects inline styles for hot reload
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  base: process.env.BASE_PATH ?? '/',
  resolve: { alias: { '@flows': FLOWS_DIR } },
  define: {
    __APP_VERSION__: JSON.stringify(process.env.APP_VERSION ?? process.env.npm_package_version ?? 'dev'),
  },
  build: {
    outDir: process.env.OUT_DIR ?? '../dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Flows and languages get recognizable names, so the precache check can find each one.
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (/[\\/]flows[\\/][^\\/]+\.json$/.test(id)) return 'assets/flows/[name]-[hash].js';
          if (/[\\/]locales[\\/]/.test(id)) return 'assets/locales/[name]-[hash].js';
          return 'assets/[name]-[hash].js';
        },
      },
    },
  },
  plugins: [
    flowsCheck(),
    preact(),
    csp(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already precaches every icon; listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Activation Field Guide',
        short_name: 'Activation',
        description:
          'Step-by-step troubleshooting of Windows activation errors (KMS, MAK, retail, OEM), offline, in English and Russian.',
        lang: 'en',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b57b7',
        background_color: '#f6f7f9',
        categories: ['utilities', 'productivity'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      // Our own worker (src/sw.ts): Workbox precaching plus a check that refills a cleared cache.
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectManifest: {
        // The plugin adds the web manifest itself.
        globPatterns: ['**/*.{js,css,html,png,svg}'],
      },
    }),
  ],
  test: {
    root: ROOT,
    include: ['tests/unit/**/*.test.ts', 'tests/flows/**/*.test.ts'],
    environment: 'node',
  },
});
