/** Lighthouse's figures as the bench keeps them: types only, so the report and its tests need no Lighthouse package. */
export interface LighthouseRun {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  /** Cumulative Layout Shift (unitless). */
  cls: number;
  bytes: number;
}

export interface LighthouseSummary extends LighthouseRun {
  runs: LighthouseRun[];
  errors: string[];
}
