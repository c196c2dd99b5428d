/** What the page and the service worker (sw.ts) tell each other: typed once for both, in neither's types. */

/** What the page is told about the offline copy: how many files it should hold, and how many are missing. */
export interface OfflineReport {
  type: 'OFFLINE_STATUS';
  total: number;
  missing: number;
  restored: number;
}
