import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, ROOT } from '../support/vite-build.ts';

const KB = 1024;
const work = mkdtempSync(join(tmpdir(), 'afg-build-'));

/** The files the first screen loads: the entry script, its static imports (modulepreload) and CSS. */
function initialAssets(dist: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return { js: refs.filter((r) => r.endsWith('.js')), css: refs.filter((r) => r.endsWith('.css')) };
}
const gz = (dist: string, files: string[]) =>
  files.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
const raw = (dist: string, files: string[]) =>
  files.reduce((s, f) => s + readFileSync(join(dist, f)).length, 0);

/** The URLs the service worker precaches. */
function precache(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"?url"?:\s*"([^"]+)"/g)].map((m) => m[1]!);
}

let dist = '';
beforeAll(async () => {
  dist = await buildApp(join(work, 'dist'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the service worker precache', () => {
  it('holds every flow, the catalog and both languages', () => {
    const urls = precache(dist);
    const flows = readdirSync(join(ROOT, 'flows')).filter(
      (f) =>
        f.endsWith('.json') &&
        !f.includes('schema') &&
        f !== 'catalog.json' &&
        f !== 'sources.json' &&
        f !== 'organization.json',
    );
    expect(flows.length).toBeGreaterThan(10);
    for (const f of flows)
      expect(
        urls.some((u) => u.startsWith(`assets/flows/${f.replace('.json', '')}-`)),
        f,
      ).toBe(true);
    expect(urls.some((u) => u.startsWith('assets/flows/catalog-'))).toBe(true);
    // English is in the first chunk; Russian is a chunk of its own, precached all the same.
    const js = urls.filter((u) => u.endsWith('.js')).map((u) => readFileSync(join(dist, u), 'utf8'));
    expect(js.some((s) => s.includes('Start troubleshooting'))).toBe(true);
    expect(js.some((s) => s.includes('Начать диагностику'))).toBe(true);
  });
  it('holds the shell, the icons and the manifest', () => {
    const urls = precache(dist);
    for (const u of [
      'index.html',
      'manifest.webmanifest',
      'icons/icon-192.png',
      'icons/icon-512.png',
      'icons/maskable-512.png',
      'icons/apple-touch-icon.png',
      'icons/icon.svg',
    ])
      expect(urls, u).toContain(u);
  });
});

describe('size budgets (gzip)', () => {
  // 37.4 KB (38,287 bytes) was the first screen before the step screen became a lazy chunk: it may not grow past it.
  it('initial JS is at most 37.4 KB, and the step screen and session runner are not part of it', () => {
    const { js } = initialAssets(dist);
    expect(js.length).toBeGreaterThan(0);
    expect(gz(dist, js)).toBeLessThanOrEqual(38_287);
    const initial = js.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    expect(initial).toContain('Start troubleshooting'); // the English strings are in the first chunk
    expect(initial).not.toContain('step.lookFor'); // the step card arrives with the first flow route
  });
  it('initial CSS is at most 8 KB', () => {
    const { css } = initialAssets(dist);
    expect(css.length).toBeGreaterThan(0);
    expect(gz(dist, css)).toBeLessThanOrEqual(8 * KB);
  });
  it('the whole precache (shell, every flow, both languages, icons) is at most 300 KB', () => {
    const total = precache(dist).reduce((s, u) => s + gzipSync(readFileSync(join(dist, u))).length, 0);
    expect(total).toBeLessThanOrEqual(300 * KB);
  });
});

describe('the first screen does not grow with content', () => {
  it('a large generated flow leaves the initial JS unchanged', async () => {
    const flowsDir = join(work, 'flows');
    cpSync(join(ROOT, 'flows'), flowsDir, { recursive: true });
    const T = (s: string) => ({ en: s, ru: `Шаг ${s}` });
    const n = 2000;
    const nodes = Array.from({ length: n }, (_, i) =>
      i === n - 1
        ? { id: `n${i}`, kind: 'outcome', result: 'escalate', text: T(`end ${i}`), collect: T('slmgr /dlv') }
        : { id: `n${i}`, kind: 'yesno', text: T(`question ${i}`), yes: `n${i + 1}`, no: `n${n - 1}` },
    );
    writeFileSync(
      join(flowsDir, 'generated-large.json'),
      JSON.stringify({ title: T('Generated'), start: 'n0', nodes }),
    );
    const big = await buildApp(join(work, 'dist-big'), { FLOWS_DIR: flowsDir });

    const before = initialAssets(dist);
    const after = initialAssets(big);
    expect(precache(big).some((u) => u.startsWith('assets/flows/generated-large-'))).toBe(true);
    expect(raw(big, after.js)).toBe(raw(dist, before.js));
    expect(raw(big, after.css)).toBe(raw(dist, before.css));
  }, 120_000);
});
