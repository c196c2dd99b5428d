/**
 * Reads a photo or screenshot of a console in the browser: decoded and made smaller where it is huge,
 * prepared (src/ocr/prepare.ts), recognized by Tesseract in a worker of its own, which is ended afterwards
 * so its memory goes back, and returned as lines to check. The photo is never stored.
 */
import { photoLines } from '../ocr/lines.ts';
import type { PhotoLine } from '../ocr/lines.ts';
import { prepareImage, toPgm } from '../ocr/prepare.ts';
import { deviceCore, ocrUrl } from './fetch-files.ts';
import { OCR_FILES } from './files.ts';

/** The languages read: Russian output holds English too (DNS, IPv4, command names). */
export type PhotoLanguages = 'eng' | 'rus+eng';

// Decoding a 48-megapixel photo whole would take a phone's memory; this is more than recognition needs.
const MAX_DECODED = 8_000_000;

/** The picture's pixels, no more than MAX_DECODED of them. */
async function pixelsOf(image: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(image);
  try {
    const s = Math.min(1, Math.sqrt(MAX_DECODED / (bitmap.width * bitmap.height)));
    const w = Math.max(1, Math.round(bitmap.width * s));
    const h = Math.max(1, Math.round(bitmap.height * s));
    const canvas =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(w, h)
        : Object.assign(document.createElement('canvas'), { width: w, height: h });
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as
      CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0, w, h);
    return ctx.getImageData(0, 0, w, h);
  } finally {
    bitmap.close();
  }
}

/** What recognition is doing, 0 … 1 of it, for a progress bar. */
export type PhotoProgress = (share: number) => void;

/** Recognizes the text of a picture of a console, as lines with the doubtful ones marked. */
export async function recognizePhoto(
  image: Blob,
  langs: PhotoLanguages,
  onProgress: PhotoProgress = () => undefined,
  base: string = document.baseURI,
): Promise<PhotoLine[]> {
  const prepared = prepareImage(await pixelsOf(image));
  const build = await deviceCore();
  const core = OCR_FILES.find((f) => f.core === build)!;
  const { createWorker } = await import('tesseract.js');
  const worker = await createWorker(langs.split('+'), 1, {
    // Every file from this origin (the service worker answers from its cache offline), never a CDN; the
    // worker started from its own address, not a blob: URL the page's policy would refuse.
    workerPath: ocrUrl('worker.min.js', base),
    corePath: ocrUrl(core.file, base),
    langPath: ocrUrl('', base).replace(/\/$/, ''),
    gzip: true,
    cacheMethod: 'none',
    workerBlobURL: false,
    logger: (m: { status: string; progress: number }) => {
      if (m.status === 'recognizing text') onProgress(m.progress);
    },
  });
  try {
    const result = await worker.recognize(
      new Blob([toPgm(prepared) as BlobPart], { type: 'image/x-portable-graymap' }),
      {},
      { blocks: true, text: false },
    );
    return photoLines(result.data);
  } finally {
    await worker.terminate();
  }
}
