/**
 * What recognition returns, as the lines the technician checks: each line's text after the repairs its
 * values' shapes allow, and whether it is doubtful (the recognizer was unsure of it, or it was repaired).
 */
import { repairLine } from './repair.ts';
import type { Repair } from './repair.ts';

/** The parts of a recognizer's result that are read here (tesseract.js's blocks output has this shape). */
export interface RecognizedBlocks {
  blocks?:
    | readonly {
        paragraphs: readonly {
          lines: readonly {
            text: string;
            confidence: number;
            words?: readonly { text: string; confidence: number }[];
          }[];
        }[];
      }[]
    | null;
}

/**
 * Tesseract's settings the lines are read with, in the app and in the tests alike, as its config file has
 * them: spaces between words kept as they are on screen, so that a table's columns stay apart.
 */
export const RECOGNIZER_CONFIG = 'preserve_interword_spaces 1';

/** One recognized line, ready to be checked and corrected. */
export interface PhotoLine {
  text: string;
  /** As recognized, before any repair. */
  read: string;
  /** The recognizer's confidence in the line, 0 … 100. */
  confidence: number;
  repairs: Repair[];
  /** Worth a look before it is used: unsure, or repaired. */
  doubtful: boolean;
}

// Below this the recognizer itself is unsure of a line, or of one of its words.
const LINE_SURE = 80;
const WORD_SURE = 60;

/** The lines of a recognizer's result in reading order, repaired where the shapes say, doubtful ones marked. */
export function photoLines(result: RecognizedBlocks, knownCode?: (code: string) => boolean): PhotoLine[] {
  const out: PhotoLine[] = [];
  for (const block of result.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const read = line.text.replace(/\s+$/, '');
        if (!read.trim()) continue;
        const { text, repairs } = repairLine(read, knownCode);
        const unsure =
          line.confidence < LINE_SURE ||
          (line.words ?? []).some((w) => w.text.trim() !== '' && w.confidence < WORD_SURE);
        out.push({
          text,
          read,
          confidence: line.confidence,
          repairs,
          doubtful: unsure || repairs.length > 0,
        });
      }
  return out;
}

/** The lines as one text, as a paste of the same output would be. */
export function photoText(lines: readonly Pick<PhotoLine, 'text'>[]): string {
  return lines.map((l) => l.text).join('\n');
}
