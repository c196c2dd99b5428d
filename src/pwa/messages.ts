/** What the page and the service worker (sw.ts) tell each other: typed once for both, in neither's types. */
import type { OcrState } from '../photo/fetch-files.ts';

/** What the page is told about the offline copy: how many files it should hold, and how many are missing. */
export interface OfflineReport {
  type: 'OFFLINE_STATUS';
  total: number;
  missing: number;
  restored: number;
}

/** The photo reader's files: the page asks the worker to get them ready (OCR_PREPARE), the worker says how it goes. */
export type OcrMessage = { type: 'OCR_PREPARE' } | { type: 'OCR_STATE'; state: OcrState };
