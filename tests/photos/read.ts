/**
 * The photo pipeline in Node, as the app's worker runs it: the picture prepared, recognized by tesseract.js
 * (the same WebAssembly engine and language data the app serves), its lines repaired and marked, and read
 * by the console reader. And the score: the facts read from the photo against those read from the text.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { createWorker } from 'tesseract.js';
import type { Worker } from 'tesseract.js';
import { readConsole } from '../../src/console/reader.ts';
import { SAMPLES, parts } from '../support/console-samples.ts';
import type { ReadResult } from '../../src/console/types.ts';
import { officialMessages } from '../../src/data/official-messages.ts';
import { RECOGNIZER_CONFIG, photoLines, photoText } from '../../src/ocr/lines.ts';
import type { PhotoLine } from '../../src/ocr/lines.ts';
import { prepareImage, toPgm } from '../../src/ocr/prepare.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PHOTOS = join(ROOT, 'tests', 'fixtures', 'photos');
// English from its npm package; Russian vendored with its licence (no maintained package has it).
const ENG = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);
const RUS = join(ROOT, 'public', 'ocr');

/** The languages a fixture needs: Russian output has English in it too (DNS, IPv4, command names). */
export function languagesOf(source: string): 'eng' | 'rus+eng' {
  return /-ru-|-ru\./.test(source) ? 'rus+eng' : 'eng';
}

/** A recognizer for one set of languages, its data read from this checkout (never from the network). */
export async function recognizer(langs: 'eng' | 'rus+eng'): Promise<Worker> {
  // tesseract.js reads every language from one folder: links to the package's English and the vendored Russian.
  const dir = mkdtempSync(join(tmpdir(), 'tessdata-'));
  symlinkSync(join(ENG, 'eng.traineddata.gz'), join(dir, 'eng.traineddata.gz'));
  symlinkSync(join(RUS, 'rus.traineddata.gz'), join(dir, 'rus.traineddata.gz'));
  const worker = await createWorker(
    langs.split('+'),
    1,
    { langPath: dir, gzip: true, cacheMethod: 'none' },
    // The settings the app reads with (src/photo/recognize.ts).
    RECOGNIZER_CONFIG,
  ).finally(
    // The models are loaded once the worker is made: the links are not needed after.
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return worker;
}

/** A picture of the set as RGBA pixels: PNG or JPEG. */
export function pixelsOf(file: string): { width: number; height: number; data: Uint8Array } {
  const bytes = readFileSync(join(PHOTOS, file));
  return file.endsWith('.jpg')
    ? jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true })
    : PNG.sync.read(bytes);
}

/** Reads one picture: the lines as the technician would see them, and the reader's result of their text. */
export async function readPhoto(
  worker: Worker,
  file: string,
): Promise<{ lines: PhotoLine[]; read: ReadResult }> {
  const prepared = prepareImage(pixelsOf(file));
  const result = await worker.recognize(Buffer.from(toPgm(prepared)), {}, { blocks: true, text: false });
  const lines = photoLines(result.data, (code) => officialMessages(code).length > 0);
  return { lines, read: readConsole(photoText(lines)) };
}

/** The output an item of the set shows (`kind/file.txt` of tests/fixtures/console), without its header lines. */
export const consoleText = (source: string): string => parts(new URL(source, SAMPLES)).output;

/** Every fact of a reading as "kind.fact" → its value (JSON), numbered by section kind in order. */
export function factsOf(read: ReadResult): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const s of read.sections) {
    const n = seen.get(s.kind) ?? 0;
    seen.set(s.kind, n + 1);
    for (const [k, v] of Object.entries(s.facts))
      if (v !== undefined) out.set(`${s.kind}#${n}.${k}`, JSON.stringify(v));
  }
  return out;
}

/** Facts of the text found with the same value in the photo, found with another value (wrong), or missing. */
export function score(expected: Map<string, string>, got: Map<string, string>) {
  const right: string[] = [];
  const wrong: { fact: string; expected: string; got: string }[] = [];
  const missed: string[] = [];
  for (const [fact, value] of expected) {
    const g = got.get(fact);
    if (g === value) right.push(fact);
    else if (g === undefined) missed.push(fact);
    else wrong.push({ fact, expected: value, got: g });
  }
  return { right, wrong, missed, total: expected.size };
}
