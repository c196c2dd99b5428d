/**
 * The photo reader's files: Tesseract's worker and WebAssembly core (one build of three, as the device
 * supports SIMD) and the English and Russian models. Served from this origin's ocr/ folder; kept in a cache
 * of their own, named by the recognizer's version, once downloaded.
 */

/** The folder, relative to the app, the files are served from. */
export const OCR_DIR = 'ocr/';
/** Tesseract.js's version: a new one is a new cache, and the old one goes. */
export const OCR_VERSION = '7.0.0';
export const OCR_CACHE = `afg-ocr-${OCR_VERSION}`;

/** Which build of the core a device runs. */
export type CoreBuild = 'relaxedsimd' | 'simd' | 'plain';

export interface OcrFile {
  file: string;
  /** Bytes: what the progress bar counts to (a compressed response's length would not say). */
  size: number;
  /** For the core builds: which device needs it. The other files every device needs. */
  core?: CoreBuild;
}

export const OCR_FILES: readonly OcrFile[] = [
  { file: 'worker.min.js', size: 111_307 },
  { file: 'tesseract-core-relaxedsimd-lstm.wasm.js', size: 3_905_767, core: 'relaxedsimd' },
  { file: 'tesseract-core-simd-lstm.wasm.js', size: 3_899_472, core: 'simd' },
  { file: 'tesseract-core-lstm.wasm.js', size: 3_896_484, core: 'plain' },
  { file: 'eng.traineddata.gz', size: 2_952_873 },
  { file: 'rus.traineddata.gz', size: 1_610_187 },
];

/** The files one device needs. */
export function filesFor(core: CoreBuild): OcrFile[] {
  return OCR_FILES.filter((f) => !f.core || f.core === core);
}
