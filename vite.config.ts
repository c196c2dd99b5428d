/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { build, createServer, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_ID, APP_MODULES, OTHER_COPY_ID, PRERENDERED } from './src/first-screen/markers.ts';
import type * as PrerenderModule from './src/first-screen/prerender.tsx';
import { checkAll, formatProblem } from './src/flow-format/check.ts';
import { readFlowDir } from './src/cli/read-flow-dir.ts';
import { CSP } from './.config/csp.ts';
import { OCR_DIR, OCR_FILES } from './src/photo/files.ts';

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

const FLOW_TITLES = 'virtual:flow-titles';

/** Every flow's title as a small module of its own: Home lists and finds every flow without loading one. */
function flowTitles(): Plugin {
  return {
    name: 'flow-titles',
    resolveId: (source) => (source === FLOW_TITLES ? `\0${FLOW_TITLES}` : undefined),
    load(id) {
      if (id !== `\0${FLOW_TITLES}`) return undefined;
      const titles: Record<string, unknown> = {};
      for (const file of readFlowDir(FLOWS_DIR, ROOT).flows) {
        this.addWatchFile(join(ROOT, file.path));
        const title = (file.data as { title?: unknown } | undefined)?.title;
        if (title) titles[file.path.replace(/^.*[\\/]|\.json$/g, '')] = title;
      }
      return `export default ${JSON.stringify(titles)};`;
    },
  };
}

const requireFrom = createRequire(import.meta.url);
/** Where a package's file is in node_modules. */
const packageFile = (pkg: string, file: string) =>
  join(dirname(requireFrom.resolve(`${pkg}/package.json`)), file);
// The recognizer's files, served from this origin under ocr/ (never a CDN), and not precached: they are
// fetched once the app is installed, in the background (src/photo/download.ts).
const OCR_SOURCES: Record<string, string> = {
  'worker.min.js': packageFile('tesseract.js', 'dist/worker.min.js'),
  'worker.min.js.LICENSE.txt': packageFile('tesseract.js', 'dist/worker.min.js.LICENSE.txt'),
  'LICENSE-tesseract.js.txt': packageFile('tesseract.js', 'LICENSE.md'),
  'LICENSE-tesseract.js-core.txt': packageFile('tesseract.js-core', 'LICENSE'),
  'eng.traineddata.gz': packageFile('@tesseract.js-data/eng', '4.0.0_best_int/eng.traineddata.gz'),
  ...Object.fromEntries(
    [
      'tesseract-core-lstm.wasm.js',
      'tesseract-core-simd-lstm.wasm.js',
      'tesseract-core-relaxedsimd-lstm.wasm.js',
    ].map((f) => [f, packageFile('tesseract.js-core', f)]),
  ),
};

/** Puts the recognizer's files in the build's ocr/ folder, and serves them from there in development. */
function ocrFiles(): Plugin {
  for (const f of OCR_FILES.map((x) => x.file))
    if (!(f in OCR_SOURCES) && f !== 'rus.traineddata.gz') throw new Error(`no source for ${OCR_DIR}${f}`);
  return {
    name: 'ocr-files',
    generateBundle() {
      for (const [name, from] of Object.entries(OCR_SOURCES))
        this.emitFile({ type: 'asset', fileName: `${OCR_DIR}${name}`, source: readFileSync(from) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(new RegExp(`/${OCR_DIR}([^/?]+)`))?.[1];
        const from = name ? OCR_SOURCES[name] : undefined;
        if (!from) return next();
        res.setHeader('Content-Type', name!.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(from));
      });
    },
  };
}

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

// Browser globals the app's modules read when they load; the prerender gives them a home page's values.
const PRERENDER_GLOBALS: Record<string, unknown> = {
  location: { hash: '', href: 'http://prerender/' },
  history: { state: null },
  navigator: { onLine: true, language: 'en', languages: ['en'] },
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  matchMedia: () => ({ matches: false }),
  // Node has one, and an open channel would keep the build from ever exiting.
  BroadcastChannel: undefined,
};

/**
 * The boot script (src/first-screen/boot.ts) built on its own, as one minified classic script: it runs in
 * <head> before the first paint, so it can be no module, and nothing the app's modules share with it (the
 * language choice, the markers) may become an import.
 */
