/** Byte budgets of the built app: first load, precache, each flow chunk and each language. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { APP_MODULES } from '../../src/first-screen/markers.ts';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FileSize extends Sizes {
  file: string;
}

export interface ByteReport {
  initial: { js: Sizes; css: Sizes; files: FileSize[] };
  precache: { raw: number; gzip: number; count: number; missing: string[] };
  flows: Record<string, FileSize>;
  languages: Record<string, Sizes & { files: string[]; note: string }>;
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of some bytes. */
export function sizes(data: Buffer | string): Sizes {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (xs: Sizes[]): Sizes => ({
  raw: xs.reduce((a, x) => a + x.raw, 0),
  gzip: xs.reduce((a, x) => a + x.gzip, 0),
  brotli: xs.reduce((a, x) => a + x.brotli, 0),
});

/** The path of a URL from index.html or sw.js relative to the build folder: no origin, leading ./ or /, query. */
export function assetPath(url: string): string {
  return url.replace(/^(?:https?:\/\/[^/]+)?\.?\/?/, '').replace(/[?#].*$/, '');
}

/** The local path of a URL from index.html or sw.js. */
function local(dist: string, url: string): string {
  return join(dist, assetPath(url));
}

/**
 * The script, module preload and stylesheet URLs index.html loads at the start, and the modules a page with
 * a prerendered first screen lists in <meta name="app-modules"> for its boot script to load after that paint.
 */
export function initialAssets(html: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  const modules = new RegExp(`<meta\\s+name=["']${APP_MODULES}["']\\s+content=["']([^"']+)["']`, 'i').exec(
    html,
  )?.[1];
  if (modules) js.push(...modules.split(/\s+/).filter(Boolean));
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag) && attr('src')) js.push(attr('src')!);
    else if (/^<link/i.test(tag)) {
      const rel = attr('rel') ?? '';
      if (/\bmodulepreload\b/i.test(rel) && attr('href')) js.push(attr('href')!);
      if (/\bstylesheet\b/i.test(rel) && attr('href')) css.push(attr('href')!);
    }
  }
  return { js, css };
}

/** The URLs the service worker precaches, read from its precache manifest. */
export function precacheUrls(sw: string): string[] {
  // Entries as object literals (url: "…") or as JSON ("url": "…"), as the minifier leaves them.
  return [...new Set([...sw.matchAll(/(?:\burl|"url")\s*:\s*["']([^"']+)["']/g)].map((m) => m[1]!))];
}

/** The files (paths relative to `dist`) the built index.html loads at the start, as initialAssets finds them. */
export function initialFiles(dist: string): { js: string[]; css: string[] } {
  const { js, css } = initialAssets(readFileSync(join(dist, 'index.html'), 'utf8'));
  return { js: js.map(assetPath), css: css.map(assetPath) };
}

/** The URLs the built service worker of `dist` precaches. */
export function precached(dist: string): string[] {
  return precacheUrls(readFileSync(join(dist, 'sw.js'), 'utf8'));
}

/** The bytes index.html loads at the start: entry script, module preloads (or its listed app modules), stylesheets. */
export function initialBytes(dist: string): ByteReport['initial'] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const { js, css } = initialAssets(html);
  const fileSize = (url: string): FileSize => ({ file: url, ...sizes(readFileSync(local(dist, url))) });
  const jsFiles = js.map(fileSize);
  const cssFiles = css.map(fileSize);
  return { js: sum(jsFiles), css: sum(cssFiles), files: [...jsFiles, ...cssFiles] };
}

/** The raw and gzip bytes of every URL the service worker of `dist` precaches. */
export function precacheBytes(dist: string): ByteReport['precache'] {
  const urls = precached(dist);
  const missing: string[] = [];
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const path = local(dist, url);
    if (!existsSync(path)) {
      missing.push(url);
      continue;
    }
    const buf = readFileSync(path);
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip, count: urls.length, missing };
}

/** Measures every byte budget of the app built into `dist`; `repo` is read for the English strings. */
export function measureBytes(dist: string, repo: string): ByteReport {
  const flows: Record<string, FileSize> = {};
  const flowDir = join(dist, 'assets', 'flows');
  if (existsSync(flowDir))
    for (const name of readdirSync(flowDir)
      .filter((n) => n.endsWith('.js'))
      .sort()) {
      const id = name.replace(/-[A-Za-z0-9_-]{8}\.js$/, '');
      flows[id] = { file: `assets/flows/${name}`, ...sizes(readFileSync(join(flowDir, name))) };
    }

  const languages: ByteReport['languages'] = {};
  const enDir = join(repo, 'src', 'locales', 'en');
  if (existsSync(enDir)) {
    const files = readdirSync(enDir)
      .filter((n) => n.endsWith('.json'))
      .sort();
    // Minified as the bundler inlines them into the entry chunk.
    const parts = files.map((n) => sizes(JSON.stringify(JSON.parse(readFileSync(join(enDir, n), 'utf8')))));
    languages.en = {
      ...sum(parts),
      files: files.map((n) => `src/locales/en/${n}`),
      note: 'inside the entry chunk; sum of each JSON file minified',
    };
  }
  const locDir = join(dist, 'assets', 'locales');
  if (existsSync(locDir)) {
    const files = readdirSync(locDir)
      .filter((n) => n.endsWith('.js'))
      .sort();
    languages.ru = {
      ...sum(files.map((n) => sizes(readFileSync(join(locDir, n))))),
      files: files.map((n) => `assets/locales/${n}`),
      note: 'lazy chunk(s) in assets/locales',
    };
  }

  return {
    initial: initialBytes(dist),
    precache: precacheBytes(dist),
    flows,
    languages,
  };
}
