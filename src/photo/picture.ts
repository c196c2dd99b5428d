/**
 * A picture made ready for the recognizer: decoded (no more pixels than recognition needs), prepared
 * (src/ocr/prepare.ts) and written as a PGM. Runs in the page or in a worker: it needs only
 * createImageBitmap and a 2D canvas.
 */
import { prepareImage, toPgm } from '../ocr/prepare.ts';

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

/** The picture as the grey PGM the recognizer reads. */
export async function pgmOf(image: Blob): Promise<Uint8Array> {
  return toPgm(prepareImage(await pixelsOf(image)));
}
