/**
 * The photo pipeline in Node on the handful of pictures marked quick in tests/photos/set.ts (the bench reads
 * the whole set): recognized, repaired and read, and the facts compared with those of the output's text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Worker } from 'tesseract.js';
import { readConsole } from '../../src/console/reader.ts';
import { consoleText, factsOf, languagesOf, readPhoto, recognizer, score } from '../photos/read.ts';
import { PHOTO_SET } from '../photos/set.ts';

const workers = new Map<string, Promise<Worker>>();
const workerFor = (langs: 'eng' | 'rus+eng') => {
  if (!workers.has(langs)) workers.set(langs, recognizer(langs));
  return workers.get(langs)!;
};
afterAll(async () => {
  for (const w of workers.values()) await (await w).terminate();
});

// Recognition is a few seconds of WebAssembly a picture; a busy machine may take four times as long.
const TIMEOUT = 120_000;

describe('console output read from a picture of the screen', () => {
  for (const item of PHOTO_SET.filter((p) => p.quick)) {
    it(
      `${item.image}: no fact with a wrong value${item.distortion === 'clean' ? ', and every fact of the text' : ''}`,
      async () => {
        const { lines, read } = await readPhoto(await workerFor(languagesOf(item.source)), item.image);
        const expected = factsOf(readConsole(consoleText(item.source)));
        const s = score(expected, factsOf(read));
        expect(expected.size, 'the text itself has facts to compare').toBeGreaterThan(0);
        expect(s.wrong, lines.map((l) => l.text).join('\n')).toEqual([]);
        if (item.distortion === 'clean') expect(s.missed).toEqual([]);
        // Every fact read comes with the recognized line it was read from, for the technician to check.
        for (const section of read.sections)
          for (const from of Object.values(section.lines))
            expect(lines.some((l) => l.text.trim() === from || l.text.includes(from!))).toBe(true);
      },
      TIMEOUT,
    );
  }
});
