/**
 * Reads a photo or screenshot of a console in the browser: decoded and made smaller where it is huge,
 * prepared (src/ocr/prepare.ts) in a worker, recognized by Tesseract in a worker of its own, which is
 * ended a minute after its last picture or when the reader closes, so its memory goes back, and returned
 * as lines to check. The photo is never stored.
 */
import type { Worker as Recognizer } from 'tesseract.js';
import { officialMessages } from '../data/official-messages.ts';
import { RECOGNIZER_CONFIG, photoLines } from '../ocr/lines.ts';
import type { PhotoLine } from '../ocr/lines.ts';
import { pgmOf } from './picture.ts';
import type { PrepareAnswer } from './prepare-worker.ts';
import { deviceCore, ocrUrl } from './fetch-files.ts';
import { OCR_FILES } from './files.ts';

/** The languages read: Russian output holds English too (DNS, IPv4, command names). */
export type PhotoLanguages = 'eng' | 'rus+eng';

/** The picture prepared in a worker of its own, or here where a worker cannot draw (no OffscreenCanvas). */
async function prepared(image: Blob): Promise<Uint8Array> {
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return pgmOf(image);
  const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { type: 'module' });
  try {
    const answer = await new Promise<PrepareAnswer>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<PrepareAnswer>) => resolve(e.data);
      worker.onerror = () => reject(new Error('the preparing worker failed'));
      worker.postMessage(image);
    });
    if ('error' in answer) throw new Error(answer.error);
    return answer.pgm;
  } finally {
    worker.terminate();
  }
}

/** What recognition is doing, 0 … 1 of it, for a progress bar. */
export type PhotoProgress = (share: number) => void;

// One recognizer at a time, kept between pictures: starting one (its engine compiled, its models read) costs
// as much as reading a screen. It is ended a minute after its last read, or when the photo reader closes.
const IDLE_MS = 60_000;
let held:
  { langs: PhotoLanguages; worker: Promise<Recognizer>; timer?: ReturnType<typeof setTimeout> } | undefined;
// The progress of the read under way: the logger is given when the worker is made, once.
let progress: PhotoProgress = () => undefined;

async function startWorker(langs: PhotoLanguages, base: string): Promise<Recognizer> {
  const build = await deviceCore();
  const core = OCR_FILES.find((f) => f.core === build)!;
  const { createWorker } = await import('tesseract.js');
  return createWorker(
    langs.split('+'),
    1,
    {
      // Every file from this origin (the service worker answers from its cache offline), never a CDN; the
      // worker started from its own address, not a blob: URL the page's policy would refuse.
      workerPath: ocrUrl('worker.min.js', base),
      corePath: ocrUrl(core.file, base),
      langPath: ocrUrl('', base).replace(/\/$/, ''),
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      logger: (m: { status: string; progress: number }) => {
        if (m.status === 'recognizing text') progress(m.progress);
      },
    },
    // Read as the tests read them (tests/photos/read.ts).
    RECOGNIZER_CONFIG,
  );
}

/**
 * Starts the recognizer for these languages, or keeps the one started: a tap on a photo button calls it, so
 * that it loads while the camera or the file picker is open.
 */
export function warmRecognizer(langs: PhotoLanguages, base: string = document.baseURI): Promise<Recognizer> {
  if (held?.langs === langs) {
    clearTimeout(held.timer);
    held.timer = undefined;
    return held.worker;
  }
  void releaseRecognizer();
  const worker = startWorker(langs, base);
  const mine = { langs, worker };
  held = mine;
  // A recognizer that failed to start is not kept: the next picture tries again.
  worker.catch(() => {
    if (held === mine) held = undefined;
  });
  return worker;
}

/** Ends the recognizer, if one is held, and gives its memory back. */
export async function releaseRecognizer(): Promise<void> {
  const h = held;
  held = undefined;
  if (!h) return;
  clearTimeout(h.timer);
  const worker = await h.worker.catch(() => undefined);
  await worker?.terminate();
}

/** Recognizes the text of a picture of a console, as lines with the doubtful ones marked. */
export async function recognizePhoto(
  image: Blob,
  langs: PhotoLanguages,
  onProgress: PhotoProgress = () => undefined,
  base: string = document.baseURI,
): Promise<PhotoLine[]> {
  // The recognizer loads in its worker while the picture is decoded and prepared in another.
  const starting = warmRecognizer(langs, base);
  try {
    // A picture that cannot be decoded fails here, and the recognizer stays for the next one.
    const pgm = await prepared(image);
    const worker = await starting;
    progress = onProgress;
    try {
      const result = await worker.recognize(
        new Blob([pgm as BlobPart], { type: 'image/x-portable-graymap' }),
        {},
        { blocks: true, text: false },
      );
      return photoLines(result.data, (code) => officialMessages(code).length > 0);
    } catch (e) {
      // A recognizer that failed is in an unknown state: it is not used again.
      await releaseRecognizer();
      throw e;
    }
  } finally {
    progress = () => undefined;
    if (held) {
      // Two pictures read at once each end here: one timer, from the last.
      clearTimeout(held.timer);
      held.timer = setTimeout(() => void releaseRecognizer(), IDLE_MS);
    }
  }
}
