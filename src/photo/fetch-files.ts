/**
 * Fetches the photo reader's files into their cache, counting bytes as they arrive: run by the service
 * worker when a page asks (the first paste box opened, or the app installed on the home screen). The
 * worker answers ocr/ requests from that cache, offline too.
 */
import { relaxedSimd, simd } from 'wasm-feature-detect';
import { OCR_CACHE, OCR_DIR, filesFor } from './files.ts';
import type { CoreBuild } from './files.ts';

export type OcrState =
  | { kind: 'idle' }
  | { kind: 'downloading'; done: number; total: number }
  | { kind: 'ready' }
  /** `offline`: no network to fetch from; `storage`: the browser refused the space; `server`: a file was missing. */
  | { kind: 'failed'; reason: 'offline' | 'storage' | 'server' }
  /** No Cache Storage or no WebAssembly: photos cannot be read in this browser. */
  | { kind: 'unsupported' };

let coreBuild: Promise<CoreBuild> | undefined;
/** The build of the WebAssembly core this device runs: with relaxed SIMD, SIMD, or neither. */
export function deviceCore(): Promise<CoreBuild> {
  coreBuild ??= Promise.all([relaxedSimd(), simd()]).then(
    ([relaxed, plainSimd]) => (relaxed ? 'relaxedsimd' : plainSimd ? 'simd' : 'plain'),
    () => 'plain' as const,
  );
  return coreBuild;
}

/** The address of one of the reader's files, relative to the app's address (it may live in a sub-path). */
export function ocrUrl(file: string, base: string): string {
  return new URL(`${OCR_DIR}${file}`, base).href;
}

class DownloadError extends Error {
  constructor(readonly reason: 'offline' | 'storage' | 'server') {
    super(reason);
  }
}

/** Fetches one file, counting its bytes as they arrive, and puts it in the cache. */
async function fetchInto(cache: Cache, url: string, progress: (bytes: number) => void) {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch {
    throw new DownloadError('offline');
  }
  if (!response.ok || !response.body) throw new DownloadError('server');
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new DownloadError('offline');
    });
    if (done) break;
    parts.push(value);
    progress(value.byteLength);
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  try {
    await cache.put(
      url,
      new Response(new Blob(parts as BlobPart[], { type }), { headers: { 'Content-Type': type } }),
    );
  } catch {
    throw new DownloadError('storage');
  }
}

/** Makes sure every file this device needs is in the cache, reporting each change of state. */
export async function fetchOcrFiles(base: string, report: (state: OcrState) => void): Promise<void> {
  if (typeof caches === 'undefined' || typeof WebAssembly === 'undefined')
    return report({ kind: 'unsupported' });
  try {
    const cache = await caches.open(OCR_CACHE);
    const files = filesFor(await deviceCore());
    const missing = [];
    for (const f of files) if (!(await cache.match(ocrUrl(f.file, base)))) missing.push(f);
    if (!missing.length) return report({ kind: 'ready' });
    const total = missing.reduce((n, f) => n + f.size, 0);
    let done = 0;
    report({ kind: 'downloading', done, total });
    for (const f of missing)
      await fetchInto(cache, ocrUrl(f.file, base), (bytes) => {
        // A compressed response may differ from the size on record: the bar never passes its end.
        done = Math.min(total, done + bytes);
        report({ kind: 'downloading', done, total });
      });
    report({ kind: 'ready' });
  } catch (e) {
    report({ kind: 'failed', reason: e instanceof DownloadError ? e.reason : 'storage' });
  }
}