async function buildBoot(): Promise<string> {
  const [out] = [
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      publicDir: false,
      build: {
        write: false,
        minify: true,
        // The markers and the storage key are written where they are used: fewer bytes than names.
        rolldownOptions: { optimization: { inlineConst: { mode: 'all', pass: 2 } } },
        lib: { entry: join(ROOT, 'src/first-screen/boot.ts'), formats: ['iife'], name: 'boot' },
      },
    }),
  ].flat();
  const chunk = out && 'output' in out ? out.output[0] : undefined;
  if (chunk?.type !== 'chunk') throw new Error('the boot script did not build');
  return chunk.code;
}

/**
 * The page paints from its HTML and CSS alone, so the app's modules need not compete with them for a weak
 * link: their tags become a list that the boot script loads once the first screen has painted.
 */
function deferModules(html: string, boot: string): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
  if (!entry) throw new Error('index.html has no module script to defer');
  const preloads = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
  let out = html;
  for (const p of preloads) out = out.replace(p[0], '');
  const urls = [entry[1], ...preloads.map((p) => p[1])].join(' ');
  // Where the entry was, ahead of the stylesheet: a script after it would wait for it to load.
  return out.replace(
    entry[0],
    `<meta name="${APP_MODULES}" content="${urls}" />\n    <script src="${boot}"></script>`,
  );
}

/**
 * Writes the home screen, in English and in Russian, into the built index.html, so it paints before any
 * script runs, and adds the boot script, which picks the language before that paint; main.tsx hydrates the
 * one shown. Not @preact/preset-vite's prerender option: README.md ("Dependencies, and why") says why.
 */
function prerender(): Plugin {
  let base = '/';
  let bootFile = '';
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    // Named by its content like every other script, so hosts may cache it for good (README, Deploying).
    async buildStart() {
      const source = await buildBoot();
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
      bootFile = `assets/boot-${hash}.js`;
      this.emitFile({ type: 'asset', fileName: bootFile, source });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const saved = new Map<string, PropertyDescriptor | undefined>();
        for (const [name, value] of Object.entries(PRERENDER_GLOBALS)) {
          saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
          Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
        }
        try {
          const server = await createServer({
            configFile: false,
            root: join(ROOT, 'src'),
            logLevel: 'error',
            appType: 'custom',
            server: { middlewareMode: true, hmr: false, watch: null },
            optimizeDeps: { noDiscovery: true, include: [] },
            resolve: { alias: { '@flows': FLOWS_DIR } },
            define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
            // Styles are the build's business, not the markup's.
            plugins: [
              {
                name: 'prerender-no-css',
                enforce: 'pre',
                resolveId: (id) => (id.endsWith('.css') ? '\0no-css' : undefined),
                load: (id) => (id === '\0no-css' ? 'export default {}' : undefined),
              },
            ],
          });
          let pages: Record<'en' | 'ru', string>;
          try {
            const mod = (await server.ssrLoadModule('/first-screen/prerender.tsx')) as typeof PrerenderModule;
            pages = await mod.prerender();
          } finally {
            await server.close();
          }
          const { en, ru } = pages;
          const empty = `<div id="${APP_ID}"></div>`;
          if (!html.includes(empty)) throw new Error(`index.html has no ${empty} to prerender into`);
          const screens =
            `<div id="${APP_ID}" ${PRERENDERED}="en">${en}</div>` +
            `<div id="${OTHER_COPY_ID}" ${PRERENDERED}="ru">${ru}</div>`;
          return deferModules(html, `${base}${bootFile}`).replace(empty, screens);
        } finally {
          for (const [name, d] of saved)
            if (d) Object.defineProperty(globalThis, name, d);
            else delete (globalThis as Record<string, unknown>)[name];
        }
      },
    },
  };
}

const APP_VERSION = process.env.APP_VERSION ?? process.env.npm_package_version ?? 'dev';

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  base: process.env.BASE_PATH ?? '/',
  resolve: { alias: { '@flows': FLOWS_DIR } },
  define: {
    __APP_VERSION__: JSON.stringify(APP_VERSION),
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
    flowTitles(),
    preact(),
    csp(),
    ocrFiles(),
    prerender(),
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
      // Our own worker (src/pwa/sw.ts): Workbox precaching plus a check that refills a cleared cache.
      strategies: 'injectManifest',
      srcDir: 'pwa',
      filename: 'sw.ts',
      injectManifest: {
        // The plugin adds the web manifest itself.
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // Several megabytes the app fetches on its own once installed, with a progress bar and a Retry.
        globIgnores: [`${OCR_DIR}**`],
      },
    }),
  ],
  test: {
    root: ROOT,
    include: ['tests/unit/**/*.test.ts', 'tests/flows/**/*.test.ts'],
    environment: 'node',
  },
});
